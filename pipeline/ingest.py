"""Ingest: read the raw folder into article records, or quarantine records with a reason.

Every file below the raw folder is an input except hidden files, sidecars and READMEs
(``README``, ``README.md``, ``README.TXT``...), which describe a folder rather than report news.

Formats: ``.txt`` and ``.md`` (first line is the headline), ``.html``/``.htm`` (text extracted
with BeautifulSoup, scripts and styles dropped), ``.json`` (one article object, or a list of
them) and ``.jsonl`` (one article object a line). Any input may have a sidecar
``<name>.meta.json`` beside it with title, outlet, author, url, published_at, language.

Text that is not valid UTF-8 is decoded as cp1252 (Windows Latin-1, which covers Latin-1's
printable range) and, failing that, Latin-1; the encoding used is recorded on the article.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from pipeline.ledger import ARTICLE_INGESTED, INPUT_QUARANTINED, Ledger, NewEntry

SIDECAR_SUFFIX = ".meta.json"
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
BLOCKS = [
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
]
META_FIELDS = ("title", "outlet", "author", "url", "published_at", "language")


@dataclass(frozen=True)
class RawArticle:
    article_id: str
    content_sha256: str
    source_path: str
    text: str
    encoding: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published_at: str | None = None
    language: str = "en"
    external_id: str | None = None

    def as_payload(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article, and why."""

    source_path: str
    content_sha256: str
    check: str
    reason: str

    def as_payload(self) -> dict[str, Any]:
        return asdict(self)


class InputError(ValueError):
    def __init__(self, check: str, reason: str) -> None:
        super().__init__(reason)
        self.check = check


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding that decoded it (UTF-8, else cp1252, else Latin-1)."""
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def normalise_date(value: object) -> str | None:
    """ISO 8601 date or datetime string from a metadata value, None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    if parsed is None:
        raise InputError("published_at_parses", f"published_at {text!r} is not a date")
    return parsed.date().isoformat()


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(
            "sidecar_is_json", f"sidecar {side.name} is not valid JSON: {exc}"
        ) from exc
    if not isinstance(meta, dict):
        raise InputError("sidecar_is_object", f"sidecar {side.name} must hold a JSON object")
    return meta


def _article(data: bytes, rel: str, text: str, encoding: str, meta: dict[str, Any]) -> RawArticle:
    if not text.strip():
        raise InputError("text_not_empty", "the article has no text")
    digest = sha256(data)
    fields = {k: _clean(meta.get(k)) for k in META_FIELDS}
    return RawArticle(
        article_id=digest[:16],
        content_sha256=digest,
        source_path=rel,
        text=text,
        encoding=encoding,
        title=fields["title"],
        outlet=fields["outlet"],
        author=fields["author"],
        url=fields["url"],
        published_at=normalise_date(meta.get("published_at")),
        language=fields["language"] or "en",
        external_id=_clean(meta.get("id")),
    )


def _headline(text: str, markdown: bool) -> str | None:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if markdown:
        first = re.sub(r"^#+\s*", "", first)
    return first or None


def html_text(markup: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML page (one block a line) and the metadata its head declares."""
    soup = BeautifulSoup(markup, "html.parser")
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str):
            meta[key.lower()] = value
    title_tag = soup.find("h1") or soup.find("title")
    found = {
        "title": meta.get("og:title")
        or (title_tag.get_text(" ", strip=True) if title_tag else None),
        "outlet": meta.get("og:site_name"),
        "author": meta.get("author") or meta.get("article:author"),
        "published_at": meta.get("article:published_time") or meta.get("date"),
        "url": meta.get("og:url"),
    }
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", soup.get_text("")))
    text = "\n\n".join(p for p in paragraphs if p)
    return text, {k: v for k, v in found.items() if v}


def _from_text(path: Path, rel: str, data: bytes) -> Iterator[RawArticle]:
    text, encoding = decode(data)
    meta = {"title": _headline(text, path.suffix == ".md"), **_sidecar(path)}
    yield _article(data, rel, text, encoding, meta)


def _from_html(path: Path, rel: str, data: bytes) -> Iterator[RawArticle]:
    markup, encoding = decode(data)
    text, found = html_text(markup)
    yield _article(data, rel, text, encoding, {**found, **_sidecar(path)})


def _json_article(obj: object, data: bytes, rel: str, sidecar: dict[str, Any]) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError("record_is_object", "each JSON article must be an object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("text_present", "the JSON article has no string field 'text'")
    return _article(
        data, rel, text, "utf-8", {**sidecar, **{k: v for k, v in obj.items() if k != "text"}}
    )


def read_file(path: Path, root: Path) -> Iterator[RawArticle | Rejected]:
    """Articles (or rejections) from one input file."""
    rel = path.relative_to(root).as_posix()
    data = path.read_bytes()
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            yield from _from_text(path, rel, data)
        elif suffix in HTML_SUFFIXES:
            yield from _from_html(path, rel, data)
        elif suffix == ".jsonl":
            sidecar = _sidecar(path)
            for n, line in enumerate(data.splitlines(), start=1):
                if not line.strip():
                    continue
                where = f"{rel}#L{n}"
                try:
                    yield _json_article(json.loads(line), line, where, sidecar)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield Rejected(
                        where, sha256(line), "valid_json", f"line {n} is not valid JSON: {exc}"
                    )
                except InputError as exc:
                    yield Rejected(where, sha256(line), exc.check, str(exc))
        elif suffix == ".json":
            try:
                obj = json.loads(data)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError("valid_json", f"not valid JSON: {exc}") from exc
            sidecar = _sidecar(path)
            if isinstance(obj, list):
                for n, item in enumerate(obj):
                    item_bytes = json.dumps(item, sort_keys=True, ensure_ascii=False).encode()
                    try:
                        yield _json_article(item, item_bytes, f"{rel}#{n}", sidecar)
                    except InputError as exc:
                        yield Rejected(f"{rel}#{n}", sha256(item_bytes), exc.check, str(exc))
            else:
                yield _json_article(obj, data, rel, sidecar)
        else:
            raise InputError("supported_format", f"unsupported file type {suffix or '(none)'!r}")
    except InputError as exc:
        yield Rejected(rel, sha256(data), exc.check, str(exc))


def input_files(root: Path) -> list[Path]:
    """Input files under root in a stable order (sidecars, hidden files and READMEs excluded)."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not p.name.endswith(SIDECAR_SUFFIX)
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.stem.lower() != "readme"
    )


def scan(root: Path) -> tuple[list[RawArticle], list[Rejected]]:
    """Every article and rejection in the raw folder."""
    articles: list[RawArticle] = []
    rejected: list[Rejected] = []
    for path in input_files(root):
        for item in read_file(path, root):
            if isinstance(item, RawArticle):
                articles.append(item)
            else:
                rejected.append(item)
    return articles, rejected


@dataclass(frozen=True)
class IngestSummary:
    seen: int
    added: int
    quarantined: int
    duplicates: int


def record(ledger: Ledger, root: Path, producer: str) -> IngestSummary:
    """Append every article and rejection of the raw folder that the ledger does not hold yet."""
    articles, rejected = scan(root)
    known = ledger.subjects(ARTICLE_INGESTED)
    known_rejections = {
        (e.payload["source_path"], e.payload["content_sha256"], e.payload["check"])
        for e in ledger.read(INPUT_QUARANTINED)
    }
    entries: list[NewEntry] = []
    duplicates = 0
    for article in articles:
        if article.article_id in known:
            duplicates += 1
            continue
        known.add(article.article_id)
        entries.append(
            NewEntry(ARTICLE_INGESTED, article.article_id, article.as_payload(), producer)
        )
    new_rejections = [
        r for r in rejected if (r.source_path, r.content_sha256, r.check) not in known_rejections
    ]
    entries += [
        NewEntry(INPUT_QUARANTINED, r.source_path, {"stage": "ingest", **r.as_payload()}, producer)
        for r in new_rejections
    ]
    ledger.append(entries)
    return IngestSummary(
        seen=len(articles) + len(rejected),
        added=len(entries) - len(new_rejections),
        quarantined=len(new_rejections),
        duplicates=duplicates,
    )
