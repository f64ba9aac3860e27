"""Internal audits, findings and nonconformities with their stage gates."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.models import audit as audit_log
from desktop.models.errors import ValidationError
from desktop.models.iso.audits import AuditRepository
from desktop.models.iso.nonconformities import NonconformityRepository, nc_figures

PLAN = {"cause": "Chưa phổ biến quy trình mới", "corrective_action": "Tập huấn lại quy trình",
        "owner": "Lê Thị Thu Hà", "due_on": "30/05/2026"}


@pytest.fixture
def audit(store, today):
    repo = AuditRepository(store)
    prog = repo.add_programme({"year": 2026, "title": "Chương trình đánh giá nội bộ 2026",
                               "approved_by": "Giám đốc", "approved_on": "05/01/2026"},
                              today=today)
    return repo.add_audit({"programme_id": prog.id, "start_on": "02/03/2026",
                           "end_on": "03/03/2026", "conducted_by": "consultant",
                           "lead_auditor": "Đỗ Minh Khôi", "auditors": "Lê Thị Thu Hà",
                           "scope": "Bộ phận Một cửa"}, today=today)


def test_rounds_are_numbered_and_dates_ordered(store, audit, today):
    repo = AuditRepository(store)
    second = repo.add_audit({"programme_id": audit.programme_id, "start_on": "10/04/2026",
                             "conducted_by": "internal", "lead_auditor": "Lê Thị Thu Hà"},
                            today=today)
    assert (audit.round_no, second.round_no, second.end_on) == (1, 2, "2026-04-10")
    with pytest.raises(ValidationError) as exc:
        repo.add_audit({"programme_id": audit.programme_id, "start_on": "10/04/2026",
                        "end_on": "09/04/2026", "conducted_by": "internal",
                        "lead_auditor": "X"}, today=today)
    assert exc.value.errors["end_on"] == ("Ngày kết thúc (09/04/2026) không được trước ngày bắt "
                                          "đầu (10/04/2026).")
    with pytest.raises(ValidationError):
        repo.add_audit({"programme_id": "nope", "start_on": "10/04/2026",
                        "conducted_by": "internal", "lead_auditor": "X"}, today=today)



def test_a_round_falls_in_its_programme_year_after_its_approval(store, audit, today):
    repo = AuditRepository(store)
    base = {"programme_id": audit.programme_id, "conducted_by": "internal", "lead_auditor": "X"}
    with pytest.raises(ValidationError) as exc:
        repo.add_audit({**base, "start_on": "02/02/2025"}, today=today)
    assert "phải nằm trong năm 2026 của chương trình đánh giá" in exc.value.errors["start_on"]
    with pytest.raises(ValidationError) as exc:
        repo.add_audit({**base, "start_on": "28/12/2026", "end_on": "02/01/2027"},
                       today=today)
    assert "năm 2026" in exc.value.errors["end_on"]
    with pytest.raises(ValidationError) as exc:
        repo.add_audit({**base, "start_on": "02/01/2026"}, today=today)
    assert exc.value.errors["start_on"] == ("Ngày bắt đầu (02/01/2026) không được trước ngày "
                                            "phê duyệt chương trình đánh giá (05/01/2026).")
    with pytest.raises(ValidationError) as exc:
        repo.update_audit(audit.id, {"start_on": "02/02/2025"}, today=today)
    assert "start_on" in exc.value.errors


def test_finding_opens_a_nonconformity(store, audit, today):
    f = AuditRepository(store).add_finding(audit.id, {
        "kind": "minor", "clause": "7.5.3", "department": "Bộ phận Một cửa",
        "description": "Sổ theo dõi hồ sơ không ghi ngày trả kết quả"})
    nc = NonconformityRepository(store).add_from_finding(f.id, today=today)
    assert (nc.code, nc.source, nc.detected_on, nc.stage) == ("KPH-2026-01", "audit",
                                                              "2026-03-03", "open")
    assert "(điều khoản 7.5.3)" in nc.description
    assert AuditRepository(store).get(audit.id).findings[0].nc_id == nc.id
    with pytest.raises(ValidationError):
        NonconformityRepository(store).add_from_finding(f.id, today=today)
    with pytest.raises(ValidationError):
        AuditRepository(store).remove_finding(f.id)


def test_stage_gates(store, today):
    repo = NonconformityRepository(store)
    nc = repo.add({"description": "Hồ sơ trả chậm 2 ngày", "detected_on": "10/05/2026",
                   "source": "process"}, today=today)
    for stage in ("in_progress", "verified", "closed"):
        with pytest.raises(ValidationError) as exc:
            repo.advance(nc.id, stage, today=today)
        assert "chưa có kế hoạch khắc phục" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        repo.advance(nc.id, "planned", {"corrective_action": "x"}, today=today)
    assert set(exc.value.errors) == {"owner", "due_on", "cause"}
    nc = repo.advance(nc.id, "planned", {**PLAN, "planned_on": "12/05/2026"}, today=today)
    assert (nc.stage, nc.planned_on) == ("planned", "2026-05-12")
    with pytest.raises(ValidationError) as exc:
        repo.advance(nc.id, "closed", today=today)
    assert "chưa được kiểm tra hiệu lực" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        repo.advance(nc.id, "in_progress", {"started_on": "11/05/2026"}, today=today)
    assert "không được trước ngày lập kế hoạch" in exc.value.errors["started_on"]
    nc = repo.advance(nc.id, "in_progress", {"started_on": "13/05/2026"}, today=today)
    with pytest.raises(ValidationError) as exc:
        repo.advance(nc.id, "verified", {"effectiveness": "", "checked_by": ""}, today=today)
    assert set(exc.value.errors) == {"effectiveness", "checked_by"}
    nc = repo.advance(nc.id, "verified", {"effectiveness": "Không còn hồ sơ trả chậm",
                                          "checked_by": "Phạm Quốc Hùng",
                                          "checked_on": "10/06/2026"}, today=today)
    with pytest.raises(ValidationError) as exc:
        repo.advance(nc.id, "closed", {"closed_on": "16/06/2026"}, today=today)
    assert "không được sau hôm nay" in exc.value.errors["closed_on"]
    nc = repo.advance(nc.id, "closed", {"closed_on": "15/06/2026"}, today=today)
    assert nc.stage == "closed" and not nc.is_open
    with pytest.raises(ValidationError):
        repo.update(nc.id, {"description": "Sửa sau khi đóng"}, today=today)
    with pytest.raises(ValidationError):
        repo.advance(nc.id, "planned", PLAN, today=today)
    stages = [e["new"].get("stage") for e in audit_log.history(store, "iso_nonconformities",
                                                                 nc.id)]
    assert stages == ["open", "planned", "in_progress", "verified", "closed"]


def test_failed_effectiveness_check_goes_back_to_planning(store, today):
    repo = NonconformityRepository(store)
    nc = repo.add({"description": "Sai mẫu biểu", "detected_on": "01/04/2026"}, today=today)
    nc = repo.advance(nc.id, "planned", PLAN, today=today)
    nc = repo.advance(nc.id, "in_progress", today=today)
    nc = repo.advance(nc.id, "verified", {"effectiveness": "Vẫn dùng mẫu cũ",
                                          "checked_by": "Giám đốc", "effective": False},
                      today=today)
    assert nc.stage == "planned" and nc.started_on is not None and nc.awaiting_revision
    assert "chưa hiệu quả — Vẫn dùng mẫu cũ" in nc.effectiveness


def test_a_later_check_keeps_the_failed_one(store, today):
    repo = NonconformityRepository(store)
    nc = repo.add({"description": "Sai mẫu biểu", "detected_on": "01/04/2026"}, today=today)
    nc = repo.advance(nc.id, "planned", {**PLAN, "planned_on": "05/04/2026"}, today=today)
    nc = repo.advance(nc.id, "in_progress", {"started_on": "10/04/2026"}, today=today)
    nc = repo.advance(nc.id, "verified", {"effectiveness": "Vẫn dùng mẫu cũ",
                                          "checked_by": "Giám đốc", "effective": False,
                                          "checked_on": "20/04/2026"}, today=today)
    nc = repo.advance(nc.id, "planned", {**PLAN, "planned_on": "20/04/2026"}, today=today)
    nc = repo.advance(nc.id, "in_progress", {"started_on": "21/04/2026"}, today=today)
    nc = repo.advance(nc.id, "verified", {"effectiveness": "Đã dùng mẫu mới",
                                          "checked_by": "Phó Giám đốc",
                                          "checked_on": "10/05/2026"}, today=today)
    assert nc.stage == "verified"
    lines = nc.effectiveness.splitlines()
    assert lines == ["Kiểm tra ngày 20/04/2026 (Giám đốc): chưa hiệu quả — Vẫn dùng mẫu cũ",
                     "Kiểm tra ngày 10/05/2026 (Phó Giám đốc): đạt — Đã dùng mẫu mới"]


def test_the_database_refuses_closing_without_a_check(store, today):
    nc = NonconformityRepository(store).add({"description": "X", "detected_on": "01/04/2026"},
                                            today=today)
    with pytest.raises(sqlite3.IntegrityError):
        store.execute("UPDATE iso_nonconformities SET stage = 'closed', closed_on = '2026-04-02'"
                      " WHERE id = ?", (nc.id,))


def test_plan_fields_cannot_be_emptied_and_dates_refused(store, today):
    repo = NonconformityRepository(store)
    with pytest.raises(ValidationError) as exc:
        repo.add({"description": "X", "detected_on": "01/07/2026"}, today=today)
    assert "không được sau hôm nay" in exc.value.errors["detected_on"]
    nc = repo.add({"description": "X", "detected_on": "01/04/2026"}, today=today)
    nc = repo.advance(nc.id, "planned", PLAN, today=today)
    with pytest.raises(ValidationError) as exc:
        repo.update(nc.id, {"owner": ""}, today=today)
    assert "không được để trống người chịu trách nhiệm" in exc.value.message
    with pytest.raises(ValidationError):
        repo.update(nc.id, {"stage": "closed"}, today=today)
    with pytest.raises(ValidationError):
        repo.remove(nc.id)


def test_overdue_and_figures(store, today):
    repo = NonconformityRepository(store)
    a = repo.add({"description": "A", "detected_on": "01/04/2026"}, today=today)
    repo.advance(a.id, "planned", {**PLAN, "due_on": "01/06/2026"}, today=today)
    b = repo.add({"description": "B", "detected_on": "02/04/2026"}, today=today)
    repo.advance(b.id, "planned", {**PLAN, "due_on": "01/07/2026"}, today=today)
    repo.add({"description": "C", "detected_on": "03/04/2026"}, today=today)
    ncs = repo.list()
    assert [n.code for n in repo.list(overdue_on=today)] == ["KPH-2026-01"]
    assert nc_figures(ncs, today) == {"nc_open": 3, "nc_overdue": 1, "nc_closed": 0}
    assert [n.code for n in repo.list(query="b")] == ["KPH-2026-02"]
