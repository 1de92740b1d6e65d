"""Pandera models of every table newsledger publishes or keeps; the published data contract.

Each field's ``description`` is the data dictionary: it is copied into the release's
``datapackage.json`` and into the catalog page, so keep it true.
"""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa
from pandera.typing import Series

CONTRACT_VERSION = 1  # bump when a published column is added, removed, renamed or retyped

MODALITIES = ["asserted", "negated", "hypothetical", "future"]
CLAIM_KINDS = ["direct", "partial", "indirect", "belief", "authorial"]
ACTOR_TYPES = ["person", "organization", "country", "group"]
DATE_PRECISIONS = ["day", "week", "month", "year", "unknown"]
ISO3 = r"^[A-Z]{3}$"
SHA256 = r"^[0-9a-f]{64}$"


def _f(description: str, **kw: Any) -> Any:
    return pa.Field(description=description, **kw)


class Articles(pa.DataFrameModel):
    """One row per ingested article (the same bytes are one article)."""

    article_id: Series[str] = _f("Stable id: first 16 hex digits of content_sha256.", unique=True)
    content_sha256: Series[str] = _f(
        "SHA-256 of the raw file's bytes (for .jsonl, of the article's line; for a .json "
        "list, of the item's canonical JSON).",
        str_matches=SHA256,
    )
    source_path: Series[str] = _f("Path of the input file, relative to the raw folder.")
    title: Series[str] = _f("Headline.", nullable=True)
    outlet: Series[str] = _f("Publisher.", nullable=True)
    author: Series[str] = _f("Byline.", nullable=True)
    url: Series[str] = _f("Canonical URL, where known.", nullable=True)
    published_at: Series[str] = _f(
        "Publication date (ISO 8601), empty when the source does not give it.", nullable=True
    )
    language: Series[str] = _f("ISO 639-1 language code of the text.")
    encoding: Series[str] = _f(
        "Encoding the text was decoded with (utf-8, or the fallback cp1252)."
    )
    word_count: Series[int] = _f("Number of whitespace-separated words in the text.", ge=0)
    ingested_at: Series[str] = _f("UTC time the article entered the ledger (ISO 8601).")

    class Config:
        strict = True
        coerce = True


class Events(pa.DataFrameModel):
    """One row per event mention: a sentence that reports who did what to whom."""

    event_id: Series[str] = _f(
        "Stable id of the mention (same fact, same id across versions).", unique=True
    )
    article_id: Series[str] = _f("Article the mention is in (articles.article_id).")
    sentence_index: Series[int] = _f("0-based index of the sentence in the article.", ge=0)
    char_start: Series[int] = _f("Start offset of evidence_text in the article text.", ge=0)
    char_end: Series[int] = _f("End offset (exclusive) of evidence_text in the article text.", ge=0)
    evidence_text: Series[str] = _f(
        "The sentence that reports the event: text[char_start:char_end]."
    )
    actor1_id: Series[str] = _f("Source actor (actors.actor_id).", nullable=True)
    actor1_name: Series[str] = _f("Source actor's canonical name.", nullable=True)
    actor1_country: Series[str] = _f(
        "Source actor's ISO 3166-1 alpha-3 country.", nullable=True, str_matches=ISO3
    )
    actor1_sector: Series[str] = _f(
        "Source actor's sector (GOV, MIL, JUD, LEG, OPP, REB, BUS, MED, EDU, NGO, IGO, CVL...).",
        nullable=True,
    )
    actor2_id: Series[str] = _f("Target actor (actors.actor_id).", nullable=True)
    actor2_name: Series[str] = _f("Target actor's canonical name.", nullable=True)
    actor2_country: Series[str] = _f(
        "Target actor's ISO 3166-1 alpha-3 country.", nullable=True, str_matches=ISO3
    )
    actor2_sector: Series[str] = _f("Target actor's sector.", nullable=True)
    cameo_code: Series[str] = _f(
        "CAMEO event code, a string with leading zeros (e.g. '041').", str_matches=r"^\d{2,4}$"
    )
    cameo_root: Series[str] = _f(
        "First two digits of cameo_code (01-20).", str_matches=r"^(0[1-9]|1\d|20)$"
    )
    event_label: Series[str] = _f("CAMEO label of cameo_code.")
    goldstein: Series[float] = _f(
        "Goldstein conflict-cooperation score of cameo_code (-10..10).", ge=-10, le=10
    )
    quad_class: Series[int] = _f(
        "GDELT QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.",
        isin=[1, 2, 3, 4],
    )
    plover_type: Series[str] = _f("PLOVER event type mapped from cameo_code.", nullable=True)
    plover_mode: Series[str] = _f(
        "PLOVER mode mapped from cameo_code, where one applies.", nullable=True
    )
    modality: Series[str] = _f("asserted | negated | hypothetical | future.", isin=MODALITIES)
    event_date: Series[str] = _f(
        "Resolved date of the event (ISO 8601), empty when unknown.", nullable=True
    )
    date_precision: Series[str] = _f(
        "Precision of event_date: day, week, month, year or unknown.", isin=DATE_PRECISIONS
    )
    date_text: Series[str] = _f("The date expression as written, if any.", nullable=True)
    location_name: Series[str] = _f("Where the event happened, as written.", nullable=True)
    location_country: Series[str] = _f(
        "ISO 3166-1 alpha-3 country of location_name.", nullable=True, str_matches=ISO3
    )
    event_group_id: Series[str] = _f(
        "Links mentions of the same real-world event (count events, not reports)."
    )
    confidence: Series[float] = _f("0-1 confidence that the coding is right.", ge=0, le=1)
    extractor_version: Series[str] = _f("Version of the extractor that produced the row.")

    class Config:
        strict = True
        coerce = True


class Claims(pa.DataFrameModel):
    """One row per attributed statement: who said what, with the evidence."""

    claim_id: Series[str] = _f("Stable id of the claim.", unique=True)
    article_id: Series[str] = _f("Article the claim is in (articles.article_id).")
    char_start: Series[int] = _f("Start offset of evidence_text in the article text.", ge=0)
    char_end: Series[int] = _f("End offset (exclusive) of evidence_text.", ge=0)
    evidence_text: Series[str] = _f(
        "The sentence or sentences holding the claim: text[char_start:char_end]."
    )
    claim_start: Series[int] = _f(
        "Start offset of the claim content (quotation marks excluded).", ge=0
    )
    claim_end: Series[int] = _f("End offset (exclusive) of the claim content.", ge=0)
    claim_text: Series[str] = _f("What is claimed: text[claim_start:claim_end].")
    speaker_id: Series[str] = _f("Speaker (actors.actor_id), empty when unknown.", nullable=True)
    speaker_name: Series[str] = _f(
        "Speaker's full canonical name; empty when unknown (never guessed) or implicit "
        "('X is expected to…', kept at low confidence).",
        nullable=True,
    )
    speaker_description: Series[str] = _f(
        "Speaker's title or apposition as written (e.g. 'former U.S. ambassador to NATO').",
        nullable=True,
    )
    cue: Series[str] = _f(
        "The attribution cue as written (e.g. 'said', 'according to', 'think', ':').",
        nullable=True,
    )
    claim_kind: Series[str] = _f(
        "direct (quoted) | partial (a few quoted words) | indirect (reported) | "
        "belief (thinks, wants) | authorial (the writer's own first-person claims; the "
        "speaker is the article's author, else its outlet).",
        isin=CLAIM_KINDS,
    )
    event_id: Series[str] = _f(
        "An event coded inside the claim's content (events.event_id), if any.", nullable=True
    )
    confidence: Series[float] = _f(
        "0-1 confidence that the claim and its speaker are right.", ge=0, le=1
    )
    extractor_version: Series[str] = _f("Version of the extractor that produced the row.")

    class Config:
        strict = True
        coerce = True


class Actors(pa.DataFrameModel):
    """One row per resolved actor named as an event actor or a speaker."""

    actor_id: Series[str] = _f(
        "Stable actor id (dictionary id, or derived from country/sector/name).", unique=True
    )
    name: Series[str] = _f("Canonical name.")
    actor_type: Series[str] = _f("person | organization | country | group.", isin=ACTOR_TYPES)
    country: Series[str] = _f("ISO 3166-1 alpha-3 country.", nullable=True, str_matches=ISO3)
    sector: Series[str] = _f("Sector code (GOV, MIL, ...).", nullable=True)
    wikidata_qid: Series[str] = _f(
        "Wikidata item, where known.", nullable=True, str_matches=r"^Q\d+$"
    )
    aliases: Series[str] = _f("Other names seen for the actor, separated by ' | '.", nullable=True)
    mention_count: Series[int] = _f(
        "Number of event actor slots and claims naming the actor.", ge=0
    )

    class Config:
        strict = True
        coerce = True


class Quarantine(pa.DataFrameModel):
    """Rows or inputs that failed validation, with the reason; nothing is silently dropped."""

    quarantine_id: Series[str] = _f("Stable id of the quarantine record.", unique=True)
    stage: Series[str] = _f("Stage that rejected the input: ingest or validate.")
    table_name: Series[str] = _f(
        "Table the row was meant for (empty for whole inputs).", nullable=True
    )
    article_id: Series[str] = _f("Source article, where known.", nullable=True)
    source_path: Series[str] = _f("Input file, where known.", nullable=True)
    check: Series[str] = _f("The failing check.")
    reason: Series[str] = _f("Human-readable reason.")
    row_json: Series[str] = _f("The rejected row or input description, as JSON.", nullable=True)

    class Config:
        strict = True
        coerce = True


PUBLISHED: dict[str, type[pa.DataFrameModel]] = {
    "articles": Articles,
    "events": Events,
    "claims": Claims,
    "actors": Actors,
}
PRIMARY_KEYS = {
    "articles": "article_id",
    "events": "event_id",
    "claims": "claim_id",
    "actors": "actor_id",
}
FOREIGN_KEYS = {
    "events": [
        ("article_id", "articles", "article_id"),
        ("actor1_id", "actors", "actor_id"),
        ("actor2_id", "actors", "actor_id"),
    ],
    "claims": [
        ("article_id", "articles", "article_id"),
        ("speaker_id", "actors", "actor_id"),
        ("event_id", "events", "event_id"),
    ],
}


def columns(table: str) -> list[str]:
    """The contract's column order for a published table."""
    return list(PUBLISHED[table].to_schema().columns)
