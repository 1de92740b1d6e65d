"""The static catalog page ``datasets/index.html``, regenerated at every release.

It lists every version (date, bump, row counts, file sizes, sha256 checksums, download links),
the data dictionary (from the Pandera field descriptions), the CSV escaping rule, and charts
of the latest release drawn as inline SVG. No scripts, fonts or anything remote: the page
works from ``file://`` offline, and its Content-Security-Policy forbids network loads.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from html import escape
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.release import svg
from pipeline.release.contract import TABLES, table_description, table_schema
from pipeline.release.csvsafe import RULE
from pipeline.release.diff import reason_lines
from pipeline.release.files import write_atomic
from pipeline.release.package import LICENSE
from pipeline.release.semver import list_versions

INDEX = "index.html"
CAMEO_CSV = Path(__file__).resolve().parents[2] / "schemas" / "codebook" / "cameo.csv"
TOP_N = 15
UNDATED = "undated"

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f4f7} td.num{text-align:right;font-variant-numeric:tabular-nums}
code,.hash{font-family:ui-monospace,monospace;font-size:12px} .hash{word-break:break-all}
figure{margin:1rem 0 2rem} figcaption{font-weight:600;margin-bottom:.3rem}
.note{background:#fff8e1;border-left:4px solid #f0b400;padding:.5rem 1rem}
"""


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def _root_labels() -> dict[str, str]:
    if not CAMEO_CSV.is_file():
        return {}
    with CAMEO_CSV.open(encoding="utf-8") as fh:
        return {r["code"]: r["label"] for r in csv.DictReader(fh) if r["code"] == r["root"]}


def _version_section(version: str, folder: Path) -> tuple[str, str]:
    """(summary row, details block) for one version."""
    pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    meta = pkg.get("x-newsledger", {})
    counts = meta.get("counts", {})
    total = sum(r.get("bytes", 0) for r in pkg["resources"])
    cells = "".join(f'<td class="num">{counts.get(t, "")}</td>' for t in TABLES)
    why = ""
    if (folder / "changes.json").is_file():
        changes = json.loads((folder / "changes.json").read_text(encoding="utf-8"))
        why = "; ".join(reason_lines(changes)) if changes.get("from") else "first release"
    row = (
        f'<tr><td><a href="#v{escape(version)}">{escape(version)}</a></td>'
        f"<td>{escape(pkg.get('created', '')[:10])}</td><td>{escape(str(meta.get('bump', '')))}"
        f'</td>{cells}<td class="num">{_size(total)}</td>'
        f'<td><a href="{version}/datapackage.json">datapackage.json</a> · '
        f'<a href="{version}/CHANGELOG.md">changelog</a></td><td>{escape(why[:300])}</td></tr>'
    )
    files = []
    for res in pkg["resources"]:
        href = f"{version}/{res['path']}"
        files.append(
            f'<tr><td><a href="{escape(href)}" download>{escape(res["path"])}</a></td>'
            f'<td>{escape(res["format"])}</td><td class="num">{_size(res["bytes"])}</td>'
            f'<td class="hash">{escape(res["hash"])}</td></tr>'
        )
    extras = " · ".join(
        f'<a href="{version}/{name}">{name}</a>'
        for name in ("CHANGELOG.md", "changes.json", "CITATION.cff", "SHA256SUMS")
    )
    details = (
        f'<details id="v{escape(version)}"><summary>{escape(version)}: files and checksums'
        f"</summary><table><thead><tr><th>file</th><th>format</th><th>size</th><th>sha256</th>"
        f"</tr></thead><tbody>{''.join(files)}</tbody></table><p>{extras}</p></details>"
    )
    return row, details


def _dictionary() -> str:
    parts = []
    for t in TABLES:
        schema = table_schema(t)
        rows = []
        for f in schema["fields"]:
            cons = f.get("constraints", {})
            rules = ", ".join(f"{k}: {v}" for k, v in cons.items() if k not in ("required",))
            rows.append(
                f"<tr><td><code>{escape(f['name'])}</code></td><td>{f['type']}</td>"
                f"<td>{'yes' if cons.get('required') else ''}</td>"
                f"<td>{escape(f['description'])}</td><td><code>{escape(rules)}</code></td></tr>"
            )
        parts.append(
            f'<h3 id="dict-{t}">{t}</h3><p>{escape(table_description(t))} Primary key: '
            f"<code>{schema['primaryKey'][0]}</code>.</p><table><thead><tr><th>column</th>"
            f"<th>type</th><th>required</th><th>description</th><th>constraints</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return "".join(parts)


def _read(folder: Path, table: str) -> pd.DataFrame:
    path = folder / "data" / f"{table}.parquet"
    return pq.read_table(path).to_pandas() if path.is_file() else pd.DataFrame()


def charts(folder: Path) -> list[tuple[str, str]]:
    """(caption, inline svg) for each chart of the release in ``folder``."""
    events, claims = _read(folder, "events"), _read(folder, "claims")
    articles = _read(folder, "articles")
    out = []
    labels = _root_labels()
    if len(events):
        published = dict(zip(articles["article_id"], articles["published_at"], strict=True))
        when = events["event_date"].where(
            events["event_date"].notna() & (events["event_date"] != ""),
            events["article_id"].map(published),
        )
        dated = events.assign(
            month=when.astype(object).map(
                lambda v: str(v)[:7] if isinstance(v, str) and len(v) >= 7 else UNDATED
            )
        )
        per = pd.DataFrame(
            dated.groupby(["cameo_root", "month"], as_index=False)["event_group_id"].nunique()
        )
        values = {
            (str(rec["cameo_root"]), str(rec["month"])): int(rec["event_group_id"])
            for rec in per.to_dict("records")
        }
        roots = sorted({r for r, _ in values})
        months = sorted({m for _, m in values}, key=lambda m: (m == UNDATED, m))
        names = {r: f"{r} {labels.get(r, '')}".strip() for r in roots}
        out.append(
            (
                "Events per CAMEO root and month (distinct events; by event_date, or the "
                "article's publication date when the event's date is unknown)",
                svg.heatmap(roots, months, values, "events per CAMEO root over time", names),
            )
        )
        edges = [float(x) for x in range(-10, 11)]
        bins = pd.cut(events["goldstein"], bins=edges, include_lowest=True, right=False)
        counts = [int(n) for n in bins.value_counts(sort=False).tolist()]
        counts[-1] += int((events["goldstein"] == 10).sum())
        out.append(
            (
                "Goldstein scores of event mentions",
                svg.histogram(counts, edges, "Goldstein distribution"),
            )
        )
        pairs = Counter(
            f"{a} \u2192 {b}"
            for a, b in zip(events["actor1_name"], events["actor2_name"], strict=True)
            if a and b
        )
        out.append(
            (
                "Top actor pairs (source \u2192 target, event mentions)",
                svg.hbar(pairs.most_common(TOP_N), "top actor pairs"),
            )
        )
    else:
        out.append(("Events", svg.hbar([], "events")))
    if len(claims):
        speakers = Counter(s if s else "(unknown speaker)" for s in claims["speaker_name"])
        out.append(
            ("Claims per speaker", svg.hbar(speakers.most_common(TOP_N), "claims per speaker"))
        )
    else:
        out.append(("Claims per speaker", svg.hbar([], "claims per speaker")))
    return out


def render_catalog(datasets_dir: Path, pending: dict[str, Path] | None = None) -> str:
    """The catalog HTML for every published version plus ``pending`` (version -> folder)."""
    folders = {str(v): datasets_dir / str(v) for v in list_versions(datasets_dir)}
    folders.update(pending or {})
    ordered = sorted(folders, key=lambda v: tuple(int(x) for x in v.split(".")), reverse=True)
    sections = [_version_section(v, folders[v]) for v in ordered]
    head_cells = "".join(f"<th>{t}</th>" for t in TABLES)
    versions_html = (
        (
            '<table id="versions"><thead><tr><th>version</th><th>date</th><th>bump</th>'
            f"{head_cells}<th>size</th><th>metadata</th><th>why</th></tr></thead><tbody>"
            + "".join(r for r, _ in sections)
            + "</tbody></table>"
            + "".join(d for _, d in sections)
        )
        if sections
        else "<p>No release yet.</p>"
    )
    latest = ordered[0] if ordered else None
    plots = "".join(
        f"<figure><figcaption>{escape(c)}</figcaption>{s}</figure>"
        for c, s in (charts(folders[latest]) if latest else [])
    )
    latest_html = (
        (
            f'<p>Latest: <strong>{escape(latest)}</strong> · <a href="{latest}/data/events.csv" '
            f"download>events.csv</a> · "
            f'<a href="{latest}/data/claims.csv" download>claims.csv</a> · '
            f'<a href="latest.json">latest.json</a></p>'
        )
        if latest
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>newsledger datasets</title><style>{CSS}</style></head>
<body>
<h1>newsledger datasets</h1>
<p>Events (who did what to whom) and claims (who said what) coded from news articles, with the
evidence sentence for every row. Each version is immutable; verify downloads with
<code>sha256sum -c SHA256SUMS</code> inside the version folder.
Licence: <a href="{LICENSE["path"]}">{LICENSE["name"]}</a> for the coded data; evidence excerpts
are quoted from the credited outlets, and full article texts are not published.</p>
{latest_html}
<h2>Versions</h2>
{versions_html}
<h2>CSV escaping</h2>
<p class="note" id="csv-escaping">{escape(RULE)}</p>
<h2>Charts (latest release)</h2>
{plots or "<p>No release yet.</p>"}
<h2>Data dictionary</h2>
{_dictionary()}
</body></html>
"""


def write_catalog(datasets_dir: Path) -> Path:
    """Regenerate ``datasets/index.html`` from the published versions; returns its path."""
    datasets_dir.mkdir(parents=True, exist_ok=True)
    path = datasets_dir / INDEX
    write_atomic(path, render_catalog(datasets_dir).encode("utf-8"))
    return path
