"""The document register in Excel: the import template, reading an import, and the export (which
has the template's columns, so an exported register can be edited and imported again)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.models.iso.document_import import DocImportRow
from desktop.models.iso.documents import (
    KIND_LABELS_VI, STANDARD_LABELS_VI, STATE_LABELS_VI, Document,
)

from ..xlsx_cells import put, put_row
from ..xlsx_common import (
    TITLE_FONT, cell_text, save_atomically, style_body,
    style_header_row,
)
from ..xlsx_read import open_bounded
from ..xlsx_table import read_table

COLUMNS = [  # field, header, width
    ("code", "Mã tài liệu", 16),
    ("title", "Tên tài liệu", 48),
    ("kind", "Loại tài liệu", 26),
    ("standard", "Tiêu chuẩn", 20),
    ("revision", "Phiên bản", 11),
    ("state", "Trạng thái", 16),
    ("approver", "Người phê duyệt", 24),
    ("approved_on", "Ngày phê duyệt", 14),
    ("effective_on", "Ngày hiệu lực", 14),
    ("obsolete_on", "Ngày hết hiệu lực", 14),
    ("department", "Bộ phận chủ trì", 26),
    ("note", "Ghi chú", 30),
]
ALIASES = {
    "code": ("Mã tài liệu", "Mã", "Mã hiệu", "Ký hiệu", "Số hiệu", "Code"),
    "title": ("Tên tài liệu", "Tên", "Tên quy trình", "Title"),
    "kind": ("Loại tài liệu", "Loại", "Kind"),
    "standard": ("Tiêu chuẩn", "Phiên bản tiêu chuẩn", "Standard"),
    "revision": ("Phiên bản", "Lần ban hành", "Lần sửa đổi", "Revision", "Version"),
    "state": ("Trạng thái", "Tình trạng", "State"),
    "approver": ("Người phê duyệt", "Người duyệt", "Approver"),
    "approved_on": ("Ngày phê duyệt", "Ngày duyệt", "Approved on"),
    "effective_on": ("Ngày hiệu lực", "Ngày áp dụng", "Ngày ban hành", "Effective on"),
    "obsolete_on": ("Ngày hết hiệu lực", "Ngày hủy", "Obsolete on"),
    "department": ("Bộ phận chủ trì", "Bộ phận", "Đơn vị chủ trì", "Phòng", "Department"),
    "note": ("Ghi chú", "Note"),
}
DATE_FIELDS = ("approved_on", "effective_on", "obsolete_on")
SHEET = "Danh mục tài liệu"
TITLE = "DANH MỤC TÀI LIỆU, QUY TRÌNH CỦA HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG"
FIRST_DATA_ROW = 4
TEMPLATE_ROWS = 500


def _letter(field: str) -> str:
    return get_column_letter([c[0] for c in COLUMNS].index(field) + 1)


def _sheet_with_header(title: str, subtitle: str):
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    put(ws, 1, 1, title)
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, subtitle)
    ws["A2"].font = Font(name="Times New Roman", size=11, italic=True)
    for col, (_, header, width) in enumerate(COLUMNS, start=1):
        put(ws, 3, col, header)
        ws.column_dimensions[get_column_letter(col)].width = width
    style_header_row(ws, 3, len(COLUMNS))
    ws.freeze_panes = "C4"
    return wb, ws


def _validations(ws, last_row: int) -> None:
    for field, labels in (("kind", KIND_LABELS_VI), ("standard", STANDARD_LABELS_VI),
                          ("state", STATE_LABELS_VI)):
        dv = DataValidation(type="list", formula1='"' + ",".join(labels.values()) + '"',
                            allow_blank=True)
        dv.error = "Chọn một giá trị trong danh sách"
        ws.add_data_validation(dv)
        dv.add(f"{_letter(field)}{FIRST_DATA_ROW}:{_letter(field)}{last_row}")
    for field in DATE_FIELDS:
        for r in range(FIRST_DATA_ROW, last_row + 1):
            ws[f"{_letter(field)}{r}"].number_format = "DD/MM/YYYY"
    for r in range(FIRST_DATA_ROW, last_row + 1):
        ws[f"{_letter('revision')}{r}"].number_format = "@"  # "01" stays "01"


def write_template(path: Path) -> Path:
    wb, ws = _sheet_with_header(
        TITLE, "Điền từ dòng 4; mỗi dòng là một phiên bản của một tài liệu. Loại, tiêu chuẩn, trạng "
               "thái: chọn trong danh sách. Ngày ghi dd/mm/yyyy. Tài liệu đã phê duyệt cần người "
               "và ngày phê duyệt; đang hiệu lực cần ngày hiệu lực. Xóa các dòng ví dụ trước khi "
               "nhập.")
    examples = [
        ["QT-TN-01", "Quy trình tiếp nhận và trả kết quả hồ sơ", KIND_LABELS_VI["tthc_procedure"],
         STANDARD_LABELS_VI["2015"], "01", STATE_LABELS_VI["in_force"], "Nguyễn Văn An",
         _dt.date(2021, 1, 4), _dt.date(2021, 1, 10), None, "Bộ phận Một cửa", ""],
        ["BM-01", "Sổ theo dõi hồ sơ", KIND_LABELS_VI["form"], STANDARD_LABELS_VI["2015"], "01",
         STATE_LABELS_VI["draft"], "", None, None, None, "Tổ Hành chính - Tổng hợp", ""],
    ]
    for r, example in enumerate(examples, start=FIRST_DATA_ROW):
        for c, value in enumerate(example, start=1):
            put(ws, r, c, value)
    style_body(ws, FIRST_DATA_ROW, FIRST_DATA_ROW + len(examples) - 1, len(COLUMNS))
    _validations(ws, FIRST_DATA_ROW + TEMPLATE_ROWS)
    _legend(wb)
    return save_atomically(wb, path)


def _legend(wb) -> None:
    ws = wb.create_sheet("Hướng dẫn")
    rows = [("Cột", "Giá trị được nhận")]
    rows += [("Loại tài liệu", label) for label in KIND_LABELS_VI.values()]
    rows += [("Tiêu chuẩn", label) for label in STANDARD_LABELS_VI.values()]
    rows += [("Trạng thái", label) for label in STATE_LABELS_VI.values()]
    rows += [("Quy tắc", "Chỉ phiên bản mới nhất của một tài liệu được đưa về Hết hiệu lực."),
             ("Quy tắc", "Tài liệu đã hết hiệu lực không thể có hiệu lực trở lại."),
             ("Quy tắc", "Ngày phê duyệt ≤ ngày hiệu lực ≤ ngày hết hiệu lực ≤ hôm nay."),
             ("Quy tắc", "Tệp có dòng lỗi thì không dòng nào được nhập.")]
    for r, (a, b) in enumerate(rows, start=1):
        put(ws, r, 1, a)
        put(ws, r, 2, b)
    style_header_row(ws, 1, 2)
    style_body(ws, 2, len(rows), 2)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70


def read_documents(path: Path, *, sheet: str | None = None
                   ) -> tuple[list[DocImportRow], list[dict]]:
    """The rows of the first visible sheet with a register header (or of `sheet`), numbered as
    Excel shows them, read within the bounds of `xlsx_read`."""
    converted: list[dict] = []
    with open_bounded(path) as book:
        table = read_table(book, ALIASES, ("code", "title"), sheet=sheet, max_col=40)
        rows: list[DocImportRow] = []
        for r, cells in table.rows:
            values: dict = {}
            for field, col in table.columns.items():
                cell = cells.get(col)
                value = getattr(cell, "value", None)
                if field in DATE_FIELDS and isinstance(value, (_dt.date, _dt.datetime)):
                    values[field] = value
                elif field == "revision" and isinstance(value, float):
                    values[field] = str(int(value)) if value.is_integer() else str(value)
                else:
                    values[field] = cell_text(cell, converted, table.sheet.title) if cell else None
            if all(v in (None, "") for v in values.values()):
                continue  # an empty row says nothing; the others keep Excel's row numbers
            rows.append(DocImportRow(r, values))
        return rows, converted


def export_documents(path: Path, docs: list[Document], unit_name: str = "") -> Path:
    wb, ws = _sheet_with_header(TITLE, unit_name)
    for r, d in enumerate(docs, start=FIRST_DATA_ROW):
        values = [d.code, d.title, KIND_LABELS_VI[d.kind], STANDARD_LABELS_VI[d.standard],
                  d.revision, STATE_LABELS_VI[d.state], d.approver,
                  *(_dt.date.fromisoformat(v) if v else None
                    for v in (d.approved_on, d.effective_on, d.obsolete_on)),
                  d.department, d.note]
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value)
    last = FIRST_DATA_ROW + len(docs) - 1
    if docs:
        style_body(ws, FIRST_DATA_ROW, last, len(COLUMNS))
    _validations(ws, max(last, FIRST_DATA_ROW))
    for r in range(FIRST_DATA_ROW, last + 1):
        ws.cell(row=r, column=5).alignment = Alignment(horizontal="center", vertical="top")
    ws.auto_filter.ref = f"A3:{get_column_letter(len(COLUMNS))}{max(last, FIRST_DATA_ROW)}"
    files = wb.create_sheet("Tệp đính kèm")
    put_row(files, 1, ["Mã tài liệu", "Phiên bản", "Tên tệp", "Dung lượng (byte)", "SHA-256"])
    style_header_row(files, 1, 5)
    r = 1
    for d in docs:
        for f in d.files:
            r += 1
            put_row(files, r, [d.code, d.revision, f.file_name, f.size, f.sha256])
    for col, w in zip("ABCDE", (16, 11, 40, 16, 66)):
        files.column_dimensions[col].width = w
    return save_atomically(wb, path)
