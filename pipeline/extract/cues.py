"""Attribution cue lexicon: which words introduce speech or belief.

The word lists live in ``schemas/cues/*.txt`` (one lemma a line); this module loads them once
and answers questions about spaCy tokens. General English vocabulary only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

CUE_DIR = Path(__file__).resolve().parents[2] / "schemas" / "cues"

_PHRASAL = {  # verb + preposition cues written as one phrase
    "to": ("refer", "point", "talk", "speak", "respond", "reply", "object"),
    "for": ("call", "argue", "push", "press"),
    "on": ("call", "comment", "insist"),
    "about": ("talk", "speak", "complain", "boast", "brag", "joke", "warn", "write"),
    "of": ("speak", "warn", "boast", "say"),
}

_LEMMA_FIX = {  # the small model lemmatises these as "hop"
    "hoping": "hope",
    "hoped": "hope",
    "hopes": "hope",
    "hope": "hope",
}

SPEECH = "speech"
BELIEF = "belief"


def _read(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (CUE_DIR / name).read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    return {
        "speech_verbs": _read("speech_verbs.txt"),
        "belief_verbs": _read("belief_verbs.txt"),
        "object_verbs": _read("object_verbs.txt"),
        "nouns": _read("nouns.txt"),
        "belief_nouns": _read("belief_nouns.txt"),
        "non_speakers": _read("non_speakers.txt"),
        "adjectives": _read("adjectives.txt"),
        "light_verbs": _read("light_verbs.txt"),
        "implicit_verbs": _read("implicit_verbs.txt"),
        "media_nouns": _read("media_nouns.txt"),
        "finding_nouns": _read("finding_nouns.txt"),
        "rubric_labels": _read("rubric_labels.txt"),
        "agent_nouns": _read("agent_nouns.txt"),
        "clause_nouns": _read("clause_nouns.txt"),
        "measure_nouns": _read("measure_nouns.txt"),
    }


def verb_cue(token: Token) -> str | None:
    """SPEECH or BELIEF when token is a verb of saying or believing, else None."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    lemma = _LEMMA_FIX.get(token.lower_, token.lemma_.lower())
    lex = lexicon()
    if lemma in lex["speech_verbs"]:
        return SPEECH
    if lemma in lex["belief_verbs"]:
        return BELIEF
    return None


_SENSE_PARTICLES = ("off", "around", "away", "over", "through", "back", "up", "down")
_PHRASAL_CUES = {  # verb + particle that still report ("hit back", "played down")
    "back": ("hit", "fire", "shoot", "write", "push"),
    "up": ("speak", "sum", "bring", "play", "talk", "point", "show", "own", "back"),
    "down": ("play", "talk", "shoot", "wave", "back"),
    "off": ("sign", "write", "back"),
}


def particle_sense(token: Token) -> bool:
    """Whether a particle gives the verb another sense than reporting ("showed off a phone",
    "saw off criticism", "added up", "pushed the date back"; not "played down", "hit back",
    "pushed back against …")."""
    lemma = token.lemma_.lower()
    moved = any(c.dep_ == "dobj" for c in token.children)
    for c in token.children:
        particle = c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")
        if not particle or c.lower_ not in _SENSE_PARTICLES:
            continue
        if c.lower_ == "back" and moved:
            return True  # "pushed the date back": the object went back
        if lemma not in _PHRASAL_CUES.get(c.lower_, ()):
            return True
    return False


def clause_noun(token: Token) -> bool:
    """Whether a claim noun carries a claim only with a clause ("X's stance that …"), its bare
    use with a topic ("X's stance on Y") naming no content."""
    return token.lemma_.lower() in lexicon()["clause_nouns"]


def adjective_cue(token: Token) -> bool:
    """Whether token is a stance adjective predicated of someone ("critical of", "sure that"),
    or a stance-holder noun predicated the same way ("X is a fervent supporter of Y")."""
    if token.lower_ == "against" and token.dep_ == "prep":  # "X is against Y"
        return token.head.lemma_.lower() in ("be", "remain", "come")
    if token.pos_ == "NOUN" and token.dep_ == "attr":
        return token.lemma_.lower() in lexicon()["agent_nouns"]
    if token.dep_ not in ("acomp", "oprd", "ccomp") or token.tag_ not in ("JJ", "VBN"):
        return False
    return token.lower_ in lexicon()["adjectives"]


def takes_object_content(token: Token) -> bool:
    """Whether the verb's direct object can be the reported content ("noted discussions")."""
    return _LEMMA_FIX.get(token.lower_, token.lemma_.lower()) in lexicon()["object_verbs"]


def noun_cue(token: Token) -> str | None:
    """SPEECH or BELIEF when token is a noun that carries a claim ("insistence", "view")."""
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    lex = lexicon()
    if lemma in lex["nouns"]:
        return SPEECH
    if lemma in lex["belief_nouns"]:
        return BELIEF
    return None


def light_verb(token: Token) -> bool:
    """Whether a verb lends its subject to a claim noun it takes as object ("made the case")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon()["light_verbs"]


def implicit_verb(token: Token) -> bool:
    """Whether an agentless passive of the verb still attributes ("X is expected to …")."""
    return _LEMMA_FIX.get(token.lower_, token.lemma_.lower()) in lexicon()["implicit_verbs"]


def medium(token: Token) -> bool:
    """Whether a noun names a medium of someone's words ("statement", "speech", "ad")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon()["media_nouns"]


_REPLIES = frozenset(["response", "reply", "answer", "words"])


def utterance(token: Token) -> bool:
    """Whether a noun names what someone said or wrote ("X's post", "X's response"): a claim
    noun, a medium, or a reply."""
    if token.pos_ != "NOUN":
        return False
    return noun_cue(token) is not None or medium(token) or token.lemma_.lower() in _REPLIES


def finding(token: Token) -> bool:
    """Whether a noun names a poll or study whose findings are reported ("in a new poll")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon()["finding_nouns"]


def rubric(token: Token) -> bool:
    """Whether a word of a line-opening label names a rubric ("Breaking", "note")."""
    return token.lower_ in lexicon()["rubric_labels"]


def cue_text(token: Token) -> str:
    """The cue as written, with its particle or verb-phrase preposition ("referred to")."""
    parts = [token]
    for child in token.children:
        if child.i != token.i + 1:
            continue
        if child.dep_ == "prt" or (
            child.dep_ == "prep" and token.lemma_.lower() in _PHRASAL.get(child.lower_, ())
        ):
            parts.append(child)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def non_speaker(token: Token) -> bool:
    """Whether a common noun names an event, thing or idea, never a speaker ("the victory")."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    lemma = token.lemma_.lower()
    lex = lexicon()
    return (
        lemma in lex["non_speakers"]
        or lemma in lex["measure_nouns"]
        or lemma.endswith(("ness", "ism"))
    )


_AMOUNTS = ("MONEY", "PERCENT", "QUANTITY")


def amount(token: Token) -> bool:
    """Whether a noun phrase head names an amount rather than words or ideas ("a profit", "9%
    growth", "$2bn", "30 planes")."""
    if token.ent_type_ in _AMOUNTS or token.lemma_.lower() in lexicon()["measure_nouns"]:
        return True
    return any(
        c.dep_ == "nummod" and c.ent_type_ in ("CARDINAL", *_AMOUNTS) for c in token.children
    )
