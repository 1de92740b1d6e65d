"""Actors of an event: resolving candidate phrases, speakers of quoted first-person events,
and a counterpart named elsewhere in the sentence.

Political event data names states, their bodies and sectors, and people or organisations by
name (``political``); anonymous groups ("people", "critics") alone make no event.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.actors import ActorResolver
from pipeline.extract.arguments import source_tokens
from pipeline.extract.model import Actor
from pipeline.extract.roles import SPEECH, Trigger
from pipeline.extract.verbs import lemma

DOCUMENTS = {
    "report",
    "statement",
    "study",
    "document",
    "communique",
    "dossier",
    "survey",
    "newspaper",
    "agency",
    "media",
    "broadcaster",
    "television",
    "radio",
}

FIRST_PERSON = {"i", "we"}

QUOTE_MARKS = ('"', "“", "”")


def placed(actor: Actor) -> bool:
    """An actor with a country or a sector (a state, its agencies, parties, armed groups...)."""
    return bool(actor.country or actor.sector)


def political(actor: Actor, actors: ActorResolver) -> bool:
    """An actor political event data can name: a placed actor, or a person or organisation
    known by name ("Gordon Brown", "the BNP"), not an anonymous group ("people", "critics")."""
    if placed(actor):
        return True
    is_named = getattr(actors, "is_named", None)
    named = is_named(actor) if is_named is not None else True
    return actor.actor_type in {"person", "organization"} and named


def resolve_one(actors: ActorResolver, tok: Token) -> list[Actor]:
    resolve_all = getattr(actors, "resolve_all", None)
    if resolve_all is not None:
        return [a for a in resolve_all(tok) if a is not None]
    a = actors.resolve_token(tok)
    return [a] if a is not None else []


def inner_heads(tok: Token) -> list[Token]:
    """Where the actor sits when the phrase head is not it: "Hundreds of UN troops",
    "opponents of the Senate", a name the parser hung under a date ("Assad Tuesday")."""
    if tok.lemma_.lower() in DOCUMENTS:  # "a report released in the Rwandan capital said"
        return [t for t in tok.subtree if t.ent_type_ in {"GPE", "NORP", "ORG"} and t != tok][:1]
    if tok.ent_type_ in {"DATE", "TIME"}:
        return [
            c for c in tok.children if c.dep_ == "compound" and c.ent_type_ not in {"DATE", "TIME"}
        ][-1:]
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def resolve_phrases(actors: ActorResolver, tokens: list[Token]) -> list[Actor]:
    out: list[Actor] = []
    for tok in tokens:
        found = resolve_one(actors, tok)
        if not any(placed(a) for a in found):  # "Opponents of Rwanda's Senate"
            for inner in inner_heads(tok):
                deeper = resolve_one(actors, inner)
                if any(placed(a) for a in deeper) or not found:
                    found = deeper
                    break
        for a in found:
            if all(a.actor_id != b.actor_id for b in out):
                out.append(a)
    return out


def first_resolving(actors: ActorResolver, groups: list[list[Token]]) -> list[Actor]:
    """Actors of the first candidate group that resolves to a state, organisation or known
    sector; failing that, of the first group that resolves at all ("sent troops to Ukraine":
    Ukraine, not the troops)."""
    fallback: list[Actor] = []
    for group in groups:
        found = resolve_phrases(actors, group)
        if any(placed(a) for a in found):
            return found
        if found and not fallback:
            fallback = found
    return fallback


def quoted_speaker(trig: Trigger, actors: ActorResolver) -> list[Actor]:
    """The speaker of a first-person event in reported speech: '"We will cut taxes," Mr
    Howard said' -> Mr Howard; in a quote running over several sentences, the speaker the
    paragraph names ('Mr Howard said: "... We will cut taxes."')."""
    groups = source_tokens(trig)
    subj = groups[0] if groups and groups[0] else []
    if len(subj) != 1 or subj[0].lower_ not in FIRST_PERSON:
        return []
    cur = trig.token
    for _ in range(6):
        if cur.dep_ in {"ccomp", "parataxis"} and lemma(cur.head) in SPEECH:
            return speaker_of(cur.head, actors)
        if cur.dep_ == "ROOT" or cur.head == cur:
            break
        cur = cur.head
    return paragraph_speaker(trig.token, actors)


def speaker_of(verb: Token, actors: ActorResolver) -> list[Actor]:
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if speakers and speakers[0].lower_ not in FIRST_PERSON | {"it", "they", "this"}:
        return first_resolving(actors, [speakers])
    return []


def paragraph_speaker(tok: Token, actors: ActorResolver) -> list[Actor]:
    """The one speaker named in tok's paragraph, when tok is inside quotation marks."""
    doc = tok.doc
    text = doc.text
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    if sum(text.count(q, start, tok.idx) for q in QUOTE_MARKS) % 2 == 0:
        return []  # not inside a quote
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    found: dict[str, Actor] = {}
    for t in span:
        if t.pos_ == "VERB" and lemma(t) in SPEECH:
            for a in speaker_of(t, actors):
                found.setdefault(a.actor_id, a)
    return list(found.values()) if len(found) == 1 else []


def sentence_counterpart(
    sent: Span, mentions: dict[int, Actor], sources: list[Actor], actors: ActorResolver
) -> Actor | None:
    """The one actor of another country the sentence names, when there is exactly one such
    country: "Zelenskyy indicated a willingness to sign a deal ... Trump's efforts" -> Trump.
    The actor is resolved through the resolver again, so that it is listed among the
    article's actors."""
    own = {a.country for a in sources}
    found: dict[str, int] = {}
    for i in range(sent.start, sent.end):
        a = mentions.get(i)
        subject = sent.doc[i].dep_ in {"nsubj", "nsubjpass"}  # the actor of another clause
        if a is not None and a.country and a.country not in own and not subject:
            found.setdefault(a.country, i)
    if len(found) != 1:
        return None
    resolved = resolve_one(actors, sent.doc[next(iter(found.values()))])
    return next((a for a in resolved if a.country and a.country not in own), None)
