"""Quotations introduced by their layout rather than a verb beside them: a colon
introduction ('X told reporters: "…"'), a heading ("Topic - Jones: "…""), a signature line
under the quote ("- Jones."), a short lead sentence of a person ("Holt agreed. "…""). Part of
the quote route (``claims_quotes``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from pipeline.extract import cues
from pipeline.extract.claims_base import Attribution
from pipeline.extract.claims_quote_cues import (
    BYLINE_WORDS,
    DASH,
    LEAD_WORDS,
    QuoteCues,
    nominal_head,
)
from pipeline.extract.model import actor_id
from pipeline.extract.quotes import Quote


class QuoteIntros(QuoteCues):
    """Speakers a quote gets from the lines around it."""

    def _lead_sentence(self, q: Quote) -> Attribution | None:
        """A short sentence of a person right before a quote that opens the next sentence
        ('Holt agreed. “…”', 'Jones was blunt. “…”'): that person speaks."""
        ps, _ = self._para_of(q.open)
        before = self._before(q)
        if not before or before[-1] not in ".!":
            return None
        span = self.doc.char_span(ps, ps + len(before), alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        sent = span[-1].sent
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if not 1 < len(words) <= LEAD_WORDS or any(self._quoted(t) for t in sent):
            return None
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or self._has_object(root):
            return None
        if any(c.dep_ in ("xcomp", "advcl") for c in root.children):
            return None
        subj = self._subject(root)
        if subj is None or not self.speakers.is_person(subj):
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        return Attribution(
            q.start,
            q.end,
            "direct",
            cues.cue_text(root),
            root.idx,
            root.idx + len(root.text),
            sp,
            self._confidence("direct", sp, inherited=True),
            q.run,
        )

    def _dash_name(self, lead: list[Token]) -> Token | None:
        """The name after a dash right before a colon: 'Taxes - Ann Holt:' (a heading)."""
        for n in range(len(lead) - 1, max(-1, len(lead) - 7), -1):
            t = lead[n]
            if t.text in ("-", "—", "–", "--"):
                return lead[-1] if n < len(lead) - 1 else None
            if not t.text[:1].isupper() and t.text not in (".", "'s", "’s"):
                return None
        return None

    def _byline(self, q: Quote) -> Attribution | None:
        """A quote that closes its paragraph, signed in the next one: '- Jones.', '— Ann
        Holt, a voter in Ohio.' (quote lists, fact checks)."""
        ps, pe = self._para_of(q.open)
        if self.text[q.close : pe].strip(' .\u00a0"”'):
            return None
        idx = self.paras.index((ps, pe)) if (ps, pe) in self.paras else -1
        if idx < 0 or idx + 1 >= len(self.paras):
            return None
        ns, ne = self.paras[idx + 1]
        line = self.text[ns:ne].strip()
        if not line or line[0] not in "-—–" or len(line.split()) > BYLINE_WORDS:
            return None
        span = self.doc.char_span(ns, ne, alignment_mode="expand")
        if span is None:
            return None
        names = [t for t in span if t.pos_ == "PROPN" and not self._quoted(t)]
        if not names or names[0].i > span.start + 3:
            return None
        dash = span[0] if span[0].text[:1] in "-—–" else None
        sp = self._speaker(nominal_head(names[0]))
        if sp is None or dash is None:
            return None
        return Attribution(
            q.start,
            q.end,
            "direct",
            dash.text,
            dash.idx,
            dash.idx + 1,
            sp,
            self._confidence("direct", sp),
            q.run,
        )

    def _colon_intro(self, q: Quote) -> Attribution | None:
        """A quote introduced by a colon: 'X issued a statement: "…"', 'Bush: "…"', a heading
        'Topic - Bush: "…"'. A speech verb with a speaker comes first ('As X reported after
        the storm hit:'), then the verb nearest the colon."""
        text = self.text
        ps, _ = self._para_of(q.open)
        before = self._before(q)
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
        subj = self._dash_name(lead)  # a heading: 'Taxes - Jones: "…"'
        dashed = subj is not None
        cue_tok = colon[0]
        nearest = subj is None
        for t in reversed(lead if subj is None else []):  # a speech verb: 'As X reported …:'
            if cues.verb_cue(t) == cues.SPEECH:
                found = self._subject(t)
                if found is not None and self._speaker(found) is not None:
                    subj, cue_tok, nearest = found, t, False
                    break
        for t in reversed(lead if nearest else []):  # the verb introducing the quote
            # the verb nearest the colon may be any verb of a person ('X went further:')
            known = cues.verb_cue(t) is not None or t.i == sent.root.i
            if known or (nearest and t.pos_ == "VERB"):
                found = self._subject(t)
                if found is not None and (known or self.speakers.is_person(found)):
                    subj, cue_tok = found, t
                    break
            if t.pos_ == "VERB":
                nearest = False
        if subj is None and lead and self._speaking_noun(lead[-1]):  # 'From X's blog post:'
            subj = lead[-1]  # not any noun: 'putting it into the file:' names no speaker
        if subj is None:  # a bare name: 'More from Jones:'
            names = [t for t in lead if t.pos_ == "PROPN"]
            if not names or colon[0].i - names[-1].i > 2:
                return None
            subj = names[-1]
            prep = subj.head if subj.dep_ == "pobj" else None
            if prep is not None and prep.lower_ in ("on", "in", "at", "to"):
                return None  # 'celebrated the attacks on Twitter:': a place, no speaker
        if cues.utterance(subj):  # "X's response was:", "X's post:": X speaks
            owners = [c for c in subj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owners:
                subj = owners[0]
        sp = self._speaker(subj)
        if sp is None:
            return None
        if dashed and sp.name and DASH.search(sp.name):  # 'Topic - Jones': the name alone
            name = DASH.split(sp.name)[-1].strip()
            first = self.text.rfind(name.split()[0], sp.start, sp.end)
            aid = actor_id(name) if sp.actor_id == actor_id(sp.name) else sp.actor_id
            sp = replace(sp, start=max(first, sp.start), name=name, actor_id=aid)
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

    def _speaking_noun(self, t: Token) -> bool:
        """A noun that can stand for a speaker before a colon: an utterance or medium ("X's
        post"), a person or people."""
        if t.pos_ != "NOUN":
            return False
        return cues.utterance(t) or self.speakers.is_person(t) or t.tag_ == "NNS"
