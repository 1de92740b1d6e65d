"""Extraction: plain Python over spaCy docs. Never imports Dagster.

``extract_doc`` runs the actor resolver, the event coder and the claim extractor over one
parsed article and gives every row its stable id, its article and the extractor version.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims import extract_claims
from pipeline.extract.events import extract_events
from pipeline.extract.model import Actor, ArticleContext, Extraction, Row, stable_id
from pipeline.extract.version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "ArticleContext", "Extraction", "extract_doc"]

EVENT_KEY = ("char_start", "char_end", "cameo_code", "actor1_id", "actor2_id")
CLAIM_KEY = ("claim_start", "claim_end")


def extract_doc(doc: Doc, ctx: ArticleContext) -> Extraction:
    """Events, claims and the actors they name, from one parsed article."""
    resolver = ActorResolver(doc, ctx)
    events = _identify(
        extract_events(doc, ctx, resolver), "ev", ctx.article_id, EVENT_KEY, "event_id"
    )
    claims = _identify(
        extract_claims(doc, ctx, resolver), "cl", ctx.article_id, CLAIM_KEY, "claim_id"
    )
    for claim in claims:
        claim["event_id"] = _event_in(claim, events)
    actors = resolver.used_actors()
    return Extraction(
        events=events, claims=claims, actors=actors + _unlisted(events, claims, actors, ctx)
    )


def _unlisted(
    events: list[Row], claims: list[Row], listed: list[Actor], ctx: ArticleContext
) -> list[Actor]:
    """Actors that rows name but the resolver did not return (e.g. speakers found by syntax).

    Every id a row references must be in the actors table, so such actors are described from
    the rows themselves: the article's outlet is an organization (the writer of authorial
    claims), a multi-word capitalised name is a person, anything else a group.
    """
    known = {a.actor_id for a in listed}
    found: dict[str, Actor] = {}
    slots = [("actor1", e) for e in events] + [("actor2", e) for e in events]
    for slot, row in slots:
        aid = row.get(f"{slot}_id")
        if aid and aid not in known and aid not in found:
            name = row.get(f"{slot}_name") or aid
            found[aid] = Actor(
                aid, name, _kind(name), row.get(f"{slot}_country"), row.get(f"{slot}_sector")
            )
    for row in claims:
        aid = row.get("speaker_id")
        if aid and aid not in known and aid not in found:
            name = row.get("speaker_name") or aid
            kind = "organization" if name == ctx.outlet and not ctx.author else _kind(name)
            found[aid] = Actor(aid, name, kind, description=row.get("speaker_description"))
    return list(found.values())


def _kind(name: str) -> str:
    words = name.split()
    looks_like_a_person = len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words)
    return "person" if looks_like_a_person else "group"


def _identify(
    rows: list[Row], prefix: str, article_id: str, key: tuple[str, ...], id_column: str
) -> list[Row]:
    """Give rows ids that depend only on the fact they state (stable across extractor versions)."""
    seen: Counter[tuple[object, ...]] = Counter()
    out = []
    for row in sorted(rows, key=lambda r: tuple(str(r.get(k)) for k in key)):
        fact = tuple(row.get(k) for k in key)
        seen[fact] += 1
        occurrence = seen[fact] - 1
        out.append(
            {
                id_column: stable_id(prefix, article_id, *fact, occurrence or None),
                "article_id": article_id,
                **row,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    return out


def _event_in(claim: Row, events: list[Row]) -> str | None:
    """The first event whose evidence overlaps the claim's content, if any."""
    start, end = claim["claim_start"], claim["claim_end"]
    inside = [e for e in events if e["char_start"] < end and start < e["char_end"]]
    return (
        min(inside, key=lambda e: (e["char_start"], e["event_id"]))["event_id"] if inside else None
    )
