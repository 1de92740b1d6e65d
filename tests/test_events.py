"""Event coder behaviour on constructed sentences, with the real spaCy model (no mocks)."""

from __future__ import annotations

from datetime import date

from pipeline.extract.actors import ActorResolver
from pipeline.extract.events import extract_events
from pipeline.extract.model import ArticleContext, Row
from pipeline.nlp import parse
from schemas.tables import columns

PUBLISHED = date(2025, 3, 20)  # a Thursday


def code(text: str, published: date | None = PUBLISHED) -> list[Row]:
    doc = next(parse([text]))
    ctx = ArticleContext("test", published_at=published)
    return extract_events(doc, ctx, ActorResolver(doc, ctx))


def find(rows: list[Row], root: str) -> Row:
    hits = [r for r in rows if r["cameo_root"] == root]
    assert hits, f"no root {root} in {[(r['cameo_code'], r['actor1_name']) for r in rows]}"
    return hits[0]


def test_row_has_exactly_the_contract_columns() -> None:
    rows = code("Russia invaded Ukraine in February 2022.")
    expected = set(columns("events")) - {
        "event_id",
        "article_id",
        "event_group_id",
        "extractor_version",
    }
    assert rows and all(set(r) == expected for r in rows)


def test_verbal_event_with_actors_codes_and_date() -> None:
    r = find(code("Russia invaded Ukraine in February 2022."), "19")
    assert (r["actor1_country"], r["actor2_country"]) == ("RUS", "UKR")
    assert r["quad_class"] == 4 and r["goldstein"] <= -9
    assert (r["event_date"], r["date_precision"], r["date_text"]) == (
        "2022-02-01",
        "month",
        "February 2022",
    )
    assert r["modality"] == "asserted"
    assert r["plover_type"] in {"COERCE", "ASSAULT"}


def test_passive_agent_is_the_source() -> None:
    r = find(code("Ukraine was attacked by Russia on Tuesday."), "19")
    assert (r["actor1_country"], r["actor2_country"]) == ("RUS", "UKR")
    assert (r["event_date"], r["date_precision"]) == ("2025-03-18", "day")


def test_threat_with_sanctions_is_specific() -> None:
    r = find(code("China threatened Japan with new sanctions."), "13")
    assert r["cameo_code"] == "1312"
    assert (r["actor1_country"], r["actor2_country"]) == ("CHN", "JPN")


def test_nominal_events_take_possessor_and_of_phrase() -> None:
    rows = code("France condemned Russia's invasion of Ukraine.")
    inv = find(rows, "19")
    assert (inv["actor1_country"], inv["actor2_country"]) == ("RUS", "UKR")
    crit = find(rows, "11")
    assert (crit["actor1_country"], crit["actor2_country"]) == ("FRA", "RUS")


def test_light_verb_with_noun_event_and_location() -> None:
    r = find(code("The French president held talks with the German chancellor in Berlin."), "04")
    assert r["cameo_code"] == "046"
    assert (r["actor1_country"], r["actor2_country"]) == ("FRA", "DEU")
    assert (r["location_name"], r["location_country"]) == ("Berlin", "DEU")


def test_meeting_in_a_third_country() -> None:
    rows = code("Japanese and Chinese officials met in Saudi Arabia last week.")
    r = find(rows, "04")
    assert r["cameo_code"] == "044"
    assert {r["actor1_country"], r["actor2_country"]} == {"JPN", "CHN"}
    assert r["location_country"] == "SAU"
    assert (r["event_date"], r["date_precision"]) == ("2025-03-10", "week")


def test_negation_has_not_made() -> None:
    r = find(code("Iran has not made any concessions."), "08")
    assert r["modality"] == "negated"


def test_negation_refrained_from_criticism() -> None:
    r = find(code("Germany refrained from any criticism of China."), "11")
    assert r["modality"] == "negated"
    assert (r["actor1_country"], r["actor2_country"]) == ("DEU", "CHN")


def test_counterfactual_and_conditional_are_hypothetical() -> None:
    r = find(
        code("Had France delayed its talks with Germany, it would have gained more leverage."), "04"
    )
    assert r["modality"] == "hypothetical"
    r = find(code("If Iran attacks Israel, the region will suffer."), "19")
    assert r["modality"] == "hypothetical"


def test_future_and_intended() -> None:
    r = find(code("India will meet Pakistan in Geneva next month."), "04")
    assert r["modality"] == "future"
    r = find(code("China plans to impose sanctions on Japan."), "16")
    assert (r["cameo_code"], r["modality"]) == ("163", "future")
    assert r["actor2_country"] == "JPN"


def test_refusal_to_cooperate_is_a_rejection() -> None:
    r = find(code("Russia refused to sign the agreement with Ukraine."), "12")
    assert r["modality"] == "asserted"
    assert r["actor1_country"] == "RUS"


def test_stated_refusal_is_a_rejection() -> None:
    r = find(code("Germany said it would not provide weapons to Ukraine."), "12")
    assert (r["actor1_country"], r["actor2_country"]) == ("DEU", "UKR")


def test_call_for_is_an_appeal() -> None:
    r = find(code("Russia's calls for new elections in Ukraine were rejected."), "02")
    assert (r["actor1_country"], r["actor2_country"]) == ("RUS", "UKR")


def test_relative_dates_need_a_publication_date() -> None:
    r = find(
        code("Brazil signed a trade agreement with Argentina last month.", published=None), "05"
    )
    assert (r["event_date"], r["date_precision"], r["date_text"]) == (None, "unknown", "last month")
    r = find(code("Brazil signed a trade agreement with Argentina last month."), "05")
    assert (r["event_date"], r["date_precision"]) == ("2025-02-01", "month")


def test_place_not_where_the_event_happened_is_not_its_location() -> None:
    r = find(code("Turkey criticized Sweden over protests in Stockholm."), "11")
    assert r["location_name"] is None


def test_sentences_without_events_give_no_rows() -> None:
    assert code("The weather in Paris was pleasant on Sunday.") == []
    assert code("Analysts said the economy grew by two percent.") == []


def test_confidence_is_a_probability_and_ranks_dyads_higher() -> None:
    rows = code("Russia invaded Ukraine. Russia withdrew.")
    assert all(0 <= r["confidence"] <= 1 for r in rows)
    dyad = find(rows, "19")
    assert dyad["confidence"] >= max(r["confidence"] for r in rows)


def test_speaker_announcing_own_future_act_is_an_intent() -> None:
    r = find(code("Egypt announced it would release the detained Israeli soldiers."), "03")
    assert r["modality"] == "asserted"
    assert r["actor1_country"] == "EGY"


def test_reported_violence_by_another_is_an_accusation() -> None:
    r = find(code("Iran said that Iraq had attacked Kuwait."), "11")
    assert r["cameo_code"] == "112"
    assert (r["actor1_country"], r["actor2_country"]) == ("IRN", "IRQ")


def test_speech_reporting_own_action_keeps_the_action() -> None:
    rows = code("Germany and France said they will attack Syria.")
    r = find(rows, "19")
    assert r["actor2_country"] == "SYR" and r["modality"] == "future"
    assert not [x for x in rows if x["cameo_root"] == "11"]


def test_forecast_of_anothers_action_is_no_accusation() -> None:
    rows = code('The minister said: "The police will crack down on the gangs."')
    assert not [x for x in rows if x["cameo_root"] == "11"]


def test_without_negates() -> None:
    r = find(code("Spain cannot sign a deal without Italy agreeing to it."), "03")
    assert r["modality"] == "negated"


def test_troops_withdrawing_de_escalate() -> None:
    r = find(code("Russian troops withdrew from Georgia on Monday."), "08")
    assert r["cameo_code"] == "087"
    assert r["actor2_country"] == "GEO"


def test_implicit_counterpart_from_the_sentence() -> None:
    rows = code("Spain has made several calls to Italy since France cut off communication.")
    r = find(rows, "16")
    assert (r["actor1_country"], r["actor2_country"]) == ("FRA", "ITA")
    assert r["confidence"] < find(rows, "04")["confidence"]


def test_wanting_another_to_act_is_an_appeal_to_them() -> None:
    r = find(code("Germany wants Poland to attack Belarus."), "02")
    assert (r["actor1_country"], r["actor2_country"]) == ("DEU", "POL")


def test_threat_to_expel_people_targets_their_country() -> None:
    r = find(code("Britain threatened to expel Russian diplomats."), "13")
    assert (r["cameo_code"], r["actor1_country"], r["actor2_country"]) == ("1313", "GBR", "RUS")


def test_declining_to_comment() -> None:
    r = find(code("France declined to comment on the proposal."), "01")
    assert r["cameo_code"] == "011"


def test_interviews_are_not_events() -> None:
    assert not [
        r for r in code("He told reporters that the economy was strong.") if r["cameo_root"] == "01"
    ]


def test_rejecting_the_idea_of_an_action() -> None:
    r = find(code("Germany rejected the idea of sending troops to Ukraine."), "12")
    assert (r["actor1_country"], r["actor2_country"]) == ("DEU", "UKR")


def test_receiving_from_a_giver_is_the_givers_act() -> None:
    r = find(code("The Kurdish militia received weapons from the United States."), "07")
    assert (r["cameo_code"], r["actor1_country"]) == ("072", "USA")
    assert r["actor2_name"] == "Kurdish militia"
    r = find(code("Haiti received aid from Canada."), "07")
    assert (r["actor1_country"], r["actor2_country"]) == ("CAN", "HTI")
    r = find(code("Ukraine got tanks from Germany last month."), "07")
    assert (r["cameo_code"], r["actor1_country"], r["actor2_country"]) == ("072", "DEU", "UKR")


def test_receiving_rifles_hung_on_the_object() -> None:
    r = find(code("Kenyan protesters received rifles from the Kenyan army."), "07")
    assert r["cameo_code"] == "072" and r["actor1_name"] == "Kenyan military"


def test_received_assurances_are_the_givers_promise() -> None:
    r = find(code("Syrian rebels received guarantees from the Syrian government."), "03")
    assert r["actor1_name"] == "Syrian government" and r["actor2_name"] == "Syrian rebels"


def test_receiving_without_a_giver_or_a_visitor_is_not_inverted() -> None:
    assert not code("Ukraine received aid.")
    r = find(code("Ukraine received a delegation from France."), "04")
    assert (r["cameo_code"], r["actor1_country"], r["actor2_country"]) == ("043", "UKR", "FRA")


def test_sympathy_for_a_disaster_targets_its_place() -> None:
    r = find(code("President Macron expressed sorrow for the deadly floods in Spain."), "01")
    assert (r["cameo_code"], r["actor1_country"], r["actor2_country"]) == ("018", "FRA", "ESP")


def test_killed_in_an_attack_takes_the_attacker_as_source() -> None:
    r = find(code("Five Iraqi civilians were killed in a Turkish drone strike."), "19")
    assert (r["actor1_country"], r["actor2_country"]) == ("TUR", "IRQ")
    r = find(code("Two Syrian soldiers were killed in an air strike by Israeli jets."), "19")
    assert (r["actor1_country"], r["actor2_country"]) == ("ISR", "SYR")
    r = find(code("Four Lebanese men were killed in Israeli tank shelling on Friday."), "19")
    assert (r["actor1_country"], r["actor2_country"]) == ("ISR", "LBN")


def test_passive_release_coordinated_by_the_parser_keeps_its_subject() -> None:
    text = "The civilians imprisoned for acting against Beijing were freed yesterday by Xi himself"
    r = find(code(text), "08")
    assert (r["cameo_code"], r["actor1_country"]) == ("0841", "CHN")


def test_claiming_ones_own_attack_is_claiming_responsibility() -> None:
    r = find(code("Turkey claimed that it had attacked Kurdish positions in Syria."), "01")
    assert (r["cameo_code"], r["actor1_country"]) == ("015", "TUR")
    r = find(code("Turkey claimed that Greece had attacked Cyprus."), "11")
    assert r["actor2_country"] == "GRC"
    assert find(code("Russia said it will attack Georgia."), "19")["modality"] == "future"
