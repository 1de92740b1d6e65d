"""The actor dictionary: loads the CSV data in ``schemas/actors/`` into lookup tables.

Files (one row per entry, ``|`` separates aliases; edit the data, not this code):

- ``people.csv``: name, aliases, country, sector, qid, gender (m/f), leader (1 for heads of
  state or government, current or former), role (their office, used when the article
  gives none).
- ``organizations.csv``: institutions and IGOs: name, aliases, actor_type, country, sector, qid.
- ``countries.csv``: preferred short name, Wikidata QID, demonyms and extra aliases per
  ISO 3166-1 alpha-3 code; pycountry supplies the official names.
- ``metonyms.csv``: capitals and seats of power standing for a government ("the Kremlin").
- ``regions.csv``: region adjectives and names that are not countries ("European").
- ``roles.csv``: titles, group nouns and institutions with their CAMEO sector; kind is
  ``title`` (precedes or describes a person), ``group`` (plural people), ``institution``,
  or ``relational`` (an actor only with a country, region or owner: "European allies").
  Every government title also exists with "shadow" before it, in sector OPP.

Keys are normalised with :func:`norm`, which both the data and the text go through.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "actors"

_NON_WORD = re.compile(r"[^\w]+")
_DIACRITICS = str.maketrans(
    "áàâäãåéèêëíìîïóòôöõúùûüçñšžłćńśźżőűğışÁÉÍÓÚÖÜÇŠŽŁŞİ",
    "aaaaaaeeeeiiiiooooouuuucnszlcnszzougisAEIOUOUCSZLSI",
)


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lookup key of a name: lower case, no diacritics, punctuation as single spaces."""
    return _NON_WORD.sub(" ", text.translate(_DIACRITICS).lower()).strip()


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_words(name: str) -> list[str]:
    """A name's words as lookup keys; a hyphenated word stays one ("Kilroy-Silk")."""
    return [key for key in (norm(w) for w in name.split()) if key]


def surname(name: str) -> str:
    """Lookup key of a person's last name ("Robert F. Kennedy Jr." -> "kennedy",
    "Robert Kilroy-Silk" -> "kilroy silk")."""
    words = name_words(name)
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words[-1] if words else ""


@dataclass(frozen=True)
class Entry:
    """One dictionary actor (person or organization)."""

    name: str
    actor_type: str
    country: str | None
    sector: str | None
    qid: str | None
    gender: str | None = None
    leader: bool = False
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    sector: str | None
    kind: str  # title | group | institution


@dataclass
class ActorData:
    entries: dict[str, Entry]  # norm(alias) -> entry
    countries: dict[str, str]  # norm(name) -> iso3
    demonyms: dict[str, str]  # norm(demonym) -> iso3
    country_names: dict[str, str]  # iso3 -> short name
    country_qids: dict[str, str]  # iso3 -> QID
    metonyms: dict[str, tuple[str, str]]  # norm(term) -> (iso3, sector)
    regions: dict[str, str]  # norm(term) -> region name
    titles: dict[str, Role]  # norm(title) -> role
    groups: dict[str, Role]  # lemma -> role (group nouns and institutions)
    surnames: dict[str, list[Entry]]  # norm(last name) -> dictionary people
    max_len: int  # longest key, in words
    subdivisions: dict[str, str] = field(default_factory=dict)  # norm(state) -> iso3


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _load_countries(data: ActorData) -> None:
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                data.countries.setdefault(norm(value), c.alpha_3)
        data.country_names.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
    for row in _rows("countries.csv"):
        iso = row["iso3"]
        data.country_names[iso] = row["name"]
        data.countries[norm(row["name"])] = iso
        if row["qid"]:
            data.country_qids[iso] = row["qid"]
        for alias in _split(row["aliases"]):
            data.countries[norm(alias)] = iso
        for dem in _split(row["demonyms"]):
            data.demonyms[norm(dem)] = iso


# First-level subdivisions that stand for their country ("exercises in Alaska" -> USA):
# pycountry type names per country. Names that are also a country, a dictionary name or a
# common first name are left out.
SUBDIVISION_TYPES = {
    "US": {"State", "District"},
    "CA": {"Province", "Territory"},
    "AU": {"State", "Territory"},
    "GB": {"Country", "Province"},
    "IN": {"State", "Union territory"},
    "PK": {"Province"},
}
NOT_SUBDIVISIONS = {
    "georgia",
    "victoria",
    "virginia",
    "indiana",
    "washington",
    "punjab",
    "delaware",
    "maine",
    "colorado",
    "goa",
}


def _load_subdivisions(data: ActorData) -> None:
    for code, types in SUBDIVISION_TYPES.items():
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            key = norm(sub.name.split("[")[0].split(",")[0])
            if (
                sub.type in types
                and key
                and key not in NOT_SUBDIVISIONS
                and not (
                    key in data.countries
                    or key in data.demonyms
                    or key in data.entries
                    or key in data.metonyms
                )
            ):
                data.subdivisions.setdefault(key, country.alpha_3)


@lru_cache(maxsize=1)
def load() -> ActorData:
    """Every table, built once per process."""
    data = ActorData({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, 1)
    _load_countries(data)
    for row in _rows("people.csv"):
        aliases = tuple(_split(row["aliases"]))
        entry = Entry(
            name=row["name"],
            actor_type="person",
            country=row["country"] or None,
            sector=row["sector"] or None,
            qid=row["qid"] or None,
            gender=row["gender"] or None,
            leader=row["leader"] == "1",
            role=row["role"] or None,
            aliases=aliases,
        )
        for alias in (entry.name, *aliases):
            data.entries.setdefault(norm(alias), entry)
        data.surnames.setdefault(surname(entry.name), []).append(entry)
    for row in _rows("organizations.csv"):
        aliases = tuple(_split(row["aliases"]))
        entry = Entry(
            name=row["name"],
            actor_type=row["actor_type"] or "organization",
            country=row["country"] or None,
            sector=row["sector"] or None,
            qid=row["qid"] or None,
            aliases=aliases,
        )
        for alias in (entry.name, *aliases):
            key = norm(alias)
            if key.startswith("the "):
                key = key[4:]
            data.entries.setdefault(key, entry)
    for row in _rows("metonyms.csv"):
        data.metonyms[norm(row["term"])] = (row["country"], row["sector"])
    for row in _rows("regions.csv"):
        data.regions[norm(row["term"])] = row["name"]
    for row in _rows("roles.csv"):
        role = Role(row["sector"] or None, row["kind"])
        if row["kind"] == "title":
            data.titles.setdefault(norm(row["term"]), role)
        else:
            data.groups.setdefault(row["term"].lower(), role)
    for term, role in list(data.titles.items()):  # "shadow home secretary": the opposition
        if role.sector == "GOV" and not term.startswith("shadow "):
            data.titles.setdefault(f"shadow {term}", Role("OPP", "title"))
    _load_subdivisions(data)
    keys = [*data.entries, *data.countries, *data.metonyms, *data.titles, *data.subdivisions]
    data.max_len = max(len(k.split()) for k in keys)
    return data


def country_name(iso3: str) -> str:
    return load().country_names.get(iso3, iso3)
