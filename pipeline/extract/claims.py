"""Claim and quote attribution over a spaCy doc (STUB: the claims work replaces this body)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.actors import ActorResolver
from pipeline.extract.model import ArticleContext, Row


def extract_claims(doc: Doc, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Claims of one article (see Extraction.claims for the row shape)."""
    return []
