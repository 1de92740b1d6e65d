"""Claims from quotation marks: the cue next to a quote, a colon introduction, a short
attribution tail, or the speaker carried over from the quote's run or paragraph (see
``claims`` for the kinds and the order of the routes).

Beyond listed speech verbs, a direct quote may be introduced by an unlisted verb of a person
or of people right before it ("X shot back, “…”", "his friends jeered, “…”"), "as X put
it", a text that reads ("…,” the sign read.", "the email read “…”"), a heading ("Topic -
Jones: “…”"), a signature line in the next paragraph ("- Jones."), a short sentence of a
person right before it ("Holt agreed. “…”"), the person the previous paragraph ends on when
the quote is a paragraph of its own ("Holt was upbeat. / “…”"), or a bare attribution after
it despite a full stop ("“….” Holt said."). A partial quote with no speech verb may belong
to a verb that characterizes its object ("X cast the plan as a “gift”"). A short title-case
quote inside a noun phrase names a work or a slogan ("the show, “Morning Hour,” airs") and
is no claim. A few quoted words the sentence runs on from are partial, not direct
("testified “thousands” of emails were lost"). A colon introduction beats a cue after a
quote that ends its sentence. A direct quote whose speaker cannot be found at all is left
out rather than given an empty speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.extract import claims_content as spans
from pipeline.extract import cues
from pipeline.extract.claims_base import Attribution
from pipeline.extract.claims_quote_cues import (
    HEADING,
    TITLE_SMALL,
    TITLE_WORDS,
    UNLINKED,
    put_it,
)
from pipeline.extract.claims_quote_intros import QuoteIntros
from pipeline.extract.quotes import Quote

EMBEDDED_WORDS = 4  # words of a quote the writer's sentence runs on from
EMBED_POS = ("ADP", "NOUN", "ADJ", "ADV", "CCONJ", "SCONJ", "PART", "AUX", "VERB")


class QuoteRoutes(QuoteIntros):
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
        short_tail = 0 < len(tail_words) <= 8 and self._stop(q)[:1] in "?!"
        if after and ("," in self._stop(q) or after[0].islower() or short_tail):
            tail = doc.char_span(q.close, pe, alignment_mode="expand")
            if tail is not None and len(tail) > 0:
                stop = tail.end  # up to the end of the sentence that follows the quote
                for t in tail:
                    if t.idx >= q.close and t.text in (".", "!", "?") and not self._quoted(t):
                        stop = t.i + 1
                        break
                end = max(end, stop)
        before = self._before(q)
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
        """Quotes not already inside a cue's content (a direct one with no speaker leaves the
        quote to this route: a claim with a named speaker then replaces it).

        First pass: a cue next to the quote (titles of works skipped). Second pass, in text
        order, for direct quotes still without one: a signature line under the quote, a
        colon introduction, a short sentence of a person right before it (or one of any length
        whose speech verb reports nothing else: 'X said in a statement. “…”'), then the
        speaker of another piece of the same run (a quote continued over paragraphs; an
        earlier quote of the paragraph comes first when that piece lies after this one), of
        an earlier quote in the paragraph, or of the previous paragraph's last quote when
        this one opens its paragraph; last, for a quote that is its whole paragraph, the
        named person or organisation the previous paragraph ends on.
        """
        covered = sorted(
            (a.start, a.end) for a in taken if a.speaker is not None or a.kind != "direct"
        )
        todo = [
            q
            for q in self.quotes
            if not any(s <= q.start and q.end <= e + 1 for s, e in covered) and not self._title(q)
        ]
        unheard = {(a.start, a.end) for a in taken if a.speaker is None and a.kind == "direct"}
        weak = {id(q) for q in todo if (q.start, q.end) in unheard}
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
                att = self._byline(q) or self._colon_intro(q) or self._lead_sentence(q)
                att = att or self._inherit(q, by_run, last_in_para) or self._prior_sentence(q)
            if id(q) in weak and (att is None or att.speaker is None or not att.speaker.name):
                continue  # no better than the speakerless claim that holds the quote
            if att is not None and att.kind == "direct" and att.speaker is None:
                continue  # a quote no one can be found to have said: left out
            if att is not None:
                found.append(att)
                by_run.setdefault(q.run, att)
                last_in_para[self._para_of(q.start)] = att
        return found

    def _title(self, q: Quote) -> bool:
        """A short quote in title case inside a noun phrase names a work or a slogan, no one's
        words: 'his program, “The Morning Hour,” airs', 'the cast of “Hard Times”'."""
        words = self.text[q.start : q.end].split()
        if not 1 < len(words) <= TITLE_WORDS or self.text[q.end - 1] in ".!?":
            return False
        if not all(w[:1].isupper() or w.lower() in TITLE_SMALL for w in words):
            return False
        ps, _ = self._para_of(q.open)
        before = self._before(q)
        if not before or before[-1] in ":.!?":
            return False
        span = self.doc.char_span(ps, ps + len(before), alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        prev = span[-1] if span[-1].text != "," else span[-2] if len(span) > 1 else span[-1]
        return prev.pos_ in ("NOUN", "PROPN", "ADP", "DET") and cues.verb_cue(prev) is None

    def _quote_cue(self, q: Quote) -> Attribution | None:
        """The quote's claim when a speech verb with a subject is next to it."""
        doc = self.doc
        s_start, s_end = self._region(q)
        direct = self._is_direct(q)
        ps, _ = self._para_of(q.open)
        if direct and HEADING.search(self._before(q)):
            heading = self._colon_intro(q)  # 'Topic - Jones: "…"': the heading names the speaker
            if heading is not None:
                return heading
        best: tuple[int, Token, Token] | None = None
        for t in doc[s_start:s_end]:
            if self._quoted(t) or not (cues.verb_cue(t) == cues.SPEECH or put_it(t)):
                continue
            subj = self._subject(t) or self._inverted_subject(t, q)
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
        unlisted = None
        if direct and (best is None or best[0] >= UNLINKED):
            unlisted = self._lead_verb(q)
        if best is None and direct:
            unlisted = unlisted or self._tail_verb(q) or self._tail_read(q)
            best = unlisted or self._tail_cue(q) or self._period_tail(q)
        elif unlisted is not None:
            best = unlisted
        elif direct and best is not None and best[0] >= UNLINKED and best[1].idx > q.close:
            best = self._tail_cue(q) or self._period_tail(q) or best  # '“…,” Jones, …, said.'
        if best is None:
            return None if direct else self._characterizing(q)
        if unlisted is not None and self._speaker(best[2]) is None:
            return None  # an unlisted verb needs someone to speak
        if direct and self.text[: q.open].rstrip().endswith(":"):
            intro = self._colon_intro(q)  # 'X went further: "…"' beats a cue outside the clause
            ended = best[1].idx > q.close and self._stop(q)[:1] in ".!?"  # 'X: “…” Y said …'
            if intro is not None and (
                best[0] >= UNLINKED or best[1].idx < intro.cue_start or ended
            ):
                return intro  # and a farther one: '…, Cruz said as a heckler yelled: "…"'

        kind = "direct" if direct else "partial"
        _, cue_tok, subj = best
        sp = self._speaker(subj)
        content = spans.verb_content(cue_tok, cues.SPEECH) if kind == "partial" else None
        if kind == "partial" and not (
            content and content[0] <= q.open <= self._last_word(q) <= content[1]
        ):
            content = spans.right_of(cue_tok)  # "warned of a “ferocious” battle ahead that …"
        if content is not None and content[0] <= q.open and content[1] >= self._last_word(q):
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

    def _last_word(self, q: Quote) -> int:
        """The end of the quote's last word: a clause that reaches it holds the quote, though
        the full stop inside the closing mark is the sentence's (“… selling houses.”)."""
        end = q.end
        while end > q.start and not self.text[end - 1].isalnum():
            end -= 1
        return end

    def _characterizing(self, q: Quote) -> Attribution | None:
        """A partial quote that names what a verb's object is: "X cast the plan as a “gift”",
        "X branded the rules “a farce”" (the one who characterizes makes the claim)."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        t = span.root
        for _ in range(6):
            head = t.head
            if head.i == t.i:
                return None
            as_prep = t.dep_ == "prep" and t.lower_ == "as"
            if head.pos_ == "VERB" and (as_prep or t.dep_ in ("oprd", "xcomp")):
                if not any(c.dep_ == "dobj" for c in head.children) or self._quoted(head):
                    return None
                subj = self._subject(head)
                if subj is None or not (subj.pos_ == "PROPN" or self.speakers.is_person(subj)):
                    return None
                sp = self._speaker(subj)
                content = spans.right_of(head)
                if sp is None or not sp.name or content is None:
                    return None
                if not content[0] <= q.open < self._last_word(q) <= content[1]:
                    return None
                return self._shape(*content, cues.SPEECH, head, sp, cues.cue_text(head))
            t = head
        return None

    def _inherit(
        self,
        q: Quote,
        by_run: dict[int, Attribution],
        last_in_para: dict[tuple[int, int], Attribution],
    ) -> Attribution | None:
        prev = by_run.get(q.run)
        earlier = last_in_para.get(self._para_of(q.start))
        if earlier is not None and (prev is None or prev.start > q.start):
            prev = earlier  # '“…,” X said. “…' : the words before, not a later piece of the run
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

    def _previous_paragraph_quote(
        self, q: Quote, last_in_para: dict[tuple[int, int], Attribution]
    ) -> Attribution | None:
        para = self._para_of(q.start)
        idx = self.paras.index(para) if para in self.paras else -1
        if idx <= 0:
            return None
        return last_in_para.get(self.paras[idx - 1])

    def _is_direct(self, q: Quote) -> bool:
        """A quote is direct when it opens a sentence or follows a comma, colon or cue verb,
        unless it is a few words that the sentence runs on from ("testified “thousands” of
        emails were lost"): those are part of the writer's sentence."""
        ps, _ = self._para_of(q.open)
        before = self.text[ps : q.open].rstrip().rstrip("'`").rstrip()
        if self._embedded(q, before):
            return False
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

    def _embedded(self, q: Quote, before: str) -> bool:
        """A short quote inside a sentence that goes on right after it with no punctuation,
        by a word that cannot start an attribution tail ('“rogue” agents', '“peanuts” compared
        to'); a colon or a sentence start before it keeps it direct."""
        words = self.text[q.start : q.end].split()
        if not words or len(words) > EMBEDDED_WORDS or not before or before[-1] in ":.?!":
            return False
        if self.text[q.end - 1] in ".,;:!?-—–…" or self.text[q.close : q.close + 1] != " ":
            return False
        nxt = self.doc.char_span(q.close + 1, q.close + 2, alignment_mode="expand")
        if nxt is None or len(nxt) == 0 or not nxt[0].is_lower:
            return False
        t = nxt[0]
        return t.pos_ in EMBED_POS and cues.verb_cue(t) is None
