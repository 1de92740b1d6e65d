"""Analyst access: read-only SQL over a snapshot of the warehouse, safe during pipeline runs.

DuckDB lets one process write a database file, and while it does no other process can open
that file, not even read-only. So analysts never query ``warehouse.duckdb`` directly: after
each run (once the writer has closed it) ``refresh_snapshot`` copies the tables into
``<out>/snapshot.duckdb`` (built in a temp file, then renamed over the old one, so readers see
the old or the new snapshot, never half of one). ``run_query`` opens that snapshot read-only.
When there is no snapshot yet it falls back to views over the latest release's Parquet files.

Queries are read-only three ways: the database is opened with ``read_only=True``, only
SELECT / EXPLAIN / PRAGMA statements are accepted, and file access from SQL is switched off
(the fallback may read only the release's Parquet files) with the configuration locked.

Tables (as in the warehouse): ``articles``, ``events``, ``claims``, ``actors``, plus
``quarantine``, ``corrections`` and ``article_texts`` when the warehouse has them.

Ready-made views:

- ``events_detailed``: every event mention with its article's ``article_title``, ``outlet``,
  ``published_at`` and ``article_url``.
- ``claims_by_speaker``: every claim with the speaker's actor record (``speaker_canonical_name``,
  ``speaker_type``, ``speaker_country``, ``speaker_sector``, ``speaker_wikidata_qid``) and the
  article's title, outlet and publication date.
- ``daily_event_counts``: asserted events per ``event_date`` and ``cameo_root``: ``mentions``
  (rows), ``events`` (distinct ``event_group_id``, i.e. real-world events, not reports) and
  ``mean_goldstein``; undated events are left out.
- ``event_groups``: one row per real-world event (``event_group_id``): first and last date,
  most common CAMEO code and root, number of mentions and of articles reporting it.
- ``actor_pairs``: source/target actor pairs with mentions, distinct events and mean
  Goldstein score, most frequent first.
- ``speaker_claim_counts``: claims per speaker (unknown speakers grouped), with direct quotes
  and the number of articles.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.ledger import StoreBusyError

SNAPSHOT = "snapshot.duckdb"
EXCLUDED = ("ledger",)  # the raw event store stays in the warehouse
ALLOWED_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA"}

# name -> (tables it needs, SQL)
VIEWS: dict[str, tuple[tuple[str, ...], str]] = {
    "events_detailed": (
        ("events", "articles"),
        """
        SELECT e.*, a.title AS article_title, a.outlet, a.published_at, a.url AS article_url
        FROM events e LEFT JOIN articles a ON a.article_id = e.article_id""",
    ),
    "claims_by_speaker": (
        ("claims", "actors", "articles"),
        """
        SELECT c.*, s.name AS speaker_canonical_name, s.actor_type AS speaker_type,
               s.country AS speaker_country, s.sector AS speaker_sector,
               s.wikidata_qid AS speaker_wikidata_qid,
               a.title AS article_title, a.outlet, a.published_at
        FROM claims c
        LEFT JOIN actors s ON s.actor_id = c.speaker_id
        LEFT JOIN articles a ON a.article_id = c.article_id""",
    ),
    "daily_event_counts": (
        ("events",),
        """
        SELECT event_date, cameo_root, count(*) AS mentions,
               count(DISTINCT event_group_id) AS events, avg(goldstein) AS mean_goldstein
        FROM events
        WHERE modality = 'asserted' AND event_date IS NOT NULL AND event_date <> ''
        GROUP BY event_date, cameo_root
        ORDER BY event_date, cameo_root""",
    ),
    "event_groups": (
        ("events",),
        """
        SELECT event_group_id,
               min(NULLIF(event_date, '')) AS first_date, max(NULLIF(event_date, '')) AS last_date,
               mode(cameo_code) AS cameo_code, mode(cameo_root) AS cameo_root,
               count(*) AS mentions, count(DISTINCT article_id) AS articles
        FROM events GROUP BY event_group_id ORDER BY first_date NULLS LAST, event_group_id""",
    ),
    "actor_pairs": (
        ("events",),
        """
        SELECT actor1_id, actor1_name, actor2_id, actor2_name, count(*) AS mentions,
               count(DISTINCT event_group_id) AS events, avg(goldstein) AS mean_goldstein
        FROM events WHERE actor1_id IS NOT NULL AND actor2_id IS NOT NULL
        GROUP BY ALL ORDER BY mentions DESC, actor1_name, actor2_name""",
    ),
    "speaker_claim_counts": (
        ("claims",),
        """
        SELECT speaker_id, coalesce(speaker_name, '(unknown)') AS speaker_name,
               count(*) AS claims, count(*) FILTER (WHERE claim_kind = 'direct') AS direct_quotes,
               count(DISTINCT article_id) AS articles
        FROM claims GROUP BY ALL ORDER BY claims DESC, speaker_name""",
    ),
}


class QueryError(RuntimeError):
    """The query was refused or there is nothing to query."""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create every ready-made view whose tables exist; returns the views created."""
    present = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    made = []
    for name, (needs, sql) in VIEWS.items():
        if not set(needs) <= present:
            continue
        try:
            con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
        except duckdb.Error:  # tables of an older shape: leave that view out
            continue
        made.append(name)
    return made


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def refresh_snapshot(warehouse: Path, out_dir: Path) -> Path:
    """Copy the warehouse's tables into ``out_dir/snapshot.duckdb`` atomically, with the views.

    Call it when the writer has closed the warehouse; raises StoreBusyError otherwise.
    """
    out_dir = Path(out_dir)
    if not Path(warehouse).is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / SNAPSHOT
    tmp = out_dir / f".{SNAPSHOT}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        con = duckdb.connect(str(tmp))
        try:
            try:
                con.execute(f"ATTACH {_quote(str(warehouse))} AS wh (READ_ONLY)")
            except duckdb.IOException as exc:
                if "lock" in str(exc).lower():
                    raise StoreBusyError(f"{warehouse} is held by a writer") from exc
                raise
            names = [
                r[0]
                for r in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE database_name = 'wh' "
                    "AND schema_name = 'main' ORDER BY table_name"
                ).fetchall()
            ]
            for name in names:
                if name not in EXCLUDED:
                    con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM wh.main."{name}"')
            con.execute("DETACH wh")
            views = create_views(con)
            con.execute(
                "CREATE TABLE _snapshot AS SELECT current_timestamp AS created_at, "
                "? AS warehouse, ? AS tables, ? AS views",
                [
                    str(warehouse),
                    json.dumps([n for n in names if n not in EXCLUDED]),
                    json.dumps(views),
                ],
            )
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _fsync(tmp)
        os.replace(tmp, target)
        fd = os.open(out_dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return target


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from exc
    if not statements:
        raise QueryError("empty query")
    for st in statements:
        kind = str(st.type).rsplit(".", 1)[-1]
        if kind not in ALLOWED_STATEMENTS:
            raise QueryError(f"read-only access: {kind} statements are not allowed")


def _latest_release(out_dir: Path) -> Path | None:
    datasets = out_dir / "datasets"
    latest = datasets / "latest.json"
    if not latest.is_file():
        return None
    version = json.loads(latest.read_text(encoding="utf-8"))["version"]
    folder = datasets / version
    return folder if (folder / "data").is_dir() else None


def _release_db(release: Path, path: Path) -> list[Path]:
    """Build a small database of views over a release's Parquet files; returns the files."""
    files = sorted((release / "data").glob("*.parquet"))
    con = duckdb.connect(str(path))
    try:
        for f in files:
            con.execute(f'CREATE VIEW "{f.stem}" AS SELECT * FROM read_parquet({_quote(str(f))})')
        create_views(con)
    finally:
        con.close()
    return files


def run_query(out_dir: Path, sql: str) -> pd.DataFrame:
    """Run read-only SQL against the snapshot (or the latest release) and return a frame."""
    out_dir = Path(out_dir)
    snapshot = out_dir / SNAPSHOT
    if snapshot.is_file():
        return _run_locked_down(duckdb.connect(str(snapshot), read_only=True), sql)
    release = _latest_release(out_dir)
    if release is None:
        raise QueryError(
            f"nothing to query in {out_dir}: no {SNAPSHOT} and no published release yet"
        )
    with tempfile.TemporaryDirectory(prefix="newsledger-query-") as tmp:
        db = Path(tmp) / "release.duckdb"
        files = _release_db(release, db)
        con = duckdb.connect(str(db), read_only=True)
        allowed = "[" + ", ".join(_quote(str(f)) for f in files) + "]"
        con.execute(f"SET allowed_paths = {allowed}")
        return _run_locked_down(con, sql)


def _run_locked_down(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Run one read-only statement with file access off and the settings locked; then close."""
    try:
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        _check_read_only(con, sql)
        return con.execute(sql).df()
    finally:
        con.close()


def list_views() -> dict[str, str]:
    """View name -> the SQL it runs (for ``pipeline query --help`` style listings)."""
    return {name: " ".join(sql.split()) for name, (_, sql) in VIEWS.items()}
