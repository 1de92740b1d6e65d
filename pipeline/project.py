"""Project stage: rebuild every analyst table from the ledger, validate it, write it to DuckDB.

The tables are a pure function of the ledger: ``build`` reads the entries and returns the
frames; ``write`` replaces the warehouse tables in one transaction. Rows that fail their
Pandera model (or whose offsets do not slice the article text to their evidence) go to the
``quarantine`` table with the failing check and the source article.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.errors as pa_errors

from pipeline.corrections import apply_corrections, corrections_frame
from pipeline.extract.grouping import group_events
from pipeline.extract.model import stable_id
from pipeline.ledger import (
    ARTICLE_INGESTED,
    CORRECTION_RECORDED,
    EXTRACTION_RECORDED,
    INPUT_QUARANTINED,
    Entry,
    Ledger,
)
from schemas.tables import PUBLISHED, Quarantine, columns

TABLES = ("articles", "events", "claims", "actors")


@dataclass
class Projection:
    tables: dict[str, pd.DataFrame]
    texts: pd.DataFrame
    quarantine: pd.DataFrame
    corrections: pd.DataFrame
    ledger_head: int
    extractor_versions: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {name: len(df) for name, df in self.tables.items()}
        counts["quarantine"] = len(self.quarantine)
        return counts


def build(ledger: Ledger) -> Projection:
    """All tables, rebuilt from the ledger's entries."""
    entries = ledger.read()
    by_type: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_type[e.entry_type].append(e)

    articles, texts = _articles(by_type[ARTICLE_INGESTED])
    latest = {e.subject: e for e in by_type[EXTRACTION_RECORDED]}  # later entries supersede
    events = _rows([row for e in latest.values() for row in e.payload["events"]], "events")
    claims = _rows([row for e in latest.values() for row in e.payload["claims"]], "claims")
    events["event_group_id"] = group_events(events) if len(events) else pd.Series(dtype=str)
    events = events[columns("events")]

    tables = {"articles": articles, "events": events, "claims": claims}
    tables = apply_corrections(tables, by_type[CORRECTION_RECORDED])

    quarantined = [_input_rejection(e) for e in by_type[INPUT_QUARANTINED]]
    text_of = dict(zip(texts["article_id"], texts["text"], strict=True))
    for name in ("articles", "events", "claims"):
        tables[name], bad = validate(name, tables[name], text_of)
        quarantined += bad
    claims = tables["claims"]  # a link to an event that was quarantined or retracted is dropped
    claims["event_id"] = claims["event_id"].where(
        claims["event_id"].isin(tables["events"]["event_id"])
    )
    tables["claims"] = claims.astype(object).where(claims.notna(), None)
    actors = _actors(latest.values(), tables["events"], tables["claims"])
    tables["actors"], bad = validate("actors", actors, text_of)
    quarantined += bad
    quarantine = pd.DataFrame(quarantined, columns=list(Quarantine.to_schema().columns))
    quarantine = quarantine.drop_duplicates("quarantine_id").reset_index(drop=True)
    return Projection(
        tables=tables,
        texts=texts,
        quarantine=Quarantine.validate(quarantine),
        corrections=corrections_frame(by_type[CORRECTION_RECORDED]),
        ledger_head=entries[-1].seq if entries else 0,
        extractor_versions=sorted({e.payload["extractor_version"] for e in latest.values()}),
    )


def _articles(entries: list[Entry]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, texts = [], []
    for e in entries:
        p = e.payload
        texts.append({"article_id": p["article_id"], "text": p["text"]})
        rows.append(
            {
                **{c: p.get(c) for c in columns("articles")},
                "word_count": len(p["text"].split()),
                "ingested_at": e.recorded_at.isoformat(),
            }
        )
    return (
        pd.DataFrame(rows, columns=columns("articles")),
        pd.DataFrame(texts, columns=["article_id", "text"]),
    )


def _rows(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    cols = columns(table)
    frame = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame(columns=cols)
    return frame.astype(object).where(frame.notna(), None)


def _actors(extractions: Any, events: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    merged: dict[str, dict[str, Any]] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for e in extractions:
        for actor in e.payload["actors"]:
            merged.setdefault(actor["actor_id"], actor)
            aliases[actor["actor_id"]] |= set(
                filter(None, (actor.get("aliases") or "").split(" | "))
            )
            aliases[actor["actor_id"]].add(actor["name"])
    mentions = (
        pd.concat(
            [
                events.get("actor1_id", pd.Series(dtype=object)),
                events.get("actor2_id", pd.Series(dtype=object)),
                claims.get("speaker_id", pd.Series(dtype=object)),
            ]
        )
        .dropna()
        .value_counts()
    )
    rows = []
    for actor_id, actor in sorted(merged.items()):
        count = int(mentions.get(actor_id, 0))
        if count == 0:
            continue
        rows.append(
            {
                **{c: actor.get(c) for c in columns("actors")},
                "aliases": " | ".join(sorted(aliases[actor_id] - {actor["name"]})) or None,
                "mention_count": count,
            }
        )
    return pd.DataFrame(rows, columns=columns("actors"))


def _input_rejection(e: Entry) -> dict[str, Any]:
    p = e.payload
    return {
        "quarantine_id": stable_id("q", e.seq),
        "stage": p.get("stage", "ingest"),
        "table_name": None,
        "article_id": p.get("article_id"),
        "source_path": p.get("source_path"),
        "check": p["check"],
        "reason": p["reason"],
        "row_json": json.dumps({k: v for k, v in p.items() if k != "traceback"}, default=str),
    }


def validate(
    table: str, frame: pd.DataFrame, text_of: dict[str, str]
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """The rows that pass the table's model, and quarantine records for those that fail."""
    failures: dict[Any, list[str]] = defaultdict(list)
    if "char_start" in frame.columns and len(frame):
        for idx, row in frame.iterrows():
            for start, end, shown in _spans(row):
                text = text_of.get(row["article_id"], "")
                if not isinstance(start, int) or text[start:end] != shown:
                    failures[idx].append(
                        f"offsets_match_text: text[{start}:{end}] != {shown!r:.60}"
                    )
    model = PUBLISHED[table]
    try:
        model.validate(frame, lazy=True)
    except pa_errors.SchemaErrors as exc:
        cases = exc.failure_cases
        whole = cases[cases["index"].isna()]
        if len(whole):
            raise RuntimeError(f"{table} does not fit its schema as a whole:\n{whole}") from exc
        for case in cases.itertuples():
            failures[case.index].append(f"{case.column}: {case.check} (got {case.failure_case!r})")
    bad_rows = [
        {
            "quarantine_id": stable_id("q", table, _row_key(frame.loc[idx]), *reasons),
            "stage": "validate",
            "table_name": table,
            "article_id": frame.loc[idx].get("article_id"),
            "source_path": None,
            "check": reasons[0].split(":")[0] if table != "articles" else reasons[0],
            "reason": "; ".join(reasons),
            "row_json": json.dumps(frame.loc[idx].to_dict(), default=str),
        }
        for idx, reasons in failures.items()
    ]
    good = frame.drop(index=list(failures)).reset_index(drop=True)
    return model.validate(good, lazy=True), bad_rows


def _spans(row: pd.Series) -> list[tuple[Any, Any, Any]]:
    spans = [(row["char_start"], row["char_end"], row["evidence_text"])]
    if "claim_start" in row:
        spans.append((row["claim_start"], row["claim_end"], row["claim_text"]))
    return spans


def _row_key(row: pd.Series) -> str:
    return json.dumps(row.to_dict(), sort_keys=True, default=str)


def write(con: Any, projection: Projection) -> None:
    """Replace the warehouse tables with the projection, in one transaction."""
    frames = {
        **projection.tables,
        "article_texts": projection.texts,
        "quarantine": projection.quarantine,
        "corrections": projection.corrections,
    }
    con.execute("BEGIN TRANSACTION")
    try:
        for name, frame in frames.items():
            con.register("_frame", frame)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _frame')
            con.unregister("_frame")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def read_tables(con: Any) -> dict[str, pd.DataFrame]:
    """The warehouse's current analyst tables, as frames."""
    return {name: con.execute(f'SELECT * FROM "{name}"').df() for name in TABLES}
