"""End to end through the real CLI: a Dagster run over real files into a real release."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]


def latest(datasets: Path) -> str:
    return str(json.loads((datasets / "latest.json").read_text())["version"])


def pipeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("e2e")
    raw = root / "raw"
    raw.mkdir()
    for f in (REPO / "raw").iterdir():
        (raw / f.name).write_bytes(f.read_bytes())
    out = root / "out"
    done = pipeline("run", "--raw", str(raw), "--out", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    return raw, out, done.stdout


def test_first_run_publishes_a_complete_version(first_run: tuple[Path, Path, str]) -> None:
    _, out, stdout = first_run
    latest = json.loads((out / "datasets" / "latest.json").read_text())
    version_dir = out / "datasets" / latest["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", latest["version"])
    assert "published" in stdout
    for table in ("articles", "events", "claims", "actors"):
        parquet = pd.read_parquet(version_dir / "data" / f"{table}.parquet")
        csv = pd.read_csv(version_dir / "data" / f"{table}.csv", dtype=str, keep_default_na=False)
        assert len(parquet) == len(csv)
        assert list(parquet.columns) == list(csv.columns)
    assert (version_dir / "datapackage.json").exists() and (version_dir / "SHA256SUMS").exists()
    assert len(pd.read_parquet(version_dir / "data" / "events.parquet")) > 0
    assert (out / "dagster" / "dagster.yaml").exists()


def test_every_published_offset_slices_the_article_text(first_run: tuple[Path, Path, str]) -> None:
    _, out, _ = first_run
    latest = json.loads((out / "datasets" / "latest.json").read_text())
    data = out / "datasets" / latest["version"] / "data"
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        texts = dict(con.execute("SELECT article_id, text FROM article_texts").fetchall())
    events = pd.read_parquet(data / "events.parquet")
    claims = pd.read_parquet(data / "claims.parquet")
    for row in events.itertuples():
        assert texts[row.article_id][row.char_start : row.char_end] == row.evidence_text
    for row in claims.itertuples():
        assert texts[row.article_id][row.char_start : row.char_end] == row.evidence_text
        assert texts[row.article_id][row.claim_start : row.claim_end] == row.claim_text


def test_second_run_appends_nothing_and_publishes_nothing(
    first_run: tuple[Path, Path, str],
) -> None:
    raw, out, _ = first_run
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        head = con.execute("SELECT max(seq) FROM ledger").fetchone()
    versions = sorted(p.name for p in (out / "datasets").iterdir() if p.is_dir())
    again = pipeline("run", "--raw", str(raw), "--out", str(out))
    assert again.returncode == 0, again.stderr[-3000:]
    assert "nothing published" in again.stdout
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT max(seq) FROM ledger").fetchone() == head
    assert sorted(p.name for p in (out / "datasets").iterdir() if p.is_dir()) == versions


def test_readme_queries_run_on_the_snapshot(first_run: tuple[Path, Path, str]) -> None:
    _, out, _ = first_run
    readme = (REPO / "README.md").read_text()
    queries = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    assert len(queries) == 1
    statements = [q.strip() for q in queries[0].split(";") if q.strip()]
    assert len(statements) >= 3
    with duckdb.connect(str(out / "snapshot.duckdb"), read_only=True) as con:
        for sql in statements:
            con.execute(sql).fetchall()


def test_rebuild_command_reports_the_tables(first_run: tuple[Path, Path, str]) -> None:
    _, out, _ = first_run
    done = pipeline("rebuild", "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "articles 1" in done.stdout


def test_correction_reaches_the_next_release_and_survives_reruns(
    first_run: tuple[Path, Path, str],
) -> None:
    raw, out, _ = first_run
    datasets = out / "datasets"
    before = latest(datasets)
    events = pd.read_parquet(datasets / before / "data" / "events.parquet")
    target = events["event_id"].iloc[0]
    done = pipeline(
        "correct",
        "retract",
        "events",
        target,
        "--reason",
        "background mention",
        "--author",
        "test analyst",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    correction_id = re.search(r"corr_[0-9a-f]+", done.stdout).group(0)  # type: ignore[union-attr]
    assert pipeline("run", "--raw", str(raw), "--out", str(out)).returncode == 0
    corrected = latest(datasets)
    assert corrected.split(".")[:2] == before.split(".")[:2] and corrected != before  # PATCH
    assert target not in set(
        pd.read_parquet(datasets / corrected / "data" / "events.parquet")["event_id"]
    )
    changes = json.loads((datasets / corrected / "changes.json").read_text())
    assert target in json.dumps(changes)
    rerun = pipeline("run", "--raw", str(raw), "--out", str(out))
    assert "nothing published" in rerun.stdout  # the correction holds on a re-run
    done = pipeline(
        "correct",
        "revert",
        correction_id,
        "--reason",
        "was news after all",
        "--author",
        "test analyst",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert pipeline("run", "--raw", str(raw), "--out", str(out)).returncode == 0
    reverted = latest(datasets)
    assert target in set(
        pd.read_parquet(datasets / reverted / "data" / "events.parquet")["event_id"]
    )
    diff = pipeline("diff", corrected, reverted, "--out", str(out))
    assert diff.returncode == 0 and target in diff.stdout


def test_a_new_article_bumps_minor_and_the_changelog_lists_exactly_its_rows(
    first_run: tuple[Path, Path, str],
) -> None:
    raw, out, _ = first_run
    datasets = out / "datasets"
    before = latest(datasets)
    (raw / "talks.md").write_text(
        "# Ministers meet in Geneva\n\nRussian and Ukrainian negotiators met in Geneva on "
        'Monday. "We want a ceasefire," said Ukrainian Foreign Minister Andrii Sybiha.\n'
    )
    done = pipeline("run", "--raw", str(raw), "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    after = latest(datasets)
    major, minor, _ = (int(x) for x in before.split("."))
    assert after == f"{major}.{minor + 1}.0"
    changes = json.loads((datasets / after / "changes.json").read_text())
    articles = pd.read_parquet(datasets / after / "data" / "articles.parquet")
    new_id = articles.loc[articles["source_path"] == "talks.md", "article_id"].item()
    for table, key in (("articles", "article_id"), ("events", "event_id"), ("claims", "claim_id")):
        frame = pd.read_parquet(datasets / after / "data" / f"{table}.parquet")
        new_rows = set(frame.loc[frame["article_id"] == new_id, key])
        assert set(changes["tables"][table]["added_ids"]) == new_rows
        assert changes["tables"][table]["removed"] == 0
    assert changes["tables"]["claims"]["added"] >= 1
    assert "talks.md" not in (datasets / before / "data" / "articles.csv").read_text()


def test_bad_input_is_quarantined_by_a_run(first_run: tuple[Path, Path, str]) -> None:
    raw, out, _ = first_run
    (raw / "broken.json").write_text('{"title": "no text field"}')
    done = pipeline("run", "--raw", str(raw), "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 quarantined" in done.stdout
    with duckdb.connect(str(out / "snapshot.duckdb"), read_only=True) as con:
        rows = con.execute('SELECT source_path, "check", reason FROM quarantine').fetchall()
    assert ("broken.json", "text_present") in {(r[0], r[1]) for r in rows}
    (raw / "broken.json").unlink()


def test_a_run_against_a_busy_store_fails_clearly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(out / 'warehouse.duckdb')!r}); "
            "print('locked', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        done = pipeline("run", "--raw", str(REPO / "raw"), "--out", str(out))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode != 0
    assert "store is busy" in done.stderr
    assert not (out / "datasets").exists()
