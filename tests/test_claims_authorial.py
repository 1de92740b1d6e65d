"""The writer's own first-person claims: kind authorial, the author or outlet as speaker."""

from __future__ import annotations

from pipeline import nlp
from pipeline.extract import extract_doc
from pipeline.extract.model import ArticleContext, actor_id
from schemas.tables import columns

TEXT = (
    "The council approved the new budget on Monday after a long debate.\n\n"
    "I think the plan will leave the city short of money by next spring.\n\n"
    '"We will not raise taxes," the mayor, Ruth Alvarez, said after the vote.\n'
)


def _claims(ctx: ArticleContext) -> tuple[list[dict], dict[str, str]]:
    doc = nlp.load()(TEXT)
    out = extract_doc(doc, ctx)
    for r in out.claims:
        assert set(r) == set(columns("claims"))
        assert TEXT[r["claim_start"] : r["claim_end"]] == r["claim_text"]
    return out.claims, {a.actor_id: a.actor_type for a in out.actors}


def test_first_person_outside_quotes_is_the_author() -> None:
    rows, actor_types = _claims(ArticleContext("a1", outlet="City Ledger", author="Dana Holt"))
    writer = [r for r in rows if r["claim_text"].startswith("the plan will leave")]
    assert len(writer) == 1
    row = writer[0]
    assert row["claim_kind"] == "authorial"
    assert row["speaker_name"] == "Dana Holt"
    assert row["speaker_description"] == "author of the article"
    assert actor_types[row["speaker_id"]] == "person"


def test_without_an_author_the_outlet_speaks_and_quotes_stay_attributed() -> None:
    rows, actor_types = _claims(ArticleContext("a2", outlet="City Ledger"))
    kinds = {r["claim_text"]: (r["claim_kind"], r["speaker_name"]) for r in rows}
    writer = kinds["the plan will leave the city short of money by next spring"]
    assert writer == ("authorial", "City Ledger")
    assert actor_types[actor_id("City Ledger")] == "organization"
    quoted = [r for r in rows if r["claim_kind"] == "direct"]
    assert quoted and quoted[0]["speaker_name"] == "Ruth Alvarez"  # "We" inside the quote
