"""Extract stage: parse every pending article in one batched model pass and record the results.

An article is pending when the ledger holds no extraction of it by the current extractor
version. Results are appended as one ``extraction.recorded`` entry per article; a newer
entry supersedes older ones in the projections. An article whose extraction fails is
quarantined with the error instead of stopping the run.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline import nlp
from pipeline.extract import EXTRACTOR_VERSION, ArticleContext, extract_doc
from pipeline.ledger import (
    ARTICLE_INGESTED,
    EXTRACTION_RECORDED,
    INPUT_QUARANTINED,
    Entry,
    Ledger,
    NewEntry,
)


@dataclass(frozen=True)
class ExtractSummary:
    pending: int
    extracted: int
    failed: int
    events: int
    claims: int


def context(payload: dict[str, Any]) -> ArticleContext:
    published = payload.get("published_at")
    return ArticleContext(
        article_id=payload["article_id"],
        title=payload.get("title"),
        outlet=payload.get("outlet"),
        author=payload.get("author"),
        published_at=date.fromisoformat(published[:10]) if published else None,
    )


def pending(ledger: Ledger, version: str = EXTRACTOR_VERSION) -> list[Entry]:
    """Ingested articles with no extraction by this extractor version (nor a failed one)."""
    done = {
        (e.subject, e.payload["extractor_version"]) for e in ledger.read(EXTRACTION_RECORDED)
    } | {
        (e.subject, e.payload.get("extractor_version"))
        for e in ledger.read(INPUT_QUARANTINED)
        if e.payload.get("stage") == "extract"
    }
    return [e for e in ledger.read(ARTICLE_INGESTED) if (e.subject, version) not in done]


def record(
    ledger: Ledger,
    producer: str,
    n_process: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractSummary:
    """Extract every pending article and append the results."""
    todo = pending(ledger)
    entries: list[NewEntry] = []
    events = claims = failed = 0
    docs = nlp.parse((e.payload["text"] for e in todo), n_process=n_process)
    for n, (entry, doc) in enumerate(zip(todo, docs, strict=True), start=1):
        try:
            result = extract_doc(doc, context(entry.payload))
        except Exception as exc:  # one bad article must not stop the batch
            failed += 1
            entries.append(_failure(entry, exc, producer))
        else:
            events += len(result.events)
            claims += len(result.claims)
            payload = {
                "article_id": entry.subject,
                "extractor_version": EXTRACTOR_VERSION,
                "model": nlp.model_version(),
                "events": result.events,
                "claims": result.claims,
                "actors": [{**a.as_row(), "description": a.description} for a in result.actors],
            }
            entries.append(NewEntry(EXTRACTION_RECORDED, entry.subject, payload, producer))
        if progress:
            progress(n, len(todo))
    ledger.append(entries)
    return ExtractSummary(len(todo), len(todo) - failed, failed, events, claims)


def _failure(entry: Entry, exc: Exception, producer: str) -> NewEntry:
    return NewEntry(
        INPUT_QUARANTINED,
        entry.subject,
        {
            "stage": "extract",
            "article_id": entry.subject,
            "source_path": entry.payload.get("source_path"),
            "content_sha256": entry.payload.get("content_sha256"),
            "extractor_version": EXTRACTOR_VERSION,
            "check": "extraction_succeeds",
            "reason": f"{type(exc).__name__}: {exc}",
            "traceback": traceback.format_exc(limit=5),
        },
        producer,
    )
