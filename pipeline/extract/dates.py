"""Resolve the date expressions spaCy finds (DATE entities) to ISO dates and a precision.

Relative expressions ("last Tuesday", "this week", "last month", "mid-February") need the
article's publication date; absolute ones ("February 2022", "March 3, 2025") do not. Only
short expressions are looked at, with cheap patterns; results are cached. Dates are given
as the first day of the period (YYYY-MM-DD) with date_precision saying how exact it is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

RE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
RE_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
RE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b")
RE_MY = re.compile(rf"\b(early|mid|late)?[-\s]?({_MONTH_RE})\.?(?:,?\s+(?:of\s+)?(\d{{4}}))?\b")
RE_WEEKDAY = re.compile(rf"\b(?:(last|this|next|on|past)\s+)?({'|'.join(WEEKDAYS)})\b")
RE_REL = re.compile(r"\b(last|this|next|past|previous|coming)\s+(week|month|year|weekend)\b")
RE_AGO = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(day|week|month|year)s?\s+ago\b"
)
RE_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
RE_DAYWORD = re.compile(r"\b(yesterday|today|tonight|overnight|tomorrow|earlier today)\b")


class ResolvedDate(NamedTuple):
    iso: str | None
    precision: str  # day | week | month | year | unknown


UNKNOWN = ResolvedDate(None, "unknown")


def is_point_expression(text: str) -> bool:
    """Whether text names a point or period in time (not a duration like "three years")."""
    t = text.lower()
    return bool(
        RE_ISO.search(t)
        or RE_MY.search(t)
        or RE_WEEKDAY.search(t)
        or RE_REL.search(t)
        or RE_AGO.search(t)
        or RE_DAYWORD.search(t)
        or (RE_YEAR.search(t) and not re.search(r"\byears?\b", t))
    )


def _month_start(y: int, m: int) -> date:
    return date(y, m, 1)


def _shift_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def _infer_year(month: int, pub: date | None) -> int | None:
    """The year of a month named without one: the latest such month not after publication."""
    if pub is None:
        return None
    return pub.year if month <= pub.month + 1 else pub.year - 1


@lru_cache(maxsize=4096)
def resolve(text: str, published: date | None) -> ResolvedDate:
    """ISO date and precision of a date expression, relative to the publication date."""
    t = text.lower().strip()
    if m := RE_ISO.search(t):
        try:
            return ResolvedDate(date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day")
        except ValueError:
            return UNKNOWN
    for rx, order in ((RE_MDY, "md"), (RE_DMY, "dm")):
        if m := rx.search(t):
            mon, day = (MONTHS[m[1]], int(m[2])) if order == "md" else (MONTHS[m[2]], int(m[1]))
            year = int(m[3]) if m[3] else _infer_year(mon, published)
            if year is None:
                return UNKNOWN
            try:
                return ResolvedDate(date(year, mon, day).isoformat(), "day")
            except ValueError:
                return UNKNOWN
    if m := RE_MY.search(t):
        mon = MONTHS[m[2]]
        if m[2] == "may" and not m[3] and not m[1]:
            pass  # bare "may" is usually the modal verb
        else:
            year = int(m[3]) if m[3] else _infer_year(mon, published)
            if year is None:
                return UNKNOWN
            day = {"early": 1, "mid": 15, "late": 21}.get(m[1] or "", 1)
            return ResolvedDate(date(year, mon, day).isoformat(), "month")
    if published is None:
        if m := RE_YEAR.search(t):
            return ResolvedDate(f"{m[1]}-01-01", "year")
        return UNKNOWN
    if m := RE_DAYWORD.search(t):
        offset = {"yesterday": -1, "tomorrow": 1}.get(m[1], 0)
        return ResolvedDate((published + timedelta(days=offset)).isoformat(), "day")
    if m := RE_WEEKDAY.search(t):
        target = WEEKDAYS.index(m[2])
        delta = (published.weekday() - target) % 7
        if m[1] == "next":
            d = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        else:
            if m[1] in {"last", "past"} and delta == 0:
                delta = 7
            d = published - timedelta(days=delta)
        return ResolvedDate(d.isoformat(), "day")
    if m := RE_REL.search(t):
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m[1], 0)
        unit = m[2]
        if unit in {"week", "weekend"}:
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            return ResolvedDate(monday.isoformat(), "week")
        if unit == "month":
            return ResolvedDate(
                _shift_months(_month_start(published.year, published.month), step).isoformat(),
                "month",
            )
        return ResolvedDate(f"{published.year + step}-01-01", "year")
    if m := RE_AGO.search(t):
        n = int(m[1]) if m[1].isdigit() else _NUM.get(m[1], 1)
        unit = m[2]
        if unit == "day":
            return ResolvedDate((published - timedelta(days=n)).isoformat(), "day")
        if unit == "week":
            d = published - timedelta(weeks=n)
            return ResolvedDate((d - timedelta(days=d.weekday())).isoformat(), "week")
        if unit == "month":
            return ResolvedDate(
                _shift_months(_month_start(published.year, published.month), -n).isoformat(),
                "month",
            )
        return ResolvedDate(f"{published.year - n}-01-01", "year")
    if m := RE_YEAR.search(t):
        return ResolvedDate(f"{m[1]}-01-01", "year")
    return UNKNOWN
