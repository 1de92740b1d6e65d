"""Event patterns as data: which verbs and nouns report which CAMEO event.

``schemas/codebook/patterns.csv`` keys each pattern by the word's lemma, optionally a
particle or preposition hanging off it, and optionally the lemmas of its object. The most
specific pattern that fits a token wins.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from pipeline.extract.codebook import CODEBOOK_DIR

PATTERNS_CSV = CODEBOOK_DIR / "patterns.csv"
PREP_DEPS = {"prep", "prt", "agent", "dative"}
OBJ_DEPS = {"dobj", "obj"}


@dataclass(frozen=True)
class Pattern:
    pos: str  # verb | noun
    lemma: str
    prep: str  # "" for any
    objects: frozenset[str]  # empty for any
    code: str

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.prep else 0)


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    obj: Token | None  # the object the pattern matched on (consumed by the event)
    prep: Token | None  # the particle/preposition the pattern matched on


@lru_cache(maxsize=1)
def patterns() -> dict[tuple[str, str], list[Pattern]]:
    """Patterns keyed by (pos, lemma), most specific first."""
    out: dict[tuple[str, str], list[Pattern]] = {}
    with PATTERNS_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["pos"].startswith("#") or not row.get("code"):
                continue
            objs = frozenset(o for o in (row["object"] or "").split("|") if o)
            p = Pattern(row["pos"], row["lemma"], row["prep"] or "", objs, row["code"])
            out.setdefault((p.pos, p.lemma), []).append(p)
    for plist in out.values():
        plist.sort(key=lambda p: -p.specificity)
    return out


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every lemma a pattern is keyed by (for a cheap first pass over a doc)."""
    return frozenset(lemma for _, lemma in patterns()) | frozenset(LEMMA_FIX) | frozenset(RECEIVE)


def all_codes() -> set[str]:
    """Every code a pattern can emit."""
    return {p.code for plist in patterns().values() for p in plist}


LEMMA_FIX = {"stag": "stage", "staged": "stage", "re": "re-examine"}


def lemma(tok: Token) -> str:
    """The token's lemma, with known lemmatizer slips repaired ("staged" -> "stag"; "re" of
    "re-examine" split by the tokenizer, but not of "re-elected" or "re-balancing")."""
    low = tok.lemma_.lower()
    if low == "re":
        nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        return "re-examine" if nxt is not None and nxt.lower_.startswith("examin") else low
    return LEMMA_FIX.get(low, low)


_lemma = lemma


def passive_subjects(tok: Token) -> list[Token]:
    """The passive subject of tok; when the parser coordinates a passive verb with the
    subject's participle ("the men held for spying were released by X") and leaves it none,
    the subject of the verb it is coordinated with."""
    subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if subj or tok.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in tok.children):
        return subj
    if any(c.dep_ in {"nsubj", "csubj"} for c in tok.children):
        return []
    return [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _object_heads(tok: Token) -> list[Token]:
    """Direct objects of tok, with conjoined objects ("aid and intelligence sharing")."""
    out: list[Token] = []
    subj = passive_subjects(tok) if tok.pos_ == "VERB" else []
    for c in [*tok.children, *(s for s in subj if s.head != tok)]:
        if c.dep_ in OBJ_DEPS or c in subj:
            out.append(c)
            out.extend(c.conjuncts)
    return out


def _object_words(obj: Token) -> set[str]:
    """Lemmas that can match an object slot: the head and its compounds ("intelligence sharing")."""
    words = {_lemma(obj)}
    for c in obj.children:
        if c.dep_ in {"compound", "amod", "nmod"}:
            words.add(_lemma(c))
            words.update(_lemma(x) for x in c.conjuncts)  # "arms or security guarantees"
    return words


PEJORATIVE_NAMING = {"brand"}  # "branded the law a mess": naming that is the criticism
# protest verbs take no object: "demonstrate commitment", "march troops" are other senses
INTRANSITIVE = {"demonstrate", "march"}
# phrasal verbs that are not the event of their verb ("signed up", "talked about the past")
OTHER_SENSES = {
    "sign up",
    "sign in",
    "call up",
    "call in",
    "back up",
    "hold up",
    "take up",
    "talk about",
    "appeal against",  # a court appeal
}
ACTOR_OBJECT = "@actor"  # pattern object meaning: a named actor (country, organisation, person)
# "X received Y from Z" reports Z's act: Z gave Y to X. The thing received is coded as the
# giver's verb would code it ("received weapons from Z" = Z sent weapons: 072).
RECEIVE = {"receive", "get", "obtain", "accept", "secure"}
GIVERS = ("provide", "supply", "send", "deliver", "give", "grant", "offer")
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON"}


def _fits(obj: Token, objects: frozenset[str]) -> bool:
    if ACTOR_OBJECT in objects and obj.ent_type_ in ACTOR_ENTS:
        return True
    return bool(_object_words(obj) & objects)


def received(tok: Token) -> Match | None:
    """ "X received Y from Z": the giver's pattern for Y, matched on the "from" phrase (its
    prep is the marker that the roles are inverted: Z is the source, X the target)."""
    if tok.pos_ != "VERB" or _lemma(tok) not in RECEIVE:
        return None
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return None
    objs = [c for c in _object_heads(tok) if c.dep_ in OBJ_DEPS]
    # "from" on the verb, or on its object ("received rifles from the army")
    src = next(
        (
            c
            for h in [tok, *objs]
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "from" and list(c.children)
        ),
        None,
    )
    if src is None or not objs:
        return None
    for p in patterns().get(("verb", _lemma(tok)), []):  # "received a delegation": hosting
        if p.objects and not p.prep and any(_fits(o, p.objects) for o in objs):
            return None
    for giver in GIVERS:
        for p in patterns().get(("verb", giver), []):
            if p.prep or not p.objects:
                continue
            hit = next((o for o in objs if _fits(o, p.objects)), None)
            if hit is not None:
                return Match(p, hit, src)
    return None


def is_received(tok: Token, m: Match) -> bool:
    """Whether m is a giver's pattern matched on a receiving verb (see received)."""
    return m.pattern.lemma != _lemma(tok) and _lemma(tok) in RECEIVE


def match(tok: Token) -> Match | None:
    """The most specific pattern that fits tok, or None."""
    pos = "verb" if tok.pos_ in {"VERB", "AUX"} else "noun" if tok.pos_ in {"NOUN", "PROPN"} else ""
    if not pos:
        return None
    inverted = received(tok) if pos == "verb" else None
    if inverted is not None:
        return inverted
    plist = patterns().get((pos, _lemma(tok)))
    if not plist:
        return None
    preps = [c for c in tok.children if c.dep_ in PREP_DEPS]
    objs = _object_heads(tok) if pos == "verb" else []
    if pos == "verb" and objs and _lemma(tok) in INTRANSITIVE:
        return None
    if pos == "verb" and any(f"{_lemma(tok)} {c.lower_}" in OTHER_SENSES for c in preps):
        return None
    if pos == "verb":  # "referred to X as a dictator": the parser hangs "as" under X
        heads = objs + [g for c in preps for g in c.children if g.dep_ == "pobj"]
        preps += [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as"]
    if pos == "noun":  # a noun's "object" slot is its modifiers: "air strike", "tank shelling"
        mods = {_lemma(c) for c in tok.children if c.dep_ in {"compound", "amod"}}
    for p in plist:
        prep_tok = None
        if p.prep:
            prep_tok = next((c for c in preps if c.lower_ == p.prep), None)
            if prep_tok is None:
                continue
        if p.objects and pos == "noun" and not prep_tok:
            if mods & p.objects:
                return Match(p, None, None)
            continue
        if p.objects:
            cands = [c for c in prep_tok.children if c.dep_ == "pobj"] if prep_tok else objs
            if not prep_tok:
                # "threatened Putin with sanctions", "engaged X in a firefight": a prepositional
                # phrase can carry the object too (not a source: "advice from officials")
                cands = cands + [
                    g
                    for c in preps
                    if c.lower_ not in {"from", "by"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            hit = next((o for o in cands if _fits(o, p.objects)), None)
            if hit is None:
                continue
            return Match(p, hit, prep_tok)
        naming = any(c.dep_ == "oprd" for c in tok.children)
        if pos == "verb" and naming and p.lemma not in PEJORATIVE_NAMING:
            continue  # "called it impressive", "named him envoy": naming, not the event
        return Match(p, None, prep_tok)
    return None
