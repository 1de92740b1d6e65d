"""Publish a projection as an immutable, versioned release folder.

Layout of ``<out_dir>/datasets/<MAJOR.MINOR.PATCH>/``::

    datapackage.json   Frictionless Data Package (licence, sources, resources with bytes,
                       sha256 hash and a Table Schema generated from the Pandera models)
    data/<table>.parquet, data/<table>.csv   articles, events, claims, actors (same rows)
    CHANGELOG.md       human-readable history, newest first
    changes.json       machine-readable diff against the previous release
    CITATION.cff       how to cite this version
    SHA256SUMS         sha256sum-format checksums of every other file

A release is written into a hidden temporary folder inside ``datasets/``, fsynced, validated
with frictionless, and only then renamed into place; ``datasets/index.html`` is then replaced
and ``datasets/latest.json`` written last (temp file + rename). A failure before the rename
leaves no version folder and ``latest.json`` untouched. Existing versions are never touched.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release import catalog, csvsafe, package
from pipeline.release.contract import (
    TABLES,
    canonical,
    content_digest,
    contract_signature,
    table_digest,
    table_schema,
)
from pipeline.release.diff import Snapshot, changelog_entry, compute_changes, load_version
from pipeline.release.files import fsync_dir, fsync_tree, write_atomic
from pipeline.release.semver import Version, list_versions, next_version
from schemas.tables import CONTRACT_VERSION, FOREIGN_KEYS

LATEST = "latest.json"
_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}


class ProjectionLike(Protocol):
    """What publish needs from ``pipeline.project.Projection``."""

    tables: dict[str, pd.DataFrame]
    corrections: pd.DataFrame
    ledger_head: int
    extractor_versions: list[str]


class ReleaseError(RuntimeError):
    """A release could not be published (nothing was written)."""


class ReleaseExistsError(ReleaseError):
    """The version folder already exists; releases are immutable."""


@dataclass
class PublishResult:
    version: str
    path: Path
    bump: str  # initial | major | minor | patch
    counts: dict[str, int]
    changes: dict[str, Any]
    digest: str
    previous: str | None = None
    files: list[str] = field(default_factory=list)


@contextmanager
def _publish_lock(datasets: Path) -> Iterator[None]:
    with (datasets / ".publish.lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --- writers (module-level so tests can inject failures) ----------------------------------


def write_parquet(table: str, frame: pd.DataFrame, path: Path) -> None:
    fields = table_schema(table)["fields"]
    schema = pa.schema([pa.field(f["name"], _ARROW[f["type"]]) for f in fields])
    arrow = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    pq.write_table(arrow, path, compression="zstd")


def write_csv(table: str, frame: pd.DataFrame, path: Path) -> None:
    text = {f["name"] for f in table_schema(table)["fields"] if f["type"] == "string"}
    csvsafe.write_csv(frame, path, text)


# --- checks -------------------------------------------------------------------------------


def check_foreign_keys(tables: dict[str, pd.DataFrame]) -> None:
    """Refuse to publish rows that point at articles the release does not contain."""
    problems = []
    for table, keys in FOREIGN_KEYS.items():
        for column, ref_table, ref_column in keys:
            known = set(tables[ref_table][ref_column])
            orphans = sorted(set(tables[table][column].dropna()) - known)
            if orphans:
                problems.append(f"{table}.{column} -> {ref_table}.{ref_column}: {orphans[:5]}")
    if problems:
        raise ReleaseError("rows reference missing rows: " + "; ".join(problems))


def validate_release(folder: Path) -> list[str]:
    """Every check a release must pass; returns the problems (empty when the release is good).

    frictionless validates the Data Package: each CSV against its Table Schema (types,
    constraints, primary and foreign keys) and every file's bytes and sha256 hash. The Parquet
    files' columns, types and row counts are checked against the same schema with pyarrow,
    and SHA256SUMS (when present) against the files.
    """
    from frictionless import Package

    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    report = Package(descriptor, basepath=str(folder)).validate()
    problems = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors]
    problems += [err.message for err in report.errors]
    for res in descriptor["resources"]:
        if res["format"] != "parquet":
            continue
        meta = pq.read_metadata(folder / res["path"])
        arrow = meta.schema.to_arrow_schema()
        expected = [(f["name"], _ARROW[f["type"]]) for f in res["schema"]["fields"]]
        actual = [(f.name, f.type) for f in arrow]
        if actual != expected:
            problems.append(f"{res['name']}: columns {actual} differ from the schema {expected}")
        rows = res.get("x-newsledger", {}).get("rows")
        if rows is not None and meta.num_rows != rows:
            problems.append(f"{res['name']}: {meta.num_rows} rows, descriptor says {rows}")
    if (folder / package.SUMS_FILE).is_file():
        problems += [f"SHA256SUMS mismatch: {rel}" for rel in package.verify_sums(folder)]
    return problems


# --- publish ------------------------------------------------------------------------------


def _corrections_in_force(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or not len(frame) or "in_force" not in frame.columns:
        return []
    live = frame[frame["in_force"].astype(bool) & (frame["action"] != "revert")]
    keep = ["correction_id", "action", "table_name", "row_id", "fields", "reason", "author"]
    return [
        {k: (None if pd.isna(r.get(k)) else r.get(k)) for k in keep}
        for r in live.sort_values("correction_id").to_dict("records")
    ]


def _previous(datasets: Path) -> Snapshot | None:
    versions = list_versions(datasets)
    return load_version(datasets, str(versions[-1])) if versions else None


def _same_content(previous: Snapshot, digest: str) -> bool:
    if previous.contract != contract_signature():
        return False
    if previous.meta.get("contract_version", CONTRACT_VERSION) != CONTRACT_VERSION:
        return False
    if previous.meta.get("content_digest") == digest:
        return True
    # recompute from the previous release's rows (covers releases made by older code)
    try:
        prev = {t: canonical(t, previous.tables[t]) for t in TABLES}
    except (KeyError, ValueError, TypeError):
        return False
    return content_digest(prev) == digest


def _latest_record(datasets: Path, version: str) -> dict[str, Any]:
    pkg = json.loads((datasets / version / "datapackage.json").read_text(encoding="utf-8"))
    meta = pkg.get("x-newsledger", {})
    return {
        "version": version,
        "path": f"{version}/",
        "datapackage": f"{version}/datapackage.json",
        "created": pkg["created"],
        "counts": meta.get("counts", {}),
        "bump": meta.get("bump"),
        "previous": meta.get("previous_version"),
        "content_digest": meta.get("content_digest"),
        "contract_version": meta.get("contract_version"),
    }


def write_latest(datasets: Path, version: str) -> None:
    record = _latest_record(datasets, version)
    write_atomic(datasets / LATEST, (json.dumps(record, indent=2) + "\n").encode())


def read_latest(datasets: Path) -> dict[str, Any] | None:
    path = datasets / LATEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def publish(
    projection: ProjectionLike,
    out_dir: Path,
    reasons: dict[str, Any] | None = None,
    *,
    validate: bool = True,
    created: datetime | None = None,
) -> PublishResult | None:
    """Publish a new release under ``out_dir/datasets``, or return None if nothing changed.

    ``reasons`` is context for the changelog (extractor_versions, previous_extractor_versions,
    corrections, anything JSON-serialisable); it is stored under ``context`` in changes.json.
    With ``validate`` (the default) the release must pass ``validate_release`` before it is
    renamed into place; otherwise nothing is published and ReleaseError is raised.
    """
    reasons = dict(reasons or {})
    datasets = Path(out_dir) / "datasets"
    datasets.mkdir(parents=True, exist_ok=True)
    tables = {t: canonical(t, projection.tables[t]) for t in TABLES}
    check_foreign_keys(tables)
    digest = content_digest(tables)
    with _publish_lock(datasets):
        for stale in datasets.glob(".tmp-*"):  # left by a publisher that died mid-write
            shutil.rmtree(stale, ignore_errors=True)
        previous = _previous(datasets)
        if previous is not None and _same_content(previous, digest):
            latest = read_latest(datasets)
            if latest is None or latest.get("version") != previous.version:
                write_latest(datasets, str(previous.version))  # repair after a crash
            return None
        stamp = (created or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        created_iso = stamp.isoformat().replace("+00:00", "Z")
        extractor_versions = sorted(
            reasons.get("extractor_versions") or projection.extractor_versions or []
        )
        counts = {t: len(tables[t]) for t in TABLES}
        meta: dict[str, Any] = {
            "content_digest": digest,
            "table_digests": {t: table_digest(t, tables[t]) for t in TABLES},
            "contract_version": CONTRACT_VERSION,
            "extractor_versions": extractor_versions,
            "corrections_in_force": _corrections_in_force(projection.corrections),
            "ledger_head": int(projection.ledger_head),
            "counts": counts,
            "previous_version": previous.version if previous else None,
        }
        if previous is not None and "extractor_versions" not in previous.meta:
            previous.meta["extractor_versions"] = reasons.get("previous_extractor_versions", [])
        changes = compute_changes(
            previous, Snapshot(tables, contract_signature(), meta), context=reasons
        )
        bump = changes["bump"]
        version = str(
            next_version(
                Version.parse(previous.version) if previous and previous.version else None, bump
            )
        )
        changes["to"] = version
        changes["created"] = created_iso
        meta["bump"] = bump
        final = datasets / version
        if final.exists():
            raise ReleaseExistsError(f"release {version} already exists at {final}")
        tmp = datasets / f".tmp-{version}-{uuid.uuid4().hex[:8]}"
        try:
            files = _write_release(
                tmp, tables, version, created_iso, meta, changes, previous, datasets
            )
            if validate:
                errors = validate_release(tmp)
                if errors:
                    raise ReleaseError(
                        "release failed frictionless validation:\n" + "\n".join(errors[:20])
                    )
            page = catalog.render_catalog(datasets, pending={version: tmp})
            fsync_tree(tmp)
            if final.exists():
                raise ReleaseExistsError(f"release {version} already exists at {final}")
            os.rename(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        fsync_dir(datasets)
        write_atomic(datasets / catalog.INDEX, page.encode("utf-8"))
        write_latest(datasets, version)
    return PublishResult(
        version=version,
        path=final,
        bump=bump,
        counts=counts,
        changes=changes,
        digest=digest,
        previous=meta["previous_version"],
        files=files,
    )


def _write_release(
    tmp: Path,
    tables: dict[str, pd.DataFrame],
    version: str,
    created: str,
    meta: dict[str, Any],
    changes: dict[str, Any],
    previous: Snapshot | None,
    datasets: Path,
) -> list[str]:
    (tmp / "data").mkdir(parents=True)
    for t in TABLES:
        write_parquet(t, tables[t], tmp / "data" / f"{t}.parquet")
        write_csv(t, tables[t], tmp / "data" / f"{t}.csv")
    descriptor = package.datapackage(tmp, version, created, tables["articles"], meta)
    (tmp / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (tmp / "changes.json").write_text(
        json.dumps(changes, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    history = ""
    if previous is not None and previous.version:
        old = datasets / previous.version / "CHANGELOG.md"
        if old.is_file():
            history = old.read_text(encoding="utf-8").split("\n", 2)[-1]
    changelog = "# Changelog\n\n" + changelog_entry(changes, created) + "\n" + history.lstrip("\n")
    (tmp / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    (tmp / "CITATION.cff").write_text(package.citation_cff(version, created), encoding="utf-8")
    (tmp / package.SUMS_FILE).write_text(package.sha256sums(tmp), encoding="utf-8")
    return sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
