"""Publishing releases: layout, versioning, idempotence, atomicity, immutability."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow.parquet as pq
import pytest
from pandera.typing import Series

import pipeline.release.publisher as publish_mod
from pipeline.release import ReleaseExistsError, publish, validate_release
from pipeline.release.package import verify_sums
from schemas.tables import PUBLISHED, Actors
from tests.release_fixtures import article, claim, event, make_tables, projection

TABLES = ["articles", "events", "claims", "actors"]


def _latest(out: Path) -> dict:
    return json.loads((out / "datasets" / "latest.json").read_text())


def test_first_release_layout(tmp_path: Path) -> None:
    result = publish(projection(), tmp_path, {"run": "test"})
    assert result is not None
    assert (result.version, result.bump) == ("1.0.0", "initial")
    folder = tmp_path / "datasets" / "1.0.0"
    assert result.path == folder
    expected = {"datapackage.json", "CHANGELOG.md", "changes.json", "CITATION.cff", "SHA256SUMS"}
    expected |= {f"data/{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")}
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert found == expected
    assert result.counts == {"articles": 2, "events": 6, "claims": 4, "actors": 4}
    # nothing left behind: no temp folders, latest.json points at the release
    assert not [p for p in (tmp_path / "datasets").iterdir() if p.name.startswith(".tmp")]
    latest = _latest(tmp_path)
    assert latest["version"] == "1.0.0" and latest["path"] == "1.0.0/"
    assert latest["counts"] == result.counts
    assert validate_release(folder) == []


def test_datapackage_metadata(tmp_path: Path) -> None:
    result = publish(projection(), tmp_path, {})
    assert result is not None
    pkg = json.loads((result.path / "datapackage.json").read_text())
    assert pkg["version"] == "1.0.0" and pkg["created"].endswith("Z")
    assert pkg["licenses"][0]["name"] == "CC-BY-4.0"
    assert {"title": "Gazette: Talks resume, day 1", "path": "https://news.example/1"} in (
        pkg["sources"]
    )
    by_name = {r["name"]: r for r in pkg["resources"]}
    assert set(by_name) == set(TABLES) | {f"{t}-parquet" for t in TABLES}
    for res in pkg["resources"]:
        file = result.path / res["path"]
        assert res["bytes"] == file.stat().st_size
        digest = subprocess.run(
            ["sha256sum", str(file)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
        assert res["hash"] == f"sha256:{digest}"
        assert res["mediatype"] in ("text/csv", "application/vnd.apache.parquet")
    events = by_name["events"]["schema"]
    assert events["primaryKey"] == ["event_id"]
    assert events["foreignKeys"] == [
        {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}},
        {"fields": ["actor1_id"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
        {"fields": ["actor2_id"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
    ]
    fields = {f["name"]: f for f in events["fields"]}
    assert fields["goldstein"]["type"] == "number"
    assert fields["goldstein"]["constraints"]["minimum"] == -10
    assert fields["quad_class"]["constraints"]["enum"] == [1, 2, 3, 4]
    assert fields["cameo_code"]["description"].startswith("CAMEO event code")
    # the article text is never published
    article_fields = [f["name"] for f in by_name["articles"]["schema"]["fields"]]
    assert "text" not in article_fields
    assert "text" not in pq.read_schema(result.path / "data" / "articles.parquet").names


def test_checksums_verify_with_sha256sum(tmp_path: Path) -> None:
    result = publish(projection(), tmp_path, {})
    assert result is not None
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=result.path, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {
        line.split("  ", 1)[1] for line in (result.path / "SHA256SUMS").read_text().splitlines()
    }
    assert "SHA256SUMS" not in listed and "datapackage.json" in listed
    (result.path / "data" / "events.csv").write_text("tampered\r\n")
    assert verify_sums(result.path) == ["data/events.csv"]


def test_identical_content_publishes_nothing(tmp_path: Path) -> None:
    tables = make_tables()
    assert publish(projection(tables), tmp_path, {}) is not None
    before = (tmp_path / "datasets" / "latest.json").read_bytes()
    shuffled = {name: df.sample(frac=1, random_state=3) for name, df in tables.items()}
    assert publish(projection(shuffled, ledger_head=99), tmp_path, {}) is None
    assert [p.name for p in (tmp_path / "datasets").iterdir() if p.is_dir()] == ["1.0.0"]
    assert (tmp_path / "datasets" / "latest.json").read_bytes() == before


def test_minor_when_articles_added(tmp_path: Path) -> None:
    publish(projection(make_tables(n_articles=2)), tmp_path, {})
    result = publish(projection(make_tables(n_articles=3)), tmp_path, {})
    assert result is not None and (result.version, result.bump) == ("1.1.0", "minor")
    assert result.previous == "1.0.0"
    assert _latest(tmp_path)["version"] == "1.1.0"


def test_patch_when_only_extractions_change(tmp_path: Path) -> None:
    publish(projection(make_tables()), tmp_path, {})
    tables = make_tables(event_version="events-1.1")
    tables["events"].loc[0, "confidence"] = 0.99  # the new extractor states one fact differently
    result = publish(
        projection(tables, extractor_versions=["claims-1.0", "events-1.1"]), tmp_path, {}
    )
    assert result is not None and (result.version, result.bump) == ("1.0.1", "patch")
    events = result.changes["tables"]["events"]
    assert events["changed"] == 6
    assert events["changed_columns"] == {"extractor_version": 6, "confidence": 1}
    assert result.changes["reasons"]["extractor_versions"] == {
        "from": ["claims-1.0", "events-1.0"],
        "to": ["claims-1.0", "events-1.1"],
        "changed": True,
    }


def test_new_extractor_stating_the_same_facts_publishes_nothing(tmp_path: Path) -> None:
    publish(projection(make_tables()), tmp_path, {})
    same_facts = make_tables(event_version="events-1.1")
    assert publish(projection(same_facts, extractor_versions=["events-1.1"]), tmp_path, {}) is None


class ActorsV2(Actors):
    """Actors with one more published column."""

    description: Series[str] = pa.Field(description="What the actor is.", nullable=True)


def test_major_when_contract_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    publish(projection(), tmp_path, {})
    monkeypatch.setitem(PUBLISHED, "actors", ActorsV2)
    result = publish(projection(), tmp_path, {})
    assert result is not None and (result.version, result.bump) == ("2.0.0", "major")
    contract = result.changes["contract"]
    assert contract["changed"] and contract["tables"]["actors"]["added"] == ["description"]
    assert validate_release(result.path) == []
    assert publish(projection(), tmp_path, {}) is None  # same contract, same rows


def test_failure_mid_publish_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(projection(), tmp_path, {})
    datasets = tmp_path / "datasets"
    latest, index = (datasets / "latest.json").read_bytes(), (datasets / "index.html").read_bytes()
    real = publish_mod.write_csv
    calls: list[str] = []

    def flaky(table: str, frame: pd.DataFrame, path: Path) -> None:
        calls.append(table)
        if table == "claims":
            raise OSError("disk full")
        real(table, frame, path)

    monkeypatch.setattr(publish_mod, "write_csv", flaky)
    with pytest.raises(OSError, match="disk full"):
        publish(projection(make_tables(n_articles=3)), tmp_path, {})
    assert calls == ["articles", "events", "claims"]
    assert sorted(p.name for p in datasets.iterdir()) == [
        ".publish.lock",
        "1.0.0",
        "index.html",
        "latest.json",
    ]
    assert (datasets / "latest.json").read_bytes() == latest
    assert (datasets / "index.html").read_bytes() == index
    monkeypatch.setattr(publish_mod, "write_csv", real)
    result = publish(projection(make_tables(n_articles=3)), tmp_path, {})
    assert result is not None and result.version == "1.1.0"


def test_invalid_release_is_not_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_csv(table: str, frame: pd.DataFrame, path: Path) -> None:
        path.write_text("wrong,header\r\n1,2\r\n")

    monkeypatch.setattr(publish_mod, "write_csv", broken_csv)
    with pytest.raises(publish_mod.ReleaseError, match="frictionless"):
        publish(projection(), tmp_path, {})
    datasets = tmp_path / "datasets"
    assert not (datasets / "latest.json").exists()
    assert not [p for p in datasets.iterdir() if p.is_dir()]


def test_refuses_to_overwrite_a_version(tmp_path: Path) -> None:
    publish(projection(), tmp_path, {})
    squatter = tmp_path / "datasets" / "1.1.0"
    squatter.mkdir()
    (squatter / "keep.txt").write_text("not mine")
    with pytest.raises(ReleaseExistsError):
        publish(projection(make_tables(n_articles=3)), tmp_path, {})
    assert (squatter / "keep.txt").read_text() == "not mine"
    assert _latest(tmp_path)["version"] == "1.0.0"


def test_orphan_rows_refused(tmp_path: Path) -> None:
    tables = make_tables()
    stray = article(9)
    tables["events"] = pd.concat(
        [tables["events"], pd.DataFrame([event(stray, 0)])], ignore_index=True
    )
    with pytest.raises(publish_mod.ReleaseError, match="events.article_id"):
        publish(projection(tables), tmp_path, {})
    assert not (tmp_path / "datasets" / "1.0.0").exists()


def test_recovers_latest_after_crash_before_latest_json(tmp_path: Path) -> None:
    publish(projection(make_tables(n_articles=2)), tmp_path, {})
    keep = (tmp_path / "datasets" / "latest.json").read_bytes()
    publish(projection(make_tables(n_articles=3)), tmp_path, {})
    (tmp_path / "datasets" / "latest.json").write_bytes(keep)  # as if we died before it
    assert publish(projection(make_tables(n_articles=3)), tmp_path, {}) is None
    assert _latest(tmp_path)["version"] == "1.1.0"


def test_changelog_accumulates(tmp_path: Path) -> None:
    publish(projection(make_tables(n_articles=2)), tmp_path, {})
    tables = make_tables(n_articles=3)
    tables["claims"] = pd.concat(
        [tables["claims"], pd.DataFrame([claim(article(2), 7)])], ignore_index=True
    )
    result = publish(projection(tables), tmp_path, {})
    assert result is not None
    text = (result.path / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog\n\n## 1.1.0")
    assert text.index("## 1.1.0") < text.index("## 1.0.0")
    assert "1 new article(s)" in text
    cff = (result.path / "CITATION.cff").read_text()
    assert 'version: "1.1.0"' in cff and "license: CC-BY-4.0" in cff


def test_old_versions_untouched(tmp_path: Path) -> None:
    publish(projection(make_tables(n_articles=2)), tmp_path, {})
    first = tmp_path / "datasets" / "1.0.0"
    snapshot = {p: p.read_bytes() for p in first.rglob("*") if p.is_file()}
    publish(projection(make_tables(n_articles=3)), tmp_path, {})
    assert {p: p.read_bytes() for p in first.rglob("*") if p.is_file()} == snapshot


def test_stale_temp_folders_are_cleared(tmp_path: Path) -> None:
    stale = tmp_path / "datasets" / ".tmp-1.0.0-deadbeef"
    (stale / "data").mkdir(parents=True)
    (stale / "data" / "events.csv").write_text("half")
    result = publish(projection(), tmp_path, {})
    assert result is not None and result.version == "1.0.0"
    assert not stale.exists()


def test_empty_projection_publishes_valid_release(tmp_path: Path) -> None:
    empty = {t: pd.DataFrame(columns=list(PUBLISHED[t].to_schema().columns)) for t in TABLES}
    result = publish(projection(empty), tmp_path, {})
    assert result is not None and result.counts == dict.fromkeys(TABLES, 0)
    assert validate_release(result.path) == []


def test_major_when_contract_version_bumped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(projection(), tmp_path, {})
    monkeypatch.setattr(publish_mod, "CONTRACT_VERSION", 2)
    result = publish(projection(), tmp_path, {})
    assert result is not None and (result.version, result.bump) == ("2.0.0", "major")
    assert result.changes["contract"]["contract_version"] == {"from": 1, "to": 2}


def test_citation_cff_is_valid_yaml(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    result = publish(projection(), tmp_path, {})
    assert result is not None
    cff = yaml.safe_load((result.path / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == "1.0.0" and cff["license"] == "CC-BY-4.0"
    assert cff["authors"] and str(cff["date-released"]) == _latest(tmp_path)["created"][:10]
