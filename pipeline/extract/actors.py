"""Actor resolution within one article (STUB: the actors work replaces this body, keeping the API)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.extract.model import Actor, ArticleContext, actor_id


class ActorResolver:
    """Resolves noun phrases, names and pronouns of one article to actors.

    Built once per doc (one scan); extractors ask it about spans or tokens.
    """

    def __init__(self, doc: Doc, ctx: ArticleContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self._used: dict[str, Actor] = {}

    def resolve_span(self, span: Span) -> Actor | None:
        """The actor a noun phrase (subject, object, speaker) refers to, or None."""
        for ent in span.ents:
            if ent.label_ == "PERSON":
                return self._use(Actor(actor_id(ent.text), ent.text, "person"))
        return None

    def resolve_token(self, token: Token) -> Actor | None:
        """The actor the phrase headed by token refers to (pronouns included), or None."""
        return self.resolve_span(self.doc[token.left_edge.i : token.right_edge.i + 1])

    def used_actors(self) -> list[Actor]:
        """Every actor this resolver has returned, in first-use order."""
        return list(self._used.values())

    def _use(self, actor: Actor) -> Actor:
        self._used.setdefault(actor.actor_id, actor)
        return actor
