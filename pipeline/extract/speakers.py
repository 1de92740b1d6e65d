"""Who is speaking: speaker mentions, names, descriptions and pronouns.

The article's ActorResolver is asked first (canonical names, ids, pronouns). Where it has no
answer, this module falls back on the article itself: the longest earlier PERSON name ending
in the same surname, the title or apposition written next to the name, and for a pronoun the
nearest preceding person (earlier in the same sentence, else the nearest subject of the three
sentences before). A speaker that cannot be found this way is left empty, never guessed.

Guards on the resolver's answers (worked around here, the resolver being another module's):
he/she/him/her/his only ever resolve to a person actor; a mention whose first name or
peerage title is not among a person actor's names is not merged into it ("Eric Trump" is not
Donald Trump, "Lord Harris" is not Kamala Harris), nor widened to a longer name of the same
surname; a common noun naming an event, thing or idea ("the decisive victory", see
``cues.non_speaker``) is no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract import cues
from pipeline.extract.actors import ActorResolver
from pipeline.extract.model import Actor, actor_id

PERSONAL = {"he", "she", "him", "her", "his"}
PLURAL = {"they", "them", "we", "us", "their"}
FIRST = {"i", "me", "we", "us"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mister", "madam", "sir", "dame", "lord", "lady"}
PEERAGE = {"sir", "dame", "lord", "lady", "baroness", "baron", "earl", "duke", "duchess"}
_OF_PREPS = {"of", "for", "at", "from", "to", "with"}
_STRIP = " ,;:—–-()[]\u00a0"


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker mention."""

    start: int  # char offsets of the mention as written
    end: int
    name: str | None
    actor_id: str | None
    description: str | None
    pronoun: bool


def _clean(text: str) -> str:
    text = text.strip().split("\n", 1)[0].strip(_STRIP)
    if text.lower().endswith("'s") or text.lower().endswith("’s"):
        text = text[:-2]
    return text.strip(_STRIP)


class _Headlines:
    """Which lines of a text are Title Case headlines (NER is unreliable there); cached."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[int, bool] = {}

    def __call__(self, token: Token) -> bool:
        text = self.text
        a = text.rfind("\n", 0, token.idx) + 1
        if a not in self.cache:
            b = text.find("\n", token.idx)
            words = [w for w in text[a : b if b >= 0 else len(text)].split() if w[:1].isalpha()]
            caps = sum(w[0].isupper() for w in words)
            self.cache[a] = len(words) >= 4 and caps / len(words) > 0.7
        return self.cache[a]


def _ent(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _person_only(actor: Actor | None) -> Actor | None:
    """He, she, him, her and his refer to people: never to an organisation or a country."""
    return actor if actor is None or actor.actor_type == "person" else None


def _same_person(phrase: Span, actor: Actor) -> bool:
    """Whether a dictionary merge of the mention into a person actor is safe: a first name or a
    peerage title written in the mention must be in the actor's names ("Eric Trump" is not
    Donald Trump, "Lord Harris" is not Kamala Harris)."""
    if actor.actor_type != "person":
        return True
    known = {w.lower().strip(".,") for n in (actor.name, *actor.aliases) for w in n.split()}
    known |= {w.lower() for w in (actor.description or "").split()}
    words = [t for t in phrase if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if any(t.lower_.rstrip(".") in PEERAGE and t.lower_.rstrip(".") not in known for t in phrase):
        return False
    if len(words) >= 2 and words[-1].lower_ in known:
        first = [t for t in words[:-1] if t.lower_.rstrip(".") not in HONORIFICS | PEERAGE]
        if first and len(first[0].text) > 2 and first[0].lower_ not in known:
            return False
    return True


class SpeakerFinder:
    """Resolves speaker tokens of one article; built once per doc."""

    def __init__(self, doc: Doc, resolver: ActorResolver, text: str | None = None) -> None:
        self.doc = doc
        headline = _Headlines(doc.text if text is None else text)
        self.resolver = resolver
        self.full: dict[str, str] = {}  # surname -> first longest full name
        self.desc: dict[str, str] = {}  # full name -> first description seen
        self.persons: list[Token] = []  # tokens naming a person, in order
        person_keys: set[str] = set()
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG") or headline(ent[0]):
                continue
            name = _clean(ent.text)
            words = name.split()
            if not words or not all(t.pos_ == "PROPN" for t in ent if t.text not in ".-'"):
                continue
            if ent.label_ == "ORG" and not 2 <= len(words) <= 3:
                continue
            key = words[-1].lower()
            if len(words) > len(self.full.get(key, "").split()):
                self.full[key] = name
            if ent.label_ == "PERSON":
                person_keys.add(key)
        self.person_keys = person_keys
        for t in doc:
            if t.lower_ in person_keys and t.text[:1].isupper() and not headline(t):
                self.persons.append(t)

    # -- mention shapes -------------------------------------------------------------------

    def _phrase(self, head: Token) -> Span:
        """The noun phrase headed by head, without appositions, clauses or trailing commas."""
        drop = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl"}
        right = head.i
        for child in head.rights:
            if child.dep_ in drop or (child.dep_ == "prep" and child.lower_ not in _OF_PREPS):
                break
            if child.dep_ in ("npadvmod", "advmod"):
                break
            right = child.right_edge.i
        return self.doc[head.left_edge.i : right + 1]

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

    def speaker(self, head: Token) -> Speaker | None:
        """The speaker a subject (or agent, or 'according to' object) token refers to."""
        start, end = head.idx, head.idx + len(head.text)
        if head.lower_ in ("who", "that") and head.head.dep_ == "relcl":
            noun = head.head.head  # "X, who said ...": the relative clause's noun
            found = None
            if noun.i != head.i and noun.pos_ in ("NOUN", "PROPN"):
                found = self.speaker(noun)
            if found is None:
                return Speaker(start, end, None, None, None, True)
            return Speaker(start, end, found.name, found.actor_id, found.description, True)
        if head.lower_ in ("there", "which", "what") or head.pos_ == "DET":
            return None
        if head.lower_ in ("it", "this", "that"):
            return Speaker(start, end, None, None, None, True)
        if head.lower_ in FIRST or head.lower_ in ("you", "ya", "y'all"):
            return None  # first or second person outside quotes: a transcript, not a report
        if head.pos_ == "PRON" or head.lower_ in PERSONAL | PLURAL:
            return self._pronoun(head)
        if head.pos_ not in ("NOUN", "PROPN", "NUM") or cues.non_speaker(head):
            return None
        phrase = self._phrase(head)
        name_tok, description = head, None
        ent = _ent(head)
        if ent is None or ent.label_ not in NAME_LABELS:
            for child in head.rights:
                if child.dep_ == "appos":
                    app = _ent(child)
                    if app is not None and app.label_ == "PERSON":
                        description = _clean(self.doc[phrase.start : phrase.end].text)
                        name_tok, ent = child, app
                        phrase = self._phrase(child)
                        break
        else:
            for child in head.rights:
                if child.dep_ == "appos":
                    description = _clean(self.doc[child.left_edge.i : child.right_edge.i + 1].text)
                    break
        if ent is not None and ent.label_ in NAME_LABELS:
            span = self.doc[max(ent.start, phrase.start) : min(ent.end, phrase.end)]
            if len(span) == 0:
                span = ent
            title = self.doc[phrase.start : span.start]
            title_words = [t for t in title if t.pos_ in ("PROPN", "NOUN", "ADJ")]
            if title_words and description is None and ent.label_ == "PERSON":
                description = _clean(title.text)
                if description.lower().rstrip(".") in HONORIFICS:
                    description = None
            peer = any(t.lower_.rstrip(".") in PEERAGE for t in title)
            name = _clean(span.text) if peer else self.canonical(_clean(span.text))
        else:
            span = phrase
            name = _clean(phrase.text)
            if head.pos_ == "PROPN":
                name = self.canonical(name)
        actor = self.resolver.resolve_span(phrase) or self.resolver.resolve_token(name_tok)
        if actor is not None and not _same_person(self.doc[phrase.start : phrase.end], actor):
            actor = None
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
                    description = description[: -len(word) - 1].strip(_STRIP)
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
        near = self._same_sentence_person(tok) if tok.lower_ in PERSONAL else None
        if near is not None:  # a person named earlier in the same sentence comes first
            ent = _ent(near)
            name = self.canonical(_clean(ent.text if ent is not None else near.text))
            actor = _person_only(self.resolver.resolve_token(near))
            return self._make(start, end, name, None, actor, True)
        actor = self.resolver.resolve_token(tok)
        if tok.lower_ in PERSONAL:
            actor = _person_only(actor)
        if actor is not None:
            return self._make(start, end, actor.name, None, actor, True)
        if tok.lower_ not in PERSONAL:
            return Speaker(start, end, None, None, None, True)
        ante = self.antecedent(tok)
        if ante is None:
            return Speaker(start, end, None, None, None, True)
        ent = _ent(ante)
        name = self.canonical(_clean(ent.text if ent is not None else ante.text))
        return self._make(start, end, name, None, None, True)

    def _same_sentence_person(self, tok: Token) -> Token | None:
        sent_start = tok.sent.start
        same = [p for p in self.persons if sent_start <= p.i < tok.i]
        subjects = [p for p in same if p.dep_ in ("nsubj", "nsubjpass")]
        return subjects[-1] if subjects else same[-1] if same else None

    def antecedent(self, tok: Token) -> Token | None:
        """Nearest earlier person: same sentence first, else a subject of 3 sentences before."""
        sent = tok.sent
        before = [p for p in self.persons if p.i < tok.i]
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
