"""Dependency-tree helpers for claims: subjects, complements and content spans of cues.

Pure functions over spaCy tokens; offsets are character offsets into the doc's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from pipeline.extract import cues

THAT = re.compile(r"that\b[\s,]*", re.I)
WORD = re.compile(r"[^\W\d_]+")
_EDGE = " \t\n,;:—–-\u00a0"
_CLAUSE_DEPS = ("ccomp",)
_XCOMP_ONLY = ("decline", "refuse")  # "declined to comment"; "sales declined" is no claim
_CLAUSE_ONLY = ("appear", "seem", "look")  # "appeared on TV" is no claim; "appeared to …" is
_WHEN = ("DATE", "TIME")  # "backed the plan Tuesday evening": a time is no content
_TOPIC_PREPS = ("about", "on", "against", "for", "of", "over")
_OBJ_DEPS = ("dobj", "oprd", "attr")
_INHERIT_DEPS = ("conj", "xcomp", "advcl", "acl")


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    m = THAT.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
    return a, b


def bare_participle(v: Token) -> bool:
    """A past participle without auxiliary: reduced relative or passive ("a plan suggested")."""
    return v.tag_ == "VBN" and v.dep_ != "conj" and not any(c.dep_ == "aux" for c in v.children)


def subject(v: Token, depth: int = 0, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The speaker token of a cue verb: its subject, passive agent or inherited subject.

    skip: tokens that cannot be the speaker (inside a quotation).
    """
    subjects = [c for c in v.children if c.dep_ == "nsubj" and not (skip and skip(c))]
    if subjects:
        return None if bare_participle(v) else subjects[-1]
    if skip is not None and any(c.dep_ == "nsubj" for c in v.children):
        return adjacent_subject(v, skip)
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or depth >= 2:
        return None
    if bare_participle(v):
        return None
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.dep_ == "prep" and depth < 2:
        verb = v.head.head  # "responded by calling him dopey": who responded
        if verb.pos_ in ("VERB", "AUX") and verb.i != v.i:
            return subject(verb, depth + 1, skip)
    if v.dep_ in _INHERIT_DEPS and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        if v.dep_ in ("advcl", "acl") and (v.tag_ != "VBG" or v.head.dep_ != "ROOT"):
            return None
        found = subject(v.head, depth + 1, skip)
        if found is not None and found.lower_ in ("it", "this", "that", "there"):
            return None  # "it was difficult to say …": no one is saying
        return found
    return None


def adjacent_subject(v: Token, skip: Callable[[Token], bool]) -> Token | None:
    """A name or pronoun right before or after the verb, outside quotes (parse failed)."""
    doc = v.doc
    for i in (v.i + 1, v.i - 1):
        if 0 <= i < len(doc) and not skip(doc[i]) and doc[i].pos_ in ("PROPN", "PRON", "NOUN"):
            tok = doc[i]
            while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
                tok = tok.head
            return tok
    return None


def found_first(pos: int) -> int:
    return pos if pos >= 0 else 1 << 30


def dash_appositive(v: Token) -> Token | None:
    """The possessor of a claim noun that a dashed participle elaborates:
    "X's view of the war — arguing that …" (X is the one arguing)."""
    doc = v.doc
    if v.tag_ != "VBG" or v.i < 2 or doc[v.i - 1].text not in ("—", "–", "--"):
        return None
    tok = doc[v.i - 2]
    for _ in range(5):
        if cues.noun_cue(tok) is not None:
            return noun_speaker(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def subtree(t: Token) -> tuple[int, int]:
    doc = t.doc
    return doc[t.left_edge.i].idx, doc[t.right_edge.i].idx + len(doc[t.right_edge.i].text)


_DASHES = ("—", "–", "--")


def clause(c: Token) -> tuple[int, int]:
    """A reported clause without the writer's trailing additions: a participle after a comma
    (", referring to …") or an aside after a single dash ("the plan — a modest boost …")."""
    doc = c.doc
    left, right = c.left_edge.i, c.right_edge.i
    for child in reversed(list(c.rights)):
        if child.dep_ == "advcl" and child.tag_ == "VBG" and doc[child.left_edge.i - 1].text == ",":
            right = min(right, child.left_edge.i - 2)
            break
    dashes = [t.i for t in doc[c.i + 1 : right + 1] if t.text in _DASHES]
    if len(dashes) == 1 and dashes[0] - left >= 3:
        right = dashes[0] - 1
    while right > left and doc[right].text in (",", ";", ":"):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def right_of(v: Token) -> tuple[int, int] | None:
    """What the verb governs after itself, up to its subtree's end (trailing punctuation cut)."""
    doc = v.doc
    end = v.right_edge.i
    while end > v.i and (doc[end].is_punct and doc[end].text not in ('"', "”", "'")):
        end -= 1
    if end <= v.i:
        return None
    return doc[v.i + 1].idx, doc[end].idx + len(doc[end].text)


def head_clause(v: Token) -> tuple[int, int] | None:
    """The clause v is attached to, minus v's own subtree (content told around the cue)."""
    head = v.head
    doc = v.doc
    left = (head.left_edge.i, v.left_edge.i - 1)
    right = (v.right_edge.i + 1, head.right_edge.i)
    a, b = max((left, right), key=lambda r: r[1] - r[0])
    if b < a:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def verb_content(v: Token, kind: str) -> tuple[int, int] | None:
    children = list(v.children)
    as_prep = any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    for c in children:
        if c.dep_ in _CLAUSE_DEPS and not (as_prep and c.i < v.i):
            return clause(c)
    for c in children:
        if c.dep_ == "xcomp" and c.i > v.i:
            return subtree(c)
    lemma = v.lemma_.lower()
    if lemma in _XCOMP_ONLY or lemma in _CLAUSE_ONLY:
        return None
    for c in children:
        if c.dep_ == "prep" and c.lower_ in ("for", "on") and lemma == "call":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree(objs[0])
    if cues.takes_object_content(v):
        objs = [
            c for c in children if c.dep_ in _OBJ_DEPS and c.i > v.i and c.ent_type_ not in _WHEN
        ]
        if lemma == "call" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children):
            objs = []
        preps = [c for c in children if c.dep_ == "prep" and c.i > v.i and c.lower_ == "to"]
        if lemma == "refer" and preps:
            objs = preps
        if objs:
            start = objs[0].left_edge.i
            end = max(
                c.right_edge.i
                for c in children
                if c.i > v.i and c.dep_ not in ("punct", "cc", "conj", "advcl")
            )
            doc = v.doc
            return doc[start].idx, doc[end].idx + len(doc[end].text)
    for c in children:
        if c.dep_ == "prep" and c.i > v.i and c.lower_ in _TOPIC_PREPS:
            if lemma in ("speak", "talk") and c.lower_ in ("on", "to", "for"):
                continue  # "speaking on Radio 4" names a medium, not a topic
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and not any(d.dep_ in _OBJ_DEPS for d in children):
                return subtree(objs[0])
    if v.dep_ == "parataxis" and v.head.i != v.i:
        return head_clause(v)
    if v.dep_ in ("parataxis", "ccomp") and v.i > v.head.i and v.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.lower_ == "as" for c in children):
            return None
        return head_clause(v)
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return head_clause(v)
    return None


def that_clause(v: Token) -> bool:
    """Whether verb v takes a finite 'that' clause (an unlisted verb of saying or thinking)."""
    return any(
        c.dep_ == "ccomp"
        and c.i > v.i
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in v.children
    )


def noun_content(n: Token) -> tuple[int, int] | None:
    for c in n.children:
        if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children):
            return subtree(c)
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i == n.i + 1:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree(objs[0])
    return None


def noun_speaker(n: Token) -> Token | None:
    """Who holds a claim noun: its possessor ("X's calls"), or "from X" / "by X" after it."""
    for c in n.children:
        if c.dep_ == "poss":
            return c
    for c in n.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and c.i > n.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and (objs[0].ent_type_ or objs[0].pos_ in ("PROPN", "NOUN")):
                return objs[0]
    return None


_ADJ_PREPS = ("of", "about", "to", "with", "on", "toward", "towards", "over", "for", "in")
_LINKING = (
    "be",
    "come",
    "become",
    "remain",
    "seem",
    "appear",
    "look",
    "sound",
    "feel",
    "grow",
    "get",
)


def adjective_content(adj: Token) -> tuple[int, int] | None:
    """Content of a stance adjective: its clause ("sure that …", "willing to …") or the object
    of its preposition ("critical of …"); for "made it clear that …" the verb's clause."""
    if adj.pos_ == "ADP":  # "X is against Y"
        objs = [g for g in adj.children if g.dep_ in ("pobj", "pcomp")]
        return subtree(objs[0]) if objs else None
    for c in adj.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i:
            return subtree(c)
    for c in adj.children:
        if c.dep_ == "prep" and c.i > adj.i and c.lower_ in _ADJ_PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree(objs[0])
    head = adj.head
    if head.i != adj.i and head.lemma_.lower() == "make":
        for c in head.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i:
                return subtree(c)
    return None


def adjective_holder(adj: Token, skip: Callable[[Token], bool]) -> Token | None:
    """Who holds the stance: the subject of the linking verb ("X is critical") or of "make"."""
    head = adj.head
    if head.i == adj.i or head.lemma_.lower() not in (*_LINKING, "make"):
        return None
    if head.lemma_.lower() == "make" and adj.dep_ == "ccomp":
        return None
    return subject(head, skip=skip)
