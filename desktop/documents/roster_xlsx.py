"""The staff roster in Excel: the import template, reading an import, exporting the list."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.models.staff import ImportRow, StaffMember
from desktop.models.vntext import fold

from .xlsx_common import (
    HEADER_FONT, TITLE_FONT, WRAP, cell_text, find_header, open_workbook, save_atomically, style_body,
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
    """The import template: the roster sheet (header on row 3, data from row 4) and a sheet of
    instructions with an example, so that nothing in the roster sheet needs deleting."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách cán bộ"
    ws["A1"] = TITLE
    ws["A1"].font = TITLE_FONT
    ws["A2"] = ("Điền từ dòng 4, mỗi người một dòng. Xem trang \"Hướng dẫn\" để biết cách điền "
                "từng cột.")
    for col, (_, header, width) in enumerate(COLUMNS, start=1):
        ws.cell(row=3, column=col, value=header)
        ws.column_dimensions[chr(64 + col)].width = width
    style_header_row(ws, 3, len(COLUMNS))
    for r in range(4, 1005):
        ws.cell(row=r, column=5).number_format = "@"  # keep the leading 0 of phone numbers
    dv = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    dv.error = "Chọn Có hoặc Không"
    ws.add_data_validation(dv)
    dv.add("G4:G1004")
    ws.freeze_panes = "A4"

    guide = wb.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 80
    guide["A1"] = "HƯỚNG DẪN ĐIỀN DANH SÁCH CÁN BỘ"
    guide["A1"].font = TITLE_FONT
    notes = [
        ("Mã cán bộ", "Bắt buộc. Không trùng nhau. Chữ không dấu, chữ số, . _ / - (ví dụ CB001)."),
        ("Họ và tên", "Bắt buộc. Viết đầy đủ, có dấu (ví dụ Nguyễn Thị Ánh Tuyết)."),
        ("Chức vụ", "Ví dụ: Giám đốc, Phó Giám đốc, Tổ trưởng, Viên chức, Nhân viên hợp đồng."),
        ("Phòng/Bộ phận", "Ví dụ: Bộ phận Tiếp nhận và trả kết quả, Tổ Quản lý thu - Sổ, thẻ."),
        ("Điện thoại", "Giữ số 0 ở đầu (ô đã định dạng kiểu văn bản)."),
        ("Email", "Có thể bỏ trống."),
        ("Đang làm việc", "Có hoặc Không; bỏ trống được hiểu là Có."),
        ("Phông chữ cũ", "Ô gõ bằng phông TCVN3 (.VnTime…) hay VNI (VNI-Times…) được tự động "
                         "chuyển sang Unicode khi nhập, và được liệt kê để kiểm tra lại."),
        ("Nhập lại", "Nhập lại cùng một tệp không tạo bản ghi trùng: người đã có (theo mã cán bộ) "
                     "được cập nhật, dòng trống bị bỏ qua."),
    ]
    for r, (name, text) in enumerate(notes, start=3):
        guide.cell(row=r, column=1, value=name).font = HEADER_FONT
        guide.cell(row=r, column=2, value=text).alignment = WRAP
    example_row = 3 + len(notes) + 1
    guide.cell(row=example_row, column=1, value="Ví dụ một dòng:").font = HEADER_FONT
    example = ["CB001", "Nguyễn Văn An", "Giám đốc", "Ban Giám đốc", "0912345678",
               "an.nv@example.vn", "Có"]
    for c, (header, value) in enumerate(zip([h for _, h, _ in COLUMNS], example), start=1):
        guide.cell(row=example_row + 1, column=c, value=header).font = HEADER_FONT
        guide.cell(row=example_row + 2, column=c, value=value)
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
