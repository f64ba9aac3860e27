"""Management reviews and their reminder; the "records" figures and the report deadline."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import figures, records
from desktop.models.errors import ValidationError
from desktop.models.iso import records_summary
from desktop.models.iso.annual_report import ReportRepository
from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.plan import PlanRepository
from desktop.models.iso.reviews import INPUT_KEYS, ReviewRepository
from desktop.models.settings import set_setting

KEYS = {"nc_open", "nc_overdue", "nc_closed", "plan_total", "plan_done", "plan_overdue",
        "documents_by_state", "last_review", "review_due", "review_state", "review_due_by",
        "report_deadline",
        "days_to_report",
        "report_status"}


def test_review_with_inputs_checklist(store, today):
    repo = ReviewRepository(store)
    r = repo.add({"held_on": "20/12/2025", "chair": "Phạm Quốc Hùng",
                  "participants": ["Phạm Quốc Hùng", "Lê Thị Thu Hà", "  "],
                  "inputs": {"objectives": {"covered": True, "note": "Đạt 4/5 mục tiêu"},
                             "audit_results": True, "resources": {"covered": False},
                             "unknown": True},
                  "decisions": "Bổ sung 01 cán bộ cho Bộ phận Một cửa.",
                  "next_review_on": "15/12/2026"}, today=today)
    assert r.participant_list == ["Phạm Quốc Hùng", "Lê Thị Thu Hà"]
    assert r.covered == ["objectives", "audit_results"]
    assert r.inputs["objectives"]["note"] == "Đạt 4/5 mục tiêu"
    assert len(INPUT_KEYS) == 12


def test_review_dates_refused(store, today):
    repo = ReviewRepository(store)
    with pytest.raises(ValidationError) as exc:
        repo.add({"held_on": "16/06/2026", "chair": "GĐ", "participants": "A"}, today=today)
    assert "không được sau hôm nay" in exc.value.errors["held_on"]
    with pytest.raises(ValidationError) as exc:
        repo.add({"held_on": "10/06/2026", "chair": "GĐ", "participants": "A",
                  "next_review_on": "01/06/2026"}, today=today)
    assert exc.value.errors["next_review_on"] == (
        "Ngày dự kiến xem xét lần sau (01/06/2026) không được trước ngày họp (10/06/2026).")
    with pytest.raises(ValidationError) as exc:
        repo.add({"held_on": "", "chair": "", "participants": ""}, today=today)
    assert set(exc.value.errors) == {"held_on", "chair", "participants"}


def test_reminder_after_twelve_months(store, today):
    repo = ReviewRepository(store)
    assert repo.reminder(today)["review_due"] is True
    repo.add({"held_on": "15/06/2025", "chair": "GĐ", "participants": "A"}, today=today)
    due = repo.reminder(today)
    assert due["review_due"] and "15/06/2025" in due["message"]
    repo.add({"held_on": "16/06/2025", "chair": "GĐ", "participants": "A"}, today=today)
    ok = repo.reminder(today)
    assert not ok["review_due"] and ok["due_by"] == "2026-06-16" and ok["message"] == ""


def test_records_summary_keys_and_values(store, today):
    docs = DocumentRepository(store)
    d = docs.add({"code": "QT-01", "title": "Một", "kind": "form"})
    docs.approve(d.id, approver="GĐ", approved_on="01/02/2026", today=today)
    docs.add({"code": "QT-02", "title": "Hai", "kind": "form"})
    ncs = NonconformityRepository(store)
    n = ncs.add({"description": "A", "detected_on": "01/04/2026"}, today=today)
    ncs.advance(n.id, "planned", {"cause": "c", "corrective_action": "a", "owner": "o",
                                  "due_on": "01/05/2026"}, today=today)
    ncs.add({"description": "Năm trước", "detected_on": "01/04/2025"}, today=today)
    PlanRepository(store).load_template_set()
    ReviewRepository(store).add({"held_on": "01/03/2026", "chair": "GĐ", "participants": "A"},
                                today=today)
    s = records_summary(store, unit_code=store.unit_code, today=today)
    assert set(s) == KEYS
    assert (s["nc_open"], s["nc_overdue"], s["nc_closed"]) == (2, 1, 0)
    assert (s["plan_total"], s["plan_done"], s["plan_overdue"]) == (9, 0, 9)
    assert s["documents_by_state"] == {"draft": 1, "approved": 1, "in_force": 0, "obsolete": 0}
    assert (s["last_review"], s["review_due"]) == ("2026-03-01", False)
    assert (s["report_deadline"], s["days_to_report"], s["report_status"]) == (
        "2026-11-15", 153, "none")
    in_year = records_summary(store, unit_code=store.unit_code, year=2025, today=today)
    assert (in_year["nc_open"], in_year["report_deadline"]) == (1, "2025-11-15")
    assert figures.collect(store, today=today)["records"] == s


def test_only_the_units_own_rows_count(store, today):
    records.insert(store, "iso_nonconformities", {
        "origin_unit": "BHXHKHAC", "code": "KPH-2026-01", "source": "other",
        "detected_on": "2026-01-01", "description": "Của huyện khác", "stage": "open"})
    assert records_summary(store, unit_code=store.unit_code, today=today)["nc_open"] == 0
    assert records_summary(store, unit_code="BHXHKHAC", today=today)["nc_open"] == 1


def test_deadline_setting_late_report_and_next_deadline(store):
    after = dt.date(2026, 11, 20)
    s = records_summary(store, unit_code=store.unit_code, today=after)
    assert (s["report_deadline"], s["days_to_report"], s["report_status"]) == (
        "2026-11-15", -5, "none")
    repo = ReportRepository(store)
    r = repo.save(2026, {"sections": [{"title": "Tình hình"}], "report_on": "14/11/2026",
                         "signer_name": "Phạm Quốc Hùng"})
    assert records_summary(store, unit_code=store.unit_code,
                           today=after)["report_status"] == "draft"
    repo.finalise(r.id, {})
    s = records_summary(store, unit_code=store.unit_code, today=after)
    assert (s["report_deadline"], s["days_to_report"], s["report_status"]) == (
        "2027-11-15", 360, "none")
    set_setting(store, "report_deadline", "12-01")
    s = records_summary(store, unit_code=store.unit_code, today=after)
    assert (s["report_deadline"], s["days_to_report"], s["report_status"]) == (
        "2026-12-01", 11, "final")
    set_setting(store, "report_deadline", "không phải ngày")
    assert records_summary(store, unit_code=store.unit_code,
                           today=after)["report_deadline"] == "2027-11-15"


def test_open_ncs_of_earlier_years_count_in_this_years_view(store, today):
    """A nonconformity still open is a present problem, whatever year it was detected; the
    yearly report keeps the ones detected in its year apart."""
    ncs = NonconformityRepository(store)
    old = ncs.add({"description": "Năm trước", "detected_on": "01/10/2025"}, today=today)
    ncs.advance(old.id, "planned", {"cause": "c", "corrective_action": "a", "owner": "o",
                                    "due_on": "01/12/2025"}, today=today)
    ncs.add({"description": "Năm nay", "detected_on": "01/04/2026"}, today=today)
    this_year = records_summary(store, unit_code=store.unit_code, year=today.year, today=today)
    assert (this_year["nc_open"], this_year["nc_overdue"]) == (2, 1)
    assert this_year["nc_in_year"] == {"nc_open": 1, "nc_overdue": 0, "nc_closed": 0}
    every = records_summary(store, unit_code=store.unit_code, today=today)
    assert (every["nc_open"], every["nc_overdue"]) == (2, 1)
    assert "nc_in_year" not in every
