"""A province and its district, enrolled with each other, plus test tables declared like the
tables of other parts of the program (one with a file column, one with a foreign key to staff,
one sent from the province down to its districts)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.models import figures
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, Store
from desktop.models.migrations._common import RECORD_COLUMNS
from desktop.models.staff import StaffRepository
from desktop.models.unit import UnitProfile, save_profile
from sync.keys import ensure_unit_keys
from sync.peers import add_district, enroll, export_province_profile

from tests.conftest import UNIT

from .tables import add_synced_table, kept_synced_tables

PROVINCE = UnitProfile(code=UNIT.parent_code, name=UNIT.parent_name, level="province",
                       place="Thử Thách")

TEST_TABLES = {
    "t_attempts": (f"""CREATE TABLE t_attempts ({RECORD_COLUMNS},
        staff_id TEXT NOT NULL REFERENCES staff(id),
        score REAL NOT NULL DEFAULT 0 CHECK (score >= 0 AND score <= 10),
        note TEXT NOT NULL DEFAULT '')""", dict(after=["staff"], parents={"staff_id": "staff"})),
    "t_minutes": (f"""CREATE TABLE t_minutes ({RECORD_COLUMNS},
        title TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        pdf_sha256 TEXT)""", dict(after=["staff"], blob_columns=["pdf_sha256"], parents={})),
    "t_bank": (f"""CREATE TABLE t_bank ({RECORD_COLUMNS},
        question TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '')""", dict(direction="down", parents={})),
}


def create_test_tables(store: Store) -> None:
    for sql, _ in TEST_TABLES.values():
        store.execute(sql)


@pytest.fixture(autouse=True)
def synced_test_tables():
    """Declare the test tables for the duration of a test, then remove them again."""
    with kept_synced_tables():
        for name, (_sql, opts) in TEST_TABLES.items():
            add_synced_table(name, **opts)
        yield


@pytest.fixture
def fake_providers():
    """Small figure providers standing in for the training, minutes and records parts."""
    saved = dict(figures.PROVIDERS)

    def training(store, *, unit_code, year=None, today=None):
        active = store.scalar("SELECT count(*) FROM staff WHERE origin_unit = ? AND deleted = 0 "
                              "AND active = 1", (unit_code,))
        tested = store.scalar("SELECT count(DISTINCT staff_id) FROM t_attempts WHERE "
                              "origin_unit = ? AND deleted = 0", (unit_code,))
        passed = store.scalar("SELECT count(DISTINCT staff_id) FROM t_attempts WHERE "
                              "origin_unit = ? AND deleted = 0 AND score >= 5", (unit_code,))
        return {"active_staff": active, "tested": tested, "passed": passed,
                "pass_rate": (passed / tested) if tested else None}

    def minutes(store, *, unit_code, year=None, today=None):
        rows = dict(store.conn.execute(
            "SELECT status, count(*) FROM t_minutes WHERE origin_unit = ? AND deleted = 0 "
            "GROUP BY status", (unit_code,)).fetchall())
        return {"confirmed": rows.get("confirmed", 0),
                "awaiting_confirmation": rows.get("draft", 0)}

    def recs(store, *, unit_code, year=None, today=None):
        return {"nc_open": 2, "nc_overdue": 1 if unit_code.endswith("TEST") else 0,
                "plan_total": 10, "plan_done": 4, "plan_overdue": 0, "report_status": "draft"}

    figures.PROVIDERS.update(training=training, minutes=minutes, records=recs)
    yield
    figures.PROVIDERS.clear()
    figures.PROVIDERS.update(saved)


@pytest.fixture
def data_dir(tmp_path, _template_db) -> Path:
    """The prepared district database together with its key-wrapping file."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(_template_db, folder / DB_FILENAME)
    shutil.copytree(_template_db.parent / "keys", folder / "keys")
    return folder


def make_unit(folder: Path, profile: UnitProfile) -> Store:
    store = open_store(folder / DB_FILENAME, actor="admin")
    with store.atomic():
        save_profile(store, profile)
        ensure_unit_keys(store)
    create_test_tables(store)
    return store


@dataclass
class Pair:
    district: Store
    province: Store
    usb: Path
    tmp: Path

    def staff(self, n: int, prefix: str = "S") -> list:
        repo = StaffRepository(self.district)
        return [repo.add({"staff_code": f"{prefix}{i:03d}", "full_name": person_name(i)})
                for i in range(n)]


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Thị", "Văn", "Minh", "Ngọc", "Hữu", "Thu", "Quốc", "Thanh"]
GIVEN = ["Ánh", "Bình", "Cường", "Dung", "Đức", "Hà", "Hùng", "Lan", "Mai", "Nam", "Oanh",
         "Phúc", "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến"]


def person_name(i: int) -> str:
    return f"{FAMILY[i % 10]} {MIDDLE[(i // 10) % 8]} {GIVEN[(i // 80) % 19]} " \
           f"{GIVEN[i % 19]}"


@pytest.fixture
def province(tmp_path) -> Store:
    folder = tmp_path / "province"
    folder.mkdir()
    s = make_unit(folder, PROVINCE)
    yield s
    s.close(clean=False)


@pytest.fixture
def pair(store, province, tmp_path) -> Pair:
    create_test_tables(store)
    add_district(province, store.unit_code, UNIT.name, "iso.thunghiem@example.vn")
    usb = tmp_path / "usb"
    usb.mkdir()
    profile = export_province_profile(province, usb / "tinh.isoprofile",
                                      email="iso.tinh@example.vn")
    enroll(store, profile)
    return Pair(store, province, usb, tmp_path)


def second_district(pair: Pair, code: str = "BHXHHAI", name: str = "BHXH huyện Hai") -> Store:
    folder = pair.tmp / code
    folder.mkdir()
    s = make_unit(folder, UnitProfile(code=code, name=name, level="district",
                                      parent_code=PROVINCE.code, parent_name=PROVINCE.name))
    add_district(pair.province, code, name)
    enroll(s, export_province_profile(pair.province, pair.tmp / f"{code}.isoprofile"))
    return s


def rows_of(store: Store, table: str, unit: str) -> dict:
    return {r["id"]: r for r in store.query(f"SELECT * FROM {table} WHERE origin_unit = ?",
                                            (unit,))}


@pytest.fixture
def english():
    """The GUI in English while a test runs (its assertions read the source texts)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.app import install_translators

    app = QCoreApplication.instance()
    before = list(getattr(app, "_isodesk_translators", []))
    install_translators(app, "en")
    yield
    for t in before:
        app.installTranslator(t)
    app._isodesk_translators = before
