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

Singular he/she/his/her refer to persons (of a compatible gender where the dictionary
knows it); they/their to groups, countries and organisations; it/its to countries and
organisations. Nothing is guessed when no compatible mention is found.
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


def seen_for(tok: Token, sent: int, actor_id: str, actor_type: str, gender: str | None) -> Seen:
    subj = tok.dep_ in SUBJECTS
    owner = tok.head if tok.dep_ == "poss" else tok
    if tok.dep_ == "poss" and owner.dep_ in SUBJECTS:
        subj = True
    main = subj and owner.head.dep_ == "ROOT"
    return Seen(tok.i, sent, actor_id, actor_type, gender, subj, main, owner.head.i)


def compatible(pron: str, s: Seen) -> bool:
    if pron in MALE or pron in FEMALE:
        if s.actor_type != "person":
            return False
        want = "m" if pron in MALE else "f"
        return s.gender in (None, want)
    if pron in PLURAL:
        return s.actor_type in {"group", "country", "organization"}
    return s.actor_type in {"country", "organization"}


def _ancestors(tok: Token) -> set[int]:
    return {a.i for a in tok.ancestors}


def antecedent(tok: Token, sent: int, history: list[Seen]) -> Seen | None:
    """The mention a pronoun refers to, or None when no compatible one is near."""
    pron = tok.lower_
    cands = [s for s in history if s.i < tok.i and s.sent >= sent - 3 and compatible(pron, s)]
    if not cands:
        return None
    same = [s for s in cands if s.sent == sent]
    prev = [s for s in cands if s.sent == sent - 1]
    anc = _ancestors(tok)
    for pool in (
        [s for s in same if s.subject and s.head in anc],
        [s for s in same if s.subject],
        [s for s in prev if s.main],
        [s for s in prev if s.subject],
    ):
        if pool:
            return pool[-1]
    if pron in PLURAL or pron in NEUTER:
        return None
    for pool in (same, prev, [s for s in cands if s.subject]):
        if pool:
            return pool[-1]
    return None
