"""Shared fixtures: real files on disk, the real model, the real DuckDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_RAW = REPO / "raw"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from pipeline.nlp import load

    return load()


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A copy of the project's raw folder (the seed article and its sidecar)."""
    target = tmp_path / "raw"
    shutil.copytree(SEED_RAW, target)
    return target


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"third-party data folder {SHARED_DATA} is absent")
    return SHARED_DATA


@pytest.fixture
def seed_text() -> str:
    return (SEED_RAW / "trump-putin-concessions.txt").read_text(encoding="utf-8")
