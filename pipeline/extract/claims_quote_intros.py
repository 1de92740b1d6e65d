"""Quotations introduced by their layout rather than a verb beside them: a colon
introduction ('X told reporters: "…"', 'Here is X in May 2019: "…"'), a heading ("Topic -
Jones: "…""), a signature line under the quote ("- Jones."), a short lead sentence of a
person ("Holt agreed. "…"") or a speech verb's sentence that reports nothing else ('Holt
said in a statement. "…"'), the person a paragraph ends on before a quote paragraph. Part
of the quote route (``claims_quotes``)."""

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
from pipeline.extract.speakers import Speaker

WHEN = ("DATE", "TIME")


def _undated(tokens: list[Token]) -> list[Token]:
    """The tokens that are not a date phrase ('in December 1992', 'on Monday')."""
    return [
        t
        for t in tokens
        if t.ent_type_ not in WHEN
        and not (t.pos_ == "ADP" and any(c.ent_type_ in WHEN for c in t.children))
    ]


class QuoteIntros(QuoteCues):
    """Speakers a quote gets from the lines around it."""

    def _lead_sentence(self, q: Quote) -> Attribution | None:
        """A short sentence of a person right before a quote that opens the next sentence
        ('Holt agreed. “…”', 'Jones was blunt. “…”'), or a sentence of any length whose
        speech verb has nothing else to report ('Holt, an aide, said in a statement. “…”'):
        that person speaks."""
        ps, _ = self._para_of(q.open)
        before = self._before(q)
        if not before or before[-1] not in ".!":
            return None
        span = self.doc.char_span(ps, ps + len(before), alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        sent = span[-1].sent
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        root = sent.root
        said = cues.verb_cue(root) == cues.SPEECH  # 'Holt, an aide, said in a statement. “…”'
        if len(words) < 2 or not (said or len(words) <= LEAD_WORDS):
            return None
        if any(self._quoted(t) for t in sent):
            return None
        if root.pos_ not in ("VERB", "AUX") or self._has_object(root):
            return None
        if any(c.dep_ in ("xcomp", "advcl") for c in root.children):
            return None
        subj = self._subject(root)
        if subj is None or not self._is_person(subj):
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        return self._told_before(q, root, sp)

    def _prior_sentence(self, q: Quote) -> Attribution | None:
        """A quote that is its whole paragraph, after a paragraph whose last sentence is about
        a named speaker ('Holt was upbeat about the vote.' then '“…”'): that speaker."""
        ps, pe = self._para_of(q.open)
        if self.text[ps : q.open].strip() or self.text[q.close : pe].strip(" .\u00a0"):
            return None
        idx = self.paras.index((ps, pe)) if (ps, pe) in self.paras else -1
        if idx <= 0:
            return None
        pps, ppe = self.paras[idx - 1]
        span = self.doc.char_span(pps, ppe, alignment_mode="expand")
        if span is None or len(span) == 0 or self._quoted(span[-1]):
            return None
        sent = next((t for t in reversed(span) if not t.is_space), span[-1]).sent
        if sent.text.rstrip()[-1:] not in ".!" or any(self._quoted(t) for t in sent):
            return None
        root = sent.root
        subj = self._subject(root) if root.pos_ in ("VERB", "AUX") else None
        if subj is None or not (self._is_person(subj) or subj.ent_type_ == "ORG"):
            return None
        sp = self._speaker(subj)
        if sp is None or not sp.name:
            return None
        return self._told_before(q, root, sp)

    def _told_before(self, q: Quote, root: Token, sp: Speaker) -> Attribution:
        """The quote as the words of a speaker named in the sentence before it."""
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
        the storm hit:'), then the verb nearest the colon (its object when a thing acts on a
        named person: 'The lead did not surprise pollster X:'), then a bare name that is not
        part of a date or a modifier of a thing ('X in May 2019:', not 'the RNC file:')."""
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
                found = self._person_object(t) or self._subject(t)
                if found is not None and (known or self._is_person(found)):
                    subj, cue_tok = found, t
                    break
            if t.pos_ == "VERB":
                nearest = False
        if subj is None and lead and self._speaking_noun(lead[-1]):  # 'From X's blog post:'
            subj = lead[-1]  # not any noun: 'putting it into the file:' names no speaker
        if subj is None:  # a bare name: 'More from Jones:'
            names = [t for t in lead if t.pos_ == "PROPN" and t.ent_type_ not in WHEN]
            if not names or len(_undated(lead[lead.index(names[-1]) + 1 :])) > 1:
                return None
            subj = names[-1]
            if subj.dep_ == "compound" and subj.head.pos_ == "NOUN":
                return None  # 'putting it into the RNC file:': a name on a thing
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

    def _person_object(self, v: Token) -> Token | None:
        """The person a verb of a thing ends on before a colon: 'The result did not surprise
        pollster Ann Holt: “…”' (Holt speaks, not the result)."""
        subj = self._subject(v)
        if subj is None or subj.pos_ in ("PROPN", "PRON") or self._speaks(subj):
            return None
        objs = [c for c in v.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
        return objs[-1] if objs else None

    def _speaking_noun(self, t: Token) -> bool:
        """A noun that can stand for a speaker before a colon: an utterance or medium ("X's
        post"), a person or people."""
        if t.pos_ != "NOUN":
            return False
        return cues.utterance(t) or self.speakers.is_person(t) or t.tag_ == "NNS"
