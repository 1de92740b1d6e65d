"""Date resolution, place lookup and mention grouping (no model needed)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.extract.dates import is_point_expression, resolve
from pipeline.extract.grouping import group_events
from pipeline.extract.places import place_country

PUB = date(2025, 3, 20)  # Thursday


def test_relative_dates_resolve_against_publication() -> None:
    assert resolve("last Tuesday", PUB) == ("2025-03-18", "day")
    assert resolve("on Thursday", PUB) == ("2025-03-20", "day")
    assert resolve("this week", PUB) == ("2025-03-17", "week")
    assert resolve("last week", PUB) == ("2025-03-10", "week")
    assert resolve("last month", PUB) == ("2025-02-01", "month")
    assert resolve("mid-February", PUB) == ("2025-02-15", "month")
    assert resolve("yesterday", PUB) == ("2025-03-19", "day")
    assert resolve("two weeks ago", PUB) == ("2025-03-03", "week")
    assert resolve("last year", PUB) == ("2024-01-01", "year")
    assert resolve("December", PUB) == ("2024-12-01", "month")


def test_absolute_dates_need_no_publication_date() -> None:
    assert resolve("February 2022", None) == ("2022-02-01", "month")
    assert resolve("March 3, 2025", None) == ("2025-03-03", "day")
    assert resolve("3 March 2025", None) == ("2025-03-03", "day")
    assert resolve("last Tuesday", None) == (None, "unknown")
    assert resolve("mid-February", None) == (None, "unknown")


def test_durations_are_not_dates() -> None:
    assert not is_point_expression("three years")
    assert not is_point_expression("the three-year conflict")
    assert is_point_expression("last Tuesday")
    assert is_point_expression("2008")


def test_places_resolve_to_iso3() -> None:
    assert place_country("Saudi Arabia") == "SAU"
    assert place_country("the Oval Office") == "USA"
    assert place_country("Berlin") == "DEU"
    assert place_country("Atlantis") is None


def _row(**kw: object) -> dict[str, object]:
    base = {
        "article_id": "a",
        "actor1_id": "USA",
        "actor2_id": "RUS",
        "cameo_root": "04",
        "cameo_code": "041",
        "modality": "asserted",
        "event_date": None,
        "date_precision": "unknown",
    }
    return {**base, **kw}


def test_grouping_links_mentions_across_articles_and_orders() -> None:
    df = pd.DataFrame(
        [
            _row(event_date="2025-03-18", date_precision="day"),
            _row(
                article_id="b",
                actor1_id="RUS",
                actor2_id="USA",
                cameo_code="040",
                event_date="2025-03-17",
                date_precision="week",
            ),
            _row(),  # undated, same article as a dated mention: joins it
            _row(modality="hypothetical"),  # a call that did not happen is not that call
            _row(article_id="c", event_date="2025-02-12", date_precision="day"),  # another call
            _row(cameo_root="19", cameo_code="190", event_date="2025-03-18", date_precision="day"),
        ]
    )
    g = group_events(df).tolist()
    assert g[0] == g[1] == g[2]
    assert len({g[0], g[3], g[4], g[5]}) == 4
    shuffled = group_events(df.iloc[[5, 3, 1, 0, 4, 2]])
    assert shuffled.sort_index().tolist() == g


def test_grouping_keeps_direction_for_one_way_events() -> None:
    df = pd.DataFrame(
        [
            _row(cameo_root="11", cameo_code="111"),
            _row(cameo_root="11", cameo_code="111", actor1_id="RUS", actor2_id="USA"),
        ]
    )
    g = group_events(df)
    assert g.iloc[0] != g.iloc[1]
    assert all(x.startswith("eg_") for x in g)


def test_grouping_empty_table() -> None:
    assert group_events(pd.DataFrame(columns=["actor1_id"])).empty


def test_grouping_treats_missing_values_alike() -> None:
    a = pd.DataFrame([_row(actor2_id=None, event_date=None)])
    b = pd.DataFrame([_row(actor2_id=pd.NA, event_date=float("nan"))]).astype(object)
    assert group_events(a).iloc[0] == group_events(b).iloc[0]
