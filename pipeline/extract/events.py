"""Event coding over a spaCy doc: who did what to whom, when and where (CAMEO coded).

One row per event mention. Triggers are verbs and nouns matched by the patterns in
``schemas/codebook/patterns.csv``; the source actor comes from the subject (or the agent of
a passive, or the possessor of a nominal event), the target from the object, a
prepositional object, or the possessor/of-phrase of the object. See ``roles.py`` for the
argument rules and ``modality.py``, ``dates.py``, ``places.py`` for the other fields.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.extract import codebook
from pipeline.extract.actors import ActorResolver
from pipeline.extract.confidence import confidence
from pipeline.extract.dates import is_point_expression, resolve
from pipeline.extract.model import Actor, ArticleContext, Row
from pipeline.extract.modality import modality
from pipeline.extract.places import location
from pipeline.extract.roles import Trigger, find_triggers, source_tokens, target_tokens

MAX_ROWS_PER_TRIGGER = 6


def extract_events(doc: Doc, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Event mentions of one article (see Extraction.events for the row shape)."""
    rows: list[Row] = []
    for si, sent in enumerate(doc.sents):
        rows.extend(sentence_events(sent, si, ctx, actors))
    return rows


def _resolve(actors: ActorResolver, tokens: list[Token]) -> list[Actor]:
    out: list[Actor] = []
    resolve_all = getattr(actors, "resolve_all", None)
    for tok in tokens:
        found: list[Actor] = []
        if resolve_all is not None:
            found = [a for a in resolve_all(tok) if a is not None]
        else:
            a = actors.resolve_token(tok)
            found = [a] if a is not None else []
        for a in found:
            if all(a.actor_id != b.actor_id for b in out):
                out.append(a)
    return out


def _first_resolving(actors: ActorResolver, groups: list[list[Token]]) -> list[Actor]:
    """Actors of the first candidate group that resolves to any actor."""
    for group in groups:
        found = _resolve(actors, group)
        if found:
            return found
    return []


def _date(sent: Span, trig: Trigger, published: object) -> tuple[str | None, str, str | None]:
    ents = [e for e in sent.ents if e.label_ in {"DATE", "TIME"} and is_point_expression(e.text)]
    if not ents:
        return None, "unknown", None
    frame = {t.i for t in trig.frame} | {trig.token.i}

    def rank(e: Span) -> tuple[int, int]:
        attached = 0 if e.root.head.i in frame or e.root.i in {c.i for c in trig.token.subtree} else 1
        return attached, abs(e.root.i - trig.token.i)

    best = min(ents, key=rank)
    res = resolve(best.text, published)  # type: ignore[arg-type]
    return res.iso, res.precision, best.text


def sentence_events(sent: Span, si: int, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Event rows reported by one sentence."""
    rows: list[Row] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for trig in find_triggers(sent):
        sources = _first_resolving(actors, source_tokens(trig))
        if not sources:
            continue
        targets = _first_resolving(actors, target_tokens(trig))
        src_ids = {a.actor_id for a in sources}
        targets = [a for a in targets if a.actor_id not in src_ids]
        entry = codebook.lookup(trig.code)
        mod = trig.modality or modality(trig.token)
        iso, precision, date_text = _date(sent, trig, ctx.published_at)
        loc_name, loc_country = location(trig.token, trig.frame)
        pairs = [(s, t) for s in sources for t in (targets or [None])][:MAX_ROWS_PER_TRIGGER]
        for src, tgt in pairs:
            key = (entry.root, src.actor_id, tgt.actor_id if tgt else None)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "sentence_index": si,
                    "char_start": sent.start_char,
                    "char_end": sent.end_char,
                    "evidence_text": sent.text,
                    "actor1_id": src.actor_id,
                    "actor1_name": src.name,
                    "actor1_country": src.country,
                    "actor1_sector": src.sector,
                    "actor2_id": tgt.actor_id if tgt else None,
                    "actor2_name": tgt.name if tgt else None,
                    "actor2_country": tgt.country if tgt else None,
                    "actor2_sector": tgt.sector if tgt else None,
                    "cameo_code": entry.code,
                    "cameo_root": entry.root,
                    "event_label": entry.label,
                    "goldstein": entry.goldstein,
                    "quad_class": entry.quad_class,
                    "plover_type": entry.plover_type,
                    "plover_mode": entry.plover_mode,
                    "modality": mod,
                    "event_date": iso,
                    "date_precision": precision,
                    "date_text": date_text,
                    "location_name": loc_name,
                    "location_country": loc_country,
                    "confidence": confidence(trig, src, tgt, mod),
                }
            )
    return rows
