"""Small hand-made tables that pass the published Pandera models, for release tests.

They do not depend on the extractors: every row is written out here. ``projection`` wraps the
tables in an object with the attributes ``pipeline.release.publish()`` reads from a Projection.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline.corrections import CORRECTION_COLUMNS
from schemas.tables import PUBLISHED, columns

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\tleading tab",
    "\rleading carriage return",
    "'already quoted",
    'comma, "quotes" and\nnewline',
]


@dataclass
class FakeProjection:
    tables: dict[str, pd.DataFrame]
    corrections: pd.DataFrame = field(default_factory=pd.DataFrame)
    ledger_head: int = 1
    extractor_versions: list[str] = field(default_factory=lambda: ["events-1.0", "claims-1.0"])

    def counts(self) -> dict[str, int]:
        return {name: len(df) for name, df in self.tables.items()}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def article(i: int) -> dict[str, Any]:
    sha = _sha(f"article {i}")
    return {
        "article_id": sha[:16],
        "content_sha256": sha,
        "source_path": f"raw/article-{i}.txt",
        "title": f"Talks resume, day {i}",
        "outlet": ["Daily Planet", "Gazette"][i % 2],
        "author": None if i % 3 == 0 else f"Reporter {i}",
        "url": f"https://news.example/{i}",
        "published_at": f"2025-0{1 + i % 9}-1{i % 10}",
        "language": "en",
        "encoding": "utf-8",
        "word_count": 100 + i,
        "ingested_at": f"2026-01-01T00:00:{i % 60:02d}+00:00",
    }


ACTORS = [
    ("USAGOV", "United States government", "country", "USA", "GOV", "Q30"),
    ("RUSGOV", "Russian government", "country", "RUS", "GOV", "Q159"),
    ("UKRMIL", "Ukrainian armed forces", "organization", "UKR", "MIL", None),
    ("P-SMITH", "Jane Smith", "person", "USA", "GOV", None),
]
ROOTS = [
    ("04", "040", "Consult", 1.0, 1),
    ("19", "190", "Use conventional military force", -10.0, 4),
    ("05", "051", "Praise", 3.4, 1),
]


def event(art: dict[str, Any], k: int, version: str = "events-1.0") -> dict[str, Any]:
    a1, a2 = ACTORS[k % 3], ACTORS[(k + 1) % 3]
    root, code, label, gold, quad = ROOTS[k % 3]
    text = f"Sentence {k} of article {art['article_id']} reports an event."
    return {
        "event_id": f"ev-{art['article_id']}-{k}",
        "article_id": art["article_id"],
        "sentence_index": k,
        "char_start": 10 * k,
        "char_end": 10 * k + len(text),
        "evidence_text": text,
        "actor1_id": a1[0],
        "actor1_name": a1[1],
        "actor1_country": a1[3],
        "actor1_sector": a1[4],
        "actor2_id": a2[0],
        "actor2_name": a2[1],
        "actor2_country": a2[3],
        "actor2_sector": a2[4],
        "cameo_code": code,
        "cameo_root": root,
        "event_label": label,
        "goldstein": gold,
        "quad_class": quad,
        "plover_type": "CONSULT" if root == "04" else None,
        "plover_mode": None,
        "modality": "asserted" if k % 4 else "future",
        "event_date": f"2025-0{1 + k % 3}-0{1 + k % 9}" if k % 5 else None,
        "date_precision": "day" if k % 5 else "unknown",
        "date_text": None,
        "location_name": "Kyiv" if k % 2 else None,
        "location_country": "UKR" if k % 2 else None,
        "event_group_id": f"g-{art['article_id']}-{k // 2}",
        "confidence": 0.5 + 0.1 * (k % 5),
        "extractor_version": version,
    }


def claim(
    art: dict[str, Any], k: int, text: str | None = None, version: str = "claims-1.0"
) -> dict[str, Any]:
    content = text if text is not None else f"the talks will continue ({k})"
    evidence = f'"{content}," Smith said.'
    speaker = ACTORS[3] if k % 2 == 0 else None
    return {
        "claim_id": f"cl-{art['article_id']}-{k}",
        "article_id": art["article_id"],
        "char_start": 5,
        "char_end": 5 + len(evidence),
        "evidence_text": evidence,
        "claim_start": 6,
        "claim_end": 6 + len(content),
        "claim_text": content,
        "speaker_id": speaker[0] if speaker else None,
        "speaker_name": speaker[1] if speaker else None,
        "speaker_description": "- former ambassador" if speaker else None,
        "cue": "said",
        "claim_kind": "direct",
        "event_id": None,
        "confidence": 0.9,
        "extractor_version": version,
    }


def actors_for(events: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    mentions = pd.concat([events["actor1_id"], events["actor2_id"], claims["speaker_id"]])
    counts = mentions.dropna().value_counts()
    rows = [
        {
            "actor_id": a,
            "name": n,
            "actor_type": t,
            "country": c,
            "sector": s,
            "wikidata_qid": q,
            "aliases": None,
            "mention_count": int(counts.get(a, 0)),
        }
        for a, n, t, c, s, q in ACTORS
        if counts.get(a, 0)
    ]
    return pd.DataFrame(rows, columns=columns("actors"))


def make_tables(
    n_articles: int = 2,
    events_per_article: int = 3,
    claims_per_article: int = 2,
    hostile: bool = False,
    event_version: str = "events-1.0",
) -> dict[str, pd.DataFrame]:
    """Valid tables for ``n_articles`` articles; ``hostile`` puts formula-like text in cells."""
    arts = [article(i) for i in range(n_articles)]
    evs = [event(a, k, event_version) for a in arts for k in range(events_per_article)]
    cls = [claim(a, k) for a in arts for k in range(claims_per_article)]
    if hostile:
        for j, text in enumerate(HOSTILE):
            cls.append(claim(arts[0], 100 + j, text=text))
        arts[0]["title"] = "=cmd|' /C calc'!A0"
        evs[0]["evidence_text"] = "-10 dead as shelling resumes"
    events = pd.DataFrame(evs, columns=columns("events"))
    claims = pd.DataFrame(cls, columns=columns("claims"))
    tables = {
        "articles": pd.DataFrame(arts, columns=columns("articles")),
        "events": events,
        "claims": claims,
        "actors": actors_for(events, claims),
    }
    return {name: PUBLISHED[name].validate(frame) for name, frame in tables.items()}


def corrections_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=CORRECTION_COLUMNS)


def projection(tables: dict[str, pd.DataFrame] | None = None, **kw: Any) -> FakeProjection:
    return FakeProjection(tables=tables if tables is not None else make_tables(), **kw)
