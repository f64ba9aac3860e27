"""`isodesk` headless: init, users, staff, db, demo, exit codes."""
import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook


ROOT = Path(__file__).resolve().parents[2]


def test_init_then_refuses_a_second_init(cli, cli_json, empty_dir):
    out = cli_json("--data-dir", empty_dir, "init", "--unit-code", "bhxhst", "--unit-name",
                   "Bảo hiểm xã hội huyện Sông Trà", "--level", "district", "--parent-code",
                   "BHXHLG", "--admin-user", "admin", "--admin-name", "Phạm Quốc Hùng",
                   "--password-stdin", stdin="mat-khau-123\n")
    assert out == {"unit_code": "BHXHST", "level": "district", "admin": "admin",
                   "data_dir": str(empty_dir)}
    code, _, err = cli("--data-dir", empty_dir, "init", "--unit-code", "X", "--unit-name", "Y",
                       "--level", "district", "--admin-user", "a", "--admin-name", "B",
                       "--password-stdin", stdin="mat-khau-123\n")
    assert code == 1 and "đã được khai báo" in err


def test_init_with_bad_values_names_each(cli, empty_dir):
    code, _, err = cli("--data-dir", empty_dir, "init", "--unit-code", "??", "--unit-name", "",
                       "--level", "district", "--admin-user", "x", "--admin-name", "",
                       "--password-stdin", stdin="123\n")
    assert code == 1
    assert "Mã đơn vị" in err and "tên đơn vị" in err
    # Nothing half-made: no unit was declared, so the folder still needs `init`.
    code, _, err = cli("--data-dir", empty_dir, "staff", "list")
    assert code == 1 and "isodesk init" in err


def test_usage_errors_exit_2(cli, data_dir):
    assert cli("--data-dir", data_dir, "staff", "frobnicate")[0] == 2
    assert cli("--data-dir", data_dir, "user", "add")[0] == 2
    assert cli("--bogus-flag")[0] == 2


def test_data_dir_is_taken_after_the_subcommand_too(cli_json, data_dir, empty_dir):
    before = cli_json("--data-dir", data_dir, "user", "list")
    assert before["users"]
    assert cli_json("user", "list", "--data-dir", data_dir) == before
    # both places: the later one (after the subcommand) counts
    assert cli_json("--data-dir", empty_dir, "user", "list", "--data-dir", data_dir) == before


def test_usage_errors_and_help_are_in_vietnamese(cli, data_dir):
    code, _, err = cli("--data-dir", data_dir, "init", "--level", "town")
    assert code == 2
    assert "Cách dùng: isodesk init" in err
    assert "tham số --level: giá trị 'town' không hợp lệ (chọn một trong: 'district', " \
           "'province')" in err
    code, _, err = cli("--data-dir", data_dir, "staff", "frobnicate")
    assert code == 2 and "giá trị 'frobnicate' không hợp lệ" in err
    code, _, err = cli("--data-dir", data_dir, "user", "add")
    assert "thiếu tham số bắt buộc: username, --full-name, --role" in err
    code, _, err = cli("--bogus-flag")
    assert "tham số không nhận ra: --bogus-flag" in err
    code, _, err = cli("--data-dir", data_dir, "quiz", "stats", "--session")
    assert "tham số --session: cần một giá trị" in err
    code, _, err = cli("--data-dir", data_dir, "training", "create", "--date", "2026-11-20",
                       "--place", "Hội trường", "--questions", "hai mươi")
    assert "tham số --questions: 'hai mươi' không phải số nguyên" in err
    for args in ((), ("sync",), ("training", "create")):
        code, out, _ = cli(*args, "--help")
        assert code == 0
        assert out.startswith("Cách dùng: isodesk")
        assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in out


def test_user_add_and_list(cli_json, data_dir):
    out = cli_json("--data-dir", data_dir, "user", "add", "thuky", "--full-name",
                   "Ngô Thị Thư Ký", "--role", "iso_team", "--password-stdin",
                   stdin="mat-khau-456\n")
    assert out["username"] == "thuky" and out["role"] == "iso_team"
    listed = cli_json("--data-dir", data_dir, "user", "list")
    assert "thuky" in [u["username"] for u in listed["users"]]
    cli_json("--data-dir", data_dir, "user", "add", "thuky", "--full-name", "X", "--role",
             "proctor", "--password-stdin", stdin="mat-khau-456\n", expect=1)


def _sheet(path: Path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã cán bộ", "Họ và tên", "Chức vụ", "Phòng/Bộ phận", "Điện thoại", "Email",
               "Đang làm việc"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_staff_import_list_export(cli_json, data_dir, tmp_path):
    path = _sheet(tmp_path / "ds.xlsx", [
        ["B1", "Nguyễn Văn Bình", "Viên chức", "Tổ Thu", 912000111, None, "Có"],
        ["A1", "Trần Văn An", "Tổ trưởng", "Tổ Thu", None, None, None],
        [None, None, None, None, None, None, None],
        ["A1", "Lê Văn Trùng", None, None, None, None, None],
        ["C1", None, None, None, None, None, None],
    ])
    # bad rows: the dry run says so with the exit code the import would have (one policy)
    dry = cli_json("--data-dir", data_dir, "staff", "import", path, "--dry-run", expect=1)
    assert dry["would_add"] == 2 and dry["dry_run"] is True and "added" not in dry
    assert cli_json("--data-dir", data_dir, "staff", "list")["staff"] == []
    refused = cli_json("--data-dir", data_dir, "staff", "import", path, expect=1)
    assert refused["refused"] and refused["added"] == 0
    assert cli_json("--data-dir", data_dir, "staff", "list")["staff"] == []
    res = cli_json("--data-dir", data_dir, "staff", "import", path, "--accept-good")
    assert (res["added"], res["updated"], res["skipped"]) == (2, 0, 0)
    assert [e["row"] for e in res["errors"]] == [5, 6]
    assert res["converted_cells"] == [] and res["sheet"] == "Sheet"
    staff = cli_json("--data-dir", data_dir, "staff", "list")["staff"]
    assert [s["full_name"] for s in staff] == ["Trần Văn An", "Nguyễn Văn Bình"]
    assert staff[1] == {"staff_code": "B1", "full_name": "Nguyễn Văn Bình",
                        "position": "Viên chức", "department": "Tổ Thu",
                        "phone": "0912000111", "email": "", "active": True, "exempt": False,
                        "exempt_reason": "", "rank": "", "birth_date": "", "gender": ""}
    out = cli_json("--data-dir", data_dir, "staff", "export", tmp_path / "out.xlsx")
    assert out["count"] == 2 and (tmp_path / "out.xlsx").exists()


def test_staff_exempt_marks_and_clears(cli, cli_json, data_dir, tmp_path):
    path = _sheet(tmp_path / "ds.xlsx", [["BV1", "Lê Văn Gác", "Bảo vệ", "Tổ Hành chính",
                                          None, None, None]])
    cli_json("--data-dir", data_dir, "staff", "import", path)
    code, _out, err = cli("--data-dir", data_dir, "staff", "exempt", "BV1", "--reason", " ")
    assert code == 1 and "lý do" in err
    assert cli("--data-dir", data_dir, "staff", "exempt", "BV1")[0] == 2     # reason or --clear
    assert cli("--data-dir", data_dir, "staff", "exempt", "XX9", "--clear")[0] == 1
    marked = cli_json("--data-dir", data_dir, "staff", "exempt", "BV1", "--reason",
                      "Bảo vệ hợp đồng")
    assert marked["exempt"] is True and marked["exempt_reason"] == "Bảo vệ hợp đồng"
    code, out, _err = cli("--data-dir", data_dir, "quiz", "coverage")
    assert "Không thuộc diện kiểm tra (1)" in out and "Bảo vệ hợp đồng" in out
    assert "thuộc diện kiểm tra: 0" in out
    # a re-import of the roster keeps the mark
    cli_json("--data-dir", data_dir, "staff", "import", path)
    assert cli_json("--data-dir", data_dir, "staff", "list")["staff"][0]["exempt"] is True
    cleared = cli_json("--data-dir", data_dir, "staff", "exempt", "BV1", "--clear")
    assert cleared["exempt"] is False and cleared["exempt_reason"] == ""


def test_staff_import_of_a_broken_file_fails_cleanly(cli, data_dir, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("không phải excel")
    code, out, err = cli("--data-dir", data_dir, "staff", "import", bad, "--json")
    assert code == 1 and "không phải Excel" in err and out == ""


def test_db_check_and_backup(cli_json, data_dir):
    check = cli_json("--data-dir", data_dir, "db", "check")
    assert check["ok"] and check["integrity"] == "ok" and check["audit"]["ok"]
    backup = cli_json("--data-dir", data_dir, "db", "backup")
    assert Path(backup["backup"]).exists()


def test_db_check_reports_a_broken_chain(cli, data_dir):
    import sqlite3
    conn = sqlite3.connect(data_dir / "isodesk.sqlite")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    conn.commit()
    conn.close()
    code, out, err = cli("--data-dir", data_dir, "db", "check", "--json")
    assert code == 1 and "Mục số 2" in err
    assert json.loads(out)["audit"]["first_bad_seq"] == 2


def test_demo_creates_its_own_district_without_gui(cli_json, tmp_path):
    folder = tmp_path / "demo"
    out = cli_json("--data-dir", folder, "demo", "--no-gui")
    assert out["created"] is True and out["unit_code"] == "BHXHST"
    assert 35 <= out["staff"] <= 45
    again = cli_json("--data-dir", folder, "demo", "--no-gui")
    assert again["created"] is False  # never overwritten
    staff = cli_json("--data-dir", folder, "staff", "list")["staff"]
    assert any(not s["active"] for s in staff)


def test_data_dir_from_environment(monkeypatch, cli_json, data_dir):
    monkeypatch.setenv("ISODESK_DATA_DIR", str(data_dir))
    assert cli_json("staff", "list") == {"staff": []}


def test_version_and_selftest_as_processes(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ISODESK_DATA_DIR": str(tmp_path)}
    v = subprocess.run([sys.executable, "-m", "desktop", "--version"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    assert v.returncode == 0 and v.stdout.startswith("isodesk ")
    st = subprocess.run([sys.executable, "-m", "desktop", "--selftest"], cwd=ROOT, env=env,
                        capture_output=True, text=True, timeout=120)
    assert st.returncode == 0, st.stdout + st.stderr
    assert "selftest passed" in st.stdout and "[FAIL]" not in st.stdout
    for part in ("database ok", "pdf ok", "excel ok", "printing ok", "crypto ok",
                 "quiz server ok"):
        assert f"[ OK ] {part}" in st.stdout, st.stdout
    assert list(tmp_path.iterdir()) == []  # the real data folder was not touched
