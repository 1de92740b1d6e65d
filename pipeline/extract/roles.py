"""Event triggers: which words report an event (see ``arguments.py`` for who its actors are).

A trigger is a verb or noun matched by a pattern (``verbs.py``). Words that only frame
another event are folded into it, as CAMEO does: speech verbs give way to the reported
event (or become an accusation when a speaker reports another's violence: "X said that Y
attacked Z"); tense-like framing ("plans to", "agreed to") passes the event on with its
modality; refusals, threats, appeals, demands and stated wishes ("refused to endorse",
"threatened to impose", "urged X to help", "wants to attack") recode the framed event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from pipeline.extract.modality import modality
from pipeline.extract.verbs import Match, Pattern, lemma, match, trigger_lemmas

SPEECH = {
    "say",
    "state",
    "announce",
    "tell",
    "declare",
    "comment",
    "remark",
    "add",
    "report",
    "note",
    "indicate",
    "assert",
    "claim",
}
ACCUSE_SPEECH = {"allege", "claim", "accuse", "charge"}
# saying what someone else should have done is criticising them ("argued the minister should
# have volunteered a statement", "said Mr Blair should have resigned")
HINDSIGHT_SPEECH = SPEECH | {"argue", "insist", "suggest", "complain", "believe", "think"}
HINDSIGHT_CODE = "111"
PASS_ON = {
    "agree",
    "pledge",
    "promise",
    "vow",
    "plan",
    "intend",
    "seek",
    "hope",
    "prepare",
    "decide",
    "aim",
    "try",
    "attempt",
    "expect",
    "schedule",
    "continue",
    "begin",
    "start",
    "resume",
    "consider",
    "help",
    "move",
    "need",
    "set",
    "go",
}
WISH = {"want", "wish", "willing", "willingness", "readiness", "ready", "eager", "desire"}
REJECT = {"refuse", "decline", "reject", "rebuff", "oppose", "dismiss"}
THREAT = {"threaten", "warn"}
APPEAL = {"urge", "ask", "call", "appeal", "request", "invite", "plead", "encourage"}
DEMAND = {"demand", "insist", "pressure", "force", "press"}
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "agree", "refuse", "decline"}
LIGHT_VERBS = {
    "make",
    "have",
    "hold",
    "conduct",
    "launch",
    "stage",
    "lead",
    "begin",
    "start",
    "continue",
    "resume",
    "carry",
    "mount",
    "wage",
    "announce",
    "propose",
    "issue",
    "take",
    "pursue",
    "host",
    "join",
    "attend",
    "deliver",
    "give",
    "order",
    "echo",
    "open",
    "express",
    "show",
    "indicate",
    "signal",
    "voice",
}
NOUN_FRAMES = {"refrain", "abstain", "engage", "participate", "resort", "return", "join"}
TARGET_PREPS = {"with", "to", "against", "at", "on", "toward", "towards", "from", "into", "upon"}
NOUN_TARGET_PREPS = {"of", "with", "to", "against", "on", "toward", "towards", "into", "from"}
RELATIVE = {"who", "which", "that", "whom"}
PROSPECTS = {"prospect", "idea", "possibility", "notion", "option", "proposal", "plan", "call"}
ACTOR_ENTS = {"PERSON", "NORP", "GPE", "ORG"}
PEOPLE = {  # object nouns naming people of another side (not one's own forces)
    "diplomat",
    "ambassador",
    "envoy",
    "official",
    "prisoner",
    "citizen",
    "national",
    "journalist",
    "leader",
    "minister",
    "activist",
    "worker",
    "student",
    "civilian",
    "refugee",
    "migrant",
    "protester",
    "demonstrator",
    "detainee",
    "hostage",
    "people",
    "man",
    "woman",
    "child",
    "member",
    "militant",
    "rebel",
    "dissident",
}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}

REJECT_BY_ROOT = {
    "01": "011",
    "04": "125",
    "05": "120",
    "06": "121",
    "07": "122",
    "08": "124",
    "03": "120",
}
THREAT_BY_ROOT = {"16": "1313", "17": "137", "18": "138", "19": "138", "20": "138", "12": "130"}
APPEAL_BY_ROOT = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}
DEMAND_BY_ROOT = {"04": "108", "05": "102", "06": "101", "07": "103", "08": "105", "03": "100"}
WISH_BY_ROOT = {
    "04": "036",
    "05": "030",
    "06": "031",
    "07": "033",
    "08": "035",
    "14": "133",
    "16": "1313",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}


@dataclass
class Trigger:
    token: Token
    code: str
    kind: str  # verb | noun
    match: Match
    frame: list[Token] = field(default_factory=list)  # governing words, nearest first
    complement: Token | None = None  # event folded into this one (refusals, threats, appeals)
    complement_match: Match | None = None
    accusation: bool = False  # target is the reported event's source
    reporter: Token | None = None  # speech verb that reports this event ("announced it would")
    addressee: list[Token] = field(default_factory=list)  # who is asked, if not the object

    @property
    def wrapped(self) -> bool:
        return self.complement is not None


def governors(tok: Token) -> list[Token]:
    out: list[Token] = []
    cur = tok
    while cur.dep_ != "ROOT" and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _complement(tok: Token) -> Token | None:
    """The clause or event noun a framing word governs ("refused to endorse", "said X ...")."""
    for c in tok.children:
        if c.dep_ in {"xcomp", "ccomp"}:
            return c
        if c.dep_ == "acl" and c.pos_ == "VERB" and tok.pos_ != "VERB":
            return c
    for c in tok.children:  # "refrained from criticism", "called for talks"
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pcomp":
                    return g
    for o in tok.children:  # "dismissed the prospect of offering support", "the idea of sending"
        if o.dep_ in {"dobj", "obj"} and o.lemma_.lower() in PROSPECTS:
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ in {"pcomp", "pobj"}:
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


def candidate_indices(doc: Doc) -> list[int]:
    """Indices of tokens whose lemma could trigger an event (one cheap pass over the doc)."""
    wanted = _wanted_ids(doc.vocab.strings)
    words = doc.to_array([LEMMA, LOWER]).tolist()
    return [i for i, (lem, low) in enumerate(words) if lem in wanted or low in wanted]


@lru_cache(maxsize=4)
def _wanted_ids(strings: StringStore) -> frozenset[int]:
    """String ids of every lemma or word candidate_indices looks for."""
    return frozenset(strings.add(w) for w in trigger_lemmas() | WISH | HINDSIGHT_SPEECH)


def find_triggers(sent: Span, candidates: list[int] | None = None) -> list[Trigger]:
    """Event triggers of a sentence, framing words folded in, objects consumed.

    candidates: doc indices from candidate_indices (all tokens of sent when None)."""
    matches: dict[int, Match] = {}
    wishers: list[Token] = []
    doc = sent.doc
    toks = sent if candidates is None else [doc[i] for i in candidates]
    hindsight: list[Trigger] = []
    for tok in toks:
        m = match(tok)
        if m is not None:
            matches[tok.i] = m
        elif lemma(tok) in WISH:
            wishers.append(tok)
        if lemma(tok) in HINDSIGHT_SPEECH and tok.pos_ == "VERB":
            crit = _hindsight(tok)
            if crit is not None:
                hindsight.append(crit)
    consumed = {m.obj.i for m in matches.values() if m.obj is not None}
    for i, m in matches.items():  # "attended a summit", "held a meeting": one event, not two
        if m.pattern.pos == "verb":
            for c in sent.doc[i].children:
                other = matches.get(c.i)
                same = other is not None and other.pattern.code[:2] == m.pattern.code[:2]
                if c.dep_ in {"dobj", "obj"} and same and other.pattern.pos == "noun":  # type: ignore[union-attr]
                    consumed.add(c.i)
    dropped: set[int] = set()
    recode: dict[int, tuple[str, Token, bool]] = {}
    reporters: dict[int, Token] = {}
    accused_inside: set[int] = set()
    extra: list[Trigger] = []
    for tok in wishers:  # "wants to attack", "a willingness to sign": stated intent
        comp = _complement(tok)
        inner = _event_in(comp, matches) if comp is not None else None
        if inner is None:
            continue
        im = matches[inner.i]
        own_subject = (
            comp is not None
            and comp.dep_ == "ccomp"
            and any(c.dep_ == "nsubj" for c in inner.children)
        )
        root = im.pattern.code[:2]
        code = APPEAL_BY_ROOT.get(root, "020") if own_subject else WISH_BY_ROOT.get(root)
        if code is None:
            continue
        consumed.add(inner.i)
        kind = "verb" if tok.pos_ in {"VERB", "AUX"} else "noun"
        wish = Trigger(tok, code, kind, im, governors(tok), inner, im)
        if own_subject:  # "Obama wants Putin to attack": an appeal to Putin
            wish.addressee = [c for c in inner.children if c.dep_ == "nsubj"]
        extra.append(wish)
    for i, m in sorted(matches.items()):
        tok = sent.doc[i]
        if m.pattern.pos != "verb" or i in consumed:
            continue
        lem = lemma(tok)
        comp = _complement(tok)
        inner = _event_in(comp, matches) if comp is not None else None
        if inner is None or inner.i == i or inner.i in consumed:
            if lem in SPEECH and m.pattern.code == "010" and not _addressee(tok):
                dropped.add(i)
            continue
        inner_root = matches[inner.i].pattern.code[:2]
        reported_violence = (
            lem in SPEECH
            and tok.i < inner.i
            and inner_root in CONFLICT_ROOTS
            # "said the police will crack down": a forecast, no allegation ("said they will
            # attack" is resolved later: the speaker's own act)
            and (modality(inner) == "asserted" or _pronoun_subject(inner))
        )
        alleged = lem in ACCUSE_SPEECH and inner_root != "01"  # alleging a remark: a claim
        if alleged or reported_violence:
            recode[i] = ("112", inner, True)
            consumed.add(inner.i)
            if lem in ACCUSE_SPEECH and comp is not None:  # an allegation, not a reported fact
                accused_inside.update(t.i for t in comp.subtree)
        elif lem in SPEECH or lem in PASS_ON:
            dropped.add(i)
            if lem in SPEECH:
                reporters[inner.i] = tok
        elif lem in REJECT and (inner_root in REJECT_BY_ROOT or _via_prospect(tok, comp)):
            # "refused to endorse", "rejected the idea of sending troops": a rejection
            recode[i] = (REJECT_BY_ROOT.get(inner_root, "120"), inner, False)
            consumed.add(inner.i)
        elif lem in REJECT:  # "declined to criticize": the criticism, negated
            dropped.add(i)
        elif lem in THREAT:
            recode[i] = (THREAT_BY_ROOT.get(inner_root, "130"), inner, False)
            consumed.add(inner.i)
        elif lem in APPEAL:
            recode[i] = (APPEAL_BY_ROOT.get(inner_root, "020"), inner, False)
            consumed.add(inner.i)
        elif lem in DEMAND:
            recode[i] = (DEMAND_BY_ROOT.get(inner_root, "100"), inner, False)
            consumed.add(inner.i)
    out: list[Trigger] = []
    for i, m in sorted(matches.items()):
        if i in dropped or i in consumed:
            continue
        tok = sent.doc[i]
        if m.pattern.pos == "noun" and not _noun_is_event(tok):
            continue
        code, comp, accuse = recode.get(i, (m.pattern.code, None, False))
        trig = Trigger(
            tok,
            code,
            m.pattern.pos,
            m,
            governors(tok),
            comp,
            matches.get(comp.i) if comp is not None else None,
            accuse,
            reporters.get(i),
        )
        out.append(trig)
    out = [t for t in out if t.token.i not in accused_inside or t.accusation]
    taken = {t.token.i for t in out}
    extra += [t for t in hindsight if t.token.i not in taken]
    return sorted(out + extra, key=lambda t: t.token.i)


def _pronoun_subject(tok: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in tok.children)


def _hindsight(tok: Token) -> Trigger | None:
    """ "X argued Y should have done Z": X criticises Y (the reported clause's subject)."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.tag_ != "VBN":
            continue
        aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
        if "have" not in aux or not aux & {"should", "ought"}:
            continue
        subj = [a for a in c.children if a.dep_ in {"nsubj", "nsubjpass"}]
        if not subj or subj[0].lower_ in {"i", "we"}:  # self-criticism: no event
            return None
        pattern = Pattern("verb", lemma(tok), "", frozenset(), HINDSIGHT_CODE)
        trig = Trigger(tok, HINDSIGHT_CODE, "verb", Match(pattern, None, None), governors(tok))
        trig.addressee = subj
        return trig
    return None


def _via_prospect(tok: Token, comp: Token | None) -> bool:
    """Whether comp is reached through an object like "the idea of" / "the prospect of"."""
    return (
        comp is not None and comp.head.head.head == tok and comp.head.head.dep_ in {"dobj", "obj"}
    )


def _addressee(tok: Token) -> bool:
    """A speech verb with an actor addressed ("told Zelenskyy", "said to reporters")."""
    if lemma(tok) == "tell":
        return any(c.dep_ in {"dobj", "dative"} for c in tok.children)
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def owner_modifiers(tok: Token) -> list[Token]:
    """Names and nationality words in front of a noun: "Israeli tank shelling", "U.S. sanctions"."""
    out = []
    for c in tok.lefts:
        if c.dep_ in {"compound", "amod", "nmod"}:
            if c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
                out.append(c)
            else:
                out += [
                    g
                    for g in c.lefts
                    if g.dep_ in {"compound", "amod", "nmod"}
                    and g.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
                ]
    return out


def _noun_is_event(tok: Token) -> bool:
    """A nominal trigger needs an owner: a possessor, an agent, a name, or a governing verb."""
    if any(c.dep_ == "poss" for c in tok.children) or owner_modifiers(tok):
        return True
    if any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in tok.children):
        return True
    return governing_verb(tok) is not None


def governing_verb(tok: Token) -> Token | None:
    """The verb whose subject performs a nominal event: "made calls", "engaged in talks",
    "refrained from any criticism", "following an exchange with X, Trump ..."."""
    head = tok.head
    if tok.dep_ in {"dobj", "obj"} and lemma(head) in LIGHT_VERBS:
        return head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if verb.pos_ in {"VERB", "AUX"} and lemma(verb) in NOUN_FRAMES:
            return verb
        reciprocal = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        if verb.pos_ in {"VERB", "AUX"} and reciprocal:
            return verb
    return None
