"""Event coding measured on the seed gold and the PETRARCH-2 GSR (floors just under measured)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.events import evaluate, extra_countries, file_aliases, format_report
from pipeline.evaluate.events_gold import detect_format, read_gsr, read_unittest
from pipeline.extract.countries import country_of

REPO = Path(__file__).resolve().parents[1]
SEED_GOLD = REPO / "tests" / "fixtures" / "seed_events_gold.json"
PETRARCH = REPO.parent / "shared" / "data" / "petrarch"
MEASURED_BBC_FLOOR = 2.5  # events per politics story (measured 2.64; 19% of stories had none)
BBC_POLITICS = REPO.parent / "shared" / "data" / "bbc" / "politics"


def _petrarch(name: str) -> Path:
    path = PETRARCH / name
    if not path.exists():
        pytest.skip(f"{path} is absent (third-party data)")
    return path


def test_seed_gold_f1_and_modality() -> None:
    result = evaluate(SEED_GOLD)
    assert result["format"] == "seed"
    assert result["unlocated_evidence"] == []
    assert result["f1"] >= 0.9
    assert result["recall"] >= 0.92
    assert result["modality_errors"] == 0
    assert result["confidence"]["auc"] >= 0.75
    assert "F1" in format_report(result)


def test_gsr_reader_handles_malformed_xml() -> None:
    path = _petrarch("PETR2_GSR_validation.xml")
    assert detect_format(path) == "gsr"
    sents = read_gsr(path)
    assert len(sents) >= 70
    assert sum(s.noevents for s in sents) >= 10
    assert all(g.source is None or len(g.source) == 3 for s in sents for g in s.events)


def test_unittest_reader_skips_pseudo_codes_and_false_records() -> None:
    path = _petrarch("PETR.UnitTest.records.xml")
    assert detect_format(path) == "unittest"
    sents = read_unittest(path)
    assert len(sents) > 200
    assert not any(g.code.startswith("9") for s in sents for g in s.events)
    # pseudo-codes outside CAMEO's roots 01-20 (21x, 22x, 34x, 80x) are not gold either
    assert all(1 <= int(g.root) <= 20 for s in sents for g in s.events)
    # actors keep the file's own codes (Arnor = ARN), which are mostly not ISO countries
    assert any(g.source == "ARN" for s in sents for g in s.events)


def test_unittest_place_names_are_country_aliases_for_that_file_only() -> None:
    sents = read_unittest(_petrarch("PETR.UnitTest.records.xml"))
    names, demonyms, _ = file_aliases(sents)
    assert names["arnor"] == "ARN" and names["gondor"] == "GON"
    assert demonyms.get("arnorian") == "ARN"
    assert "foreign" not in names  # an English word, also written in lower case
    with extra_countries(names, demonyms):
        assert country_of("Gondor") == "GON"
    assert country_of("Gondor") is None  # the actor dictionary is restored


def test_gsr_figures() -> None:
    result = evaluate(_petrarch("PETR2_GSR_validation.xml"))
    assert result["root_accuracy"] >= 0.74
    assert result["source_country_accuracy"] >= 0.97
    assert result["target_country_accuracy"] >= 0.87
    assert result["noevents_correct"] >= 0.9
    assert result["root_only"]["precision"] >= 0.75
    assert result["confidence"]["auc"] >= 0.8  # confidence separates right from wrong
    report = format_report(result)
    assert "noevents" in report and "root-code accuracy" in report


def test_unittest_figures() -> None:
    """The unit tests' gold uses their own test dictionary's codes (condemn = 122,
    restore ties = 064...), so root accuracy there is low by design; floors just under
    measured, to catch regressions in verb coverage and actor handling."""
    result = evaluate(_petrarch("PETR.UnitTest.records.xml"))
    assert result["format"] == "unittest"
    assert result["gold_events"] >= 280
    assert result["coverage"] >= 0.48  # measured 0.505
    assert result["root_accuracy"] >= 0.05  # measured 0.056
    assert result["noevents_correct"] >= 0.75  # measured 0.789
    assert "event sentences with a coded event" in format_report(result)


def test_everyday_politics_gets_events() -> None:
    """Domestic political news is event data too: every 10th BBC politics story."""
    if not BBC_POLITICS.exists():
        pytest.skip(f"{BBC_POLITICS} is absent (third-party data)")
    from pipeline.extract.actors import ActorResolver
    from pipeline.extract.events import extract_events
    from pipeline.extract.model import ArticleContext
    from pipeline.nlp import parse

    files = sorted(BBC_POLITICS.glob("*.txt"))[::10]
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in files]
    counts = []
    for n, doc in enumerate(parse(texts)):
        ctx = ArticleContext(f"bbc-{n}")
        counts.append(len(extract_events(doc, ctx, ActorResolver(doc, ctx))))
    assert sum(counts) / len(counts) >= MEASURED_BBC_FLOOR
    assert sum(c == 0 for c in counts) / len(counts) <= 0.25
