"""The claim finder's shared parts: the Attribution record and the building blocks both
routes use (speaker lookup, paragraphs, content shaping, confidence)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.extract import claims_syntax as syn
from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.quotes import Quote, find_quotes, inside, paragraphs
from pipeline.extract.speakers import Speaker, SpeakerFinder

_PERSONS = frozenset({"i", "we", "you"})
_GROUPS = frozenset({"they", "who", "he", "she", "those", "others", "some", "many"})


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


def _personal(sp: Speaker, text: str) -> bool:
    """Whether the speaker mention is a first- or second-person pronoun."""
    return text[sp.start : sp.end].lower() in _PERSONS


def _quoted_flags(quotes: list[Quote], offsets: list[int]) -> list[bool]:
    """Per token (by its start offset): whether a quote's marks enclose it (quotes are sorted
    and disjoint)."""
    flags = [False] * len(offsets)
    for q in quotes:
        for i in range(bisect.bisect_left(offsets, q.open), bisect.bisect_left(offsets, q.close)):
            flags[i] = True
    return flags


class FinderBase:
    """One doc's text, quotes, paragraphs and speakers, and the helpers on them."""

    def __init__(self, doc: Doc, resolver: ActorResolver, text: str | None = None) -> None:
        self.doc = doc
        self.text = resolver.words.doc_text if text is None else text
        self.quotes = find_quotes(self.text)
        self._in_quote = _quoted_flags(self.quotes, resolver.words.idx)
        self.paras = paragraphs(self.text)
        self._para_starts = [ps for ps, _ in self.paras]
        self.speakers = SpeakerFinder(doc, resolver, self.text)

    # -- building blocks ------------------------------------------------------------------

    def _speaker(self, tok: Token | None) -> Speaker | None:
        if tok is None or self._in_quote[tok.i]:
            return None
        tok = syn.dateline_subject(tok)
        found = self.speakers.speaker(tok)
        if found is None and tok.lower_ in _PERSONS:
            # first or second person outside quotes (a transcript's speaker, the writer): the
            # mention is kept, the name stays empty
            return Speaker(tok.idx, tok.idx + len(tok.text), None, None, None, True)
        return found

    def _quoted(self, tok: Token) -> bool:
        return self._in_quote[tok.i]

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
        self,
        a: int,
        b: int,
        cue_kind: str,
        cue_tok: Token,
        sp: Speaker | None,
        cue: str,
        implicit: bool = False,
        name_ok: bool = False,
        aside: bool = False,
    ) -> Attribution | None:
        """Clip content to its paragraph, extend it over quotes it starts, set the kind."""
        ps, pe = self._para_of(cue_tok.idx if not (a <= cue_tok.idx < b) else a)
        a, b = max(a, ps), min(b, pe)
        if sp is not None and a <= sp.start < b and not aside:  # nor its speaker, but in an aside
            after = [q.open for q in self.quotes if sp.end <= q.open < b]
            a = after[0] if after else sp.end
        a, b = syn.trim(self.text, a, b, self.doc)
        if b - a < 2:
            return None
        kind = "belief" if cue_kind == cues.BELIEF else "indirect"
        run = None
        if len(syn.WORD.findall(self.text, a, b)) < 2 and inside(self.quotes, a) is None:
            one = self.doc.char_span(a, b, alignment_mode="expand")
            lone = one is not None and any(
                t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in one
            )
            if not (lone and (cue_tok.pos_ in ("VERB", "AUX") or name_ok)):
                return None  # a lone name may be the content ("endorsed Sanders")
        quotes = [q for q in self.quotes if q.open < b and q.close > a]
        if quotes:
            q = quotes[0]
            if q.open <= a + 1 and (q.end >= b - 2 or q.close > b):
                a, b, kind, run = q.start, q.end, "direct", q.run
            else:
                kind = "partial"
                b = max(b, min(quotes[-1].close, pe))
        holder = implicit or (sp is not None and (sp.name is not None or _personal(sp, self.text)))
        if sp is not None and sp.pronoun and self.text[sp.start : sp.end].lower() in _GROUPS:
            holder = True  # "they think …", "voters who believe …": the mention holds it
        if cue_kind == cues.BELIEF and not holder:
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
