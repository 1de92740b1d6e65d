"""Benchmark: the whole pipeline (one Dagster run) over the BBC corpus; prints, never asserts.

    .venv/bin/python benchmarks/pipeline_bbc.py [--limit N]

Reads ../shared/data/bbc in place (nothing is copied into the repo) and writes to a temp
folder: ingest → extract → project → publish, then a second run that must find nothing to do.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pipeline import runner

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="use the first N files only")
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"skipped: {BBC} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        raw = BBC
        if args.limit:
            raw = Path(tmp) / "raw"
            files = sorted(p for p in BBC.rglob("*.txt") if p.stem.lower() != "readme")
            for path in files[: args.limit]:
                target = raw / path.relative_to(BBC)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        out = Path(tmp) / "out"
        started = time.perf_counter()
        first = runner.run(raw, out)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        second = runner.run(raw, out)
        second_s = time.perf_counter() - started
        words = sum(len(p.read_text(errors="replace").split()) for p in raw.rglob("*.txt"))
        counts = {
            k: v.get("dagster/row_count")
            for k, v in first.metadata.items()
            if "dagster/row_count" in v
        }
        print(
            json.dumps(
                {
                    "files_words": words,
                    "first_run_seconds": round(first_s, 1),
                    "words_per_second": round(words / first_s),
                    "rows": counts,
                    "ingest": first.metadata.get("raw_articles"),
                    "published": first.metadata.get("dataset_release", {}).get("version"),
                    "second_run_seconds": round(second_s, 1),
                    "second_run_published": second.metadata.get("dataset_release", {}).get(
                        "published"
                    ),
                    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                },
                indent=2,
                default=str,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
