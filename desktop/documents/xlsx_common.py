"""Shared pieces for reading and writing Excel files (openpyxl; no Qt)."""
from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.exceptions import InvalidFileException

from desktop.models.errors import IsoDeskError
from desktop.models.vntext import clean, convert_legacy, fold, nfc

from .output import write_bytes

HEADER_FONT = Font(name="Times New Roman", bold=True, size=12)
BODY_FONT = Font(name="Times New Roman", size=12)
TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def open_workbook(path: Path, *, read_only: bool = False):
    """Open an .xlsx file or explain in Vietnamese why it can't be read."""
    path = Path(path)
    if not path.exists():
        raise IsoDeskError(f"Không tìm thấy tệp {path}.")
    if path.suffix.lower() == ".xls":
        raise IsoDeskError(f"Tệp {path.name} là định dạng Excel 97-2003 (.xls). Hãy mở bằng Excel và "
                           "lưu lại dạng .xlsx (File → Save As → Excel Workbook) rồi nhập lại.")
    try:
        return load_workbook(path, read_only=read_only, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IsoDeskError(f"Không đọc được tệp {path.name}: tệp không phải Excel .xlsx hợp lệ "
                           f"hoặc bị hỏng ({exc.__class__.__name__}). Hãy mở bằng Excel, lưu lại "
                           "dạng .xlsx rồi thử lại.") from exc


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


def find_header(ws, aliases: dict[str, tuple[str, ...]], required: tuple[str, ...],
                max_scan: int = 15) -> tuple[int, dict[str, int]]:
    """Locate the header row: the first row (of the first `max_scan`) naming the required
    columns. Returns (row number, {field: column index 1-based})."""
    folded = {fieldname: {fold(a) for a in names} for fieldname, names in aliases.items()}
    for r_idx, row in enumerate(ws.iter_rows(min_row=1, max_row=max_scan), start=1):
        found: dict[str, int] = {}
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            key = fold(cell.value).strip(" :*")
            for fieldname, names in folded.items():
                if key in names and fieldname not in found:
                    found[fieldname] = cell.column
        if all(f in found for f in required):
            return r_idx, found
    wanted = ", ".join(f'"{aliases[f][0]}"' for f in required)
    raise IsoDeskError(f"Không tìm thấy dòng tiêu đề có các cột {wanted} trong {max_scan} dòng đầu "
                       "của trang tính. Hãy dùng tệp mẫu của chương trình.")


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


def save_atomically(wb, path: Path) -> Path:
    """Save the workbook so that the file appears whole or not at all (`output.write_bytes`)."""
    buf = io.BytesIO()
    wb.save(buf)
    return write_bytes(path, buf.getvalue())
