"""One left-to-right scan of a doc for named actor mentions (no model calls).

Finds dictionary names (people, organizations, countries, metonyms such as "the Kremlin"),
then names the dictionary does not know: capitalised proper-noun runs that a title
("National Security Adviser Michael Waltz"), an apposition ("Ivo Daalder, a former ...")
or the NER PERSON label marks as a person, and ORG entities with an organisation word
("... University", "... Council"). spaCy's labels alone are never trusted: the small model
calls "Trump" ORG or even a verb, which the dictionary and the title/apposition evidence
override.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.actor_data import Entry, Role, load, norm

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PREFIX_WORDS = {"former", "then", "acting", "deputy", "senior", "chief", "top", "interim",
                "outgoing", "incoming", "ex", "vice", "current", "now", "longtime"}
PARTICLES = {"al", "el", "bin", "ibn", "von", "van", "der", "de", "da", "du", "la", "le", "di"}
ORG_WORDS: dict[str, str] = {
    "university": "EDU", "college": "EDU", "school": "EDU", "lab": "EDU", "laboratory": "EDU",
    "council": "NGO", "institute": "NGO", "institution": "NGO", "foundation": "NGO",
    "center": "NGO", "centre": "NGO", "association": "NGO", "society": "NGO", "fund": "NGO",
    "ministry": "GOV", "department": "GOV", "agency": "GOV", "office": "GOV",
    "commission": "GOV", "committee": "GOV", "administration": "GOV", "service": "GOV",
    "party": "PTY", "bank": "BUS", "company": "BUS", "corporation": "BUS", "corp": "BUS",
    "inc": "BUS", "group": "BUS", "airlines": "BUS", "times": "MED", "post": "MED",
    "news": "MED", "journal": "MED", "television": "MED", "army": "MIL", "forces": "MIL",
    "command": "MIL", "police": "COP", "court": "JUD", "tribunal": "JUD", "parliament": "LEG",
    "assembly": "LEG", "hospital": "HLH", "church": "REL", "brigade": "REB", "front": "REB",
    "movement": "OPP",
}


@dataclass
class Found:
    """A named mention: tokens [start, end) of the doc and what they name."""

    start: int
    end: int
    kind: str  # person | organization | country | metonym
    name: str  # canonical name (dictionary) or the name as written
    entry: Entry | None = None
    country: str | None = None
    sector: str | None = None
    description: Span | None = None
    evidence: bool = False  # a title/apposition/label says this is a person


def _title_role(words: list[str]) -> Role | None:
    """Role of the last title in a run of words ("national security adviser" -> GOV)."""
    titles = load().titles
    for i in range(len(words)):
        role = titles.get(" ".join(words[i:]))
        if role:
            return role
    return None


def title_in(tokens: list[Token]) -> Role | None:
    """First title found in a token sequence, matching the longest title at each place."""
    titles = load().titles
    words = [norm(t.text) for t in tokens]
    for i in range(len(words)):
        for j in range(min(len(words), i + 4), i, -1):
            role = titles.get(" ".join(words[i:j]))
            if role:
                return role
    return None


def _clean(span: Span | list[Token]) -> Span | None:
    toks = list(span)
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct or toks[0].lower_ in {"and", "who"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"and", "'s", "’s"}):
        toks = toks[:-1]
    if not toks:
        return None
    doc = toks[0].doc
    return doc[toks[0].i : toks[-1].i + 1]


def describe_mention(doc: Doc, start: int, end: int) -> Span | None:
    """Title before a name, or its apposition, as written ("National Security Adviser")."""
    head = doc[start:end].root
    pre = [t for t in doc[head.left_edge.i : start] if t.dep_ != "det"]
    if pre and pre[0].i < start and all(t.head.i >= pre[0].i for t in pre):
        role = title_in(pre)
        if role is not None:
            return _clean(pre)
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ in {"NOUN", "PROPN"}:
            if title_in(list(child.subtree)) is not None or child.pos_ == "NOUN":
                return _clean(doc[child.left_edge.i : child.right_edge.i + 1])
    parent = head.head
    if head.dep_ == "appos" and parent.i < start and parent.pos_ == "NOUN":
        return _clean(doc[parent.left_edge.i : head.left_edge.i])
    return None


def _capitalised(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


def _lookup(data_key: str, text: str) -> tuple[str, object] | None:
    data = load()
    entry = data.entries.get(data_key)
    if entry is not None:
        if text.replace(".", "").replace(" ", "").islower():
            return None
        if len(data_key.replace(" ", "")) <= 3 and not text.replace(".", "").isupper():
            if data_key not in {"xi", "mbs"} and entry.actor_type != "person":
                return None
        return ("entry", entry)
    if data_key in data.countries:
        return ("country", data.countries[data_key])
    if data_key in data.metonyms:
        return ("metonym", data.metonyms[data_key])
    return None


def _dictionary_hit(doc: Doc, i: int, sent_end: int) -> tuple[int, tuple[str, object]] | None:
    max_len = load().max_len
    limit = min(sent_end, i + max_len)
    stop = i + 1
    while stop < limit:
        t = doc[stop]
        if (t.is_punct and t.text not in {"-", "."}) or t.lower_ in {"'s", "’s"}:
            break
        stop += 1
    for end in range(stop, i, -1):
        if not (_capitalised(doc[end - 1]) or doc[end - 1].is_digit or end - 1 == i):
            continue
        span = doc[i:end]
        hit = _lookup(norm(span.text), span.text)
        if hit is not None:
            return end, hit
    return None


def _found_from_hit(doc: Doc, i: int, end: int, hit: tuple[str, object]) -> Found:
    kind, value = hit
    if kind == "entry":
        assert isinstance(value, Entry)
        return Found(i, end, value.actor_type, value.name, entry=value, country=value.country,
                     sector=value.sector, evidence=value.actor_type == "person")
    if kind == "country":
        assert isinstance(value, str)
        return Found(i, end, "country", doc[i:end].text, country=value)
    assert isinstance(value, tuple)
    return Found(i, end, "metonym", doc[i:end].text, country=value[0], sector=value[1])


def _name_token(tok: Token) -> bool:
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
        return (_capitalised(tok) and tok.is_alpha) or (tok.text.endswith(".") and len(tok) == 2)
    return False


def _unknown_run(doc: Doc, start: int, end: int, headline: bool) -> Found | None:
    """A person or organisation the dictionary does not know, from tokens [start, end)."""
    data = load()
    words = [norm(t.text) for t in doc[start:end]]
    cut = 0  # strip a leading title written as part of the name run
    for j in range(len(words), 0, -1):
        if _title_role([w for w in words[:j] if w not in PREFIX_WORDS]) and all(
            w in data.titles or w in PREFIX_WORDS or w in data.demonyms
            or any(w in k.split() for k in data.titles) for w in words[:j]
        ):
            cut = j
            break
    start += cut
    if end - start < 1 or any(norm(t.text) in data.titles for t in doc[start:end]):
        return None
    span = doc[start:end]
    root = span.root
    desc = describe_mention(doc, start, end)
    person_label = root.ent_type_ == "PERSON" and end - start >= 2
    if cut or desc is not None or person_label:
        if headline and not cut:
            return None
        return Found(start, end, "person", span.text, description=desc, evidence=True)
    return None


def _unknown_org(ent: Span) -> Found | None:
    toks = [t for t in ent if t.dep_ != "det" and t.lower_ not in {"'s", "’s"}]
    if len(toks) < 2 or not all(_capitalised(t) or t.is_stop for t in toks):
        return None
    sector = next((ORG_WORDS[t.lower_] for t in reversed(toks) if t.lower_ in ORG_WORDS), None)
    if sector is None:
        return None
    country = next((load().demonyms.get(norm(t.text)) for t in toks
                    if norm(t.text) in load().demonyms), None)
    doc = ent.doc
    return Found(toks[0].i, toks[-1].i + 1, "organization", doc[toks[0].i : toks[-1].i + 1].text,
                 country=country, sector=sector)


def _is_headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(_capitalised(t) for t in words) / len(words) > 0.6


def scan(doc: Doc) -> list[Found]:
    """Every named actor mention of the doc, in order, without overlaps."""
    found: list[Found] = []
    covered: set[int] = set()
    for sent in doc.sents:
        headline = _is_headline(sent)
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            if tok.lower_ == "the" or not (_capitalised(tok) or tok.lower_ in PARTICLES):
                i += 1
                continue
            hit = _dictionary_hit(doc, i, sent.end)
            if hit is None:
                i += 1
                continue
            end, value = hit
            f = _found_from_hit(doc, i, end, value)
            if f.kind == "person":
                f.description = describe_mention(doc, i, end)
            found.append(f)
            covered.update(range(i, end))
            i = end
        i = sent.start
        while i < sent.end:
            if i in covered or not _name_token(doc[i]):
                i += 1
                continue
            j = i
            while j < sent.end and j not in covered and _name_token(doc[j]):
                j += 1
            f2 = _unknown_run(doc, i, j, headline)
            if f2 is not None:
                found.append(f2)
                covered.update(range(f2.start, f2.end))
            i = j
    for ent in doc.ents:
        if ent.label_ == "ORG" and not any(t.i in covered for t in ent):
            org = _unknown_org(ent)
            if org is not None:
                found.append(org)
                covered.update(range(org.start, org.end))
    found.sort(key=lambda f: f.start)
    return found
