"""Countries from names, demonyms and metonyms (pycountry plus ``schemas/actors`` data).

All functions take text as written and return ISO 3166-1 alpha-3 codes; none of them
touches spaCy, so they are cheap and testable on their own.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.extract.actor_data import country_name, load, norm

# Display words for a country's collective actor of a sector ("Russian military").
SECTOR_LABELS: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "REB": "rebels",
    "OPP": "opposition",
    "PTY": "political parties",
    "CVL": "civilians",
    "BUS": "business",
    "MED": "media",
    "EDU": "education",
    "REF": "refugees",
    "HLH": "health sector",
    "LAB": "labor",
    "AGR": "agriculture",
    "CRM": "criminals",
    "REL": "religious groups",
    "SPY": "intelligence services",
    "IGO": "international organizations",
    "NGO": "non-governmental organizations",
}


def _strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def country_from_name(text: str) -> str | None:
    """ISO3 of a country name or alias ("the U.S.", "Britain", "Russian Federation")."""
    return load().countries.get(_strip_the(norm(text)))


def country_from_demonym(text: str) -> str | None:
    """ISO3 of a demonym used as an adjective ("Russian", "U.S.", "Saudi")."""
    return load().demonyms.get(norm(text))


def country_from_metonym(text: str) -> tuple[str, str] | None:
    """(ISO3, sector) of a capital or seat of power standing for an institution."""
    return load().metonyms.get(_strip_the(norm(text)))


def country_of(text: str) -> str | None:
    """ISO3 of any country word: name, demonym or metonym (possessive 's ignored)."""
    key = _strip_the(norm(text))
    if key.endswith(" s"):
        key = key[:-2]
    data = load()
    if key in data.countries:
        return data.countries[key]
    if key in data.demonyms:
        return data.demonyms[key]
    met = data.metonyms.get(key)
    return met[0] if met else None


def region_of(text: str) -> str | None:
    """Name of a region for a region word that is no country ("European" -> "Europe")."""
    return load().regions.get(_strip_the(norm(text)))


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    out: dict[str, str] = {}
    for dem, code in load().demonyms.items():
        out.setdefault(code, _display_demonym(dem))
    return out


def adjective(iso3: str) -> str:
    """The first demonym listed for a country, else its name ("RUS" -> "Russian")."""
    return _adjectives().get(iso3) or country_name(iso3)


def _display_demonym(key: str) -> str:
    if key in ("u s", "us"):
        return "U.S."
    if key in ("uk", "u k"):
        return "UK"
    return " ".join(w.capitalize() for w in key.split())


def collective_name(iso3: str | None, sector: str | None, fallback: str) -> str:
    """Canonical name of a country's collective actor, e.g. "Russian government"."""
    if iso3 and sector and sector in SECTOR_LABELS:
        return f"{adjective(iso3)} {SECTOR_LABELS[sector]}"
    if iso3 and not sector:
        return country_name(iso3)
    return fallback
