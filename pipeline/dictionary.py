"""The data dictionary, generated from the Pandera models (`python -m pipeline.dictionary`)."""

from __future__ import annotations

import sys
from pathlib import Path

from schemas.tables import CONTRACT_VERSION, PRIMARY_KEYS, PUBLISHED

DOC = Path(__file__).resolve().parents[1] / "docs" / "DATA_DICTIONARY.md"
NOTES = Path(__file__).resolve().parents[1] / "docs" / "coding-notes.md"


def render() -> str:
    lines = [
        "# Data dictionary",
        "",
        f"Generated from `schemas/tables.py` (contract version {CONTRACT_VERSION}) by "
        "`python -m pipeline.dictionary`; a test keeps this file equal to the schemas.",
        "Offsets are Python string indices into the article text: "
        "`text[char_start:char_end] == evidence_text`. Countries are ISO 3166-1 alpha-3; "
        "CAMEO codes are strings with leading zeros. Compound actors are split, never joint: "
        "each conjunct gets its own row, and a reciprocal event between conjoined actors "
        '("U.S. and Russian officials met") is one row per actor pair, first-named as actor1. '
        "Claim content offsets exclude the quotation marks of direct quotes. "
        "Coding choices: see `docs/coding-notes.md`.",
    ]
    for table, model in PUBLISHED.items():
        schema = model.to_schema()
        lines += [
            "",
            f"## {table}",
            "",
            (model.__doc__ or "").strip(),
            "",
            f"Primary key: `{PRIMARY_KEYS[table]}`.",
            "",
            "| column | type | nullable | description |",
            "| --- | --- | --- | --- |",
        ]
        for name, column in schema.columns.items():
            lines.append(
                f"| `{name}` | {column.dtype} | {'yes' if column.nullable else 'no'} | "
                f"{(column.description or '').replace('|', '/')} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render())
    sys.stdout.write(f"wrote {DOC}\n")
