"""Plain data types shared by the extractors (no Dagster, no I/O)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class ArticleContext:
    """What an extractor knows about the article besides its spaCy doc."""

    article_id: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_at: date | None = None


@dataclass(frozen=True)
class Actor:
    """A resolved actor: who an event actor slot or a speaker refers to."""

    actor_id: str
    name: str
    actor_type: str  # person | organization | country | group
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, JUD, ...
    wikidata_qid: str | None = None
    description: str | None = (
        None  # title/apposition as written, e.g. "former U.S. ambassador to NATO"
    )
    aliases: tuple[str, ...] = ()

    def as_row(self) -> Row:
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "actor_type": self.actor_type,
            "country": self.country,
            "sector": self.sector,
            "wikidata_qid": self.wikidata_qid,
            "aliases": " | ".join(sorted(set(self.aliases) - {self.name})) or None,
        }


@dataclass
class Extraction:
    """Everything extracted from one article.

    events: rows with the Events columns except event_id, article_id, event_group_id and
    extractor_version (the orchestrator adds those); claims likewise without claim_id,
    article_id, event_id and extractor_version; actors: every actor referenced by a row.
    """

    events: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def actor_id(
    name: str, country: str | None = None, sector: str | None = None, qid: str | None = None
) -> str:
    """Stable actor id: the Wikidata QID when known, else country/sector/name slug."""
    if qid:
        return qid
    parts = [p for p in (country, sector) if p]
    return ":".join([*parts, slug(name)]) if name else ":".join(parts)


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id from the parts that identify a fact."""
    digest = hashlib.sha256(
        "\x1f".join("" if p is None else str(p) for p in parts).encode()
    ).hexdigest()
    return f"{prefix}_{digest[:16]}"
