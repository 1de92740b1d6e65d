"""Event coder on everyday political news: domestic actors, stances on policies, criticism,
reported speech and over-coding guards (constructed sentences, real spaCy model)."""

from __future__ import annotations

from pipeline.extract.model import Row
from tests.test_events import code, find


def roots(rows: list[Row]) -> set[str]:
    return {r["cameo_root"] for r in rows}


def test_named_people_without_a_known_country_are_actors() -> None:
    r = find(code("Mr Jones accused Mr Hargreaves of lying to voters."), "11")
    assert (r["actor1_name"], r["actor2_name"]) == ("Jones", "Hargreaves")


def test_saying_what_another_should_have_done_is_criticism() -> None:
    rows = code("The Conservatives argued the chancellor should have resigned.")
    r = find(rows, "11")
    assert r["cameo_code"] == "111" and r["actor2_sector"] == "GOV"
    assert "08" not in roots(rows)  # the resignation did not happen


def test_a_stance_on_a_policy_stands_without_a_target_actor() -> None:
    r = find(code("The Liberal Democrats branded the plans a shambles."), "11")
    assert r["actor2_id"] is None and r["actor1_sector"] == "PTY"
    assert find(code("Labour called for an inquiry."), "02")["actor2_id"] is None


def test_insisting_on_a_fact_is_no_demand() -> None:
    assert "10" not in roots(code("Germany insisted its budget was balanced."))
    assert "10" in roots(code("Germany insisted on a vote by France."))


def test_a_politician_attacking_a_party_criticises_it() -> None:
    r = find(code("Mr Cable attacked Labour's tax plans."), "11")
    assert r["actor2_sector"] == "PTY"
    assert find(code("Russia attacked Ukraine."), "19")["actor2_country"] == "UKR"


def test_first_person_in_reported_speech_is_the_speaker() -> None:
    rows = code('"We will attack Syria," the French defence minister said.')
    assert [(r["actor1_country"], r["actor2_country"]) for r in rows] == [("FRA", "SYR")]


def test_a_participle_describing_the_object_is_not_another_event() -> None:
    rows = code("Iran rejected a truce agreed by France and Germany.")
    assert roots(rows) == {"12"}
    assert find(rows, "12")["actor2_country"] == "FRA"


def test_a_symmetric_event_is_one_row_per_pair() -> None:
    assert len([r for r in code("Spain and Italy met in Rome.") if r["cameo_root"] == "04"]) == 1


def test_events_asked_about_are_not_reported() -> None:
    assert "08" not in roots(code("Reporters asked what concessions Russia would make."))


def test_a_hypothetical_act_with_nobody_on_the_other_side_is_no_row() -> None:
    assert not code("Poland may choose to continue fighting.")
    assert find(code("Spain can attack Italy."), "19")["modality"] == "hypothetical"


def test_a_plea_in_a_quote_is_not_an_act() -> None:
    assert "07" not in roots(code('"Help us," the Kenyan minister said.'))


def test_not_discussing_reports_is_declining_to_comment() -> None:
    assert find(code("Germany would not discuss reports of a deal."), "01")["cameo_code"] == "011"


def test_a_stated_plan_is_an_intent() -> None:
    r = find(code("Japan and China outlined a plan to restore cooperation."), "03")
    assert r["modality"] == "asserted"


def test_the_sentence_names_the_counterpart_the_parse_misses() -> None:
    rows = code("Kenya signalled a willingness to sign a trade deal, praising Britain's efforts.")
    r = find(rows, "03")
    assert (r["actor1_country"], r["actor2_country"]) == ("KEN", "GBR")


def test_agreeing_that_something_is_so_is_no_agreement() -> None:
    assert "03" not in roots(code("France and Italy agreed the speech was brilliant."))


def test_fighting_an_abstraction_is_no_attack() -> None:
    assert "19" not in roots(code("The Labour Party fought all forms of racism."))
    assert "19" in roots(code("Rebels fought Syrian soldiers near Aleppo."))


def test_a_call_to_act_is_an_appeal() -> None:
    rows = code("Mr Brown rejected the Liberal Democrats' call to open the books.")
    assert "04" not in roots(rows) and "12" in roots(rows)


def test_what_a_politician_told_a_programme_is_an_interview() -> None:
    assert not code("Mr Blair told BBC Radio Scotland's Sunday programme that he was happy.")


def test_refusing_to_discuss_a_matter_is_declining_to_comment() -> None:
    assert find(code("Labour refused to discuss his new position."), "01")["cameo_code"] == "011"
    assert "12" in roots(code("Iran refused to discuss a ceasefire with Iraq."))


def test_talking_about_a_topic_and_re_election_are_no_events() -> None:
    assert not code("Mr Brown kept on talking about the past.")
    assert not code("Her sole aim was to see the Greens re-elected next spring.")
