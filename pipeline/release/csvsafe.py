"""Spreadsheet-safe CSV (RFC 4180) for the released tables.

A spreadsheet opening a CSV evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
in some programs, a tab or a carriage return) as a formula; a news sentence can start with any
of them. Following the OWASP advice on CSV injection, every free-text (string) cell whose first
character is one of those triggers is prefixed with a single quote, which spreadsheets treat as
"this is text" and do not display. A cell that already starts with a single quote gets one too,
so the rule can be undone exactly: for a string column, if the cell starts with ``'``, drop that
first character. Numeric columns are never touched, and the Parquet files are not escaped.

The files are UTF-8 (no BOM), comma-separated, with a header row, CRLF line ends, and fields
quoted when they hold a comma, a quote or a line break (quotes doubled), per RFC 4180.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd

QUOTE = "'"
# formula triggers (OWASP), their full-width forms, and the escape character itself
TRIGGERS: tuple[str, ...] = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\uff1d",
    "\uff0b",
    "\uff0d",
    "\uff20",
    QUOTE,
)

RULE = (
    "CSV files only: a text cell whose first character is = + - @, a tab, a carriage return, "
    "a line feed, a full-width = + - @, or a single quote is prefixed with a single quote (') so "
    "spreadsheets show it as text instead of evaluating a formula (OWASP CSV injection advice). "
    "To recover the exact value, drop the leading single quote of any text cell that starts with "
    "one. Numeric columns and the Parquet files are never escaped."
)


def escape_cell(value: str) -> str:
    """A text cell made safe to open in a spreadsheet (reversible with ``unescape_cell``)."""
    return QUOTE + value if value.startswith(TRIGGERS) else value


def unescape_cell(value: str) -> str:
    return value[1:] if value.startswith(QUOTE) else value


def _format(value: Any, escape: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return repr(value)
    if isinstance(value, str):
        return escape_cell(value) if escape else value
    return str(value)


def to_csv_bytes(frame: pd.DataFrame, text_columns: set[str]) -> bytes:
    """The frame as RFC 4180 CSV bytes, escaping the cells of ``text_columns``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    columns = list(frame.columns)
    writer.writerow(columns)
    escape = [c in text_columns for c in columns]
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_format(_py(v), e) for v, e in zip(row, escape, strict=True)])
    return buffer.getvalue().encode("utf-8")


def _py(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def write_csv(frame: pd.DataFrame, path: Path, text_columns: set[str]) -> None:
    path.write_bytes(to_csv_bytes(frame, text_columns))


def read_csv(path: Path, text_columns: set[str]) -> pd.DataFrame:
    """A released CSV read back with the escaping undone (text columns as str or None)."""
    frame = pd.read_csv(
        path,
        dtype={c: object for c in text_columns},
        keep_default_na=False,
        na_values={c: [""] for c in text_columns},
    )
    for column in text_columns & set(frame.columns):
        frame[column] = frame[column].map(
            lambda v: None if v is None or v != v else unescape_cell(str(v))
        )
    return frame
