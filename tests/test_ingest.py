"""Each input format, sidecars, encodings, rejections and idempotent re-ingest, on real files."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline import ingest
from pipeline.ledger import ARTICLE_INGESTED, INPUT_QUARANTINED, Ledger

BODY = "Ministers met in Geneva on Monday.\n\nThey said talks would continue."


def write(root: Path, name: str, data: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_txt_first_line_is_headline_and_sidecar_adds_metadata(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Talks resume\n\n" + BODY)
    write(tmp_path, "a.meta.json", json.dumps({"outlet": "Wire", "published_at": "2025-03-20"}))
    (article,), rejected = ingest.scan(tmp_path)
    assert rejected == []
    assert article.title == "Talks resume"
    assert article.outlet == "Wire"
    assert article.published_at == "2025-03-20T00:00:00"
    assert article.text == "Talks resume\n\n" + BODY
    assert article.content_sha256 == ingest.sha256(("Talks resume\n\n" + BODY).encode())
    assert article.article_id == article.content_sha256[:16]


def test_md_headline_drops_the_hash_marks(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "# Talks resume\n\n" + BODY)
    (article,), _ = ingest.scan(tmp_path)
    assert article.title == "Talks resume"
    assert article.text.startswith("# Talks resume")


def test_html_text_drops_scripts_and_styles(tmp_path: Path) -> None:
    page = """<html><head><title>T</title><meta name="author" content="A. Writer">
    <style>p {color: red}</style><script>var leaked = 1;</script></head>
    <body><h1>Talks resume</h1><p>Ministers met in <b>Geneva</b> on Monday.</p>
    <script>alert('x')</script><p>They said talks would continue.</p></body></html>"""
    write(tmp_path, "c.html", page)
    (article,), _ = ingest.scan(tmp_path)
    assert (
        "leaked" not in article.text and "alert" not in article.text and "color" not in article.text
    )
    assert article.text == (
        "Talks resume\n\nMinisters met in Geneva on Monday.\n\nThey said talks would continue."
    )
    assert article.title == "Talks resume"
    assert article.author == "A. Writer"


def test_json_and_jsonl_one_article_per_object(tmp_path: Path) -> None:
    write(
        tmp_path,
        "d.json",
        json.dumps({"id": "x1", "title": "One", "text": BODY, "url": "https://e.x/1"}),
    )
    lines = [
        json.dumps({"text": BODY + " Two."}),
        "",
        json.dumps({"text": BODY + " Three.", "outlet": "O"}),
    ]
    write(tmp_path, "e.jsonl", "\n".join(lines) + "\n")
    articles, rejected = ingest.scan(tmp_path)
    assert rejected == []
    assert [a.source_path for a in articles] == ["d.json", "e.jsonl#L1", "e.jsonl#L3"]
    assert articles[0].external_id == "x1" and articles[0].url == "https://e.x/1"
    assert articles[2].outlet == "O"
    assert articles[1].content_sha256 == ingest.sha256(lines[0].encode())


def test_invalid_utf8_falls_back_and_records_the_encoding(tmp_path: Path) -> None:
    write(tmp_path, "f.txt", b"Price\n\nIt cost \xa3300 on Monday.")
    (article,), _ = ingest.scan(tmp_path)
    assert article.encoding == "cp1252"
    assert "£300" in article.text


def test_bad_inputs_are_rejected_with_a_reason(tmp_path: Path) -> None:
    write(tmp_path, "g.json", "{not json")
    write(tmp_path, "h.json", json.dumps({"title": "no text"}))
    write(tmp_path, "i.jsonl", json.dumps({"text": BODY}) + "\n{broken\n")
    write(tmp_path, "j.pdf", b"%PDF-1.4")
    write(tmp_path, "k.txt", "   \n")
    articles, rejected = ingest.scan(tmp_path)
    assert len(articles) == 1
    checks = {r.source_path: r.check for r in rejected}
    assert checks == {
        "g.json": "valid_json",
        "h.json": "text_present",
        "i.jsonl#L2": "valid_json",
        "j.pdf": "supported_format",
        "k.txt": "text_not_empty",
    }
    assert all(r.reason for r in rejected)


def test_same_bytes_twice_are_one_article_and_reingest_appends_nothing(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write(raw, "a.txt", "Talks\n\n" + BODY)
    write(raw, "copy/a-again.txt", "Talks\n\n" + BODY)
    write(raw, "bad.json", "{")
    with Ledger.open(tmp_path / "w.duckdb") as ledger:
        first = ingest.record(ledger, raw, "test")
        assert (first.added, first.duplicates, first.quarantined) == (1, 1, 1)
        head = ledger.head()
        again = ingest.record(ledger, raw, "test")
        assert (again.added, again.quarantined) == (0, 0)
        assert ledger.head() == head
        assert len(ledger.read(ARTICLE_INGESTED)) == 1
        assert len(ledger.read(INPUT_QUARANTINED)) == 1


def test_readmes_hidden_files_and_sidecars_are_not_articles(tmp_path: Path) -> None:
    write(tmp_path, "README.TXT", "About this corpus")
    write(tmp_path, "sub/readme.md", "# About")
    write(tmp_path, ".hidden/x.txt", "Hidden\n\ntext")
    write(tmp_path, "a.txt", "Talks\n\n" + BODY)
    write(tmp_path, "a.meta.json", json.dumps({"outlet": "Wire"}))
    assert [p.name for p in ingest.input_files(tmp_path)] == ["a.txt"]
