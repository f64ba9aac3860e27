"""Importing the document register from Excel: dry run, row-numbered errors, all or nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from desktop.output.iso.documents_xlsx import (
    COLUMNS, export_documents, read_documents, write_template,
)
from desktop.models.iso.document_import import (
    DocImportRow, _row_data, apply_import, plan_import,
)
from desktop.models.errors import ValidationError
from desktop.models.iso.documents import DocumentRepository

HEADERS = [h for _, h, _ in COLUMNS]


def _sheet(tmp_path, rows, name="dm.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH MỤC TÀI LIỆU"])
    ws.append([])
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(tmp_path / name)
    return tmp_path / name


def _count(store):
    return store.scalar("SELECT count(*) FROM iso_documents")


def test_template_reads_back_and_imports(store, tmp_path, today):
    path = write_template(tmp_path / "mau.xlsx")
    rows, converted = read_documents(path)
    assert [r.row_number for r in rows] == [4, 5] and converted == []
    plan = plan_import(store, rows, today=today)
    assert plan.ok and plan.summary()["added"] == 2
    result = apply_import(store, plan)
    assert result["added"] == 2
    doc = DocumentRepository(store).latest("QT-TN-01")
    assert (doc.state, doc.approved_on, doc.effective_on) == ("in_force", "2021-01-04",
                                                             "2021-01-10")
    assert load_workbook(path)["Hướng dẫn"]["B2"].value == "Quy trình giải quyết TTHC"


def test_errors_carry_the_excel_row_and_nothing_is_written(store, tmp_path, today):
    path = _sheet(tmp_path, [
        ["QT-01", "Quy trình một", "Quy trình nội bộ", "2015", "01", "Dự thảo"],
        ["QT-02", "Quy trình hai", "Loại lạ", "2015", "01", "Dự thảo"],
        [None] * 12,
        ["QT-03", "Quy trình ba", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "Giám đốc",
         "10/01/2026", "05/01/2026"],
        ["QT-01", "Trùng", "Biểu mẫu", "2015", "1", "Dự thảo"],
        ["QT-04", "Quy trình bốn", "Biểu mẫu", "2015", "01", "Đã phê duyệt", "", "", ""],
        ["QT-05", "Tương lai", "Biểu mẫu", "2015", "01", "Đã phê duyệt", "GĐ", "01/01/2027"],
    ])
    rows, _ = read_documents(path)
    plan = plan_import(store, rows, today=today)
    errors = {e["row"]: e["message"] for e in plan.errors}
    assert sorted(errors) == [5, 7, 8, 9, 10]
    assert "Loại tài liệu" in errors[5]
    assert "không được trước ngày phê duyệt" in errors[7]
    assert "trùng với dòng 4" in errors[8]
    assert "người phê duyệt" in errors[9] and "ngày phê duyệt" in errors[9]
    assert "không được sau hôm nay" in errors[10]
    before = _count(store)
    try:
        apply_import(store, plan)
    except ValidationError as exc:
        assert "5 dòng lỗi" in exc.message
    else:
        raise AssertionError("an import with errors must be refused")
    assert _count(store) == before


def test_obsolete_rows_cannot_come_back_and_one_version_in_force(store, tmp_path, today):
    repo = DocumentRepository(store)
    d = repo.add({"code": "QT-01", "title": "Một", "kind": "form"})
    repo.approve(d.id, approver="GĐ", approved_on="01/02/2026", today=today)
    repo.put_in_force(d.id, effective_on="02/02/2026", today=today)
    repo.make_obsolete(d.id, obsolete_on="03/03/2026", today=today)
    path = _sheet(tmp_path, [
        ["QT-01", "Một", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "GĐ", "01/02/2026",
         "02/02/2026"],
        ["QT-09", "Chín", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "GĐ", "01/02/2026",
         "02/02/2026"],
        ["QT-09", "Chín", "Biểu mẫu", "2015", "02", "Đang hiệu lực", "GĐ", "01/03/2026",
         "02/03/2026"],
    ])
    plan = plan_import(store, read_documents(path)[0], today=today)
    errors = {e["row"]: e["message"] for e in plan.errors}
    assert "đã hết hiệu lực, không thể chuyển sang \"Đang hiệu lực\"" in errors[4]
    assert "hai phiên bản cùng đang hiệu lực" in errors[5]
    assert 6 not in errors


def test_a_newer_version_in_force_supersedes_the_register(store, tmp_path, today):
    repo = DocumentRepository(store)
    d = repo.add({"code": "QT-01", "title": "Một", "kind": "form"})
    repo.approve(d.id, approver="GĐ", approved_on="01/02/2026", today=today)
    repo.put_in_force(d.id, effective_on="02/02/2026", today=today)
    path = _sheet(tmp_path, [
        ["QT-01", "Một (sửa đổi)", "Biểu mẫu", "TCVN ISO 9001:2015", 2, "Đang hiệu lực",
         "GĐ", dt.datetime(2026, 5, 1), dt.datetime(2026, 5, 2)],
    ])
    rows, _ = read_documents(path)
    assert rows[0].values["revision"] == "2"
    plan = plan_import(store, rows, today=today)
    assert plan.ok and plan.summary()["superseded"] == 1
    apply_import(store, plan)
    states = {v.revision: (v.state, v.obsolete_on) for v in repo.versions("QT-01")}
    assert states == {"01": ("obsolete", "2026-05-02"), "2": ("in_force", None)}


def test_dry_run_then_import_and_export_round_trip(store, tmp_path, today):
    path = _sheet(tmp_path, [
        ["QT-01", "Quy trình một", "Quy trình nội bộ", "2008", "01", "Hết hiệu lực", "GĐ cũ",
         "01/01/2015", "05/01/2015", "31/12/2020", "Tổ Hành chính"],
        ["QT-01", "Quy trình một", "Quy trình nội bộ", "2015", "02", "Đang hiệu lực", "GĐ",
         "20/12/2020", "01/01/2021", None, "Tổ Hành chính"],
    ])
    plan = plan_import(store, read_documents(path)[0], today=today)
    assert plan.ok and _count(store) == 0  # planning wrote nothing
    apply_import(store, plan)
    assert _count(store) == 2
    out = export_documents(tmp_path / "xuat.xlsx", DocumentRepository(store).list())
    again = plan_import(store, read_documents(out)[0], today=today)
    assert again.ok and again.summary()["unchanged"] == 2 and again.summary()["added"] == 0


def test_update_of_an_existing_draft_and_no_step_back(store, tmp_path, today):
    repo = DocumentRepository(store)
    d = repo.add({"code": "QT-07", "title": "Bảy", "kind": "form"})
    repo.approve(d.id, approver="GĐ", approved_on="01/02/2026", today=today)
    path = _sheet(tmp_path, [["QT-07", "Bảy", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "GĐ",
                              "01/02/2026", "03/02/2026"]], name="b.xlsx")
    plan = plan_import(store, read_documents(path)[0], today=today)
    assert plan.ok and plan.count("update") == 1
    apply_import(store, plan)
    assert repo.get(d.id).state == "in_force"
    # in force, it never goes back (the register's one rule, as `documents advance` says it)
    path = _sheet(tmp_path, [["QT-07", "Bảy", "Biểu mẫu", "2015", "01", "Dự thảo"]])
    plan = plan_import(store, read_documents(path)[0], today=today)
    assert "không thể trở lại \"Dự thảo\"" in plan.errors[0]["message"]


cells = st.one_of(st.none(), st.text(max_size=30), st.integers(-10, 10**6),
                  st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)),
                  st.sampled_from(["Dự thảo", "Đang hiệu lực", "Hết hiệu lực", "31/02/2026",
                                   "01/01/2026", "2015", "Biểu mẫu", "1.1", "QT-01"]))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.fixed_dictionaries({f: cells for f, _, _ in COLUMNS}))
def test_any_row_is_either_accepted_or_refused_with_a_message(values):
    try:
        data = _row_data(values, dt.date(2026, 6, 15))
    except ValidationError as exc:
        assert exc.errors and all(isinstance(m, str) and m for m in exc.errors.values())
    else:
        assert data["state"] in ("draft", "approved", "in_force", "obsolete")
        assert data["code"] and data["title"]


def test_plan_import_of_rows_never_raises(store, today):
    rows = [DocImportRow(4, {"code": "X", "title": "Y", "kind": "form", "state": "??"}),
            DocImportRow(5, {}, is_empty=True),
            DocImportRow(6, {"code": "", "title": None})]
    plan = plan_import(store, rows, today=today)
    assert [r.action for r in plan.rows] == ["refuse", "skip", "refuse"]


def _in_force(repo, code, approved, effective, today):
    d = repo.add({"code": code, "title": "Quy trình thu", "kind": "form"})
    repo.approve(d.id, approver="GĐ", approved_on=approved, today=today)
    return repo.put_in_force(d.id, effective_on=effective, today=today)


def test_a_new_version_cannot_come_in_force_before_the_one_it_replaces(store, tmp_path, today):
    repo = DocumentRepository(store)
    first = _in_force(repo, "QT-THU", "20/04/2026", "24/04/2026", today)
    path = _sheet(tmp_path, [
        ["QT-THU", "Quy trình thu", "Biểu mẫu", "2015", "02", "Đang hiệu lực", "GĐ",
         "01/01/2025", "02/01/2025"],
    ])
    plan = plan_import(store, read_documents(path)[0], today=today)
    errors = {e["row"]: e["message"] for e in plan.errors}
    assert list(errors) == [4] and plan.supersede == []
    assert ("Ngày hiệu lực (02/01/2025) không được trước ngày hiệu lực của phiên bản 01 "
            "(24/04/2026)") in errors[4]
    # the same rule as putting a version in force by hand
    second = repo.new_version(first.id)
    repo.approve(second.id, approver="GĐ", approved_on="01/01/2025", today=today)
    with pytest.raises(ValidationError) as exc:
        repo.put_in_force(second.id, effective_on="02/01/2025", today=today)
    assert exc.value.errors["effective_on"] in errors[4]
    assert repo.get(first.id).state == "in_force"


def test_an_import_keeps_or_refuses_to_change_the_in_force_date(store, tmp_path, today):
    repo = DocumentRepository(store)
    doc = _in_force(repo, "QT-01", "01/02/2026", "02/02/2026", today)
    path = _sheet(tmp_path, [
        ["QT-01", "Quy trình thu", "Biểu mẫu", "2015", "01", "Hết hiệu lực", "GĐ",
         "01/02/2026", None, "01/06/2026"],
    ])
    plan = plan_import(store, read_documents(path)[0], today=today)
    assert plan.ok, plan.errors
    apply_import(store, plan)
    doc = repo.get(doc.id)
    assert (doc.state, doc.effective_on, doc.obsolete_on) == ("obsolete", "2026-02-02",
                                                              "2026-06-01")
    assert doc.obsolete_reason == "Hết hiệu lực (nhập từ Excel)"
    other = _in_force(repo, "QT-02", "01/02/2026", "02/02/2026", today)
    path = _sheet(tmp_path, [
        ["QT-02", "Quy trình thu", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "GĐ",
         "01/02/2026", "10/02/2026"],
        ["QT-02", "Quy trình thu", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "GĐ",
         "01/02/2026", None],
    ], name="b.xlsx")
    plan = plan_import(store, read_documents(path)[0], today=today)
    errors = {e["row"]: e["message"] for e in plan.errors}
    assert "đã có hiệu lực từ ngày 02/02/2026: không sửa ngày hiệu lực" in errors[4]
    path = _sheet(tmp_path, [
        ["QT-02", "Quy trình thu", "Biểu mẫu", "2015", "01", "Đang hiệu lực", "GĐ",
         "01/02/2026", None],
    ], name="c.xlsx")
    plan = plan_import(store, read_documents(path)[0], today=today)
    assert plan.ok and plan.count("unchanged") == 1
    apply_import(store, plan)
    assert repo.get(other.id).effective_on == "2026-02-02"
