"""Quotes whose speaker comes from the layout around them (real model parses)."""

from __future__ import annotations

from test_claims import claims
from test_claims_quotes import quote_row

from pipeline import nlp
from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims import ClaimFinder
from pipeline.extract.model import ArticleContext
from pipeline.extract.quotes import find_quotes


def _finder(text: str) -> ClaimFinder:
    doc = nlp.load()(text)
    return ClaimFinder(doc, ActorResolver(doc, ArticleContext(article_id="t")))


def test_quote_paragraph_after_a_sentence_about_a_named_speaker() -> None:
    text = (
        "The council met on Monday to vote on the new budget.\n\n"
        "Ruth Alvarez was upbeat about the outcome.\n\n"
        "“We finally have a plan that pays for the repairs our streets need.”\n"
    )
    row = quote_row(text, "We finally have a plan")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Ruth Alvarez"


def test_quote_paragraph_after_a_sentence_about_a_thing_has_no_speaker() -> None:
    text = (
        "The council met on Monday to vote on the new budget.\n\n"
        "The weather was cold and the hall was half empty.\n\n"
        "“We finally have a plan that pays for the repairs our streets need.”\n"
    )
    assert not [r for r in claims(text) if r["claim_text"].startswith("We finally")]


def test_long_lead_sentence_with_a_bare_speech_verb() -> None:
    text = (
        "Tom Becker, the spokesman for the county election board, said in a statement on "
        "Tuesday. “Every ballot will be counted by hand before the results are certified.”\n"
    )
    row = quote_row(text, "Every ballot will be counted")
    assert row["speaker_name"] == "Tom Becker"


def test_name_before_a_party_label_in_brackets() -> None:
    finder = _finder("Sen. Laura Finch (D-Ore.) spoke.\n")
    close = next(t for t in finder.doc if t.text == ")")
    before = finder._before_brackets(close)
    assert before is not None and before.text == "Finch"


def test_colon_after_a_name_and_a_date() -> None:
    text = "Here is Mayor Peter Vance in March 2019: “This bridge will be finished on time.”\n"
    row = quote_row(text, "This bridge will be finished")
    assert row["speaker_name"] == "Peter Vance"


def test_second_quote_of_a_paragraph_keeps_the_speaker_of_the_first() -> None:
    text = (
        "“Nobody expected the turnout we saw,” Greta Moss said. “People lined up for hours.\n"
        "“Some of them had never voted before,” said Paul Quinn, a volunteer.\n"
    )
    row = quote_row(text, "People lined up for hours")
    assert row["speaker_name"] == "Greta Moss" and row["cue"] == "said"


def test_unclosed_quote_opening_a_sentence_runs_to_the_paragraph_end() -> None:
    text = "“We are ready,” Ana Ruiz said. “The crews start work on Monday.\n\nThe work starts.\n"
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["We are ready", "The crews start work on Monday."]


def test_participle_object_after_a_quote_is_no_speaker() -> None:
    finder = _finder("“The plant stays open,” referencing the hundreds of workers there.\n")
    verb = next(t for t in finder.doc if t.text == "referencing")
    assert finder._inverted_subject(verb, finder.quotes[0]) is None


def test_participle_after_a_comma_takes_the_people_of_the_clause_before() -> None:
    finder = _finder(
        "Its first ad opened with a short clip in which children play with a toy bulldozer, "
        "yelling “save our park!”\n"
    )
    verb = next(t for t in finder.doc if t.text == "yelling")
    subject = finder._subject(verb)
    assert subject is not None and subject.text == "children"


def test_clause_holds_a_quote_whose_full_stop_is_inside_the_marks() -> None:
    finder = _finder("She blamed their focus on “the business of selling houses.” It rained.\n")
    q = finder.quotes[0]
    assert finder.text[q.start : finder._last_word(q)].endswith("houses")


def test_name_on_a_thing_before_a_colon_is_no_speaker() -> None:
    text = "Volunteers typed every name into the Ohio GOP database: “Turnout is up everywhere.”\n"
    assert not [r for r in claims(text) if r["claim_text"].startswith("Turnout is up")]


def test_noun_with_a_person_in_apposition_is_a_person() -> None:
    finder = _finder("One early supporter, Rep. Lee Zeldin, gave the idea a try on Tuesday.\n")
    supporter = next(t for t in finder.doc if t.text == "supporter")
    assert finder._is_person(supporter) and not finder.speakers.is_person(supporter)


def test_person_a_thing_surprised_speaks_after_the_colon() -> None:
    text = (
        "The size of the early lead did not surprise pollster Dana Whitcomb: "
        "“Front-runners often fade once the field gets smaller.”\n"
    )
    row = quote_row(text, "Front-runners often fade")
    assert row["speaker_name"] == "Dana Whitcomb"
