"""The Dagster code location of newsledger: loads and merges; nothing else."""

import dagster as dg

from pipeline.assets import ASSETS, CHECKS
from pipeline.resources import Warehouse
from pipeline.sensors import daily_schedule, newsledger_job, raw_folder_sensor


def build(warehouse: Warehouse) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        jobs=[newsledger_job],
        sensors=[raw_folder_sensor],
        schedules=[daily_schedule],
        resources={"warehouse": warehouse},
    )


defs = build(Warehouse())
