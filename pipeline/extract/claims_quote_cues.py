"""Cues next to a quotation: the verbs before and after a quote that say who is speaking
(a listed speech verb in the quote's short tail, an unlisted verb of a person, a text that
reads, an inverted "asked the driver", a participle) and the subjects they take. Part of
the quote route (``claims_quotes``)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.extract import claims_syntax as syn
from pipeline.extract import cues
from pipeline.extract.claims_base import FinderBase
from pipeline.extract.quotes import Quote

UNLINKED = 200  # chars: how much farther a cue may be when the quote is in its clause
TAIL_WORDS = 8  # tokens after a quote that may hold its attribution
TITLE_WORDS = 6  # words of a title in quotation marks ("Parks and Recreation")
TITLE_SMALL = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at"])
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
FINITE = ("VBD", "VBZ", "VBP")
LEAD_WORDS = 8  # words of a short sentence that introduces the next quote ("Holt agreed.")
ASIDE = 28  # tokens of an aside between commas in such a tail
DASH = re.compile(r"\s[-—–]+\s*")
HEADING = re.compile(r"\s[-—–]+\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,4}\s*:\s*$")
BYLINE_WORDS = 12  # words of a signature line under a quote ("- Jones, a voter.")
READS = frozenset(["read", "reads"])  # "…,” the sign read.": what a text says
READ_VERBS = frozenset(["read", "say", "state"])  # "the sign read “…”": a text speaks


class QuoteCues(FinderBase):
    """Finding the cue and subject of one quote from the words around it."""

    def _stop(self, q: Quote) -> str:
        """The punctuation that ends quote q: its last character and closing marks, past a
        nested quote's closing mark ('…help?’”' ends with '?')."""
        end = q.end
        while end > q.start and self.text[end - 1] in "’'\"”":
            end -= 1
        return self.text[end - 1 : q.close]

    def _before(self, q: Quote) -> str:
        """The text of q's paragraph before its opening mark, trailing spaces cut (and the
        first character of a two-character opening mark, ``''`` or two backquotes)."""
        ps, _ = self._para_of(q.open)
        end = q.open
        if end > ps and self.text[end] in "'`" and self.text[end - 1] == self.text[end]:
            end -= 1
        return self.text[ps:end].rstrip()

    def _subject(self, v: Token) -> Token | None:
        """The cue's subject; also when the parser took a past tense for a bare participle
        ("X interjected: …", "X interjected to say: …" with interjected tagged VBN) or the
        subject of "as X put it" for the object of "as", the subject of the clause a
        participle hangs on (", telling reporters, “…”"), or a name right before a finite
        verb the parse left without a subject."""
        found = self._clause_before(v) or syn.subject(v, skip=self._quoted)
        if found is not None and found.pos_ == "ADP":  # "Of Roe, Holt said" with "Of" the subject
            objs = [c for c in found.children if c.dep_ == "pobj"]
            return objs[-1] if objs else None
        if found is not None:
            return found
        for mark in v.children:  # "As X put it, …" with X parsed as the object of "as"
            if mark.dep_ in ("mark", "prep") and mark.lower_ == "as" and mark.i < v.i:
                objs = [g for g in mark.children if g.dep_ == "pobj" and not self._quoted(g)]
                if objs:
                    return objs[0]
        if v.tag_ == "VBG" and v.dep_ == "advcl":  # "X didn't seem pleased, telling them, …"
            head = v.head
            for _ in range(3):
                subjects = [c for c in head.children if c.dep_ == "nsubj"]
                if subjects:
                    found = subjects[-1]
                    return found if self.speakers.is_person(found) else None
                if head.head.i == head.i:
                    break
                head = head.head
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in v.children) or v.tag_ not in FINITE:
            return self._participle_subject(v)
        doc = self.doc
        prev = doc[v.i - 1] if v.i > 0 else None
        if prev is not None and prev.text == "," and v.i > 1:
            prev = doc[v.i - 2]  # "In a statement, her adviser, Ann Holt, said: …"
        if prev is not None and prev.text == ")":
            prev = self._before_brackets(prev)  # "Sen. Ann Holt (D-Ohio) said …"
        if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "ORG"):
            return None if self._quoted(prev) else prev
        if prev is not None and prev.pos_ == "NOUN" and prev.dep_ == "appos":
            return None if self._quoted(prev) else prev  # "…, the party's nominee stated …"
        if doc[v.i - 1].text != ",":
            return None
        for t in reversed(doc[max(v.sent.start, v.i - ASIDE) : v.i - 1]):  # "X, a title, said"
            if t.pos_ in ("VERB", "AUX") or self._quoted(t):
                return None
            if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and doc[t.i + 1].text == ",":
                return t
        return None

    def _before_brackets(self, close: Token) -> Token | None:
        """The token before the short parenthesis that close ends."""
        for t in reversed(self.doc[max(0, close.i - 8) : close.i]):
            if t.text == "(":
                return self.doc[t.i - 1] if t.i > 0 else None
        return None

    def _is_person(self, tok: Token) -> bool:
        """A person, or a noun a person's name stands beside ("one supporter, Ann Holt, …")."""
        return self.speakers.is_person(tok) or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children
        )

    def _clause_before(self, v: Token) -> Token | None:
        """For a participle after a comma (", shouting “…”"), the people of the clause right
        before it when that is not the one it hangs on ("…, when protesters interrupted her,
        shouting “…”": the protesters shout)."""
        if v.tag_ != "VBG" or v.dep_ != "advcl" or v.i == 0 or self.doc[v.i - 1].text != ",":
            return None
        for t in reversed(self.doc[v.sent.start : v.i]):
            if t.i == v.head.i:
                return None
            if t.pos_ == "VERB" and t.tag_ in FINITE and t.dep_ in ("relcl", "advcl", "conj"):
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                return subj if subj is not None and self._speaks(subj) else None
        return None

    def _speaks(self, subj: Token) -> bool:
        """A person or people ("his friends", "protesters")."""
        people = subj.pos_ == "NOUN" and subj.tag_ == "NNS" and not cues.non_speaker(subj)
        return self._is_person(subj) or people

    def _participle_subject(self, v: Token) -> Token | None:
        """The subject of a past tense the parser tagged as a bare participle."""
        head = v
        while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
            head = head.head
        if head.tag_ != "VBN" or head.dep_ != "ROOT":
            return None
        if any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in head.children):
            return None
        subjects = [c for c in head.children if c.dep_ == "nsubj" and not self._quoted(c)]
        return subjects[-1] if subjects else None

    def _inverted_subject(self, v: Token, q: Quote) -> Token | None:
        """The speaker after a cue that directly follows the quote, parsed as its object
        ("…?” asked the boy."): the noun right after the verb."""
        doc = self.doc
        between = self.text[q.close : v.idx]
        if v.idx < q.close or between.strip(" ,\u00a0") or v.tag_ == "VBG":
            return None  # "…,” referencing the vote": a participle's object speaks not
        for t in doc[v.i + 1 : v.i + 6]:
            if self._quoted(t) or t.is_space:
                return None
            if t.pos_ in ("DET", "ADJ", "NUM"):
                continue
            if t.pos_ not in ("PROPN", "NOUN"):
                return None
            head = nominal_head(t)
            return head if self._speaker(head) is not None else None
        return None

    def _has_object(self, v: Token) -> bool:
        """Whether verb v has an object or clause outside the quotes (the quote itself, parsed
        as its complement, does not count)."""
        return any(c.dep_ in ("dobj", "ccomp") and not self._quoted(c) for c in v.children)

    def _lead_verb(self, q: Quote) -> tuple[int, Token, Token] | None:
        """An unlisted verb right before the quote whose clause the quote ends: after a comma
        or colon with a person or people as subject ("X shot back, “…”"), or a verb of
        writing with any subject, which names a text ("the sign read “…”")."""
        doc = self.doc
        ps, _ = self._para_of(q.open)
        before = self._before(q)
        mark = before.endswith((",", ":"))
        if mark:
            before = before[:-1].rstrip()
        if not before or not (before[-1].isalpha() or before[-1] in ".'’"):
            return None
        span = doc.char_span(ps, ps + len(before), alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        v = span[-1]
        while v.dep_ in ("prt", "advmod") and v.head.i < v.i and v.i - v.head.i <= 2:
            v = v.head  # "shot back", "said simply"
        if v.pos_ != "VERB" or self._quoted(v) or self._has_object(v):
            return None
        if v.tag_ in ("VBG", "VBN") and v.dep_ != "ROOT" or v.dep_ in ("amod", "acl", "relcl"):
            return None
        after = self.text[q.close : self._para_of(q.open)[1]].lstrip(" ,")
        if after and after[0] not in ".!?—–-)" and not after[:1].isupper():
            return None  # the sentence goes on: the quote is not what the verb introduces
        subj = self._subject(v)
        if subj is None:
            return None
        speaks = self._speaks(subj)  # "his friends jeered, “…”"
        if v.lemma_.lower() not in READ_VERBS and not (mark and speaks):
            return None
        return (q.open - v.idx, v, subj)

    def _tail_verb(self, q: Quote) -> tuple[int, Token, Token] | None:
        """An unlisted verb in the short attribution tail of a quote ending with a comma, ! or ?
        ("…!” beamed X.", "…,” X gushed."): the tail is the sentence's last few words."""
        if not any(ch in self._stop(q) for ch in ",!?"):
            return None
        tail = self.doc.char_span(q.close, self._para_of(q.start)[1], alignment_mode="expand")
        if tail is None:
            return None
        if self.text[q.close : tail.end_char].lstrip()[:1] in "—–-(":
            return None  # "— “…” — the crowd roared": the quote is an aside
        for t in tail[:TAIL_WORDS]:
            if t.idx < q.close or t.is_space:
                continue
            if self._quoted(t) or t.text in ('"', "“", "”", "''", ";"):
                return None
            if t.text in (".", "!", "?"):
                return None
            if t.pos_ == "VERB" and not self._has_object(t):
                subj = self._subject(t)
                end = t.right_edge.i + 1
                while end > t.i + 1 and self.doc[end - 1].is_space:
                    end -= 1  # the paragraph break hangs on the sentence's last token
                closes = (
                    end >= len(self.doc)
                    or self.doc[end].text in (".", "\n")
                    or (self.doc[end].is_space)
                    or self.doc[end - 1].text in (".", "!", "?")  # the stop is the verb's own
                )
                if subj is not None and closes:
                    return (t.idx - q.close, t, subj)
        return None

    def _tail_read(self, q: Quote) -> tuple[int, Token, Token] | None:
        """A text as the speaker in the tail of a quote ending with a comma, ! or ?, whatever
        the parse made of "read" ("…,” the email read.", "…,” read the statement.")."""
        if not any(ch in self._stop(q) for ch in ",!?"):
            return None
        tail = self.doc.char_span(q.close, self._para_of(q.start)[1], alignment_mode="expand")
        if tail is None:
            return None
        words = [t for t in tail[:TAIL_WORDS] if t.idx >= q.close and not t.is_space]
        for n, v in enumerate(words):
            if self._quoted(v) or v.pos_ in ("PUNCT", "VERB", "AUX") and v.lower_ not in READS:
                return None
            if v.lower_ not in READS:
                continue
            pool = words[:n] if n else words[1:4]
            names = [t for t in pool if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
            if not names:
                return None
            subj = nominal_head(names[-1] if n else names[0])
            return (v.idx - q.close, v, subj) if self._speaker(subj) is not None else None
        return None

    def _period_tail(self, q: Quote) -> tuple[int, Token, Token] | None:
        """A bare attribution after a quote that ends with a full stop, a slip for a comma
        ('“….” Jones said.'): a name or pronoun and a speech verb close the sentence."""
        if self._stop(q)[:1] != ".":
            return None
        tail = self.doc.char_span(q.close, self._para_of(q.start)[1], alignment_mode="expand")
        if tail is None:
            return None
        words = [t for t in tail[:8] if t.idx >= q.close and not t.is_space]
        stop = next((n for n, t in enumerate(words) if t.text in (".", "!", "?")), -1)
        if not 2 <= stop <= 4:
            return None
        verb, names = words[stop - 1], words[: stop - 1]
        if cues.verb_cue(verb) != cues.SPEECH or self._quoted(verb):
            return None
        if not (
            all(t.pos_ == "PROPN" for t in names) or (len(names) == 1 and names[0].pos_ == "PRON")
        ):
            return None
        subj = nominal_head(names[-1])
        return (verb.idx - q.close, verb, subj) if self._speaker(subj) is not None else None

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
        right after it ("…,” said Jones."). An aside set off by commas after the name is
        skipped ("…,” Jones, wearing a “Vote” pin, said."). A speech verb tagged as a noun counts
        ("…,” the Saudis state in the report.")."""
        if not any(ch in self._stop(q) for ch in ",!?"):
            return None
        tail = self.doc.char_span(q.close, self._para_of(q.start)[1], alignment_mode="expand")
        if tail is None:
            return None
        words = [t for t in tail[: TAIL_WORDS + 4 + ASIDE] if t.idx >= q.close and not t.is_space]
        kept: list[Token] = []
        aside = 0  # tokens left to the aside's closing comma
        for v in words:
            if aside:
                aside = 0 if v.text == "," else aside - 1
                if v.text == "," or aside:
                    continue
                return None  # no closing comma: not an aside
            if len(kept) >= TAIL_WORDS + 4:
                return None
            if self._quoted(v) or v.text in ('"', "“", "”", "''", ";", ".", "!", "?", ":"):
                return None
            if v.text == "," and any(t.pos_ == "PROPN" for t in kept):
                nxt = v.i + 1 < len(self.doc) and self.doc[v.i + 1]
                if nxt and (nxt.tag_ == "VBG" or nxt.pos_ in ("ADP", "PRON", "DET")):
                    aside = ASIDE  # ", wearing …,": ", who …,": ", a …,"
                    continue
            if cues.verb_cue(v) != cues.SPEECH and not self._noun_slip(v, kept):
                if v.pos_ in ("VERB", "AUX"):
                    return None  # another clause comes first
                kept.append(v)
                continue
            pool = kept if kept else words[len(kept) + 1 : len(kept) + 4]
            names = [t for t in pool if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if not names:
                return None
            subj = nominal_head(names[0])
            if subj.i == v.i:  # "the Saudis state": the slip made the name its compound
                subj = names[-1]
            if self._speaker(subj) is None:
                return None
            return (v.idx - q.close, v, subj)
        return None

    def _noun_slip(self, v: Token, kept: list[Token]) -> bool:
        """A speech verb the tagger took for a noun after its subject, closing the tail or
        followed by a preposition ("…,” the Saudis state in the report.")."""
        if v.pos_ != "NOUN" or not kept or kept[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
            return False
        words = cues.lexicon()["speech_verbs"]
        if v.lower_ not in words and not (v.lower_.endswith("s") and v.lower_[:-1] in words):
            return False
        nxt = self.doc[v.i + 1] if v.i + 1 < len(self.doc) else None
        return nxt is None or nxt.text in (".", "!", "?") or nxt.pos_ == "ADP"


def nominal_head(t: Token) -> Token:
    """The head noun of a compound name ("Texas delegate Bill Eastland": Eastland)."""
    while t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.pos_ in ("PROPN", "NOUN"):
        t = t.head
    return t


def put_it(v: Token) -> bool:
    """ "as X put it, “…”": put with the object it is a cue of saying."""
    return v.lemma_.lower() == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in v.children
    )
