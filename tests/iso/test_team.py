"""The ISO team: members from the roster or outside, roles, the decision, and the VSS list."""
from __future__ import annotations

import re

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.output.iso.team_list import TeamListData, export_team_pdf, export_team_xlsx
from desktop.models import audit
from desktop.models.errors import ValidationError
from desktop.models.iso.team import TeamRepository
from desktop.models.staff import StaffRepository


def test_member_from_roster_copies_the_details(store, roster):
    repo = TeamRepository(store)
    m = repo.add_from_roster("st002", "deputy", "Thư ký tổng hợp")
    assert (m.full_name, m.position, m.phone) == ("Lê Thị Thu Hà", "Tổ trưởng", "0912000002")
    assert m.work_unit == "Tổ Hành chính - Tổng hợp"
    assert m.staff_id == roster["ST002"].id and not m.external


def test_external_member_and_phone_from_excel_number(store):
    m = TeamRepository(store).add({"full_name": "  Đỗ  Minh Khôi ", "role": "member",
                                   "position": "Chuyên gia tư vấn", "phone": 912345678.0,
                                   "work_unit": "Công ty tư vấn ISO"})
    assert m.full_name == "Đỗ Minh Khôi" and m.phone == "0912345678" and m.external


def test_one_head_only_and_no_person_twice(store, roster):
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    with pytest.raises(ValidationError) as exc:
        repo.add_from_roster("ST002", "head")
    assert "Tổ trưởng" in exc.value.errors["role"] and "Phạm Quốc Hùng" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        repo.add_from_roster("ST001", "member")
    assert "đã có trong Tổ" in exc.value.message
    with pytest.raises(ValidationError):
        repo.add({"full_name": "Ai Đó", "role": "chairman"})
    with pytest.raises(ValidationError) as exc:
        repo.add_from_roster("ST999", "member")
    assert "ST999" in exc.value.message


def test_members_sorted_by_role_then_vietnamese_given_name(store, roster):
    repo = TeamRepository(store)
    repo.add_from_roster("ST003", "member")
    repo.add_from_roster("ST004", "secretary")
    repo.add_from_roster("ST002", "member")
    repo.add_from_roster("ST001", "head")
    names = [m.full_name for m in repo.members()]
    # Hà before Thành (given names), the secretary last
    assert names == ["Phạm Quốc Hùng", "Lê Thị Thu Hà", "Nguyễn Văn Thành", "Trần Thị Hồng Nhung"]


def test_refresh_from_roster_and_history(store, roster):
    repo = TeamRepository(store)
    m = repo.add_from_roster("ST003", "member")
    StaffRepository(store).update(roster["ST003"].id, {"position": "Phó Tổ trưởng",
                                                       "phone": "0987000003"})
    m = repo.refresh_from_roster(m.id)
    assert (m.position, m.phone) == ("Phó Tổ trưởng", "0987000003")
    entries = audit.history(store, "iso_team_members", m.id)
    assert [e["action"] for e in entries] == ["insert", "update"]
    assert entries[1]["old"]["position"] == "Viên chức"


def test_decisions_current_is_latest_and_dates_checked(store, today):
    repo = TeamRepository(store)
    repo.add_decision({"number": "45/QĐ-BHXH", "signed_on": "12/03/2019"}, today=today)
    repo.add_decision({"number": "112/QĐ-BHXH", "signed_on": "2020-06-01",
                       "signer": "Phạm Quốc Hùng"}, today=today)
    assert repo.current_decision().number == "112/QĐ-BHXH"
    with pytest.raises(ValidationError) as exc:
        repo.add_decision({"number": "1/QĐ", "signed_on": "16/06/2026"}, today=today)
    assert "không được sau hôm nay" in exc.value.errors["signed_on"]
    with pytest.raises(ValidationError) as exc:
        repo.add_decision({"number": "", "signed_on": "31/02/2026"}, today=today)
    assert set(exc.value.errors) == {"number", "signed_on"}


def _list_data(store, attachment=False):
    repo = TeamRepository(store)
    return TeamListData(unit_name="Bảo hiểm xã hội huyện Thử Nghiệm",
                        parent_name="Bảo hiểm xã hội tỉnh Thử Thách", place="Thử Nghiệm",
                        team_name="Tổ triển khai ISO", members=repo.members(),
                        decision=repo.current_decision(), signer_title="Giám đốc",
                        signer_name="Phạm Quốc Hùng", day=dt.date(2026, 3, 5),
                        unit_code="BHXHTEST", attachment=attachment)


def test_team_list_excel_has_the_columns_vss_asks_for(store, roster, today, tmp_path):
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    repo.add({"full_name": "Đỗ Minh Khôi", "role": "member", "phone": "0912345678",
              "position": "Chuyên gia", "work_unit": "Công ty tư vấn"})
    repo.add_decision({"number": "112/QĐ-BHXH", "signed_on": "01/06/2020"}, today=today)
    path = export_team_xlsx(tmp_path / "to-iso.xlsx", _list_data(store))
    ws = load_workbook(path).active
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(rows) if r[0] == "STT")
    assert rows[header_at][:6] == ("STT", "Họ và tên", "Chức danh", "Đơn vị công tác",
                                   "Số điện thoại", "Nhiệm vụ trong Tổ")
    assert rows[header_at + 1][1:6] == ("Phạm Quốc Hùng", "Giám đốc", "Ban Giám đốc",
                                        "0912000001", "Tổ trưởng")
    assert rows[header_at + 2][4] == "0912345678"
    assert ws.cell(row=header_at + 2, column=5).number_format == "@"
    assert any("112/QĐ-BHXH" in str(r[0]) for r in rows[:header_at])


def test_team_list_pdf_official_layout(store, roster, today, tmp_path):
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    repo.add_from_roster("ST002", "secretary")
    repo.add_decision({"number": "112/QĐ-BHXH", "signed_on": "01/06/2020"}, today=today)
    pages = export_team_pdf(tmp_path / "to-iso.pdf", _list_data(store))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "to-iso.pdf").pages)
    assert pages == 1
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "DANH SÁCH",
                     "Tổ triển khai ISO của Bảo hiểm xã hội huyện Thử Nghiệm",
                     "Thành lập, kiện toàn theo Quyết định số 112/QĐ-BHXH ngày 01/06/2020",
                     "Lê Thị Thu Hà", "0912000002", "Thư ký",
                     "Thử Nghiệm, ngày 05 tháng 3 năm 2026", "Nơi nhận:", "GIÁM ĐỐC"):
        assert expected in text, expected
    # a document of its own: its own number line, and no claim to be an attachment
    assert re.search(r"Số:\s+/DS-BHXHTEST", text) and "Kèm theo" not in text


def test_team_list_as_the_attachment_of_the_decision(store, roster, today, tmp_path):
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    repo.add_decision({"number": "112/QĐ-BHXH", "signed_on": "01/06/2020"}, today=today)
    export_team_pdf(tmp_path / "pl.pdf", _list_data(store, attachment=True))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "pl.pdf").pages)
    assert "(Kèm theo Quyết định số 112/QĐ-BHXH ngày 01/06/2020 của Giám đốc Bảo hiểm xã hội " \
           "huyện Thử Nghiệm)" in " ".join(text.split())
    assert "BẢO HIỂM XÃ HỘI HUYỆN THỬ NGHIỆM" in " ".join(text.split())
    assert "Phạm Quốc Hùng" in text
    for absent in ("Số:", "CỘNG HÒA", "Nơi nhận", "ngày 05 tháng 3 năm 2026", "GIÁM ĐỐC"):
        assert absent not in text, absent
    # without a decision there is nothing to attach to: a document of its own
    assert not TeamListData("U", "P", "X", "Tổ", [], None, attachment=True).as_attachment


def test_members_who_left_the_unit_are_marked_not_dropped(store, roster, tmp_path):
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    repo.add_from_roster("ST003", "member")
    repo.add({"full_name": "Đỗ Minh Khôi", "role": "member", "position": "Chuyên gia"})
    StaffRepository(store).set_active(roster["ST003"].id, False)
    status = {m.full_name: (m.staff_active, m.has_left) for m in repo.members()}
    assert status == {"Phạm Quốc Hùng": (True, False), "Nguyễn Văn Thành": (False, True),
                      "Đỗ Minh Khôi": (None, False)}
    public = {m.full_name: m.as_public()["staff_active"] for m in repo.members()}
    assert public["Nguyễn Văn Thành"] is False
    data = _list_data(store)
    assert [m.full_name for m in data.members_who_left] == ["Nguyễn Văn Thành"]
    assert "không còn công tác tại đơn vị (Nguyễn Văn Thành)" in data.left_warning
    path = export_team_xlsx(tmp_path / "to.xlsx", data)
    names = [r[1] for r in load_workbook(path).active.iter_rows(values_only=True)]
    assert "Nguyễn Văn Thành" in names


def test_an_empty_team_list_is_not_exported(store, tmp_path):
    for writer, name in ((export_team_xlsx, "to.xlsx"), (export_team_pdf, "to.pdf")):
        with pytest.raises(ValidationError) as exc:
            writer(tmp_path / name, _list_data(store))
        assert "chưa có thành viên nào" in exc.value.message
        assert not (tmp_path / name).exists()
