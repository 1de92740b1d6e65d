"""CAMEO coding conventions applied to one trigger: which mentions are events, and recodes.

What is not an event: a participle describing a noun ("the ceasefire agreed by X"), a
question ("asked whether X would attack"), an order or plea in a quote ("Help us"), insisting
on a fact ("insisted the plans were affordable"), a hypothetical or negated act with nobody
on the other side (``idle``). Recodes: a stated refusal to cooperate is a rejection, refusing
to discuss reports is declining to comment, a politician's "attack" on a rival is criticism,
a stated plan is an intent. ``stance_on_thing``: a stance (endorse, criticise, reject, appeal,
demand) on a named policy stands without a target actor ("the Tories backed the plans").
"""

from __future__ import annotations

from pipeline.extract.arguments import source_tokens, target_tokens
from pipeline.extract.model import Actor
from pipeline.extract.roles import PEOPLE, REJECT_BY_ROOT, Trigger
from pipeline.extract.verbs import lemma

MILITARY_NOUNS = {
    "troop",
    "force",
    "soldier",
    "army",
    "unit",
    "peacekeeper",
    "battalion",
    "brigade",
}

PRESS = {"reporters", "journalists", "the press", "press", "media", "the media", "newspaper"}

MEDIA_WORDS = {
    "programme",
    "program",
    "show",
    "radio",
    "television",
    "tv",
    "newspaper",
    "magazine",
    "interview",
    "news",
    "channel",
    "podcast",
    "website",
    "broadcaster",
}

COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}

MATERIAL_CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}

# see idle: negated acts that stand without a target
NEGATED_MONADIC_ROOTS = {"08", "14", "15", "16"}

QUESTION_MARKS = {"whether"}
# verbs of meeting or force with other senses when aimed at a thing
OTHER_SENSE_VERBS = {
    "fund",  # "would fund the cuts": spending, not aid
    "finance",
    "give",  # "will give value for money"
    "help",  # "desire to help others", "advisers to help him make decisions"
    "meet",
    "fight",
    "shoot",
    "hit",
    "strike",
    "beat",
    "combat",
    "battle",
    "target",
    "tackle",
    "engage",
    "kill",
}

VERBAL_ATTACKS = {"attack", "assail", "clash"}

# "would not discuss reports": declining to comment, not refusing talks
COMMENT_TOPICS = {
    "report",
    "claim",
    "allegation",
    "matter",
    "issue",
    "detail",
    "speculation",
    "case",
    "rumour",
    "rumor",
    "story",
}

# "insisted (that) the plans were affordable", "agreed he was brilliant": a claim
COMMENT_VERBS = {"discuss", "comment", "elaborate", "confirm", "speculate", "say", "reveal"}
NEGOTIATED = {
    "talk",
    "negotiation",
    "ceasefire",
    "truce",
    "deal",
    "agreement",
    "peace",
    "plan",
    "proposal",
    "offer",
    "treaty",
    "accord",
}
ACTOR_ENT_TYPES = {"PERSON", "NORP", "GPE", "ORG"}
ASSERTING = {"insist", "maintain", "agree", "concede", "admit", "acknowledge", "accept"}
AGREE_DEPS = {"xcomp", "ccomp", "prep", "dobj", "obj", "advcl", "conj", "nsubjpass"}

POLITICAL_SECTORS = {"PTY", "OPP", "LEG", "GOV", "MED", "ELI", "EDU", "BUS", "LAB", "NGO"}

ARMED_SECTORS = {"MIL", "REB", "INS", "SPY", "COP", "UAF"}

PLAN_NOUNS = {"plan", "pledge", "promise", "proposal", "bid", "intention", "offer", "vow"}

# a stated stance on a policy stands without a target actor when its object is named
# ("the commission branded the law a mess", "universities backed the proposals")
STANCE_ROOTS = {"02", "05", "10", "11", "12"}

STANCE_PREPS = {"for", "on", "against"}  # "called for an inquiry", "insisted on a vote"


def military(trig: Trigger, sources: list[Actor]) -> bool:
    """Whether the source is armed forces ("UN troops", "Russian soldiers")."""
    if any(a.sector == "MIL" for a in sources):
        return True
    words = {lemma(t) for group in source_tokens(trig) for head in group for t in head.subtree}
    return bool(words & MILITARY_NOUNS)


def press(actor: Actor) -> bool:
    return actor.sector == "MED" or actor.name.lower() in PRESS


def to_media(trig: Trigger) -> bool:
    """ "told a radio station's breakfast programme", "told the weekend paper": the
    addressee is a broadcast or a paper, whoever it names."""
    heads = [t for group in target_tokens(trig) for t in group]
    return any(w.lower_ in MEDIA_WORDS for h in heads for w in h.subtree)


def cameo_convention(trig: Trigger, code: str, mod: str) -> tuple[str, str]:
    """CAMEO codes a stated refusal to cooperate ("would not provide support", "will not
    meet") as a rejection, which did happen; a plain negation stays a negated event.
    Refusing to discuss reports or claims is declining to comment (011)."""
    if mod != "negated" or code[:2] not in COOPERATIVE_ROOTS:
        return code, mod
    topics = [
        o
        for o in [*trig.token.children, *(g for c in trig.token.children for g in c.children)]
        if o.dep_ in {"dobj", "obj", "pobj"}
    ]
    if code[:2] == "04" and any(lemma(o) in COMMENT_TOPICS for o in topics):
        return "011", "asserted"
    aux = {c.lower_ for c in trig.token.children if c.dep_ == "aux"}
    if aux & {"will", "would", "wo", "shall"}:
        return REJECT_BY_ROOT.get(code[:2], "120"), "asserted"
    return code, mod


def descriptive(trig: Trigger, code: str) -> bool:
    """A passive participle describing a noun ("the ceasefire agreed upon by X", "sanctions
    imposed by Y") identifies the thing another event is about; it is coded only when it
    reports ongoing material conflict ("territory occupied by Russia")."""
    tok = trig.token
    return (
        trig.kind == "verb"
        and tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and code[:2] not in MATERIAL_CONFLICT_ROOTS
    )


def imperative(trig: Trigger) -> bool:
    """ "Help me to get through the year": an order or plea in a quote, not a reported act."""
    tok = trig.token
    if trig.kind != "verb" or tok.tag_ != "VB":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in tok.children):
        return False
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    if before is not None and before.text in {'"', "“", ":"}:  # said: "Help me ..."
        return True
    return tok.dep_ in {"ROOT", "ccomp", "parataxis"} and tok.left_edge == tok


def asserting(trig: Trigger) -> bool:
    """ "Mr Brown insisted his plans were affordable": insisting on a fact is a claim; only
    insisting on an act ("insisted on a vote", "insisted they must resign") is a demand.
    Likewise agreeing that something is so ("agreed he was brilliant") is no agreement."""
    tok = trig.token
    if lemma(tok) not in ASSERTING:
        return False
    if lemma(tok) == "agree" and not any(c.dep_ in AGREE_DEPS for c in tok.children):
        return True  # "Mr Wallace agreed and said ...": agreed with a view
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            return False
        if c.dep_ == "ccomp":
            aux = {a.lower_ for a in c.children if a.dep_ in {"aux", "auxpass"}}
            return not aux & {"should", "must", "ought", "shall"}
    return False


def aimed_at_a_thing(trig: Trigger, targets: list[Actor]) -> bool:
    """ "fought all forms of racism", "meet the golden rule", "shoot animals": a meeting or
    an attack whose object is neither an actor nor people is another sense of the verb."""
    if trig.kind != "verb" or lemma(trig.token) not in OTHER_SENSE_VERBS or targets:
        return False
    m = trig.match
    objs = [
        c
        for c in trig.token.children
        if c.dep_ in {"dobj", "obj"} and (m.obj is None or c.i != m.obj.i)
    ]
    return bool(objs) and not any(
        o.ent_type_ in ACTOR_ENT_TYPES or lemma(o) in PEOPLE for o in objs
    )


def appeal_noun(trig: Trigger) -> bool:
    """ "the Lib Dems' call to open the books": a call to act is an appeal, not a phone call."""
    tok = trig.token
    return (
        trig.kind == "noun"
        and lemma(tok) == "call"
        and any(
            c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children
        )
    )


def declined_comment(trig: Trigger) -> bool:
    """ "Labour refused to discuss his new position": declining to comment (011), not a
    rejection of talks (which "refused to discuss a ceasefire" still is)."""
    comp = trig.complement
    if comp is None or lemma(comp) not in COMMENT_VERBS:
        return False
    objs = [c for c in comp.children if c.dep_ in {"dobj", "obj"}]
    objs += [g for p in comp.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return not any(lemma(o) in NEGOTIATED or o.ent_type_ in ACTOR_ENT_TYPES for o in objs)


def questioned(trig: Trigger) -> bool:
    """An event asked about, not reported: "questions about what concessions Russia should
    make", "asked whether Iran would attack"."""
    heads = [trig.token]
    if trig.kind == "noun" and trig.token.dep_ in {"dobj", "obj"}:
        heads.append(trig.token.head)
    for h in heads:
        for c in h.children:
            if c.dep_ == "det" and c.tag_ == "WDT":
                return True
            if c.dep_ == "mark" and c.lower_ in QUESTION_MARKS:
                return True
    return False


def verbal_attack(trig: Trigger, sources: list[Actor], targets: list[Actor]) -> bool:
    """An attack by a politician on a politician, party or policy is criticism: a person or
    a party attacks no country, place or armed group, and is not armed forces itself."""
    if lemma(trig.token) not in VERBAL_ATTACKS or military(trig, sources):
        return False
    if any(a.actor_type != "person" and a.sector not in POLITICAL_SECTORS for a in sources):
        return False
    return all(
        a.actor_type in {"person", "organization", "group"} and a.sector not in ARMED_SECTORS
        for a in targets
    )


def planned(trig: Trigger) -> bool:
    """The event is the infinitive of a plan-like noun ("a plan to restore", "pledge to cut")."""
    tok = trig.token
    return (
        trig.kind == "verb"
        and tok.dep_ == "acl"
        and tok.head.pos_ == "NOUN"
        and lemma(tok.head) in PLAN_NOUNS
    )


def stance_on_thing(trig: Trigger, code: str, mod: str) -> bool:
    """A reported stance (endorse, criticise, reject) on a named policy, law or plan."""
    if trig.kind != "verb" or mod != "asserted" or code[:2] not in STANCE_ROOTS:
        return False
    if trig.wrapped:  # "refused to back", "urged X to reject": the framed act decides
        return False
    objs = [c for c in trig.token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    objs += [
        g
        for p in trig.token.children
        if p.dep_ in {"prep", "prt"} and p.lower_ in STANCE_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return any(o.pos_ == "NOUN" for o in objs)


def idle(mod: str, root: str) -> bool:
    """A hypothetical or negated act with nobody on the other side says little ("may choose
    to continue fighting", "without Ukraine agreeing"); a negated yield, protest or cut ties
    still does ("Russia has not made concessions")."""
    return mod == "hypothetical" or (mod == "negated" and root not in NEGATED_MONADIC_ROOTS)
