"""Pronoun resolution within one article, by sentence order and grammatical role.

Antecedents are the actor mentions seen so far (names, group nouns and pronouns already
resolved), so chains work ("Trump ... his view. As he told ..."). For a pronoun the
preference is, among compatible actors:

1. a subject earlier in the same sentence whose verb governs the pronoun
   ("Trump made calls, indicating his eagerness" -> Trump, not a subordinate subject);
2. any other subject earlier in the same sentence;
3. the previous sentence's subject (or the possessor of that subject: "Trump's approach");
4. for he/she only: any compatible mention earlier in the sentence, then in the previous
   sentence, then a subject up to three sentences back.

Before these: a possessive owning an act the clause's subject reacts to ("Davis welcomed
his apology") is never that subject but the one other actor of this or the previous sentence,
else unresolved; the subject pronoun of what someone's agent says ("His spokesman said he
would ...") is the agent's owner. "They" falls back to the most recent plural mention.

Singular he/she/his/her refer to persons (of a compatible gender where the dictionary
knows it); they/their to groups, countries and organisations named by a plural or
coordinated phrase; it/its to singular ones, preferring the nearest one in the same sentence
("the U.S. and its allies"). Nothing is guessed when no compatible mention is found.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
PRONOUNS = MALE | FEMALE | PLURAL | NEUTER
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "pobj", "iobj"}
REFLEXIVE = {"himself", "herself", "itself", "themselves"}
# "Davis welcomed his apology": an act that the verb's subject reacts to is someone else's.
OTHERS_ACTS = {
    "apology",
    "resignation",
    "admission",
    "climbdown",
    "u-turn",
    "concession",
    "remark",
    "comment",
    "apologies",
    "intervention",
    "retraction",
}
REACTIONS = {
    "welcome",
    "accept",
    "reject",
    "criticise",
    "criticize",
    "praise",
    "condemn",
    "dismiss",
    "demand",
    "hail",
    "applaud",
    "question",
    "mock",
    "attack",
    "seek",
}
# "His spokesman said he would ...": the spokesman speaks for his principal.
AGENTS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "lawyer",
    "solicitor",
    "barrister",
    "attorney",
    "adviser",
    "advisor",
    "representative",
}


@dataclass(frozen=True)
class Seen:
    """An actor mention available as an antecedent."""

    i: int  # head token index
    sent: int  # sentence index
    actor_id: str
    actor_type: str
    gender: str | None
    subject: bool  # subject, or possessor of a subject
    main: bool  # subject of the sentence's root verb
    head: int  # index of the governing token
    plural: bool  # plural noun, plural pronoun or coordinated phrase
    conj: frozenset[int] = frozenset()  # token indices of its conjuncts


def seen_for(tok: Token, sent: int, actor_id: str, actor_type: str, gender: str | None) -> Seen:
    subj = tok.dep_ in SUBJECTS
    owner = tok.head if is_possessor(tok) else tok
    if owner is not tok and owner.dep_ in SUBJECTS:
        subj = True
    main = subj and owner.head.dep_ == "ROOT"
    conjuncts = tok.conjuncts
    plural = tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in PLURAL or bool(conjuncts)
    conj = frozenset(c.i for c in conjuncts)
    return Seen(tok.i, sent, actor_id, actor_type, gender, subj, main, owner.head.i, plural, conj)


def is_possessor(tok: Token) -> bool:
    """ "Trump's approach": spaCy marks the possessor poss, or nmod with a 's case child."""
    return tok.dep_ == "poss" or (
        tok.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in {"'s", "’s", "'", "’"} for c in tok.children)
    )


def compatible(pron: str, s: Seen, head: int = -1) -> bool:
    if pron in MALE or pron in FEMALE:
        if s.actor_type != "person":
            return False
        want = "m" if pron in MALE else "f"
        return s.gender in (None, want)
    if pron in PLURAL:  # groups, or coordinated names ("Grassley and Leahy ... they")
        return s.plural and (s.actor_type in {"group", "country", "organization"} or bool(s.conj))
    single = not s.plural or head in s.conj  # "the U.S. and its allies"
    return single and s.actor_type in {"country", "organization", "group"}


def _ancestors(tok: Token) -> set[int]:
    return {a.i for a in tok.ancestors}


def antecedent(tok: Token, sent: int, history: list[Seen]) -> Seen | None:
    """The mention a pronoun refers to, or None when no compatible one is near."""
    pron = tok.lower_
    if pron == "it" and tok.head.lemma_ in {"be", "seem", "appear"}:
        return None  # "it is not clear ...": mostly no referent
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    bound = tok.dep_ in OBJECTS and pron not in REFLEXIVE  # "Brown told him": him is not Brown
    recent: list[Seen] = []
    for s in reversed(history):  # history is in text order: stop three sentences back
        if s.sent < sent - 3:
            break
        recent.append(s)
    cands = [
        s
        for s in reversed(recent)
        if s.i < tok.i
        and compatible(pron, s, tok.head.i)
        and not (bound and s.subject and s.head == verb.i)
    ]
    if not cands:
        return None
    act = _reacted_act(tok)
    if act is not None:  # never the reacting subject; else one other actor just before
        other = {s.actor_id for s in cands if s.subject and s.head == act}
        near = {
            s.actor_id: s for s in cands if s.sent in {sent - 1, sent} and s.actor_id not in other
        }
        return next(iter(near.values())) if len(near) == 1 else None
    if pron in MALE or pron in FEMALE:
        principal = _principal(tok, cands)
        if principal is not None:
            return principal
    same = [s for s in cands if s.sent == sent]
    prev = [s for s in cands if s.sent == sent - 1]
    anc = _ancestors(tok)
    pools = [
        [s for s in same if s.subject and s.head in anc],
        [s for s in same if s.subject],
        [s for s in prev if s.main],
        [s for s in prev if s.subject],
    ]
    if pron in PLURAL or pron in NEUTER:  # "the U.S. and its allies": the nearest thing first
        pools.insert(2, same)
    for pool in pools:
        if pool:
            return pool[-1]
    if pron in PLURAL:  # "they": the most recent plural group, body or country
        return cands[-1]
    if pron in NEUTER:
        return None
    for pool in (same, prev, [s for s in cands if s.subject]):
        if pool:
            return pool[-1]
    return None


def _reacted_act(tok: Token) -> int | None:
    """Index of the verb when a possessive pronoun owns an act the verb's subject reacts to
    ("Davis welcomed his apology"), else None."""
    noun = tok.head
    if tok.dep_ != "poss" or noun.lemma_.lower() not in OTHERS_ACTS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    return verb.i if verb.lemma_.lower() in REACTIONS else None


def _principal(tok: Token, cands: list[Seen]) -> Seen | None:
    """ "His spokesman said he would give evidence": the subject pronoun of what an agent
    (spokesman, lawyer) of someone says is that someone, the agent's possessor."""
    if tok.dep_ not in SUBJECTS or tok.head.dep_ != "ccomp":
        return None
    verb = tok.head.head
    agent = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if agent is None or agent.lemma_.lower() not in AGENTS:
        return None
    owner = next((c for c in agent.children if is_possessor(c)), None)
    if owner is None:
        return None
    return next((s for s in reversed(cands) if s.i == owner.i), None)
