"""Bordered data tables in the document font: results lists, ISO team lists, reports."""
from __future__ import annotations

import re

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from .fonts import register_fonts
from .official import PageSetup, plain, styles

CELL_SIZE = 12
PADDING = 3.0
ZEBRA_GREY = Color(0.93, 0.93, 0.93)
MAX_NATURAL = 70 * mm  # a long cell wraps rather than taking the whole width

# 12 | -3 | 1.234 | 1.234,5 | 8,5 | 8.5 | 85% | 1 234 567
_NUMBER = re.compile(
    r"^[+\-\u2212]?(\d{1,3}([.\u00a0 ]\d{3})+|\d+)([.,]\d+)?\s?%?$"
)
_SEQUENCE_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def numeric_columns(rows: list[list[str]], ncols: int) -> list[bool]:
    """A column is numeric when it has a value and every non-empty cell is a number."""
    result = []
    for c in range(ncols):
        cells = [str(r[c]).strip() for r in rows if c < len(r) and str(r[c]).strip()]
        result.append(bool(cells) and all(is_number(x) for x in cells))
    return result


def _longest_word(text: str, font: str, size: float) -> float:
    words = text.split() or [""]
    return max(stringWidth(w, font, size) for w in words)


def auto_widths(headers: list[str], rows: list[list[str]], total: float) -> list[float]:
    """Column widths filling ``total``: each column gets room for its content, long texts wrap.

    Header words are not broken where that fits; what is left goes to the columns with the
    most text, in proportion to it.
    """
    f = register_fonts()
    n = len(headers)
    pad = 2 * PADDING + 1
    natural, minimum = [], []
    for c in range(n):
        cells = [str(r[c]) for r in rows if c < len(r)]
        width = max([stringWidth(headers[c], f.bold, CELL_SIZE)]
                    + [stringWidth(x, f.regular, CELL_SIZE) for x in cells])
        word = max([_longest_word(headers[c], f.bold, CELL_SIZE)]
                   + [_longest_word(x, f.regular, CELL_SIZE) for x in cells])
        natural.append(min(width, MAX_NATURAL) + pad)
        minimum.append(min(word, MAX_NATURAL / 2) + pad)
    if sum(natural) <= total:
        scale = total / sum(natural)
        return [w * scale for w in natural]
    if sum(minimum) >= total:
        scale = total / sum(minimum)
        return [w * scale for w in minimum]
    # Every column gets its minimum; the rest is shared by what each still wants.
    spare = total - sum(minimum)
    wants = [max(nat - mn, 0.0) for nat, mn in zip(natural, minimum)]
    want_total = sum(wants) or 1.0
    return [mn + spare * w / want_total for mn, w in zip(minimum, wants)]


def data_table(headers: list[str], rows: list[list[str]],
               col_widths_mm: list[float] | None = None, repeat_header: bool = True,
               zebra: bool = False, *, width_mm: float | None = None) -> Table:
    """A bordered table: bold header (repeated on every page), wrapped cells, numeric columns
    right-aligned, sequence-number columns ("STT") centred. Long rows may split across pages.

    ``width_mm`` is the total width when ``col_widths_mm`` is not given (default: the text width
    of the standard page)."""
    st = styles()
    n = len(headers)
    rows = [[("" if v is None else str(v)) for v in r] + [""] * (n - len(r)) for r in rows]
    rows = [r[:n] for r in rows]
    numeric = numeric_columns(rows, n)
    sequence = [h.strip().lower() in _SEQUENCE_HEADERS for h in headers]

    if col_widths_mm:
        widths = [w * mm for w in col_widths_mm]
    else:
        total = width_mm * mm if width_mm else PageSetup().text_width
        widths = auto_widths(headers, rows, total)

    def cell_style(c: int):
        if sequence[c]:
            return st["table_cell_center"]
        return st["table_cell_right"] if numeric[c] else st["table_cell"]

    data = [[Paragraph(plain(h), st["table_head"]) for h in headers]]
    data += [[Paragraph(plain(v), cell_style(c)) for c, v in enumerate(r)] for r in rows]
    table = Table(
        data, colWidths=widths, repeatRows=1 if repeat_header else 0, hAlign="CENTER",
        splitInRow=1,
    )
    commands = [
        ("FONT", (0, 0), (-1, -1), st["table_cell"].fontName, CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA_GREY]))
    table.setStyle(TableStyle(commands))
    return table
