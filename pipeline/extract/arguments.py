"""Event arguments: who the source and the target of a trigger are, from the parse.

The source is the subject (or a passive's agent, or inherited from the governing clause:
"X is expected to meet", "urged X to help"); a nominal event's source is its possessor,
its "by" phrase, a name in front of it, or the subject of a light verb ("made calls").
The target is the object, a prepositional object, or the owner of an object that is an act
or a thing ("condemned Russia's invasion", "halted aid to Ukraine", "a ceasefire agreed by
the U.S."). Each function returns candidate phrases in order of preference.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.roles import (
    ACTOR_ENTS,
    NOUN_TARGET_PREPS,
    PEOPLE,
    RELATIVE,
    SUBJECT_CONTROL,
    TARGET_PREPS,
    Trigger,
    governing_verb,
    governors,
    owner_modifiers,
)
from pipeline.extract.verbs import is_received, lemma, passive_subjects

VISITS = {"042", "043"}
# nouns of armed attack whose author is the agent of a passive "killed/wounded in ..."
ATTACK_NOUNS = {
    "strike",
    "airstrike",
    "attack",
    "shelling",
    "bombing",
    "bombardment",
    "raid",
    "ambush",
    "assault",
    "offensive",
    "fire",
    "gunfire",
}
SPOKEN_ROOTS = {"01", "02", "05", "10", "11", "12", "13"}


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    return [
        g
        for c in tok.children
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    """The phrases and their coordinated partners ("Obama and Putin"), also when the parser
    hangs the coordination on a name part ("Barack Obama and Vladimir Putin")."""
    out: list[Token] = []
    for t in toks:
        parts = [c for c in t.children if c.dep_ in {"compound", "pobj", "appos", "flat"}]
        for x in [t, *t.conjuncts, *(x for c in parts for x in c.conjuncts)]:
            if x not in out:
                out.append(x)
    return out


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def _agent(tok: Token) -> list[Token]:
    found = _pobjs(tok, {"by"})
    if not found:  # "agreed upon by the U.S."
        for c in tok.children:
            if c.dep_ == "prep":
                found += _pobjs(c, {"by"})
    if not found:  # "a shell was launched at them from across the river"
        found = _pobjs(tok, {"from"})
    if not found:  # "killed in an air strike by Israeli jets", "killed in Turkish shelling"
        for att in _pobjs(tok, {"in", "during"}):
            nxt = att.doc[att.i + 1] if att.i + 1 < len(att.doc) else att
            # "in Israeli tank shelling": the parser may make "shelling" a clause of its own
            mis = nxt.lower_ in ATTACK_NOUNS and nxt.head == tok and nxt.dep_ == "advcl"
            if lemma(att) in ATTACK_NOUNS or mis:
                by = _pobjs(att, {"by"})
                found += by + [m for b in by for m in owner_modifiers(b)]
                found += [c for c in att.children if c.dep_ == "poss"]
                found += [] if found else owner_modifiers(att)
    return found


def _verb_subjects(tok: Token, depth: int = 0) -> list[Token]:
    """Who performs the verb: subject, passive agent, or inherited from the governing clause."""
    if _is_passive(tok):
        return _agent(tok)
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "csubj"}]
    if subj:
        if subj[0].lower_ in RELATIVE and tok.dep_ == "relcl":
            return [tok.head]
        return subj
    if depth > 4 or tok.dep_ == "ROOT":
        return []
    head = tok.head
    if tok.dep_ == "xcomp":
        obj = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        if obj and lemma(head) not in SUBJECT_CONTROL:
            return obj
        if _is_passive(head) and not _agent(head):  # "X is expected to meet"
            return [c for c in head.children if c.dep_ == "nsubjpass"]
        return _verb_subjects(head, depth + 1)
    if tok.dep_ in {"conj", "advcl", "acomp"}:  # "is about to restore": climb to the copula
        return _verb_subjects(head, depth + 1)
    if tok.dep_ == "pcomp":  # "refrained from criticising", "the idea of sending troops"
        governor = head.head
        if governor.pos_ in {"NOUN", "PROPN"} and governor.dep_ in {"dobj", "obj", "pobj"}:
            governor = governor.head
        return _verb_subjects(governor, depth + 1)
    if tok.dep_ == "relcl":
        return [head]
    if tok.dep_ == "acl" and tok.tag_ == "VB" and head.pos_ == "NOUN":
        # "Labour's plan to invest", "its decision to back", "they have a duty to investigate"
        owners = [c for c in head.children if c.dep_ == "poss"] + owner_modifiers(head)
        if owners:
            return owners
        if head.dep_ in {"dobj", "obj"}:
            return _verb_subjects(head.head, depth + 1)
    return []


def source_tokens(trig: Trigger) -> list[list[Token]]:
    """Candidate source phrases, in order of preference."""
    tok = trig.token
    if trig.kind == "verb" and trig.match.prep is not None and is_received(tok, trig.match):
        # "X received weapons from Z": Z gave them
        return [_with_conjuncts([g for g in trig.match.prep.children if g.dep_ == "pobj"])]
    if trig.kind == "verb":
        return [_with_conjuncts(_verb_subjects(tok))]
    groups = [[c for c in tok.children if c.dep_ == "poss"]]
    groups.append(_pobjs(tok, {"by"}))
    groups.append(owner_modifiers(tok))
    verb = governing_verb(tok)
    if verb is not None:
        groups.append(_with_conjuncts(_verb_subjects(verb)))
    return [g for g in groups if g]


def _object_owner(obj: Token) -> list[Token]:
    """Who an event object belongs to or comes from: "aid to Ukraine", "Ukraine's security",
    "a ceasefire agreed upon by the U.S."."""
    found = _pobjs(obj, {"to", "for", "of", "on", "against", "with", "toward", "towards"})
    # "appreciation for China's assistance": the possessor of the phrase's object
    found += [c for p in found for c in p.children if c.dep_ == "poss"]
    found += [c for c in obj.children if c.dep_ == "poss"]
    for c in obj.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found += _agent(c)
    return found


def inner_trigger(trig: Trigger) -> Trigger | None:
    if trig.complement is None or trig.complement_match is None:
        return None
    m = trig.complement_match
    return Trigger(trig.complement, m.pattern.code, m.pattern.pos, m, governors(trig.complement))


def target_tokens(trig: Trigger) -> list[list[Token]]:
    """Candidate target phrases, in order of preference."""
    tok = trig.token
    groups: list[list[Token]] = []
    inner = inner_trigger(trig)
    if trig.accusation and inner is not None:
        return source_tokens(inner)
    if trig.kind == "verb" and trig.match.prep is not None and is_received(tok, trig.match):
        return [_with_conjuncts(_verb_subjects(tok))]  # the recipient
    if trig.addressee:
        groups.append(trig.addressee)
    if trig.code[:2] == "11" and trig.kind == "verb":  # "alleged that France was aware"
        for c in tok.children:
            if c.dep_ == "ccomp":
                groups.append([g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}])
    if trig.kind == "noun":
        # "on a visit with the education secretary": a companion, not the host
        preps = NOUN_TARGET_PREPS - {"with"} if trig.code[:3] in VISITS else NOUN_TARGET_PREPS
        groups.append(_pobjs(tok, preps))
        verb = governing_verb(tok)
        if verb is not None:
            groups.append(_pobjs(verb, {"with", "to", "against", "on", "at"}))
        for pobj in _pobjs(tok, {"for"}):  # "calls for new elections in Ukraine"
            groups.append(_pobjs(pobj, {"in", "of"}))
    else:
        m = trig.match
        if _is_passive(tok):
            subj = passive_subjects(tok)
            groups.append(subj)
            groups += [_object_owner(c) + owner_modifiers(c) for c in subj]
            if tok.dep_ == "acl":  # "territory occupied by Russia": the territory, or its owner
                groups.append([tok.head])
                groups.append(_object_owner(tok.head))
        if m.prep is not None and m.obj is None:
            groups.append([g for g in m.prep.children if g.dep_ == "pobj"])
        objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "dative"}]
        for o in objs:
            if m.obj is None or o.i != m.obj.i:
                # "condemned Russia's invasion", "an attack by X": the act's owner is targeted
                groups.append([c for c in o.children if c.dep_ == "poss"] + _pobjs(o, {"by"}))
                groups.append([o])
        for o in objs:  # "halted aid to Ukraine", "declined a ceasefire agreed by the U.S."
            groups.append(_object_owner(o))
            # "attended the Beijing Olympics", "dismissed the latest Tory attack" (not "halted
            # U.S. aid": there the name in front is the giver)
            if trig.code[:2] in {"04", "11", "12"}:
                groups.append(owner_modifiers(o))
            people = trig.code.startswith("084") or o.ent_type_ in ACTOR_ENTS or lemma(o) in PEOPLE
            if m.obj is not None and o.i == m.obj.i and people:
                # "released the mayor", "freed Palestinian prisoners", "expel Russian diplomats"
                groups.append([o])
                groups.append(owner_modifiers(o))
        groups.append(_pobjs(tok, TARGET_PREPS))
        if trig.code[:2] not in SPOKEN_ROOTS:  # "attacked red tape, for the Tories": a side
            groups.append(_pobjs(tok, {"for"}))  # "issued arrest warrants for two Brazilian men"
        # "expressed appreciation for China's assistance"
        groups.append(
            [c for p in _pobjs(tok, TARGET_PREPS | {"for"}) for c in p.children if c.dep_ == "poss"]
        )
        if m.obj is not None and m.obj.dep_ == "pobj":
            groups.append(_object_owner(m.obj))
        if trig.code == "018":  # "sorrow for the floods in Spain": sympathy for the place's people
            for about in _pobjs(tok, {"for", "over", "at"}) + [
                g for o in objs for g in _pobjs(o, {"for", "over", "at"})
            ]:
                groups.append(_pobjs(about, {"in", "of"}))
        for c in tok.children:  # "offered support to guarantee Ukraine's security": its owner
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                for o in c.children:
                    if o.dep_ in {"dobj", "obj"}:
                        groups.append([g for g in o.subtree if g.dep_ == "poss"][:1])
    if inner is not None:
        groups += target_tokens(inner)
    return [_with_conjuncts(g) for g in groups if g]
