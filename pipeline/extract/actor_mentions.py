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

from spacy.attrs import ENT_TYPE, IDX, IS_PUNCT, POS, TAG
from spacy.symbols import ADJ, PROPN
from spacy.tokens import Doc, Span, Token

from pipeline.extract.actor_companies import appos_country, company_cue
from pipeline.extract.actor_data import Entry, Role, load, norm

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PREFIX_WORDS = {
    "former",
    "then",
    "acting",
    "deputy",
    "senior",
    "chief",
    "top",
    "interim",
    "outgoing",
    "incoming",
    "ex",
    "vice",
    "current",
    "now",
    "longtime",
}
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "baron",
    "prof",
    "madam",
    "monsieur",
    "herr",
}
FEMALE_WORDS = {
    "mrs",
    "ms",
    "miss",
    "dame",
    "lady",
    "baroness",
    "madam",
    "queen",
    "princess",
    "spokeswoman",
    "congresswoman",
    "chairwoman",
    "businesswoman",
    "duchess",
}
MALE_WORDS = {
    "mr",
    "sir",
    "lord",
    "baron",
    "monsieur",
    "herr",
    "king",
    "prince",
    "spokesman",
    "congressman",
    "chairman",
    "businessman",
    "duke",
    "emir",
    "sheikh",
    "sultan",
}
INSTITUTION_WORDS = {
    "house",
    "senate",
    "congress",
    "parliament",
    "court",
    "state",
    "department",
    "ministry",
    "committee",
    "council",
    "assembly",
    "party",
    "government",
    "administration",
    "cabinet",
    "commission",
    "army",
    "navy",
}
NON_NAME_ENTS = {
    "DATE",
    "TIME",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "PRODUCT",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "LANGUAGE",
    "FAC",
}
NOT_ORGS = {
    "GMT",
    "BST",
    "UTC",
    "EST",
    "PST",
    "GDP",
    "CEO",
    "CFO",
    "IPO",
    "USD",
    "EUR",
    "GBP",
    "AM",
    "PM",
    "TV",
    "PDF",
    "FAQ",
    "URL",
    "COVID",
}
PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "du",
    "la",
    "le",
    "di",
    "del",
    "dos",
    "das",
    "ter",
    "ten",
}
ORG_WORDS: dict[str, str] = {
    "university": "EDU",
    "college": "EDU",
    "school": "EDU",
    "lab": "EDU",
    "laboratory": "EDU",
    "council": "NGO",
    "institute": "NGO",
    "institution": "NGO",
    "foundation": "NGO",
    "center": "NGO",
    "centre": "NGO",
    "association": "NGO",
    "society": "NGO",
    "fund": "NGO",
    "ministry": "GOV",
    "department": "GOV",
    "agency": "GOV",
    "commission": "GOV",
    "committee": "GOV",
    "administration": "GOV",
    "service": "GOV",
    "party": "PTY",
    "bank": "BUS",
    "company": "BUS",
    "corporation": "BUS",
    "corp": "BUS",
    "airport": "BUS",
    "motors": "BUS",
    "inc": "BUS",
    "group": "BUS",
    "airlines": "BUS",
    "airways": "BUS",
    "air": "BUS",  # "Air India", "Air China": a carrier, not the country
    "air force": "MIL",
    "times": "MED",
    "post": "MED",
    "news": "MED",
    "journal": "MED",
    "television": "MED",
    "army": "MIL",
    "forces": "MIL",
    "command": "MIL",
    "police": "COP",
    "court": "JUD",
    "tribunal": "JUD",
    "parliament": "LEG",
    "assembly": "LEG",
    "hospital": "HLH",
    "church": "REL",
    "brigade": "REB",
    "front": "REB",
    "movement": "OPP",
    "observatory": "NGO",
    "watch": "NGO",
    "network": "NGO",
    "library": "EDU",
    "museum": "EDU",
    "chambers": "BUS",
    "club": "NGO",
    "union": "LAB",
    "executive": "GOV",
    "board": "GOV",
    "authority": "GOV",
    "office": "GOV",
    "government": "GOV",
    "bureau": "GOV",
    "county council": "GOV",
    "city council": "GOV",
    "town council": "GOV",
    "district council": "GOV",
    "security council": "GOV",
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
    extra: tuple[Span, ...] = ()  # further appositions, for country and sector
    gender: str | None = None  # from an honorific or a gendered title: "Mrs", "spokeswoman"


def _title_role(words: list[str]) -> Role | None:
    """Role of the last title in a run of words ("national security adviser" -> GOV)."""
    titles = load().titles
    for i in range(len(words)):
        role = titles.get(" ".join(words[i:]))
        if role:
            return role
    return None


def title_match(tokens: list[Token]) -> tuple[str, Role] | None:
    """First title in a token sequence and its role, the longest title at each place."""
    titles = load().titles
    words = [norm(t.text) for t in tokens]
    for i in range(len(words)):
        for j in range(min(len(words), i + 4), i, -1):
            term = " ".join(words[i:j])
            role = titles.get(term)
            if role:
                return term, role
    return None


def title_in(tokens: list[Token]) -> Role | None:
    """Role of the first title found in a token sequence."""
    found = title_match(tokens)
    return found[1] if found else None


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


def describe_all(doc: Doc, start: int, end: int) -> list[Span]:
    """Title before a name, then its appositions, as written; the first is the description."""
    out: list[Span] = []
    head = doc[start:end].root
    pre = [t for t in doc[head.left_edge.i : start] if t.dep_ != "det"]
    while pre and any(t.is_space or "\n" in t.whitespace_ for t in pre):
        pre = pre[1:]
    if pre and norm(pre[-1].text) in HONORIFICS:
        pre = pre[:-1]
    if pre and all(t.head.i >= pre[0].i for t in pre) and title_in(pre) is not None:
        span = _clean(pre)
        if span is not None:
            out.append(span)
    after = end + 1 if end < len(doc) and doc[end].lower_ in {"'s", "’s"} else end
    if (
        after + 3 < len(doc)
        and doc[after].text == ","
        and doc[after + 1].like_num
        and (doc[after + 2].text == ",")
    ):
        after += 2  # "Olena Kovalenko, 34, a teacher"
    if after < len(doc) and doc[after].text == ",":
        for child in head.children:
            if (
                child.dep_ == "appos"
                and child.left_edge.i == after + 1
                and child.pos_ in {"NOUN", "PROPN"}
                and (
                    title_in(list(child.subtree)) is not None
                    or child.pos_ == "NOUN"
                    or child.ent_type_ == "NORP"
                )
            ):  # "a South Carolina Republican"
                span = _clean(doc[child.left_edge.i : child.right_edge.i + 1])
                if span is not None:
                    out.append(span)
                break
    parent = head.head
    first = min(start, head.left_edge.i)
    comma = first > 0 and doc[first - 1].text == "," and parent.pos_ == "NOUN"
    titled = (
        first > 0
        and not doc[first - 1].is_punct
        and title_in([parent]) is not None
        and not any(t.is_punct for t in doc[parent.left_edge.i : first])
    )
    if head.dep_ == "appos" and parent.i < first and (comma or titled):
        span = _clean(doc[parent.left_edge.i : first])
        if (
            span is not None
            and "\n" not in span.text
            and not any(t.ent_type_ == "PERSON" for t in span)
        ):
            out.append(span)
    return out


def _capitalised(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


class DocWords:
    """One doc's token strings and flags, fetched from spaCy once for many lookups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.doc_text = doc.text
        self.text = [t.text for t in doc]
        self.lower = [text.lower() for text in self.text]  # spaCy's LOWER is str.lower
        nnp, person = doc.vocab.strings.add("NNP"), doc.vocab.strings.add("PERSON")
        rows = doc.to_array([IDX, IS_PUNCT, POS, TAG, ENT_TYPE]).tolist()
        self.idx: list[int] = [row[0] for row in rows]
        self.is_punct = [row[1] == 1 for row in rows]
        self.pos: list[int] = [row[2] for row in rows]  # ids of spacy.symbols: ADJ, NOUN, ...
        self.adj_or_nnp = [row[2] == ADJ or row[3] == nnp for row in rows]  # pos_, tag_
        self.is_name = [
            (text[:1].isupper() or text.endswith("."))  # cheap first: _name_word needs one
            and _name_word(text, row[2] == PROPN or row[4] == person)
            for text, row in zip(self.text, rows, strict=True)
        ]

    def span_text(self, start: int, end: int) -> str:
        """The text of doc[start:end], as Span.text gives it."""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]

    def name_hyphen(self, i: int) -> bool:
        """A hyphen joining two name words with no space ("Haji-Ioannou", "Carl-Henric")."""
        return (
            self.text[i] == "-"
            and 0 < i < len(self.text) - 1
            and self.is_name[i - 1]
            and self.is_name[i + 1]
            and self.idx[i - 1] + len(self.text[i - 1]) == self.idx[i]
            and self.idx[i] + 1 == self.idx[i + 1]
        )

    def may_start_name(self, i: int) -> bool:
        lower = self.lower[i]
        return lower != "the" and (
            self.text[i][:1].isupper() or lower in PARTICLES or self.odd_case(i)
        )

    def odd_case(self, i: int) -> bool:
        """A name typed in odd case: "iSrael", or lower case right after a title ("President
        obama"). Only dictionary names are matched so."""
        text = self.text[i]
        if len(text) < 3 or not text.isalpha():
            return False
        if not text.islower():
            return True  # starts lower case, has an upper-case letter later
        prev = self.text[i - 1] if i > 0 else ""
        return prev[:1].isupper() and norm(prev) in load().titles


def _lookup(data_key: str, text: str, odd: bool = False) -> tuple[str, object] | None:
    data = load()
    entry = data.entries.get(data_key)
    if entry is not None:
        if text.replace(".", "").replace(" ", "").islower() and not (
            odd and entry.actor_type == "person"
        ):
            return None
        short = len(data_key.replace(" ", "")) <= 3 and not text.replace(".", "").isupper()
        if short and entry.actor_type != "person":
            return None
        return ("entry", entry)
    if data_key in data.countries:
        return ("country", data.countries[data_key])
    if data_key in data.metonyms:
        return ("metonym", data.metonyms[data_key])
    if data_key in data.subdivisions:  # "Alaska": stands for its country
        return ("country", data.subdivisions[data_key])
    return None


Hit = tuple[str, object]  # what a dictionary name is: ("entry", Entry), ("country", iso3), ...


def _dictionary_hit(words: DocWords, i: int, sent_end: int) -> tuple[int, Hit] | None:
    text = words.text
    if not text[i][:1].isupper():
        if words.lower[i] in PARTICLES:
            pass
        elif words.odd_case(i):  # one word only: "iSrael", "President obama"
            return (i + 1, hit) if (hit := _lookup(norm(text[i]), text[i], True)) else None
        else:
            return None
    max_len = load().max_len
    limit = min(sent_end, i + max_len)
    stop = i + 1
    while stop < limit:
        if (words.is_punct[stop] and text[stop] not in {"-", "."}) or words.lower[stop] in {
            "'s",
            "’s",
        }:
            break
        stop += 1
    for end in range(stop, i, -1):
        last = text[end - 1]
        if not (last[:1].isupper() or last.isdigit() or end - 1 == i):
            continue
        span_text = words.span_text(i, end)
        hit = _lookup(norm(span_text), span_text)
        if hit is not None and hit[0] == "country" and words.doc[i:end].root.ent_type_ == "PERSON":
            continue  # "Georgia" / "Victoria" as a first name
        if hit is not None:
            return end, hit
    return None


def _found_from_hit(doc: Doc, i: int, end: int, hit: tuple[str, object]) -> Found:
    kind, value = hit
    if kind == "entry":
        assert isinstance(value, Entry)
        return Found(
            i,
            end,
            value.actor_type,
            value.name,
            entry=value,
            country=value.country,
            sector=value.sector,
            evidence=value.actor_type == "person",
        )
    if kind == "country":
        assert isinstance(value, str)
        return Found(i, end, "country", doc[i:end].text, country=value)
    assert isinstance(value, tuple)
    return Found(i, end, "metonym", doc[i:end].text, country=value[0], sector=value[1])


def _name_word(text: str, proper: bool) -> bool:
    """Whether a token can be part of a name run; proper: tagged PROPN or labelled PERSON."""
    if text.endswith(".") and (norm(text) in HONORIFICS or norm(text) in load().titles):
        return True  # "Mr.", "Dr." and "Sen." start a name run
    if proper:
        return (text[:1].isupper() and text.isalpha()) or (text.endswith(".") and len(text) == 2)
    return False


def _unknown_run(tokens: DocWords, start: int, end: int, headline: bool) -> Found | None:
    """A person or organisation the dictionary does not know, from tokens [start, end)."""
    data = load()
    doc = tokens.doc
    words = [norm(text) for text in tokens.text[start:end]]
    cut = 0  # strip a leading title written as part of the name run ("City Attorney ...")
    for j in range(len(words) - 1, 0, -1):
        if _title_role(words[:j]):
            cut = j
            break
    start += cut
    while end - start > 1 and (
        tokens.lower[start] in INSTITUTION_WORDS
        or (
            doc[start].ent_type_ not in {"", "PERSON"}
            and doc[start + 1].ent_iob_ == "B"
            and doc[start + 1].ent_type_ == "PERSON"
        )
    ):
        start += 1  # "Speaker of the House Newt Gingrich": "House" is no part of the name
    first = start  # an honorific ("Mr", "Dame") is evidence, not part of the name
    while first < end - 1 and norm(tokens.text[first]) in HONORIFICS:
        first += 1
    honorific = first > start
    names = doc[first:end]
    if (
        end - first < 1
        or not any(len(text) > 2 for text in tokens.text[first:end])
        or any(
            norm(t.text) in data.titles or t.is_stop or t.ent_type_ in NON_NAME_ENTS for t in names
        )
        or names[-1].lower_ in ORG_WORDS
        or names[-1].lemma_.lower() in data.groups
    ):
        return None
    if not (cut or honorific) and company_cue(doc, first, end):  # "Pernod Ricard"
        return Found(
            first, end, "organization", names.text, sector="BUS", country=appos_country(names)
        )
    span = doc[start:end]
    root = span.root
    descs = describe_all(doc, start, end)
    desc = descs[0] if descs else None
    person_label = root.ent_type_ == "PERSON" and end - start >= 2
    if (
        cut
        and not honorific
        and len(names) == 1
        and root.ent_type_ != "PERSON"
        and (norm(names.text) not in data.surnames)
    ):
        return None  # "General Election": a title word before a lone capitalised word
    if (
        desc is not None
        and not (cut or honorific or person_label)
        and len(names) == 1
        and (root.ent_type_ != "PERSON")
    ):
        desc = None  # "Diageo, the market leader": a lone word needs more than an apposition
    if cut or honorific or desc is not None or person_label:
        if headline and not (cut or honorific):
            return None
        seen = {norm(t.text) for t in doc[start:first]}
        for d in descs:
            seen.update(norm(t.text) for t in d)
        gender = "f" if seen & FEMALE_WORDS else "m" if seen & MALE_WORDS else None
        return Found(
            start,
            end,
            "person",
            names.text,
            description=desc,
            evidence=True,
            extra=tuple(descs[1:]),
            gender=gender,
        )
    return None


def _unknown_org(ent: Span) -> Found | None:
    toks = [t for t in ent if t.dep_ != "det" and t.lower_ not in {"'s", "’s"}]
    doc = ent.doc
    if (
        len(toks) == 1
        and toks[0].is_alpha
        and toks[0].is_upper
        and len(toks[0]) >= 3
        and toks[0].text not in NOT_ORGS
    ):
        return Found(toks[0].i, toks[0].i + 1, "organization", toks[0].text)  # "NAACP"
    if len(toks) < 2 or not all(_capitalised(t) or t.is_stop for t in toks):
        return None
    words = [t.lower_ for t in toks]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    sector = next(
        (ORG_WORDS[w] for w in [*reversed(pairs), *reversed(words)] if w in ORG_WORDS), None
    )
    if sector is None and company_cue(doc, toks[0].i, toks[-1].i + 1):
        sector = "BUS"  # "Wells Fargo shares"
    if sector is None:
        return None
    data = load()
    keys = [norm(t.text) for t in toks]
    country = next(
        (
            data.demonyms.get(k) or data.countries.get(k)
            for k in keys
            if k in data.demonyms or k in data.countries
        ),
        None,
    )
    return Found(
        toks[0].i,
        toks[-1].i + 1,
        "organization",
        doc[toks[0].i : toks[-1].i + 1].text,
        country=country,
        sector=sector,
    )


def _inside_longer_org(
    doc: Doc, i: int, end: int, hit: tuple[str, object], covered: set[int]
) -> bool:
    """A one-word organisation alias inside a longer ORG name ("Commission" in "the Law
    Commission"): the longer name is another organisation."""
    kind, value = hit
    tok = doc[i]
    return (
        kind == "entry"
        and isinstance(value, Entry)
        and value.actor_type != "person"
        and end == i + 1
        and tok.ent_iob_ == "I"
        and tok.ent_type_ == "ORG"
        and i - 1 not in covered
        and _capitalised(doc[i - 1])
        and doc[i - 1].lower_ != "the"
    )


def _other_first_name(
    doc: Doc, i: int, end: int, hit: tuple[str, object], covered: set[int]
) -> bool:
    """A dictionary surname after another first name ("Nicholas Jeffries"): someone else."""
    kind, value = hit
    if kind != "entry" or not isinstance(value, Entry) or value.actor_type != "person":
        return False
    if end != i + 1 or i == 0 or i - 1 in covered:
        return False
    prev = doc[i - 1]
    key = norm(prev.text)
    return (
        prev.pos_ == "PROPN"
        and _capitalised(prev)
        and prev.is_alpha
        and key not in HONORIFICS
        and key not in load().titles
        and key != norm(value.name).split()[0]
        and prev.ent_type_ in {"", "PERSON"}
    )


def _is_headline(text: str, idx: int, cache: dict[int, bool]) -> bool:
    """Whether offset idx is on a title-cased line (a headline), where names cannot be told."""
    a = text.rfind("\n", 0, idx) + 1
    if a in cache:
        return cache[a]
    b = text.find("\n", idx)
    line = text[a : b if b >= 0 else len(text)].strip()
    words = [w for w in line.split() if len(w) > 3 and w.isalpha()]
    result = (
        len(words) >= 3
        and not line.endswith((".", "”", '"'))
        and sum(w[0].isupper() for w in words) / len(words) > 0.6
    )
    cache[a] = result
    return result


def scan(words: DocWords) -> list[Found]:
    """Every named actor mention of the doc, in order, without overlaps."""
    found: list[Found] = []
    covered: set[int] = set()
    doc = words.doc
    text = words.doc_text
    lines: dict[int, bool] = {}
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if not words.may_start_name(i):
                i += 1
                continue
            hit = _dictionary_hit(words, i, sent.end)
            if hit is None:
                i += 1
                continue
            end, value = hit
            if _inside_longer_org(doc, i, end, value, covered) or _other_first_name(
                doc, i, end, value, covered
            ):
                i += 1
                continue
            f = _found_from_hit(doc, i, end, value)
            if f.kind == "person":
                descs = describe_all(doc, i, end)
                f.description = descs[0] if descs else None
                f.extra = tuple(descs[1:])
            found.append(f)
            covered.update(range(i, end))
            i = end
        i = sent.start
        while i < sent.end:
            if i in covered or not words.is_name[i]:
                i += 1
                continue
            j = i
            while (
                j < sent.end
                and j not in covered
                and (
                    words.is_name[j]
                    or (j > i and j + 1 < sent.end and words.name_hyphen(j))
                    or (
                        words.lower[j] in PARTICLES
                        and j + 1 < sent.end
                        and j > i
                        and words.is_name[j + 1]
                    )
                )
            ):
                j += 1  # "Nicolas van de Walle": particles inside a name
            f2 = _unknown_run(words, i, j, _is_headline(text, words.idx[i], lines))
            if f2 is not None:
                found.append(f2)
                covered.update(range(f2.start, f2.end))
            i = j
    by_start = {f.start: f for f in found}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        inner = [by_start[t.i] for t in ent if t.i in by_start]
        if any(t.i in covered for t in ent) and not (
            inner
            and all(
                f.kind in {"country", "metonym"} and f.start >= ent.start and f.end <= ent.end
                for f in inner
            )
            and sum(f.end - f.start for f in inner) == sum(t.i in covered for t in ent)
            and sum(t.i in covered for t in ent) < sum(t.dep_ != "det" for t in ent)
        ):
            continue  # only a longer name absorbs a country: "the U.S. Central Command"
        org = _unknown_org(ent)
        if org is not None:
            for f in inner:
                found.remove(f)
                org.country = org.country or f.country
            found.append(org)
            covered.update(range(org.start, org.end))
    companies = {norm(f.name): f for f in found if f.kind == "organization" and f.entry is None}
    for k, f in enumerate(found):  # "chairman of Pernod Ricard" after "Pernod Ricard shares"
        org = companies.get(norm(f.name))
        if org is not None and f.kind == "person" and f.entry is None:
            found[k] = Found(
                f.start, f.end, "organization", org.name, country=org.country, sector=org.sector
            )
    found.sort(key=lambda f: f.start)
    return found
