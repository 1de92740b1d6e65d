"""Projections: rebuilt from the ledger alone, validated, with quarantine and corrections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline import corrections, extraction, ingest, project
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.ledger import EXTRACTION_RECORDED, Ledger, NewEntry


def event_row(article_id: str, text: str, sentence: str, **over: Any) -> dict[str, Any]:
    start = text.index(sentence)
    row = {
        "event_id": f"ev_{abs(hash((sentence, tuple(over.items())))):x}"[:19],
        "article_id": article_id,
        "sentence_index": 0,
        "char_start": start,
        "char_end": start + len(sentence),
        "evidence_text": sentence,
        "actor1_id": "USA",
        "actor1_name": "United States",
        "actor1_country": "USA",
        "actor1_sector": "GOV",
        "actor2_id": "RUS",
        "actor2_name": "Russia",
        "actor2_country": "RUS",
        "actor2_sector": "GOV",
        "cameo_code": "040",
        "cameo_root": "04",
        "event_label": "Consult",
        "goldstein": 1.0,
        "quad_class": 1,
        "plover_type": "CONSULT",
        "plover_mode": None,
        "modality": "asserted",
        "event_date": None,
        "date_precision": "unknown",
        "date_text": None,
        "location_name": None,
        "location_country": None,
        "event_group_id": None,
        "confidence": 0.5,
        "extractor_version": "test",
    }
    return {**row, **over}


@pytest.fixture
def seeded(tmp_path: Path, raw_dir: Path) -> Path:
    db = tmp_path / "w.duckdb"
    with Ledger.open(db) as ledger:
        ingest.record(ledger, raw_dir, "test")
        extraction.record(ledger, "test")
    return db


def test_rebuild_from_ledger_equals_the_live_tables(seeded: Path) -> None:
    with Ledger.open(seeded) as ledger:
        project.write(ledger.con, project.build(ledger))
        live = project.read_tables(ledger.con)
        for name in project.TABLES:
            ledger.con.execute(f"DROP TABLE {name}")
        project.write(ledger.con, project.build(ledger))
        rebuilt = project.read_tables(ledger.con)
    for name in project.TABLES:
        pd.testing.assert_frame_equal(live[name], rebuilt[name])
    assert len(live["articles"]) == 1


def test_unchanged_input_appends_nothing(seeded: Path, raw_dir: Path) -> None:
    with Ledger.open(seeded) as ledger:
        head = ledger.head()
        assert ingest.record(ledger, raw_dir, "test").added == 0
        assert extraction.record(ledger, "test").pending == 0
        assert ledger.head() == head


def test_invalid_rows_are_quarantined_with_the_check_and_article(seeded: Path) -> None:
    with Ledger.open(seeded) as ledger:
        (article,) = project.build(ledger).tables["articles"].to_dict("records")
        text = project.build(ledger).texts["text"][0]
        aid = article["article_id"]
        sentence = text.split("\n")[0]
        good = event_row(aid, text, sentence)
        shifted = event_row(
            aid, text, sentence, event_id="ev_shifted", char_start=good["char_start"] + 1
        )
        bad_code = event_row(
            aid, text, sentence, event_id="ev_badcode", cameo_code="9x9", quad_class=7
        )
        ledger.append(
            [
                NewEntry(
                    EXTRACTION_RECORDED,
                    aid,
                    {
                        "article_id": aid,
                        "extractor_version": "test",
                        "events": [good, shifted, bad_code],
                        "claims": [],
                        "actors": [],
                    },
                    "test",
                )
            ]
        )
        built = project.build(ledger)
    assert built.tables["events"]["event_id"].tolist() == [good["event_id"]]
    q = built.quarantine.set_index("table_name").loc["events"]
    assert len(q) == 2
    reasons = " ".join(q["reason"])
    assert "offsets_match_text" in reasons
    assert "cameo_code" in reasons and "quad_class" in reasons
    assert set(q["article_id"]) == {aid}


def test_a_correction_survives_reextraction_and_can_be_reverted(seeded: Path) -> None:
    with Ledger.open(seeded) as ledger:
        text = project.build(ledger).texts["text"][0]
        aid = project.build(ledger).tables["articles"]["article_id"][0]
        sentence = text.split("\n")[0]
        rows = [
            event_row(aid, text, sentence, event_id="ev_a"),
            event_row(aid, text, sentence, event_id="ev_b", cameo_code="036", event_label="x"),
        ]

        def extract(version: str) -> None:
            ledger.append(
                [
                    NewEntry(
                        EXTRACTION_RECORDED,
                        aid,
                        {
                            "article_id": aid,
                            "extractor_version": version,
                            "events": rows,
                            "claims": [],
                            "actors": [],
                        },
                        "test",
                    )
                ]
            )

        extract("v1")
        retract = corrections.record(
            ledger, "retract", "not an event", "analyst", "test", table="events", row_id="ev_a"
        )
        corrections.record(
            ledger,
            "override",
            "wrong target",
            "analyst",
            "test",
            table="events",
            row_id="ev_b",
            fields={"actor2_country": "UKR"},
        )
        extract("v2")  # a newer extractor version supersedes v1
        events = project.build(ledger).tables["events"].set_index("event_id")
        assert list(events.index) == ["ev_b"]
        assert events.loc["ev_b", "actor2_country"] == "UKR"

        corrections.record(ledger, "revert", "it was an event", "analyst", "test", reverts=retract)
        built = project.build(ledger)
        assert sorted(built.tables["events"]["event_id"]) == ["ev_a", "ev_b"]
        assert built.corrections["in_force"].tolist() == [False, True, True]


def test_corrections_refuse_nonsense(seeded: Path) -> None:
    with Ledger.open(seeded) as ledger:
        # no field ending in _id can be overridden: ids are identity, not content
        for fields in ({"event_id": "y"}, {"actor1_id": "RUS"}):
            with pytest.raises(corrections.CorrectionError):
                corrections.record(
                    ledger, "override", "r", "a", "t", table="events", row_id="x", fields=fields
                )
        with pytest.raises(corrections.CorrectionError):
            corrections.record(ledger, "revert", "r", "a", "t", reverts="corr_missing")
        with pytest.raises(corrections.CorrectionError):
            corrections.record(ledger, "retract", " ", "a", "t", table="events", row_id="x")


def test_extractor_change_appends_superseding_entries(seeded: Path) -> None:
    with Ledger.open(seeded) as ledger:
        assert extraction.pending(ledger) == []
        assert len(extraction.pending(ledger, version=EXTRACTOR_VERSION + "-next")) == 1


def test_an_article_whose_extraction_fails_is_quarantined_not_lost(
    tmp_path: Path, raw_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (raw_dir / "second.txt").write_text("Second\n\nFrench and German ministers met in Paris.")
    real = extraction.extract_doc

    def failing(doc: object, ctx: extraction.ArticleContext) -> object:
        if "French" in str(doc):
            raise ValueError("injected failure")
        return real(doc, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(extraction, "extract_doc", failing)
    with Ledger.open(tmp_path / "w.duckdb") as ledger:
        ingest.record(ledger, raw_dir, "test")
        summary = extraction.record(ledger, "test")
        assert (summary.pending, summary.extracted, summary.failed) == (2, 1, 1)
        assert extraction.record(ledger, "test").pending == 0  # not retried for this version
        built = project.build(ledger)
    (row,) = built.quarantine.to_dict("records")
    assert row["stage"] == "extract" and row["check"] == "extraction_succeeds"
    assert "injected failure" in row["reason"] and row["source_path"] == "second.txt"
    assert len(built.tables["articles"]) == 2  # the article itself is kept
