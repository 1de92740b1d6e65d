"""Spreadsheet-safe CSV: hostile text escaped in CSV only, documented, and frictionless-valid."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.release import publish, validate_release
from pipeline.release.csvsafe import escape_cell, read_csv, unescape_cell
from tests.release_fixtures import HOSTILE, make_tables, projection


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    result = publish(projection(make_tables(hostile=True)), out, {})
    assert result is not None
    return result.path


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_escape_rule() -> None:
    for text in ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "'x", "\uff1dSUM(A1)"]:
        assert escape_cell(text).startswith("'") and unescape_cell(escape_cell(text)) == text
    for text in ["plain", "a=b", " =not first", "", "1-2"]:
        assert escape_cell(text) == text


def test_hostile_cells_escaped_in_csv_only(release: Path) -> None:
    rows = {r["claim_text"] for r in _csv_rows(release / "data" / "claims.csv")}
    for text in HOSTILE[:7]:
        assert "'" + text in rows, text
    assert HOSTILE[7] in rows  # no trigger: only RFC 4180 quoting
    assert not any(r.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)
    parquet = set(pq.read_table(release / "data" / "claims.parquet").to_pandas()["claim_text"])
    assert set(HOSTILE) <= parquet  # Parquet keeps the exact text
    articles = _csv_rows(release / "data" / "articles.csv")
    assert "'=cmd|' /C calc'!A0" in {a["title"] for a in articles}
    descriptions = {r["speaker_description"] for r in _csv_rows(release / "data" / "claims.csv")}
    assert "'- former ambassador" in descriptions


def test_numeric_columns_untouched(release: Path) -> None:
    events = _csv_rows(release / "data" / "events.csv")
    assert "-10.0" in {e["goldstein"] for e in events}
    assert "'-10 dead as shelling resumes" in {e["evidence_text"] for e in events}


def test_csv_is_rfc4180(release: Path) -> None:
    raw = (release / "data" / "claims.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    raw.decode("utf-8")
    header = raw.split(b"\r\n", 1)[0].decode()
    assert header.split(",")[0] == "claim_id"
    assert b'"comma, ""quotes"" and\nnewline"' in raw


def test_csv_and_parquet_hold_the_same_rows(release: Path) -> None:
    pkg = json.loads((release / "datapackage.json").read_text())
    compared = []
    for res in pkg["resources"]:
        if res["format"] != "csv":
            continue
        compared.append(res["name"])
        text = {f["name"] for f in res["schema"]["fields"] if f["type"] == "string"}
        from_csv = read_csv(release / res["path"], text)
        from_parquet = pq.read_table(release / f"data/{res['name']}.parquet").to_pandas()
        from_parquet = from_parquet.astype(object).where(from_parquet.notna(), None)
        from_csv = from_csv.astype(object).where(from_csv.notna(), None)
        pd.testing.assert_frame_equal(from_csv, from_parquet, check_dtype=False)
    assert sorted(compared) == ["actors", "articles", "claims", "events"]


def test_rule_documented(release: Path) -> None:
    pkg = json.loads((release / "datapackage.json").read_text())
    assert "single quote" in pkg["x-csv-escaping"]
    for res in pkg["resources"]:
        if res["format"] == "csv":
            assert res["x-csv-escaping"] == pkg["x-csv-escaping"]
    assert "single quote" in (release.parent / "index.html").read_text()


def test_frictionless_cli_validates_the_release(release: Path) -> None:
    cli = Path(sys.executable).parent / "frictionless"
    run = subprocess.run(
        [str(cli), "validate", "--json", str(release / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["valid"], run.stdout[-2000:]
    assert {t["name"] for t in report["tasks"]} >= {"articles", "events", "claims", "actors"}


def test_frictionless_catches_broken_data(release: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(release, broken)
    events = broken / "data" / "events.csv"
    lines = events.read_bytes().decode("utf-8").split("\r\n")
    lines[1] = lines[1].replace(",asserted,", ",maybe,").replace(",future,", ",maybe,")
    events.write_bytes("\r\n".join(lines).encode("utf-8"))
    problems = validate_release(broken)
    assert any("events" in p and "constraint" in p for p in problems), problems
    assert any("hash" in p or "byte" in p for p in problems)
    assert "SHA256SUMS mismatch: data/events.csv" in problems
