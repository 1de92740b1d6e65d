"""Pronoun antecedents for speakers: the group a "they" stands for, the subject a possessive
binds to, the "who" a he/his belongs to, gender agreement, and the nearest earlier person
(outside quotation marks for a pronoun outside them)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.extract.model import Actor
from pipeline.extract.speaker_words import PERSONAL, PLURAL, gender_of, is_plural


class PronounResolution:
    """Antecedent search over one doc's person mentions (mixed into SpeakerFinder)."""

    doc: Doc
    persons: list[Token]
    gender: dict[str, str]
    mention_gender: dict[int, str]
    quoted: set[int]  # tokens inside quotation marks
    person_keys: set[str]

    def _quantified(self, head: Token) -> bool:  # a counted group ("most"): SpeakerFinder's
        raise NotImplementedError

    def _plural_subject(self, tok: Token) -> Token | None:
        """The group a "they" inside its own clause refers to: a plural subject of a verb above
        the pronoun ("the checkers are so sure that they ...") or a counted group ("most say
        they ..."), or a plural noun the pronoun's
        clause modifies ("an army of supporters planning what they call ...")."""
        prev = tok
        for anc in tok.ancestors:
            if anc.pos_ in ("NOUN", "PROPN") and anc.i < tok.i and prev.dep_ in ("acl", "relcl"):
                return anc if is_plural(anc) else None
            prev = anc
            for child in anc.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i and child.i != tok.i:
                    if child.pos_ in ("NOUN", "PROPN") and is_plural(child):
                        return child
                    if child.lower_ not in PLURAL and self._quantified(child):
                        return child  # "most say they ...": that group
                    if child.pos_ != "PRON" or child.lower_ not in PLURAL:
                        return None  # the nearest subject above is someone else
        return None

    def _possessor(self, tok: Token) -> Token | None:
        """The subject a possessive his/her/its binds to in its own clause ("Ann Roe shared her
        belief", "the campaign doubled down on its attacks"): the nearest subject above the
        pronoun, when it is a name or noun that can own it (a person agreeing in gender for
        his/her, a singular non-person for its)."""
        if tok.dep_ != "poss" or tok.lower_ not in ("his", "her", "its"):
            return None
        for anc in tok.ancestors:
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            if not subjects:
                continue
            subj = subjects[0]
            if subj.pos_ not in ("PROPN", "NOUN") or is_plural(subj):
                return None
            known = subj.ent_type_ == "PERSON" or subj.lower_ in self.person_keys
            if tok.lower_ == "its":
                return None if known or subj.ent_type_ in ("NORP", "GPE") else subj
            lone = subj.ent_type_ in ("ORG", "") and not any(
                c.dep_ == "compound" for c in subj.lefts
            )
            if subj.pos_ == "PROPN" and (known or lone) and self._fits(tok, self._gender(subj)):
                return subj
            return None
        return None

    @staticmethod
    def _relative_subject(tok: Token) -> Token | None:
        """The "who" a he/his belongs to when it is the subject of the pronoun's own relative
        clause ("X, who spent much of his speech defending ...")."""
        for anc in tok.ancestors:
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            if subjects:
                subj = subjects[0]
                return subj if subj.lower_ == "who" and anc.dep_ == "relcl" else None
        return None

    def _gender(self, tok: Token) -> str | None:
        """The gender the article gives a name token: an honorific before it, else its surname's."""
        return self.mention_gender.get(tok.i) or self.gender.get(tok.lower_)

    def _actor_gender(self, actor: Actor) -> str | None:
        words = actor.name.split()
        if not words:
            return None
        first = gender_of(words, set()) if len(words) > 1 else None
        return first or self.gender.get(words[-1].lower())

    @staticmethod
    def _fits(pron: Token, gender: str | None) -> bool:
        if gender is None or pron.lower_ not in PERSONAL:
            return True
        return gender == ("f" if pron.lower_ in ("she", "her") else "m")

    def _candidates(self, tok: Token) -> list[Token]:
        """Persons named before tok that agree with it; a pronoun outside quotation marks
        never takes a name written only inside a quotation (the quoted speaker's words)."""
        outside = tok.i not in self.quoted
        return [
            p
            for p in self.persons
            if p.i < tok.i
            and self._fits(tok, self._gender(p))
            and not (outside and p.i in self.quoted)
        ]

    def _same_sentence_person(self, tok: Token) -> Token | None:
        sent_start = tok.sent.start
        same = [p for p in self._candidates(tok) if p.i >= sent_start]
        subjects = [p for p in same if p.dep_ in ("nsubj", "nsubjpass")]
        return subjects[-1] if subjects else same[-1] if same else None

    def antecedent(self, tok: Token) -> Token | None:
        """Nearest earlier person: same sentence first, else a subject of 3 sentences before;
        names inside quotation marks only for a pronoun inside one."""
        sent = tok.sent
        before = self._candidates(tok)
        same = [p for p in before if p.i >= sent.start]
        same_subjects = [p for p in same if p.dep_ in ("nsubj", "nsubjpass")]
        if same_subjects:
            return same_subjects[-1]
        if same:
            return same[-1]
        window_start = sent.start
        for _ in range(3):
            if window_start == 0:
                break
            window_start = self.doc[window_start - 1].sent.start
        recent = [p for p in before if p.i >= window_start]
        subjects = [p for p in recent if p.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[-1]
        return recent[-1] if recent else None
