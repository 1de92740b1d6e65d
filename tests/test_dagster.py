"""The Dagster code location loads, with its assets, checks, job, sensor and schedule."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.definitions import build, defs
from pipeline.resources import Warehouse
from pipeline.sensors import raw_folder_sensor


def test_definitions_load_with_assets_sensor_and_schedule() -> None:
    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert keys == {
        "raw_articles",
        "article_extractions",
        "articles",
        "events",
        "claims",
        "actors",
        "dataset_release",
    }
    assert repo.get_sensor_def("raw_folder_sensor").job_name == "newsledger_job"
    schedule = repo.get_schedule_def("daily_newsledger")
    assert schedule.cron_schedule == "0 6 * * *"
    assert len(list(repo.asset_checks_defs_by_key)) == 3
    for key in keys:  # every asset explains its business meaning in the UI
        assert repo.asset_graph.get(dg.AssetKey(key)).description


def test_sensor_requests_one_run_when_raw_changes_and_none_otherwise(raw_dir: Path) -> None:
    warehouse = Warehouse(raw_dir=str(raw_dir), out_dir=str(raw_dir.parent / "out"))
    with dg.build_sensor_context(resources={"warehouse": warehouse}) as ctx:
        first = raw_folder_sensor(ctx)
    assert isinstance(first, dg.SensorResult) and len(first.run_requests or []) == 1
    with dg.build_sensor_context(cursor=first.cursor, resources={"warehouse": warehouse}) as ctx:
        unchanged = raw_folder_sensor(ctx)
    assert not unchanged.run_requests
    (raw_dir / "new.txt").write_text("Headline\n\nOfficials met in Paris.")
    with dg.build_sensor_context(cursor=first.cursor, resources={"warehouse": warehouse}) as ctx:
        changed = raw_folder_sensor(ctx)
    assert len(changed.run_requests or []) == 1 and changed.cursor != first.cursor


def test_job_is_one_run_over_all_stages(tmp_path: Path) -> None:
    job = build(Warehouse(raw_dir=str(tmp_path), out_dir=str(tmp_path))).resolve_job_def(
        "newsledger_job"
    )
    names = [n.name for n in job.nodes_in_topological_order]
    assert (
        names.index("raw_articles")
        < names.index("article_extractions")
        < names.index("warehouse_tables")
        < names.index("dataset_release")
    )
