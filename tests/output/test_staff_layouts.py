"""Staff lists laid out as offices lay them out (tests/fixtures/staff, see its README): the
sheet and the columns the person sees, split names joined, the official two-row header with
merged cells, the numbering row and footer set aside, the wordings offices use, a clear message
for a missing column, dates of birth, gender and ngạch kept; one bad-row policy with the quiz
importer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.output.roster_xlsx import read_roster
from desktop.output.xlsx_table import HeaderNotFound
from desktop.models.staff import StaffRepository
from tests.cli_auth import run_cli

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "staff"


def values(roster) -> dict:
    return {r.values["staff_code"]: r.values for r in roster.rows}


def test_hidden_sheets_are_not_read_unless_named():
    roster = read_roster(FILES / "ho-dem-ten-trang-an.xlsx")
    assert roster.sheet == "Danh sách 2025" and roster.hidden_sheets == ["Danh sach cu 2019"]
    assert "OLD01" not in values(roster)
    old = read_roster(FILES / "ho-dem-ten-trang-an.xlsx", sheet="Danh sach cu 2019")
    assert list(values(old)) == ["OLD01"]


def test_several_visible_sheets_name_the_others_and_one_can_be_chosen():
    roster = read_roster(FILES / "ho-dem-ten-ba-cot-hai-trang.xlsx")
    assert roster.sheet == "Khối nghiệp vụ" and roster.other_sheets == ["Hợp đồng"]
    other = read_roster(FILES / "ho-dem-ten-ba-cot-hai-trang.xlsx", sheet="hợp đồng")
    assert values(other)["HD01"]["full_name"] == "Bùi Văn Ẩn"


def test_split_name_columns_are_joined():
    two = values(read_roster(FILES / "ho-dem-ten-trang-an.xlsx"))
    assert two["CB101"]["full_name"] == "Nguyễn Văn Hùng"
    assert two["CB102"]["full_name"] == "Lê Thị Thu Hà"
    three = values(read_roster(FILES / "ho-dem-ten-ba-cot-hai-trang.xlsx"))
    assert three["NV01"]["full_name"] == "Hoàng Thị Mai"
    assert three["NV02"]["full_name"] == "Võ Nam"          # no middle name


def test_the_official_form_two_row_header_numbering_row_and_footer(store):
    roster = read_roster(FILES / "mau-chinh-thuc-tieu-de-hai-dong.xlsx")
    assert roster.header_rows == (5, 6)
    got = values(roster)
    assert list(got) == ["CB001", "CB002", "CB003", "CB004"]
    assert got["CB001"]["email"] == "hung.nv@example.vn"       # under "Liên hệ", row 2
    assert got["CB002"]["phone"] == "0987654321"
    reasons = {x["row"]: x["reason"] for x in roster.set_aside}
    assert "đánh số" in reasons[7] and "I. BAN GIÁM ĐỐC" in reasons[8]
    assert all("chữ ký" in reasons[r] for r in (15, 16, 17, 20))
    plan = StaffRepository(store).plan_import(roster.rows)
    assert not plan.errors                     # neither footer nor numbering is a bad row
    StaffRepository(store).apply_import(plan)
    hung = StaffRepository(store).by_code("CB001")
    assert (hung.birth_date, hung.gender, hung.rank, hung.department) == \
        ("1975-03-12", "nam", "Chuyên viên chính", "Ban Giám đốc")
    ha = StaffRepository(store).by_code("CB002")
    assert (ha.birth_date, ha.gender) == ("1982-11-08", "nu")
    assert StaffRepository(store).by_code("CB003").birth_date == "1990"


def test_office_wordings_and_unused_columns_are_listed():
    roster = read_roster(FILES / "ho-dem-ten-trang-an.xlsx")
    assert values(roster)["CB102"]["department"] == "Bộ phận Một cửa"     # "Phòng/Tổ"
    assert roster.unused_columns == ["Số CCCD", "Quê quán"]
    form = read_roster(FILES / "mau-chinh-thuc-tieu-de-hai-dong.xlsx")
    assert values(form)["CB004"]["department"] == "Tổ Quản lý thu"        # "Đơn vị công tác"
    assert form.unused_columns == ["STT"]


def test_a_missing_column_is_named_with_the_wordings_accepted():
    with pytest.raises(HeaderNotFound) as caught:
        read_roster(FILES / "khong-co-ma-can-bo.xlsx")
    message = caught.value.message
    assert "thiếu cột Mã cán bộ" in message and "\"Mã CB\"" in message
    assert "Họ và tên" not in message.split("thiếu")[1].split("(")[0]


def test_one_policy_for_bad_rows_in_both_importers(data_dir, tmp_path, capsys):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Mã cán bộ", "Họ và tên"])
    ws.append(["A1", "Trần Văn An"])
    ws.append(["A2", ""])
    staff_file = tmp_path / "ds.xlsx"
    wb.save(staff_file)
    quiz_file = tmp_path / "q.aiken"
    quiz_file.write_text("Câu một?\nA) x\nB) y\nANSWER: A\n\nCâu hai?\nA) x\nANSWER: C\n",
                         encoding="utf-8")

    def run(*args):
        code = run_cli(["--data-dir", str(data_dir), *args, "--json"])
        captured = capsys.readouterr()
        return code, json.loads(captured.out), captured.err

    outcomes = {}
    for kind, path, unit in (("staff", staff_file, "dòng"), ("quiz", quiz_file, "câu")):
        dry = run(kind, "import", str(path), "--dry-run")
        refused = run(kind, "import", str(path))
        accepted = run(kind, "import", str(path), "--accept-good")
        outcomes[kind] = (dry[0], refused[0], accepted[0], refused[1]["refused"],
                          accepted[1]["refused"])
        assert f"Tệp có 1 {unit} lỗi: KHÔNG nhập {unit} nào" in refused[2]
        assert "--accept-good" in refused[2]
    assert outcomes["staff"] == outcomes["quiz"] == (1, 1, 0, True, False)
    assert _staff_count(data_dir) == 1


def _staff_count(data_dir) -> int:
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME

    s = open_store(Path(data_dir) / DB_FILENAME, actor="t")
    try:
        return StaffRepository(s).count(active_only=False)
    finally:
        s.close(clean=False)


def test_export_then_import_keeps_birth_gender_and_grade(store, tmp_path):
    from desktop.output.roster_xlsx import export_roster

    repo = StaffRepository(store)
    repo.add({"staff_code": "A1", "full_name": "Trần Văn An", "rank": "Chuyên viên",
              "birth_date": "12/05/1980", "gender": "Nam"})
    repo.add({"staff_code": "A2", "full_name": "Lê Thị Ánh", "birth_date": 1991, "gender": "nữ"})
    out = export_roster(tmp_path / "out.xlsx", repo.list())
    got = values(read_roster(out))
    assert (got["A1"]["rank"], got["A1"]["birth_date"], got["A1"]["gender"]) == \
        ("Chuyên viên", "12/05/1980", "Nam")
    plan = repo.plan_import(read_roster(out).rows)
    assert [r.action for r in plan.rows] == ["unchanged", "unchanged"]
    assert repo.by_code("A2").birth_date == "1991" and repo.by_code("A2").gender == "nu"
