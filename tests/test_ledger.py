"""Contract suite every ledger store must pass, plus the file store's locking."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.ledger import Ledger, NewEntry, StoreBusyError, connect


@pytest.fixture(params=["file", "memory"])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    target = tmp_path / "warehouse.duckdb" if request.param == "file" else ":memory:"
    with Ledger.open(target) as store:
        yield store


def entry(kind: str = "article.ingested", subject: str = "a1", **payload: object) -> NewEntry:
    return NewEntry(kind, subject, {"n": 1, **payload}, "test/1")


def test_sequence_numbers_are_global_and_consecutive(ledger: Ledger) -> None:
    assert ledger.append([entry(), entry(subject="a2")]) == [1, 2]
    assert ledger.append([entry("release.published", "1.0.0")]) == [3]
    assert [e.seq for e in ledger.read()] == [1, 2, 3]
    assert ledger.head() == 3


def test_entries_keep_type_schema_payload_producer_and_time(ledger: Ledger) -> None:
    ledger.append([entry(text="naïve “quotes”")])
    (got,) = ledger.read()
    assert got.entry_type == "article.ingested"
    assert got.schema_version == 1
    assert got.payload == {"n": 1, "text": "naïve “quotes”"}
    assert got.producer == "test/1"
    assert got.recorded_at is not None


def test_read_filters_by_type_and_position(ledger: Ledger) -> None:
    ledger.append([entry(), entry("extraction.recorded"), entry(subject="a3")])
    assert [e.seq for e in ledger.read("article.ingested")] == [1, 3]
    assert [e.seq for e in ledger.read(after=1)] == [2, 3]
    assert ledger.subjects("article.ingested") == {"a1", "a3"}


def test_a_failed_append_writes_nothing(ledger: Ledger) -> None:
    ledger.append([entry()])
    bad = NewEntry("article.ingested", "a2", {"x": 1}, None)  # type: ignore[arg-type]
    with pytest.raises(duckdb.Error):
        ledger.append([entry(subject="ok"), bad])
    assert [e.subject for e in ledger.read()] == ["a1"]


def test_empty_append_is_a_no_op(ledger: Ledger) -> None:
    assert ledger.append([]) == []
    assert ledger.head() == 0


def test_file_store_persists_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Ledger.open(path) as first:
        first.append([entry()])
    with Ledger.open(path) as second:
        assert [e.subject for e in second.read()] == ["a1"]
        assert second.append([entry(subject="a2")]) == [2]


def test_second_writer_gets_store_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("locked", flush=True)
            time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreBusyError, match="store is busy"):
            connect(path)
    finally:
        holder.kill()
        holder.wait()
    with Ledger.open(path) as ledger:  # usable again, nothing corrupted
        assert ledger.head() == 0
