"""Event coding measured against gold: PETRARCH-2 GSR, PETRARCH unit tests, or the seed JSON.

``evaluate(gold_path)`` detects the format from the file and returns a dict of figures;
``format_report(result)`` prints them. Matching: a coded row matches a gold coding when the
CAMEO root and both actors' countries agree (a gold actor without a country matches any).
Only asserted and future rows count as coded events for the CAMEO gold sets (CAMEO does not
code negated or hypothetical events); the seed gold carries modality and is compared on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline import nlp
from pipeline.evaluate.events_gold import (
    GoldEvent,
    GoldSentence,
    detect_format,
    read_gsr,
    read_seed,
    read_unittest,
)
from pipeline.extract import countries
from pipeline.extract.actor_data import load, norm
from pipeline.extract.actors import ActorResolver
from pipeline.extract.events import extract_events
from pipeline.extract.model import Actor, ArticleContext, Row, actor_id

CODED = {"asserted", "future"}


class _NamedFallback:
    """Resolver used for the unit tests, whose actors are fictional places (Arnor = ARN,
    Gondor = GON...): the real resolver first (which knows the file's place names through
    ``extra_countries``), then any other proper name as an actor whose code is the name's
    first three letters, the unit tests' own convention."""

    def __init__(self, inner: ActorResolver) -> None:
        self.inner = inner

    def resolve_token(self, token: Token) -> Actor | None:
        found = self.inner.resolve_token(token)
        if found is not None:
            return found
        if token.ent_type_ in {"GPE", "NORP", "ORG", "PERSON", "LOC"} or (
            token.pos_ == "PROPN" and not token.ent_type_
        ):
            phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
            names = [t for t in phrase if t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "NORP"}]
            code = names[0].text[:3].upper() if names else None
            return Actor(actor_id(phrase.text), phrase.text, "group", code)
        return None

    def resolve_span(self, span: Span) -> Actor | None:
        return self.inner.resolve_span(span)

    def resolve_all(self, token: Token) -> list[Actor]:
        inner_all = getattr(self.inner, "resolve_all", None)
        found = [a for a in inner_all(token) if a is not None] if inner_all else []
        if found:
            return found
        one = self.resolve_token(token)
        return [one] if one is not None else []


RE_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


def file_aliases(
    sentences: list[GoldSentence],
) -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
    """The unit tests' own actor dictionary, rebuilt from the whole file: each capitalised
    word the project's dictionary does not know and whose first three letters are one of the
    file's actor codes is that code's name ("Arnor" -> ARN); a longer word starting with such
    a name is its demonym ("Arnorian"). Words also written in lower case ("Foreign") are
    left out. Returns (names, demonyms) as normalised key -> code, and each name's uses."""
    codes = {c for s in sentences for g in s.events for c in (g.source, g.target) if c}
    text = " ".join(s.text for s in sentences)
    lower = set(re.findall(r"\b[a-z]+\b", text))
    data = load()
    words = sorted(
        {
            w
            for w in RE_NAME.findall(text)
            if w[:3].upper() in codes
            and w.lower() not in lower
            and countries.country_of(w) is None
            and norm(w) not in data.entries
            and norm(w) not in data.titles
        },
        key=len,
    )
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for w in words:
        key, code = norm(w), w[:3].upper()
        if any(key.startswith(n) and names[n] == code for n in names):
            demonyms[key] = code
        else:
            names[key] = code
    found = [norm(w) for w in RE_NAME.findall(text)]
    return names, demonyms, {k: found.count(k) for k in names}


@contextmanager
def extra_countries(
    names: dict[str, str], demonyms: dict[str, str], counts: dict[str, int] | None = None
) -> Iterator[None]:
    """Country names and demonyms added to the actor dictionary for the duration (an
    evaluation file's fictional places); the dictionary is restored afterwards. counts
    (name -> uses) picks the display name of a code with several names."""
    counts = counts or {}
    data = load()
    added = [
        (table, key)
        for table, extra in ((data.countries, names), (data.demonyms, demonyms))
        for key in extra
        if key not in table
    ]
    codes = [c for c in {*names.values(), *demonyms.values()} if c not in data.country_names]
    for table, key in added:
        table[key] = (names if table is data.countries else demonyms)[key]
    for code in codes:  # display name: the code's most used name
        data.country_names[code] = max(
            (k for k, v in names.items() if v == code), key=lambda k: counts.get(k, 0), default=code
        ).title()
    countries._adjectives.cache_clear()
    try:
        yield
    finally:
        for table, key in added:
            table.pop(key, None)
        for code in codes:
            data.country_names.pop(code, None)
        countries._adjectives.cache_clear()


def _rows_for(docs: Iterable[Doc], fallback: bool) -> list[list[Row]]:
    out = []
    for n, doc in enumerate(docs):
        ctx = ArticleContext(f"gold-{n}")
        resolver: Any = ActorResolver(doc, ctx)
        if fallback:
            resolver = _NamedFallback(resolver)
        out.append(extract_events(doc, ctx, resolver))
    return out


def _agrees(gold: str | None, pred: str | None) -> bool:
    return gold is None or gold == pred


def _matches(row: Row, g: GoldEvent, actors: bool = True) -> bool:
    if row["cameo_root"] != g.root:
        return False
    if not actors:
        return True
    a1, a2 = row["actor1_country"], row["actor2_country"]
    if _agrees(g.source, a1) and _agrees(g.target, a2):
        return True
    return g.symmetric and _agrees(g.source, a2) and _agrees(g.target, a1)


def _pair(rows: list[Row], golds: list[GoldEvent], actors: bool) -> list[tuple[Row, GoldEvent]]:
    """Greedy one-to-one matching of rows to gold codings; with actors=False, codings are
    first paired with rows that also get the actors right (the best alignment)."""
    used: set[int] = set()
    done: set[int] = set()
    pairs = []
    passes = [True] if actors else [True, False]
    for strict in passes:
        for n, g in enumerate(golds):
            if n in done:
                continue
            for k, r in enumerate(rows):
                if k not in used and _matches(r, g, strict):
                    used.add(k)
                    done.add(n)
                    pairs.append((r, g))
                    break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def _auc(scored: list[tuple[float, bool]]) -> float | None:
    pos = [s for s, ok in scored if ok]
    neg = [s for s, ok in scored if not ok]
    if not pos or not neg:
        return None
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def _confidence_report(scored: list[tuple[float, bool]]) -> dict[str, Any]:
    if not scored:
        return {}
    ranked = sorted(scored, key=lambda x: -x[0])
    half = max(1, len(ranked) // 2)
    top, bottom = ranked[:half], ranked[half:]

    def acc(xs: list[tuple[float, bool]]) -> float | None:
        return round(sum(ok for _, ok in xs) / len(xs), 3) if xs else None

    return {
        "auc": _auc(scored),
        "top_half_precision": acc(top),
        "bottom_half_precision": acc(bottom),
    }


def evaluate_sentences(
    sentences: list[GoldSentence], fallback: bool = False, keep_rows: bool = False
) -> dict[str, Any]:
    docs = list(nlp.parse([s.text for s in sentences]))
    all_rows = _rows_for(docs, fallback)
    n_pred = n_gold = tp = tp_root = 0
    ev_sents = root_ok = covered = 0
    src_n = src_ok = tgt_n = tgt_ok = 0
    noev = noev_ok = 0
    modality_errors = 0
    scored: list[tuple[float, bool]] = []
    kept: list[tuple[Row, bool]] = []
    errors: list[dict[str, Any]] = []
    for s, rows in zip(sentences, all_rows, strict=True):
        coded = [r for r in rows if r["modality"] in CODED]
        if s.noevents and not s.events:
            noev += 1
            noev_ok += not coded
            n_pred += len(coded)
            scored += [(r["confidence"], False) for r in coded]
            kept += [(r, False) for r in coded]
            continue
        n_pred += len(coded)
        n_gold += len(s.events)
        pairs = _pair(coded, s.events, actors=True)
        tp += len(pairs)
        tp_root += len(_pair(coded, s.events, actors=False))
        matched_ids = {id(r) for r, _ in pairs}
        scored += [(r["confidence"], id(r) in matched_ids) for r in coded]
        kept += [(r, id(r) in matched_ids) for r in coded]
        if s.events:
            ev_sents += 1
            covered += bool(coded)
            gold_roots = {g.root for g in s.events}
            top = max(coded, key=lambda r: r["confidence"], default=None)
            root_ok += bool(top and top["cameo_root"] in gold_roots)
            modality_errors += sum(
                r["modality"] not in CODED
                for r in rows
                if r["cameo_root"] in gold_roots and not coded
            )
            for r, g in _pair(coded, s.events, actors=False):
                if g.source is not None:
                    src_n += 1
                    src_ok += r["actor1_country"] == g.source
                if g.target is not None:
                    tgt_n += 1
                    tgt_ok += r["actor2_country"] == g.target
            if not (top and top["cameo_root"] in gold_roots):
                errors.append(
                    {
                        "id": s.sid,
                        "text": s.text,
                        "gold": [(g.code, g.source, g.target) for g in s.events],
                        "coded": [
                            (
                                r["cameo_code"],
                                r["actor1_country"],
                                r["actor2_country"],
                                r["modality"],
                            )
                            for r in rows
                        ],
                    }
                )
    return {
        "sentences": len(sentences),
        "event_sentences": ev_sents,
        "gold_events": n_gold,
        "coded_events": n_pred,
        **_prf(tp, n_pred, n_gold),
        "root_only": _prf(tp_root, n_pred, n_gold),
        "root_accuracy": round(root_ok / ev_sents, 3) if ev_sents else None,
        "coverage": round(covered / ev_sents, 3) if ev_sents else None,
        "source_country_accuracy": round(src_ok / src_n, 3) if src_n else None,
        "target_country_accuracy": round(tgt_ok / tgt_n, 3) if tgt_n else None,
        "modality_errors": modality_errors,
        "noevents_sentences": noev,
        "noevents_correct": round(noev_ok / noev, 3) if noev else None,
        "confidence": _confidence_report(scored),
        "errors": errors,
        **({"scored_rows": kept} if keep_rows else {}),
    }


def evaluate_seed(path: Path, keep_rows: bool = False) -> dict[str, Any]:
    article, golds, published = read_seed(path)
    text = article.read_text(encoding="utf-8")
    doc = next(nlp.parse([text]))
    ctx = ArticleContext("seed", published_at=date.fromisoformat(published) if published else None)
    rows = extract_events(doc, ctx, ActorResolver(doc, ctx))
    sents = list(doc.sents)
    by_sent: dict[int, list[GoldEvent]] = {}
    missing = []
    for g in golds:
        idx = next((k for k, s in enumerate(sents) if g.evidence and g.evidence in s.text), None)
        if idx is None:
            missing.append(g.evidence)
            continue
        by_sent.setdefault(idx, []).append(g)
    tp = modality_errors = 0
    scored: list[tuple[float, bool]] = []
    kept: list[tuple[Row, bool]] = []
    unmatched_gold = []
    for k in range(len(sents)):
        rows_k = [r for r in rows if r["sentence_index"] == k]
        golds_k = by_sent.get(k, [])
        pairs = _pair(rows_k, golds_k, actors=True)
        tp += len(pairs)
        modality_errors += sum(r["modality"] != g.modality for r, g in pairs)
        ids = {id(r) for r, _ in pairs}
        scored += [(r["confidence"], id(r) in ids) for r in rows_k]
        kept += [(r, id(r) in ids) for r in rows_k]
        got = {id(g) for _, g in pairs}
        unmatched_gold += [
            (g.evidence, g.code, g.source, g.target) for g in golds_k if id(g) not in got
        ]
    return {
        "format": "seed",
        "gold_events": len(golds),
        "coded_events": len(rows),
        **_prf(tp, len(rows), len(golds)),
        "modality_errors": modality_errors,
        "unlocated_evidence": missing,
        "missed": unmatched_gold,
        "confidence": _confidence_report(scored),
        **({"scored_rows": kept} if keep_rows else {}),
    }


def evaluate(gold_path: Path, keep_rows: bool = False) -> dict[str, Any]:
    """Figures for one gold file (format detected from the file)."""
    gold_path = Path(gold_path)
    fmt = detect_format(gold_path)
    if fmt == "seed":
        return evaluate_seed(gold_path, keep_rows)
    if fmt == "unittest":
        sents = read_unittest(gold_path)
        with extra_countries(*file_aliases(sents)):
            res = evaluate_sentences(sents, fallback=True, keep_rows=keep_rows)
        return {"format": fmt, **res}
    return {"format": fmt, **evaluate_sentences(read_gsr(gold_path), keep_rows=keep_rows)}


def format_report(result: dict[str, Any]) -> str:
    """A plain-text report of evaluate()'s figures."""
    lines = [f"Event coding vs {result.get('format')} gold"]
    keys = [
        ("sentences", "sentences"),
        ("event_sentences", "sentences with gold events"),
        ("gold_events", "gold events"),
        ("coded_events", "coded events"),
        ("precision", "precision (root + both countries)"),
        ("recall", "recall"),
        ("f1", "F1"),
        ("root_accuracy", "root-code accuracy (event sentences)"),
        ("coverage", "event sentences with a coded event"),
        ("source_country_accuracy", "source country accuracy"),
        ("target_country_accuracy", "target country accuracy"),
        ("modality_errors", "modality errors"),
        ("noevents_correct", "noevents sentences with no event"),
    ]
    for key, label in keys:
        if result.get(key) is not None:
            lines.append(f"  {label:<40} {result[key]}")
    if "root_only" in result:
        ro = result["root_only"]
        lines.append(
            f"  {'root only: P / R / F1':<40} {ro['precision']} / {ro['recall']} / {ro['f1']}"
        )
    conf = result.get("confidence") or {}
    if conf:
        lines.append(f"  {'confidence AUC (right vs wrong)':<40} {conf.get('auc')}")
        lines.append(
            f"  {'precision top / bottom half by conf.':<40} "
            f"{conf.get('top_half_precision')} / {conf.get('bottom_half_precision')}"
        )
    return "\n".join(lines)
