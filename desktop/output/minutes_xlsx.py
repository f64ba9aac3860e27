"""The register of working minutes as an Excel file (openpyxl; no Qt)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop.models.minutes.register import RegisterEntry

from .xlsx_cells import put
from .xlsx_common import TITLE_FONT, save_atomically, style_body, style_header_row

TITLE = "SỔ THEO DÕI BIÊN BẢN LÀM VIỆC"
COLUMNS = [  # header, width
    ("STT", 6),
    ("Số biên bản", 18),
    ("Ngày họp", 12),
    ("Trích yếu", 48),
    ("Địa điểm", 26),
    ("Chủ trì", 22),
    ("Trạng thái", 20),
    ("Bản sửa đổi", 11),
    ("Người lập (ký điện tử)", 24),
    ("Thời điểm ký", 17),
    ("Người xác nhận", 24),
    ("Thời điểm xác nhận", 17),
    ("Kiểm tra chữ ký", 28),
]


def _date(text: str) -> _dt.date | str:
    try:
        return _dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return text or ""


def _datetime(text: str) -> _dt.datetime | str:
    try:
        return _dt.datetime.fromisoformat(text).replace(tzinfo=None, microsecond=0)
    except (TypeError, ValueError):
        return text or ""


def export_register(path: Path, entries: list[RegisterEntry], *, unit_name: str = "",
                    filters: str = "", integrity: dict[str, str] | None = None) -> Path:
    """Write the register; `integrity` maps a minutes id to the result of its check."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ biên bản"
    put(ws, 1, 1, TITLE)
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, " — ".join(x for x in (unit_name, filters) if x))
    header_row = 4
    for col, (header, width) in enumerate(COLUMNS, start=1):
        put(ws, header_row, col, header)
        ws.column_dimensions[get_column_letter(col)].width = width
    style_header_row(ws, header_row, len(COLUMNS))
    for i, e in enumerate(entries, start=1):
        values = [i, e.number, _date(e.date), e.subject, e.place, e.chair, e.status_label,
                  e.revision_no, e.author, _datetime(e.signed_at), e.confirmed_by,
                  _datetime(e.confirmed_at), (integrity or {}).get(e.minutes_id, "")]
        for col, value in enumerate(values, start=1):
            cell = put(ws, header_row + i, col, value)
            if isinstance(value, _dt.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(value, _dt.date):
                cell.number_format = "dd/mm/yyyy"
    last = header_row + max(1, len(entries))
    style_body(ws, header_row + 1, header_row + len(entries), len(COLUMNS))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{last}"
    return save_atomically(wb, path)
