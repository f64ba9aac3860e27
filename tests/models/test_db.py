"""The store: pragmas, migrations of an old file, integrity check, backups and restore."""
import shutil
from pathlib import Path

import pytest

from desktop.models import migrations
from desktop.models.datafile import open_store, restore_backup
from desktop.models.db import DB_FILENAME, list_backups, quick_check
from desktop.models.errors import DatabaseDamaged
from desktop.models.staff import StaffRepository

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_pragmas_make_every_commit_durable(store):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_new_database_is_fully_migrated(empty_dir):
    store = open_store(empty_dir / DB_FILENAME)
    try:
        assert migrations.pending_migrations(store.db) == []
        assert migrations.applied_version(store.db) == migrations.schema_version()
    finally:
        store.close(clean=False)


def test_first_schema_file_upgrades_with_a_backup_first(tmp_path):
    old = tmp_path / DB_FILENAME
    shutil.copyfile(FIXTURES / "isodesk-schema-core-0001.sqlite", old)
    store = open_store(old)
    try:
        assert migrations.pending_migrations(store.db) == []
        backups = list_backups(tmp_path / "backups", "pre-migrate")
        assert len(backups) == 1
        # The backup is the file as it was: still at the first schema, with its data.
        import sqlite3
        b = sqlite3.connect(backups[0])
        assert b.execute("SELECT count(*) FROM sqlite_master WHERE name='blobs'").fetchone()[0] == 0
        assert b.execute("SELECT full_name FROM staff").fetchone()[0] == "Nguyễn Thị Ánh Tuyết"
        b.close()
        # The data survived the upgrade and the new parts work.
        assert store.unit_code == "BHXHCU"
        member = StaffRepository(store).by_code("CU01")
        assert member.full_name == "Nguyễn Thị Ánh Tuyết"
        StaffRepository(store).update(member.id, {"position": "Tổ trưởng"})
        assert StaffRepository(store).by_code("CU01").version == 2
    finally:
        store.close(clean=False)


def test_opening_again_takes_no_new_migration_backup(data_dir):
    open_store(data_dir / DB_FILENAME).close(clean=False)
    assert list_backups(data_dir / "backups", "pre-migrate") == []


def test_clean_exit_backs_up_and_keeps_the_last_ten(data_dir):
    for _ in range(12):
        open_store(data_dir / DB_FILENAME).close(clean=True)
    backups = list_backups(data_dir / "backups", "exit")
    assert len(backups) == 10
    assert all(quick_check(b) is None for b in backups)


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    # Overwrite the middle pages with garbage (the header stays, so SQLite opens it).
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0x5A
    path.write_bytes(bytes(data))


def test_damaged_file_is_reported_with_the_latest_backup_and_restored(data_dir):
    store = open_store(data_dir / DB_FILENAME)
    StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    store.close(clean=True)
    db_path = data_dir / DB_FILENAME
    _damage(db_path)
    assert quick_check(db_path) is not None
    with pytest.raises(DatabaseDamaged) as info:
        open_store(db_path)
    assert info.value.backup is not None
    assert "bị hỏng" in info.value.message and info.value.backup.name in info.value.message
    aside = restore_backup(db_path, info.value.backup)
    assert aside.exists()  # the damaged file is kept, never deleted
    store = open_store(db_path)
    try:
        assert StaffRepository(store).by_code("A1").full_name == "Trần Văn An"
    finally:
        store.close(clean=False)


def test_damaged_file_without_backup_says_so(tmp_path):
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(DatabaseDamaged) as info:
        open_store(path)
    assert info.value.backup is None
    assert "Không tìm thấy bản sao lưu" in info.value.message


def test_failed_transaction_leaves_nothing(store):
    repo = StaffRepository(store)
    with pytest.raises(RuntimeError):
        with store.atomic():
            repo.add({"staff_code": "X1", "full_name": "Lê Văn Xuân"})
            raise RuntimeError("power cut")
    assert repo.by_code("X1") is None
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name='staff'") == 0
