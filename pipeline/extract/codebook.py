"""The CAMEO codebook as data: labels, Goldstein scores, QuadClass and PLOVER mapping.

The table lives in ``schemas/codebook/cameo.csv`` (one row per CAMEO code, 2-, 3- and
4-digit). Codes and scores are the public CAMEO/GDELT facts; the labels are this project's.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CODEBOOK_DIR = Path(__file__).resolve().parents[2] / "schemas" / "codebook"
CAMEO_CSV = CODEBOOK_DIR / "cameo.csv"


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


def quad_class_of(root: str) -> int:
    """GDELT QuadClass of a CAMEO root: 1 verbal coop, 2 material coop, 3/4 conflict."""
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    return 3 if r <= 13 else 4


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """Every CAMEO code in the codebook, keyed by code."""
    out: dict[str, CameoCode] = {}
    with CAMEO_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["code"]] = CameoCode(
                code=row["code"],
                root=row["root"],
                label=row["label"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
            )
    return out


def lookup(code: str) -> CameoCode:
    """The codebook entry of code; KeyError when the code is not CAMEO."""
    return table()[code]


def is_code(code: str) -> bool:
    return code in table()


def compatible(a: str, b: str) -> bool:
    """Whether two codes could describe the same event (same root, one a prefix of the other
    or both at the root's generic level)."""
    if a[:2] != b[:2]:
        return False
    return a.startswith(b) or b.startswith(a) or a.endswith("0") or b.endswith("0") or len(a) == 2
