"""Claims evaluation against PolNeAR attribution relations (brat standoff).

Scoring, per article, on word tokens of the spaCy doc (punctuation and spaces ignored):

- A prediction matches a gold relation when its content covers at least ``threshold`` of the
  gold Content's word tokens (0.3 and 0.8 are reported) and the speaker matches. Matching
  is one-to-one with as many pairs as possible (best overlaps tried first).
- Speaker match: the predicted speaker mention overlaps the gold Source span; or the
  predicted canonical name shares a word (its surname or a group noun) with the gold Source
  text or, for a pronoun Source, with the nearest earlier gold Source that is a name (a
  stand-in for coreference, which PolNeAR does not annotate); a gold relation without a
  Source matches any speaker (PolNeAR leaves some implicit).
- ``all``: every gold relation (PolNeAR marks speech, beliefs and intentions alike). Scored
  twice: with ``belief`` predictions (PolNeAR's scope) and without them (speech only).
- ``direct``: gold relations whose Content holds a quotation mark (" “ ” or NYT-style ''),
  and predictions of kind direct or partial; both matched against the full sets, so
  precision counts a quote prediction right if it matches any gold relation.
- Speaker accuracy and cue accuracy: over pairs whose content overlap reaches 0.3 whatever
  the speaker (cue right when the predicted cue overlaps the gold Cue span).

The first annotator's file (sorted by name) is used for articles annotated twice.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline import nlp
from pipeline.extract.actors import ActorResolver
from pipeline.extract.claims import Attribution, find_attributions
from pipeline.extract.model import ArticleContext

QUOTE_MARKS = '"“”'
THRESHOLDS = (0.3, 0.8)
Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    source_text: str = ""
    coref_text: str = ""  # for a pronoun Source: the nearest earlier named gold Source

    def quoted(self, text: str) -> bool:
        return any(ch in text[a:b] for a, b in self.content for ch in QUOTE_MARKS) or any(
            "''" in text[a:b] or "``" in text[a:b] for a, b in self.content
        )


def _pieces(spec: str) -> Spans:
    out: Spans = []
    for piece in spec.split(";"):
        a, b = piece.split()[-2:]
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, Spans]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, spec = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _pieces(spec))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    golds: list[Gold] = []
    for rel in rels:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        source = spans.get(rel.get("Source", ""), ("", []))[1]
        golds.append(
            Gold(
                content=spans[rel["Content"]][1],
                source=source,
                cue=spans.get(rel.get("Cue", ""), ("", []))[1],
                source_text=" ".join(text[a:b] for a, b in source),
            )
        )
    _coref(golds)
    return golds


PRONOUNS = {"he", "she", "they", "i", "we", "who", "it", "him", "her", "them", "his", "their"}


def _coref(golds: list[Gold]) -> None:
    """Give pronoun Sources the nearest earlier Source that has a capitalised name."""
    named = sorted(
        (g.source[0][0], g.source_text)
        for g in golds
        if g.source
        and any(w[:1].isupper() for w in g.source_text.split()[1:] or [""])
        or g.source
        and g.source_text[:1].isupper()
        and g.source_text.lower() not in PRONOUNS
    )
    for g in golds:
        if g.source and g.source_text.strip().lower() in PRONOUNS:
            before = [t for pos, t in named if pos < g.source[0][0]]
            g.coref_text = before[-1] if before else ""


def load_split(data_dir: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    """(article name, text, gold relations) for every article of the split."""
    root = data_dir / split
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = []
    for name, ann in sorted(anns.items()):
        txt = root / "text" / f"{name}.txt"
        if txt.exists():
            text = txt.read_text(encoding="utf-8")
            out.append((name, text, read_ann(ann, text)))
    return out


def _words(doc: Doc, spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span if not (t.is_punct or t.is_space))
    return out


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def _name_words(name: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", name or "")} - {"the", "a", "an"}


def speaker_match(pred: Attribution, gold: Gold) -> bool:
    if not gold.source:
        return True
    sp = pred.speaker
    if sp is None:
        return False
    if _overlaps([(sp.start, sp.end)], gold.source):
        return True
    return bool(_name_words(sp.name) & _name_words(gold.source_text + " " + gold.coref_text))


def cue_match(pred: Attribution, gold: Gold) -> bool:
    return bool(gold.cue) and _overlaps([(pred.cue_start, pred.cue_end)], gold.cue)


@dataclass
class Counts:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    def scores(self) -> dict[str, float | int]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }


def group(preds: list[Attribution]) -> list[tuple[Attribution, Spans]]:
    """One relation per cue: a quote interrupted by its cue ("…," X said. "…") is one relation
    in PolNeAR (a discontinuous Content); the extractor emits one row per quoted piece."""
    groups: dict[tuple[int, str], tuple[Attribution, Spans]] = {}
    preds = sorted(preds, key=lambda p: (p.kind not in ("direct", "partial"), p.start))
    for p in preds:
        key = (p.cue_start, p.cue or "")
        if key in groups:
            groups[key][1].append((p.start, p.end))
        else:
            groups[key] = (p, [(p.start, p.end)])
    return list(groups.values())


def _match(
    doc: Doc,
    groups: list[tuple[Attribution, Spans]],
    golds: list[Gold],
    threshold: float,
    need_speaker: bool,
) -> list[tuple[int, int]]:
    preds = [g[0] for g in groups]
    gw = [_words(doc, g.content) for g in golds]
    pw = [_words(doc, g[1]) for g in groups]
    cands = []
    for gi, g in enumerate(golds):
        if not gw[gi]:
            continue
        for pi, p in enumerate(preds):
            ov = len(gw[gi] & pw[pi]) / len(gw[gi])
            if ov >= threshold and (not need_speaker or speaker_match(p, g)):
                cands.append((ov, gi, pi))
    return _max_matching(cands)


def _max_matching(cands: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """A one-to-one matching with as many pairs as possible (augmenting paths), trying the
    best-overlap candidates first, so a prediction that overlaps two gold relations counts
    for the one no other prediction can take."""
    cands = sorted(cands, reverse=True)
    options: dict[int, list[int]] = {}
    for _, gi, pi in cands:
        options.setdefault(gi, []).append(pi)
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in dict.fromkeys(gi for _, gi, _ in cands):
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


def score_doc(doc: Doc, attributions: list[Attribution], golds: list[Gold]) -> dict[str, Any]:
    text = doc.text
    groups = group(attributions)
    preds = [g[0] for g in groups]
    out: dict[str, Any] = {}
    speech = [g for g in groups if g[0].kind != "belief"]
    quoted_g = {i for i, g in enumerate(golds) if g.quoted(text)}
    for threshold in THRESHOLDS:
        for label, pset in (("all", groups), ("speech_only", speech)):
            pairs = _match(doc, pset, golds, threshold, True)
            out[f"{label}@{threshold}"] = Counts(len(pairs), len(pset), len(pairs), len(golds))
        pairs = _match(doc, groups, golds, threshold, True)
        qp = {i for i, p in enumerate(preds) if p.kind in ("direct", "partial")}
        out[f"direct@{threshold}"] = Counts(
            sum(1 for _, pi in pairs if pi in qp),
            len(qp),
            sum(1 for gi, _ in pairs if gi in quoted_g),
            len(quoted_g),
        )
    loose = _match(doc, groups, golds, 0.3, False)
    out["speaker"] = [speaker_match(preds[pi], golds[gi]) for gi, pi in loose]
    out["speaker_direct"] = [
        speaker_match(preds[pi], golds[gi]) for gi, pi in loose if gi in quoted_g
    ]
    out["cue"] = [cue_match(preds[pi], golds[gi]) for gi, pi in loose]
    return out


def evaluate(
    data_dir: Path, split: str = "dev", limit: int | None = None, seed: int | None = None
) -> dict:
    """Scores of the claims extractor on a PolNeAR split.

    limit: score only the first N articles (by name), or N sampled with the given seed.
    """
    data_dir = Path(data_dir)
    if (data_dir / "polnear").is_dir():
        data_dir = data_dir / "polnear"
    articles = load_split(data_dir, split)
    if limit is not None and limit < len(articles):
        rng = random.Random(seed)
        articles = articles[:limit] if seed is None else rng.sample(articles, limit)
    totals: dict[str, Counts] = {}
    flags: dict[str, list[bool]] = {"speaker": [], "speaker_direct": [], "cue": []}
    kinds: dict[str, int] = {}
    docs = nlp.parse(text for _, text, _ in articles)
    for (name, _, golds), doc in zip(articles, docs, strict=True):
        preds = find_attributions(doc, ActorResolver(doc, ArticleContext(article_id=name)))
        for p in preds:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        for key, val in score_doc(doc, preds, golds).items():
            if isinstance(val, Counts):
                totals.setdefault(key, Counts()).add(val)
            else:
                flags[key].extend(val)
    result: dict[str, Any] = {"split": split, "articles": len(articles), "kinds": kinds}
    result["scores"] = {k: v.scores() for k, v in sorted(totals.items())}
    for key, vals in flags.items():
        result[f"{key}_accuracy"] = round(sum(vals) / len(vals), 4) if vals else 0.0
        result[f"{key}_pairs"] = len(vals)
    return result


def format_report(result: dict) -> str:
    lines = [
        f"PolNeAR {result['split']}: {result['articles']} articles; predicted kinds "
        + ", ".join(f"{k} {v}" for k, v in sorted(result["kinds"].items()))
    ]
    lines.append(f"{'subset':<20}{'P':>8}{'R':>8}{'F1':>8}{'pred':>8}{'gold':>8}")
    for key, s in result["scores"].items():
        lines.append(
            f"{key:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            f"{s['n_pred']:>8}{s['n_gold']:>8}"
        )
    lines.append(
        f"speaker accuracy (content overlap >= 0.3): {result['speaker_accuracy']:.3f}"
        f" over {result['speaker_pairs']}"
    )
    lines.append(
        f"speaker accuracy on quotes: {result['speaker_direct_accuracy']:.3f}"
        f" over {result['speaker_direct_pairs']}"
    )
    lines.append(f"cue accuracy: {result['cue_accuracy']:.3f} over {result['cue_pairs']}")
    return "\n".join(lines)


def _bare(text: str | None) -> str:
    return re.sub(r"^(a|an|the)\s+", "", (text or "").strip(), flags=re.I).lower()


def score_rows(rows: list[dict[str, Any]], gold: list[dict[str, Any]], text: str) -> dict:
    """Claim rows against a hand-coded gold list (tests/fixtures/seed_claims_gold.json).

    A row matches a gold claim when its claim span covers at least half of the gold content's
    characters and its speaker_name is the gold speaker or one of its alternates (case
    ignored). Optional gold claims count neither as hits nor as misses.
    """
    spans = []
    for g in gold:
        at = text.find(g["content"])
        spans.append((at, at + len(g["content"])))
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        names = {n.lower() for n in [g["speaker"], *g.get("speaker_alternates", [])]}
        a, b = spans[gi]
        for ri, row in enumerate(rows):
            if ri in used:
                continue
            cover = max(0, min(b, row["claim_end"]) - max(a, row["claim_start"]))
            if cover >= 0.5 * (b - a) and (row["speaker_name"] or "").lower() in names:
                pairs.append((gi, ri))
                used.add(ri)
                break
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    hit_gold = {gi for gi, _ in pairs}
    optional_rows = {ri for gi, ri in pairs if gold[gi].get("optional")}
    n_pred = len(rows) - len(optional_rows)
    tp = sum(1 for gi in hit_gold if gi in required)
    matched_rows = {ri for _, ri in pairs}
    p = tp / n_pred if n_pred else 0.0
    r = tp / len(required) if required else 0.0
    kinds = sum(1 for gi, ri in pairs if rows[ri]["claim_kind"] == gold[gi]["kind"])
    descs = [
        _bare(rows[ri]["speaker_description"]) == _bare(gold[gi]["description"])
        for gi, ri in pairs
        if gold[gi].get("description")
    ]
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "kind_accuracy": round(kinds / len(pairs), 4) if pairs else 0.0,
        "description_accuracy": round(sum(descs) / len(descs), 4) if descs else 0.0,
        "missed": [gold[i]["content"] for i in required if i not in hit_gold],
        "extra": [rows[i]["claim_text"] for i in range(len(rows)) if i not in matched_rows],
    }
