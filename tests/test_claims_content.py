"""Where the content of a cue-route claim starts and ends."""

from __future__ import annotations

import pytest
from test_claims import claims


def _content(text: str, part: str) -> str:
    found = [r["claim_text"] for r in claims(text) if part in r["claim_text"]]
    assert found, [r["claim_text"] for r in claims(text)]
    return found[0]


def test_a_clause_joined_to_the_cue_continues_the_report() -> None:
    text = "Ann Holt said the pier was safe, but the railings needed new paint.\n"
    assert _content(text, "pier was safe").endswith("needed new paint")


def test_a_joined_report_of_its_own_is_not_swallowed() -> None:
    text = "Ann Holt said the pier was safe, and her deputy insisted that the railings were new.\n"
    assert not _content(text, "pier was safe").endswith("were new")


def test_the_object_of_an_infinitive_starts_the_content() -> None:
    text = "Ann Holt urged the council to repair the pier before the summer.\n"
    assert _content(text, "repair the pier").startswith("the council to repair")


def test_an_agentless_passive_includes_its_subject() -> None:
    text = "About 5,000 visitors are expected to cross the new bridge on Sunday.\n"
    assert _content(text, "cross the new bridge").startswith("About 5,000 visitors")


def test_what_seems_of_a_group_is_no_one_s_belief() -> None:
    rows = claims("The harbour's fishermen appeared to accept the new quotas.\n")
    row = [r for r in rows if "new quotas" in r["claim_text"]][0]
    assert row["speaker_name"] is None
    assert row["claim_text"].startswith("The harbour's fishermen")


def test_a_participle_after_the_object_belongs_to_it() -> None:
    text = "Ann Holt warned of the anger brewing among harbour workers this spring.\n"
    assert "brewing among harbour workers" in _content(text, "anger")


def test_an_adverbial_fronting_the_reported_clause_is_content() -> None:
    text = "In the long run, the levy will pay for the pier, Ann Holt said on Monday.\n"
    assert _content(text, "levy will pay").startswith("In the long run")


def test_an_inverted_cue_joined_to_the_clause_reports_it() -> None:
    text = (
        "The ferry company is hanging on, but it is under pressure from cheap flights, "
        "said the company's chief executive, Ann Holt.\n"
    )
    rows = [r for r in claims(text) if "hanging on" in r["claim_text"]]
    assert rows and rows[0]["speaker_name"] == "Ann Holt"
    assert rows[0]["claim_text"].startswith("The ferry company")


def test_a_cue_inside_the_clause_it_reports_keeps_the_clause_whole() -> None:
    rows = claims("The new levy, Ann Holt said, will pay for the pier.\n")
    row = [r for r in rows if "pier" in r["claim_text"]][0]
    assert row["claim_text"] == "The new levy, Ann Holt said, will pay for the pier"
    assert row["speaker_name"] == "Ann Holt"
    split = claims('"The levy," Ann Holt said, "will pay for the pier."\n')
    assert sorted(r["claim_kind"] for r in split) == ["direct", "direct"]


def test_a_contrasting_report_is_a_claim_of_its_own() -> None:
    text = (
        "Ann Holt said the levy should fall, while Ola Berg said that the pier needs it.\n"
        "The harbour master says the quay is sound but conceded that the cranes are old.\n"
    )
    names = {r["claim_text"]: r["speaker_name"] for r in claims(text)}
    assert names["the levy should fall"] == "Ann Holt"
    assert names["the pier needs it"] == "Ola Berg"
    assert "the quay is sound" in names and "the cranes are old" in names


def test_what_an_object_is_seen_as_belongs_to_the_content() -> None:
    text = (
        "Ann Holt sees the harbour board as captured by a few shipping firms.\n"
        "The leaflet portrays tourists as welcome and cruise ships as too big for the bay.\n"
    )
    assert _content(text, "harbour board") == (
        "the harbour board as captured by a few shipping firms"
    )
    assert _content(text, "tourists").endswith("cruise ships as too big for the bay")


def test_a_statement_put_out_is_reported_by_its_participle() -> None:
    text = "Ann Holt issued a statement on Thursday, saying the pier would reopen in May.\n"
    rows = claims(text)
    assert [r["claim_text"] for r in rows] == ["the pier would reopen in May"]


CONTENT_CASES = {
    "the clause after a semicolon is the one reported": (
        "Half the riders call the fares fair; most say the trams are always late.\n",
        "trams are always late",
        "the trams are always late",
    ),
    "a time clause before the cue is not the content": (
        "After the mayor resigned in May, Ann Holt said she would run for the seat.\n",
        "would run",
        "she would run for the seat",
    ),
    "an object stops before a time clause of its own": (
        "Ann Holt issued a statement after the harbour master told the council on Monday "
        "that the pier was unsafe.\n",
        "a statement",
        "a statement",
    ),
    "the time clause's report stands on its own": (
        "Ann Holt issued a statement after the harbour master told the council on Monday "
        "that the pier was unsafe.\n",
        "pier was unsafe",
        "the pier was unsafe",
    ),
    "a complement split in two by the parse is one content": (
        "Most riders said they are fine with however the timetable plays out.\n",
        "fine with",
        "they are fine with however the timetable plays out",
    ),
}


@pytest.mark.parametrize(("text", "part", "content"), CONTENT_CASES.values(), ids=CONTENT_CASES)
def test_content_of_a_claim(text: str, part: str, content: str) -> None:
    assert _content(text, part) == content
