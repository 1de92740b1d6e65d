"""Dagster job, sensor and schedule: run the whole pipeline when raw/ changes, and daily."""

import hashlib

import dagster as dg

from pipeline.assets import ASSETS
from pipeline.ingest import input_files
from pipeline.resources import Warehouse

newsledger_job = dg.define_asset_job(
    "newsledger_job",
    selection=dg.AssetSelection.assets(*ASSETS),
    description="Ingest every pending article, extract in one batch, rebuild the tables, publish.",
)


def raw_fingerprint(warehouse: Warehouse) -> str:
    """A digest of the raw folder's file names, sizes and modification times."""
    h = hashlib.sha256()
    root = warehouse.raw
    if root.exists():
        for path in input_files(root):
            stat = path.stat()
            h.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()


@dg.sensor(
    job=newsledger_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, warehouse: Warehouse) -> dg.SensorResult:
    """Starts one run for all pending articles whenever the raw folder's contents change."""
    fingerprint = raw_fingerprint(warehouse)
    if fingerprint == context.cursor:
        return dg.SensorResult(skip_reason="raw folder unchanged")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)


daily_schedule = dg.ScheduleDefinition(
    name="daily_newsledger",
    job=newsledger_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    description="Daily run: picks up anything the sensor missed and re-extracts after upgrades.",
)
