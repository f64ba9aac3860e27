"""The demo district: a fictional office with about 40 staff, an ISO team and some records.

It lives in its own folder (never the user's real data folder). Parts of the program add their
own demo records through `demo_builders` (each `build` called with the store and a seeded random
generator, in order).
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.staff import StaffRepository
from desktop.models.unit import UnitProfile, get_profile, save_profile

from .people import DEMO_PASSWORD, demo_staff
from .province import build_province, province_dir

DEMO_UNIT = UnitProfile(
    code="BHXHST",
    name="Bảo hiểm xã hội huyện Sông Trà",
    level="district",
    parent_code="BHXHLG",
    parent_name="Bảo hiểm xã hội tỉnh Lam Giang",
    place="Sông Trà",
)
DEMO_USERS = [  # username, full name, role, position (as on the roster and the team list)
    ("admin", "Phạm Quốc Hùng", "admin", "Giám đốc"),
    ("iso", "Lê Thị Thu Hà", "iso_team", "Thư ký Tổ triển khai ISO"),
    ("tuvan", "Đỗ Minh Khôi", "consultant", "Chuyên gia tư vấn"),
    ("giamthi", "Vũ Thị Ngọc Lan", "proctor", "Viên chức"),
]


def demo_builders() -> list[tuple[str, Callable]]:
    """(step, build) of each part's demo records, in this order (the minutes record the training
    day); `build(store, rng)`. Imported when a demo is made, not by `from desktop.demo import`."""
    from . import iso, minutes, quiz

    return [("quiz", quiz.build), ("iso", iso.build), ("minutes", minutes.build)]


def create_demo(data_dir: Path, *, reset: bool = False, seed: int = 2026,
                progress: Callable[[str], None] | None = None) -> dict:
    """Make the demo district in `data_dir` (nothing when it is there already) and the demo
    province it is enrolled with (`province.province_dir(data_dir)`; made also for a demo
    district made before there was one). `progress(step)` is told each step as it starts:
    "open", "people", the name of each builder's module ("quiz", "iso", "minutes"),
    "province". `reset` removes the demo's data first and refuses a folder of real data."""
    say = progress or (lambda _step: None)
    data_dir = Path(data_dir)
    db_path = data_dir / DB_FILENAME
    if reset:
        _remove_demo(data_dir)
    say("open")
    store = open_store(db_path, actor="demo")
    try:
        if get_profile(store) is not None:
            if not (province_dir(data_dir) / DB_FILENAME).exists():
                say("province")
                build_province(store, data_dir, DEMO_PASSWORD)
            return {"created": False, "unit_code": store.unit_code,
                    "staff": StaffRepository(store).count(active_only=False),
                    "province_dir": str(province_dir(data_dir))}
        from sync.keys import ensure_unit_keys

        rng = random.Random(seed)
        with store.atomic():
            save_profile(store, DEMO_UNIT)
            for username, full_name, role, position in DEMO_USERS:
                users.create_user(store, username, full_name, role, DEMO_PASSWORD,
                                  position=position)
            ensure_unit_keys(store)
            say("people")
            repo = StaffRepository(store)
            for member in demo_staff(rng):
                repo.add(member)
            for step, build in demo_builders():
                say(step)
                build(store, rng)
            say("province")
            build_province(store, data_dir, DEMO_PASSWORD)
        return {"created": True, "unit_code": store.unit_code,
                "staff": StaffRepository(store).count(active_only=False),
                "province_dir": str(province_dir(data_dir))}
    finally:
        store.close(clean=False)


def _remove_demo(data_dir: Path) -> None:
    """The demo's data (the district's and its province's files, backups and checkpoints), for
    --reset; a folder that holds another unit's data is refused, so that `demo --reset` never
    wipes real records."""
    import shutil

    from desktop.models.db import CHECKPOINT_FILENAME

    folders = ((data_dir, DEMO_UNIT.code), (province_dir(data_dir), DEMO_UNIT.parent_code))
    for folder, code in folders:
        _refuse_real_data(folder, code)
    for folder, _code in folders:
        db_path = folder / DB_FILENAME
        for suffix in ("", "-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        shutil.rmtree(folder / "backups", ignore_errors=True)
        for old in folder.glob(CHECKPOINT_FILENAME.replace(".jsonl", "*.jsonl")):
            old.unlink(missing_ok=True)
    for profile_file in province_dir(data_dir).glob("*.isoprofile"):
        profile_file.unlink()


def _refuse_real_data(folder: Path, demo_code: str) -> None:
    """Raise when the data file in `folder` belongs to a unit other than the demo's."""
    import sqlite3

    from desktop.models.db import read_only_uri
    from desktop.models.errors import IsoDeskError

    db_path = folder / DB_FILENAME
    if not (db_path.is_file() and db_path.stat().st_size):
        return
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=5)
        try:
            row = conn.execute("SELECT code FROM unit_profile").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        row = None
    if row is not None and row[0] != demo_code:
        raise IsoDeskError(f"Thư mục {folder} chứa dữ liệu thật của đơn vị {row[0]}, không "
                           "phải dữ liệu mẫu: không xóa. Hãy chọn thư mục khác cho dữ liệu mẫu.")
