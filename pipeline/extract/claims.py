"""Claims: who said (or believes) what, from one parsed article.

One linear pass over the doc's tokens plus one over its quotation marks; no second model pass.

Kinds (schemas.tables.CLAIM_KINDS):
- ``direct``: a quotation that is the whole content (``"…," remarked X``; ``X said: "…"``),
  including quotes over several sentences and paragraphs (the speaker carries over to a
  continuation with no new attribution, see ``quotes``).
- ``partial``: reported content that holds a few quoted words (described this as "realistic").
  claim_text is then the reported clause, quoted words included.
- ``indirect``: reported speech without quotation: a speech verb with its complement (stated
  that…, indicated a willingness to…, noted discussions…), "according to X", and speech nouns
  with a possessor (X's calls for…, X's insistence that…).
- ``belief``: the same shapes with verbs or nouns of belief and intention (thinks, wants,
  believes, hopes; X's view of…). PolNeAR annotates these as attributions too.
- ``authorial`` is never produced: the article's own unattributed assertions are left out,
  and so are passive reports without an agent ("a notion suggested as…").

claim_text excludes the quotation marks of a direct quote; for other kinds it is the reported
clause without a leading "that". The speaker comes from the ActorResolver, else from
``speakers.SpeakerFinder``; an unknown speaker stays empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.model import ArticleContext, Row
from pipeline.extract.quotes import Quote, find_quotes, inside, paragraphs
from pipeline.extract.speakers import Speaker, SpeakerFinder

_THAT = re.compile(r"that\b[\s,]*", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_EDGE = " \t\n,;:—–-\u00a0"
_CLAUSE_DEPS = ("ccomp",)
_TOPIC_PREPS = ("about", "on", "against", "for", "of", "over")
_OBJ_DEPS = ("dobj", "oprd", "attr")
_INHERIT_DEPS = ("conj", "xcomp", "advcl", "acl")


@dataclass(frozen=True)
class Attribution:
    """One claim before it becomes a row (offsets into doc.text)."""

    start: int
    end: int
    kind: str
    cue: str | None
    cue_start: int
    cue_end: int
    speaker: Speaker | None
    confidence: float
    run: int | None = None  # quote run, for continuations


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    m = _THAT.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
    return a, b


def _bare_participle(v: Token) -> bool:
    """A past participle without auxiliary: reduced relative or passive ("a plan suggested")."""
    return v.tag_ == "VBN" and v.dep_ != "conj" and not any(c.dep_ == "aux" for c in v.children)


def _subject(v: Token, depth: int = 0, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The speaker token of a cue verb: its subject, passive agent or inherited subject.

    skip: tokens that cannot be the speaker (inside a quotation).
    """
    subjects = [c for c in v.children if c.dep_ == "nsubj" and not (skip and skip(c))]
    if subjects:
        return None if _bare_participle(v) else subjects[-1]
    if skip is not None and any(c.dep_ == "nsubj" for c in v.children):
        return _adjacent_subject(v, skip)
    for c in v.children:
        if False:
            return c
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or depth >= 2:
        return None
    if _bare_participle(v):
        return None
    if v.dep_ in _INHERIT_DEPS and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        if v.dep_ in ("advcl", "acl") and (v.tag_ != "VBG" or v.head.dep_ != "ROOT"):
            return None
        return _subject(v.head, depth + 1, skip)
    return None


def _adjacent_subject(v: Token, skip: Callable[[Token], bool]) -> Token | None:
    """A name or pronoun right before or after the verb, outside quotes (parse failed)."""
    doc = v.doc
    for i in (v.i + 1, v.i - 1):
        if 0 <= i < len(doc) and not skip(doc[i]) and doc[i].pos_ in ("PROPN", "PRON", "NOUN"):
            tok = doc[i]
            while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
                tok = tok.head
            return tok
    return None


def _range(tokens: list[Token]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _subtree(t: Token) -> tuple[int, int]:
    doc = t.doc
    return doc[t.left_edge.i].idx, doc[t.right_edge.i].idx + len(doc[t.right_edge.i].text)


def _head_clause(v: Token) -> tuple[int, int] | None:
    """The clause v is attached to, minus v's own subtree (content told around the cue)."""
    head = v.head
    doc = v.doc
    left = (head.left_edge.i, v.left_edge.i - 1)
    right = (v.right_edge.i + 1, head.right_edge.i)
    a, b = max((left, right), key=lambda r: r[1] - r[0])
    if b < a:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def _verb_content(v: Token, kind: str) -> tuple[int, int] | None:
    children = list(v.children)
    as_prep = any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    for c in children:
        if c.dep_ in _CLAUSE_DEPS and not (as_prep and c.i < v.i):
            return _subtree(c)
    for c in children:
        if c.dep_ == "xcomp" and c.i > v.i:
            return _subtree(c)
    lemma = v.lemma_.lower()
    if True:
        for c in children:
            if c.dep_ == "prep" and c.lower_ in ("for", "on") and lemma == "call":
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return _subtree(objs[0])
        if cues.takes_object_content(v):
            objs = [c for c in children if c.dep_ in _OBJ_DEPS and c.i > v.i]
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
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and not any(d.dep_ in _OBJ_DEPS for d in children):
                return _subtree(objs[0])
    if v.dep_ == "parataxis" and v.head.i != v.i:
        return _head_clause(v)
    if v.dep_ in ("parataxis", "ccomp") and v.i > v.head.i and v.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.lower_ == "as" for c in children):
            return None
        return _head_clause(v)
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return _head_clause(v)
    return None


def _that_clause(v: Token) -> bool:
    """Whether verb v takes a finite 'that' clause (an unlisted verb of saying or thinking)."""
    return any(
        c.dep_ == "ccomp"
        and c.i > v.i
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in v.children
    )


def _noun_content(n: Token) -> tuple[int, int] | None:
    for c in n.children:
        if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children):
            return _subtree(c)
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i == n.i + 1:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return _subtree(objs[0])
    return None


def _noun_speaker(n: Token) -> Token | None:
    for c in n.children:
        if c.dep_ == "poss":
            return c
    return None


class ClaimFinder:
    """All attributions of one doc."""

    def __init__(self, doc: Doc, resolver: ActorResolver) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quotes(self.text)
        self.paras = paragraphs(self.text)
        self.speakers = SpeakerFinder(doc, resolver)

    # -- building blocks ------------------------------------------------------------------

    def _speaker(self, tok: Token | None) -> Speaker | None:
        if tok is None or inside(self.quotes, tok.idx) is not None:
            return None
        return self.speakers.speaker(tok)

    def _quoted(self, tok: Token) -> bool:
        return inside(self.quotes, tok.idx) is not None

    def _region(self, q: Quote) -> tuple[int, int]:
        """Token range where the cue of quote q may be: its sentences, clipped to its paragraph,
        plus the sentence right after it when the quote ends with a comma or lower-case words
        follow, and the sentence before it when a colon or comma leads into it."""
        doc = self.doc
        text = self.text
        ps, pe = self._para_of(q.start)
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 0, 0
        start, end = span[0].sent.start, span[-1].sent.end
        after = text[q.close : pe].lstrip(" \t'’\"”")
        if after and ("," in text[q.end - 1 : q.close] or after[0].islower()):
            tail = doc.char_span(q.close, pe, alignment_mode="expand")
            if tail is not None and len(tail) > 0:
                end = max(end, tail[0].sent.end)
                for t in tail:
                    if t.i >= end or (t.text in ".!?" and not self._quoted(t)):
                        end = max(end, t.i)
                        break
        before = text[ps : q.open].rstrip()
        if before and before[-1] in ",:—–":
            head = doc.char_span(ps, len(before) + ps, alignment_mode="expand")
            if head is not None and len(head) > 0:
                start = min(start, head[-1].sent.start)
        while start < len(doc) and doc[start].idx < ps:
            start += 1
        while end > start and doc[end - 1].idx >= pe:
            end -= 1
        return start, end

    def _para_of(self, pos: int) -> tuple[int, int]:
        for ps, pe in self.paras:
            if ps <= pos <= pe:
                return ps, pe
        return 0, len(self.text)

    def _confidence(self, kind: str, sp: Speaker | None, inherited: bool = False) -> float:
        base = {"direct": 0.9, "partial": 0.8, "indirect": 0.75, "belief": 0.6}[kind]
        if sp is None or sp.name is None:
            base -= 0.3
        elif sp.pronoun:
            base -= 0.1
        if inherited:
            base -= 0.1
        return round(max(0.05, min(1.0, base)), 2)

    def _shape(
        self, a: int, b: int, cue_kind: str, cue_tok: Token, sp: Speaker | None, cue: str
    ) -> Attribution | None:
        """Clip content to its paragraph, extend it over quotes it starts, set the kind."""
        ps, pe = self._para_of(cue_tok.idx if not (a <= cue_tok.idx < b) else a)
        a, b = max(a, ps), min(b, pe)
        a, b = _trim(self.text, a, b)
        if b - a < 2:
            return None
        kind = "belief" if cue_kind == cues.BELIEF else "indirect"
        run = None
        if len(_WORD.findall(self.text, a, b)) < 2 and inside(self.quotes, a) is None:
            return None
        quotes = [q for q in self.quotes if q.open < b and q.close > a]
        if quotes:
            q = quotes[0]
            if q.open <= a + 1 and (q.end >= b - 2 or q.close > b):
                a, b, kind, run = q.start, q.end, "direct", q.run
            else:
                kind = "partial"
                b = max(b, min(quotes[-1].close, pe))
        return Attribution(
            a, b, kind, cue, cue_tok.idx, cue_tok.idx + len(cue_tok.text), sp,
            self._confidence(kind, sp), run,
        )

    # -- the three routes -----------------------------------------------------------------

    def from_cues(self) -> list[Attribution]:
        found: list[Attribution] = []
        doc = self.doc
        for t in doc:
            if inside(self.quotes, t.idx) is not None:
                continue
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                att = self._according(t)
            elif (ck := cues.verb_cue(t)) is not None:
                att = self._verb(t, ck)
            elif (nk := cues.noun_cue(t)) is not None:
                att = self._noun(t, nk)
            elif t.pos_ == "VERB" and _that_clause(t):
                att = self._verb(t, cues.SPEECH, person_only=True)
            else:
                continue
            if att is not None:
                found.append(att)
        return found

    def _verb(self, v: Token, kind: str, person_only: bool = False) -> Attribution | None:
        content = _verb_content(v, kind)
        if content is None:
            return None
        if kind == cues.BELIEF and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in v.children
        ):
            return None  # "he must not favor one side": the writer's prescription
        subj = _subject(v, skip=self._quoted)
        if person_only and (subj is None or not self.speakers.is_person(subj)):
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        return self._shape(*content, kind, v, sp, cues.cue_text(v))

    def _noun(self, n: Token, kind: str) -> Attribution | None:
        subj = _noun_speaker(n)
        content = _noun_content(n)
        if subj is None or content is None:
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        return self._shape(*content, kind, n, sp, n.text)

    def _according(self, t: Token) -> Attribution | None:
        to = self.doc[t.i + 1]
        objs = [g for g in to.children if g.dep_ == "pobj"]
        if not objs:
            return None
        sp = self._speaker(objs[0])
        if sp is None:
            return None
        sent = t.sent
        phrase_end = max(to.right_edge.i, objs[0].right_edge.i)
        left = (sent.start, t.i - 1)
        right = (phrase_end + 1, sent.end - 1)
        a, b = max((left, right), key=lambda r: r[1] - r[0])
        if b < a:
            return None
        doc = self.doc
        end = doc[b].idx + len(doc[b].text)
        att = self._shape(doc[a].idx, end, cues.SPEECH, t, sp, "according to")
        return None if att is None else replace(att, cue_end=to.idx + len(to.text))

    def from_quotes(self, taken: list[Attribution]) -> list[Attribution]:
        """Quotes not already inside a cue's content.

        First pass: a cue next to the quote. Second pass, in text order, for direct quotes
        still without one: a colon introduction, then the speaker of another piece of the
        same run (a quote continued over paragraphs), of an earlier quote in the paragraph,
        or of the previous paragraph's last quote when this one opens its paragraph.
        """
        covered = sorted((a.start, a.end) for a in taken)
        todo = [
            q for q in self.quotes
            if not any(s <= q.start and q.end <= e + 1 for s, e in covered)
        ]
        first: dict[int, Attribution | None] = {id(q): self._quote_cue(q) for q in todo}
        by_run: dict[int, Attribution] = {}
        for a in [*taken, *(x for x in first.values() if x is not None)]:
            if a.run is not None:
                by_run.setdefault(a.run, a)
        last_in_para: dict[tuple[int, int], Attribution] = {}
        found: list[Attribution] = []
        events = sorted(
            [(a.start, 0, a, None) for a in taken if a.kind in ("direct", "partial")]
            + [(q.start, 1, None, q) for q in todo],
            key=lambda e: (e[0], e[1]),
        )
        for _, _, done, q in events:
            if done is not None:
                last_in_para[self._para_of(done.start)] = done
                continue
            assert q is not None
            att = first[id(q)]
            if att is None and self._is_direct(q):
                att = self._colon_intro(q) or self._inherit(q, by_run, last_in_para)
            if att is not None:
                found.append(att)
                by_run.setdefault(q.run, att)
                last_in_para[self._para_of(q.start)] = att
        return found

    def _quote_cue(self, q: Quote) -> Attribution | None:
        """The quote's claim when a speech verb with a subject is next to it."""
        doc = self.doc
        s_start, s_end = self._region(q)
        direct = self._is_direct(q)
        best: tuple[int, Token, Token] | None = None
        for t in doc[s_start:s_end]:
            if self._quoted(t) or cues.verb_cue(t) != cues.SPEECH:
                continue
            subj = _subject(t, skip=self._quoted)
            if subj is None:
                continue
            if not direct and not (t.left_edge.idx <= q.open and t.right_edge.idx >= q.start):
                continue
            dist = min(abs(t.idx - q.open), abs(t.idx - q.close))
            if best is None or dist < best[0]:
                best = (dist, t, subj)
        if best is None:
            return None
        kind = "direct" if direct else "partial"
        _, cue_tok, subj = best
        sp = self._speaker(subj)
        content = _verb_content(cue_tok, cues.SPEECH) if kind == "partial" else None
        if content is not None and content[0] <= q.open and content[1] >= q.close - 1:
            shaped = self._shape(*content, cues.SPEECH, cue_tok, sp, cues.cue_text(cue_tok))
            if shaped is not None:
                return shaped
        return Attribution(
            q.start, q.end, kind, cues.cue_text(cue_tok), cue_tok.idx,
            cue_tok.idx + len(cue_tok.text), sp, self._confidence(kind, sp), q.run,
        )

    def _inherit(
        self,
        q: Quote,
        by_run: dict[int, Attribution],
        last_in_para: dict[tuple[int, int], Attribution],
    ) -> Attribution | None:
        prev = by_run.get(q.run)
        if prev is None:
            prev = last_in_para.get(self._para_of(q.start))
        if prev is None and not self.text[self._para_of(q.start)[0] : q.open].strip():
            prev = self._previous_paragraph_quote(q, last_in_para)
        if prev is None:
            return None
        return Attribution(
            q.start, q.end, "direct", prev.cue, prev.cue_start, prev.cue_end, prev.speaker,
            self._confidence("direct", prev.speaker, inherited=True), q.run,
        )

    def _colon_intro(self, q: Quote) -> Attribution | None:
        """A quote introduced by a colon: 'X issued a statement: "…"', 'Bush: "…"'."""
        text = self.text
        ps, _ = self._para_of(q.open)
        before = text[ps : q.open].rstrip()
        if not before:
            idx = self.paras.index((ps, self._para_of(q.open)[1])) if ps else 0
            if idx == 0:
                return None
            pps, ppe = self.paras[idx - 1]
            before = text[pps:ppe].rstrip()
            ps = pps
        if not before.endswith(":"):
            return None
        colon = self.doc.char_span(ps + len(before) - 1, ps + len(before), alignment_mode="expand")
        if colon is None or len(colon) == 0:
            return None
        sent = colon[0].sent
        root = sent.root
        subj = _subject(root, skip=self._quoted) if root.pos_ in ("VERB", "AUX") else None
        cue_tok = root if subj is not None else colon[0]
        if subj is None:
            names = [
                t for t in sent if t.i < colon[0].i and t.pos_ == "PROPN" and not self._quoted(t)
            ]
            if not names or colon[0].i - names[-1].i > 2:
                return None
            subj = names[-1]
        sp = self._speaker(subj)
        if sp is None:
            return None
        return Attribution(
            q.start, q.end, "direct", cue_tok.text, cue_tok.idx, cue_tok.idx + len(cue_tok.text),
            sp, self._confidence("direct", sp), q.run,
        )

    def _previous_paragraph_quote(
        self, q: Quote, last_in_para: dict[tuple[int, int], Attribution]
    ) -> Attribution | None:
        para = self._para_of(q.start)
        idx = self.paras.index(para) if para in self.paras else -1
        if idx <= 0:
            return None
        return last_in_para.get(self.paras[idx - 1])

    def _is_direct(self, q: Quote) -> bool:
        """A quote is direct when it opens a sentence or follows a comma, colon or cue verb."""
        ps, _ = self._para_of(q.open)
        before = self.text[ps : q.open].rstrip().rstrip("'`").rstrip()
        if not before or before[-1] in ",:;.?!—–-(\u201d\"":
            return True
        doc = self.doc
        tok = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
        if tok is None or tok.start == 0:
            return True
        prev = doc[tok.start - 1]
        if prev.is_sent_start or tok[0].is_sent_start:
            return True
        if cues.verb_cue(prev) is not None:
            return True
        words = self.text[q.start : q.end].split()
        return len(words) >= 6 and prev.dep_ not in ("det", "amod", "compound", "poss")

    def find(self) -> list[Attribution]:
        from_cues = self.from_cues()
        from_cues = _drop_nested_beliefs(from_cues)
        found = from_cues + self.from_quotes(from_cues)
        found.sort(key=lambda a: (a.start, a.end))
        desc = self.speakers.desc
        found = [
            replace(a, speaker=replace(a.speaker, description=desc[a.speaker.name]))
            if a.speaker and a.speaker.name in desc and not a.speaker.description
            else a
            for a in found
        ]
        return _dedupe(found)


def _drop_nested_beliefs(found: list[Attribution]) -> list[Attribution]:
    """A belief cue inside another claim's content belongs to that claim's content."""
    return [
        a
        for a in found
        if a.kind != "belief"
        or not any(b is not a and b.start <= a.cue_start < b.end for b in found)
    ]


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """Keep one claim per content span (the more confident one)."""
    best: dict[tuple[int, int], Attribution] = {}
    for a in found:
        key = (a.start, a.end)
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    return sorted(best.values(), key=lambda a: (a.start, a.end))


def find_attributions(doc: Doc, actors: ActorResolver) -> list[Attribution]:
    """Every attribution of the doc, with speaker mention offsets (used by evaluation)."""
    return ClaimFinder(doc, actors).find()


def _evidence(doc: Doc, a: Attribution) -> tuple[int, int]:
    points = [a.start, max(a.start, a.end - 1)]
    if a.speaker is not None and abs(a.cue_start - a.start) < 400:
        points += [a.cue_start, a.speaker.start]
    text = doc.text
    lo, hi = min(points), max(points)
    span = doc.char_span(lo, hi + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return lo, hi + 1
    para_start = text.rfind("\n", 0, lo) + 1
    para_end = text.find("\n", hi)
    para_end = len(text) if para_end < 0 else para_end
    start = max(min(span[0].sent.start_char, lo), para_start)
    end = min(max(span[-1].sent.end_char, a.end), max(para_end, a.end))
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def extract_claims(doc: Doc, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Claims of one article (see Extraction.claims for the row shape)."""
    rows: list[Row] = []
    text = doc.text
    for a in find_attributions(doc, actors):
        cs, ce = _evidence(doc, a)
        sp = a.speaker
        rows.append(
            {
                "char_start": cs,
                "char_end": ce,
                "evidence_text": text[cs:ce],
                "claim_start": a.start,
                "claim_end": a.end,
                "claim_text": text[a.start : a.end],
                "speaker_id": sp.actor_id if sp else None,
                "speaker_name": sp.name if sp else None,
                "speaker_description": sp.description if sp else None,
                "cue": a.cue,
                "claim_kind": a.kind,
                "confidence": a.confidence,
            }
        )
    return rows
