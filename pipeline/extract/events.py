"""Event coding over a spaCy doc (STUB: the events work replaces this body, keeping the API)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.actors import ActorResolver
from pipeline.extract.model import ArticleContext, Row


def extract_events(doc: Doc, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Event mentions of one article (see Extraction.events for the row shape)."""
    return []
