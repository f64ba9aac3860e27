"""The staff roster in Excel: the import template, reading an import, exporting the list.

A staff list is read as offices lay it out (`xlsx_table`): the visible sheet, a header on one or
two rows with merged cells, split name columns joined, dates of birth, gender and the
"ngạch/chức danh" kept; the numbering row, group headings and the footer are set aside."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.models.progress import Progress, no_progress
from desktop.models.staff import ImportRow, StaffMember
from desktop.models.vntext import fold

from .xlsx_cells import put
from .xlsx_common import (
    HEADER_FONT, TITLE_FONT, WRAP, cell_text, save_atomically, style_body, style_header_row,
)
from .xlsx_read import open_bounded
from .xlsx_table import read_table

COLUMNS = [  # field, header, width
    ("staff_code", "Mã cán bộ", 14),
    ("full_name", "Họ và tên", 28),
    ("position", "Chức vụ", 24),
    ("department", "Phòng/Bộ phận", 26),
    ("phone", "Điện thoại", 15),
    ("email", "Email", 28),
    ("active", "Đang làm việc", 14),
]
_BIRTH = ("Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Năm sinh", "Sinh ngày",
          "Ngày/tháng/năm sinh")
ALIASES = {
    "staff_code": ("Mã cán bộ", "Mã CB", "Mã", "Mã nhân viên", "Mã NV", "Mã số", "Staff code",
                   "Mã số cán bộ", "Mã CBCC", "Mã công chức", "Mã viên chức", "Số hiệu cán bộ"),
    "full_name": ("Họ và tên", "Họ tên", "Full name", "Name", "Họ và tên cán bộ",
                  "Họ và tên người lao động", "Họ và tên CBCCVC", "Họ và tên công chức, viên chức"),
    "family_middle": ("Họ và đệm", "Họ đệm", "Họ và tên đệm", "Họ và chữ đệm", "Họ, đệm"),
    "family": ("Họ",),
    "middle": ("Đệm", "Tên đệm", "Chữ đệm"),
    "given": ("Tên", "Tên gọi"),
    "position": ("Chức vụ", "Chức vụ hiện tại", "Chức vụ (nếu có)", "Position"),
    "rank": ("Ngạch/chức danh", "Ngạch", "Chức danh", "Ngạch, chức danh", "Chức danh nghề nghiệp",
             "Ngạch công chức", "Ngạch viên chức", "Ngạch công chức, viên chức", "Ngạch, bậc"),
    "department": ("Phòng/Bộ phận", "Bộ phận", "Phòng", "Đơn vị", "Department", "Đơn vị công tác",
                   "Phòng/Tổ", "Phòng, Tổ", "Tổ", "Phòng ban", "Phòng/Ban", "Tổ/Bộ phận",
                   "Bộ phận công tác", "Nơi công tác", "Tổ nghiệp vụ", "Tổ công tác",
                   "Phòng, Bộ phận", "Đơn vị, bộ phận"),
    "phone": ("Điện thoại", "SĐT", "Số điện thoại", "Di động", "Phone", "Điện thoại di động", "ĐT",
              "Số ĐT", "Điện thoại liên hệ", "Liên hệ Điện thoại"),
    "email": ("Email", "E-mail", "Thư điện tử", "Địa chỉ email", "Địa chỉ thư điện tử",
              "Liên hệ Email"),
    "active": ("Đang làm việc", "Trạng thái", "Active", "Tình trạng"),
    "birth_date": _BIRTH,
    "birth_male": tuple(f"{b} Nam" for b in _BIRTH) + ("Nam",),
    "birth_female": tuple(f"{b} Nữ" for b in _BIRTH) + ("Nữ",),
    "gender": ("Giới tính", "Nam/Nữ", "Giới", "Gender"),
}
NAME_FIELDS = ("full_name", "family_middle", "family", "middle", "given")
YES = {"co", "x", "1", "true", "yes", "dang lam viec", "dang cong tac", ""}
NO = {"khong", "0", "false", "no", "nghi", "da nghi", "nghi viec", "nghi huu", "chuyen cong tac"}
TITLE = "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG"


def write_template(path: Path) -> Path:
    """The import template: the roster sheet (header on row 3, data from row 4) and a sheet of
    instructions with an example, so that nothing in the roster sheet needs deleting."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách cán bộ"
    put(ws, 1, 1, TITLE)
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, "Điền từ dòng 4, mỗi người một dòng. Xem trang \"Hướng dẫn\" để biết cách "
                  "điền từng cột.")
    for col, (_, header, width) in enumerate(COLUMNS, start=1):
        put(ws, 3, col, header)
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
    put(guide, 1, 1, "HƯỚNG DẪN ĐIỀN DANH SÁCH CÁN BỘ")
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
        put(guide, r, 1, name).font = HEADER_FONT
        put(guide, r, 2, text).alignment = WRAP
    example_row = 3 + len(notes) + 1
    put(guide, example_row, 1, "Ví dụ một dòng:").font = HEADER_FONT
    example = ["CB001", "Nguyễn Văn An", "Giám đốc", "Ban Giám đốc", "0912345678",
               "an.nv@example.vn", "Có"]
    for c, (header, value) in enumerate(zip([h for _, h, _ in COLUMNS], example), start=1):
        put(guide, example_row + 1, c, header).font = HEADER_FONT
        put(guide, example_row + 2, c, value)
    return save_atomically(wb, path)


def _parse_active(text: str | None) -> bool | None:
    key = fold(text or "")
    if key in YES:
        return True
    if key in NO:
        return False
    return None


@dataclass
class RosterFile:
    """What was read from a staff list: the rows, and what the preview tells the person."""
    rows: list[ImportRow]
    converted: list[dict]
    sheet: str
    other_sheets: list[str] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    set_aside: list[dict] = field(default_factory=list)
    header_rows: tuple[int, ...] = ()

    def set_aside_text(self, limit: int = 12) -> str:
        """The rows set aside, grouped by reason: "7 (…); 15, 16, 17, 20 (…)"."""
        groups: dict[str, list[int]] = {}
        for x in self.set_aside:
            groups.setdefault(x["reason"], []).append(x["row"])
        parts = []
        for reason, rows in groups.items():
            shown = ", ".join(str(r) for r in rows[:limit]) + ("…" if len(rows) > limit else "")
            parts.append(f"{shown} ({reason})")
        return "; ".join(parts)

    def notes(self) -> dict:
        return {"sheet": self.sheet, "other_sheets": self.other_sheets,
                "hidden_sheets": self.hidden_sheets, "unused_columns": self.unused_columns,
                "set_aside": self.set_aside, "header_rows": list(self.header_rows)}


def _full_name(values: dict) -> str | None:
    """The full name, or the name joined from split columns (Họ và đệm + Tên, Họ + Đệm + Tên)."""
    if values.get("full_name"):
        return values["full_name"]
    parts = [values.get(f) for f in ("family_middle", "family", "middle", "given")]
    joined = " ".join(p for p in parts if p)
    return joined or None


def _birth_and_gender(values: dict, cells: dict, cols: dict) -> tuple[object, str | None]:
    """(date of birth as read, gender) from "Ngày sinh" or its "Nam"/"Nữ" columns."""
    gender = values.get("gender")
    birth = None
    for field_name, which in (("birth_male", "Nam"), ("birth_female", "Nữ")):
        col = cols.get(field_name)
        if col and col in cells and cells[col].value not in (None, ""):
            birth = cells[col].value
            gender = gender or which
    if "birth_date" in cols and cols["birth_date"] in cells:
        birth = cells[cols["birth_date"]].value
    return birth, gender


def read_roster(path: Path, *, sheet: str | None = None) -> RosterFile:
    """The staff rows of the first visible sheet with a roster header (or of `sheet`), numbered
    as Excel shows them; rows that are not people (numbering, group headings, the footer) are
    set aside with the reason."""
    converted: list[dict] = []
    with open_bounded(path) as book:
        table = read_table(book, ALIASES, ("staff_code", NAME_FIELDS), sheet=sheet,
                           key_field="staff_code", max_col=60)
        cols = table.columns
        rows: list[ImportRow] = []
        for r_idx, cells in table.rows:
            values: dict = {}
            for fieldname, col in cols.items():
                cell = cells.get(col)
                values[fieldname] = cell_text(cell, converted, table.sheet.title) if cell else None
            raw_phone = cells[cols["phone"]].value if "phone" in cols and cols["phone"] in cells \
                else None
            if isinstance(raw_phone, (int, float)):
                values["phone"] = raw_phone
            birth, gender = _birth_and_gender(values, cells, cols)
            values["full_name"] = _full_name(values)
            for f in ("birth_male", "birth_female", "family_middle", "family", "middle", "given"):
                values.pop(f, None)
            if birth is not None:
                values["birth_date"] = birth
            if gender is not None:
                values["gender"] = gender
            if "department" not in cols and r_idx in table.groups:
                values["department"] = table.groups[r_idx]
            error = None
            if "active" in cols:
                active = _parse_active(values.get("active"))
                if active is None:
                    error = (f"Cột \"Đang làm việc\" phải là Có hoặc Không "
                             f"(đang là \"{values.get('active')}\").")
                values["active"] = bool(active) if active is not None else True
            rows.append(ImportRow(r_idx, values, error=error))
        return RosterFile(rows, converted, table.sheet.title, table.other_sheets,
                          table.hidden_sheets, table.unused, table.set_aside, table.header_rows)


EXPORT_EXTRA = [("rank", "Ngạch/chức danh", 20), ("birth_date", "Ngày sinh", 12),
                ("gender", "Giới tính", 10)]


def _shown_birth(value: str) -> str:
    return f"{value[8:10]}/{value[5:7]}/{value[:4]}" if len(value) == 10 else value


def export_roster(path: Path, people: list[StaffMember], unit_name: str = "", *,
                  progress: Progress = no_progress) -> Path:
    """The roster as a workbook, written whole or not at all. `progress(done, total)` is told
    of each person written; when it raises (`Cancelled`), no file is made."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách cán bộ"
    put(ws, 1, 1, TITLE)
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, unit_name)
    headers = ["STT"] + [h for _, h, _ in COLUMNS] + [h for _, h, _ in EXPORT_EXTRA]
    for col, header in enumerate(headers, start=1):
        put(ws, 3, col, header)
    style_header_row(ws, 3, len(headers))
    widths = [6] + [w for _, _, w in COLUMNS] + [w for _, _, w in EXPORT_EXTRA]
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + col)].width = w
    for i, p in enumerate(people, start=1):
        progress(i - 1, len(people))
        values = [i, p.staff_code, p.full_name, p.position, p.department, p.phone, p.email,
                  "Có" if p.active else "Không", p.rank, _shown_birth(p.birth_date),
                  {"nam": "Nam", "nu": "Nữ"}.get(p.gender, "")]
        for col, v in enumerate(values, start=1):
            cell = put(ws, 3 + i, col, v)
            if col == 6:
                cell.number_format = "@"
    style_body(ws, 4, 3 + len(people), len(headers))
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{chr(64 + len(headers))}{3 + max(1, len(people))}"
    progress(len(people), len(people))
    return save_atomically(wb, path)
