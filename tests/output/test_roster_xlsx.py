"""Roster import/export with real Excel files: NFC, legacy fonts, duplicates, bad rows."""
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from desktop.output.roster_xlsx import COLUMNS, export_roster, read_roster, write_template
from desktop.models.errors import IsoDeskError
from desktop.models.staff import StaffRepository

HEADERS = [h for _, h, _ in COLUMNS]


def make_sheet(path: Path, rows: list[list], *, header_row: int = 1, fonts: dict | None = None,
               headers=HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    if header_row > 1:
        ws.cell(row=1, column=1, value="DANH SÁCH CÁN BỘ")
    for c, h in enumerate(headers, start=1):
        ws.cell(row=header_row, column=c, value=h)
    for r, row in enumerate(rows, start=header_row + 1):
        for c, v in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if fonts and (r, c) in fonts:
                cell.font = Font(name=fonts[(r, c)])
    wb.save(path)
    return path


def run_import(store, path, dry_run=False, accept_good=False):
    repo = StaffRepository(store)
    roster = read_roster(path)
    plan = repo.plan_import(roster.rows)
    plan.converted_cells = roster.converted
    return plan.summary() if dry_run else repo.apply_import(plan, accept_good=accept_good)


def test_template_round_trip_and_shipped_copy(tmp_path, store):
    path = write_template(tmp_path / "mau.xlsx")
    assert read_roster(path).rows == []  # nothing to delete before filling it in
    shipped = Path(__file__).resolve().parents[2] / "resources" / "templates" / "danh-sach-can-bo.xlsx"
    a, b = load_workbook(path), load_workbook(shipped)
    assert a.sheetnames == b.sheetnames == ["Danh sách cán bộ", "Hướng dẫn"]
    assert [c.value for c in a.active[3]] == [c.value for c in b.active[3]] == HEADERS


def test_good_rows_go_in_refused_rows_are_listed(tmp_path, store):
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    path = make_sheet(tmp_path / "ds.xlsx", [
        ["CB01", nfd_name, "Viên chức", "Một cửa", 912345678, "", "Có"],
        [None, None, None, None, None, None, None],                    # empty row: skipped
        ["CB02", "", "Viên chức", "", "", "", ""],                     # no name
        ["CB03", "Lê Văn Bình", "", "", "", "not-an-email", ""],       # bad email
        ["CB01", "Trần Văn Trùng", "", "", "", "", ""],                 # duplicate in file
        ["CB04", "Phạm Thị Dung", "", "", "", "", "Có lẽ"],            # bad active value
        ["CB05", "Hồ Văn Em", "", "", "0987654321", "", "Không"],
    ], header_row=2)
    dry = run_import(store, path, dry_run=True)
    assert (dry["added"], dry["updated"]) == (2, 0)
    assert StaffRepository(store).count(active_only=False) == 0  # the dry run wrote nothing
    refused = run_import(store, path)     # bad rows: nothing goes in (one policy for imports)
    assert refused["refused"] and refused["added"] == 0
    assert StaffRepository(store).count(active_only=False) == 0
    result = run_import(store, path, accept_good=True)
    assert (result["added"], result["updated"], result["skipped"]) == (2, 0, 0)
    errors = {e["row"]: e["message"] for e in result["errors"]}
    assert set(errors) == {5, 6, 7, 8}  # row numbers as Excel shows them
    assert "Thiếu họ và tên" in errors[5]
    assert "email" in errors[6]
    assert "trùng với dòng 3" in errors[7]
    assert "Có hoặc Không" in errors[8]
    repo = StaffRepository(store)
    tuyet = repo.by_code("CB01")
    assert tuyet.full_name == "Nguyễn Thị Ánh Tuyết"
    assert unicodedata.is_normalized("NFC", tuyet.full_name)
    assert tuyet.phone == "0912345678"
    assert repo.by_code("CB05").active is False


def test_reimport_updates_and_ignores_unchanged(tmp_path, store):
    path = make_sheet(tmp_path / "a.xlsx", [["CB01", "Trần Văn An", "Viên chức", "", "", "", ""]])
    run_import(store, path)
    again = run_import(store, path)
    assert (again["added"], again["updated"], again["skipped"]) == (0, 0, 1)
    path2 = make_sheet(tmp_path / "b.xlsx", [["CB01", "Trần Văn An", "Tổ trưởng", "", "", "", ""]])
    plan = StaffRepository(store).plan_import(read_roster(path2).rows)
    assert plan.rows[0].action == "update" and "chức vụ" in plan.rows[0].reason
    assert StaffRepository(store).apply_import(plan)["updated"] == 1
    assert StaffRepository(store).by_code("CB01").position == "Tổ trưởng"


def test_legacy_font_cells_are_converted_and_named(tmp_path, store):
    path = make_sheet(tmp_path / "cu.xlsx", [
        ["CB01", "Lª ThÞ B×nh", "ViÔn chøc", "Bé phËn Mét cöa", "", "", ""],
        ["CB02", "Nguyeãn Thò Höông", "Vieân chöùc", "", "", "", ""],
        ["CB03", "Trần Văn An", "", "", "", "", ""],
    ], fonts={(2, 2): ".VnTime", (2, 3): ".VnTime", (2, 4): ".VnArial",
              (3, 2): "VNI-Times", (3, 3): "VNI-Helve"})
    result = run_import(store, path)
    repo = StaffRepository(store)
    assert repo.by_code("CB01").full_name == "Lê Thị Bình"
    assert repo.by_code("CB01").department == "Bộ phận Một cửa"
    assert repo.by_code("CB02").full_name == "Nguyễn Thị Hương"
    assert repo.by_code("CB02").position == "Viên chức"
    assert repo.by_code("CB03").full_name == "Trần Văn An"
    cells = {(c["cell"], c["encoding"]) for c in result["converted_cells"]}
    assert cells == {("B2", "tcvn3"), ("C2", "tcvn3"), ("D2", "tcvn3"), ("B3", "vni"),
                     ("C3", "vni")}


def test_header_synonyms_and_missing_columns(tmp_path, store):
    path = make_sheet(tmp_path / "syn.xlsx", [["X9", "Đỗ Thị Hoa", "0912000111"]],
                      headers=["Mã CB", "Họ tên", "SĐT"])
    run_import(store, path)
    assert StaffRepository(store).by_code("X9").phone == "0912000111"
    bad = make_sheet(tmp_path / "bad.xlsx", [["a", "b"]], headers=["Cột A", "Cột B"])
    with pytest.raises(IsoDeskError, match="Không tìm thấy dòng tiêu đề"):
        read_roster(bad)


def test_not_an_excel_file(tmp_path):
    fake = tmp_path / "ds.xlsx"
    fake.write_bytes(b"this is not a zip")
    with pytest.raises(IsoDeskError, match="không phải Excel"):
        read_roster(fake)
    old = tmp_path / "ds.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(IsoDeskError, match=r"\.xls"):
        read_roster(old)


def test_export_then_import_changes_nothing(tmp_path, store):
    repo = StaffRepository(store)
    repo.add({"staff_code": "A1", "full_name": "Trần Văn An", "phone": "0912345678",
              "department": "Tổ Kiểm tra"})
    repo.add({"staff_code": "A2", "full_name": "Lê Thị Ánh", "active": False})
    out = export_roster(tmp_path / "out.xlsx", repo.list(), "BHXH huyện Thử")
    ws = load_workbook(out).active
    assert ws["C4"].value == "Trần Văn An" and ws["F4"].value == "0912345678"
    assert ws["C5"].value == "Lê Thị Ánh" and ws["H5"].value == "Không"
    result = run_import(store, out)
    assert (result["added"], result["updated"], result["errors"]) == (0, 0, [])


def test_import_can_deactivate_and_a_sheet_without_the_column_leaves_status_alone(tmp_path, store):
    repo = StaffRepository(store)
    repo.add({"staff_code": "A1", "full_name": "Trần Văn An"})
    repo.add({"staff_code": "A2", "full_name": "Lê Thị Ánh", "active": False})
    path = make_sheet(tmp_path / "s.xlsx", [["A1", "Trần Văn An", "", "", "", "", "Không"]])
    assert run_import(store, path)["updated"] == 1
    assert repo.by_code("A1").active is False
    no_col = make_sheet(tmp_path / "n.xlsx", [["A2", "Lê Thị Ánh", "Viên chức"]],
                        headers=["Mã cán bộ", "Họ và tên", "Chức vụ"])
    assert run_import(store, no_col)["updated"] == 1
    assert repo.by_code("A2").active is False and repo.by_code("A2").position == "Viên chức"


def test_export_tells_its_progress_and_a_stop_leaves_no_file(tmp_path, store):
    from desktop.models.progress import Cancelled

    repo = StaffRepository(store)
    for code, name in (("A1", "Trần Văn An"), ("A2", "Lê Thị Ánh"), ("A3", "Phạm Văn Ba")):
        repo.add({"staff_code": code, "full_name": name})
    out = tmp_path / "export"
    out.mkdir()
    told: list[tuple[int, int]] = []
    export_roster(out / "out.xlsx", repo.list(), progress=lambda d, t: told.append((d, t)))
    assert told == [(0, 3), (1, 3), (2, 3), (3, 3)]

    def stop(done: int, _total: int) -> None:
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_roster(out / "dung.xlsx", repo.list(), progress=stop)
    assert [p.name for p in out.iterdir()] == ["out.xlsx"]   # no temporary file left
