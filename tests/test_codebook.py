"""The CAMEO codebook table is complete and consistent, and covers every code the coder emits."""

from __future__ import annotations

import csv

from pipeline.extract import codebook, events, roles, verbs

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "DEMAND",
}


def emittable_codes() -> set[str]:
    codes = set(verbs.all_codes())
    for table in (
        roles.REJECT_BY_ROOT,
        roles.THREAT_BY_ROOT,
        roles.APPEAL_BY_ROOT,
        roles.DEMAND_BY_ROOT,
        roles.WISH_BY_ROOT,
    ):
        codes |= set(table.values())
    codes |= {"010", "011", "020", "100", "112", "120", "130", "044", "0353", "087"}
    codes |= events.MONADIC_CODES
    return codes


def test_every_emittable_code_is_in_the_table() -> None:
    missing = sorted(c for c in emittable_codes() if not codebook.is_code(c))
    assert missing == []


def test_table_has_every_root_and_parents() -> None:
    table = codebook.table()
    roots = {f"{r:02d}" for r in range(1, 21)}
    assert roots <= set(table)
    assert len(table) >= 300
    for code, entry in table.items():
        assert entry.root == code[:2]
        assert entry.root in roots
        if len(code) == 4:
            assert code[:3] in table, code
        assert -10 <= entry.goldstein <= 10


def test_quad_classes_follow_gdelt() -> None:
    expected = {"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4}
    for root, quad in expected.items():
        assert codebook.quad_class_of(root) == quad
    for entry in codebook.table().values():
        assert entry.quad_class == codebook.quad_class_of(entry.root)


def test_goldstein_orders_cooperation_above_conflict() -> None:
    t = codebook.table()
    assert t["057"].goldstein > t["040"].goldstein > 0 > t["111"].goldstein > t["190"].goldstein
    assert t["190"].goldstein == -10.0


def test_plover_mapping() -> None:
    t = codebook.table()
    for entry in t.values():
        assert entry.plover_type is None or entry.plover_type in PLOVER_TYPES
        if entry.root != "01":
            assert entry.plover_type is not None, entry.code
    assert (t["041"].plover_type, t["041"].plover_mode) == ("CONSULT", "phone")
    assert t["163"].plover_type == "COERCE"
    assert t["0871"].plover_mode == "ceasefire"


def test_labels_are_unique_per_code_and_csv_is_clean() -> None:
    with codebook.CAMEO_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(r["label"].strip() for r in rows)


def test_patterns_are_well_formed() -> None:
    for (pos, lemma), plist in verbs.patterns().items():
        assert pos in {"verb", "noun"}
        assert lemma == lemma.lower()
        specs = [p.specificity for p in plist]
        assert specs == sorted(specs, reverse=True)


def test_monadic_roots_are_roots() -> None:
    assert {f"{r:02d}" for r in range(1, 21)} >= events.MONADIC_ROOTS
