"""The conversion plan: the starting milestones of appendix III, statuses, overdue items and
evidence links."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import records, synced_tables
from desktop.models.errors import ReadOnlyRecord, ValidationError
from desktop.models.iso.audits import AuditRepository
from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.plan import (
    DEFAULT_SET_CODE, TEMPLATES, PlanRepository, builtin_set, plan_figures,
)
from desktop.models.iso.reviews import ReviewRepository


def test_starting_plan_has_the_district_milestones(store):
    items = PlanRepository(store).load_template_set()
    assert [(i.seq, i.due_on) for i in items] == [
        (1, "2020-10-31"), (2, "2020-11-30"), (3, "2020-12-31"), (4, "2021-01-31"),
        (5, "2021-02-28"), (6, "2021-04-30"), (7, "2021-04-30"), (8, "2021-04-30"),
        (9, "2021-05-31")]
    titles = " | ".join(i.title for i in items)
    for word in ("danh mục", "Soạn thảo", "ban hành", "Áp dụng", "đánh giá nội bộ",
                 "lần 1", "lần 2", "xác nhận hiệu lực", "Công bố"):
        assert word in titles
    with pytest.raises(ValidationError):
        PlanRepository(store).load_template_set()


def test_province_sets_travel_down_and_are_read_only(store, today):
    assert synced_tables.DIRECTIONS[TEMPLATES] == "down"
    assert store.scalar(f"SELECT count(*) FROM {TEMPLATES}") == 0  # the built-in set is code
    row = records.insert(store, TEMPLATES, {
        "origin_unit": "BHXHTT", "set_code": "TINH-2020", "set_title": "Kế hoạch của tỉnh",
        "seq": 1, "title": "Rà soát danh mục quy trình", "due_on": "2020-09-30",
        "responsible": "Tổ ISO"})
    repo = PlanRepository(store)
    sets = {(s["origin_unit"], s["set_code"]) for s in repo.template_sets()}
    assert sets == {("", DEFAULT_SET_CODE), ("BHXHTT", "TINH-2020")}
    with pytest.raises(ReadOnlyRecord):
        records.update(store, TEMPLATES, row["id"], {"title": "Sửa"})
    items = repo.load_template_set("TINH-2020", "BHXHTT")
    assert items[0].title == "Rà soát danh mục quy trình"
    assert items[0].template_id == row["id"]


def test_a_plan_is_published_as_a_set_for_the_units_below(store, today):
    repo = PlanRepository(store)
    with pytest.raises(ValidationError) as exc:
        repo.publish_template_set("KH-TINH", "Kế hoạch tỉnh")
    assert "chưa có mốc" in exc.value.message
    repo.add({"title": "Rà soát", "due_on": "30/09/2026"}, today=today)
    repo.add({"title": "Ban hành", "due_on": "31/10/2026"}, today=today)
    published = repo.publish_template_set("kh-tinh", "Kế hoạch chuyển đổi của tỉnh")
    assert published["set_code"] == "KH-TINH" and len(published["milestones"]) == 2
    repo.remove(repo.items()[1].id)
    again = repo.publish_template_set("KH-TINH", "Kế hoạch chuyển đổi của tỉnh (sửa)")
    assert [m["title"] for m in again["milestones"]] == ["Rà soát"]
    assert store.scalar(f"SELECT count(*) FROM {TEMPLATES} WHERE deleted = 1") == 2
    with pytest.raises(ValidationError):
        repo.publish_template_set(DEFAULT_SET_CODE, "Trùng mã có sẵn")


def test_status_dates_and_overdue(store, today):
    repo = PlanRepository(store)
    item = repo.add({"title": "Phê duyệt danh mục", "due_on": "31/05/2026",
                     "responsible": "Tổ ISO"}, today=today)
    assert item.overdue(today) and item.seq == 1
    with pytest.raises(ValidationError) as exc:
        repo.set_status(item.id, "done", today=today)
    assert "ngày hoàn thành" in exc.value.errors["completed_on"].lower()
    with pytest.raises(ValidationError) as exc:
        repo.set_status(item.id, "done", "20/06/2026", today=today)
    assert "không được sau hôm nay" in exc.value.errors["completed_on"]
    item = repo.set_status(item.id, "done", "10/06/2026", today=today)
    assert not item.overdue(today) and item.done_late()
    item = repo.set_status(item.id, "in_progress", today=today)
    assert item.completed_on is None
    repo.add({"title": "Sau", "due_on": "30/06/2026"}, today=today)
    assert plan_figures(repo.items(), today) == {"plan_total": 2, "plan_done": 0,
                                                 "plan_overdue": 1}


def test_evidence_links_to_documents_audits_reviews_and_minutes(store, today):
    repo = PlanRepository(store)
    item = repo.add({"title": "Ban hành tài liệu", "due_on": "31/12/2025"}, today=today)
    doc = DocumentRepository(store).add({"code": "QT-01", "title": "Quy trình", "kind": "form"})
    prog = AuditRepository(store).add_programme({"year": 2026, "title": "Chương trình 2026"},
                                                today=today)
    aud = AuditRepository(store).add_audit({"programme_id": prog.id, "start_on": "01/03/2026",
                                            "conducted_by": "consultant",
                                            "lead_auditor": "Đỗ Minh Khôi"}, today=today)
    rev = ReviewRepository(store).add({"held_on": "05/05/2026", "chair": "Giám đốc",
                                       "participants": "Tổ ISO"}, today=today)
    repo.link(item.id, "document", doc.id)
    repo.link(item.id, "audit", aud.id)
    repo.link(item.id, "review", rev.id)
    with pytest.raises(ValidationError) as exc:
        repo.link(item.id, "document", doc.id)
    assert "đã được gắn" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        repo.link(item.id, "audit", "khong-co")
    assert "Không tìm thấy" in exc.value.message
    with pytest.raises(ValidationError):
        repo.link(item.id, "minutes", "BB-05")  # no such minutes
    labels = [e.label for e in repo.get(item.id).evidence]
    assert labels == ["QT-01 (phiên bản 01) — Quy trình", "Đánh giá nội bộ lần 1 (01/03/2026)",
                      "Xem xét của lãnh đạo ngày 05/05/2026"]
    DocumentRepository(store).remove(doc.id)
    ev = repo.get(item.id).evidence[0]
    assert not ev.found and ev.label == "QT-01 (phiên bản 01) — Quy trình"
    repo.unlink(ev.id)
    assert len(repo.get(item.id).evidence) == 2


def test_evidence_in_the_working_minutes(store, today):
    from desktop.models import minutes as M

    rev = M.create(store, {"subject": "Áp dụng hệ thống tài liệu mới", "date": "2021-01-10",
                           "number": "05/BB-BHXHTEST"})
    repo = PlanRepository(store)
    item = repo.add({"title": "Áp dụng", "due_on": "31/01/2021"}, today=today)
    assert repo.candidates("minutes") == [(rev.minutes_id,
                                           "Biên bản 05/BB-BHXHTEST (10/01/2021)")]
    ev = repo.link(item.id, "minutes", rev.minutes_id)
    assert ev.label == "Biên bản 05/BB-BHXHTEST (10/01/2021)" and ev.found
    with pytest.raises(ValidationError):
        repo.link(item.id, "minutes", "khong-co", "Biên bản không có")


def test_today_default_is_used(store):
    item = PlanRepository(store).add({"title": "Hôm qua", "due_on": dt.date.today()
                                      - dt.timedelta(days=1)})
    assert item.overdue(dt.date.today())


def test_a_starting_plan_can_start_on_a_chosen_day(store):
    original = [i.due_on for i in PlanRepository(store).items()]
    assert original == []
    with pytest.raises(ValidationError) as exc:
        PlanRepository(store).load_template_set(start="31/02/2027")
    assert "start" in exc.value.errors
    assert PlanRepository(store).items() == []
    items = PlanRepository(store).load_template_set(start="01/03/2027")
    days = [dt.date.fromisoformat(i.due_on) for i in items]
    assert days[0] == dt.date(2027, 3, 1) and min(days) == dt.date(2027, 3, 1)
    builtin = sorted(dt.date.fromisoformat(m["due_on"]) for m in builtin_set()["milestones"])
    assert [d - days[0] for d in sorted(days)] == [d - builtin[0] for d in builtin]
    assert not any(i.overdue(dt.date(2027, 2, 1)) for i in items)
