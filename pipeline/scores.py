"""Published quality figures: `pipeline eval ... --save` records them, each release carries them.

The file is committed (docs/evaluation.json) so a release states how well the extractor that
produced it scored, and on what data; a figure measured on another extractor version is
marked as such rather than passed off as current.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCORES = Path(__file__).resolve().parents[1] / "docs" / "evaluation.json"


def load(path: Path = SCORES) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def _extractor_version() -> str:
    from pipeline.extract.version import EXTRACTOR_VERSION  # imports the extractors: lazily

    return EXTRACTOR_VERSION


def save(name: str, gold: str, result: dict[str, Any], path: Path = SCORES) -> None:
    scores = load(path)
    scores[name] = {
        "gold": gold,
        "extractor_version": _extractor_version(),
        "measured_at": datetime.now(UTC).date().isoformat(),
        "result": result,
    }
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(scores, indent=2, sort_keys=True, default=str) + "\n")


def for_release(path: Path = SCORES) -> dict[str, Any]:
    """The recorded figures, each flagged with whether it was measured on this extractor."""
    current = _extractor_version()
    return {
        name: {**entry, "current": entry.get("extractor_version") == current}
        for name, entry in load(path).items()
    }
