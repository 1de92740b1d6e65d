"""Readers for the event gold files: PETRARCH-2 GSR validation, PETRARCH unit tests, seed JSON."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

RE_CODING = re.compile(r"<EventCoding\b([^>]*)>")
RE_ATTR = re.compile(r'(\w+)="([^"]*)"')
RE_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


@dataclass(frozen=True)
class GoldEvent:
    code: str
    source: str | None  # ISO-3 country (first three letters of a CAMEO actor code), None unknown
    target: str | None
    modality: str = "asserted"
    symmetric: bool = False
    evidence: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass
class GoldSentence:
    sid: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    noevents: bool = False


def _country(actor_code: str | None) -> str | None:
    """ISO-3 country of a CAMEO actor code; None for '---' and for non-state codes such as
    IGO, NGO or IMG (international organisations and groups have no country)."""
    if not actor_code:
        return None
    c = actor_code.strip()[:3].upper()
    return c if _is_country(c) else None


# codes of non-state actors (no country) and placeholders of the unit tests
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UNO", "XYZ"}


def _actor3(actor_code: str | None) -> str | None:
    """The unit tests' own country-like code (first three letters: ARN, GON, but also USA),
    None for '---', placeholders and non-state codes (their actors have no country)."""
    if not actor_code:
        return None
    c = actor_code.strip()[:3].upper()
    return c if c.isalpha() and c not in NON_STATE else None


def cameo_code(code: str) -> bool:
    """A CAMEO event code: 2-4 digits whose root is 01-20 (the unit tests also use
    pseudo-codes outside CAMEO: 9xx and roots 21, 22, 34, 80...)."""
    return bool(re.fullmatch(r"\d{2,4}", code)) and 1 <= int(code[:2]) <= 20


@lru_cache(maxsize=512)
def _is_country(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None or code in {"PSE", "XKX"}


def _norm_text(raw: str) -> str:
    return " ".join(html.unescape(raw).replace("``", '"').replace("''", '"').split())


def detect_format(path: Path) -> str:
    """gsr | unittest | seed, from the file itself."""
    if path.suffix == ".json":
        return "seed"
    head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    return "unittest" if 'sentence="true"' in head or 'sentence="false"' in head else "gsr"


def read_gsr(path: Path) -> list[GoldSentence]:
    """PETR2_GSR_validation.xml is not well-formed: split on <Sentence and read by regex."""
    text = path.read_text(encoding="utf-8", errors="replace")
    out: list[GoldSentence] = []
    for n, chunk in enumerate(re.split(r"<Sentence\b", text)[1:]):
        m = RE_TEXT.search(chunk)
        body = _norm_text(m.group(1)) if m else ""
        if not body:
            continue
        attrs = dict(RE_ATTR.findall(chunk.split(">", 1)[0]))
        gs = GoldSentence(attrs.get("id", str(n)), body)
        for cm in RE_CODING.finditer(chunk):
            a = dict(RE_ATTR.findall(cm.group(1)))
            if a.get("noevents", "").lower() == "true":
                gs.noevents = True
            elif "eventcode" in a:
                gs.events.append(
                    GoldEvent(
                        a["eventcode"], _country(a.get("sourcecode")), _country(a.get("targetcode"))
                    )
                )
        out.append(gs)
    return out


def read_unittest(path: Path) -> list[GoldSentence]:
    """PETR.UnitTest.records.xml: well-formed; skip sentence="false" records and the
    pseudo-codes that are not CAMEO (9xx, roots above 20). Actors keep the file's own
    three-letter codes (Arnor = ARN), which are mostly not ISO countries."""
    root = ET.parse(path).getroot()
    out: list[GoldSentence] = []
    for s in root.iter("Sentence"):
        if s.get("sentence", "true").lower() == "false":
            continue
        t = s.find("Text")
        body = _norm_text(t.text or "") if t is not None else ""
        if not body:
            continue
        gs = GoldSentence(s.get("id", ""), body)
        for ec in s.findall("EventCoding"):
            if ec.get("noevents", "").lower() == "true":
                gs.noevents = True
                continue
            code = ec.get("eventcode") or ""
            if not cameo_code(code):
                continue
            gs.events.append(
                GoldEvent(code, _actor3(ec.get("sourcecode")), _actor3(ec.get("targetcode")))
            )
        if gs.events or gs.noevents:
            out.append(gs)
    return out


def read_seed(path: Path) -> tuple[Path, list[GoldEvent], str | None]:
    """The seed gold JSON: (article path, events, published date or None)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    events = [
        GoldEvent(
            e["cameo_code"],
            e.get("actor1_country"),
            e.get("actor2_country"),
            e.get("modality", "asserted"),
            bool(e.get("symmetric")),
            e["evidence"],
        )
        for e in data["events"]
    ]
    article = Path(data["article"])
    if not article.is_absolute():
        article = path.resolve().parents[2] / article
    return article, events, data.get("published_at")
