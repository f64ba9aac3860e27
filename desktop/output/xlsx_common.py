"""Shared pieces for reading and writing Excel files (openpyxl; no Qt). Files from outside are
opened only through `xlsx_read`, within its bounds."""
from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from desktop.models.vntext import clean, convert_legacy, nfc

from .writing import write_bytes

HEADER_FONT = Font(name="Times New Roman", bold=True, size=12)
BODY_FONT = Font(name="Times New Roman", size=12)
TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def cell_text(cell, converted: list[dict], sheet: str) -> str | None:
    """The cell's value as NFC text; TCVN3/VNI text (known by the cell's font) is converted."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, str):
        return str(value)
    font_name = getattr(cell.font, "name", None) if cell.font is not None else None
    text, encoding = convert_legacy(value, font_name)
    if encoding and text != nfc(value):
        converted.append({"sheet": sheet, "cell": cell.coordinate, "encoding": encoding,
                          "font": font_name, "original": value, "text": text})
    return clean(text)


def style_header_row(ws, row: int, ncols: int) -> None:
    for c in range(1, ncols + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = CENTER


def style_body(ws, first_row: int, last_row: int, ncols: int) -> None:
    for r in range(first_row, last_row + 1):
        for c in range(1, ncols + 1):
            cell = ws.cell(row=r, column=c)
            cell.font = BODY_FONT
            cell.border = BORDER
            cell.alignment = WRAP


def print_on_a4_width(ws) -> None:
    """Printed on A4, as wide as one page and as many pages long as it takes."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def save_atomically(wb, path: Path) -> Path:
    """Save the workbook so that the file appears whole or not at all (`writing.write_bytes`)."""
    buf = io.BytesIO()
    wb.save(buf)
    return write_bytes(path, buf.getvalue())
