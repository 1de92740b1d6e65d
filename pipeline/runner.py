"""Run the Dagster job in process, recorded in a Dagster instance kept under the output folder.

A run started here is the same job with the same assets as a sensor or scheduled run, and it
shows in `dagster dev` when that is started with the same DAGSTER_HOME (`make dev` does).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg

from pipeline.definitions import build
from pipeline.resources import Warehouse
from pipeline.sensors import newsledger_job

# One run at a time: DuckDB has one writer, so queued sensor/schedule runs wait their turn.
INSTANCE_SETTINGS = """\
telemetry:
  enabled: false
concurrency:
  runs:
    max_concurrent_runs: 1
"""
QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def dagster_home(out: Path) -> Path:
    """The Dagster instance folder for an output folder, created if missing."""
    home = (out / "dagster").resolve()
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        settings.write_text(INSTANCE_SETTINGS)
    return home


@dataclass
class RunReport:
    success: bool
    run_id: str
    metadata: dict[str, dict[str, Any]]
    checks: dict[str, bool]


def run(raw: Path, out: Path) -> RunReport:
    """Materialize every asset once, in process; returns what each asset reported."""
    os.environ["DAGSTER_HOME"] = str(dagster_home(out))
    with dg.DagsterInstance.get() as instance:
        warehouse = Warehouse(raw_dir=str(raw.resolve()), out_dir=str(out.resolve()))
        job = build(warehouse).resolve_job_def(newsledger_job.name)
        result = job.execute_in_process(instance=instance, raise_on_error=True, run_config=QUIET)
    metadata: dict[str, dict[str, Any]] = {}
    for node in job.nodes_in_topological_order:
        for mat in result.asset_materializations_for_node(node.name):
            metadata[mat.asset_key.to_user_string()] = {
                k: getattr(v, "value", v) for k, v in mat.metadata.items()
            }
    checks = {
        e.asset_check_evaluation_data.check_name: e.asset_check_evaluation_data.passed
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    }
    return RunReport(result.success, result.run_id, metadata, checks)
