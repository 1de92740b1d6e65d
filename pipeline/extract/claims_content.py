"""Content spans of claim cues: which words a verb, noun or adjective reports, and where they
start and end.

Pure functions over spaCy tokens; offsets are character offsets into the doc's text. The
holders (subjects, agents) are found in `claims_syntax`.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract import cues
from pipeline.extract.claims_syntax import (
    relative_lost_subject,
    second_report,
    subject,
    thing_subject,
)

_CLAUSE_DEPS = ("ccomp",)
_XCOMP_ONLY = ("decline", "refuse")  # "declined to comment"; "sales declined" is no claim
# verbs that also trade amounts ("ordered 30 planes", "seeks damages")
_TRADES = ("offer", "post", "order", "see", "push", "issue", "seek")
_GIVE_WORDS = ("issue", "post", "unveil", "signal")  # or goods: words only as such
_CAUSAL = ("threaten", "signal")  # a thing as subject causes; no one speaks
_ASPECTUAL = ("continue",)  # "continued to insist that …" reports; "continued to grow" not
_CLAUSE_ONLY = ("appear", "seem", "look")  # "appeared on TV" is no claim; "appeared to …" is
_RAISING = ("appear", "seem")  # how a thing appears: to the writer, or to no one named
_WHEN = ("DATE", "TIME")  # "backed the plan Tuesday evening": a time is no content
_WITNESS = ("see",)  # "2005 will see a boom", "saw sales slump": what happened, no view
_TOPIC_PREPS = ("about", "on", "against", "for", "of", "over")
_TO_OBJECT = ("refer", "point", "respond", "reply")
_OBJ_DEPS = ("dobj", "oprd", "attr")
_CONTEST = ("challenge",)
_LIKELY = ("figure", "sure", "certain", "bound")  # "X is sure to …": how likely, not a stance
# conjunctions of a time, reason or concession clause
_TIME_MARKS = [
    "after",
    "before",
    "when",
    "while",
    "because",
    "since",
    "until",
    "once",
    "although",
    "though",
    "unless",
]
_ADVERBIAL_MARKS = [*_TIME_MARKS, "if"]  # "if" a condition before a verb ("asked if …" after)
_QUOTES = ('"', "“", "”", "''", "``", "‘")  # marks that open or close a quotation
_PUT_OUT = ("issue", "release", "send", "post", "publish", "put")  # a medium, put out
_ERRANDS = ("request", "inquiry", "query", "email", "e-mail", "message", "call")


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
    second = next((d for d in c.rights if second_report(d) or _other_report(d)), None)
    if second is not None:  # "said A and stressed B", "said A, while Y said B": reports
        right = min(right, second.left_edge.i - 1)
        while right > left and doc[right].dep_ == "cc":
            right -= 1
    dashes = [t.i for t in doc[c.i + 1 : right + 1] if t.text in _DASHES]
    if len(dashes) == 1 and dashes[0] - left >= 3:
        right = dashes[0] - 1
    while right > left and (_closing(doc[right]) or doc[right].dep_ == "cc"):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _other_report(d: Token) -> bool:
    """A contrasting report with its own subject joined to a reported clause ("…, while Cruz
    said …"); one of time or reason ("until Haley said …") is part of the content."""
    return (
        d.dep_ == "advcl"
        and cues.verb_cue(d) == cues.SPEECH
        and any(g.dep_ == "nsubj" for g in d.children)
        and any(g.dep_ == "mark" and g.lower_ in ("while", "whereas") for g in d.children)
    )


_FRONT_DEPS = ("prep", "advcl", "advmod", "npadvmod")


def with_front(v: Token, comp: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause told before its cue with the adverbial that opens the sentence, which
    the parse hung on the cue ("In any case, prices will rise, she said")."""
    if comp.i > v.i:
        return span
    front = [c for c in v.lefts if c.dep_ in _FRONT_DEPS and c.i < comp.left_edge.i]
    if not front:
        return span
    return v.doc[front[0].left_edge.i].idx, span[1]


def with_object(v: Token, comp: Token) -> tuple[int, int]:
    """An infinitive complement with the object that is its subject ("urged them to leave",
    "wants Trump to lose"): the object starts the content."""
    a, b = subtree(comp)
    objs = [c for c in v.children if c.dep_ == "dobj" and v.i < c.i < comp.i]
    if objs and objs[0].tag_ not in ("WDT", "WP"):
        a = v.doc[objs[0].left_edge.i].idx
    return a, b


def with_next_clause(v: Token, comp: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause with a second complement the parse split off right after it ("said
    they're fine with | however it plays out")."""
    if comp.i < v.i:
        return span
    doc = v.doc
    for d in v.rights:
        if d.dep_ != "ccomp" or d.i <= comp.i or d.left_edge.i != comp.right_edge.i + 1:
            continue
        if doc[d.left_edge.i].is_punct or cues.verb_cue(d) is not None:
            return span  # a new sentence part, or a report of its own
        return span[0], clause(d)[1]
    return span


def with_continuation(v: Token, comp: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause with a clause the parse joined to the cue verb after it ("said the
    time is over, and the nation has to act"): one that has its own subject and reports
    nothing itself (not "and added that …", "and Y said …")."""
    if comp.i < v.i:
        return span
    doc = v.doc
    for c in v.rights:
        if c.dep_ != "conj" or c.i < comp.i:
            continue
        if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue
        if any(cues.verb_cue(t) is not None for t in c.subtree):
            continue
        end = c.right_edge.i
        while end > c.i and _closing(doc[end]):
            end -= 1
        return span[0], doc[end].idx + len(doc[end].text)
    return span


def _closing(t: Token) -> bool:
    """A clause's closing punctuation or trailing line break."""
    return t.is_space or t.text in (",", ";", ":", ".")


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


def interrupted(v: Token) -> tuple[int, int] | None:
    """The whole clause a cue set off by commas interrupts before its verb ("The plan, Ann
    Holt said, will pay for the pier"): the aside is inside the content."""
    head, doc = v.head, v.doc
    first, last = v.left_edge.i, v.right_edge.i
    if doc[first].text != ",":
        first -= 1  # the comma before the aside
    if last + 1 < len(doc) and doc[last].text != ",":
        last += 1
    if v.dep_ != "parataxis" or head.i < last or head.left_edge.i >= first:
        return None
    if doc[first].text != "," or doc[last].text != ",":
        return None
    before = doc.text[doc[head.left_edge.i].idx : doc[first].idx]
    marks = (before, doc[first + 1].text, doc[last + 1].text[:2])
    if any(q in text for q in _QUOTES for text in marks):
        return None  # a quote the cue splits, or one it introduces: the quote route's
    end = head.right_edge.i
    while end > head.i and _closing(doc[end]):
        end -= 1
    return doc[head.left_edge.i].idx, doc[end].idx + len(doc[end].text)


def passive(v: Token) -> bool:
    """Whether the verb is a passive ("is expected to", "was asked about", "known as")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children)
    )


def raising(v: Token) -> bool:
    """Whether v is "appear" or "seem" (its subject is what appears, not who judges)."""
    return v.lemma_.lower() in _RAISING


def reports_through(v: Token) -> bool:
    """Whether a raising verb's infinitive is itself a cue ("seems to think", "appeared to
    suggest"), which makes its subject the holder."""
    return any(c.dep_ == "xcomp" and cues.verb_cue(c) is not None for c in v.children)


def witnessed(v: Token) -> bool:
    """Whether "see" tells what happened rather than a view: a time as its subject ("2005
    could see a boom") or an amount that changes ("saw profits slump", "saw growth")."""
    if v.lemma_.lower() not in _WITNESS:
        return False
    subj = subject(v)
    if subj is not None and subj.ent_type_ in _WHEN:
        return True
    return any(
        c.dep_ in ("ccomp", "xcomp")
        and any(g.dep_ == "nsubj" and cues.amount(g) for g in c.children)
        for c in v.children
    )


def verb_content(v: Token, kind: str) -> tuple[int, int] | None:
    if witnessed(v):
        return None
    children = list(v.children)
    as_prep = any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    if as_prep:  # "X is seen as the favourite", "saw X as a savior": X as what it is seen
        for c in children:
            if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if not objs:
                    continue
                seen = subtree(objs[0])
                more = [g for g in children if g.dep_ == "prep" and g.lower_ == "as" and g.i > c.i]
                if more:  # "portrays A as X and B as Y"
                    seen = (seen[0], subtree(more[-1])[1])
                if passive(v):
                    held = [g for g in children if g.dep_ == "nsubjpass" and g.i < v.i]
                else:
                    held = [g for g in children if g.dep_ == "dobj" and v.i < g.i < c.i]
                if held and held[0].tag_ not in ("WDT", "WP"):
                    seen = (subtree(held[0])[0], seen[1])
                if passive(v) or held:
                    return seen
    for c in _clauses(v, children):
        if not (as_prep and c.i < v.i):
            span = with_continuation(v, c, with_next_clause(v, c, clause(c)))
            return with_front(v, c, span)
    if v.lemma_.lower() in _ASPECTUAL:
        return reported_complement(v)
    for c in children:
        if c.dep_ == "xcomp" and c.i > v.i and v.lemma_.lower() not in _LIKELY:
            return with_object(v, c)  # ("figures to benefit": a likelihood, not a belief)
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON") and v.head.i < v.i:
        found = relative_object(v)
        if found is not None:
            return found
    for c in children:  # "called for the president to resign": a for-to clause
        if c.dep_ == "advcl" and c.i > v.i and c.tag_ == "VB":
            marks = [g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"]
            if marks and marks[0].i == v.i + 1:
                doc = v.doc
                return doc[marks[0].i + 1].idx, subtree(c)[1]
    lemma = v.lemma_.lower()
    if lemma in _RAISING:  # "appears weak", "seemed rattled", "seems like a contradiction"
        for c in children:
            if c.dep_ in ("acomp", "oprd", "attr") and c.i > v.i:
                return subtree(c)
            if c.dep_ == "prep" and c.lower_ in ("like", "as") and c.i > v.i:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return subtree(objs[0])
    if lemma in _XCOMP_ONLY or lemma in _CLAUSE_ONLY:
        return None
    for c in children:
        if c.dep_ == "prep" and c.lower_ in ("for", "on") and lemma == "call":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree(objs[0])
    if lemma in _CONTEST and not any(
        c.dep_ == "prep" and c.lower_ in ("to", "over", "on", "about") for c in children
    ):
        return None  # "challenging the incumbent" is a race; "challenged him to a debate" spoke
    if cues.takes_object_content(v):
        objs = [
            c for c in children if c.dep_ in _OBJ_DEPS and c.i > v.i and c.ent_type_ not in _WHEN
        ]
        if lemma == "call" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children):
            objs = []
        preps = [c for c in children if c.dep_ == "prep" and c.i > v.i and c.lower_ == "to"]
        if lemma in _TO_OBJECT and preps and not objs:  # "referred to …", "pointed to …"
            objs = [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")] or preps
            if objs[0].lemma_.lower() in _ERRANDS:
                return None  # "did not respond to a request for comment": no content
        if objs and (priced(objs[0]) or (lemma in _TRADES and cues.amount(objs[0]))):
            return None  # "posted a profit", "filed a claim for $2m": a transaction, no words
        if objs and lemma in _CAUSAL and thing_subject(v):
            return None  # "the strike threatens the deal": a danger, not a threat made
        if objs and lemma in _PUT_OUT and _reported_by_participle(v, objs[0]):
            return None  # "issued a statement Thursday, saying …": the participle reports
        if objs and lemma in _GIVE_WORDS and not cues.utterance(objs[0]):
            return None  # "offers a service", "issued a recall" (not "offered an apology")
        if objs:
            start = objs[0].left_edge.i
            end = objs[0].right_edge.i
            for c in children:  # up to a clause of its own ("issued a statement after …")
                if c.i <= v.i:
                    continue
                if c.i > objs[0].i and _own_clause(c):
                    break
                if c.dep_ in ("punct", "cc", "conj", "advcl") and not (
                    trailing(c) or _as_complement(c)
                ):
                    continue
                end = max(end, c.right_edge.i)
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
        return interrupted(v) or head_clause(v)
    if (told := told_before(v)) is not None:
        return told
    if v.dep_ in ("parataxis", "ccomp") and v.i > v.head.i and v.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.lower_ == "as" for c in children):
            return None
        if any(c.dep_ == "mark" for c in children):
            return None  # "told them that they should respond …": a complement, not a tail
        return head_clause(v)
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        if any(c.dep_ in _OBJ_DEPS and not addressee(c) for c in children):
            return None  # "as Vodafone unveils a phone" is a time ("as she told him, …" is not)
        return head_clause(v)
    return None


def _clauses(v: Token, children: list[Token]) -> list[Token]:
    """The verb's reported clauses, one before it last when a semicolon or colon parts them
    ("53% describe …; 26% say they are …") or a conjunction makes it a time or a condition
    ("after the senator quit, Cruz said he …")."""
    doc = v.doc
    lost = relative_lost_subject(v)

    def aside(c: Token) -> bool:
        if c.i > v.i:
            return False
        if lost is not None and lost.head.i == c.i:
            return True  # "Ann Holt, who runs the port, said …": the subject's clause
        if any(t.text in (";", ":") for t in doc[c.right_edge.i + 1 : v.i]):
            return True
        return any(g.dep_ == "mark" and g.lower_ in _ADVERBIAL_MARKS for g in c.children)

    return sorted((c for c in children if c.dep_ in _CLAUSE_DEPS), key=aside)


def told_before(v: Token) -> tuple[int, int] | None:
    """A report verb joined to the clause it reports, its subject after it: "the plant is
    under pressure, said the chief executive, Ann Holt" (the clause before the comma)."""
    if v.dep_ != "conj" or cues.verb_cue(v) != cues.SPEECH or v.head.i > v.i:
        return None
    children = list(v.children)
    if not any(c.dep_ == "nsubj" and c.i > v.i for c in children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "nsubj") and c.i < v.i for c in children):
        return None
    doc = v.doc
    end = v.i - 1
    if doc[end].text != ",":
        return None
    while end > v.head.left_edge.i and _closing(doc[end]):
        end -= 1
    start = v.head.left_edge.i
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def priced(obj: Token) -> bool:
    """Whether an object is priced in money ("filed a claim for $2m", "a bid for $5bn"): a
    transaction, not words."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(g.dep_ == "pobj" and g.ent_type_ == "MONEY" for g in c.children)
        for c in obj.children
    )


def reported_complement(v: Token) -> tuple[int, int] | None:
    """The infinitive of an aspectual verb when it is itself a cue ("continued to insist that
    …", "kept to warn"), else None ("continued to grow")."""
    for c in v.children:
        if c.dep_ == "xcomp" and c.i > v.i and cues.verb_cue(c) is not None:
            return subtree(c)
    return None


def _own_clause(c: Token) -> bool:
    """A clause of its own after a verb's object: a time or a reason ("after X told …") or
    a joined clause with its own subject."""
    if c.dep_ == "advcl":
        return any(g.dep_ == "mark" and g.lower_ in _TIME_MARKS for g in c.children)
    return c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)


def _reported_by_participle(v: Token, obj: Token) -> bool:
    """Whether a speech participle on the medium put out, or after it, tells what it says."""
    if not cues.medium(obj):
        return False
    after = [c for c in (*obj.rights, *v.rights) if c.i > obj.i and c.tag_ == "VBG"]
    return any(cues.verb_cue(c) == cues.SPEECH for c in after)


def _as_complement(c: Token) -> bool:
    """A clause saying what the object is seen as ("sees X as captured by …"), with no
    subject of its own ("… as he ended his bid" is a time)."""
    first = c.doc[c.left_edge.i]
    return (
        c.dep_ == "advcl"
        and first.lower_ == "as"
        and first.dep_ == "mark"
        and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
    )


def trailing(c: Token) -> bool:
    """Whether an adverbial clause after a verb's object describes the object ("warned of the
    forces of hate brewing in …"): a present participle with no comma or dash before it."""
    return c.dep_ == "advcl" and c.tag_ == "VBG" and not c.doc[c.left_edge.i - 1].is_punct


def addressee(t: Token) -> bool:
    """Whether an object names someone spoken to (a person, group or pronoun)."""
    return t.pos_ == "PRON" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def relative_object(v: Token) -> tuple[int, int] | None:
    """What a relative clause's verb reports when its object is the relative pronoun:
    "allegations …, which he has denied" (from the antecedent up to the pronoun)."""
    doc = v.doc
    children = list(v.children)
    if any(
        c.dep_ in ("dobj", "nsubjpass", "attr") and c.tag_ not in ("WDT", "WP") for c in children
    ):
        return None
    rel = [c for c in children if c.tag_ in ("WDT", "WP") and c.i < v.i]
    if rel and rel[0].dep_ == "dobj":
        return doc[v.head.left_edge.i].idx, rel[0].idx + len(rel[0].text)
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
    if cues.clause_noun(n):
        return None  # "X's stance on Y": a topic, no content
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i == n.i + 1:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree(objs[0])
    return None


_ADJ_PREPS = ("of", "about", "to", "with", "on", "toward", "towards", "over", "for", "in")
_AGENT_PREPS = ("of", "for")  # "a critic of Y", "an advocate for Y" (not "champion over")


def adjective_content(adj: Token) -> tuple[int, int] | None:
    """Content of a stance adjective: its clause ("sure that …", "willing to …") or the object
    of its preposition ("critical of …"); for "made it clear that …" the verb's clause."""
    if adj.pos_ == "ADP":  # "X is against Y"
        objs = [g for g in adj.children if g.dep_ in ("pobj", "pcomp")]
        return subtree(objs[0]) if objs else None
    for c in adj.children:
        if c.dep_ == "xcomp" and adj.lower_ in _LIKELY:
            return None  # "prices are sure to rise": a likelihood, no one's stance
        if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i:
            return subtree(c)
        if c.dep_ == "advcl" and c.i > adj.i and any(g.lower_ == "that" for g in c.children):
            return subtree(c)  # "made it clear that …" parsed with an adverbial clause
    preps = _AGENT_PREPS if adj.pos_ == "NOUN" else _ADJ_PREPS
    for c in adj.children:
        if c.dep_ == "prep" and c.i > adj.i and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree(objs[0])
    head = adj.head
    if head.i != adj.i and head.lemma_.lower() == "make":
        for c in head.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i:
                return subtree(c)
    return None
