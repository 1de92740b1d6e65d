"""Speed of extraction against the bare spaCy pass: bare nlp.pipe vs pipe + extract_doc.

Usage: .venv/bin/python benchmarks/events_speed.py [N] [ROUNDS]   (default 300 BBC articles, 3)

The machine may be shared, so one timing says little: each round parses the texts bare and
then parses them again running extract_doc on every doc (the order alternates between
rounds). Prints every round's ratio full / bare in wall time and in CPU time (process_time)
and their medians (target: at most 1.15), the CPU time of extract_doc alone as a share of the
bare parse, and, on the docs of the last round, that CPU time split into the actor resolver,
the event coder and the claim extractor. No assertion.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

from pipeline import nlp
from pipeline.extract import ArticleContext, extract_doc
from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims import extract_claims
from pipeline.extract.events import extract_events

BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc"


def load_texts(n: int) -> list[str]:
    files = sorted(BBC.glob("*/*.txt"))
    step = max(1, len(files) // n)
    return [p.read_bytes().decode("utf-8", errors="replace") for p in files[::step][:n]]


class Clock:
    """Wall and CPU seconds since construction."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def bare_pass(texts: list[str]) -> tuple[float, float]:
    clock = Clock()
    for _ in nlp.parse(texts):
        pass
    return clock.read()


def full_pass(texts: list[str]) -> tuple[float, float, float, list[Doc]]:
    """Wall and CPU time of parse + extract_doc, the CPU time of extract_doc, and the docs."""
    docs = []
    extraction = 0.0
    clock = Clock()
    for k, doc in enumerate(nlp.parse(texts)):
        start = time.process_time()
        extract_doc(doc, ArticleContext(f"bbc-{k}"))
        extraction += time.process_time() - start
        docs.append(doc)
    wall, cpu = clock.read()
    return wall, cpu, extraction, docs


def stage_times(docs: list[Doc]) -> dict[str, float]:
    """CPU seconds of the resolver, the event coder and the claim extractor over docs."""
    totals = dict.fromkeys(("actor resolver", "event coder", "claim extractor"), 0.0)
    for k, doc in enumerate(docs):
        ctx = ArticleContext(f"bbc-{k}")
        start = time.process_time()
        resolver = ActorResolver(doc, ctx)
        mid = time.process_time()
        extract_events(doc, ctx, resolver)
        end = time.process_time()
        extract_claims(doc, ctx, resolver)
        totals["actor resolver"] += mid - start
        totals["event coder"] += end - mid
        totals["claim extractor"] += time.process_time() - end
    return totals


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if not BBC.exists():
        print(f"BBC corpus not found at {BBC}")
        return
    texts = load_texts(n)
    nlp.load()
    list(nlp.parse(texts[:5]))  # warm up
    wall_ratios, cpu_ratios, shares = [], [], []
    docs: list[Doc] = []
    bare_cpu = 0.0
    for r in range(rounds):
        if r % 2:
            wall, cpu, extraction, docs = full_pass(texts)
            bare_wall, bare_cpu = bare_pass(texts)
        else:
            bare_wall, bare_cpu = bare_pass(texts)
            wall, cpu, extraction, docs = full_pass(texts)
        wall_ratios.append(wall / bare_wall)
        cpu_ratios.append(cpu / bare_cpu)
        shares.append(extraction / bare_cpu)
        print(
            f"round {r + 1}: bare {bare_wall:6.2f} s wall {bare_cpu:6.2f} s cpu | "
            f"full {wall:6.2f} s wall {cpu:6.2f} s cpu | ratio wall {wall / bare_wall:.3f} "
            f"cpu {cpu / bare_cpu:.3f} | extract_doc {extraction:5.2f} s cpu "
            f"({extraction / bare_cpu:.1%} of the bare parse)"
        )
    print(f"articles: {len(texts)}  rounds: {rounds}")
    print(f"median ratio (wall):      {statistics.median(wall_ratios):.3f}")
    print(f"median ratio (cpu):       {statistics.median(cpu_ratios):.3f}")
    print(f"median extract_doc share: {statistics.median(shares):.1%} of the bare parse (cpu)")
    for stage, seconds in stage_times(docs).items():
        print(
            f"  {stage:16s} {seconds:6.2f} s cpu ({seconds / bare_cpu:.1%} of the last bare parse)"
        )


if __name__ == "__main__":
    main()
