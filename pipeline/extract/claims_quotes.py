"""Claims from quotation marks: the cue next to a quote, a colon introduction, a short
attribution tail, or the speaker carried over from the quote's run or paragraph (see
``claims`` for the kinds and the order of the routes)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.extract import claims_syntax as syn
from pipeline.extract import cues
from pipeline.extract.claims_base import Attribution, FinderBase
from pipeline.extract.quotes import Quote

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


class QuoteRoutes(FinderBase):
    """The quote route of the claim finder."""

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
