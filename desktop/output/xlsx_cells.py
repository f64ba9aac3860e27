"""The one way values go into the cells of the Excel files the program writes.

Text is stored as text and nothing else: openpyxl turns a string beginning with "=" into a
formula (and a few others into error values), so a staff name or a minutes subject such as
`=HYPERLINK("http://…","Bấm vào đây")` would come out as a live formula in Excel. Here every
string is written with the cell type "s" (a shared string): Excel shows it as typed and never
evaluates it, whatever it begins with (`=`, `+`, `-`, `@`). Numbers stay numbers, dates stay
dates; characters Excel can't hold (control characters) are dropped and over-long text is cut at
Excel's limit of 32,767 characters, so bad data never stops an export.

Every writer (`roster_xlsx`, `minutes_xlsx`, `iso/*`, `quiz_*`, `sync.overview`, …) goes through
`put` / `put_row` / `set_value`; a test fails on any other way of setting a value.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import math

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

EXCEL_MAX_TEXT = 32_767
_NUMBER = (int, float, decimal.Decimal)
_WHEN = (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)


def safe_text(value) -> str:
    """`value` as text Excel can hold: no control characters, at most 32,767 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if len(text) > EXCEL_MAX_TEXT:
        text = text[:EXCEL_MAX_TEXT - 1] + "…"
    return text


def set_value(cell, value):
    """Put `value` in `cell`: None empty, bool/number/date as themselves, anything else as text
    that Excel never evaluates. Returns the cell."""
    if value is None:
        cell.value = None
    elif isinstance(value, bool) or isinstance(value, _WHEN):
        cell.value = value
    elif isinstance(value, _NUMBER) and math.isfinite(value):
        cell.value = value
    else:
        text = safe_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl made "=…" a formula and "#N/A"… an error: text it is
    return cell


def put(ws, row: int, column: int, value):
    """Set one cell of the worksheet `ws` (1-based row and column); returns the cell."""
    return set_value(ws.cell(row=row, column=column), value)


def put_row(ws, row: int, values, first_column: int = 1) -> list:
    """Write `values` across row `row` from `first_column`; returns the cells."""
    return [put(ws, row, first_column + i, v) for i, v in enumerate(values)]
