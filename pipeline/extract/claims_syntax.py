"""Dependency-tree helpers for claims: who holds a claim (subjects, agents, owners of
claim nouns, line labels, findings) and the trimming of its content.

Pure functions over spaCy tokens; offsets are character offsets into the doc's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from pipeline.extract import cues

THAT = re.compile(r"that(?=[\s,])[\s,]*", re.I)
WORD = re.compile(r"[^\W\d_]+")
_EDGE = " \t\n,;:—–-\u00a0"
_INHERIT_DEPS = ("conj", "xcomp", "advcl", "acl")


def trim(text: str, a: int, b: int, doc: Doc | None = None) -> tuple[int, int]:
    """Content without edge punctuation or a leading complementizer "that" (with the doc, a
    "that" which is the clause's subject stays: "that is his intent")."""
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    m = THAT.match(text, a, b)
    if m and m.end() < b:
        span = doc.char_span(a, a + 4) if doc is not None else None
        if span is None or len(span) != 1 or span[0].dep_ == "mark":
            a = m.end()
    return a, b


def bare_participle(v: Token) -> bool:
    """A past participle without auxiliary: reduced relative or passive ("a plan suggested")."""
    return v.tag_ == "VBN" and v.dep_ != "conj" and not any(c.dep_ == "aux" for c in v.children)


RELAYS = ("quote", "cite")  # "X quoted Y as saying …": Y speaks, X passes it on


def quoted_as(v: Token) -> Token | None:
    """Who speaks in "X quoted Y as saying …", for "quoted" and for "saying": Y."""
    relay = v.head.head if v.dep_ == "pcomp" and v.head.lower_ == "as" else v
    if relay.lemma_ not in RELAYS or not any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
        for c in relay.children
    ):
        return None
    return next((c for c in relay.children if c.dep_ == "dobj"), None)


def contracted_perfect(v: Token) -> Token | None:
    """The subject of "She's said (that) …" which the parse read as a passive ("'s" as "is"):
    a perfect ("has said") when a clause follows and no "been" or agent makes it passive."""
    aux = [c for c in v.children if c.dep_ in ("auxpass", "aux")]
    if len(aux) != 1 or aux[0].lower_ not in ("'s", "’s") or aux[0].dep_ != "auxpass":
        return None
    if not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        return None
    subj = [c for c in v.children if c.dep_ == "nsubjpass" and c.i < aux[0].i]
    if not subj or subj[0].lower_ in ("it", "this", "that", "there"):
        return None
    return subj[0]


def subject(v: Token, depth: int = 0, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The speaker token of a cue verb: its subject, passive agent or inherited subject.

    skip: tokens that cannot be the speaker (inside a quotation).
    """
    if (relayed := quoted_as(v)) is not None:
        return relayed
    if (perfect := contracted_perfect(v)) is not None:
        return perfect
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
    if (lost := relative_lost_subject(v)) is not None:
        return lost
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or depth >= 2:
        return None
    if bare_participle(v):
        return None
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.dep_ == "prep" and depth < 2:
        verb = v.head.head  # "responded by calling him dopey": who responded
        if verb.pos_ in ("VERB", "AUX") and verb.i != v.i:
            return subject(verb, depth + 1, skip)
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        aside = v.i > 0 and v.doc[v.i - 1].text == ","
        return participle_holder(v.head, depth, skip, aside)
    if v.dep_ == "xcomp" and v.head.i != v.i and depth < 2:
        head = v.head
        passive_subj = [c for c in head.children if c.dep_ == "nsubjpass"]
        if passive_subj:  # "X was pressed to explain …": X explains
            return passive_subj[0]
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
            found = subject(head.head, depth + 1, skip)  # "X is likely to stress …"
            if found is None or found.lower_ not in ("it", "this", "that", "there"):
                return found
    if second_report(v) and depth < 2:  # "X said A and stressed B": X stressed B
        return subject(v.head if v.dep_ == "ccomp" else v.head.head, depth + 1, skip)
    if v.dep_ in _INHERIT_DEPS and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        infinitive = v.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children
        )
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.head.children)
        if v.dep_ == "advcl" and infinitive and v.i > v.head.i and not modal:
            pass  # "went on to criticize …", "flew to Iowa to attack …" (not "would … to")
        elif v.dep_ == "acl" or (v.dep_ == "advcl" and (v.tag_ != "VBG" or v.head.dep_ == "advcl")):
            return None  # a participle on a subordinate clause may well be the writer's
        head = v.head
        if reporter_participle(v):  # "X argued that A would B, saying …": X says it
            head = head.head
        found = subject(head, depth + 1, skip)
        if found is not None and found.lower_ in ("it", "this", "that", "there"):
            return None  # "it was difficult to say …": no one is saying
        if found is None and v.dep_ == "conj":
            passive_subj = [c for c in v.head.children if c.dep_ == "nsubjpass"]
            if passive_subj and v.i > v.head.i:  # "X was forced to … and said that …"
                return passive_subj[0]
            same = same_verb_above(v)  # "X said A, there are B, but said C": hung too low
            if same is not None:
                return subject(same, depth + 1, skip)
        return found
    return None


def reporter_participle(v: Token) -> bool:
    """Whether v is a participle after a comma closing a reported clause ("X argued that A
    would B, saying …"): the reporter goes on, not the clause's subject."""
    head = v.head
    return (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and v.i > 0
        and v.doc[v.i - 1].text == ","
        and head.dep_ == "ccomp"
        and head.head.i < head.i
        and cues.verb_cue(head.head) is not None
    )


def _sent_medium(noun: Token) -> Token | None:
    """The medium sent to the noun ("sent a message to fans", "a letter to members")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "for"):
        return None
    if cues.medium(prep.head):
        return prep.head
    objs = [c for c in prep.head.children if c.dep_ == "dobj" and cues.medium(c)]
    return objs[0] if objs and prep.head.pos_ == "VERB" else None


def relative_lost_subject(v: Token) -> Token | None:
    """The subject the parse gave to a relative clause before the verb ("Ann Holt, who runs
    the port, said …" read with "Ann Holt … runs" as a complement of "said")."""
    doc = v.doc
    for c in v.lefts:
        if c.dep_ != "ccomp":
            continue
        rel = next((t for t in c.subtree if t.tag_ in ("WP", "WP$", "WDT")), None)
        if rel is None:
            return None
        names = [g for g in c.children if g.dep_ == "nsubj" and g.i < rel.i]
        if names and doc[names[0].i + 1].text == ",":
            return names[0]
    return None


def participle_holder(
    noun: Token, depth: int, skip: Callable[[Token], bool] | None, aside: bool = False
) -> Token | None:
    """Who speaks through a noun a present participle modifies: the noun itself ("placards
    supporting X", "those hoping …"), or for a medium its author ("issued a statement saying
    …" is the issuer's, "his speech defending …" his). A participle set off by a comma after
    a thing in a prepositional phrase speaks for the clause's subject ("X ended the debate
    with a reference to Y, remarking …": X remarks)."""
    if (sent := _sent_medium(noun)) is not None and depth < 2:
        return participle_holder(sent, depth + 1, skip)  # "a message to fans saying …"
    thing = noun.pos_ == "NOUN" and noun.ent_type_ == "" and noun.dep_ == "pobj"
    if aside and thing and not cues.medium(noun) and depth < 2:
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.i != noun.i:
            found = subject(verb, depth + 1, skip)
            if found is not None:
                return found
    if not cues.medium(noun):
        return noun
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    verb = noun.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "ADP":
        verb = verb.head  # "during a speech attacking …"
    if verb.pos_ in ("VERB", "AUX") and verb.i != noun.i and depth < 2:
        found = subject(verb, depth + 1, skip)
        if found is not None:
            return found
    return noun


_DATELINE_DASHES = ("—", "–", "-", "--")


def dateline_subject(tok: Token, most: int = 8) -> Token:
    """The subject a dateline hides: "BEDFORD, N.H. — Ann Holt warned …" and "New York (AFP)
    – Joe Biden …" parse the place as the subject; the name after the dash is it."""
    doc = tok.doc
    if tok.pos_ != "PROPN" and tok.ent_type_ not in ("GPE", "ORG", "DATE"):
        return tok  # a dateline is names, places and dates only
    if not any(t.text in _DATELINE_DASHES for t in doc[tok.i + 1 : tok.i + most]):
        return tok
    sent = tok.sent
    dash = next(
        (t for t in sent[:most] if t.text in _DATELINE_DASHES and doc[t.i - 1].whitespace_),
        None,
    )
    if dash is None or tok.i >= dash.i or dash.i == sent.start:
        return tok
    head = sent[: dash.i - sent.start]
    if not all(t.pos_ in ("PROPN", "PUNCT") or t.ent_type_ in ("GPE", "ORG", "DATE") for t in head):
        return tok
    after = dash.i + 1
    while after < sent.end and doc[after].pos_ in ("DET", "ADJ", "PUNCT"):
        after += 1
    if after >= sent.end or doc[after].pos_ not in ("PROPN", "NOUN", "PRON"):
        return tok
    found = doc[after]
    while found.dep_ in ("compound", "flat", "poss") and found.head.i > found.i:
        found = found.head  # "Ann Holt's allies": the allies
    return found


def same_verb_above(v: Token, most: int = 4) -> Token | None:
    """The nearest ancestor verb with v's lemma (a conjoined "said" hung under a complement)."""
    tok = v.head
    for _ in range(most):
        if tok.lemma_ == v.lemma_ and tok.i != v.i and tok.pos_ == "VERB":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
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


def second_report(v: Token) -> bool:
    """Whether v is a speech verb the parse joined to the complement of another one, with no
    subject of its own, the same tense and another lemma ("said prices rose and stressed
    that …")."""
    if cues.verb_cue(v) != cues.SPEECH or v.i < 2:
        return False
    if v.dep_ == "conj" and v.head.dep_ == "ccomp":
        outer = v.head.head
    elif v.dep_ == "ccomp" and v.doc[v.left_edge.i - 1].dep_ == "cc" and v.i > v.head.i:
        outer = v.head  # "said A and stressed B" with both as complements of "said"
    else:
        return False
    if outer.i == v.i or (v.dep_ == "conj" and outer.i == v.head.i):
        return False
    finite = ("VBD", "VBZ", "VBP")  # "says A but conceded B": finite both, tenses may differ
    if cues.verb_cue(outer) is None or (
        outer.tag_ != v.tag_ and not (outer.tag_ in finite and v.tag_ in finite)
    ):
        return False
    if outer.lemma_ == v.lemma_:
        return False  # "said A and said B" reads as one report, PolNeAR's too
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in v.children)


_WHEN_WORDS = ("when", "if", "after", "once", "before", "until", "unless", "as")


def agentless(v: Token) -> bool:
    """A passive cue with no "by" agent, its holder left implicit: "X is expected to …", "X was
    asked about …", "when asked whether …" (not a bare participle modifying a noun)."""
    if any(c.dep_ == "agent" for c in v.children) or not cues.implicit_verb(v):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return True
    if v.dep_ != "advcl" or any(c.dep_ in ("aux", "nsubj") for c in v.children):
        return False
    if v.tag_ == "VBN":
        return True
    # "when asked whether …" tagged as a past tense: a subordinator and no subject tell
    return v.tag_ == "VBD" and any(c.lower_ in _WHEN_WORDS and c.i < v.i for c in v.children)


def passive_subject_start(v: Token, start: int) -> int:
    """Where the content of a passive with an infinitive starts: at its subject ("more voters
    are expected to turn out": the voters turning out), else at start."""
    doc = v.doc
    if not any(c.dep_ == "xcomp" and doc[c.left_edge.i].idx <= start for c in v.rights):
        return start
    subj = [c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i]
    if not subj or subj[0].tag_ in ("WDT", "WP") or subj[0].lower_ in ("it", "this", "that"):
        return start
    return doc[subj[0].left_edge.i].idx


def thing_subject(v: Token) -> bool:
    """Whether the verb's subject is a common noun that names no one ("the strike", not "the
    union" when the article tags it, nor a name or pronoun)."""
    subj = subject(v)
    return subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_


def noun_speaker(n: Token, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """Who holds a claim noun: its possessor ("X's calls"), "from X" / "by X" after it, or the
    subject of a light verb it is the object of ("X made the case that …", "X voiced
    concern about …")."""
    for c in n.children:
        if c.dep_ == "poss":
            return c
    for c in n.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and c.i > n.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and (objs[0].ent_type_ or objs[0].pos_ in ("PROPN", "NOUN")):
                return objs[0]
    verb = n.head
    if n.dep_ == "dobj" and verb.i < n.i and cues.light_verb(verb):
        if any(c.dep_ == "prep" and c.lower_ == "of" and c.i == n.i + 1 for c in n.children):
            return None  # "has the support of X": X holds it
        return subject(verb, skip=skip)
    return None


_WINNERS = ("have", "win", "earn", "get", "receive", "secure", "enjoy", "gain", "land")


def backed(n: Token) -> tuple[Token, Token] | None:
    """ "X has the backing of Y", "X won the endorsement of Y": (Y, X), Y holding the claim
    noun about X, or None."""
    verb = n.head
    if n.dep_ != "dobj" or verb.i > n.i or verb.lemma_.lower() not in _WINNERS:
        return None
    ofs = [c for c in n.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == n.i + 1]
    objs = [g for g in ofs[0].children if g.dep_ == "pobj"] if ofs else []
    held = subject(verb)
    if not objs or held is None or held.tag_ in ("WDT", "WP"):
        return None
    return objs[0], held


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


def adjective_holder(adj: Token, skip: Callable[[Token], bool]) -> Token | None:
    """Who holds the stance: the subject of the linking verb ("X is critical") or of "make"."""
    head = adj.head
    if head.i == adj.i or head.lemma_.lower() not in (*_LINKING, "make"):
        return None
    if head.lemma_.lower() == "make" and adj.lower_ == "sure":
        return None  # "aides make sure …" is an errand, not a stance
    return subject(head, skip=skip)


_LABEL_POS = ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "CCONJ", "ADP", "PART")


def line_label(colon: Token, text: str, most: int = 6) -> Token | None:
    """The head of a speaker label before a colon at the start of a line ("Smith: …",
    "Sen. Ann Holt: …"), or None: a label holds no verb and starts with a capital; an
    interview's bare "Q:" / "A:" is no label (its turns are left to the claims inside)."""
    doc = colon.doc
    start = colon.i
    while start > 0 and colon.i - start < most:
        prev = doc[start - 1]
        if prev.is_space or "\n" in prev.whitespace_ or prev.text == "\n":
            break
        start -= 1
    first = doc[start]
    line_start = first.idx == 0 or text[first.idx - 1] == "\n"
    if not line_start or start == colon.i or not first.text[:1].isupper():
        return None
    label = doc[start : colon.i]
    if any(t.pos_ not in _LABEL_POS or t.is_space for t in label):
        return None
    words = [t for t in label if t.pos_ in ("PROPN", "NOUN") and len(t.text) > 1]
    if not words or cues.non_speaker(words[-1]) or any(cues.rubric(t) for t in label):
        return None
    after = doc[colon.i + 1 : min(len(doc), colon.i + 4)]
    if sum(1 for t in after if t.is_alpha) < 2:
        return None
    head = words[-1]
    if cues.medium(head) or cues.noun_cue(head):  # "Ann Holt's statement: …": its owner
        owners = [c for c in head.children if c.dep_ == "poss"]
        return owners[0] if owners else None
    named = head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.text.isupper()
    if not (named or cues.finding(head)):
        return None  # a section heading ("Climate Change: …"), not a speaker
    return head


def label_word(colon: Token, text: str) -> Token | None:
    """A one-word capitalised label opening a line ("Holt: …") that the parse left untagged
    here but tags as a person or group elsewhere in the article; the caller keeps it only
    when it resolves to a known actor."""
    doc = colon.doc
    if colon.i == 0:
        return None
    word = doc[colon.i - 1]
    line_start = word.idx == 0 or text[word.idx - 1] == "\n"
    if not line_start or word.pos_ not in ("NOUN", "PROPN") or not word.text[:1].isupper():
        return None
    after = doc[colon.i + 1 : min(len(doc), colon.i + 4)]
    if sum(1 for t in after if t.is_alpha) < 2:
        return None
    named = any(  # a person or group named so elsewhere in the article
        t.text == word.text and t.ent_type_ in ("PERSON", "ORG", "NORP") for t in doc
    )
    return word if named else None


def in_finding(prep: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "in a new poll" / "in national surveys": the poll and the clause it reports (the clause
    of the verb the phrase hangs on, up to the phrase or from it), or None."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    objs = [g for g in prep.children if g.dep_ == "pobj" and cues.finding(g)]
    if not objs:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("acomp", "advmod", "dobj", "attr"):
        verb = verb.head  # "is ahead in …", "held a lead in …"
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("relcl", "acl", "advcl", "pcomp"):
        return None
    doc = prep.doc
    if prep.i > verb.i:
        a, b = verb.left_edge.i, prep.left_edge.i - 1
    else:
        a, b = prep.right_edge.i + 1, verb.right_edge.i
    while b > a and doc[b].is_punct:
        b -= 1
    while a < b and doc[a].is_punct:
        a += 1
    if b - a < 2 or not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[a : b + 1]):
        return None
    return objs[0], (doc[a].idx, doc[b].idx + len(doc[b].text))
