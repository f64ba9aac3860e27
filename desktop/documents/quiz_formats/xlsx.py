"""The Excel template of the question bank: one question per row.

Columns: Mã câu hỏi, Chủ đề (code or name), Điều khoản, Độ khó (1–3), Câu hỏi, Phương án A … F,
Đáp án đúng ("B", or "A, C" for several), Giải thích. Rows are numbered as Excel shows them;
cells typed in the old TCVN3/VNI fonts are converted to Unicode.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.models.errors import IsoDeskError
from desktop.models.quiz.bank_io import ParsedQuestion, ParseResult
from desktop.models.quiz.common import LETTERS
from desktop.models.vntext import convert_legacy, nfc

from ..xlsx_common import (TITLE_FONT, WRAP, cell_text, find_header, open_workbook,
                           save_atomically, style_body, style_header_row)

OPTION_COLUMNS = 6
SHEET = "Câu hỏi"
TOPIC_SHEET = "Chủ đề"
HEADERS = (["Mã câu hỏi", "Chủ đề", "Điều khoản", "Độ khó (1-3)", "Câu hỏi"]
           + [f"Phương án {LETTERS[i]}" for i in range(OPTION_COLUMNS)]
           + ["Đáp án đúng", "Giải thích"])
WIDTHS = [12, 16, 11, 9, 50] + [28] * OPTION_COLUMNS + [12, 40]
ALIASES = {
    "key": ("Mã câu hỏi", "Mã", "Key", "ID"),
    "topic": ("Chủ đề", "Topic", "Nhóm"),
    "clause": ("Điều khoản", "Điều khoản tham chiếu", "Clause"),
    "difficulty": ("Độ khó (1-3)", "Độ khó", "Mức độ", "Difficulty"),
    "text": ("Câu hỏi", "Nội dung câu hỏi", "Question"),
    "correct": ("Đáp án đúng", "Đáp án", "Answer", "Correct"),
    "explanation": ("Giải thích", "Explanation", "Ghi chú"),
    **{f"option_{i}": (f"Phương án {LETTERS[i]}", LETTERS[i], f"Option {LETTERS[i]}")
       for i in range(len(LETTERS))},
}
HEADER_ROW = 3


def _letters(value: str, count: int) -> list[int] | None:
    text = (value or "").strip().upper()
    parts = [p for p in re.split(r"[\s,;+/]+", text) if p]
    if len(parts) == 1 and len(parts[0]) > 1 and parts[0].isalpha():
        parts = list(parts[0])
    if not parts:
        return None
    out = []
    for p in parts:
        if p.isdigit() and 1 <= int(p) <= count:
            out.append(int(p) - 1)
        elif len(p) == 1 and p in LETTERS[:count]:
            out.append(LETTERS.index(p))
        else:
            return None
    return sorted(set(out))


def parse(data: bytes | Path, *, encoding: str | None = None) -> ParseResult:
    result = ParseResult("xlsx", encoding="xlsx")
    if isinstance(data, (bytes, bytearray)):
        from openpyxl import load_workbook
        try:
            wb = load_workbook(io.BytesIO(data), data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a bad file
            raise IsoDeskError("Không đọc được tệp Excel: tệp không phải .xlsx hợp lệ hoặc bị hỏng. "
                               "Hãy mở bằng Excel, lưu lại dạng .xlsx rồi thử lại.") from exc
    else:
        wb = open_workbook(Path(data))
    converted: list[dict] = []
    last_error: Exception | None = None
    names = _topic_names(wb)
    for ws in wb.worksheets:
        if ws.title == TOPIC_SHEET:
            continue
        try:
            header, cols = find_header(ws, ALIASES, ("text", "correct", "option_0"))
        except IsoDeskError as exc:
            last_error = exc
            continue
        options = [cols[f"option_{i}"] for i in range(len(LETTERS)) if f"option_{i}" in cols]
        for r in range(header + 1, ws.max_row + 1):
            def value(name):
                col = cols.get(name)
                return cell_text(ws.cell(row=r, column=col), converted, ws.title) if col else None

            def block(name):
                col = cols.get(name)
                return _block_text(ws.cell(row=r, column=col), converted, ws.title) if col else None
            text = block("text")
            opts = [_block_text(ws.cell(row=r, column=c), converted, ws.title) or ""
                    for c in options]
            while opts and not opts[-1]:
                opts.pop()
            answer = value("correct")
            if not (text or any(opts) or answer):
                continue
            correct = _letters(answer or "", len(opts))
            if correct is None:
                result.reject(r, f"Cột \"Đáp án đúng\" phải là chữ cái của phương án "
                                 f"(A–{LETTERS[max(len(opts), 1) - 1]}), ví dụ B hoặc A, C "
                                 f"(đang là \"{answer or ''}\").")
                continue
            difficulty = value("difficulty")
            try:
                number = float(str(difficulty).replace(",", ".")) if difficulty else None
            except ValueError:
                number = float("nan")   # not a number: refused below
            if number is not None and not number.is_integer():
                result.reject(r, f"Độ khó phải là số nguyên 1, 2 hoặc 3 (đang là "
                                 f"\"{difficulty}\"): hãy sửa ô này rồi nhập lại.")
                continue
            level = int(number) if number is not None else None
            topic = value("topic")
            code = names.get((topic or "").casefold())
            result.items.append(ParsedQuestion(
                line=r, text=text or "", options=opts, correct=correct,
                multiple=len(correct) > 1, key=value("key"),
                topic=code[1] if code else topic, topic_code=code[0] if code else None,
                explanation=block("explanation") or "", clause=value("clause") or "",
                difficulty=level))
        if converted:
            result.warnings.append(f"Đã chuyển {len(converted)} ô từ phông TCVN3/VNI sang Unicode.")
        return result
    raise last_error or IsoDeskError("Tệp Excel không có trang tính nào.")


def _block_text(cell, converted: list[dict], sheet: str) -> str | None:
    """Like `cell_text`, but line breaks inside the cell are kept (question text)."""
    value = cell.value
    if not isinstance(value, str):
        return cell_text(cell, converted, sheet)
    font_name = getattr(cell.font, "name", None) if cell.font is not None else None
    text, encoding = convert_legacy(value, font_name)
    if encoding and text != nfc(value):
        converted.append({"sheet": sheet, "cell": cell.coordinate, "encoding": encoding,
                          "font": font_name, "original": value, "text": text})
    return text


def _topic_names(wb) -> dict[str, tuple[str, str]]:
    """{code folded: (code, name)} from the "Chủ đề" sheet this program writes."""
    if TOPIC_SHEET not in wb.sheetnames:
        return {}
    out = {}
    for code, name, *_ in wb[TOPIC_SHEET].iter_rows(min_row=2, values_only=True):
        if code and name:
            out[str(code).strip().casefold()] = (str(code).strip(), str(name).strip())
    return out


def _sheet(wb: Workbook, questions: list[dict], topics: dict[str, str], *, title: str) -> None:
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = title
    ws["A1"].font = TITLE_FONT
    ws["A2"] = ("Mỗi dòng một câu hỏi. Chủ đề: ghi mã hoặc tên chủ đề (xem trang \"Chủ đề\"). "
                "Đáp án đúng: chữ cái của phương án, nhiều đáp án thì ghi A, C. Độ khó: 1 dễ, "
                "2 trung bình, 3 khó.")
    for c, (h, w) in enumerate(zip(HEADERS, WIDTHS), start=1):
        ws.cell(row=HEADER_ROW, column=c, value=h)
        ws.column_dimensions[get_column_letter(c)].width = w
    style_header_row(ws, HEADER_ROW, len(HEADERS))
    for r, q in enumerate(questions, start=HEADER_ROW + 1):
        values = [q["key"], q["topic"], q.get("clause", ""), q.get("difficulty", 2), q["text"]]
        values += [q["options"][i] if i < len(q["options"]) else None
                   for i in range(OPTION_COLUMNS)]
        values += [", ".join(LETTERS[i] for i in q["correct"]), q.get("explanation", "")]
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, str) and v.startswith("="):
                cell.data_type = "s"     # text, not a formula
    last = HEADER_ROW + max(len(questions), 1)
    style_body(ws, HEADER_ROW + 1, last, len(HEADERS))
    dv = DataValidation(type="whole", operator="between", formula1="1", formula2="3",
                        allow_blank=True)
    dv.error = "Độ khó là 1, 2 hoặc 3"
    ws.add_data_validation(dv)
    dv.add(f"D{HEADER_ROW + 1}:D{HEADER_ROW + 1000}")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ts = wb.create_sheet(TOPIC_SHEET)
    ts.append(["Mã chủ đề", "Tên chủ đề"])
    for code, name in topics.items():
        ts.append([code, name])
    style_header_row(ts, 1, 2)
    ts.column_dimensions["A"].width = 16
    ts.column_dimensions["B"].width = 60
    for row in ts.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP


def write(path: Path, questions: list[dict], topics: dict[str, str]) -> Path:
    wb = Workbook()
    _sheet(wb, questions, topics, title="NGÂN HÀNG CÂU HỎI KIỂM TRA NHẬN THỨC ISO 9001:2015")
    return save_atomically(wb, Path(path))


def write_template(path: Path, topics: dict[str, str]) -> Path:
    example = [{"key": "VD01", "topic": next(iter(topics), "khac"), "clause": "7.3 a",
                "difficulty": 1, "text": "Ví dụ: chính sách chất lượng của đơn vị do ai ban hành?",
                "options": ["Giám đốc đơn vị", "Từng cán bộ tự đặt", "Đơn vị tư vấn", "Người dân"],
                "correct": [0], "explanation": "Xóa dòng ví dụ này trước khi nhập."}]
    wb = Workbook()
    _sheet(wb, example, topics, title="MẪU NHẬP CÂU HỎI KIỂM TRA NHẬN THỨC")
    return save_atomically(wb, Path(path))
