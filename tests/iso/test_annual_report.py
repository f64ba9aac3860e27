"""The yearly report: sections, figures of every provider, saved/reopened/final, Excel and PDF."""
from __future__ import annotations

import datetime as _dt
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.output.iso.annual_report import write_pdf_report, write_xlsx
from desktop.models.errors import ValidationError
from desktop.models.iso.annual_report import (
    DEFAULT_SECTIONS, ReportRepository, reset_section_template, save_section_template,
    section_numbers, section_template,
)
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.report_data import build_report
from desktop.models.iso.team import TeamRepository


def pdf_text(path) -> str:
    """The text of every page, whitespace (line ends inside table cells) made single spaces."""
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_default_sections_are_the_issues(store):
    titles = [s.title for s in section_template(store)]
    assert titles == [s["title"] for s in DEFAULT_SECTIONS]
    assert [s.figures for s in section_template(store)] == ["qms", "training", "documents",
                                                            "audits", "review", "", "", "", "",
                                                            ""]
    # the general assessment: strengths, shortcomings, their causes as its numbered parts
    sections = section_template(store)
    assert [(n, s.title) for n, s in zip(section_numbers(sections), sections)][5:] == [
        ("VI", "Đánh giá chung"), ("1", "Ưu điểm"),
        ("2", "Tồn tại, hạn chế, khó khăn, vướng mắc"), ("3", "Nguyên nhân của tồn tại, hạn chế"),
        ("VII", "Kiến nghị, đề xuất")]


def test_section_template_is_configurable(store):
    save_section_template(store, [{"title": "Kết quả nổi bật"},
                                  {"title": "Đào tạo", "figures": "training"},
                                  {"title": "Nhóm lạ", "figures": "bogus"}])
    sections = section_template(store)
    assert [(s.title, s.figures) for s in sections] == [
        ("Kết quả nổi bật", ""), ("Đào tạo", "training"), ("Nhóm lạ", "")]
    with pytest.raises(ValidationError):
        save_section_template(store, [{"title": "  "}])
    with pytest.raises(ValidationError):
        save_section_template(store, [])
    assert len(reset_section_template(store)) == 10
    assert ReportRepository(store).new_draft(2026).recipient == "Bảo hiểm xã hội tỉnh Thử Thách"


def test_figures_of_every_provider_fill_the_sections(store, today, fake_providers):
    NonconformityRepository(store).add({"description": "A", "detected_on": "01/04/2026"},
                                       today=today)
    data = build_report(store, 2026, today=today)
    facts = {k: dict((label, value) for label, value in v) for k, v in data.facts.items()}
    assert facts["training"]["Số cán bộ đã kiểm tra nhận thức"] == 35
    assert facts["training"]["Tỷ lệ cán bộ đạt trên số thuộc diện kiểm tra"] == "82,5%"
    assert facts["training"]["Tỷ lệ lượt bài đạt"] == "86,8%"
    assert facts["qms"]["— chờ xác nhận"] == 2
    assert facts["qms"]["Biên bản xác nhận gần nhất"] == "20/05/2026"
    assert facts["audits"]["— chưa đóng"] == 1
    not_passed = data.tables["training_not_passed"].rows
    assert [r[2] for r in not_passed] == ["Bùi Thanh Tâm", "Nguyễn Thị Yến"]
    assert set(data.figures) >= {"records", "staff", "training", "minutes"}


def test_without_training_and_minutes_the_report_still_works(store, today, without_providers,
                                                              tmp_path):
    data = build_report(store, 2026, today=today)
    assert "training" not in data.figures and "training_not_passed" not in data.tables
    assert not any("Biên bản" in label for label, _ in data.facts["qms"])
    write_pdf_report(tmp_path / "r.pdf", data)
    assert "ĐÀO TẠO, KIỂM TRA NHẬN THỨC" in pdf_text(tmp_path / "r.pdf")


def test_unknown_providers_go_to_other_figures(store, today, monkeypatch):
    from desktop.models import figures

    monkeypatch.setitem(figures.PROVIDERS, "sync", lambda store, **kw: {"packages_sent": 3,
                                                                        "last": None})
    data = build_report(store, 2026, today=today)
    assert ["sync", "packages_sent", 3] in data.other


def test_saved_reopened_and_final_keeps_its_figures(store, today, roster, fake_providers):
    repo = ReportRepository(store)
    sections = [s.as_dict() for s in section_template(store)]
    sections[5]["text"] = "Thiếu cán bộ chuyên trách ISO."
    r = repo.save(2026, {"number": "45/BC-BHXH", "report_on": "10/11/2026",
                         "recipient": "Bảo hiểm xã hội tỉnh Thử Thách", "signer_title": "Giám đốc",
                         "signer_name": "Phạm Quốc Hùng", "sections": sections})
    again = repo.for_year(2026)
    assert again.id == r.id and again.sections[5].text == "Thiếu cán bộ chuyên trách ISO."
    data = build_report(store, 2026, today=today)
    snapshot = data.snapshot()
    final = repo.finalise(r.id, snapshot)
    assert final.is_final and final.finalised_at
    TeamRepository(store).add_from_roster("ST001", "head")  # a change after the report
    frozen = build_report(store, 2026, today=today)
    assert frozen.tables["team"].rows == [] and frozen.report.is_final
    with pytest.raises(ValidationError):
        repo.save(2026, {"sections": sections})
    with pytest.raises(ValidationError):
        repo.remove(r.id)
    reopened = repo.reopen(r.id)
    assert reopened.status == "draft"
    assert len(build_report(store, 2026, today=today).tables["team"].rows) == 1


def test_finalising_needs_date_and_signer(store):
    repo = ReportRepository(store)
    r = repo.save(2026, {"sections": DEFAULT_SECTIONS})
    with pytest.raises(ValidationError) as exc:
        repo.finalise(r.id, {})
    assert set(exc.value.errors) == {"report_on", "signer_name"}
    with pytest.raises(ValidationError):
        repo.save(1800, {"sections": DEFAULT_SECTIONS})


def test_excel_has_one_sheet_per_section_and_the_tables(store, today, fake_providers, tmp_path):
    sections = [s.as_dict() for s in section_template(store)]
    sections[0]["text"] = "Đơn vị duy trì áp dụng HTQLCL.\nĐoạn thứ hai."
    ReportRepository(store).save(2026, {"sections": sections, "report_on": "10/11/2026"})
    data = build_report(store, 2026, today=today)
    wb = load_workbook(write_xlsx(tmp_path / "bc.xlsx", data))
    names = wb.sheetnames
    assert names[0] == "Thông tin chung"
    assert [n for n in names if n[0].isdigit()] == [
        "1. Tình hình xây dựng, áp dụng", "2. Đào tạo, kiểm tra nhận thức",
        "3. Hệ thống tài liệu, quy trình", "4. Đánh giá nội bộ, sự không ph",
        "5. Xem xét của lãnh đạo", "6. Đánh giá chung", "6.1. Ưu điểm",
        "6.2. Tồn tại, hạn chế, khó khăn", "6.3. Nguyên nhân của tồn tại, h",
        "7. Kiến nghị, đề xuất"]
    assert wb[names[0]]["B12"].value == "Năm 2026 (01/01/2026 – 31/12/2026)"
    tables = [n for n in names if n.startswith("PL")]
    assert len(tables) == 7 and tables[0].startswith("PLI Kế hoạch")
    training = wb[names[2]]
    values = [(r[0], r[1]) for r in training.iter_rows(min_row=4, max_row=12, values_only=True)]
    assert ("Số cán bộ đạt yêu cầu", 33) in values
    first = wb[names[1]]
    assert "Đơn vị duy trì áp dụng HTQLCL." in [c.value for c in first["A"]]
    pl = wb[[n for n in tables if "chưa đạt" in n][0]]
    assert [c.value for c in pl[2]] == ["TT", "Mã cán bộ", "Họ và tên", "Phòng/Bộ phận"]
    assert pl["C3"].value == "Bùi Thanh Tâm"


def test_pdf_in_the_official_layout(store, today, fake_providers, tmp_path):
    sections = [s.as_dict() for s in section_template(store)]
    sections[9]["text"] = "Đề nghị BHXH tỉnh tổ chức tập huấn đánh giá viên nội bộ."
    sections[6]["text"] = "Hồ sơ giải quyết đúng hẹn tăng."
    repo = ReportRepository(store)
    values = {"number": "", "report_on": "10/11/2026",
              "recipient": "Bảo hiểm xã hội tỉnh Thử Thách",
              "signer_title": "Giám đốc", "signer_name": "Phạm Quốc Hùng",
              "sections": sections}
    r = repo.save(2026, values)
    write_pdf_report(tmp_path / "blank.pdf", build_report(store, 2026, today=today))
    # no number yet: the "Số:" line is printed with room to write it by hand
    assert re.search(r"Số:\s+/BC-" + re.escape(store.unit_code), pdf_text(tmp_path / "blank.pdf"))
    r = repo.save(2026, {**values, "number": "45/BC-BHXH"}, expected_version=r.version)
    draft = build_report(store, 2026, today=today)
    write_pdf_report(tmp_path / "draft.pdf", draft)
    assert "DỰ THẢO" in pdf_text(tmp_path / "draft.pdf")
    repo.finalise(r.id, draft.snapshot())
    final = build_report(store, 2026, today=today)
    pages = write_pdf_report(tmp_path / "bc.pdf", final)
    text = pdf_text(tmp_path / "bc.pdf")
    assert pages >= 3 and "DỰ THẢO" not in text
    for expected in ("BẢO HIỂM XÃ HỘI HUYỆN THỬ NGHIỆM", "Số: 45/BC-BHXH",
                     "Thử Nghiệm, ngày 10 tháng 11 năm 2026", "BÁO CÁO",
                     "Kính gửi: Bảo hiểm xã hội tỉnh Thử Thách.", "I. TÌNH HÌNH XÂY DỰNG",
                     "Kỳ báo cáo: năm 2026 (từ ngày 01/01/2026 đến ngày 31/12/2026); số liệu "
                     "tính đến ngày 15/06/2026.",
                     "Công bố HTQLCL phù hợp TCVN ISO 9001:2015: chưa công bố;",
                     "VI. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "Hồ sơ giải quyết đúng hẹn tăng.",
                     "2. Tồn tại, hạn chế", "3. Nguyên nhân",
                     "VII. KIẾN NGHỊ, ĐỀ XUẤT", "Đề nghị BHXH tỉnh tổ chức tập huấn",
                     "Số cán bộ đạt yêu cầu: 33;", "Nơi nhận:", "Phạm Quốc Hùng", "PHỤ LỤC I",
                     "(Kèm theo Báo cáo số 45/BC-BHXH ngày 10/11/2026"):
        assert expected in text, expected


def _two_years_of_records(store, today):
    from desktop.models.iso.documents import DocumentRepository
    from desktop.models.iso.plan import PlanRepository
    from desktop.models.iso.policy import PolicyRepository
    from desktop.models.iso.reviews import ReviewRepository

    team = TeamRepository(store)
    team.add_decision({"number": "10/QĐ-BHXH", "signed_on": "01/03/2024"}, today=today)
    team.add_decision({"number": "20/QĐ-BHXH", "signed_on": "01/02/2026"}, today=today)
    team.add({"full_name": "Đỗ Minh Khôi", "role": "member"})
    policies = PolicyRepository(store)
    for day in ("05/01/2024", "05/01/2026"):
        policies.add({"kind": "policy", "body": "Phục vụ tận tình", "issued_by": "Giám đốc",
                      "issued_on": day}, today=today)
    plan = PlanRepository(store)
    plan.add({"title": "Xây dựng quy trình", "due_on": "01/10/2025", "status": "done",
              "completed_on": "01/03/2026"}, today=today)
    plan.add({"title": "Đào tạo", "due_on": "01/06/2025", "status": "done",
              "completed_on": "01/05/2025"}, today=today)
    docs = DocumentRepository(store)
    first = docs.add({"code": "QT-01", "title": "Quy trình thu", "kind": "form"})
    docs.approve(first.id, approver="GĐ", approved_on="01/03/2025", today=today)
    docs.put_in_force(first.id, effective_on="02/03/2025", today=today)
    second = docs.new_version(first.id)
    docs.approve(second.id, approver="GĐ", approved_on="01/04/2026", today=today)
    docs.put_in_force(second.id, effective_on="02/04/2026", today=today)
    reviews = ReviewRepository(store)
    for day in ("10/11/2025", "01/05/2026"):
        reviews.add({"held_on": day, "chair": "Giám đốc", "participants": "Tổ ISO"}, today=today)
    ncs = NonconformityRepository(store)
    nc = ncs.add({"description": "Sai mẫu", "detected_on": "01/10/2025", "due_on": "01/11/2025"},
                 today=today)
    ncs.advance(nc.id, "planned", {"cause": "C", "corrective_action": "A", "owner": "B",
                                   "planned_on": "02/10/2025"}, today=today)
    ncs.advance(nc.id, "in_progress", {"started_on": "03/10/2025"}, today=today)
    ncs.advance(nc.id, "verified", {"effectiveness": "Đạt", "checked_by": "GĐ",
                                    "checked_on": "01/02/2026"}, today=today)
    ncs.advance(nc.id, "closed", {"closed_on": "02/02/2026"}, today=today)


def test_a_past_year_shows_the_state_on_31_december(store, today, fake_providers):
    _two_years_of_records(store, today)
    data = build_report(store, 2025, today=today)
    facts = {k: dict((label, value) for label, value in v) for k, v in data.facts.items()}
    qms = facts["qms"]
    assert qms["Tình trạng hệ thống tính đến ngày"] == "31/12/2025"
    assert qms["Quyết định thành lập/kiện toàn Tổ"] == "10/QĐ-BHXH ngày 01/03/2024"
    assert qms["Chính sách chất lượng hiện hành"] == "ban hành ngày 05/01/2024"
    assert qms["Mốc kế hoạch chuyển đổi đã hoàn thành"] == "1/2"
    assert qms["Mốc kế hoạch quá hạn chưa hoàn thành"] == 1
    assert qms["Số thành viên Tổ triển khai ISO (tại thời điểm lập báo cáo)"] == 1
    assert "Số cán bộ đang làm việc (tại thời điểm lập báo cáo)" in facts["training"]
    d = facts["documents"]
    assert (d["— đang hiệu lực"], d["— hết hiệu lực"], d["Tổng số tài liệu (mọi phiên bản)"]) \
        == (1, 0, 1)
    assert facts["review"]["Lần xem xét gần nhất"] == "10/11/2025"
    assert (facts["audits"]["— đã đóng"], facts["audits"]["— chưa đóng"],
            facts["audits"]["— quá hạn khắc phục"]) == (0, 1, 1)
    plan_rows = {r[1]: (r[4], r[5]) for r in data.tables["plan"].rows}
    assert plan_rows["Xây dựng quy trình"] == ("Chưa hoàn thành (quá hạn)", "")
    assert plan_rows["Đào tạo"] == ("Hoàn thành", "01/05/2025")
    assert [(r[5], r[6]) for r in data.tables["documents"].rows] == [("01", "Đang hiệu lực")]
    nc = dict(zip(data.tables["nonconformities"].headers, data.tables["nonconformities"].rows[0]))
    assert nc["Giai đoạn"] == "Đang khắc phục (quá hạn)"
    assert nc["Ngày đóng"] == "" and nc["Kiểm tra hiệu lực"] == ""    # checked in 2026
    assert nc["Nguyên nhân"] == "C" and nc["Hành động khắc phục"] == "A"
    assert data.cut_off == _dt.date(2025, 12, 31)
    assert "số liệu tính đến ngày 31/12/2025" in data.period_line
    from desktop.models.iso.report_data import effectiveness_text
    checked = NonconformityRepository(store).list()[0]
    assert effectiveness_text(checked) == "Đạt (GĐ, 01/02/2026)"
    assert effectiveness_text(checked, "2025-12-31") == ""
    assert "tại thời điểm lập báo cáo" in data.tables["team"].title


def test_the_current_year_shows_today(store, today, fake_providers):
    _two_years_of_records(store, today)
    data = build_report(store, 2026, today=today)
    facts = {k: dict((label, value) for label, value in v) for k, v in data.facts.items()}
    qms = facts["qms"]
    assert "Tình trạng hệ thống tính đến ngày" not in qms
    assert qms["Quyết định thành lập/kiện toàn Tổ"] == "20/QĐ-BHXH ngày 01/02/2026"
    assert qms["Số thành viên Tổ triển khai ISO"] == 1
    assert qms["Mốc kế hoạch chuyển đổi đã hoàn thành"] == "2/2"
    assert facts["review"]["Lần xem xét gần nhất"] == "01/05/2026"
    assert "as_of" not in data.figures["records"]
    assert all("tại thời điểm" not in str(row) for rows in data.facts.values() for row in rows)


def test_the_announcement_line_follows_the_plan(store, today):
    """"Công bố HTQLCL": not yet, then done on the day the milestone was completed, with the
    decision linked as its evidence; a past year's report shows it only when done by then."""
    from desktop.models.iso.plan import PlanRepository
    from desktop.models.iso.report_data import ANNOUNCEMENT_LABEL, announcement

    plan = PlanRepository(store)
    item = plan.add({"title": "Công bố HTQLCL phù hợp TCVN ISO 9001:2015",
                     "due_on": "31/05/2026"}, today=today)
    assert announcement(store) == "chưa công bố"
    plan.set_status(item.id, "done", "28/05/2026", today=today)
    from desktop.models.iso.documents import DocumentRepository
    decision = DocumentRepository(store).add({
        "code": "130/QĐ-BHXH", "title": "Quyết định công bố HTQLCL phù hợp TCVN ISO 9001:2015",
        "kind": "other"})
    plan.link(item.id, "document", decision.id)
    text = announcement(store)
    assert text.startswith("đã công bố ngày 28/05/2026 (") and "130/QĐ-BHXH" in text
    assert announcement(store, "2025-12-31") == "chưa công bố"
    facts = dict(build_report(store, 2026, today=today).facts["qms"])
    assert facts[ANNOUNCEMENT_LABEL].startswith("đã công bố ngày 28/05/2026")
