"""Claims over the BBC corpus: robustness, throughput and a spot-check sample.

Usage: .venv/bin/python benchmarks/claims_bbc.py [--limit N] [--sample K] [--seed S]

Checks on every article: no crash, offsets that slice back to the texts, no claim content
crossing a paragraph break. Reports the extraction time against the bare spaCy pass and
prints K random claims for a hand precision estimate.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import nlp  # noqa: E402
from pipeline.extract.actors import ActorResolver  # noqa: E402
from pipeline.extract.claims import extract_claims  # noqa: E402
from pipeline.extract.model import ArticleContext  # noqa: E402

BBC = ROOT.parent / "shared" / "data" / "bbc"


def read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def check(text: str, rows: list[dict]) -> list[str]:
    problems = []
    for r in rows:
        if text[r["claim_start"] : r["claim_end"]] != r["claim_text"]:
            problems.append("claim offsets")
        if text[r["char_start"] : r["char_end"]] != r["evidence_text"]:
            problems.append("evidence offsets")
        if "\n" in r["claim_text"]:
            problems.append("claim crosses a paragraph")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not BBC.is_dir():
        sys.exit(f"BBC corpus not found at {BBC}")
    files = sorted(BBC.glob("*/*.txt"))[: args.limit]
    texts = [read(f) for f in files]
    t0 = time.perf_counter()
    extract_s = 0.0
    all_rows: list[tuple[Path, dict]] = []
    problems: Counter[str] = Counter()
    for f, text, doc in zip(files, texts, nlp.parse(texts), strict=True):
        t1 = time.perf_counter()
        ctx = ArticleContext(article_id=f.stem)
        rows = extract_claims(doc, ctx, ActorResolver(doc, ctx))
        extract_s += time.perf_counter() - t1
        problems.update(check(text, rows))
        all_rows.extend((f, r) for r in rows)
    parse_s = time.perf_counter() - t0 - extract_s
    kinds = Counter(r["claim_kind"] for _, r in all_rows)
    named = sum(1 for _, r in all_rows if r["speaker_name"])
    print(f"articles {len(files)}  claims {len(all_rows)}  kinds {dict(kinds)}")
    print(f"with a named speaker {named / max(1, len(all_rows)):.3f}")
    print(
        f"parse {parse_s:.1f}s  claims (with actor resolution) {extract_s:.1f}s "
        f"= {100 * extract_s / parse_s:.1f}% of the parse"
    )
    print(f"problems {dict(problems) or 'none'}")
    rng = random.Random(args.seed)
    for f, r in rng.sample(all_rows, min(args.sample, len(all_rows))):
        print(
            f"\n{f.parent.name}/{f.name} [{r['claim_kind']}|{r['cue']}|{r['speaker_name']}"
            f"|{r['speaker_description']}] {r['claim_text'][:200]!r}"
        )
        print(f"   evidence: {r['evidence_text'][:300]!r}")


if __name__ == "__main__":
    main()
