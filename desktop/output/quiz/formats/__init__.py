"""Question files in and out: GIFT, Aiken, Moodle XML, the Excel template and this program's own
bank file (JSON, the format of the default bank).

`read_questions(path, format=None)` gives a `ParseResult` (questions with their line numbers, and
the refused items with the reason); the format comes from the extension or, for `.txt`, from the
content. `write_questions(path, questions, topics, format=None)` writes questions;
`export_bank(store, path, …)` writes the bank in use as the user exports it.
"""
from __future__ import annotations

from pathlib import Path

from desktop.models.errors import IsoDeskError
from desktop.models.quiz.bank_io import ParseResult

from ...writing import write_bytes
from . import aiken, bank_json, gift, moodle_xml
from .encodings import ENCODING_LABELS, decode

FORMATS = ("gift", "aiken", "moodle-xml", "xlsx", "isodesk-json")
FORMAT_LABELS = {"gift": "GIFT (Moodle)", "aiken": "Aiken", "moodle-xml": "Moodle XML",
                 "xlsx": "Excel (.xlsx)", "isodesk-json": "ISO Desk (.json)"}
MAX_FILE = 20 * 1024 * 1024


def guess_format(path: Path, data: bytes | None = None) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return "xlsx"
    if suffix == ".xml":
        return "moodle-xml"
    if suffix == ".gift":
        return "gift"
    if suffix == ".aiken":
        return "aiken"
    if suffix == ".json":
        return "isodesk-json"
    if suffix in (".xls", ".xlsm"):
        raise IsoDeskError(f"Tệp {Path(path).name} không phải .xlsx: hãy mở bằng Excel và lưu lại "
                           "dạng Excel Workbook (.xlsx).")
    if data is not None:
        text, _ = decode(data[:65536])
        head = text.lstrip()
        if head.startswith("<?xml") or head.startswith("<quiz"):
            return "moodle-xml"
        if "{" in text and "}" in text:
            return "gift"
        return "aiken"
    if suffix == ".txt":
        return "gift"
    raise IsoDeskError(f"Không biết định dạng của tệp {Path(path).name}: hãy dùng phần mở rộng "
                       ".gift, .txt, .xml hoặc .xlsx, hoặc chọn định dạng.")


def read_questions(path: Path, fmt: str | None = None) -> ParseResult:
    path = Path(path)
    if not path.is_file():
        raise IsoDeskError(f"Không tìm thấy tệp {path}.")
    if path.stat().st_size > MAX_FILE:
        raise IsoDeskError(f"Tệp {path.name} quá lớn (tối đa 20 MB cho một tệp câu hỏi).")
    data = path.read_bytes()
    fmt = fmt or guess_format(path, data)
    if fmt == "xlsx":
        from . import xlsx  # openpyxl, loaded when an Excel file is read

        result = xlsx.parse(path)
    else:
        parser = {"gift": gift.parse, "aiken": aiken.parse, "moodle-xml": moodle_xml.parse,
                  "isodesk-json": bank_json.parse}.get(fmt)
        if parser is None:
            raise IsoDeskError(f"Định dạng \"{fmt}\" không có: dùng gift, aiken, moodle-xml hoặc "
                               "xlsx.")
        result = parser(data)
    if not result.items and not result.rejected:
        raise IsoDeskError(
            f"Tệp {path.name} không có câu hỏi nào (tệp rỗng, hoặc không đúng định dạng "
            f"{FORMAT_LABELS.get(fmt, fmt)}). Không nhập gì; hãy kiểm tra lại tệp.")
    return result


def export_format(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    mapping = {".gift": "gift", ".txt": "gift", ".xml": "moodle-xml", ".xlsx": "xlsx",
               ".aiken": "aiken", ".json": "isodesk-json"}
    if suffix not in mapping:
        raise IsoDeskError(f"Không biết xuất ra định dạng nào cho \"{suffix or Path(path).name}\": "
                           "dùng .gift (hoặc .txt), .xml, .xlsx, .aiken hoặc .json.")
    return mapping[suffix]


def write_questions(path: Path, questions: list[dict], topics: dict[str, str],
                    fmt: str | None = None, pictures: dict | None = None) -> dict:
    """Write the questions; returns {"file", "format", "written", "skipped": [...]}.
    `pictures`: {question id: [Picture with its bytes]} (`export_bank` gives them)."""
    path = Path(path)
    fmt = fmt or export_format(path)
    skipped: list[dict] = []
    if fmt == "xlsx":
        from . import xlsx

        xlsx.write(path, questions, topics, pictures)
    else:
        if fmt == "gift":
            data = gift.write(questions, topics, pictures)
        elif fmt == "moodle-xml":
            data = moodle_xml.write(questions, topics, pictures)
        elif fmt == "aiken":
            data, skipped = aiken.write(questions, pictures)
        elif fmt == "isodesk-json":
            data = bank_json.write(questions, topics, pictures)
        else:
            raise IsoDeskError(f"Định dạng \"{fmt}\" không có: dùng gift, aiken, moodle-xml, xlsx "
                               "hoặc isodesk-json.")
        write_bytes(path, data)
    return {"file": str(path), "format": fmt, "written": len(questions) - len(skipped),
            "skipped": skipped}


def export_bank(store, path: Path, *, fmt: str | None = None, topic: str | None = None,
                include_retired: bool = False) -> dict:
    """Write the bank in use to a file, with the questions' pictures (the command line and the
    bank screen both call this).

    Files for other programs (GIFT, Aiken, Moodle XML, Excel) get the questions as people see
    them, unit names filled in from the unit profile; this program's own bank file keeps the
    placeholders, so that the unit importing it reads its own names."""
    from desktop.models.quiz import bank, pictures, wording

    fmt = fmt or export_format(path)
    names = wording.level_names(store)
    items = bank.list_questions(store, topic=topic, include_retired=include_retired)
    questions = [(q if fmt == "isodesk-json" else q.shown(names)).as_public() for q in items]
    topics = {t.code: t.name for t in bank.list_topics(store)}
    found = pictures.of_versions(store, [q.version_id for q in items], with_data=True)
    return write_questions(path, questions, topics, fmt,
                           {q.id: found.get(q.version_id, []) for q in items})


__all__ = ["ENCODING_LABELS", "FORMATS", "FORMAT_LABELS", "export_bank", "export_format",
           "guess_format",
           "read_questions", "write_questions"]
