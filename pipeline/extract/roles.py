"""Triggers and their arguments: which words report an event, and who its actors are.

A trigger is a verb or noun matched by a pattern (``verbs.py``). Verbs that only frame
another event are folded into it: speech verbs ("said ... attacked") give way to the
reported event, intent verbs ("agreed to lift") pass the event on with its modality, and
refusals, threats and appeals ("refused to endorse", "threatened to impose", "urged X to
help") recode the framed event as a rejection, threat or appeal, as CAMEO does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from pipeline.extract.verbs import Match, match

SPEECH = {"say", "state", "announce", "tell", "declare", "comment", "remark", "add", "report"}
INTENT = {
    "agree", "pledge", "promise", "vow", "offer", "plan", "intend", "want", "seek", "hope",
    "prepare", "decide", "aim", "try", "attempt", "expect", "schedule", "continue", "begin",
    "start", "resume", "propose", "consider", "help", "move", "threaten_soft",
}
REJECT = {"refuse", "decline", "reject", "rebuff", "oppose"}
THREAT = {"threaten", "warn"}
APPEAL = {"urge", "ask", "call", "appeal", "request", "invite", "plead", "press", "encourage"}
DEMAND = {"demand", "insist", "pressure", "force"}
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "agree", "refuse", "decline"}
LIGHT_VERBS = {
    "make", "have", "hold", "conduct", "launch", "stage", "lead", "begin", "start", "continue",
    "resume", "carry", "mount", "wage", "announce", "propose", "issue", "take", "pursue",
    "host", "join", "attend", "deliver", "give", "order", "echo", "hold",
}
TARGET_PREPS = {"with", "to", "against", "at", "on", "toward", "towards", "from", "into", "upon"}
NOUN_TARGET_PREPS = {"of", "with", "to", "against", "on", "toward", "towards", "into", "from"}
RELATIVE = {"who", "which", "that", "whom"}

REJECT_BY_ROOT = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120"}
THREAT_BY_ROOT = {"16": "1313", "17": "137", "18": "138", "19": "138", "20": "138", "12": "130"}
APPEAL_BY_ROOT = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}
DEMAND_BY_ROOT = {"04": "108", "05": "102", "06": "101", "07": "103", "08": "105", "03": "100"}


@dataclass
class Trigger:
    token: Token
    code: str
    kind: str  # verb | noun
    match: Match
    frame: list[Token] = field(default_factory=list)  # governing words, nearest first
    complement: Token | None = None  # event folded into this one (refusals, threats, appeals)
    modality: str | None = None  # set when the wrapper fixes it
    wrapped: bool = False


def _governors(tok: Token) -> list[Token]:
    out, cur = [], tok
    while cur.dep_ != "ROOT" and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _complement(tok: Token) -> Token | None:
    """The verb or event noun a framing verb governs ("refused to endorse", "said X attacked")."""
    for c in tok.children:
        if c.dep_ in {"xcomp", "ccomp"}:
            return c
    for c in tok.children:  # "refrained from criticism", "called for talks"
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pcomp":
                    return g
    return None


def _event_in(tok: Token, matches: dict[int, Match]) -> Token | None:
    """tok itself if it is a trigger, else the first trigger in its clause (breadth-first)."""
    queue = [tok]
    seen = 0
    while queue and seen < 12:
        cur = queue.pop(0)
        seen += 1
        if cur.i in matches:
            return cur
        queue.extend(c for c in cur.children if c.dep_ in {"xcomp", "ccomp", "conj", "dobj"})
    return None


def find_triggers(sent: Span) -> list[Trigger]:
    """Event triggers of a sentence, framing verbs folded in, objects consumed."""
    matches: dict[int, Match] = {}
    for tok in sent:
        m = match(tok)
        if m is not None:
            matches[tok.i] = m
    consumed: set[int] = set()
    for m in matches.values():
        if m.obj is not None:
            consumed.add(m.obj.i)
    out: list[Trigger] = []
    dropped: set[int] = set()
    recode: dict[int, tuple[str, Token]] = {}
    for i, m in sorted(matches.items()):
        tok = sent.doc[i]
        if m.pattern.pos != "verb":
            continue
        lemma = tok.lemma_.lower()
        comp = _complement(tok)
        inner = _event_in(comp, matches) if comp is not None else None
        if inner is None or inner.i == i:
            if lemma in SPEECH and not _addressee(tok):
                dropped.add(i)
            continue
        inner_root = matches[inner.i].pattern.code[:2]
        if lemma in SPEECH or lemma in INTENT:
            dropped.add(i)
        elif lemma in REJECT:
            recode[i] = (REJECT_BY_ROOT.get(inner_root, "120"), inner)
            consumed.add(inner.i)
        elif lemma in THREAT:
            recode[i] = (THREAT_BY_ROOT.get(inner_root, "130"), inner)
            consumed.add(inner.i)
        elif lemma in APPEAL:
            recode[i] = (APPEAL_BY_ROOT.get(inner_root, "020"), inner)
            consumed.add(inner.i)
        elif lemma in DEMAND:
            recode[i] = (DEMAND_BY_ROOT.get(inner_root, "100"), inner)
            consumed.add(inner.i)
    for i, m in sorted(matches.items()):
        if i in dropped or i in consumed:
            continue
        tok = sent.doc[i]
        if m.pattern.pos == "noun" and not _noun_is_event(tok):
            continue
        code, comp = recode.get(i, (m.pattern.code, None))
        trig = Trigger(tok, code, m.pattern.pos, m, _governors(tok), comp)
        if comp is not None:
            trig.wrapped = True
            trig.modality = None
        out.append(trig)
    return out


def _addressee(tok: Token) -> bool:
    """A speech verb with an actor addressed ("told Zelenskyy", "said to reporters")."""
    if tok.lemma_.lower() == "tell":
        return any(c.dep_ in {"dobj", "dative"} for c in tok.children)
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _noun_is_event(tok: Token) -> bool:
    """A nominal trigger needs an owner: a possessor, an agent, or a light verb."""
    if any(c.dep_ == "poss" for c in tok.children):
        return True
    if any(c.dep_ in {"compound", "amod"} and c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
           for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return True
    return _light_verb(tok) is not None


def _light_verb(tok: Token) -> Token | None:
    head = tok.head
    if tok.dep_ in {"dobj", "obj"} and head.lemma_.lower() in LIGHT_VERBS:
        return head
    if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ in {"in", "into"}:
        return head.head  # "engaged in talks"
    return None


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    return [g for c in tok.children if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        for x in [t, *t.conjuncts]:
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
        if obj and head.lemma_.lower() not in SUBJECT_CONTROL:
            return obj
        return _verb_subjects(head, depth + 1)
    if tok.dep_ in {"conj", "advcl", "pcomp"}:
        return _verb_subjects(head if tok.dep_ != "pcomp" else head.head, depth + 1)
    if tok.dep_ == "relcl":
        return [head]
    return []


def source_tokens(trig: Trigger) -> list[list[Token]]:
    """Candidate source phrases, in order of preference."""
    tok = trig.token
    if trig.kind == "verb":
        return [_with_conjuncts(_verb_subjects(tok))]
    groups = [[c for c in tok.children if c.dep_ == "poss"]]
    groups.append(_pobjs(tok, {"by"}))
    groups.append([c for c in tok.children if c.dep_ in {"compound", "amod"}
                   and c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}])
    light = _light_verb(tok)
    if light is not None:
        groups.append(_with_conjuncts(_verb_subjects(light)))
    return [g for g in groups if g]


def _object_owner(obj: Token) -> list[Token]:
    """Who an event object belongs to or is aimed at: "aid to Ukraine", "Ukraine's security"."""
    found = _pobjs(obj, {"to", "for", "of", "on", "against", "with", "toward", "towards"})
    found += [c for c in obj.children if c.dep_ == "poss"]
    return found


def target_tokens(trig: Trigger) -> list[list[Token]]:
    """Candidate target phrases, in order of preference."""
    tok = trig.token
    groups: list[list[Token]] = []
    if trig.kind == "noun":
        groups.append(_pobjs(tok, NOUN_TARGET_PREPS))
        light = _light_verb(tok)
        if light is not None:
            groups.append(_pobjs(light, {"with", "to", "against", "on", "at"}))
        for pobj in _pobjs(tok, {"for"}):  # "calls for new elections in Ukraine"
            groups.append(_pobjs(pobj, {"in", "of"}))
        return [_with_conjuncts(g) for g in groups if g]
    m = trig.match
    if _is_passive(tok):
        groups.append([c for c in tok.children if c.dep_ == "nsubjpass"])
        if tok.dep_ == "acl":
            groups.append([tok.head])
    if m.prep is not None and m.obj is None:
        groups.append([g for g in m.prep.children if g.dep_ == "pobj"])
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "dative"}]
    for o in objs:
        if m.obj is not None and o.i == m.obj.i:
            groups.append(_object_owner(o))
        else:
            groups.append([o])
    groups.append(_pobjs(tok, TARGET_PREPS))
    if trig.complement is not None:
        comp = trig.complement
        groups.append([c for c in comp.children if c.dep_ in {"dobj", "dative"}])
        groups.append(_pobjs(comp, TARGET_PREPS))
        for o in [c for c in comp.children if c.dep_ == "dobj"]:
            groups.append(_object_owner(o))
    if m.obj is not None and m.obj.dep_ == "pobj":
        groups.append(_object_owner(m.obj))
    return [_with_conjuncts(g) for g in groups if g]
