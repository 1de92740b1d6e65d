"""Dagster resources: where the raw inputs, the warehouse and the releases live."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from pipeline.ledger import Ledger


class Warehouse(dg.ConfigurableResource):
    """The raw folder the pipeline reads and the output folder it writes (warehouse, releases)."""

    raw_dir: str = os.environ.get("NEWSLEDGER_RAW", "raw")
    out_dir: str = os.environ.get("NEWSLEDGER_OUT", "outputs")

    @property
    def raw(self) -> Path:
        return Path(self.raw_dir)

    @property
    def out(self) -> Path:
        return Path(self.out_dir)

    @property
    def database(self) -> Path:
        return self.out / "warehouse.duckdb"

    @contextmanager
    def ledger(self) -> Iterator[Ledger]:
        with Ledger.open(self.database) as ledger:
            yield ledger
