"""Speed of extraction against the bare spaCy pass: bare nlp.pipe vs pipe + extract_doc.

Usage: .venv/bin/python benchmarks/events_speed.py [N]   (default 300 BBC articles)
Prints both times and their ratio (target: at most 1.15). No assertion.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline import nlp
from pipeline.extract import ArticleContext, extract_doc
from pipeline.extract.actors import ActorResolver
from pipeline.extract.events import extract_events

BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc"


def load_texts(n: int) -> list[str]:
    files = sorted(BBC.glob("*/*.txt"))
    step = max(1, len(files) // n)
    return [p.read_bytes().decode("utf-8", errors="replace") for p in files[::step][:n]]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    if not BBC.exists():
        print(f"BBC corpus not found at {BBC}")
        return
    texts = load_texts(n)
    nlp.load()
    list(nlp.parse(texts[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.parse(texts):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = 0
    events_only = 0.0
    for k, doc in enumerate(nlp.parse(texts)):
        ctx = ArticleContext(f"bbc-{k}")
        n_events += len(extract_doc(doc, ctx).events)
        resolver = ActorResolver(doc, ctx)
        t1 = time.perf_counter()
        extract_events(doc, ctx, resolver)
        events_only += time.perf_counter() - t1
    full = time.perf_counter() - t0 - events_only
    print(f"articles: {len(texts)}  events: {n_events}")
    print(f"bare nlp.pipe:          {bare:8.2f} s")
    print(f"pipe + extract_doc:     {full:8.2f} s")
    print(f"ratio:                  {full / bare:8.3f}")
    print(
        f"event coder alone:      {events_only:8.2f} s ({events_only / bare:.1%} of the bare pass)"
    )


if __name__ == "__main__":
    main()
