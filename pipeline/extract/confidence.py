"""A 0-1 confidence per event row, from features that go with right codings on the dev sets."""

from __future__ import annotations

from pipeline.extract.model import Actor
from pipeline.extract.roles import Trigger


def confidence(trig: Trigger, src: Actor, tgt: Actor | None, modality: str) -> float:
    score = 0.5
    if trig.kind == "verb":
        score += 0.1
    if trig.match.pattern.specificity:
        score += 0.1
    if tgt is not None:
        score += 0.1
    if src.country:
        score += 0.05
    if tgt is not None and tgt.country:
        score += 0.05
    if modality != "asserted":
        score -= 0.05
    return round(max(0.05, min(0.95, score)), 3)
