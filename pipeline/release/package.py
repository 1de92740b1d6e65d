"""Release metadata files: datapackage.json (Frictionless Data Package), CITATION.cff, SHA256SUMS.

The coded data are published under CC-BY-4.0 (attribution: "newsledger"). The articles
themselves are not redistributed: the articles table carries bibliographic fields only (no
text), while evidence excerpts (the sentence a row was coded from) are published with each
event and claim and remain the outlets' words; ``sources`` lists every outlet and URL.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import scores
from pipeline.release.contract import TABLES, table_description, table_schema
from pipeline.release.csvsafe import RULE

NAME = "newsledger"
TITLE = "newsledger: events and claims coded from news articles"
DESCRIPTION = (
    "Who did what to whom (CAMEO/PLOVER-coded event mentions) and who said what (attributed "
    "claims), extracted from news articles with the sentence each row was coded from. Built by "
    "an event-sourced pipeline; every release is immutable and checksummed."
)
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
EXCERPT_NOTE = (
    "Full article texts are not published. evidence_text and claim_text are short excerpts "
    "quoted from the source articles, credited in `sources`; their copyright stays with the "
    "outlets."
)
SUMS_FILE = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sources(articles: pd.DataFrame) -> list[dict[str, str]]:
    """One source per article with a URL (titled by outlet), plus outlets without URLs."""
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for rec in articles.sort_values("article_id").to_dict("records"):
        outlet = str(rec.get("outlet") or "unknown outlet")
        url = str(rec.get("url") or "")
        title = str(rec.get("title") or "")
        if (outlet, url) in seen:
            continue
        seen.add((outlet, url))
        entry = {"title": f"{outlet}: {title}" if title and url else outlet}
        if url:
            entry["path"] = url
        out.append(entry)
    return out


def resource(folder: Path, table: str, fmt: str, rows: int) -> dict[str, Any]:
    """The descriptor of one data file already written under ``folder/data``."""
    path = Path("data") / f"{table}.{fmt}"
    file = folder / path
    csv = fmt == "csv"
    res: dict[str, Any] = {
        "name": table if csv else f"{table}-parquet",
        "title": f"{table} ({'CSV' if csv else 'Parquet'})",
        "description": table_description(table)
        + (
            " Spreadsheet-safe escaping applies; see x-csv-escaping."
            if csv
            else " Same rows as the CSV, unescaped."
        ),
        "path": path.as_posix(),
        # frictionless reads Parquet through pyarrow and cannot count its bytes, so the
        # Parquet copies are typed "file": their bytes and hash are still verified, and
        # validate_release checks their columns and rows against the schema.
        "type": "table" if csv else "file",
        "scheme": "file",
        "format": fmt,
        "mediatype": "text/csv" if csv else "application/vnd.apache.parquet",
        "encoding": "utf-8" if csv else None,
        "bytes": file.stat().st_size,
        "hash": f"sha256:{sha256_file(file)}",
        "schema": table_schema(table, "" if csv else "-parquet"),
        "x-newsledger": {"table": table, "rows": rows},
    }
    if csv:
        res["dialect"] = {
            "delimiter": ",",
            "quoteChar": '"',
            "doubleQuote": True,
            "lineTerminator": "\r\n",
            "header": True,
        }
        res["x-csv-escaping"] = RULE
    else:
        del res["encoding"]
    return res


def datapackage(
    folder: Path, version: str, created: str, articles: pd.DataFrame, meta: dict[str, Any]
) -> dict[str, Any]:
    """The Data Package descriptor for a release folder whose data files are written."""
    counts = meta.get("counts", {})
    resources = [
        resource(folder, t, fmt, int(counts.get(t, 0)))
        for fmt in ("csv", "parquet")
        for t in TABLES
    ]
    return {
        "name": NAME,
        "title": TITLE,
        "description": f"{DESCRIPTION} {EXCERPT_NOTE}",
        "version": version,
        "created": created,
        "keywords": ["events", "claims", "CAMEO", "PLOVER", "news", "attribution"],
        "licenses": [LICENSE],
        "sources": sources(articles),
        "contributors": [{"title": "newsledger pipeline", "role": "author"}],
        "x-csv-escaping": RULE,
        "x-newsledger": meta,
        "x-evaluation": scores.for_release(),
        "resources": resources,
    }


def citation_cff(version: str, created: str, doi: str | None = None) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for a release."""
    lines = [
        "cff-version: 1.2.0",
        'message: "If you use these data, please cite them as below."',
        "type: dataset",
        f'title: "{TITLE}"',
        f'version: "{version}"',
        f'date-released: "{created[:10]}"',
        f"license: {LICENSE['name']}",
        "authors:",
        '  - name: "newsledger"',
        "keywords:",
        "  - events",
        "  - claims",
        "  - news",
        f'abstract: "{DESCRIPTION}"',
    ]
    if doi:
        lines.append(f"doi: {doi}")
    return "\n".join(lines) + "\n"


def sha256sums(folder: Path) -> str:
    """``sha256sum``-format lines over every file of the folder except SHA256SUMS itself."""
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel == SUMS_FILE:
            continue
        lines.append(f"{sha256_file(path)}  {rel}")
    return "\n".join(lines) + "\n"


def verify_sums(folder: Path) -> list[str]:
    """Files whose checksum does not match SHA256SUMS (empty when the release is intact)."""
    bad = []
    for line in (folder / SUMS_FILE).read_text(encoding="utf-8").splitlines():
        digest, rel = line.split("  ", 1)
        file = folder / rel
        if not file.is_file() or sha256_file(file) != digest:
            bad.append(rel)
    return bad
