"""The CSV of answers keyed in from paper: columns `staff_code,variant,answers` (a header row is
expected; `;` or a tab as separator also works, as Excel writes them on Vietnamese Windows)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.models.errors import IsoDeskError
from desktop.models.quiz.paper_entry import EntryRow
from desktop.models.vntext import fold

from .encodings import decode

COLUMNS = {"staff_code": ("staff_code", "ma can bo", "ma cb", "ma"),
           "variant": ("variant", "ma de", "de"),
           "answers": ("answers", "tra loi", "dap an", "bai lam")}


def read_answers(path: Path) -> tuple[list[EntryRow], list[dict]]:
    """(rows, problems) where problems are {"line", "message"} of rows that can't be read."""
    path = Path(path)
    if not path.is_file():
        raise IsoDeskError(f"Không tìm thấy tệp {path}.")
    text, _ = decode(path.read_bytes())
    lines = text.split("\n")
    sample = "\n".join(lines[:5])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[EntryRow] = []
    problems: list[dict] = []
    header: dict[str, int] | None = None
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            keys = [fold(c).strip() for c in record]
            found = {}
            for name, aliases in COLUMNS.items():
                for i, k in enumerate(keys):
                    if k in aliases:
                        found[name] = i
                        break
            if len(found) == 3:
                header = found
                continue
            if len(found):
                raise IsoDeskError("Dòng tiêu đề của tệp CSV phải có đủ ba cột staff_code, "
                                   "variant, answers.")
            header = {"staff_code": 0, "variant": 1, "answers": 2}
        if len(record) <= max(header.values()):
            problems.append({"line": line, "message": "Thiếu cột: cần mã cán bộ, mã đề và câu trả "
                                                      "lời."})
            continue
        rows.append(EntryRow(line, record[header["staff_code"]].strip(),
                             record[header["variant"]].strip(), record[header["answers"]].strip()))
    return rows, problems


def write_answers_template(path: Path, people: list[tuple[str, str]]) -> Path:
    """A CSV to fill in: one row per person (staff code), the variant and answers empty."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["staff_code", "variant", "answers"])
    for code, _name in people:
        w.writerow([code, "", ""])
    Path(path).write_text(buf.getvalue(), encoding="utf-8-sig")
    return Path(path)
