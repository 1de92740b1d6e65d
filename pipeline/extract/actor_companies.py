"""Companies told by their context, not by an organisation word in the name.

spaCy often labels a firm's name PERSON ("Pernod Ricard") or nothing at all ("Wells
Fargo"); the words around it decide: a legal suffix, its shares or profits, a company
apposition or its executives. No model call is made.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.extract.actor_data import load, norm

COMPANY_SUFFIXES = {"inc", "plc", "ltd", "llc", "corp", "gmbh", "nv", "bv", "spa", "sarl"}
COMPANY_THINGS = {"share", "stock", "profit", "revenue", "takeover"}
COMPANY_TITLES = {
    "chief executive",
    "boss",
    "ceo",
    "chief financial officer",
    "cfo",
    "shareholder",
    "finance director",
    "managing director",
}
COMPANY_NOUNS = {
    "firm",
    "company",
    "maker",
    "retailer",
    "giant",
    "carrier",
    "airline",
    "manufacturer",
    "producer",
    "supermarket",
    "operator",
    "insurer",
    "lender",
    "brewer",
    "conglomerate",
    "bank",
    "chain",
    "group",
    "distiller",
    "supplier",
}


def company_cue(doc: Doc, start: int, end: int) -> bool:
    """Whether the name doc[start:end] is a company by its context: a legal suffix ("Acme
    plc"), its shares or profits ("Wells Fargo shares", "shares in Acme"), a company
    apposition ("Acme, the drinks firm") or its executives ("chief executive of Acme")."""
    after = end + 1 if end < len(doc) and doc[end].lower_ in {"'s", "’s"} else end
    nxt = doc[after] if after < len(doc) else None
    if end < len(doc) and norm(doc[end].text) in COMPANY_SUFFIXES:
        return True
    if nxt is not None and nxt.lemma_.lower() in COMPANY_THINGS:
        return True
    if (
        start >= 2
        and doc[start - 1].lower_ in {"in", "of", "at"}
        and (
            doc[start - 2].lemma_.lower() in COMPANY_THINGS | COMPANY_TITLES
            or (start >= 3 and f"{doc[start - 3].lower_} {doc[start - 2].lower_}" in COMPANY_TITLES)
        )
    ):
        return True  # "shares in Acme", "chief executive of Acme"
    if nxt is not None and (
        nxt.lower_ in COMPANY_TITLES
        or (after + 1 < len(doc) and f"{nxt.lower_} {doc[after + 1].lower_}" in COMPANY_TITLES)
    ):
        return True  # "Acme chief executive Jo Bloggs", "Acme's boss"
    if nxt is not None and nxt.text == ",":
        for child in doc[start:end].root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in COMPANY_NOUNS:
                return True  # "Acme, the drinks firm"
    return False


def appos_country(name: Span) -> str | None:
    """Country word of a name's apposition: "Pernod Ricard, the French drinks firm"."""
    data = load()
    for child in name.root.children:
        if child.dep_ == "appos":
            for t in child.subtree:
                key = norm(t.text)
                iso = data.demonyms.get(key) or data.countries.get(key)
                if iso:
                    return iso
    return None
