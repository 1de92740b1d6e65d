"""What changed between two releases, table by table, keyed by primary key.

For each table: rows added, removed, and changed (same key, different values, with the
columns that differ), and why: new articles, an extractor version change, corrections applied
or reverted. ``compute_changes`` feeds ``changes.json`` and ``CHANGELOG.md`` at publish time;
``diff_versions`` gives the same report for any two published versions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from pipeline.release.contract import TABLES, field_signature
from pipeline.release.semver import Version, choose_bump, list_versions
from schemas.tables import PRIMARY_KEYS

ID_LIMIT = 200  # ids listed per category in changes.json (counts are always complete)
META_KEY = "x-newsledger"


@dataclass
class Snapshot:
    """One side of a comparison: tables, their Table Schema fields, and release metadata."""

    tables: dict[str, pd.DataFrame]
    contract: dict[str, list[tuple[str, str]]]
    meta: dict[str, Any] = field(default_factory=dict)
    version: str | None = None


def load_version(datasets_dir: Path, version: str) -> Snapshot:
    """A published version's tables (from its Parquet files) and metadata."""
    Version.parse(version)
    folder = datasets_dir / version
    package_file = folder / "datapackage.json"
    if not package_file.is_file():
        raise FileNotFoundError(f"no release {version} under {datasets_dir}")
    package = json.loads(package_file.read_text(encoding="utf-8"))
    tables: dict[str, pd.DataFrame] = {}
    contract: dict[str, list[tuple[str, str]]] = {}
    for res in package["resources"]:
        if res.get("format") != "parquet":
            continue
        name = res[META_KEY]["table"] if META_KEY in res else res["name"].removesuffix("-parquet")
        frame = pq.read_table(folder / res["path"]).to_pandas()
        for column in frame.columns:
            if frame[column].dtype == object:
                frame[column] = frame[column].where(frame[column].notna(), None)
        key = res["schema"]["primaryKey"][0]
        tables[name] = frame.sort_values(key, kind="stable").reset_index(drop=True)
        contract[name] = field_signature(res["schema"])
    return Snapshot(tables, contract, dict(package.get(META_KEY, {})), version)


def _contract_changes(
    old: dict[str, list[tuple[str, str]]], new: dict[str, list[tuple[str, str]]]
) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            tables[name] = {"table_added" if name in new else "table_removed": True}
            continue
        before, after = dict(old[name]), dict(new[name])
        entry = {
            "added": [c for c in after if c not in before],
            "removed": [c for c in before if c not in after],
            "retyped": [
                {"name": c, "from": before[c], "to": after[c]}
                for c in after
                if c in before and before[c] != after[c]
            ],
            "reordered": [c for c in before if c in after] != [c for c in after if c in before],
        }
        if any(entry.values()):
            tables[name] = entry
    return {"changed": bool(tables), "tables": tables}


def _differs(a: pd.Series, b: pd.Series) -> pd.Series:
    both_null = a.isna() & b.isna()
    equal = a.astype(object) == b.astype(object)
    return ~(equal | both_null)


def diff_table(old: pd.DataFrame, new: pd.DataFrame, key: str) -> dict[str, Any]:
    """Rows added, removed and changed by primary key, with the columns that changed."""
    old_ids, new_ids = set(old[key]), set(new[key])
    added = sorted(new_ids - old_ids)
    removed = sorted(old_ids - new_ids)
    both = sorted(old_ids & new_ids)
    common = [c for c in new.columns if c in old.columns and c != key]
    a = old.set_index(key).loc[both, common]
    b = new.set_index(key).loc[both, common]
    differs = pd.DataFrame({c: _differs(a[c], b[c]) for c in common}, index=a.index)
    if common:
        changed_mask = differs.any(axis=1)
        changed = [str(i) for i in differs.index[changed_mask]]
        per_column = {c: int(differs[c].sum()) for c in common if differs[c].any()}
        rows = {i: [c for c in common if differs.at[i, c]] for i in changed}
    else:
        changed, per_column, rows = [], {}, {}
    return {
        "before": len(old),
        "after": len(new),
        "added": added,
        "removed": removed,
        "changed": rows,
        "changed_columns": per_column,
    }


def _corrections(meta: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["correction_id"]: c for c in meta.get("corrections_in_force", [])}


def _reason_for(
    table: str, row_id: str, kind: str, article_id: Any, columns: list[str], ctx: dict[str, Any]
) -> str:
    if table == "articles" and kind in ("added", "removed") and (table, row_id) not in ctx["corr"]:
        return "new_articles" if kind == "added" else "removed_articles"
    if kind == "added" and article_id in ctx["new_articles"]:
        return "new_articles"
    if kind == "removed" and article_id in ctx["removed_articles"]:
        return "removed_articles"
    if (table, row_id) in ctx["corr"]:
        return "corrections"
    if table == "actors":
        return "derived_from_events_and_claims"
    if kind == "changed" and "extractor_version" in columns:
        return "extractor_version"
    if kind != "changed" and ctx["extractor_changed"]:
        return "extractor_version"
    return "re-extraction"


def compute_changes(
    old: Snapshot | None, new: Snapshot, context: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The machine-readable change report between two snapshots (``old`` None: first release)."""
    old_versions = sorted((old.meta if old else {}).get("extractor_versions", []))
    new_versions = sorted(new.meta.get("extractor_versions", []))
    old_corr = _corrections(old.meta) if old else {}
    new_corr = _corrections(new.meta)
    applied = [new_corr[k] for k in sorted(set(new_corr) - set(old_corr))]
    reverted = [old_corr[k] for k in sorted(set(old_corr) - set(new_corr))]
    empty = {t: new.tables[t].iloc[0:0] for t in new.tables}
    old_tables = old.tables if old else empty
    diffs = {
        t: diff_table(old_tables.get(t, empty[t].iloc[0:0]), new.tables[t], PRIMARY_KEYS[t])
        for t in TABLES
        if t in new.tables
    }
    new_articles = diffs["articles"]["added"] if "articles" in diffs else []
    removed_articles = diffs["articles"]["removed"] if "articles" in diffs else []
    ctx = {
        "new_articles": set(new_articles),
        "removed_articles": set(removed_articles),
        "corr": {(c["table_name"], c["row_id"]) for c in applied + reverted},
        "extractor_changed": old is not None and old_versions != new_versions,
    }
    tables: dict[str, Any] = {}
    for t, d in diffs.items():
        key = PRIMARY_KEYS[t]
        article_of: dict[str, Any] = {}
        for frame in (old_tables.get(t), new.tables[t]):
            if frame is not None and "article_id" in frame.columns:
                article_of.update(zip(frame[key], frame["article_id"], strict=True))
        by_reason: dict[str, int] = {}
        for kind, ids in (
            ("added", d["added"]),
            ("removed", d["removed"]),
            ("changed", list(d["changed"])),
        ):
            for row_id in ids:
                reason = _reason_for(
                    t, row_id, kind, article_of.get(row_id), d["changed"].get(row_id, []), ctx
                )
                by_reason[reason] = by_reason.get(reason, 0) + 1
        changed_items = list(d["changed"].items())
        tables[t] = {
            "rows_before": d["before"],
            "rows_after": d["after"],
            "added": len(d["added"]),
            "removed": len(d["removed"]),
            "changed": len(d["changed"]),
            "changed_columns": d["changed_columns"],
            "by_reason": dict(sorted(by_reason.items())),
            "added_ids": d["added"][:ID_LIMIT],
            "removed_ids": d["removed"][:ID_LIMIT],
            "changed_rows": [{"id": i, "columns": c} for i, c in changed_items[:ID_LIMIT]],
            "truncated": max(len(d["added"]), len(d["removed"]), len(changed_items)) > ID_LIMIT,
        }
    contract: dict[str, Any] = (
        _contract_changes(old.contract, new.contract) if old else {"changed": False, "tables": {}}
    )
    bump = choose_bump(old.contract if old else None, new.contract, len(new_articles))
    before_cv, after_cv = (
        (old.meta if old else {}).get("contract_version"),
        new.meta.get("contract_version"),
    )
    if old is not None and None not in (before_cv, after_cv) and before_cv != after_cv:
        contract["changed"] = True
        contract["contract_version"] = {"from": before_cv, "to": after_cv}
        bump = "major"
    return {
        "from": old.version if old else None,
        "to": new.version,
        "bump": bump,
        "contract": contract,
        "tables": tables,
        "reasons": {
            "new_articles": new_articles[:ID_LIMIT],
            "new_article_count": len(new_articles),
            "removed_articles": removed_articles[:ID_LIMIT],
            "extractor_versions": {
                "from": old_versions,
                "to": new_versions,
                "changed": bool(ctx["extractor_changed"]),
            },
            "corrections": {"applied": applied, "reverted": reverted},
        },
        "context": context or {},
    }


def resolve_version(datasets_dir: Path, name: str) -> str:
    """A version number, or ``latest`` / ``previous`` resolved against the published ones."""
    if name not in ("latest", "previous"):
        return str(Version.parse(name))
    versions = list_versions(datasets_dir)
    wanted = 1 if name == "latest" else 2
    if len(versions) < wanted:
        raise FileNotFoundError(f"no {name} release under {datasets_dir}")
    return str(versions[-wanted])


def diff_versions(datasets_dir: Path, a: str, b: str) -> dict[str, Any]:
    """The change report from published version ``a`` to ``b`` (or ``latest``/``previous``)."""
    a, b = resolve_version(datasets_dir, a), resolve_version(datasets_dir, b)
    return compute_changes(load_version(datasets_dir, a), load_version(datasets_dir, b))


def is_empty(changes: dict[str, Any]) -> bool:
    return not changes["contract"]["changed"] and not any(
        t["added"] or t["removed"] or t["changed"] for t in changes["tables"].values()
    )


def reason_lines(changes: dict[str, Any]) -> list[str]:
    """Why a release differs from the one before, one short line per reason."""
    r = changes["reasons"]
    lines = []
    if r["new_article_count"]:
        lines.append(f"{r['new_article_count']} new article(s)")
    if r["removed_articles"]:
        lines.append(f"{len(r['removed_articles'])} article(s) removed")
    ev = r["extractor_versions"]
    if ev["changed"]:
        before, after = ", ".join(ev["from"]) or "none", ", ".join(ev["to"]) or "none"
        lines.append(f"extractor version {before} -> {after}")
    for c in r["corrections"]["applied"]:
        lines.append(
            f"correction {c['correction_id']} applied: {c['action']} {c['table_name']} "
            f"{c['row_id']} ({c.get('reason', '')}; {c.get('author', '')})"
        )
    for c in r["corrections"]["reverted"]:
        lines.append(
            f"correction {c['correction_id']} reverted: was {c['action']} {c['table_name']} "
            f"{c['row_id']}"
        )
    if "contract_version" in changes["contract"]:
        cv = changes["contract"]["contract_version"]
        lines.append(f"contract version {cv['from']} -> {cv['to']}")
    for name, spec in changes["contract"]["tables"].items():
        lines.append(f"contract change in {name}: {json.dumps(spec, sort_keys=True)}")
    return lines


def format_diff(d: dict[str, Any]) -> str:
    """A plain-text rendering of a change report (for ``pipeline diff A B``)."""
    head = f"{d['from'] or '(nothing)'} -> {d['to']}  [{d['bump']}]"
    out = [head, "=" * len(head)]
    reasons = reason_lines(d)
    out.append("Why: " + ("; ".join(reasons) if reasons else "no recorded reason"))
    out.append("")
    out.append(
        f"{'table':<10} {'before':>7} {'after':>7} {'added':>6} {'removed':>8} "
        f"{'changed':>8}  columns changed"
    )
    for name, t in d["tables"].items():
        cols = ", ".join(f"{c} ({n})" for c, n in t["changed_columns"].items()) or "-"
        out.append(
            f"{name:<10} {t['rows_before']:>7} {t['rows_after']:>7} {t['added']:>6} "
            f"{t['removed']:>8} {t['changed']:>8}  {cols}"
        )
    for name, t in d["tables"].items():
        if not (t["added"] or t["removed"] or t["changed"]):
            continue
        out.append("")
        out.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in t["by_reason"].items()))
        for label, ids in (("+", t["added_ids"]), ("-", t["removed_ids"])):
            for i in ids:
                out.append(f"  {label} {i}")
        for row in t["changed_rows"]:
            out.append(f"  ~ {row['id']}: {', '.join(row['columns'])}")
        if t["truncated"]:
            out.append(f"  ... (lists cut at {ID_LIMIT} ids)")
    return "\n".join(out)


def changelog_entry(changes: dict[str, Any], created: str) -> str:
    """The Markdown section of CHANGELOG.md for one release."""
    lines = [f"## {changes['to']} ({created[:10]})", ""]
    if changes["from"] is None:
        lines.append("First release.")
    else:
        lines.append(f"{changes['bump'].upper()} release after {changes['from']}.")
    lines.append("")
    reasons = reason_lines(changes)
    if reasons:
        lines.append("Why:")
        lines.extend(f"- {r}" for r in reasons)
        lines.append("")
    lines.append("| table | rows | added | removed | changed | columns changed | reasons |")
    lines.append("|---|---:|---:|---:|---:|---|---|")
    for name, t in changes["tables"].items():
        cols = ", ".join(f"`{c}` ({n})" for c, n in t["changed_columns"].items()) or ""
        why = ", ".join(f"{k}: {v}" for k, v in t["by_reason"].items())
        lines.append(
            f"| {name} | {t['rows_after']} | {t['added']} | {t['removed']} | "
            f"{t['changed']} | {cols} | {why} |"
        )
    lines.append("")
    lines.append("Row-level detail (ids added, removed and changed) is in `changes.json`.")
    return "\n".join(lines) + "\n"
