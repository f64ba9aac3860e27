"""Fixtures of the quiz tests: a district with a small, known question bank and a roster.

The prepared file is built once per test session (from the shared template) and copied for each
test. Whatever bank the program ships is replaced by `fixtures/small_bank.json` (12 questions in
3 topics) so that the tests know exactly what papers can hold.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.models import records
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.quiz import bank_io, sessions
from desktop.models.quiz.common import QUESTIONS, TOPICS, VERSIONS
from desktop.models.staff import StaffRepository

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_BANK = FIXTURES / "small_bank.json"
MOODLE = Path(__file__).resolve().parents[2].parent / "shared" / "interop" / "moodle"
if not MOODLE.is_dir():  # the worktree's sibling folder in this checkout layout
    MOODLE = Path("/work/shared/interop/moodle")

PEOPLE = [
    ("CB001", "Nguyễn Văn An", "Ban Giám đốc"),
    ("CB002", "Trần Thị Bình", "Bộ phận Một cửa"),
    ("CB003", "Lê Văn Cường", "Tổ Thu"),
    ("CB004", "Phạm Thị Dung", "Tổ Thu"),
    ("CB005", "Hoàng Văn Đức", "Tổ Chế độ"),
    ("CB006", "Đỗ Thị Hà", "Tổ Chế độ"),
    ("CB007", "Bùi Văn Ẩn", "Tổ Giám định"),
    ("CB008", "Võ Thị Ánh", "Tổ Giám định"),
]


@pytest.fixture(scope="session")
def _quiz_template(tmp_path_factory, _template_db) -> Path:
    folder = tmp_path_factory.mktemp("quiz-template")
    shutil.copyfile(_template_db, folder / DB_FILENAME)
    store = open_store(folder / DB_FILENAME, actor="setup")
    with store.atomic():
        for table in (VERSIONS, QUESTIONS, TOPICS):
            for row in store.query(f"SELECT id FROM {table} WHERE deleted = 0"):
                records.delete(store, table, row["id"])
        bank_io.load_bank_file(store, SMALL_BANK)
        repo = StaffRepository(store)
        for code, name, dept in PEOPLE:
            repo.add({"staff_code": code, "full_name": name, "department": dept})
    store.close(clean=False)
    return folder / DB_FILENAME


@pytest.fixture
def qdata_dir(tmp_path, _quiz_template) -> Path:
    folder = tmp_path / "qdata"
    folder.mkdir()
    shutil.copyfile(_quiz_template, folder / DB_FILENAME)
    return folder


@pytest.fixture
def qstore(qdata_dir):
    s = open_store(qdata_dir / DB_FILENAME, actor="admin")
    yield s
    s.close(clean=False)


@pytest.fixture
def kiosk_pc(tmp_path, _template_db):
    """A second installation of the same unit (its own bank, no staff yet)."""
    folder = tmp_path / "kiosk-pc"
    folder.mkdir()
    shutil.copyfile(_template_db, folder / DB_FILENAME)
    s = open_store(folder / DB_FILENAME, actor="giamthi")
    yield s
    s.close(clean=False)


def staff_ids(store) -> dict[str, str]:
    return {p.staff_code: p.id for p in StaffRepository(store).list()}


def make_session(store, *, questions=6, pin="2468", attend=True, **settings):
    values = {"date": "2025-09-15", "place": "Hội trường BHXH huyện", "start_time": "07:30",
              "end_time": "11:30", "consultant": "Đỗ Minh Khôi",
              "iso_representative": "Lê Thị Thu Hà", "part_dvd": True, "part_guidance": True,
              "part_test": True,
              "settings": {"questions": questions, "shuffle_questions": True,
                           "shuffle_options": True, "pass_mark": 50, **settings}}
    ids = list(staff_ids(store).values()) if attend else None
    s = sessions.create_session(store, values, staff_ids=ids)
    if pin:
        sessions.set_pin(store, s.id, pin)
    return s
