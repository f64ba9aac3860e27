"""An empty or missing database is not "good", and a damaged write-ahead log is seen before
SQLite drops what it holds (real files; real processes killed with kill -9)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from desktop.models import startcheck
from desktop.models.datafile import backup_if_due, open_store, restore_backup
from desktop.models.db import DB_FILENAME, keep_wal_aside, list_backups
from desktop.models.errors import DatabaseDamaged, DataMissing, WalDamaged
from desktop.models.staff import StaffRepository
from desktop.models.walcheck import WAL_HEADER, check_wal
from tests.cli_auth import run_cli
from tests.conftest import ROOT


def _with_backup(data_dir) -> None:
    store = open_store(data_dir / DB_FILENAME)
    StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    store.close(clean=True)  # the exit backup


def test_an_empty_file_is_missing_data_and_gets_no_schema(data_dir, capsys):
    _with_backup(data_dir)
    path = data_dir / DB_FILENAME
    path.write_bytes(b"")
    with pytest.raises(DataMissing) as info:
        open_store(path)
    assert "rỗng" in info.value.message and info.value.backup is not None
    assert info.value.backup.name in info.value.message
    assert path.stat().st_size == 0                      # no empty schema written into it
    code = run_cli(["--data-dir", data_dir, "db", "check", "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and "rỗng" in err and "db restore" in err
    assert '"ok": false' in out
    assert path.stat().st_size == 0


def test_an_empty_file_without_backups_is_not_taken_for_a_new_install(tmp_path, capsys):
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"")
    with pytest.raises(DataMissing):
        open_store(path)
    assert run_cli(["--data-dir", tmp_path, "db", "check"]) == 1
    assert "rỗng" in capsys.readouterr().err
    assert path.stat().st_size == 0


def test_a_deleted_file_with_backups_is_missing_data_not_a_new_install(data_dir, capsys):
    _with_backup(data_dir)
    (data_dir / DB_FILENAME).unlink()
    with pytest.raises(DataMissing) as info:
        open_store(data_dir / DB_FILENAME)
    assert "không còn" in info.value.message and info.value.backup is not None
    assert not (data_dir / DB_FILENAME).exists()
    for argv in (["staff", "list"], ["init", "--unit-code", "X1", "--unit-name", "X",
                                     "--level", "district", "--admin-user", "admin",
                                     "--admin-name", "Quản Trị", "--password-stdin"]):
        assert run_cli(["--data-dir", data_dir, *argv], "mat-khau-123\n") == 1
        err = capsys.readouterr().err
        assert "Không thấy dữ liệu" in err and info.value.backup.name in err
    assert not (data_dir / DB_FILENAME).exists()
    # the administrator restores it from the command line (an account of the backup)
    assert run_cli(["--data-dir", data_dir, "db", "restore", "--user", "admin",
                    "--password-stdin"], "sai-mat-khau\n") == 1
    assert run_cli(["--data-dir", data_dir, "db", "restore", "--user", "admin",
                    "--password-stdin"], "matkhau-123\n") == 0
    store = open_store(data_dir / DB_FILENAME)
    try:
        assert StaffRepository(store).by_code("A1").full_name == "Trần Văn An"
        assert store.scalar("SELECT count(*) FROM audit_log WHERE action = "
                            "'database_restored'") == 1
    finally:
        store.close(clean=False)


def test_the_gui_offers_the_backup_when_the_data_is_missing(qtbot, data_dir, monkeypatch):
    from desktop.app import open_data
    from tests.gui_helpers import answer_message_boxes

    _with_backup(data_dir)
    (data_dir / DB_FILENAME).unlink()
    asked = answer_message_boxes(monkeypatch, "Khôi phục")
    store = open_data(data_dir)
    try:
        assert asked and asked[0][0] == "Không thấy dữ liệu" and "không còn" in asked[0][1]
        assert StaffRepository(store).by_code("A1") is not None
    finally:
        store.close(clean=False)


def test_a_new_folder_is_still_a_new_install(tmp_path):
    store = open_store(tmp_path / "new" / DB_FILENAME)
    store.close(clean=True)
    assert (tmp_path / "new" / DB_FILENAME).stat().st_size > 0
    # the backups beside it are of the folder's data file: another file there is its own
    other = open_store(tmp_path / "new" / "selftest.sqlite")
    other.close(clean=False)


# --- the write-ahead log ----------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    for i in range(3):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", ("x" * 3000 + str(i),))
        conn.execute("COMMIT")
    print("committed", flush=True)
    sys.stdin.readline()   # killed here, its log never checkpointed
""")


def _three_commits_then_killed(tmp_path):
    """A process commits three transactions (each synced) and is killed with kill -9."""
    db = tmp_path / DB_FILENAME
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.commit()
    conn.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "committed"
    proc.kill()
    proc.wait(timeout=30)
    wal = db.with_name(db.name + "-wal")
    report = check_wal(wal)
    assert report.committed == 3 and report.ok
    return db, wal, report


def _flip_in_frame(wal, frame_no: int, page_size: int) -> None:
    data = bytearray(wal.read_bytes())
    at = WAL_HEADER + (frame_no - 1) * (24 + page_size) + 24 + 100
    data[at] ^= 0xFF
    wal.write_bytes(bytes(data))


def _count_after_plain_open(db) -> int:
    """What SQLite itself keeps, opened as usual (on a copy)."""
    copy = db.with_name("copy.sqlite")
    copy.write_bytes(db.read_bytes())
    copy.with_name("copy.sqlite-wal").write_bytes(db.with_name(db.name + "-wal").read_bytes())
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT count(*) FROM t").fetchone()[0]
    finally:
        conn.close()


def test_a_damaged_log_frame_is_reported_before_sqlite_drops_committed_work(tmp_path):
    db, wal, report = _three_commits_then_killed(tmp_path)
    first_commit_frames = 1
    page = int.from_bytes(db.read_bytes()[16:18], "big")
    _flip_in_frame(wal, first_commit_frames, page)
    assert _count_after_plain_open(db) == 0        # SQLite alone: all three silently gone
    with pytest.raises(WalDamaged) as info:
        open_store(db)
    assert "nhật ký ghi trước" in info.value.message and "3 lần ghi" in info.value.message
    assert wal.read_bytes()  # untouched: nothing was opened
    kept = keep_wal_aside(db)  # "open what can be read": a copy kept, the log cut at the damage
    assert kept.exists() and kept.with_name(kept.name + "-wal").exists()
    assert check_wal(kept.with_name(kept.name + "-wal")).lost_commits == 3
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


def test_damage_in_the_last_transaction_is_taken_for_a_cut_write(tmp_path):
    db, wal, report = _three_commits_then_killed(tmp_path)
    page = int.from_bytes(db.read_bytes()[16:18], "big")
    _flip_in_frame(wal, report.valid_frames, page)      # a frame of the last transaction
    again = check_wal(wal)
    assert again.ok and again.committed == 2             # what SQLite keeps, as after a crash
    assert startcheck.startup_check(db).existed


def test_a_cut_or_garbage_log_is_what_sqlite_ignores(tmp_path):
    db, wal, _ = _three_commits_then_killed(tmp_path)
    wal.write_bytes(wal.read_bytes()[:20])
    assert check_wal(wal).ok and check_wal(wal).committed == 0
    wal.write_bytes(os.urandom(5000))
    assert check_wal(wal).ok


# --- the full check, on a schedule -------------------------------------------------------------

def test_quick_check_runs_when_small_after_an_unclean_exit_or_when_due(data_dir, monkeypatch):
    path = data_dir / DB_FILENAME
    open_store(path).close(clean=False)               # a full check recorded now
    monkeypatch.setattr(startcheck, "FULL_CHECK_MAX_BYTES", 0)   # as for a big file
    assert not startcheck.startup_check(path).full_check        # recorded today: not due
    store = open_store(path)
    store.execute("UPDATE local_state SET value = '2000-01-01T00:00:00+07:00' WHERE key = ?",
                  (startcheck.CHECKED_KEY,))
    store.close(clean=False)
    assert startcheck.startup_check(path).full_check             # due
    store = open_store(path)                                     # records the check again
    StaffRepository(store).add({"staff_code": "B1", "full_name": "Lê Văn Bình"})
    # the process "dies" here: its log is still on disk (a copy taken while it is open)
    copy = data_dir.parent / "copy"
    copy.mkdir()
    for suffix in ("", "-wal"):
        (copy / (DB_FILENAME + suffix)).write_bytes((data_dir / (DB_FILENAME + suffix))
                                                    .read_bytes())
    store.close(clean=False)
    check = startcheck.startup_check(copy / DB_FILENAME)
    assert check.unclean_exit and check.full_check


def test_a_damaged_page_of_a_big_file_is_found_when_the_check_is_due(data_dir, monkeypatch):
    path = data_dir / DB_FILENAME
    open_store(path).close(clean=False)
    monkeypatch.setattr(startcheck, "FULL_CHECK_MAX_BYTES", 0)
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 3] = b"\x5a" * 4096
    path.write_bytes(bytes(data))
    monkeypatch.setattr(startcheck, "full_check_due", lambda p: True)
    with pytest.raises(DatabaseDamaged):
        open_store(path)


# --- a backup before the command line writes -------------------------------------------------

def test_the_command_line_backs_up_before_writing_at_most_hourly(data_dir, tmp_path, capsys):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Mã cán bộ", "Họ và tên"])
    wb.active.append(["C1", "Phạm Văn Cường"])
    wb.save(tmp_path / "ds.xlsx")
    backups = data_dir / "backups"
    assert run_cli(["--data-dir", data_dir, "staff", "list"]) == 0      # reading: no backup
    assert list_backups(backups, "cli") == []
    assert run_cli(["--data-dir", data_dir, "staff", "import", tmp_path / "ds.xlsx"]) == 0
    [first] = list_backups(backups, "cli")
    conn = sqlite3.connect(first)                      # made before the import changed anything
    assert conn.execute("SELECT count(*) FROM staff").fetchone()[0] == 0
    conn.close()
    assert run_cli(["--data-dir", data_dir, "staff", "import", tmp_path / "ds.xlsx"]) == 0
    assert list_backups(backups, "cli") == [first]      # within the hour: not again
    store = open_store(data_dir / DB_FILENAME)
    store.execute("UPDATE local_state SET value = '2000-01-01T00:00:00+07:00' WHERE key = "
                  "'backup_cli_at'")
    assert backup_if_due(store, "cli") is not None
    store.close(clean=False)
    assert len(list_backups(backups, "cli")) == 2
    capsys.readouterr()


def test_restore_keeps_the_damaged_file_and_the_wal_beside(data_dir):
    _with_backup(data_dir)
    path = data_dir / DB_FILENAME
    path.write_bytes(b"")
    backup = list_backups(data_dir / "backups")[-1]
    aside = restore_backup(path, backup)
    assert aside is not None and aside.exists() and aside.stat().st_size == 0
    assert open_store(path).unit_code


def test_the_gui_offers_to_open_what_can_be_read_of_a_damaged_log(qtbot, tmp_path, monkeypatch):
    from desktop.app import open_data
    from tests.gui_helpers import answer_message_boxes

    db, wal, report = _three_commits_then_killed(tmp_path)
    page = int.from_bytes(db.read_bytes()[16:18], "big")
    _flip_in_frame(wal, 1, page)
    asked = answer_message_boxes(monkeypatch, "phần còn đọc được")
    store = open_data(tmp_path)
    try:
        title, text, buttons = asked[0]
        assert title == "Tệp dữ liệu bị hỏng" and "3 lần ghi" in text
        assert "Thoát" in buttons and len(asked) == 1
        assert store.scalar("SELECT count(*) FROM t") == 0
        assert list(tmp_path.glob("isodesk-damaged-*.sqlite-wal"))
    finally:
        store.close(clean=False)


def test_a_reading_command_skips_the_small_file_check_but_reports_damage(data_dir, capsys):
    path = data_dir / DB_FILENAME
    open_store(path).close(clean=False)
    assert startcheck.startup_check(path).full_check                    # small: checked
    assert not startcheck.startup_check(path, reading=True).full_check  # a reading command
    conn = sqlite3.connect(path)
    roots = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = "
                                        "'staff' AND rootpage > 0")]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    for root in roots:                                  # the staff table's and its indexes' pages
        data[page * (root - 1):page * root] = b"\x5a" * page
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert run_cli(["--data-dir", data_dir, "staff", "list"]) == 1     # reads that page
    err = capsys.readouterr().err
    assert "tệp dữ liệu bị hỏng" in err and "db restore" in err and "ngoài dự kiến" not in err
    assert run_cli(["--data-dir", data_dir, "db", "check"]) == 1        # still found
    assert "hỏng" in capsys.readouterr().err
    with pytest.raises(DatabaseDamaged):                                # and by a writing start
        open_store(path)
