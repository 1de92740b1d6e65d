"""Who is speaking: speaker mentions, names, descriptions and pronouns.

The article's ActorResolver is asked first (canonical names, ids, pronouns). Where it has no
answer, this module falls back on the article itself: the longest earlier PERSON name ending
in the same surname, the title or apposition written next to the name, and for a pronoun the
nearest preceding person (earlier in the same sentence, else the nearest subject of the three
sentences before). A speaker that cannot be found this way is left empty, never guessed.

Mention shapes handled before that:
- a quantified or counted group ("most", "those surveyed", "42%", "many experts and some
  lawmakers", "many of her supporters", "another", "an army of supporters") is its own
  speaker, named as written; the resolver is not asked (it would widen "some Democrats" to
  the party), and a counted thing ("many of the reasons") is no speaker;
- a definite description ("the Supreme Court justice") with no named actor of its own is the
  latest person named earlier with that title, written before the name or in an apposition;
- "they" inside a clause under a plural subject of its own sentence ("the inspectors stayed
  because they said ...") is that group;
- a relative "who" is its clause's noun (also after "and who ...", and the nearer of two
  coordinated names when its verb is singular); "that"/"which" on a text someone released or
  issued ("X released a video that says ...") speaks for its author, "which" otherwise only
  for an organisation's name; a he/his inside a "who" clause is that who;
- a noun with a name in apposition or "named" ("an academic named Eric Kingson") is that
  person, the noun phrase being the description;
- an age standing for a person ("said the 46-year-old") is the person named before, found
  as a pronoun's antecedent; a capitalised surname of the article's people that the parse
  took for a verb or interjection is still that name;
- a possessive his/her/its binds to the subject of its own clause when that can own it ("the
  trust doubled down on its attacks"), "they" to a counted subject ("most say they ..."),
  and a pronoun outside quotation marks never to a name written only inside one; a text
  owned by a pronoun ("according to its findings") is its owner, or no one;
- a dateline the parse took for the subject ("WASHINGTON -- President X, ..., said") gives
  way to its apposition, and a date or time ("said Thursday morning") is no speaker.

Guards on the resolver's answers (worked around here, the resolver being another module's):
he/she/him/her/his only ever resolve to a person actor, and never to a person the article
marks as the other gender (an honorific, a gendered title, a common first name; a surname
borne by people of both genders or of unknown gender has none); a mention whose first name or
peerage title is not among a person actor's names is not merged into it ("Eric Trump" is not
Donald Trump, "Lord Harris" is not Kamala Harris), nor widened to a longer name of the same
surname; an actor named after the dateline ("RANGOON, Burma - the allies" read as Rangoon)
is dropped; a modified plural of a party or people ("Latino Republicans") the resolver
widened to the whole organisation is named as written; a common noun naming an event, thing
or idea ("the decisive victory", see ``cues.non_speaker``) is no speaker.

Word lists and small helpers live in ``speaker_words``; the antecedent search for pronouns
in ``speaker_pronouns``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.model import Actor, actor_id
from pipeline.extract.speaker_pronouns import PronounResolution
from pipeline.extract.speaker_words import (
    FEMALE_WORDS,
    FIRST,
    HONORIFICS,
    MALE_WORDS,
    NAME_LABELS,
    NOT_SPEAKER_ENTS,
    OF_PREPS,
    PEERAGE,
    PERSONAL,
    PLURAL,
    PRONOUN_GROUPS,
    QUANTIFIERS,
    STRIP,
    TEXT_NOUNS,
    TIME_WORDS,
    Headlines,
    author_of,
    clean_name,
    counted_of,
    entity_of,
    gender_of,
    is_age,
    is_plural,
    is_subgroup,
    person_only,
    quoted_tokens,
    same_person,
    title_words,
    written_by,
)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker mention."""

    start: int  # char offsets of the mention as written
    end: int
    name: str | None
    actor_id: str | None
    description: str | None
    pronoun: bool


class SpeakerFinder(PronounResolution):
    """Resolves speaker tokens of one article; built once per doc."""

    def __init__(self, doc: Doc, resolver: ActorResolver, text: str | None = None) -> None:
        self.doc = doc
        headline = Headlines(doc.text if text is None else text)
        self.resolver = resolver
        self.full: dict[str, str] = {}  # surname -> first longest full name
        self.desc: dict[str, str] = {}  # full name -> first description seen
        self.persons: list[Token] = []  # tokens naming a person, in order
        self.titles: list[tuple[int, str, set[str]]] = []  # (token, name, title words)
        genders: dict[str, set[str]] = {}  # surname -> genders the article gives its bearers
        self.mention_gender: dict[int, str] = {}  # token -> gender of an honorific before it
        person_keys: set[str] = set()
        ents = doc.ents
        places = {e.text.lower() for e in ents if e.label_ in ("GPE", "LOC")}
        self.places = places
        self.place_heads = {p.split()[0] for p in places if p}  # first words, a quick test
        for ent in ents:
            if ent.label_ not in ("PERSON", "ORG") or headline(ent[0]):
                continue
            name = clean_name(ent.text)
            words = name.split()
            if not words or not all(t.pos_ == "PROPN" for t in ent if t.text not in ".-'"):
                continue
            if ent.label_ == "ORG" and not 2 <= len(words) <= 3:
                continue
            key = words[-1].lower()
            # "in New Hampshire Sanders said", "a New Hampshire Sanders veteran"
            placed = words[0].lower() in self.place_heads and (
                place_cut(ent, places, after_preposition=ent.label_ != "ORG") > 0
            )
            if len(words) > len(self.full.get(key, "").split()) and not placed:
                self.full[key] = name
            if ent.label_ == "PERSON":
                person_keys.add(key)
                title = title_words(ent)
                gender = gender_of(words, title)
                if gender or len(words) > 1:  # an unknown "Bernie Sanders" leaves it open
                    genders.setdefault(key, set()).add(gender or "?")
                before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                honorific = {before.rstrip("."), words[0].lower().rstrip(".")} & HONORIFICS
                if gender and honorific:
                    self.mention_gender[ent.end - 1] = gender
                if title:
                    self.titles.append((ent.start, name, title))
        self.person_keys = person_keys
        tokens = resolver.words
        self.quoted = quoted_tokens(tokens.text)
        # a surname borne by a man and a woman of the article (a married couple) has no gender
        self.gender = {k: g.pop() for k, g in genders.items() if len(g) == 1 and "?" not in g}
        for i, text in enumerate(tokens.text):
            if text[:1].isupper() and tokens.lower[i] in person_keys and not headline(doc[i]):
                self.persons.append(doc[i])

    # -- mention shapes -------------------------------------------------------------------

    def _phrase(self, head: Token) -> Span:
        """The noun phrase headed by head, without appositions, clauses or trailing commas."""
        drop = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl"}
        right = head.i
        for child in head.rights:
            if child.dep_ in drop or (child.dep_ == "prep" and child.lower_ not in OF_PREPS):
                break
            if child.dep_ in ("npadvmod", "advmod"):
                break
            right = child.right_edge.i
        return self.doc[self._start(head) : right + 1]

    def _whole_name(self, phrase: Span, ent: Span) -> Span:
        """The phrase through the end of a name it stops inside at a coordination ("the
        Organisation for Economic Co-operation and Development"), also where the entity
        itself stops after the "and"."""
        doc = self.doc
        cc = doc[phrase.end] if phrase.end < len(doc) else None
        if cc is None or cc.dep_ != "cc" or not ent.start <= cc.i < ent.end:
            return phrase
        conj = [c for c in cc.head.rights if c.dep_ == "conj" and c.i > cc.i]
        if ent.start < phrase.start or not conj or conj[0].pos_ != "PROPN":
            return phrase
        return doc[phrase.start : max(ent.end, conj[0].right_edge.i + 1)]

    @staticmethod
    def _org_named(head: Token, app: Span) -> bool:
        """An organisation's name in apposition to a subject noun ("the flag carrier Air
        India said"): the organisation speaks."""
        return app.label_ == "ORG" and head.dep_ in ("nsubj", "nsubjpass") and head.tag_ == "NN"

    def _described(self, head: Token) -> int | None:
        """The person a definite description refers back to: the latest person named earlier
        with that title ("Justice Ann Roe" ... "the Supreme Court justice"); a party or
        nationality written in the description must be among the person's own words."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_ or cues.non_speaker(head):
            return None
        dets = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
        if dets not in (["the"], ["this"]):
            return None
        word = head.lemma_.lower()
        marks = {c.lower_ for c in head.lefts if c.ent_type_ in ("NORP", "GPE")}
        for i, _, title in reversed(self.titles):
            if i < head.i and word in title and marks <= title | self._own_words(i):
                return self._root_of(i)
        return None

    def _root_of(self, start: int) -> int:
        ent = entity_of(self.doc[start])
        return ent.root.i if ent is not None else start

    def _own_words(self, start: int) -> set[str]:
        """Words of the sentence that names a person: its party or nationality written there
        ("Sen. Ann Roe (D-Ohio), a Democrat")."""
        return {t.lower_ for t in self.doc[start].sent}

    def _start(self, head: Token) -> int:
        """Where the phrase headed by head starts: not on a quotation mark, nor on a dateline
        the parse hung on it ("RANGOON, Burma - Opposition allies")."""
        doc = self.doc
        start = head.left_edge.i
        first = doc[head.sent.start]
        if first.text.isupper() and len(first.text) >= 3 and start - first.i <= 4:
            dashes = [t.i for t in doc[start : head.i] if t.text in ("-", "--", "—", "–")]
            if dashes:
                start = dashes[0] + 1
        while start < head.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return start

    def _quantified(self, head: Token) -> bool:
        """A quantified or counted group: "most", "those surveyed", "42%", "many experts",
        "half of the delegates", "another"; never a person's name."""
        low = head.lower_
        if head.ent_type_ == "PERSON" or low in self.person_keys:
            return False
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.rights):
            return False  # "one of the men, Jo Elkins, said": a named person
        if low in ("those", "these"):  # "those surveyed", "those who know him"; "those
            # backing the plan" is the cue's own clause
            return any(
                c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN" for c in head.rights
            )
        if low in PRONOUN_GROUPS and head.pos_ in ("PRON", "DET", "ADJ", "ADV", "NOUN", "NUM"):
            return True
        partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if head.pos_ == "NUM" or low in ("%", "percent"):
            return low != "one" or partitive
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        if low in QUANTIFIERS:
            return partitive  # "a number of lawmakers", "the majority of voters"
        if (
            head.pos_ == "NOUN"
            and head.tag_ == "NN"
            and not head.ent_type_
            and is_plural(head)
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        ):
            return True  # "an army of supporters", "a group of rabbis"
        for c in head.lefts:
            word = c.lower_
            if c.dep_ not in ("det", "amod", "nummod", "quantmod", "predet", "advmod"):
                continue
            if word in ("these", "those"):  # "these reasons": pointing, not counting
                continue
            if head.tag_ in ("NNS", "NNPS") and (word in QUANTIFIERS or c.like_num):
                return True
            if word in ("another", "each", "every"):  # "another official", "each candidate"
                return True
        return False

    def _group(self, head: Token) -> Span:
        """A group phrase as written: with its partitive ("many of her supporters"), a short
        participle ("those surveyed"), a relative clause after those/these ("those who
        know him") and coordinated groups ("many experts and some lawmakers")."""
        right = head.i
        for child in head.rights:
            dep = child.dep_
            if dep == "cc":
                continue
            if dep == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                right = self._phrase(objs[0]).end - 1 if objs else child.right_edge.i
            elif (dep == "acl" and child.tag_ == "VBN" and child.right_edge.i - child.i < 4) or (
                dep == "relcl" and head.lower_ in ("those", "these")
            ):
                right = child.right_edge.i
            elif dep == "conj" and child.pos_ in ("NOUN", "PRON", "PROPN", "NUM"):
                if not (child.ent_type_ == "PERSON" or child.lower_ in self.person_keys):
                    right = self._group(child).end - 1
                break
            elif dep in ("nummod", "amod", "compound", "quantmod") or child.text == "%":
                right = child.right_edge.i
            else:
                break
        start = self._start(head)
        opened = sum(t.text in ('"', "“") for t in self.doc[start : right + 1])
        if opened % 2 and right + 1 < len(self.doc) and self.doc[right + 1].text in ('"', "”"):
            right += 1  # 'self-identified "liberals"': the closing mark too
        return self.doc[start : right + 1]

    def _dateline(self, head: Token) -> bool:
        """A capitalised place opening a report ("WASHINGTON -- ...", "RANGOON, Burma - ...")
        that the parse took for the subject."""
        doc = self.doc
        sent = head.sent
        if head.pos_ != "PROPN" or head.i - sent.start > 3 or not head.text.isupper():
            return False
        if len(head.text) < 3 or not all(t.text.isupper() for t in doc[sent.start : head.i + 1]):
            return False
        for t in doc[head.i + 1 : min(head.i + 6, sent.end)]:
            if t.text in ("-", "--", "—", "–"):
                return True
            if not (t.text == "," or t.pos_ == "PROPN"):
                return False
        return False

    def _known_name(self, tok: Token) -> bool:
        """A capitalised word the parse took for a verb or adjective that is the surname of a
        person named in this article ("Trump said" with Trump tagged as a verb)."""
        if tok.pos_ in ("AUX", "PRON", "DET", "ADP") or not tok.text[1:].islower():
            return False  # "Will the plan pass?": a capitalised word, not George Will
        return tok.text[:1].isupper() and tok.lower_ in self.person_keys

    def _aged(self, head: Token) -> Speaker:
        """The person an age noun refers to: the nearest person named before (as a pronoun's
        antecedent); the mention is the age phrase as written."""
        start = self._start(head)
        doc = self.doc
        span = doc[start : head.i + 1]
        ante = self.antecedent(head)
        if ante is None:
            return Speaker(span.start_char, span.end_char, None, None, None, True)
        ent = entity_of(ante)
        name = self.canonical(clean_name(ent.text if ent is not None else ante.text))
        actor = person_only(self.resolver.resolve_token(ante))
        first = span[1:] if span[0].lower_ in ("the", "a", "an", "this") else span
        description = first.text.strip()
        return self._make(span.start_char, span.end_char, name, description or None, actor, True)

    def is_person(self, tok: Token) -> bool:
        """A personal pronoun, a PERSON name or a name known as a person in this article."""
        if tok.lower_ in PERSONAL | PLURAL | FIRST:
            return True
        return tok.ent_type_ == "PERSON" or tok.lower_ in self.person_keys

    def canonical(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        full = self.full.get(words[-1].lower())
        if full and len(full.split()) > len(words) and full.endswith(words[-1]):
            if len(words) > 1 and words[0].lower() not in full.lower().split():
                return name  # "Eric Trump" is not "Donald J. Trump"
            return full
        return name

    @staticmethod
    def _text(head: Token) -> bool:
        """A text, recording or finding someone puts out ("an analysis", "a poll", "audio")."""
        return head.lemma_.lower() in TEXT_NOUNS or cues.medium(head) or cues.finding(head)

    @staticmethod
    def _says(participle: Token) -> bool:
        """A reporting participle, or one leading to a reporting verb ("had no trouble
        breaking with them in endorsing ...")."""
        return any(t.pos_ == "VERB" and cues.verb_cue(t) for t in participle.subtree)

    @staticmethod
    def _object_verb(noun: Token) -> Token | None:
        """The verb a noun is the object of, also through a coordination ("called for a vote,
        and then a second vote, declaring ..." parsed with the noun joined to the verb)."""
        if noun.dep_ == "dobj":
            return noun.head
        if noun.dep_ == "conj" and noun.head.pos_ == "VERB":
            return noun.head
        return None

    def _participle_holder(self, head: Token) -> Token | None:
        """Who speaks through a reporting participle on a verb's object that is no known person
        or group ("the governors took turns rebutting ...", "Roe drew crowds describing ..."):
        the verb's subject, when that is a name, a pronoun or a known actor other than a bare
        plural."""
        verb = self._object_verb(head)
        if head.pos_ != "NOUN" or head.ent_type_ or verb is None:
            return None
        said = [c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBG" and self._says(c)]
        if not said:  # "tweeted a user going by ...": the user
            return None
        if head.lemma_.lower() in MALE_WORDS | FEMALE_WORDS:
            return None
        if self.resolver.resolve_token(head) is not None:
            return None  # "met protesters chanting ...": the protesters
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            return None
        subj = subjects[0]
        bare = not any(c.dep_ in ("det", "poss", "nummod") for c in subj.children)
        if subj.pos_ == "NOUN" and is_plural(subj) and bare:
            return None  # "farmers carried banners demanding ...": the banners
        known = subj.pos_ in ("PROPN", "PRON") or self.resolver.resolve_token(subj) is not None
        return subj if known else None

    def speaker(self, head: Token) -> Speaker | None:
        """The speaker a subject (or agent, or 'according to' object) token refers to."""
        start, end = head.idx, head.idx + len(head.text)
        clause = head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "X, who ... and who said"
            clause = clause.head
        if head.lower_ in ("who", "that", "which") and clause.dep_ == "relcl":
            noun = clause.head  # "X, who said ...": the relative clause's noun
            later = [c for c in noun.conjuncts if noun.i < c.i < head.i]
            if later and head.head.tag_ == "VBZ" or later and head.head.lower_ in ("was", "is"):
                noun = later[-1]  # "Reps. Ann Roe and Tom Hill, who is ...": Hill
            described = predicate_subject(noun)
            if described is not None:  # "X is a liar … who has pledged", "X is among those who"
                noun = described
            found = None
            author = author_of(noun) if head.lower_ != "who" else None
            if author is not None:  # "she issued a statement that said ...": she says it
                found = self.speaker(author)
            elif head.lower_ == "which" and not (noun.pos_ == "PROPN" and noun.ent_type_ == "ORG"):
                return None  # "the plan, which calls for ...": an organisation may speak
            elif noun.i != head.i and noun.pos_ in ("NOUN", "PROPN"):
                found = self.speaker(noun)
            if found is None:
                return Speaker(start, end, None, None, None, True)
            return Speaker(start, end, found.name, found.actor_id, found.description, True)
        holder = self._participle_holder(head)
        if holder is not None:  # "the senator opened a rally blasting ...": the senator
            return self.speaker(holder)
        if self._quantified(head):  # "most said", "42% say", "many experts say"
            counted = counted_of(head)
            if cues.non_speaker(counted):
                return None  # "many of the reasons", "some reports"
            span = self._group(head)
            if counted.lower_ in ("whom", "which") and head.head.dep_ == "relcl":
                found = self.speaker(head.head.head)  # "voters, many of whom say": voters
                if found is None:
                    return None
                return Speaker(
                    span.start_char,
                    span.end_char,
                    found.name,
                    found.actor_id,
                    found.description,
                    True,
                )
            return self._make(
                span.start_char, span.end_char, clean_name(span.text), None, None, False
            )
        if head.lower_ in ("there", "which", "what") or head.pos_ == "DET":
            return None
        if head.ent_type_ in NOT_SPEAKER_ENTS and (head.is_digit or head.lower_ in TIME_WORDS):
            return None  # "said Thursday morning": a time is no speaker
        if self._dateline(head):  # "WASHINGTON -- President Obama, ..., said"
            after = [c for c in head.rights if c.dep_ == "appos"]
            return self.speaker(after[0]) if after else None
        if head.lower_ in ("it", "this", "that"):
            return Speaker(start, end, None, None, None, True)
        if head.lower_ in FIRST or head.lower_ in ("you", "ya", "y'all"):
            return None  # first or second person outside quotes: a transcript, not a report
        if head.pos_ == "PRON" or head.lower_ in PERSONAL | PLURAL:
            return self._pronoun(head)
        if is_age(head):  # "said the 46-year-old": the person named before
            return self._aged(head)
        misread = head.pos_ not in ("NOUN", "PROPN", "NUM") and self._known_name(head)
        if head.pos_ not in ("NOUN", "PROPN", "NUM") and not misread or cues.non_speaker(head):
            return None
        phrase = self._phrase(head)
        by = written_by(head) if self._text(head) else None
        if by is not None:  # "according to an analysis by the Pew Center": the Pew Center
            found = self.speaker(by)
            if found is not None and found.name:
                end = self._phrase(by).end_char
                return Speaker(
                    phrase.start_char, end, found.name, found.actor_id, found.description, False
                )
        owner = [c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
        if owner and head.pos_ == "NOUN" and head.lemma_.lower() in TEXT_NOUNS:
            found = self._pronoun(owner[0])  # "according to its findings": the owner, or no one
            name, aid, desc = found.name, found.actor_id, found.description
            return Speaker(phrase.start_char, phrase.end_char, name, aid, desc, True)
        name_tok, description = head, None
        ent = entity_of(head)
        if ent is None or ent.label_ not in NAME_LABELS:
            for child in head.rights:
                if child.dep_ == "acl" and child.lower_ in ("named", "called"):
                    # "an academic named Eric Kingson": the name
                    child = next((g for g in child.children if g.dep_ in ("oprd", "dobj")), child)
                if child.dep_ in ("appos", "oprd", "dobj") and child.i > head.i:
                    app = entity_of(child)
                    if app is not None and (app.label_ == "PERSON" or self._org_named(head, app)):
                        description = clean_name(self.doc[phrase.start : phrase.end].text)
                        name_tok, ent = child, app
                        phrase = self._phrase(child)
                        break
        else:
            for child in head.rights:
                if child.dep_ == "appos":
                    description = clean_name(
                        self.doc[child.left_edge.i : child.right_edge.i + 1].text
                    )
                    break
        if ent is not None and ent.label_ in NAME_LABELS:
            phrase = self._whole_name(phrase, ent)
            if phrase.end > ent.end:  # the entity stopped after "and": the whole name
                ent = Span(self.doc, ent.start, phrase.end, label=ent.label_)
            span = self.doc[max(ent.start, phrase.start) : min(ent.end, phrase.end)]
            if len(span) == 0:
                span = ent
            placed = place_cut(span, self.places) if span[0].lower_ in self.place_heads else 0
            known = self.full.get(span[-1].lower_, "")  # "Ann Holt", named elsewhere
            if placed and span[-1].lower_ in self.person_keys and len(known.split()) > 1:
                span = span[placed:]
                phrase = self.doc[span.start : max(phrase.end, span.end)]
            title = self.doc[phrase.start : span.start]
            title_words = [t for t in title if t.pos_ in ("PROPN", "NOUN", "ADJ")]
            if title_words and description is None and ent.label_ == "PERSON":
                description = clean_name(title.text)
                if description.lower().rstrip(".") in HONORIFICS:
                    description = None
            peer = any(t.lower_.rstrip(".") in PEERAGE for t in title)
            name = clean_name(span.text) if peer else self.canonical(clean_name(span.text))
        else:
            span = phrase
            name = clean_name(phrase.text)
            if head.pos_ == "PROPN" or misread:
                name = self.canonical(name)
        actor = self.resolver.resolve_span(phrase) or self.resolver.resolve_token(name_tok)
        if actor is not None and not same_person(self.doc[phrase.start : phrase.end], actor):
            actor = None
        if actor is not None and actor.name.split()[-1:] in (["and"], ["&"]):
            actor = None  # a name the entity cut after its "and"
        if actor is not None and is_subgroup(head, phrase, actor):
            kept = [t for t in phrase if not (t.i < head.i and t.dep_ in ("advmod", "cc"))]
            name = clean_name(self.doc[kept[0].i : phrase.end].text)
            actor = None  # "Latino Republicans": part of the party, not the party
        cut = {t.text for t in self.doc[head.left_edge.i : phrase.start] if t.is_alpha}
        opening = self.doc[head.sent.start]
        if opening.is_upper and opening.is_alpha and len(opening) >= 3 and opening.i < phrase.start:
            cut.add(opening.text)  # "RANGOON, Burma - the allies": the appositive route
        if actor is not None and cut & set(actor.name.split()):
            actor = None  # the resolver read the dateline into the name ("RANGOON")
        generic = actor is None or not self.resolver.is_named(actor)
        if ent is None and generic and (actor is None or actor.actor_type == "person"):
            named = self._described(head)
            if named is not None:  # "the Supreme Court justice" after "Justice Ann Roe"
                root = self.doc[named]
                named_ent = entity_of(root)
                name = self.canonical(clean_name((named_ent or root).text))
                actor = person_only(self.resolver.resolve_token(root))
                description = clean_name(self.doc[phrase.start : phrase.end].text)
                words = description.split()
                if words and words[0].lower() in ("the", "this"):
                    description = " ".join(words[1:])
        return self._make(phrase.start_char, phrase.end_char, name, description, actor, False)

    def _make(
        self,
        start: int,
        end: int,
        name: str | None,
        description: str | None,
        actor: Actor | None,
        pronoun: bool,
    ) -> Speaker:
        aid: str | None
        if actor is not None:  # the resolver's canonical actor wins
            aid, name = actor.actor_id, actor.name
            description = description or actor.description
        else:
            aid = actor_id(name) if name else None
        if name and description:  # "Chair Debbie" + "Debbie Wasserman Schultz": no name in titles
            for word in name.split()[:-1]:
                if description.endswith(" " + word):
                    description = description[: -len(word) - 1].strip(STRIP)
                    break
        if description:  # "Manchester United manager Sir": the honorific is not a title
            words = description.split()
            while words and words[-1].lower().rstrip(".") in HONORIFICS:
                words.pop()
            description = " ".join(words) or None
        if name and description:
            self.desc.setdefault(name, description)
        elif name:
            description = self.desc.get(name)
        return Speaker(start, end, name or None, aid, description or None, pronoun)

    def _pronoun(self, tok: Token) -> Speaker:
        start, end = tok.idx, tok.idx + len(tok.text)
        group = self._plural_subject(tok) if tok.lower_ in ("they", "them", "their") else None
        if group is not None:  # "the fact-checkers are so sure that they ...": that group
            found = self.speaker(group)
            if found is not None and found.name:
                return Speaker(start, end, found.name, found.actor_id, found.description, True)
        owner = self._possessor(tok)
        if owner is not None:  # "the campaign doubled down on its attacks": the campaign
            found = self.speaker(owner)
            if found is not None and found.name:
                return Speaker(start, end, found.name, found.actor_id, found.description, True)
        rel = self._relative_subject(tok) if tok.lower_ in PERSONAL else None
        if rel is not None:  # "the former president, who spent his speech ...": him
            found = self.speaker(rel)
            if found is not None and found.name:
                return Speaker(start, end, found.name, found.actor_id, found.description, True)
        near = self._same_sentence_person(tok) if tok.lower_ in PERSONAL else None
        if near is not None:  # a person named earlier in the same sentence comes first
            ent = entity_of(near)
            name = self.canonical(clean_name(ent.text if ent is not None else near.text))
            actor = person_only(self.resolver.resolve_token(near))
            return self._make(start, end, name, None, actor, True)
        actor = self.resolver.resolve_token(tok)
        if tok.lower_ in PERSONAL:
            actor = person_only(actor)
            if actor is not None and not self._fits(tok, self._actor_gender(actor)):
                actor = None  # "she" is not the Tom the resolver found
        if actor is not None:
            return self._make(start, end, actor.name, None, actor, True)
        if tok.lower_ not in PERSONAL:
            return Speaker(start, end, None, None, None, True)
        ante = self.antecedent(tok)
        if ante is None:
            return Speaker(start, end, None, None, None, True)
        ent = entity_of(ante)
        name = self.canonical(clean_name(ent.text if ent is not None else ante.text))
        return self._make(start, end, name, None, None, True)


def place_cut(span: Span, places: set[str], after_preposition: bool = True) -> int:
    """How many leading words of a name are a place the entity ran into it, after a
    preposition unless told otherwise ("in New Hampshire Holt said": 2), else 0."""
    if after_preposition and (span.start == 0 or span.doc[span.start - 1].pos_ != "ADP"):
        return 0
    for n in range(len(span) - 1, 0, -1):
        rest = span[n:]
        if span[:n].text.lower() in places and all(t.pos_ == "PROPN" for t in rest):
            return n
    return 0


def predicate_subject(noun: Token) -> Token | None:
    """The subject a predicate noun (or a list of them) describes: "X is a liar, birther …",
    "X is among those …"."""
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    verb = first.head
    if first.dep_ == "pobj" and verb.lower_ == "among":
        first, verb = verb, verb.head
    elif first.dep_ != "attr":
        return None
    if verb.lemma_ != "be":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        while verb.dep_ == "conj" and verb.head.i < verb.i:  # "X incites … and is a liar"
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in ("it", "this", "that", "there"):
        return None  # "it was the mayor who said …": the mayor
    return subjects[0]
