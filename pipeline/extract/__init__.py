"""Extraction: plain Python over spaCy docs. Never imports Dagster."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims import extract_claims
from pipeline.extract.events import extract_events
from pipeline.extract.model import ArticleContext, Extraction
from pipeline.extract.version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "ArticleContext", "Extraction", "extract_doc"]


def extract_doc(doc: Doc, ctx: ArticleContext) -> Extraction:
    """Events, claims and the actors they name, from one parsed article."""
    resolver = ActorResolver(doc, ctx)
    events = extract_events(doc, ctx, resolver)
    claims = extract_claims(doc, ctx, resolver)
    return Extraction(events=events, claims=claims, actors=resolver.used_actors())
