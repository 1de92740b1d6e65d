"""The published contract as Frictionless Table Schemas, and canonical forms of the tables.

Everything here is derived from the Pandera models in ``schemas.tables``: field types,
descriptions, constraints, primary and foreign keys. The canonical form of a table (contract
column order, rows sorted by primary key, nulls normalised) is what gets written, digested
and diffed, so two releases with the same facts have the same digest whatever the row order
or the time they were built.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pandas as pd
import pandera.pandas as pa

from schemas.tables import FOREIGN_KEYS, PRIMARY_KEYS, PUBLISHED

TABLES: tuple[str, ...] = tuple(PUBLISHED)

_TYPES = {"str": "string", "int64": "integer", "float64": "number", "bool": "boolean"}


def field_type(dtype: object) -> str:
    """Table Schema type of a Pandera column dtype."""
    name = str(dtype)
    if name not in _TYPES:
        raise ValueError(f"no Table Schema type for pandera dtype {name!r}")
    return _TYPES[name]


def _constraints(column: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not column.nullable:
        out["required"] = True
    if column.unique:
        out["unique"] = True
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches":
            out["pattern"] = str(stats["pattern"]).removeprefix("^").removesuffix("$")
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
    return out


def table_schema(table: str, resource_suffix: str = "") -> dict[str, Any]:
    """Frictionless Table Schema of a published table, generated from its Pandera model.

    ``resource_suffix`` is appended to the names of referenced resources in foreign keys, so a
    Parquet resource can point at the Parquet copy of the table it references.
    """
    model: type[pa.DataFrameModel] = PUBLISHED[table]
    fields = []
    for name, column in model.to_schema().columns.items():
        kind = field_type(column.dtype)
        spec: dict[str, Any] = {
            "name": name,
            "type": kind,
            "description": column.description or "",
        }
        constraints = _constraints(column)
        if constraints:
            spec["constraints"] = constraints
        if kind == "string" and not column.nullable:
            # an empty string is a value here, not a missing one
            spec["missingValues"] = []
        fields.append(spec)
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": [PRIMARY_KEYS[table]],
    }
    fks = [
        {"fields": [col], "reference": {"resource": ref + resource_suffix, "fields": [ref_col]}}
        for col, ref, ref_col in FOREIGN_KEYS.get(table, [])
    ]
    if fks:
        schema["foreignKeys"] = fks
    return schema


def table_description(table: str) -> str:
    return (PUBLISHED[table].__doc__ or table).strip()


def field_signature(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, type) of each field: what a contract change (MAJOR bump) is judged on."""
    return [(f["name"], f["type"]) for f in schema.get("fields", [])]


def contract_signature() -> dict[str, list[tuple[str, str]]]:
    return {t: field_signature(table_schema(t)) for t in TABLES}


def canonical(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table in contract column order, typed, nulls normalised, sorted by primary key.

    In nullable string columns an empty string and a null are the same (a CSV cannot tell
    them apart), so both become null; Parquet and CSV then carry identical rows.
    """
    schema = PUBLISHED[table].to_schema()
    out = pd.DataFrame(index=range(len(frame)))
    for name, column in schema.columns.items():
        kind = field_type(column.dtype)
        values = (
            frame[name].reset_index(drop=True)
            if name in frame
            else pd.Series([None] * len(frame), dtype=object)
        )
        if kind == "string":
            series = values.astype(object)
            series = series.where(series.notna(), None)
            series = series.map(lambda v: v if v is None else str(v))
            if column.nullable:
                series = series.map(lambda v: None if v == "" else v)
            out[name] = series.astype(object)
        elif kind == "integer":
            out[name] = values.astype("int64")
        elif kind == "number":
            out[name] = values.astype("float64")
        else:
            out[name] = values.astype(bool)
    key = PRIMARY_KEYS[table]
    return out.sort_values(key, kind="stable").reset_index(drop=True)


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


# Provenance only: a new extractor that states the same facts publishes nothing new.
PROVENANCE_COLUMNS = frozenset({"extractor_version"})


def table_digest(table: str, frame: pd.DataFrame) -> str:
    """SHA-256 of a canonical table's header and facts (independent of build time and order)."""
    h = hashlib.sha256()
    h.update(json.dumps([table, field_signature(table_schema(table))]).encode())
    facts = frame[[c for c in frame.columns if c not in PROVENANCE_COLUMNS]]
    for row in facts.itertuples(index=False, name=None):
        h.update(json.dumps([_cell(v) for v in row], ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def content_digest(tables: dict[str, pd.DataFrame]) -> str:
    """One digest over every published table, each in canonical form."""
    h = hashlib.sha256()
    for name in sorted(tables):
        h.update(f"{name}:{table_digest(name, tables[name])}\n".encode())
    return h.hexdigest()
