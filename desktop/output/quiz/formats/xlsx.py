"""The Excel template of the question bank: one question per row.

Columns: Mã câu hỏi, Chủ đề (code or name), Điều khoản, Độ khó (1–3), Loại câu (one right
answer, tick all, one of several right answers, Đúng / Sai), Câu hỏi, Phương án A … F, Đáp án
đúng ("B", or "A, C" for several), Trọng số (%) (one weight per option, "100; 0; 0; 0", empty for
the defaults), Giải thích. Pictures placed over a row's "Câu hỏi" cell belong to the question,
over an option's cell to that option. Rows are numbered as Excel shows them; cells typed in the
old TCVN3/VNI fonts are converted to Unicode. The file is read within the bounds of `xlsx_read`.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import kinds
from desktop.models.quiz.bank_io import ParsedQuestion, ParseResult
from desktop.models.quiz.common import LETTERS
from desktop.models.quiz.pictures import MAX_BYTES, Picture, sniff
from desktop.models.vntext import convert_legacy, fold, nfc

from ...xlsx_cells import put, put_row
from ...xlsx_common import TITLE_FONT, WRAP, cell_text, save_atomically, style_body, style_header_row
from ...xlsx_read import open_bounded
from ...xlsx_table import read_table
from .text import answer_weights, weight_text

OPTION_COLUMNS = 6
SHEET = "Câu hỏi"
TOPIC_SHEET = "Chủ đề"
HEADERS = (["Mã câu hỏi", "Chủ đề", "Điều khoản", "Độ khó (1-3)", "Loại câu", "Câu hỏi"]
           + [f"Phương án {LETTERS[i]}" for i in range(OPTION_COLUMNS)]
           + ["Đáp án đúng", "Trọng số (%)", "Giải thích"])
WIDTHS = [12, 16, 11, 9, 16, 50] + [28] * OPTION_COLUMNS + [12, 16, 40]
TEXT_COLUMN = 6
ALIASES = {
    "key": ("Mã câu hỏi", "Mã", "Key", "ID"),
    "topic": ("Chủ đề", "Topic", "Nhóm"),
    "clause": ("Điều khoản", "Điều khoản tham chiếu", "Clause"),
    "difficulty": ("Độ khó (1-3)", "Độ khó", "Mức độ", "Difficulty"),
    "kind": ("Loại câu", "Loại câu hỏi", "Loại", "Kind"),
    "text": ("Câu hỏi", "Nội dung câu hỏi", "Question"),
    "correct": ("Đáp án đúng", "Đáp án", "Answer", "Correct"),
    "weights": ("Trọng số (%)", "Trọng số", "Weights"),
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


def _weights(value: str | None, count: int) -> tuple[list[float] | None, str | None]:
    if not value:
        return None, None
    parts = [p for p in re.split(r"[;|]+|\s{2,}", str(value).replace(",", ".")) if p.strip()]
    try:
        weights = [float(p.strip().rstrip("%")) for p in parts]
    except ValueError:
        return None, (f"Cột \"Trọng số (%)\" phải là các số cách nhau bởi dấu chấm phẩy, mỗi "
                      f"phương án một số, ví dụ 100; 0; 0 (đang là \"{value}\").")
    if len(weights) != count:
        return None, (f"Cột \"Trọng số (%)\" có {len(weights)} số nhưng câu có {count} phương "
                      "án: mỗi phương án một số.")
    bad = [w for w in weights if kinds.moodle_fraction(w) is None]
    if bad:
        return None, kinds.bad_fraction_message(bad)
    return [kinds.moodle_fraction(w) for w in weights], None


def parse(data: bytes | Path, *, encoding: str | None = None) -> ParseResult:
    if isinstance(data, (bytes, bytearray)):
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "cau-hoi.xlsx"
            path.write_bytes(bytes(data))
            return _parse(path)
    return _parse(Path(data))


def _parse(path: Path) -> ParseResult:
    result = ParseResult("xlsx", encoding="xlsx")
    converted: list[dict] = []
    with open_bounded(path) as book:
        names = _topic_names(book)
        visible = [s for s in book.visible_sheets() if s.title != TOPIC_SHEET]
        if not visible:
            raise IsoDeskError(f"Tệp {path.name} không có trang tính câu hỏi nào đang hiện.")
        table = read_table(book, ALIASES, ("text", "correct", "option_0"),
                           sheet=visible[0].title if len(visible) == 1 else None,
                           key_field="text", max_col=40)
        cols = table.columns
        by_cell: dict[tuple[int, int], list] = {}
        for p in book.pictures(table.sheet):
            by_cell.setdefault((p.row, p.column), []).append(p)
        option_cols = [cols[f"option_{i}"] for i in range(len(LETTERS)) if f"option_{i}" in cols]
        sheet = table.sheet.title
        for r, cells in table.rows:
            def value(name):
                col = cols.get(name)
                return cell_text(cells[col], converted, sheet) if col in cells else None

            def block(col):
                return _block_text(cells[col], converted, sheet) if col in cells else None
            text = block(cols["text"])
            opts = [block(c) or "" for c in option_cols]
            opt_pics = [by_cell.get((r, c), []) for c in option_cols]
            while opts and not opts[-1] and not opt_pics[len(opts) - 1]:
                opts.pop()
            answer = value("correct")
            if not (text or any(opts) or answer):
                continue
            _item(result, r, text, opts, answer, value, by_cell.get((r, cols["text"]), []),
                  opt_pics, names)
        result.warnings.extend(f"Dòng {x['row']} không phải câu hỏi: {x['reason']}."
                               for x in table.set_aside)
    if converted:
        result.warnings.append(f"Đã chuyển {len(converted)} ô từ phông TCVN3/VNI sang Unicode.")
    return result


def _item(result: ParseResult, r: int, text, opts, answer, value, text_pics, opt_pics, names):
    correct = _letters(answer or "", len(opts))
    if correct is None:
        result.reject(r, f"Cột \"Đáp án đúng\" phải là chữ cái của phương án "
                         f"(A–{LETTERS[max(len(opts), 1) - 1]}), ví dụ B hoặc A, C "
                         f"(đang là \"{answer or ''}\").")
        return
    difficulty = value("difficulty")
    try:
        number = float(str(difficulty).replace(",", ".")) if difficulty else None
    except ValueError:
        number = float("nan")   # not a number: refused below
    if number is not None and not number.is_integer():
        result.reject(r, f"Độ khó phải là số nguyên 1, 2 hoặc 3 (đang là \"{difficulty}\"): "
                         "hãy sửa ô này rồi nhập lại.")
        return
    kind_text = value("kind")
    kind = kinds.KIND_WORDS.get(fold(kind_text or "").strip()) if kind_text else None
    if kind_text and kind is None:
        result.reject(r, f"Cột \"Loại câu\" không hiểu được (\"{kind_text}\"): ghi một trong "
                         + ", ".join(f"\"{v}\"" for v in kinds.KIND_LABELS_VI.values()) + ".")
        return
    weights, problem = _weights(value("weights"), len(opts))
    if problem:
        result.reject(r, problem)
        return
    pictures = []
    for place, option, found in [("question", None, text_pics)] + \
            [("option", i, p) for i, p in enumerate(opt_pics)]:
        for p in found:
            if sniff(p.data) is None or len(p.data) > MAX_BYTES:
                result.reject(r, f"Hình {p.name} ở dòng này không phải hình PNG/JPEG/GIF/WebP/"
                                 f"BMP hoặc nặng quá {MAX_BYTES // 1024} KB.")
                return
            pictures.append(Picture.from_dict({"place": place, "option": option,
                                               "data": p.data, "name": p.name}))
    level = int(number) if number is not None else None
    topic = value("topic")
    code = names.get((topic or "").casefold())
    result.items.append(ParsedQuestion(
        line=r, text=text or "", options=opts, correct=correct, weights=weights,
        multiple=(kind == "multiple") if kind else len(correct) > 1, key=value("key"),
        topic=code[1] if code else topic, topic_code=code[0] if code else None,
        explanation=value("explanation") or "", clause=value("clause") or "",
        difficulty=level, kind=kind, pictures=pictures))


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


def _topic_names(book) -> dict[str, tuple[str, str]]:
    """{code folded: (code, name)} from the "Chủ đề" sheet this program writes."""
    if TOPIC_SHEET not in [s.title for s in book.sheets]:
        return {}
    out = {}
    for number, cells in book.rows(TOPIC_SHEET, max_col=2):
        values = [getattr(c, "value", None) for c in cells] + [None, None]
        code, name = values[0], values[1]
        if number > 1 and code and name:
            out[str(code).strip().casefold()] = (str(code).strip(), str(name).strip())
    return out


def _sheet(wb: Workbook, questions: list[dict], topics: dict[str, str], *, title: str,
           pictures: dict | None = None) -> None:
    ws = wb.active
    ws.title = SHEET
    put(ws, 1, 1, title)
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, "Mỗi dòng một câu hỏi. Chủ đề: ghi mã hoặc tên chủ đề (xem trang \"Chủ đề\"). "
                  "Đáp án đúng: chữ cái của phương án, nhiều đáp án thì ghi A, C. Loại câu: "
                  + ", ".join(kinds.KIND_LABELS_VI.values()) + " (bỏ trống: theo đáp án). "
                  "Trọng số: mỗi phương án một số, cách nhau bởi dấu chấm phẩy (bỏ trống: mặc "
                  "định). Hình: đặt lên ô câu hỏi hoặc ô phương án của dòng. Độ khó: 1 dễ, "
                  "2 trung bình, 3 khó.")
    for c, (h, w) in enumerate(zip(HEADERS, WIDTHS), start=1):
        put(ws, HEADER_ROW, c, h)
        ws.column_dimensions[get_column_letter(c)].width = w
    style_header_row(ws, HEADER_ROW, len(HEADERS))
    for r, q in enumerate(questions, start=HEADER_ROW + 1):
        kind = kinds.infer_kind(q.get("kind"), q.get("multiple"), q["correct"])
        values = [q["key"], q["topic"], q.get("clause", ""), q.get("difficulty", 2),
                  kinds.KIND_LABELS_VI[kind], q["text"]]
        values += [q["options"][i] if i < len(q["options"]) else None
                   for i in range(OPTION_COLUMNS)]
        weights = "; ".join(weight_text(w) for w in answer_weights(q)) if q.get("weights") \
            else None
        values += [", ".join(LETTERS[i] for i in q["correct"]), weights,
                   q.get("explanation", "")]
        put_row(ws, r, values)
        _place_pictures(ws, r, (pictures or {}).get(q.get("id"), []))
    last = HEADER_ROW + max(len(questions), 1)
    style_body(ws, HEADER_ROW + 1, last, len(HEADERS))
    dv = DataValidation(type="whole", operator="between", formula1="1", formula2="3",
                        allow_blank=True)
    dv.error = "Độ khó là 1, 2 hoặc 3"
    ws.add_data_validation(dv)
    dv.add(f"D{HEADER_ROW + 1}:D{HEADER_ROW + 1000}")
    kind_list = DataValidation(type="list", allow_blank=True,
                               formula1='"' + ",".join(kinds.KIND_LABELS_VI.values()) + '"')
    ws.add_data_validation(kind_list)
    kind_list.add(f"E{HEADER_ROW + 1}:E{HEADER_ROW + 1000}")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ts = wb.create_sheet(TOPIC_SHEET)
    put_row(ts, 1, ["Mã chủ đề", "Tên chủ đề"])
    for r, (code, name) in enumerate(topics.items(), start=2):
        put_row(ts, r, [code, name])
    style_header_row(ts, 1, 2)
    ts.column_dimensions["A"].width = 16
    ts.column_dimensions["B"].width = 60
    for row in ts.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP


def _place_pictures(ws, row: int, pictures: list) -> None:
    """Each picture over its cell (the question's, or its option's), one under another."""
    from openpyxl.drawing.image import Image
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D
    from openpyxl.utils.units import pixels_to_EMU

    offsets: dict[int, int] = {}
    tallest = 0
    for p in pictures:
        if p.data is None:
            continue
        col = TEXT_COLUMN if p.place != "option" else TEXT_COLUMN + 1 + (p.option or 0)
        image = Image(io.BytesIO(p.data))
        scale = min(1.0, 160 / max(image.width, 1), 120 / max(image.height, 1))
        image.width, image.height = int(image.width * scale) or 1, int(image.height * scale) or 1
        top = offsets.get(col, 0)
        marker = AnchorMarker(col=col - 1, colOff=pixels_to_EMU(2), row=row - 1,
                              rowOff=pixels_to_EMU(top + 2))
        size = XDRPositiveSize2D(pixels_to_EMU(image.width), pixels_to_EMU(image.height))
        image.anchor = OneCellAnchor(_from=marker, ext=size)
        ws.add_image(image)
        offsets[col] = top + image.height + 4
        tallest = max(tallest, offsets[col])
    if tallest:
        ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 15,
                                            tallest * 0.75 + 30)


def write(path: Path, questions: list[dict], topics: dict[str, str],
          pictures: dict | None = None) -> Path:
    wb = Workbook()
    _sheet(wb, questions, topics, title="NGÂN HÀNG CÂU HỎI KIỂM TRA NHẬN THỨC ISO 9001:2015",
           pictures=pictures)
    return save_atomically(wb, Path(path))


def write_template(path: Path, topics: dict[str, str]) -> Path:
    example = [{"key": "VD01", "topic": next(iter(topics), "khac"), "clause": "7.3 a",
                "difficulty": 1, "text": "Ví dụ: chính sách chất lượng của đơn vị do ai ban hành?",
                "options": ["Giám đốc đơn vị", "Từng cán bộ tự đặt", "Đơn vị tư vấn", "Người dân"],
                "correct": [0], "explanation": "Xóa dòng ví dụ này trước khi nhập."}]
    wb = Workbook()
    _sheet(wb, example, topics, title="MẪU NHẬP CÂU HỎI KIỂM TRA NHẬN THỨC")
    return save_atomically(wb, Path(path))
