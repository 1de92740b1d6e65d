"""The quote route of the claim finder on constructed sentences (real model parses)."""

from __future__ import annotations

from test_claims import claims

from pipeline.extract.quotes import find_quotes


def quote_row(text: str, content: str) -> dict:
    rows = [r for r in claims(text) if r["claim_text"].startswith(content)]
    assert rows, f"no claim starting {content!r}"
    return rows[0]


def test_signature_line_under_a_quote_names_its_speaker() -> None:
    text = (
        "The senator repeated a familiar line at the fair.\n\n"
        '"Our farms feed the whole region and they deserve better roads."\n\n'
        "- Maria Lopez.\n\n"
        "The claim is mostly accurate.\n"
    )
    row = quote_row(text, "Our farms feed")
    assert row["claim_kind"] == "direct"
    assert row["speaker_name"] == "Maria Lopez"
    assert row["cue"] == "-"


def test_heading_with_a_dash_and_a_name_before_the_colon() -> None:
    text = "Turnout - Daniel Reyes: “Young voters stayed home, and that cost us the county.”\n"
    row = quote_row(text, "Young voters")
    assert row["claim_kind"] == "direct"
    assert "Daniel Reyes" in (row["speaker_name"] or "")


def test_a_text_speaks_with_read_after_the_quote() -> None:
    text = (
        "The campaign mailed a flyer to every home in the district.\n\n"
        "“Vote early and bring a friend to the polls,” the flyer read.\n\n"
        "The council met again on Monday.\n\n"
        "“Closed until further notice,” read the sign on the door of the clinic.\n"
    )
    flyer = quote_row(text, "Vote early")
    assert flyer["claim_kind"] == "direct" and flyer["speaker_name"] == "the flyer"
    assert flyer["cue"] == "read"
    sign = quote_row(text, "Closed until")
    assert sign["speaker_name"] == "the sign" and sign["cue"] == "read"


def test_as_someone_put_it_introduces_the_quote() -> None:
    text = "As the economist Laura Stein put it, “Prices do not fall because we want them to.”\n"
    row = quote_row(text, "Prices do not fall")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Laura Stein"


def test_unlisted_verb_before_a_comma_and_the_quote() -> None:
    text = (
        "The debate grew heated after the first hour.\n\n"
        "Senator Paul Grant shot back, “That is simply not what the bill says.”\n"
    )
    row = quote_row(text, "That is simply")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Paul Grant"


def test_unlisted_tail_verb_at_the_end_of_a_paragraph() -> None:
    text = (
        "The crowd cheered for several minutes.\n\n"
        "“What a night this has been!” beamed Carla Nunez.\n\n"
        "The band played until midnight.\n"
    )
    row = quote_row(text, "What a night")
    assert row["speaker_name"] == "Carla Nunez" and row["cue"] == "beamed"


def test_tail_cue_after_an_aside_that_holds_a_quote() -> None:
    text = "“We have seen better days,” Tom Reilly, wearing a “Go Team” hat, said quietly.\n"
    row = quote_row(text, "We have seen better days")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Tom Reilly"


def test_cue_right_after_the_quote_takes_the_noun_after_it() -> None:
    text = "“How long will the repairs take?” asked the driver, who had waited for hours.\n"
    row = quote_row(text, "How long will")
    assert row["speaker_name"] == "the driver" and row["cue"] == "asked"


def test_characterizing_verb_holds_a_partial_quote() -> None:
    text = (
        "Governor Ellen Park cast the new budget as a “reckless gamble” with public money.\n\n"
        "The mayor, Rosa Diaz, branded the proposal “a gift to developers.”\n"
    )
    cast = quote_row(text, "the new budget as")
    assert cast["claim_kind"] == "partial" and cast["speaker_name"] == "Ellen Park"
    branded = quote_row(text, "the proposal")
    assert branded["claim_kind"] == "partial" and branded["speaker_name"] == "Rosa Diaz"


def test_titles_of_works_in_quotation_marks_are_no_claims() -> None:
    text = (
        "Her show, “Morning With Friends,” airs on Sundays.\n\n"
        "The actor, who starred in “The Long Road Home,” spoke at the gala.\n"
    )
    assert not [r for r in claims(text) if "Friends" in r["claim_text"]]
    assert not [r for r in claims(text) if "Long Road" in r["claim_text"]]


def test_name_without_subject_role_before_said_and_a_colon() -> None:
    text = (
        "In a statement to the paper, her campaign adviser, Mark Olsen, said: "
        "“The governor will sign the bill next week.”\n"
    )
    row = quote_row(text, "The governor will sign")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Mark Olsen"


def test_participle_after_a_clause_takes_its_subject() -> None:
    text = (
        "Olsen did not seem impressed by the offer, telling reporters, "
        "“We have heard these promises before.”\n"
    )
    row = quote_row(text, "We have heard")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Olsen"


def test_quote_ending_in_a_nested_quote_keeps_its_tail_cue() -> None:
    text = (
        "“My neighbor asked, ‘Who will pay for this?’” recalled Dana Whitfield, a teacher.\n\n"
        "“She told me, ‘We will get it done,’” Rep. Carl Young said.\n"
    )
    asked = quote_row(text, "My neighbor asked")
    assert asked["speaker_name"] == "Dana Whitfield" and asked["cue"] == "recalled"
    said = quote_row(text, "She told me")
    assert said["speaker_name"] == "Carl Young" and said["cue"] == "said"


def test_short_sentence_of_a_person_introduces_the_next_quote() -> None:
    text = "The council voted on Monday. Mayor Ann Holt agreed. “This plan will save money.”\n"
    row = quote_row(text, "This plan will save")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Ann Holt"


def test_long_aside_in_the_tail_beats_a_cue_farther_on() -> None:
    text = (
        "“This is the best team we have had,” Ana Soto, the club's long-serving coach and a "
        "former player for the city, said after the game. Her assistant asked for more time.\n"
    )
    row = quote_row(text, "This is the best team")
    assert row["speaker_name"] == "Ana Soto" and row["cue"] == "said"


def test_two_character_marks_keep_colon_introductions_and_titles() -> None:
    text = (
        "The hearing ran late. Mr. Olsen went further: ''This plan is dead, and we all know it.''"
        "\n\nIn his memoir, ''A Long Way Home,'' Mr. Olsen described his childhood.\n"
    )
    row = quote_row(text, "This plan is dead")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "Olsen"
    assert not [r for r in claims(text) if "Long Way" in r["claim_text"]]


def test_closing_mark_typed_at_a_paragraph_start_opens_the_quote() -> None:
    text = (
        "Readers wrote in all week.\n\n"
        "\u202a”Nobody asked us about the new road,” wrote Lena Marsh.\n\n"
        "” … and the council should have known better,” the letter read.\n"
    )
    found = [text[q.start : q.end] for q in find_quotes(text)]
    assert any(f.startswith("Nobody asked us") for f in found)
    assert any(f.startswith("… and the council") for f in found)
    row = quote_row(text, "Nobody asked us")
    assert row["speaker_name"] == "Lena Marsh"


def test_people_noun_before_a_comma_and_the_quote_speaks() -> None:
    text = "Sam circled the old boat twice as his friends jeered, “Go home, sailor!”\n"
    row = quote_row(text, "Go home, sailor")
    assert row["claim_kind"] == "direct" and row["speaker_name"] == "his friends"
    assert row["cue"] == "jeered"


def test_full_stop_before_a_bare_attribution_is_a_slip_for_a_comma() -> None:
    text = "The vote is set for June.\n\n“We will be ready long before then.” Ana Soto said.\n"
    row = quote_row(text, "We will be ready")
    assert "Soto" in (row["speaker_name"] or "") and row["cue"] == "said"


def test_marks_inside_markup_tags_quote_nothing() -> None:
    text = '<post author="@lena" date="May 2">We will keep the pool open.</post> He said "yes."\n'
    found = [text[q.start : q.end] for q in find_quotes(text)]
    assert found == ["yes."]


def test_short_quote_the_sentence_runs_on_from_is_partial() -> None:
    text = (
        "The vote was close.\n\nComey testified “thousands” of emails had not been turned over.\n"
    )
    row = quote_row(text, "“thousands” of emails")
    assert row["claim_kind"] == "partial"
    assert "Comey" in (row["speaker_name"] or "") and row["cue"] == "testified"


def test_speech_verb_tagged_as_a_noun_in_the_tail() -> None:
    text = "“We will lead the fight against terror,” the Saudis state in the paper.\n"
    row = quote_row(text, "We will lead")
    assert row["claim_kind"] == "direct" and row["cue"] == "state"
    assert row["speaker_name"]


def test_colon_intro_beats_a_cue_after_a_quote_that_ends_its_sentence() -> None:
    text = (
        "Mike Rubino, the state director, reached out to the firm, writing in an email: "
        "“We want to use this soon.” Steve Adler, the owner, said the campaign has yet to "
        "follow up.\n"
    )
    row = quote_row(text, "We want to use")
    assert "Rubino" in (row["speaker_name"] or "")


def test_long_aside_between_the_name_and_the_verb_of_the_tail() -> None:
    text = (
        "Lopez praised the reporter at a press event in Ames on Monday.\n\n"
        "“Very good reporter, very good reporter this one,” Lopez, the front-runner in the "
        "state by a wide margin after winning the first two primaries of the season, said "
        "when the reporter asked him a question.\n"
    )
    row = quote_row(text, "Very good reporter")
    assert row["speaker_name"] == "Lopez" and row["cue"] == "said"
