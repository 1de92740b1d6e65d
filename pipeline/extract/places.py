"""Where an event happened: the place named in a locative phrase attached to the event.

Only places in a locative prepositional phrase hanging off the event word or its clause
("met in Saudi Arabia", "told Zelenskyy in the Oval Office") count; other places in the
sentence are not the event's location. Names resolve to ISO-3 countries through pycountry,
the actors' country list when present, and ``schemas/codebook/places.csv`` (cities and
landmarks).
"""

from __future__ import annotations

import csv
from functools import lru_cache

import pycountry
from spacy.tokens import Span, Token

from pipeline.extract.codebook import CODEBOOK_DIR

PLACES_CSV = CODEBOOK_DIR / "places.csv"
ACTOR_COUNTRIES_CSV = CODEBOOK_DIR.parent / "actors" / "countries.csv"
LOCATIVE_PREPS = {"in", "at", "inside", "near", "outside"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG"}


def _norm(name: str) -> str:
    n = name.strip().lower().replace("’", "'")
    return n[4:] if n.startswith("the ") else n


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Lower-cased place name -> ISO-3 country."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                out[_norm(val)] = c.alpha_3
    if ACTOR_COUNTRIES_CSV.exists():
        with ACTOR_COUNTRIES_CSV.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                iso = row.get("iso3") or ""
                for val in [row.get("name") or "", *(row.get("aliases") or "").split("|")]:
                    if val and iso:
                        out.setdefault(_norm(val), iso)
    with PLACES_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[_norm(row["name"])] = row["country"]
    return out


def place_country(name: str) -> str | None:
    """ISO-3 country of a place name, or None when unknown."""
    gaz = gazetteer()
    n = _norm(name)
    if n in gaz:
        return gaz[n]
    if "," in n:  # "Aleppo, Syria"
        return gaz.get(_norm(n.rsplit(",", 1)[1]))
    return None


def _entity_of(tok: Token) -> Span | None:
    if tok.ent_type_ in PLACE_LABELS:
        for ent in tok.sent.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    return None


def _frame_heads(event: Token, frame: list[Token]) -> list[Token]:
    """The event word and the governing words of its own clause."""
    out = [event]
    prev = event
    for t in frame:
        if event.pos_ != "VERB":  # a nominal event: its own phrase and a governing verb
            if prev.dep_ in {"dobj", "obj"} or (prev.dep_ == "pobj" and t.dep_ == "prep"):
                if t.pos_ == "VERB":
                    out.append(t)
                    break
                prev = t
                continue
            break
        if prev.dep_ not in {"xcomp", "conj"}:
            break
        out.append(t)
        prev = t
    return out


def location(event: Token, frame: list[Token]) -> tuple[str | None, str | None, Token | None]:
    """(name as written, ISO-3, head token) of where the event happened, if stated."""
    heads = _frame_heads(event, frame)
    # "conducting exercises in Alaska": the place may hang on the event's object
    heads += [c for c in event.children if c.dep_ in {"dobj", "obj"}]
    # "talks with the chancellor in Berlin": the parser often hangs the place on the partner
    heads += [
        g
        for h in list(heads)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                ent = _entity_of(pobj)
                if ent is not None:
                    if ent.label_ == "ORG" and place_country(ent.text) is None:
                        continue
                    return ent.text, place_country(ent.text), ent.root
                # "in the north of the province", "in the city's capital": look one level down
                for sub in pobj.subtree:
                    ent = _entity_of(sub)
                    if ent is not None and ent.label_ in {"GPE", "LOC", "FAC"}:
                        return ent.text, place_country(ent.text), ent.root
    return None, None, None
