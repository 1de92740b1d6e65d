"""The append-only ledger: the single source of truth, kept in DuckDB.

Every fact the pipeline learns is an immutable entry with a global sequence number, a type,
a schema version, a JSON payload, the producer's version and the time. Nothing here updates
or deletes an entry; every analyst table is a projection rebuilt from these entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

ENTRY_SCHEMA_VERSION = 1

ARTICLE_INGESTED = "article.ingested"
INPUT_QUARANTINED = "input.quarantined"
EXTRACTION_RECORDED = "extraction.recorded"
CORRECTION_RECORDED = "correction.recorded"
RELEASE_PUBLISHED = "release.published"

_DDL = """
CREATE TABLE IF NOT EXISTS ledger (
    seq BIGINT PRIMARY KEY,
    entry_type VARCHAR NOT NULL,
    schema_version INTEGER NOT NULL,
    subject VARCHAR,
    payload JSON NOT NULL,
    producer VARCHAR NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
)
"""


class StoreBusyError(RuntimeError):
    """Another process holds the warehouse's write lock."""


@dataclass(frozen=True)
class NewEntry:
    """An entry to append: the ledger assigns its sequence number and time."""

    entry_type: str
    subject: str | None
    payload: dict[str, Any]
    producer: str
    schema_version: int = ENTRY_SCHEMA_VERSION


@dataclass(frozen=True)
class Entry:
    seq: int
    entry_type: str
    schema_version: int
    subject: str | None
    payload: dict[str, Any]
    producer: str
    recorded_at: datetime = field(compare=False)


def connect(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, or raise StoreBusyError if another process has it."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusyError(
                f"store is busy: {path} is held by another process (a pipeline run or an open "
                "DuckDB session). Wait for it to finish, or query the read-only snapshot with "
                "`pipeline query`."
            ) from exc
        raise


class Ledger:
    """Append-only event store over one DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        con.execute(_DDL)

    @classmethod
    @contextmanager
    def open(cls, path: Path | str) -> Iterator[Ledger]:
        con = connect(path)
        try:
            yield cls(con)
        finally:
            con.close()

    def append(self, entries: Iterable[NewEntry]) -> list[int]:
        """Append entries in one transaction; returns their sequence numbers."""
        batch = list(entries)
        if not batch:
            return []
        now = datetime.now(UTC)
        self.con.execute("BEGIN TRANSACTION")
        try:
            head = self.con.execute("SELECT coalesce(max(seq), 0) FROM ledger").fetchone()
            start = int(head[0]) + 1 if head else 1
            rows = [
                (
                    start + i,
                    e.entry_type,
                    e.schema_version,
                    e.subject,
                    json.dumps(e.payload, sort_keys=True, ensure_ascii=False, default=str),
                    e.producer,
                    now,
                )
                for i, e in enumerate(batch)
            ]
            self.con.executemany("INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return [r[0] for r in rows]

    def read(self, entry_type: str | None = None, after: int = 0) -> list[Entry]:
        """Entries in sequence order, optionally of one type and after a sequence number."""
        sql = (
            "SELECT seq, entry_type, schema_version, subject, payload, producer, recorded_at"
            " FROM ledger WHERE seq > ?"
        )
        params: list[Any] = [after]
        if entry_type:
            sql += " AND entry_type = ?"
            params.append(entry_type)
        sql += " ORDER BY seq"
        return [
            Entry(int(r[0]), r[1], int(r[2]), r[3], json.loads(r[4]), r[5], r[6])
            for r in self.con.execute(sql, params).fetchall()
        ]

    def head(self) -> int:
        row = self.con.execute("SELECT coalesce(max(seq), 0) FROM ledger").fetchone()
        return int(row[0]) if row else 0

    def subjects(self, entry_type: str) -> set[str]:
        rows = self.con.execute(
            "SELECT DISTINCT subject FROM ledger WHERE entry_type = ?", [entry_type]
        ).fetchall()
        return {r[0] for r in rows if r[0] is not None}
