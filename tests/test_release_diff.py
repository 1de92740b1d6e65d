"""Change reports between releases: rows added, removed, changed by primary key, with reasons."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.release import diff_versions, format_diff, publish
from tests.release_fixtures import corrections_frame, make_tables, projection


def _correction(cid: str, action: str, table: str, row_id: str, in_force: bool = True) -> dict:
    return {
        "correction_id": cid,
        "action": action,
        "table_name": table,
        "row_id": row_id,
        "fields": "{}",
        "reason": "wrong speaker",
        "author": "ana",
        "reverts": None,
        "recorded_at": "2026-01-02T00:00:00+00:00",
        "in_force": in_force,
    }


def _three_releases(tmp_path: Path) -> tuple[dict, dict]:
    """1.0.0; 1.1.0 adds an article; 1.1.1 applies corrections (an override and a retraction)."""
    publish(projection(make_tables(n_articles=2)), tmp_path, {})
    publish(projection(make_tables(n_articles=3)), tmp_path, {})
    tables = make_tables(n_articles=3)
    claims = tables["claims"]
    changed_id, retracted_id = claims["claim_id"].iloc[0], claims["claim_id"].iloc[1]
    claims.loc[claims["claim_id"] == changed_id, ["speaker_id", "speaker_name"]] = None
    claims = claims[claims["claim_id"] != retracted_id].reset_index(drop=True)
    tables["claims"] = claims
    tables["actors"].loc[tables["actors"]["actor_id"] == "P-SMITH", "mention_count"] -= 1
    corr = corrections_frame(
        [
            _correction("corr-1", "override", "claims", changed_id),
            _correction("corr-2", "retract", "claims", retracted_id),
        ]
    )
    result = publish(
        projection(tables, corrections=corr), tmp_path, {"corrections": ["corr-1", "corr-2"]}
    )
    assert result is not None and result.version == "1.1.1"
    return result.changes, {"changed": changed_id, "retracted": retracted_id}


def test_changes_json_for_corrections(tmp_path: Path) -> None:
    changes, ids = _three_releases(tmp_path)
    on_disk = json.loads((tmp_path / "datasets" / "1.1.1" / "changes.json").read_text())
    assert on_disk["to"] == "1.1.1" and on_disk["from"] == "1.1.0" and on_disk["bump"] == "patch"
    claims = on_disk["tables"]["claims"]
    assert claims["removed_ids"] == [ids["retracted"]] and claims["added"] == 0
    assert claims["changed_rows"] == [
        {"id": ids["changed"], "columns": ["speaker_id", "speaker_name"]}
    ]
    assert claims["changed_columns"] == {"speaker_id": 1, "speaker_name": 1}
    assert claims["by_reason"] == {"corrections": 2}
    assert on_disk["tables"]["events"]["changed"] == 0
    actors = on_disk["tables"]["actors"]
    assert actors["changed_rows"] == [{"id": "P-SMITH", "columns": ["mention_count"]}]
    applied = [c["correction_id"] for c in on_disk["reasons"]["corrections"]["applied"]]
    assert applied == ["corr-1", "corr-2"]
    assert on_disk["context"] == {"corrections": ["corr-1", "corr-2"]}
    changelog = (tmp_path / "datasets" / "1.1.1" / "CHANGELOG.md").read_text()
    assert "correction corr-1 applied: override claims" in changelog
    assert "| claims | 5 | 0 | 1 | 1 | `speaker_id` (1), `speaker_name` (1) |" in changelog


def test_new_articles_reason(tmp_path: Path) -> None:
    _three_releases(tmp_path)
    changes = json.loads((tmp_path / "datasets" / "1.1.0" / "changes.json").read_text())
    assert changes["bump"] == "minor" and changes["reasons"]["new_article_count"] == 1
    assert changes["tables"]["articles"]["added"] == 1
    assert changes["tables"]["events"]["by_reason"] == {"new_articles": 3}
    assert changes["tables"]["claims"]["added"] == 2


def test_diff_any_two_versions(tmp_path: Path) -> None:
    _three_releases(tmp_path)
    datasets = tmp_path / "datasets"
    d = diff_versions(datasets, "1.0.0", "1.1.1")
    assert (d["from"], d["to"], d["bump"]) == ("1.0.0", "1.1.1", "minor")
    assert d["tables"]["articles"]["added"] == 1
    claims = d["tables"]["claims"]
    assert claims["rows_before"] == 4 and claims["rows_after"] == 5
    assert claims["removed"] == 1 and claims["changed"] == 1 and claims["added"] == 2
    assert [c["correction_id"] for c in d["reasons"]["corrections"]["applied"]] == [
        "corr-1",
        "corr-2",
    ]
    backwards = diff_versions(datasets, "1.1.1", "1.0.0")
    assert backwards["tables"]["articles"]["removed"] == 1
    assert [c["correction_id"] for c in backwards["reasons"]["corrections"]["reverted"]] == [
        "corr-1",
        "corr-2",
    ]
    same = diff_versions(datasets, "1.1.0", "1.1.0")
    assert all(t["added"] == t["removed"] == t["changed"] == 0 for t in same["tables"].values())
    text = format_diff(d)
    assert text.startswith("1.0.0 -> 1.1.1  [minor]")
    assert "1 new article(s)" in text and "speaker_id (1)" in text


def test_row_ids_are_the_diff_key(tmp_path: Path) -> None:
    """A changed value under the same id is a change; a new id is an add plus a remove."""
    tables = make_tables()
    publish(projection(tables), tmp_path, {})
    events = tables["events"].copy()
    first = events["event_id"].iloc[0]
    events.loc[0, "goldstein"] = -5.0
    events.loc[1, "event_id"] = "ev-renamed"
    tables2 = {**tables, "events": events}
    result = publish(projection(tables2), tmp_path, {})
    assert result is not None
    ev = result.changes["tables"]["events"]
    assert ev["changed_rows"] == [{"id": first, "columns": ["goldstein"]}]
    assert ev["added_ids"] == ["ev-renamed"] and len(ev["removed_ids"]) == 1


def test_latest_and_previous_aliases(tmp_path: Path) -> None:
    _three_releases(tmp_path)
    d = diff_versions(tmp_path / "datasets", "previous", "latest")
    assert (d["from"], d["to"]) == ("1.1.0", "1.1.1")
