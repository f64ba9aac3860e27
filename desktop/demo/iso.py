"""The demo district's ISO records: its ISO team, a register of about fifteen documents in every
state, the conversion plan with most milestones done and one overdue, two internal audit rounds,
three nonconformities at different stages, one management review and a draft yearly report.

Dates are set relative to today so that the demo looks the same whenever it is opened.
"""
from __future__ import annotations

import datetime as _dt
import random

from desktop.models.db import Store
from desktop.models.iso.annual_report import ReportRepository, section_template
from desktop.models.iso.audits import AuditRepository
from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.plan import PlanRepository
from desktop.models.iso.policy import PolicyRepository
from desktop.models.iso.reviews import INPUT_KEYS, ReviewRepository
from desktop.models.iso.team import TeamRepository
from desktop.models.staff import StaffRepository

from .people import (
    CONSULTANT, CONSULTANT_ORG, DIRECTOR, ISO_SECRETARY, TEAM, position_in_minutes,
)

# code, title, kind, department, [(revision, standard, state, approved, in force, obsolete)]
# days are counted back from today
DOCUMENTS = [
    ("STCL", "Sổ tay chất lượng", "quality_manual", "Tổ Hành chính - Tổng hợp",
     [("01", "2008", "obsolete", 2300, 2290, 215), ("02", "2015", "in_force", 220, 215, None)]),
    ("CSCL", "Chính sách chất lượng", "policy", "Ban Giám đốc",
     [("01", "2015", "in_force", 232, 230, None)]),
    ("MTCL", "Mục tiêu chất lượng năm nay", "objectives", "Ban Giám đốc",
     [("01", "2015", "in_force", 200, 198, None)]),
    ("QT-KSTL", "Quy trình kiểm soát tài liệu và hồ sơ", "internal_procedure",
     "Tổ Hành chính - Tổng hợp",
     [("01", "2008", "obsolete", 2300, 2290, 215), ("02", "2015", "in_force", 220, 215, None)]),
    ("QT-DGNB", "Quy trình đánh giá nội bộ", "internal_procedure", "Tổ Hành chính - Tổng hợp",
     [("01", "2015", "in_force", 220, 215, None)]),
    ("QT-KPH", "Quy trình kiểm soát sự không phù hợp và hành động khắc phục",
     "internal_procedure", "Tổ Hành chính - Tổng hợp",
     [("01", "2015", "in_force", 220, 215, None), ("02", "2015", "draft", None, None, None)]),
    ("QT-TN", "Quy trình tiếp nhận và trả kết quả hồ sơ", "tthc_procedure",
     "Bộ phận Tiếp nhận và trả kết quả", [("01", "2015", "in_force", 218, 215, None)]),
    ("QT-THU", "Quy trình thu BHXH, BHYT, BHTN", "tthc_procedure", "Tổ Quản lý thu - Sổ, thẻ",
     [("01", "2015", "in_force", 218, 215, None)]),
    ("QT-CD", "Quy trình giải quyết hưởng chế độ BHXH ngắn hạn", "tthc_procedure",
     "Tổ Chế độ BHXH", [("01", "2015", "approved", 12, None, None)]),
    ("QT-GD", "Quy trình giám định BHYT", "internal_procedure", "Tổ Giám định BHYT",
     [("01", "2015", "draft", None, None, None)]),
    ("BM-01", "Sổ theo dõi hồ sơ tiếp nhận", "form", "Bộ phận Tiếp nhận và trả kết quả",
     [("01", "2015", "in_force", 218, 215, None)]),
    ("BM-02", "Phiếu yêu cầu hành động khắc phục", "form", "Tổ Hành chính - Tổng hợp",
     [("01", "2015", "in_force", 218, 215, None)]),
    ("BM-03", "Phiếu khảo sát mức độ hài lòng", "form", "Bộ phận Tiếp nhận và trả kết quả",
     [("01", "2015", "draft", None, None, None)]),
]
# days from today of each built-in milestone's due date; how many are done
PLAN_DUE = [-240, -210, -180, -150, -120, -60, -10, 30, 60]
PLAN_DONE = 6


def _day(today: _dt.date, days_ago: int | None) -> str | None:
    return None if days_ago is None else (today - _dt.timedelta(days=days_ago)).isoformat()


def build(store: Store, rng: random.Random, today: _dt.date | None = None) -> None:
    today = today or _dt.date.today()
    _team(store, today)
    docs = _documents(store, today)
    _policy(store, today)
    audits = _audits(store, today)
    _nonconformities(store, audits, today)
    review = _review(store, today)
    _plan(store, docs, audits, review, today)
    _report(store, today)


def _team(store: Store, today: _dt.date) -> None:
    team = TeamRepository(store)
    team.add_decision({"number": "112/QĐ-BHXH", "signed_on": _day(today, 250),
                       "signer": f"{DIRECTOR}, Giám đốc",
                       "summary": "Kiện toàn Tổ triển khai ISO theo TCVN ISO 9001:2015."},
                      today=today)
    staff = {p.full_name: p for p in StaffRepository(store).list()}
    for name, role, duties in TEAM:
        person = staff.get(name)
        if person is not None:
            team.add({"staff_id": person.id, "role": role, "duties": duties})
    team.add({"full_name": CONSULTANT, "role": "member", "position": "Chuyên gia tư vấn",
              "work_unit": CONSULTANT_ORG,
              "phone": "0903123456", "duties": "Hướng dẫn, đào tạo, đánh giá nội bộ lần 1"})


def _documents(store: Store, today: _dt.date) -> dict[str, str]:
    repo = DocumentRepository(store)
    ids: dict[str, str] = {}
    for code, title, kind, dept, versions in DOCUMENTS:
        for i, (revision, standard, state, approved, effective, obsolete) in enumerate(versions):
            superseded = i < len(versions) - 1  # a later version makes it obsolete
            doc = repo.add({"code": code, "title": title, "kind": kind, "standard": standard,
                            "revision": revision, "department": dept})
            if state != "draft":
                repo.approve(doc.id, approver=f"{DIRECTOR} - Giám đốc",
                             approved_on=_day(today, approved), today=today)
            if state in ("in_force", "obsolete"):
                repo.put_in_force(doc.id, effective_on=_day(today, effective), today=today)
            if state == "obsolete" and not superseded:
                repo.make_obsolete(doc.id, obsolete_on=_day(today, obsolete), today=today)
            ids[f"{code}/{revision}"] = doc.id
    repo.attach(ids["STCL/02"], ("Sổ tay chất lượng — bản chụp có chữ ký (dữ liệu mẫu).\n"
                                 * 20).encode("utf-8"), "So-tay-chat-luong-ban-ky.txt")
    repo.attach(ids["QT-TN/01"], "Lưu đồ quy trình tiếp nhận (dữ liệu mẫu).\n".encode("utf-8"),
                "Luu-do-QT-TN.txt")
    return ids


def _policy(store: Store, today: _dt.date) -> None:
    repo = PolicyRepository(store)
    repo.add({"kind": "policy", "title": "Chính sách chất lượng",
              "body": ("Bảo hiểm xã hội huyện Sông Trà cam kết phục vụ người dân và doanh nghiệp "
                       "nhanh chóng, đúng pháp luật, công khai, minh bạch.\n"
                       "Không ngừng cải tiến hệ thống quản lý chất lượng theo TCVN ISO "
                       "9001:2015."),
              "issued_on": _day(today, 230), "issued_by": f"{DIRECTOR}, Giám đốc",
              "reference": "115/QĐ-BHXH"}, today=today)
    repo.add({"kind": "objectives", "title": f"Mục tiêu chất lượng năm {today.year}",
              "year": today.year,
              "body": ("100% hồ sơ TTHC được giải quyết đúng hẹn.\n"
                       "Mức hài lòng của người dân đạt từ 90% trở lên.\n"
                       "100% cán bộ được đào tạo và kiểm tra nhận thức về ISO."),
              "issued_on": _day(today, 198), "issued_by": f"{DIRECTOR}, Giám đốc"}, today=today)


def _audits(store: Store, today: _dt.date) -> list:
    repo = AuditRepository(store)
    programmes: dict[int, str] = {}

    def programme(start_on: str) -> str:
        """The programme of the year a round starts in (a round falls in its programme's year)."""
        year = int(start_on[:4])
        if year not in programmes:
            programmes[year] = repo.add_programme({
                "year": year, "title": f"Chương trình đánh giá nội bộ năm {year}",
                "objective": "Đánh giá sự phù hợp và hiệu lực của HTQLCL theo TCVN ISO "
                             "9001:2015 tại mọi bộ phận.",
                "approved_by": f"{DIRECTOR}, Giám đốc", "approved_on": _day(today, 100)},
                today=today).id
        return programmes[year]

    first = repo.add_audit({"programme_id": programme(_day(today, 75)),
                            "start_on": _day(today, 75),
                            "end_on": _day(today, 74), "conducted_by": "consultant",
                            "lead_auditor": CONSULTANT,
                            "auditors": "Trương Thị Mỹ Dung, Lê Thị Thu Hà (quan sát)",
                            "scope": "Toàn bộ các bộ phận; hệ thống tài liệu và việc áp dụng",
                            "conclusion": "Hệ thống cơ bản phù hợp; 01 điểm không phù hợp nhẹ."},
                           today=today)
    repo.add_finding(first.id, {"kind": "minor", "clause": "7.5.3",
                                "department": "Bộ phận Tiếp nhận và trả kết quả",
                                "description": "Sổ theo dõi hồ sơ không ghi ngày trả kết quả "
                                               "cho 6 hồ sơ."})
    repo.add_finding(first.id, {"kind": "observation", "clause": "9.1.2",
                                "department": "Tổ Hành chính - Tổng hợp",
                                "description": "Chưa tổng hợp phiếu khảo sát mức độ hài lòng "
                                               "hằng quý."})
    second = repo.add_audit({"programme_id": programme(_day(today, 25)),
                             "start_on": _day(today, 25),
                             "end_on": _day(today, 24), "conducted_by": "internal",
                             "lead_auditor": "Trương Thị Mỹ Dung",
                             "auditors": "Lê Thị Thu Hà, Ngô Thị Bích Ngọc",
                             "scope": "Tổ Chế độ BHXH, Tổ Quản lý thu - Sổ, thẻ",
                             "conclusion": "01 điểm không phù hợp nhẹ, 01 cơ hội cải tiến."},
                            today=today)
    repo.add_finding(second.id, {"kind": "minor", "clause": "8.5.1",
                                 "department": "Tổ Chế độ BHXH",
                                 "description": "Hai hồ sơ hưởng chế độ ốm đau giải quyết quá "
                                                "thời hạn quy trình."})
    repo.add_finding(second.id, {"kind": "improvement", "clause": "10.3",
                                 "department": "Tổ Quản lý thu - Sổ, thẻ",
                                 "description": "Có thể nhắc hạn nộp hồ sơ qua tin nhắn."})
    return [repo.get(first.id), repo.get(second.id)]


def _nonconformities(store: Store, audits: list, today: _dt.date) -> None:
    repo = NonconformityRepository(store)
    closed = repo.add_from_finding(audits[0].findings[0].id, {"correction": "Bổ sung ngày trả "
                                                              "kết quả vào sổ."}, today=today)
    repo.advance(closed.id, "planned", {
        "cause": "Cán bộ mới chưa được hướng dẫn cách ghi sổ theo dõi.",
        "corrective_action": "Hướng dẫn lại cách ghi sổ; tổ trưởng kiểm tra sổ hằng tuần.",
        "owner": "Trần Thị Hồng Nhung", "due_on": _day(today, 50),
        "planned_on": _day(today, 72)}, today=today)
    repo.advance(closed.id, "in_progress", {"started_on": _day(today, 70)}, today=today)
    repo.advance(closed.id, "verified", {"effectiveness": "Kiểm tra sổ 4 tuần liên tiếp: ghi đủ.",
                                         "checked_by": "Trương Thị Mỹ Dung",
                                         "checked_on": _day(today, 40)}, today=today)
    repo.advance(closed.id, "closed", {"closed_on": _day(today, 38)}, today=today)
    late = repo.add_from_finding(audits[1].findings[0].id, today=today)
    repo.advance(late.id, "planned", {
        "cause": "Thiếu người trong thời gian cao điểm; chưa theo dõi hạn giải quyết.",
        "corrective_action": "Phân công thêm 01 cán bộ; lập bảng theo dõi hạn hằng ngày.",
        "owner": "Hoàng Thị Diệu Linh", "due_on": _day(today, 5),
        "planned_on": _day(today, 22)}, today=today)
    repo.advance(late.id, "in_progress", {"started_on": _day(today, 20)}, today=today)
    repo.add({"source": "complaint", "detected_on": _day(today, 3),
              "department": "Bộ phận Tiếp nhận và trả kết quả",
              "description": "Người dân phản ánh phải đi lại hai lần vì hướng dẫn hồ sơ chưa đầy "
                             "đủ."}, today=today)


def _review(store: Store, today: _dt.date):
    return ReviewRepository(store).add({
        "held_on": _day(today, 40), "chair": f"{DIRECTOR}, Giám đốc",
        "participants": [f"{n} — {position_in_minutes(n)}" for n in
                         (DIRECTOR, "Trương Thị Mỹ Dung", ISO_SECRETARY)] + ["Các tổ trưởng"],
        "inputs": {k: {"covered": True} for k in INPUT_KEYS[:9]}
        | {"objectives": {"covered": True, "note": "Đạt 2/3 mục tiêu; hồ sơ đúng hẹn 98,7%."}},
        "decisions": ("Xác nhận HTQLCL có hiệu lực.\nBổ sung 01 cán bộ cho Tổ Chế độ BHXH.\n"
                      "Tổ chức khảo sát mức độ hài lòng hằng quý."),
        "next_review_on": (today + _dt.timedelta(days=320)).isoformat()}, today=today)


def _plan(store: Store, docs: dict, audits: list, review, today: _dt.date) -> None:
    repo = PlanRepository(store)
    items = repo.load_template_set()
    for item, days in zip(items, PLAN_DUE):
        due = today + _dt.timedelta(days=days)
        values = {"due_on": due.isoformat()}
        if item.seq <= PLAN_DONE:
            done = due + _dt.timedelta(days=8 if item.seq == 4 else -3)
            values.update(status="done", completed_on=done.isoformat())
        elif item.seq == PLAN_DONE + 1:
            values["status"] = "in_progress"
        repo.update(item.id, values, today=today)
    items = repo.items()
    repo.link(items[0].id, "document", docs["STCL/02"])
    repo.link(items[2].id, "document", docs["QT-KSTL/02"])
    repo.link(items[2].id, "document", docs["QT-TN/01"])
    repo.link(items[5].id, "audit", audits[0].id)
    repo.link(items[6].id, "audit", audits[1].id)
    repo.link(items[7].id, "review", review.id)


def _report(store: Store, today: _dt.date) -> None:
    sections = [s.as_dict() for s in section_template(store)]
    texts = {"qms": "Đơn vị duy trì áp dụng HTQLCL theo TCVN ISO 9001:2015 tại tất cả các bộ "
                    "phận; Tổ triển khai ISO họp định kỳ hằng tháng.",
             "strengths": "Lãnh đạo đơn vị quan tâm chỉ đạo; các quy trình được áp dụng thống "
                          "nhất, hồ sơ giải quyết đúng hẹn tăng so với năm trước.",
             "weaknesses": "Số cán bộ ít, kiêm nhiệm nhiều việc; cán bộ mới cần thời gian làm "
                           "quen với các quy trình; còn điểm không phù hợp quá hạn khắc phục.",
             "causes": "Chưa có chuyên gia đánh giá nội bộ được đào tạo đầy đủ; việc theo dõi "
                       "thời hạn khắc phục chưa thường xuyên.",
             "proposals": "Đề nghị BHXH tỉnh tổ chức lớp bồi dưỡng chuyên gia đánh giá nội bộ."}
    for s in sections:
        s["text"] = texts.get(s["key"], "")
    ReportRepository(store).save(today.year, {
        "number": "", "recipient": "Bảo hiểm xã hội tỉnh Lam Giang", "signer_title": "Giám đốc",
        "signer_name": DIRECTOR, "sections": sections})
