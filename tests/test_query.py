"""Analyst access: a read-only snapshot with views, usable while a writer holds the warehouse."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.ledger import StoreBusyError
from pipeline.query import SNAPSHOT, VIEWS, QueryError, refresh_snapshot, run_query
from pipeline.release import publish
from tests.release_fixtures import make_tables, projection


def _warehouse(path: Path, n_articles: int = 2) -> None:
    con = duckdb.connect(str(path))
    try:
        for name, frame in make_tables(n_articles=n_articles).items():
            con.register("_f", frame)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _f')
            con.unregister("_f")
        con.execute("CREATE OR REPLACE TABLE ledger AS SELECT 1 AS seq")
    finally:
        con.close()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    _warehouse(tmp_path / "warehouse.duckdb")
    refresh_snapshot(tmp_path / "warehouse.duckdb", tmp_path)
    return tmp_path


@pytest.fixture
def writer(out: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that opens warehouse.duckdb for writing and keeps it open."""
    script = textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(out / "warehouse.duckdb")!r})
        con.execute("CREATE TABLE IF NOT EXISTS busy (i INTEGER)")
        con.execute("INSERT INTO busy VALUES (1)")
        print("ready", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        if proc.stdin:
            proc.stdin.close()
        proc.wait(timeout=30)


def test_views_exist_and_answer(out: Path) -> None:
    names = set(run_query(out, "SELECT table_name FROM information_schema.tables")["table_name"])
    assert set(VIEWS) <= names
    assert {"articles", "events", "claims", "actors"} <= names and "ledger" not in names
    detailed = run_query(out, "SELECT * FROM events_detailed ORDER BY event_id")
    assert len(detailed) == 6 and detailed["outlet"].notna().all()
    assert {"article_title", "published_at"} <= set(detailed.columns)
    speakers = run_query(out, "SELECT * FROM claims_by_speaker WHERE speaker_id IS NOT NULL")
    assert set(speakers["speaker_canonical_name"]) == {"Jane Smith"}
    assert set(speakers["speaker_type"]) == {"person"}
    daily = run_query(out, "SELECT * FROM daily_event_counts")
    events = run_query(
        out, "SELECT * FROM events WHERE modality = 'asserted' AND event_date IS NOT NULL"
    )
    assert int(daily["mentions"].sum()) == len(events)
    assert list(daily.columns[:2]) == ["event_date", "cameo_root"]
    pairs = run_query(out, "SELECT * FROM actor_pairs")
    assert int(pairs["mentions"].sum()) == 6
    counts = run_query(out, "SELECT * FROM speaker_claim_counts")
    assert dict(zip(counts["speaker_name"], counts["claims"], strict=True)) == {
        "Jane Smith": 2,
        "(unknown)": 2,
    }
    groups = run_query(out, "SELECT * FROM event_groups")
    assert int(groups["mentions"].sum()) == 6


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE x AS SELECT 1",
        "DELETE FROM events",
        "INSERT INTO articles SELECT * FROM articles",
        "COPY events TO '/tmp/newsledger-should-not-exist.csv'",
        "ATTACH 'other.duckdb' AS o",
        "SELECT 1; DROP TABLE events",
        "SET enable_external_access = true",
    ],
)
def test_writes_refused(out: Path, sql: str) -> None:
    with pytest.raises((QueryError, duckdb.Error)):
        run_query(out, sql)
    assert len(run_query(out, "SELECT * FROM events")) == 6
    assert not Path("/tmp/newsledger-should-not-exist.csv").exists()


def test_reading_files_from_sql_refused(out: Path) -> None:
    with pytest.raises(duckdb.Error):
        run_query(out, "SELECT * FROM read_csv('/etc/hostname')")


def test_query_while_writer_holds_the_lock(out: Path, writer: subprocess.Popen[str]) -> None:
    with pytest.raises(duckdb.IOException):  # the warehouse itself cannot be opened now
        duckdb.connect(str(out / "warehouse.duckdb"), read_only=True)
    frame = run_query(out, "SELECT count(*) AS n FROM events_detailed")
    assert int(frame["n"].iloc[0]) == 6
    with pytest.raises(StoreBusyError):
        refresh_snapshot(out / "warehouse.duckdb", out)
    assert (out / SNAPSHOT).is_file()  # the old snapshot is still there, untouched
    assert not list(out.glob(f".{SNAPSHOT}.*"))


def test_refresh_replaces_snapshot(out: Path) -> None:
    _warehouse(out / "warehouse.duckdb", n_articles=3)
    refresh_snapshot(out / "warehouse.duckdb", out)
    assert int(run_query(out, "SELECT count(*) AS n FROM articles")["n"].iloc[0]) == 3
    assert sorted(p.name for p in out.iterdir()) == [SNAPSHOT, "warehouse.duckdb"]


def test_falls_back_to_latest_release(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="nothing to query"):
        run_query(tmp_path, "SELECT 1")
    publish(projection(make_tables(n_articles=3)), tmp_path, {})
    frame = run_query(tmp_path, "SELECT count(*) AS n FROM events_detailed")
    assert int(frame["n"].iloc[0]) == 9
    assert len(run_query(tmp_path, "SELECT * FROM claims_by_speaker")) == 6
    with pytest.raises((QueryError, duckdb.Error)):
        run_query(tmp_path, "CREATE TABLE x AS SELECT 1")
    with pytest.raises(duckdb.Error):
        run_query(tmp_path, "SELECT * FROM read_csv('/etc/hostname')")
