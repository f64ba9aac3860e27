"""The command line has roles: commands that change data take `--user` and the password on
stdin and check the role as the GUI does; reading commands need no account and can't write."""
from __future__ import annotations

import io
import sys

import pytest

from desktop.cli import build_parser, main
from desktop.cli.roles import PERMISSION_VI, RULES, leaves, rule_for
from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from tests.conftest import PASSWORD


def isodesk(capsys, argv, stdin: str | None = None) -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        code = main([str(a) for a in argv])
    finally:
        sys.stdin = old
    return code, capsys.readouterr().err


def audit_rows(data_dir, action: str) -> list[dict]:
    store = open_store(data_dir / DB_FILENAME)
    try:
        return store.query("SELECT actor, new FROM audit_log WHERE action = ?", (action,))
    finally:
        store.close(clean=False)


def test_every_command_has_a_rule_and_every_permission_is_the_guis():
    parser = build_parser()
    paths = {path for path, _ in leaves(parser)}
    assert paths == set(RULES)
    for rule in RULES.values():
        permission = rule[0] if isinstance(rule, tuple) else rule
        assert permission in users.PERMISSIONS or permission in (
            "read", "setup", "self", "preview", "local")
    assert set(PERMISSION_VI) == set(users.PERMISSIONS)


def test_user_add_needs_an_administrator(capsys, data_dir):
    base = ["--data-dir", data_dir, "user", "add", "thuky", "--full-name", "Ngô Thị Thư",
            "--role", "admin", "--password-stdin"]
    code, err = isodesk(capsys, base, "mat-khau-moi\n")              # no --user: usage error
    assert code == 2 and "--user" in err and "quản trị" in err
    code, err = isodesk(capsys, [*base, "--user", "giamthi"], f"{PASSWORD}\nmat-khau-moi\n")
    assert code == 1 and "không có quyền" in err and "giamthi" in err
    code, err = isodesk(capsys, [*base, "--user", "admin"], f"sai-mat-khau\nmat-khau-moi\n")
    assert code == 1 and "Sai tên đăng nhập hoặc mật khẩu" in err
    code, err = isodesk(capsys, [*base, "--user", "admin"], f"{PASSWORD}\nmat-khau-moi\n")
    assert code == 0, err
    store = open_store(data_dir / DB_FILENAME)
    try:
        assert users.find_user(store, "thuky").role == "admin"
        created = store.query_one("SELECT actor FROM audit_log WHERE action = 'user_create' "
                                  "AND new LIKE '%thuky%'")
        assert created["actor"] == "admin"                       # who acted, not "cli:root"
        refused = store.query("SELECT actor, new FROM audit_log WHERE action = 'cli_refused'")
        assert [r["actor"] for r in refused] == ["giamthi"] and "user add" in refused[0]["new"]
        assert store.scalar("SELECT count(*) FROM audit_log WHERE action = "
                            "'cli_login_failed'") == 1
    finally:
        store.close(clean=False)


def test_wrong_passwords_on_the_command_line_lock_the_account(capsys, data_dir, tmp_path):
    argv = ["--data-dir", data_dir, "staff", "import", tmp_path / "none.xlsx", "--user", "iso",
            "--password-stdin"]
    for _ in range(users.MAX_FAILED):
        assert isodesk(capsys, argv, "doan-mo\n")[0] == 1
    code, err = isodesk(capsys, argv, f"{PASSWORD}\n")            # right, but locked now
    assert code == 1 and "khóa" in err


@pytest.mark.parametrize("argv,allowed", [
    (["minutes", "create", "--from", "x.json"], {"admin", "iso", "tuvan"}),
    (["training", "create", "--date", "20/11/2026", "--place", "Hội trường"],
     {"admin", "iso", "tuvan"}),
    (["nc", "add", "--description", "x", "--detected", "01/02/2026"], {"admin", "iso"}),
    (["district", "accept-key", "H01", "--fingerprint", "AAAA"], {"admin"}),
    (["quiz", "kiosk-open", "x.isokiosk"], {"admin", "iso", "tuvan", "giamthi"}),
])
def test_roles_are_those_of_the_gui(capsys, data_dir, argv, allowed):
    for username in ("admin", "iso", "tuvan", "giamthi"):
        code, err = isodesk(capsys, ["--data-dir", data_dir, *argv, "--user", username,
                                     "--password-stdin"], f"{PASSWORD}\n")
        refused = "không có quyền" in err
        assert refused == (username not in allowed), (argv, username, err)


def test_reading_commands_need_no_account_and_cannot_write(capsys, data_dir):
    before = len(audit_rows(data_dir, "cli_login"))
    for argv in (["staff", "list"], ["user", "list"], ["minutes", "list"], ["db", "check"],
                 ["report", "deadline"], ["nc", "list"]):
        code, err = isodesk(capsys, ["--data-dir", data_dir, *argv])
        assert code in (0, 1) and "--user" not in err, (argv, err)
    assert len(audit_rows(data_dir, "cli_login")) == before
    # a reading command's connection is read-only: a bug there could not change data
    from desktop.cli.context import CliContext

    ctx = CliContext(data_dir=data_dir)
    ctx.rule = rule_for("staff list")
    store = ctx.store()
    with pytest.raises(Exception, match="readonly"):
        store.execute("UPDATE staff SET full_name = 'x'")
    ctx.close()


def test_a_dry_run_needs_no_account_the_real_run_does(capsys, data_dir, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Mã cán bộ", "Họ và tên"])
    wb.active.append(["C1", "Phạm Văn Cường"])
    wb.save(tmp_path / "ds.xlsx")
    argv = ["--data-dir", data_dir, "staff", "import", tmp_path / "ds.xlsx"]
    assert isodesk(capsys, [*argv, "--dry-run"])[0] == 0
    code, err = isodesk(capsys, argv)
    assert code == 2 and "--user" in err
    assert isodesk(capsys, [*argv, "--user", "iso", "--password-stdin"], f"{PASSWORD}\n")[0] == 0


def test_init_needs_no_account_on_an_empty_folder_only(capsys, empty_dir, data_dir):
    argv = ["init", "--unit-code", "BHXHMOI", "--unit-name", "BHXH huyện Mới", "--level",
            "district", "--admin-user", "quantri", "--admin-name", "Lê Văn Quản",
            "--password-stdin"]
    assert isodesk(capsys, ["--data-dir", empty_dir, *argv], "mat-khau-123\n")[0] == 0
    code, err = isodesk(capsys, ["--data-dir", data_dir, *argv], "mat-khau-123\n")
    assert code == 1 and "đã được khai báo" in err


def test_training_pin_is_the_second_line_after_the_password(capsys, data_dir):
    from tests.cli_auth import run_cli

    assert run_cli(["--data-dir", data_dir, "training", "create", "--date", "20/11/2026",
                    "--place", "Hội trường", "--json"]) == 0
    import json

    sid = json.loads(capsys.readouterr().out)["session_id"]
    code, err = isodesk(capsys, ["--data-dir", data_dir, "training", "set-pin", "--session", sid,
                                 "--pin-stdin", "--user", "iso", "--password-stdin"], f"{PASSWORD}\n135790\n")
    assert code == 0, err
    from desktop.models.quiz import sessions

    store = open_store(data_dir / DB_FILENAME)
    try:
        assert sessions.check_pin(store, sid, "135790")
    finally:
        store.close(clean=False)


def test_demo_reset_refuses_a_folder_of_real_data(capsys, data_dir):
    code, err = isodesk(capsys, ["--data-dir", data_dir, "demo", "--no-gui", "--reset"])
    assert code == 1 and "dữ liệu thật" in err
    assert (data_dir / DB_FILENAME).stat().st_size > 0
