"""Analyst corrections: retract a row or override fields, as ledger entries that can be reverted.

A correction names a table and a row id. Row ids depend only on the fact a row states, so a
correction survives re-extraction. Projections apply the corrections that are in force
(recorded and not reverted) in ledger order, after the extracted rows are assembled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from pipeline.extract.model import stable_id
from pipeline.ledger import CORRECTION_RECORDED, Entry, Ledger, NewEntry
from schemas.tables import PRIMARY_KEYS, columns

ACTIONS = ("retract", "override", "revert")
CORRECTION_COLUMNS = [
    "correction_id",
    "action",
    "table_name",
    "row_id",
    "fields",
    "reason",
    "author",
    "reverts",
    "recorded_at",
    "in_force",
]


class CorrectionError(ValueError):
    pass


def record(
    ledger: Ledger,
    action: str,
    reason: str,
    author: str,
    producer: str,
    table: str | None = None,
    row_id: str | None = None,
    fields: dict[str, Any] | None = None,
    reverts: str | None = None,
) -> str:
    """Append one correction after checking it makes sense; returns its id."""
    if action not in ACTIONS:
        raise CorrectionError(f"action must be one of {', '.join(ACTIONS)}")
    if not reason.strip() or not author.strip():
        raise CorrectionError("a correction needs a reason and an author")
    existing = {e.payload["correction_id"]: e.payload for e in ledger.read(CORRECTION_RECORDED)}
    if action == "revert":
        if reverts not in existing:
            raise CorrectionError(f"no correction {reverts!r} to revert")
        table, row_id = existing[reverts]["table_name"], existing[reverts]["row_id"]
    else:
        if table not in PRIMARY_KEYS or table == "actors":
            raise CorrectionError("table must be one of articles, events, claims")
        if not row_id:
            raise CorrectionError("a correction needs the id of the row it corrects")
        if action == "override":
            if not fields:
                raise CorrectionError("an override needs at least one field=value")
            unknown = set(fields) - set(columns(table)) | {
                f
                for f in fields
                if f.endswith("_id")  # ids are identity, not content
            }
            if unknown:
                raise CorrectionError(f"cannot override {sorted(unknown)} in {table}")
    payload = {
        "action": action,
        "table_name": table,
        "row_id": row_id,
        "fields": fields or {},
        "reason": reason,
        "author": author,
        "reverts": reverts,
        "requested_at": datetime.now(UTC).isoformat(),
    }
    payload["correction_id"] = stable_id("corr", json.dumps(payload, sort_keys=True, default=str))
    ledger.append([NewEntry(CORRECTION_RECORDED, row_id, payload, producer)])
    return str(payload["correction_id"])


def in_force(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """Corrections recorded and not reverted, in ledger order."""
    items = [e.payload for e in entries]
    reverted = {p["reverts"] for p in items if p["action"] == "revert"}
    return [p for p in items if p["action"] != "revert" and p["correction_id"] not in reverted]


def apply_corrections(
    tables: dict[str, pd.DataFrame], entries: list[Entry]
) -> dict[str, pd.DataFrame]:
    """Tables with the corrections in force applied (retractions removed, overrides set)."""
    out = {name: frame.copy() for name, frame in tables.items()}
    for c in in_force(entries):
        name = c["table_name"]
        if name not in out:
            continue
        frame = out[name]
        hit = frame[PRIMARY_KEYS[name]] == c["row_id"]
        if c["action"] == "retract":
            out[name] = frame[~hit].reset_index(drop=True)
        else:
            for column, value in c["fields"].items():
                frame.loc[hit, column] = value
    return out


def corrections_frame(entries: list[Entry]) -> pd.DataFrame:
    reverted = {e.payload["reverts"] for e in entries if e.payload["action"] == "revert"}
    live = {e.payload["correction_id"] for e in entries} - reverted
    rows = [
        {
            **{
                k: e.payload.get(k)
                for k in CORRECTION_COLUMNS
                if k not in ("fields", "recorded_at", "in_force")
            },
            "fields": json.dumps(e.payload.get("fields") or {}, sort_keys=True),
            "recorded_at": e.recorded_at.isoformat(),
            "in_force": e.payload["correction_id"] in live,
        }
        for e in entries
    ]
    return pd.DataFrame(rows, columns=CORRECTION_COLUMNS)
