"""The staff roster in Excel: the import template, reading an import, exporting the list."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.models.staff import ImportRow, StaffMember
from desktop.models.vntext import fold

from .xlsx_common import (
    TITLE_FONT, cell_text, find_header, open_workbook, save_atomically, style_body,
    style_header_row,
)

COLUMNS = [  # field, header, width
    ("staff_code", "Mã cán bộ", 14),
    ("full_name", "Họ và tên", 28),
    ("position", "Chức vụ", 24),
    ("department", "Phòng/Bộ phận", 26),
    ("phone", "Điện thoại", 15),
    ("email", "Email", 28),
    ("active", "Đang làm việc", 14),
]
ALIASES = {
    "staff_code": ("Mã cán bộ", "Mã CB", "Mã", "Mã nhân viên", "Mã NV", "Mã số", "Staff code"),
    "full_name": ("Họ và tên", "Họ tên", "Tên", "Full name", "Name"),
    "position": ("Chức vụ", "Chức danh", "Position"),
    "department": ("Phòng/Bộ phận", "Bộ phận", "Phòng", "Đơn vị", "Department"),
    "phone": ("Điện thoại", "SĐT", "Số điện thoại", "Di động", "Phone"),
    "email": ("Email", "E-mail", "Thư điện tử"),
    "active": ("Đang làm việc", "Trạng thái", "Active"),
}
YES = {"co", "x", "1", "true", "yes", "dang lam viec", "dang cong tac", ""}
NO = {"khong", "0", "false", "no", "nghi", "da nghi", "nghi viec", "nghi huu", "chuyen cong tac"}
TITLE = "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG"


def write_template(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách cán bộ"
    ws["A1"] = TITLE
    ws["A1"].font = TITLE_FONT
    ws["A2"] = ("Điền từ dòng 4. Mã cán bộ không được trùng. Cột \"Đang làm việc\": Có / Không "
                "(bỏ trống = Có). Xóa các dòng ví dụ trước khi nhập.")
    for col, (_, header, width) in enumerate(COLUMNS, start=1):
        ws.cell(row=3, column=col, value=header)
        ws.column_dimensions[chr(64 + col)].width = width
    style_header_row(ws, 3, len(COLUMNS))
    examples = [
        ["CB001", "Nguyễn Văn An", "Giám đốc", "Ban Giám đốc", "0912345678", "an.nv@example.vn", "Có"],
        ["CB002", "Trần Thị Bình", "Viên chức", "Bộ phận Một cửa", "0987654321", "", "Có"],
    ]
    for r, ex in enumerate(examples, start=4):
        for c, v in enumerate(ex, start=1):
            ws.cell(row=r, column=c, value=v)
    style_body(ws, 4, 5, len(COLUMNS))
    for r in range(4, 505):
        ws.cell(row=r, column=5).number_format = "@"  # keep the leading 0 of phone numbers
    dv = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    dv.error = "Chọn Có hoặc Không"
    ws.add_data_validation(dv)
    dv.add("G4:G504")
    ws.freeze_panes = "A4"
    return save_atomically(wb, path)


def _parse_active(text: str | None) -> bool | None:
    key = fold(text or "")
    if key in YES:
        return True
    if key in NO:
        return False
    return None


def read_roster(path: Path) -> tuple[list[ImportRow], list[dict]]:
    """Rows of the first sheet that has a roster header, numbered as Excel shows them."""
    wb = open_workbook(path)
    converted: list[dict] = []
    last_error = None
    for ws in wb.worksheets:
        try:
            header_row, cols = find_header(ws, ALIASES, ("staff_code", "full_name"))
        except Exception as exc:  # try the next sheet
            last_error = exc
            continue
        rows: list[ImportRow] = []
        for r_idx in range(header_row + 1, ws.max_row + 1):
            values: dict = {}
            for fieldname, col in cols.items():
                values[fieldname] = cell_text(ws.cell(row=r_idx, column=col), converted, ws.title)
            raw_phone = ws.cell(row=r_idx, column=cols["phone"]).value if "phone" in cols else None
            if isinstance(raw_phone, (int, float)):
                values["phone"] = raw_phone
            if all(v in (None, "") for v in values.values()):
                rows.append(ImportRow(r_idx, {}, is_empty=True))
                continue
            error = None
            if "active" in cols:
                active = _parse_active(values.get("active"))
                if active is None:
                    error = (f"Cột \"Đang làm việc\" phải là Có hoặc Không "
                             f"(đang là \"{values.get('active')}\").")
                values["active"] = bool(active) if active is not None else True
            else:
                values["active"] = True
            rows.append(ImportRow(r_idx, values, error=error))
        while rows and rows[-1].is_empty:
            rows.pop()
        return rows, converted
    raise last_error  # type: ignore[misc]


def export_roster(path: Path, people: list[StaffMember], unit_name: str = "") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách cán bộ"
    ws["A1"] = TITLE
    ws["A1"].font = TITLE_FONT
    ws["A2"] = unit_name
    headers = ["STT"] + [h for _, h, _ in COLUMNS]
    for col, header in enumerate(headers, start=1):
        ws.cell(row=3, column=col, value=header)
    style_header_row(ws, 3, len(headers))
    widths = [6] + [w for _, _, w in COLUMNS]
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + col)].width = w
    for i, p in enumerate(people, start=1):
        values = [i, p.staff_code, p.full_name, p.position, p.department, p.phone, p.email,
                  "Có" if p.active else "Không"]
        for col, v in enumerate(values, start=1):
            cell = ws.cell(row=3 + i, column=col, value=v)
            if col == 6:
                cell.number_format = "@"
    style_body(ws, 4, 3 + len(people), len(headers))
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{chr(64 + len(headers))}{3 + max(1, len(people))}"
    return save_atomically(wb, path)
