"""Cue verbs and nouns in senses that report nothing, next to the same words reporting."""

from __future__ import annotations

from test_claims import claims


def _contents(text: str) -> list[str]:
    return [r["claim_text"] for r in claims(text) if r["claim_kind"] in ("indirect", "belief")]


def test_continue_reports_only_through_a_reporting_verb() -> None:
    assert not _contents("Harbour traffic continued to grow through the winter months.\n")
    found = _contents("Mayor Ann Holt continued to insist that the ferry would run on time.\n")
    assert any("ferry would run on time" in c for c in found), found


def test_a_particle_can_change_the_sense_of_a_cue() -> None:
    assert not _contents("The Holt Group showed off its new electric ferry at the fair.\n")
    found = _contents("Mayor Ann Holt pointed out that the harbour works were late.\n")
    assert any("harbour works were late" in c for c in found), found


def test_posting_an_amount_is_no_claim() -> None:
    assert not _contents("The Holt Group posted a profit of $3m for the year.\n")
    assert not _contents("The Holt Group ordered 30 ferries from a Korean yard.\n")


def test_issuing_goods_is_no_claim_but_issuing_words_is() -> None:
    assert not _contents("The Holt Group issued a recall of its older ferries.\n")
    found = _contents("The Holt Group issued a warning about the state of the pier.\n")
    assert any("state of the pier" in c or "warning" in c for c in found), found


def test_a_measure_is_never_a_speaker() -> None:
    rows = claims("Strong growth pushed the harbour's takings to a record in May.\n")
    assert not [r for r in rows if r["speaker_name"]]


def test_clause_noun_needs_a_clause() -> None:
    assert not _contents("Mayor Ann Holt's stance on the harbour levy has not changed.\n")
    found = _contents("Mayor Ann Holt's stance that the levy is unfair has not changed.\n")
    assert any("levy is unfair" in c for c in found), found


def test_an_as_clause_with_an_object_is_a_time() -> None:
    text = "Crowds are bound to gather at the pier as the Holt Group unveils its new ferry.\n"
    assert not [c for c in _contents(text) if "gather" in c]


def test_a_stance_holder_noun_takes_of_or_for() -> None:
    rows = claims("Ann Holt is the defending county champion over both distances.\n")
    assert not [r for r in rows if r["claim_kind"] == "belief"]
    rows = claims("Ann Holt is a fierce critic of the harbour levy.\n")
    assert [r for r in rows if r["claim_kind"] == "belief" and "levy" in r["claim_text"]]


def test_a_thing_that_threatens_makes_no_threat() -> None:
    assert not _contents("The bad weather could threaten the harvest this year.\n")
    found = _contents("Mayor Ann Holt threatened a lawsuit over the harbour levy.\n")
    assert any("lawsuit" in c for c in found), found


def test_pushing_a_date_back_is_no_claim() -> None:
    assert not _contents("The Holt Group pushed the launch date back to May.\n")


def test_seeing_a_time_or_a_change_in_amount_is_no_view() -> None:
    assert not _contents("2027 could see a new ferry service on the river.\n")
    assert not _contents("The Holt Group saw profits slump by a third last year.\n")
    assert not _contents("The Holt Group, which saw its shares rise by a third, was sold.\n")
    found = _contents("Mayor Ann Holt sees the harbour levy as a fair deal.\n")
    assert any("fair deal" in c for c in found), found


def test_seeking_damages_is_no_claim() -> None:
    assert not _contents("The Holt family is seeking damages from the ferry operator.\n")
    found = _contents("Mayor Ann Holt is seeking a review of the harbour levy.\n")
    assert any("review" in c for c in found), found


def test_an_object_priced_in_money_is_a_transaction() -> None:
    assert not _contents("The Holt Group filed a claim for $2 million against the port.\n")
    found = _contents("The Holt Group filed a complaint about the harbour levy.\n")
    assert any("complaint" in c for c in found), found
