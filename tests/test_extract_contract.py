"""What every extraction promises the projections, checked over real articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import nlp
from pipeline.extract import ArticleContext, extract_doc
from schemas.tables import columns

INVENTED = [
    "Twelve of those surveyed said prices would rise. 'It is a mess,' one shopper said.",
    "Senior aides to the mayor insisted the plan was fair, according to two people briefed.",
]


def check(texts: list[str]) -> int:
    rows = 0
    for n, doc in enumerate(nlp.parse(texts)):
        result = extract_doc(doc, ArticleContext(article_id=f"a{n}"))
        listed = {a.actor_id for a in result.actors}
        referenced = {e[k] for e in result.events for k in ("actor1_id", "actor2_id") if e[k]}
        referenced |= {c["speaker_id"] for c in result.claims if c["speaker_id"]}
        assert referenced <= listed, f"actors named by rows but not listed: {referenced - listed}"
        for e in result.events:
            assert set(e) == set(columns("events")) - {"event_group_id"}
            assert doc.text[e["char_start"] : e["char_end"]] == e["evidence_text"]
        for c in result.claims:
            assert set(c) == set(columns("claims"))
            assert doc.text[c["claim_start"] : c["claim_end"]] == c["claim_text"]
        rows += len(result.events) + len(result.claims)
    return rows


def test_invented_and_seed_articles_keep_the_promise(seed_text: str) -> None:
    assert check([*INVENTED, seed_text]) > 20


def test_bbc_articles_keep_the_promise(shared_data: Path) -> None:
    files = sorted((shared_data / "bbc").rglob("*.txt"))[::15]
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    if not texts:
        pytest.skip("no BBC articles")
    assert check(texts) > 100
