"""Claims: who said (or believes) what, from one parsed article.

One linear pass over the doc's tokens plus one over its quotation marks; no second model pass.

Kinds (schemas.tables.CLAIM_KINDS):
- ``direct``: a quotation that is the whole content (``"…," remarked X``; ``X said: "…"``),
  including quotes over several sentences and paragraphs (the speaker carries over to a
  continuation with no new attribution, see ``quotes``).
- ``partial``: reported content that holds a few quoted words (described this as "realistic").
  claim_text is then the reported clause, quoted words included.
- ``indirect``: reported speech without quotation: a speech verb with its complement (stated
  that…, indicated a willingness to…, noted discussions…), "according to X", speech nouns
  with a possessor (X's calls for…, X's insistence that…), and any other verb with a finite
  "that" clause whose subject is a person ("X conceded that…").
- ``belief``: the same shapes with verbs or nouns of belief and intention (thinks, wants,
  believes, hopes; X's view of…), and stance adjectives predicated of a speaker (X is
  critical of…, X made it clear that…, X is against…). PolNeAR annotates these too.

A claim whose cue lies inside another claim's content is dropped ("X said Y believes Z" is X's
claim, as PolNeAR annotates it), except a claim noun with its own named holder ("X echoed Y's
calls for…"); a claim whose content is someone else's claim noun ("accepting Y's view of…")
gives way to that noun's claim. A quote's cue is the nearest speech verb whose clause holds
the quote, else the nearest one, else an unlisted verb in the quote's short tail ("…!" beamed
X.); a partial quote's content is the cue's whole reported clause.
- ``authorial`` is never produced: the article's own unattributed assertions are left out,
  and so are passive reports without an agent ("a notion suggested as…"), first- and
  second-person speakers outside quotes (a transcript or the writer: "I think…"), and the
  writer's prescriptions ("he must not favor…").

confidence: 0.9 direct, 0.8 partial, 0.75 indirect, 0.6 belief; minus 0.1 when the speaker is
a resolved pronoun, 0.1 when a quote inherits its speaker from an earlier one, 0.3 when the
speaker has no name.

claim_text excludes the quotation marks of a direct quote; for other kinds it is the reported
clause without a leading "that". The speaker comes from the ActorResolver, else from
``speakers.SpeakerFinder``; an unknown speaker stays empty.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from pipeline.extract import claims_syntax as syn
from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.model import ArticleContext, Row
from pipeline.extract.quotes import Quote, find_quotes, inside, paragraphs
from pipeline.extract.speakers import Speaker, SpeakerFinder


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
    cue_kind: str = cues.SPEECH  # SPEECH or BELIEF: what the cue word itself expresses
    noun: bool = False  # the cue is a claim noun with its holder ("X's insistence that …")


UNLINKED = 200  # chars: how much farther a cue may be when the quote is in its clause
TAIL_WORDS = 8  # tokens after a quote that may hold its attribution
UTTERANCES = frozenset(  # nouns naming what someone said or wrote ("X's post:")
    [
        "response",
        "reply",
        "answer",
        "post",
        "tweet",
        "letter",
        "words",
        "message",
        "speech",
        "email",
        "note",
    ]
)


class ClaimFinder:
    """All attributions of one doc."""

    def __init__(self, doc: Doc, resolver: ActorResolver, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.quotes = find_quotes(self.text)
        self.paras = paragraphs(self.text)
        self._para_starts = [ps for ps, _ in self.paras]
        self.speakers = SpeakerFinder(doc, resolver, self.text)

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
        tail_words = re.split(r"[.!?:;\"“”]", after, maxsplit=1)[0].split()
        short_tail = 0 < len(tail_words) <= 8 and text[q.end - 1 : q.close][:1] in "?!"
        if after and ("," in text[q.end - 1 : q.close] or after[0].islower() or short_tail):
            tail = doc.char_span(q.close, pe, alignment_mode="expand")
            if tail is not None and len(tail) > 0:
                stop = tail.end  # up to the end of the sentence that follows the quote
                for t in tail:
                    if t.idx >= q.close and t.text in (".", "!", "?") and not self._quoted(t):
                        stop = t.i + 1
                        break
                end = max(end, stop)
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
        i = bisect.bisect_right(self._para_starts, pos) - 1
        if i >= 0 and pos <= self.paras[i][1]:
            return self.paras[i]
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
        if sp is not None and a <= sp.start < b:  # content never holds its own speaker
            after = [q.open for q in self.quotes if sp.end <= q.open < b]
            a = after[0] if after else sp.end
        a, b = syn.trim(self.text, a, b)
        if b - a < 2:
            return None
        kind = "belief" if cue_kind == cues.BELIEF else "indirect"
        run = None
        if len(syn.WORD.findall(self.text, a, b)) < 2 and inside(self.quotes, a) is None:
            return None
        quotes = [q for q in self.quotes if q.open < b and q.close > a]
        if quotes:
            q = quotes[0]
            if q.open <= a + 1 and (q.end >= b - 2 or q.close > b):
                a, b, kind, run = q.start, q.end, "direct", q.run
            else:
                kind = "partial"
                b = max(b, min(quotes[-1].close, pe))
        if cue_kind == cues.BELIEF and (sp is None or sp.name is None):
            return None  # a belief with no one to hold it
        return Attribution(
            a,
            b,
            kind,
            cue,
            cue_tok.idx,
            cue_tok.idx + len(cue_tok.text),
            sp,
            self._confidence(kind, sp),
            run,
            cue_kind,
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
            elif cues.adjective_cue(t):
                att = self._adjective(t)
            elif t.pos_ == "VERB" and syn.that_clause(t):
                att = self._verb(t, cues.SPEECH, person_only=True)
            else:
                continue
            if att is not None:
                found.append(att)
        return found

    def _verb(self, v: Token, kind: str, person_only: bool = False) -> Attribution | None:
        content = syn.verb_content(v, kind)
        if content is None:
            return None
        if kind == cues.BELIEF and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in v.children
        ):
            return None  # "he must not favor one side": the writer's prescription
        subj = syn.dash_appositive(v)
        if subj is not None:  # the dashed aside ends at the next dash
            dash = min((self.text.find(d, v.idx, content[1]) for d in "—–"), key=syn.found_first)
            if dash > 0:
                content = (content[0], dash)
        else:
            subj = syn.subject(v, skip=self._quoted) or self._orphan_name(v)
        if person_only and (subj is None or not self.speakers.is_person(subj)):
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        return self._shape(*content, kind, v, sp, cues.cue_text(v))

    def _orphan_name(self, v: Token) -> Token | None:
        """A name right before a finite verb with no subject: the parse hung it elsewhere
        ("…, former mayor Ann Holt said the plan…" with Holt as an apposition)."""
        if v.tag_ not in ("VBD", "VBZ") or v.i == 0:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
            return None
        prev = self.doc[v.i - 1]
        if prev.pos_ != "PROPN" or prev.dep_ not in ("appos", "npadvmod", "conj"):
            return None
        return None if self._quoted(prev) else prev

    def _noun(self, n: Token, kind: str) -> Attribution | None:
        subj = syn.noun_speaker(n)
        content = syn.noun_content(n)
        if subj is None or content is None:
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        att = self._shape(*content, kind, n, sp, n.text)
        return None if att is None else replace(att, noun=True)

    def _adjective(self, adj: Token) -> Attribution | None:
        """A stance adjective: "X is critical of Y", "X made it clear that …" (a belief)."""
        content = syn.adjective_content(adj)
        holder = syn.adjective_holder(adj, self._quoted)
        if content is None or holder is None:
            return None
        sp = self._speaker(holder)
        if sp is None:
            return None
        return self._shape(*content, cues.BELIEF, adj, sp, adj.text)

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
            q for q in self.quotes if not any(s <= q.start and q.end <= e + 1 for s, e in covered)
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
            subj = syn.subject(t, skip=self._quoted)
            if subj is None:
                continue
            if not direct and not (t.left_edge.idx <= q.open and t.right_edge.idx >= q.start):
                continue
            dist = min(abs(t.idx - q.open), abs(t.idx - q.close))
            if not (t.left_edge.idx <= q.open and t.right_edge.idx >= q.start):
                dist += UNLINKED  # a cue whose clause holds the quote comes first
            if best is None or dist < best[0]:
                best = (dist, t, subj)
        if best is not None and direct and best[1].idx < q.open:
            best = self._participle_cue(best, q)
        if best is None and direct:
            best = self._tail_verb(q) or self._tail_cue(q)
        if best is None:
            return None
        if direct and best[0] >= UNLINKED and self.text[: q.open].rstrip().endswith(":"):
            intro = self._colon_intro(q)  # 'X went further: "…"' beats a cue outside the clause
            if intro is not None:
                return intro
        kind = "direct" if direct else "partial"
        _, cue_tok, subj = best
        sp = self._speaker(subj)
        content = syn.verb_content(cue_tok, cues.SPEECH) if kind == "partial" else None
        if kind == "partial" and not (
            content and content[0] <= q.open <= q.close - 1 <= content[1]
        ):
            content = syn.right_of(cue_tok)  # "warned of a “ferocious” battle ahead that …"
        if content is not None and content[0] <= q.open and content[1] >= q.close - 1:
            shaped = self._shape(*content, cues.SPEECH, cue_tok, sp, cues.cue_text(cue_tok))
            if shaped is not None:
                return shaped
        return Attribution(
            q.start,
            q.end,
            kind,
            cues.cue_text(cue_tok),
            cue_tok.idx,
            cue_tok.idx + len(cue_tok.text),
            sp,
            self._confidence(kind, sp),
            q.run,
        )

    def _tail_verb(self, q: Quote) -> tuple[int, Token, Token] | None:
        """An unlisted verb in the short attribution tail of a quote ending with a comma, ! or ?
        ("…!” beamed X.", "…,” X gushed."): the tail is the sentence's last few words."""
        if not any(ch in self.text[q.end - 1 : q.close] for ch in ",!?"):
            return None
        tail = self.doc.char_span(q.close, self._para_of(q.start)[1], alignment_mode="expand")
        if tail is None:
            return None
        for t in tail[:TAIL_WORDS]:
            if t.idx < q.close or t.is_space:
                continue
            if self._quoted(t) or t.text in ('"', "“", "”", "''", ";"):
                return None
            if t.text in (".", "!", "?"):
                return None
            if t.pos_ == "VERB" and not any(c.dep_ in ("dobj", "ccomp") for c in t.children):
                subj = syn.subject(t, skip=self._quoted)
                end = t.right_edge.i + 1
                closes = (
                    end >= len(self.doc)
                    or self.doc[end].text in (".", "\n")
                    or (self.doc[end].is_space)
                    or self.doc[end - 1].text in (".", "!", "?")  # the stop is the verb's own
                )
                if subj is not None and closes:
                    return (t.idx - q.close, t, subj)
        return None

    def _participle_cue(self, best: tuple[int, Token, Token], q: Quote) -> tuple[int, Token, Token]:
        """A participle of the cue that stands between it and the quote introduces the quote
        ("…," X said, adding of Y, "…": the second quote is what X added)."""
        _, cue_tok, subj = best
        doc = self.doc
        for c in doc[cue_tok.i + 2 : cue_tok.i + 12]:
            if c.idx >= q.open:
                break
            if (
                c.tag_ == "VBG"
                and doc[c.i - 1].text == ","
                and cues.verb_cue(c) == cues.SPEECH
                and not self._quoted(c)
                and not any(g.dep_ in ("ccomp", "dobj") and g.idx < q.open for g in c.children)
            ):
                return (q.open - c.idx, c, subj)
        return best

    def _tail_cue(self, q: Quote) -> tuple[int, Token, Token] | None:
        """A speech verb in the short tail of a quote ending with a comma, ! or ? whose parse
        lost its subject ("…,” Jones, 58, told the paper."): the name before the verb, or
        right after it ("…,” said Jones.")."""
        if not any(ch in self.text[q.end - 1 : q.close] for ch in ",!?"):
            return None
        tail = self.doc.char_span(q.close, self._para_of(q.start)[1], alignment_mode="expand")
        if tail is None:
            return None
        words = [t for t in tail[: TAIL_WORDS + 4] if t.idx >= q.close and not t.is_space]
        for n, v in enumerate(words):
            if self._quoted(v) or v.text in ('"', "“", "”", "''", ";", ".", "!", "?", ":"):
                return None
            if cues.verb_cue(v) != cues.SPEECH:
                if v.pos_ in ("VERB", "AUX"):
                    return None  # another clause comes first
                continue
            pool = words[:n] if n else words[1:4]
            names = [t for t in pool if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if not names:
                return None
            subj = names[0]
            while subj.dep_ in ("compound", "flat") and subj.head.i > subj.i:
                subj = subj.head
            if self._speaker(subj) is None:
                return None
            return (v.idx - q.close, v, subj)
        return None

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
            q.start,
            q.end,
            "direct",
            prev.cue,
            prev.cue_start,
            prev.cue_end,
            prev.speaker,
            self._confidence("direct", prev.speaker, inherited=True),
            q.run,
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
        lead = [t for t in sent if t.i < colon[0].i and not self._quoted(t)]
        subj = None
        cue_tok = colon[0]
        nearest = True
        for t in reversed(lead):  # the verb introducing the quote: 'X told reporters:'
            # the verb nearest the colon may be any verb of a person ('X went further:')
            known = cues.verb_cue(t) is not None or t.i == sent.root.i
            if known or (nearest and t.pos_ == "VERB"):
                found = syn.subject(t, skip=self._quoted)
                if found is not None and (known or self.speakers.is_person(found)):
                    subj, cue_tok = found, t
                    break
            if t.pos_ == "VERB":
                nearest = False
        if subj is None and lead and lead[-1].pos_ == "NOUN":  # 'From X's blog post:'
            subj = lead[-1]
        if subj is None:  # a bare name: 'More from Jones:'
            names = [t for t in lead if t.pos_ == "PROPN"]
            if not names or colon[0].i - names[-1].i > 2:
                return None
            subj = names[-1]
        utterance = cues.noun_cue(subj) is not None or subj.lemma_.lower() in UTTERANCES
        if subj.pos_ == "NOUN" and utterance:  # "X's response was:", "X's post:": X speaks
            owners = [c for c in subj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owners:
                subj = owners[0]
        sp = self._speaker(subj)
        if sp is None:
            return None
        return Attribution(
            q.start,
            q.end,
            "direct",
            cue_tok.text,
            cue_tok.idx,
            cue_tok.idx + len(cue_tok.text),
            sp,
            self._confidence("direct", sp),
            q.run,
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
        if not before or before[-1] in ',:;.?!—–-(\u201d"':
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
        from_cues = _drop_nested(from_cues)
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


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """A cue inside another claim's content belongs to that claim's content: PolNeAR, like a
    reader, takes the outer attribution ("X said Y believes Z" is X's claim)."""
    found = [a for a in found if not any(_nests(a, b) for b in found)]
    return [a for a in found if not any(_restates(a, n) for n in found)]


def _restates(outer: Attribution, noun: Attribution) -> bool:
    """Whether outer's content is someone else's claim noun ("accepting Putin's perspective on
    …" is Putin's claim, taken up): the noun claim stands for it."""
    if not noun.noun or noun is outer or noun.speaker is None or outer.speaker is None:
        return False
    return noun.speaker.start == outer.start and noun.speaker.name != outer.speaker.name


def _nests(inner: Attribution, outer: Attribution) -> bool:
    """Whether inner's cue lies in outer's content (a named holder of a claim noun, "X's
    insistence that …", stays: it is a claim of its own)."""
    if inner is outer or not outer.start <= inner.cue_start < outer.end:
        return False
    same = (
        inner.speaker is None or outer.speaker is None or inner.speaker.name == outer.speaker.name
    )
    return not (inner.noun and not same)


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """Keep one claim per content span (the more confident one)."""
    best: dict[tuple[int, int], Attribution] = {}
    for a in found:
        key = (a.start, a.end)
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    return sorted(best.values(), key=lambda a: (a.start, a.end))


def find_attributions(
    doc: Doc, actors: ActorResolver, text: str | None = None
) -> list[Attribution]:
    """Every attribution of the doc, with speaker mention offsets (used by evaluation)."""
    return ClaimFinder(doc, actors, text).find()


def _evidence(doc: Doc, text: str, a: Attribution) -> tuple[int, int]:
    points = [a.start, max(a.start, a.end - 1)]
    if a.speaker is not None and abs(a.cue_start - a.start) < 400:
        points += [a.cue_start, a.speaker.start]
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
    for a in find_attributions(doc, actors, text):
        cs, ce = _evidence(doc, text, a)
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
