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

from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.extract import claims_syntax as syn
from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims_base import Attribution
from pipeline.extract.claims_quotes import QuoteRoutes
from pipeline.extract.model import ArticleContext, Row

__all__ = ["Attribution", "ClaimFinder", "extract_claims", "find_attributions"]


class ClaimFinder(QuoteRoutes):
    """All attributions of one doc: the cue route here, the quote route in claims_quotes."""

    # -- the three routes -----------------------------------------------------------------

    def from_cues(self) -> list[Attribution]:
        found: list[Attribution] = []
        doc = self.doc
        for t in doc:
            if self._quoted(t):
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
