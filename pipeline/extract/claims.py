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
  with a possessor (X's calls for…, X's insistence that…) or as the object of a light verb
  (X made the case that…), and any other verb with a finite "that" clause whose subject is
  a person ("X conceded that…"). Also: a speaker label opening a line (a headline "X: …", a
  transcript's "SMITH: …": a name, an all-capitals label or a poll, or one word the article
  tags as a person or group elsewhere and a known actor, before five words or more; not a
  bare "Q:"/"A:", a rubric such as "Breaking:" nor a section heading such as "Climate
  Change:"), what a poll or study found ("X leads in a new poll": the poll is the source),
  and a present participle on a noun ("placards supporting X" speak for the placards;
  "issued a statement saying …" for the issuer). A relative pronoun object stands for its
  antecedent ("allegations …, which he has denied": the content runs from the antecedent to
  "which"). A speech verb the parse joined to another one's complement, with no subject of
  its own ("X said A and stressed B"), ends that complement and is X's claim of its own.
  "Y has the backing of X" / "won the endorsement of X" is X's claim about Y. What is seen
  as something runs from the thing seen ("saw X as a savior", "X is seen as the favourite").
- ``belief``: the same shapes with verbs or nouns of belief and intention (thinks, wants,
  believes, hopes; X's view of…), and stance adjectives predicated of a speaker (X is
  critical of…, X made it clear that…, X is against…) or stance-holder nouns (X is a fervent
  supporter of…). PolNeAR annotates these too.
- ``authorial``: the writer's own first-person claims outside quotation marks ("I think…",
  "we believe…"); the speaker is the article's author, else its outlet, else empty. The
  article's other unattributed assertions are left out, so authorial rows never mix with
  attributed ones.

Quotes (``claims_quotes`` and the modules it builds on): a quote's cue is the nearest speech
verb whose clause holds the quote, else the nearest one, else an unlisted verb right before
it or in its short tail ("X shot back, "…"", ""…!" beamed X.", ""…," the sign read."), or
a heading, signature line or short lead sentence naming the speaker; a partial quote's
content is the cue's whole reported clause, or the clause of a verb that characterizes its
object ("cast the plan as a "gift""). Short title-case quotes inside a noun phrase (titles
of works) are no claims, and a direct quote with no speaker mention at all is left out.

Implicit holders (a documented choice, as PolNeAR leaves such Sources out): an agentless
passive of a verb in ``schemas/cues/implicit_verbs.txt`` ("X is expected to…", "X was asked
about…", "when asked whether…", "X is seen as…") and "appear"/"seem" with a subject that is
no speaker ("the race appears closer") give a claim with an empty speaker and low confidence.
Otherwise a belief needs a holder: a named speaker, or a pronoun mention that stands for one
even when unresolved (I, we, you, they, he, she, who, those, others, some, many). Second-
person speakers outside quotes ("do you think…") keep the pronoun as the speaker mention and
an empty name.

Nesting: a claim whose cue lies inside another claim's content is dropped ("X said Y believes
Z" is X's claim, as PolNeAR annotates it), except a claim noun with its own named holder ("X
echoed Y's calls for…"); a claim with an implicit holder or a line label never swallows
another, and of two claims each inside the other the one read first stays. A claim whose
content is someone else's claim noun ("accepting Y's view of…") gives way to that noun's
claim.

Left out: passive reports without an agent outside the implicit-holder verbs ("a notion
suggested as…", "the bridge was called…"), the writer's prescriptions ("he must not
favor…"), a likelihood ("X is sure / certain to…", "figures to…"), a participle on a noun
("pledged delegates"), a race ("challenging the incumbent", unlike "challenged him to a
debate"), an errand ("did not respond to a request for comment"), a lone date ("said
Saturday"), and cue words in senses that report nothing: an aspectual "continue" unless its
infinitive is itself a cue ("continued to grow" vs "continued to insist that …"), a verb whose
particle changes its sense ("showed off", "saw off", "pushed the date back"; not "played
down"), an amount as the object of a verb that also trades goods ("posted a profit",
"ordered 30 planes"), goods issued or posted ("issued a recall"; words only: "issued a
warning"), a bare topic of a claim noun that needs a clause ("X's stance on Y", unlike "X's
stance that …"), and an "as" clause with a thing as object ("as Vodafone unveils a phone").

Content bounds: a reported clause keeps a clause the parse joined to its cue when that clause
has a subject and reports nothing itself ("said the pier was safe, but the railings needed
paint"), an infinitive keeps the object that is its subject ("urged the council to act"), an
agentless passive or "appear"/"seem" with a subject that is no person keeps that subject
("voters appeared to turn out": no holder), an object keeps a participle right after it
("warned of the anger brewing in …"), and a clause told before its cue keeps the adverbial
that opens the sentence.

confidence: 0.9 direct, 0.8 partial, 0.75 indirect or authorial, 0.6 belief; minus 0.1 when
the speaker is a resolved pronoun, 0.1 when a quote inherits its speaker from an earlier one,
0.3 when the speaker has no name (an implicit holder, an unresolved speaker).

claim_text excludes the quotation marks of a direct quote; for other kinds it is the reported
clause without a leading complementizer "that" (a "that" subject stays: "that is his
intent"); a content of one word is dropped unless it is a name (not a date) after a verb cue
("endorsed Sanders") or the one backed ("Sanders has the backing of X"). The speaker comes
from the ActorResolver, else from ``speakers.SpeakerFinder``; an unknown speaker stays empty.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.strings import StringStore
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from pipeline.extract import claims_content as spans
from pipeline.extract import claims_syntax as syn
from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims_base import Attribution
from pipeline.extract.claims_quotes import QuoteRoutes
from pipeline.extract.model import ArticleContext, Row, actor_id

__all__ = ["Attribution", "ClaimFinder", "extract_claims", "find_attributions"]


class ClaimFinder(QuoteRoutes):
    """All attributions of one doc: the cue route here, the quote route in claims_quotes."""

    # -- the three routes -----------------------------------------------------------------

    def from_cues(self) -> list[Attribution]:
        found: list[Attribution] = []
        doc = self.doc
        for i in _cue_candidates(doc, self._in_quote):
            t = doc[i]
            if t.text == ":":
                att = self._label(t)
            elif t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                att = self._according(t)
            elif t.lower_ == "in" and (hit := syn.in_finding(t)) is not None:
                att = self._finding(t, *hit)
            elif t.dep_ == "amod" or modifier_slip(t):
                continue  # a participle on a noun ("pledged delegates") reports nothing
            elif (ck := cues.verb_cue(t)) is not None and not cues.particle_sense(t):
                att = self._verb(t, ck)
            elif (nk := cues.noun_cue(t)) is not None:
                att = self._noun(t, nk)
            elif cues.adjective_cue(t):
                att = self._adjective(t)
            elif t.pos_ == "VERB" and spans.that_clause(t):
                att = self._verb(t, cues.SPEECH, person_only=True)
            else:
                continue
            if att is not None:
                found.append(att)
        return found

    def _verb(self, v: Token, kind: str, person_only: bool = False) -> Attribution | None:
        if v.lemma_ in syn.RELAYS and syn.quoted_as(v) is not None:
            return None  # "X quoted Y as saying …": the claim is Y's, cued by "saying"
        content = spans.verb_content(v, kind)
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
        if sp is None and subj is None and not person_only and syn.agentless(v):
            # an agentless passive ("X is expected to …"): the holder stays implicit, and what
            # is expected of X includes X
            content = (syn.passive_subject_start(v, content[0]), content[1])
            return self._shape(*content, kind, v, None, cues.cue_text(v), implicit=True)
        relative = subj is not None and subj.tag_ in ("WDT", "WP")
        thing = subj is not None and subj.lower_ in ("it", "this", "that")
        unnamed = sp is None or (sp.name is None and (thing or not sp.pronoun))
        person = subj is not None and self.speakers.is_person(subj)
        if (
            spans.raising(v)
            and not relative
            and (unnamed or not (person or spans.reports_through(v)))
        ):
            # "the race appears closer", "it seems that …", "voters appeared to turn out": how
            # a thing or group seems, to no one named ("Ann Holt seems to …" is hers)
            if subj is not None and subj.i < v.i and not (thing and subj.lower_ == "it"):
                content = (self.doc[subj.left_edge.i].idx, content[1])
            return self._shape(*content, kind, v, None, cues.cue_text(v), implicit=True)
        if sp is None:
            return None
        aside = spans.interrupted(v) is not None  # the speaker sits inside the content
        return self._shape(*content, kind, v, sp, cues.cue_text(v), aside=aside)

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
        if (pair := syn.backed(n)) is not None:  # "X has the backing of Y": Y backs X
            sp = self._speaker(pair[0])
            if sp is None or self._quoted(pair[0]):
                return None
            att = self._shape(*spans.subtree(pair[1]), kind, n, sp, n.text, name_ok=True)
            return None if att is None else replace(att, noun=True)
        subj = syn.noun_speaker(n, self._quoted)
        content = spans.noun_content(n)
        if subj is None or content is None:
            return None
        sp = self._speaker(subj)
        if sp is None:
            return None
        att = self._shape(*content, kind, n, sp, n.text)
        return None if att is None else replace(att, noun=True)

    def _adjective(self, adj: Token) -> Attribution | None:
        """A stance adjective: "X is critical of Y", "X made it clear that …" (a belief)."""
        content = spans.adjective_content(adj)
        holder = syn.adjective_holder(adj, self._quoted)
        if content is None or holder is None:
            return None
        sp = self._speaker(holder)
        if sp is None:
            return None
        return self._shape(*content, cues.BELIEF, adj, sp, adj.text)

    def _label(self, colon: Token) -> Attribution | None:
        """A speaker label opening a line: a headline "Name: what they said" or a transcript's
        "SMITH: …"; the content runs to the end of the paragraph."""
        head = syn.line_label(colon, self.text)
        _, pe = self._para_of(colon.idx)
        if head is None:  # "Holt: …" with Holt untagged: a known actor, a headline's length
            word = syn.label_word(colon, self.text)
            if word is None or cues.rubric(word):
                return None
            sp = self._speaker(word)
            if sp is None or sp.actor_id is None or sp.name is None:
                return None
            if len(syn.WORD.findall(self.text, colon.idx, pe)) < 5:
                return None  # "Holt: Win in a walk." lists a plan, not words
        else:
            sp = self._speaker(head)
        if sp is None:
            return None
        return self._shape(colon.idx + 1, pe, cues.SPEECH, colon, sp, ":")

    def _finding(self, prep: Token, poll: Token, content: tuple[int, int]) -> Attribution | None:
        """What a poll or study found: "X leads in the latest poll" (the poll is the source)."""
        sp = self._speaker(poll)
        if sp is None:
            return None
        att = self._shape(*content, cues.SPEECH, prep, sp, "in")
        return None if att is None else replace(att, cue_end=poll.idx + len(poll.text))

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
        doc = self.doc
        if left[1] - left[0] >= 3 and any(
            tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" for tok in doc[left[0] : left[1] + 1]
        ):
            a, b = left  # "X leads, according to a poll, …": the clause before the source
        if b < a:
            return None
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


_TRIGGERS = (":", "according", "in", "against")  # words the cue route checks by their form
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The trigger words and every entry of the cue lexicons from_cues checks (verbs are all
    candidates anyway: cues lemmatises some forms itself)."""
    lex = cues.lexicon()
    names = ("speech_verbs", "belief_verbs", "nouns", "belief_nouns", "agent_nouns", "adjectives")
    return frozenset(_TRIGGERS).union(*(lex[name] for name in names))


@lru_cache(maxsize=4)
def _cue_ids(strings: StringStore) -> frozenset[int]:
    return frozenset(strings.add(w) for w in _cue_words())


@lru_cache(maxsize=4)
def _verb_ids(strings: StringStore) -> frozenset[int]:
    return frozenset(strings.add(tag) for tag in _VERB_TAGS)


_LEMMA_HITS: dict[int, bool] = {}  # lemma id -> whether its lower case is among _cue_words


def _cue_candidates(doc: Doc, quoted: list[bool]) -> list[int]:
    """Indices of the unquoted tokens from_cues can act on, in order: every verb form, and
    every token whose lower-case form or lemma (in lower case) is a cue word (one pass)."""
    strings = doc.vocab.strings
    wanted, verb_tags = _cue_ids(strings), _verb_ids(strings)
    found: list[int] = []
    rows = doc.to_array([LEMMA, LOWER, POS, TAG]).tolist()
    for i, (lemma, lower, pos, tag) in enumerate(rows):
        if quoted[i]:
            continue
        if pos in (VERB, AUX) or tag in verb_tags or lower in wanted or _lemma_hit(strings, lemma):
            found.append(i)
    return found


def _lemma_hit(strings: StringStore, lemma: int) -> bool:
    hit = _LEMMA_HITS.get(lemma)
    if hit is None:
        hit = _LEMMA_HITS[lemma] = strings[lemma].lower() in _cue_words()
    return hit


def modifier_slip(t: Token) -> bool:
    """A participle between a number, possessive or article and its noun that the parse took
    for a verb ("leads by 271 pledged delegates", "the party's stated aim")."""
    doc = t.doc
    if t.tag_ not in ("VBN", "VBD") or t.i == 0 or t.i + 1 >= len(doc):
        return False
    before, after = doc[t.i - 1], doc[t.i + 1]
    opening = before.tag_ in ("CD", "POS", "PRP$") or before.lower_ in ("the", "a", "an")
    return opening and after.pos_ == "NOUN" and after.head.i == t.i


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
    if outer.speaker is None and inner.speaker is not None:
        return False  # an implicit holder's claim does not swallow a named one
    if outer.cue == ":":
        return False  # a transcript label's turn keeps the claims made in it
    if inner.start <= outer.cue_start < inner.end and inner.cue_start < outer.cue_start:
        return False  # each inside the other: the one read first stays
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


WRITER = frozenset(["i", "we", "me", "us"])


def _writer_claim(a: Attribution, text: str, ctx: ArticleContext) -> Attribution:
    """A first-person speaker outside quotation marks is the writer: the article's author,
    else its outlet; reported speech and beliefs of the writer are ``authorial``."""
    sp = a.speaker
    if sp is None or not sp.pronoun or text[sp.start : sp.end].lower() not in WRITER:
        return a
    name = ctx.author or ctx.outlet
    role = "author of the article" if ctx.author else "outlet of the article"
    writer = replace(
        sp,
        name=name,
        actor_id=actor_id(name) if name else None,
        description=role if name else None,
    )
    if a.kind not in ("indirect", "belief"):
        return replace(a, speaker=writer)
    return replace(a, speaker=writer, kind="authorial", confidence=0.75 if name else 0.45)


def extract_claims(doc: Doc, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Claims of one article (see Extraction.claims for the row shape)."""
    rows: list[Row] = []
    text = actors.words.doc_text
    for a in find_attributions(doc, actors, text):
        a = _writer_claim(a, text, ctx)
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
