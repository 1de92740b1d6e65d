"""Mentions vs events: link event mentions that report the same real-world event.

Two mentions are the same event when they have the same actor pair (either order for
reciprocal events such as meetings and calls), the same CAMEO root, compatible modality,
and dates that fit together given their precision. Mentions without a date join the one
dated event of their own article that fits, if there is exactly one; otherwise they stay
an undated event of their article. Ids are stable_id of the group's defining key, so the
grouping is deterministic and does not depend on row order.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import Any

import pandas as pd

from pipeline.extract.model import stable_id

RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}
TOLERANCE_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
Item = tuple[date, int, int]  # (date, tolerance in days, position)


def _str(value: object) -> str:
    """A cell as text; None, NaN, NaT and pd.NA (as DuckDB or pandas give them) are empty."""
    if value is None or isinstance(value, str):
        return value or ""
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    """(actor 1, actor 2, root, modality class) of a mention."""
    a1, a2 = _str(row.get("actor1_id")), _str(row.get("actor2_id"))
    root = _str(row.get("cameo_root")) or _str(row.get("cameo_code"))[:2]
    if root in RECIPROCAL_ROOTS and a2 and a2 < a1:
        a1, a2 = a2, a1
    mod = _str(row.get("modality")) or "asserted"
    return a1, a2, root, "factual" if mod in {"asserted", "future"} else mod


def _parse(value: object) -> date | None:
    text = _str(value)
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _clusters(dated: list[Item]) -> list[list[Item]]:
    """Chain items whose dates lie within either one's tolerance of the previous one."""
    out: list[list[Item]] = []
    for item in sorted(dated):
        if out:
            last = out[-1][-1]
            if (item[0] - last[0]).days <= max(item[1], last[1]):
                out[-1].append(item)
                continue
        out.append([item])
    return out


def group_events(events: pd.DataFrame) -> pd.Series:
    """An event_group_id for every row of the events table (index-aligned)."""
    records: list[dict[str, Any]] = events.to_dict("records")  # type: ignore[assignment]
    labels: list[Hashable] = list(events.index)
    ids = [""] * len(records)
    by_key: dict[tuple[str, str, str, str], list[int]] = {}
    for pos, row in enumerate(records):
        by_key.setdefault(_key(row), []).append(pos)
    for key, positions in by_key.items():
        dated: list[Item] = []
        undated: list[int] = []
        for pos in positions:
            d = _parse(records[pos].get("event_date"))
            if d is None:
                undated.append(pos)
            else:
                tol = TOLERANCE_DAYS.get(_str(records[pos].get("date_precision")), 1)
                dated.append((d, tol, pos))
        clusters: list[tuple[str, set[str]]] = []
        for cluster in _clusters(dated):
            gid = stable_id("eg", *key, cluster[0][0].isoformat())
            for _, _, pos in cluster:
                ids[pos] = gid
            clusters.append((gid, {_str(records[p].get("article_id")) for _, _, p in cluster}))
        for pos in undated:
            article = _str(records[pos].get("article_id"))
            fits = [gid for gid, arts in clusters if article in arts]
            ids[pos] = fits[0] if len(fits) == 1 else stable_id("eg", *key, "undated", article)
    return pd.Series(ids, index=labels, dtype="object")
