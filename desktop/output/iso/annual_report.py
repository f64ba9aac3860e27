"""The yearly report as files: Excel (one sheet per section, plus one sheet per table behind the
figures) and PDF in the official layout (Nghị định 30/2020: heading, title, "Kính gửi", numbered
sections, signature and "Nơi nhận", the tables as appendices)."""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from desktop.output.pdf import (
    SignatureBox, blank_number, build_official_pdf, data_table, header_block, plain,
    signature_block, styles,
    title_block,
)
from desktop.output.pdf.template import collection_held
from desktop.models.iso.annual_report import STATUS_LABELS_VI, roman, section_numbers
from desktop.models.iso.report_data import ReportData, Table
from desktop.models.iso._common import vn_date

from ..writing import write_pdf
from ..xlsx_cells import put
from ..xlsx_common import (
    BODY_FONT, TITLE_FONT, print_on_a4_width, save_atomically, style_body, style_header_row,
)

# Columns of each table that fit an A4 portrait page, by header (the Excel file has them all;
# a final report keeps the tables of its day, whose headers may be fewer).
PDF_COLUMNS = {
    "plan": ["TT", "Nội dung công việc", "Thời hạn", "Người/bộ phận chịu trách nhiệm",
             "Tình trạng", "Ngày hoàn thành"],
    "documents": ["TT", "Mã", "Tên tài liệu", "Phiên bản", "Trạng thái", "Ngày hiệu lực"],
    "audits": ["TT", "Lần", "Thời gian", "Thực hiện", "Trưởng đoàn",
               "Phát hiện (KPH nặng/nhẹ/lưu ý/cải tiến)"],
    "nonconformities": ["TT", "Mã", "Mô tả", "Nguyên nhân", "Hành động khắc phục",
                        "Kiểm tra hiệu lực", "Giai đoạn"],
}
SUBJECT = ("Tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo "
           "TCVN ISO 9001:2015 năm {year}")
BOLD = Font(name="Times New Roman", size=12, bold=True)
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def pdf_columns(table: Table) -> list[int]:
    wanted = PDF_COLUMNS.get(table.key)
    if not wanted:
        return list(range(len(table.headers)))
    return [i for i, h in enumerate(table.headers) if h in wanted]


def value_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",")
    return str(value)


def appendix_numbers(data: ReportData) -> dict[str, int]:
    """Tables in the order their sections come, numbered as appendices I, II, …"""
    out: dict[str, int] = {}
    for section in data.sections:
        for table in data.tables_for(section):
            if table.key not in out:
                out[table.key] = len(out) + 1
    return out


# --- Excel --------------------------------------------------------------------------------------

def _sheet_name(text: str, used: set[str]) -> str:
    base = _BAD_SHEET.sub("-", " ".join(text.split()))[:31].rstrip() or "Trang"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


def _write_table(ws, table: Table, start_row: int) -> int:
    put(ws, start_row, 1, table.title).font = BOLD
    header_row = start_row + 1
    for c, header in enumerate(table.headers, start=1):
        put(ws, header_row, c, header)
    style_header_row(ws, header_row, len(table.headers))
    for r, row in enumerate(table.rows, start=header_row + 1):
        for c, value in enumerate(row, start=1):
            put(ws, r, c, value)
    if table.rows:
        style_body(ws, header_row + 1, header_row + len(table.rows), len(table.headers))
    else:
        put(ws, header_row + 1, 1, "(không có)").font = BODY_FONT
    for c, width in enumerate(table.widths or [], start=1):
        current = ws.column_dimensions[get_column_letter(c)].width or 0
        ws.column_dimensions[get_column_letter(c)].width = max(current, width)
    return header_row + max(1, len(table.rows)) + 2


def _text_rows(ws, text: str, row: int, width_cols: int = 6) -> int:
    for paragraph in [p for p in (text or "").split("\n") if p.strip()] or ["(chưa viết)"]:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width_cols)
        cell = put(ws, row, 1, paragraph)
        cell.font = BODY_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = max(16, 16 * (1 + len(paragraph) // 110))
        row += 1
    return row


def write_xlsx(path: Path, data: ReportData) -> Path:
    wb = Workbook()
    used: set[str] = set()
    info = wb.active
    info.title = _sheet_name("Thông tin chung", used)
    r = data.report
    lines = [
        ("Đơn vị", data.unit_name), ("Cơ quan cấp trên", data.parent_name),
        ("Năm báo cáo", data.year), ("Tình trạng", STATUS_LABELS_VI.get(r.status, r.status)),
        ("Số báo cáo", r.number), ("Ngày báo cáo", vn_date(r.report_on)),
        ("Kính gửi", r.recipient), ("Người ký", f"{r.signer_title} {r.signer_name}".strip()),
        ("Hạn nộp", vn_date(data.figures.get("records", {}).get("report_deadline"))),
        ("Kỳ báo cáo", f"Năm {data.year} (01/01/{data.year} – 31/12/{data.year})"),
        ("Số liệu tính đến ngày", vn_date(data.cut_off)),
    ]
    put(info, 1, 1, f"BÁO CÁO {SUBJECT.format(year=data.year).upper()}")
    info["A1"].font = TITLE_FONT
    for i, (label, value) in enumerate(lines, start=3):
        put(info, i, 1, label).font = BOLD
        put(info, i, 2, value).font = BODY_FONT
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 70
    numbers = appendix_numbers(data)
    table_sheets: dict[str, str] = {}
    for key in numbers:
        table_sheets[key] = _sheet_name(f"PL{roman(numbers[key])} {data.tables[key].title}", used)
    numbers_of = section_numbers(data.sections)
    top = sub = 0
    for i, section in enumerate(data.sections, start=1):
        if section.level == 1 or not top:
            top, sub = top + 1, 0
            sheet = str(top)
        else:
            sub += 1
            sheet = f"{top}.{sub}"
        shown = numbers_of[i - 1]
        ws = wb.create_sheet(_sheet_name(f"{sheet}. {section.title}", used))
        ws.column_dimensions["A"].width = 60
        ws.column_dimensions["B"].width = 22
        for col in "CDEF":
            ws.column_dimensions[col].width = 16
        ws.merge_cells("A1:F1")
        put(ws, 1, 1, f"{shown}. " + (section.title.upper() if section.level == 1
                                      else section.title))
        ws["A1"].font = TITLE_FONT
        ws["A1"].alignment = Alignment(wrap_text=True)
        row = 3
        facts = data.facts.get(section.figures, []) if section.figures else []
        if facts:
            put(ws, row, 1, "Chỉ tiêu")
            put(ws, row, 2, "Số liệu")
            style_header_row(ws, row, 2)
            for j, (label, value) in enumerate(facts, start=row + 1):
                put(ws, j, 1, label)
                put(ws, j, 2, value)
            style_body(ws, row + 1, row + len(facts), 2)
            row += len(facts) + 2
        put(ws, row, 1, "Nội dung").font = BOLD
        row = _text_rows(ws, section.text, row + 1) + 1
        for table in data.tables_for(section):
            put(ws, row, 1, f"Chi tiết: Phụ lục {roman(numbers[table.key])} — "
                            f"{table.title} (trang tính "
                            f"\"{table_sheets[table.key]}\")").font = BODY_FONT
            row += 1
    for key, number in numbers.items():
        ws = wb.create_sheet(table_sheets[key])
        end = _write_table(ws, data.tables[key], 1)
        ws.freeze_panes = "A3"
        ws.auto_filter.ref = (f"A2:{get_column_letter(len(data.tables[key].headers))}"
                              f"{max(3, end - 2)}")
    if data.other:
        ws = wb.create_sheet(_sheet_name("Số liệu khác", used))
        _write_table(ws, Table("other", "Số liệu khác của chương trình",
                               ["Nhóm", "Chỉ tiêu", "Giá trị"], data.other, [18, 30, 16]), 1)
    for ws in wb.worksheets:
        print_on_a4_width(ws)
    return save_atomically(wb, path)


# --- PDF ----------------------------------------------------------------------------------------

def _story(data: ReportData) -> list:
    st = styles()
    r = data.report
    day = _dt.date.fromisoformat(r.report_on) if r.report_on else _dt.date.today()
    story = header_block(data.parent_name, data.unit_name,
                         r.number or blank_number("BC", data.unit_code), data.place, day)
    story += title_block("BÁO CÁO", SUBJECT.format(year=data.year))
    centred = ParagraphStyle("to", parent=st["body"], alignment=TA_CENTER, firstLineIndent=0)
    if r.recipient:
        story.append(Paragraph(f"Kính gửi: {plain(r.recipient)}.", centred))
        story.append(Spacer(1, 4))
    story.append(Paragraph(plain(
        f"{data.unit_name} báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản "
        f"lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015 năm {data.year} như sau:"),
        st["body"]))
    story.append(Paragraph(plain(data.period_line), st["body"]))
    numbers = appendix_numbers(data)
    numbers_of = section_numbers(data.sections)
    sub_bullet = ParagraphStyle("sub_bullet", parent=st["bullet"],
                                leftIndent=st["bullet"].leftIndent + 0.6 * cm)
    for i, section in enumerate(data.sections, start=1):
        head = section.title.upper() if section.level == 1 else section.title
        story.append(Paragraph(plain(f"{numbers_of[i - 1]}. {head}"), st["heading"]))
        for label, value in (data.facts.get(section.figures, []) if section.figures else []):
            sub = label.startswith("—")
            text = f"{label.lstrip('— ').strip()}: {value_text(value)};"
            story.append(Paragraph(plain(("+ " if sub else "- ") + text),
                                   sub_bullet if sub else st["bullet"]))
        for paragraph in [p for p in section.text.split("\n") if p.strip()]:
            story.append(Paragraph(plain(paragraph), st["body"]))
        refs = [f"Phụ lục {roman(numbers[t.key])}" for t in data.tables_for(section)]
        if refs:
            story.append(Paragraph(plain(f"(Chi tiết tại {', '.join(refs)} kèm theo.)"),
                                   st["body"]))
    story.append(Paragraph(plain(f"Trên đây là báo cáo năm {data.year} của {data.unit_name}./."),
                           st["body"]))
    story.append(signature_block(None, SignatureBox(r.signer_title or "Giám đốc", None,
                                                    r.signer_name),
                                 recipients=["Như trên", "Lưu: VT, Hồ sơ ISO"]))
    ref = f"(Kèm theo Báo cáo số {r.number} ngày {vn_date(day)} của {data.unit_name})" \
        if r.number else f"(Kèm theo Báo cáo năm {data.year} của {data.unit_name})"
    small = ParagraphStyle("ref", parent=st["place_date"], fontSize=12, leading=14)
    for key, number in numbers.items():
        table = data.tables[key]
        cols = pdf_columns(table)
        story.append(PageBreak())
        story.append(Paragraph(f"PHỤ LỤC {roman(number)}", st["title"]))
        story.append(Paragraph(plain(table.title.upper()), st["subject"]))
        story.append(Paragraph(plain(ref), small))
        story.append(Spacer(1, 8))
        rows = [["" if v is None or v == "" else v if type(v) is str else value_text(v)
                 for v in [row[c] for c in cols]] for row in table.rows] or [["" for _ in cols]]
        story.append(data_table([table.headers[c] for c in cols], rows))
    return story


def write_pdf_report(target, data: ReportData) -> int:
    """Write the PDF to a path (whole or not at all) or into a buffer; a draft carries the
    watermark "DỰ THẢO". Returns the page count."""
    watermark = None if data.report.is_final else "DỰ THẢO"

    def build(buf) -> int:
        with collection_held():   # a long report's objects are not walked again and again
            return build_official_pdf(buf, _story(data), watermark=watermark,
                                      title=f"Báo cáo ISO năm {data.year} — {data.unit_name}",
                                      author=data.unit_name,
                                      subject=SUBJECT.format(year=data.year))

    if hasattr(target, "write"):
        return build(target)
    return write_pdf(Path(target), build)
