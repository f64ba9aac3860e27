"""The demo district: a fictional office with about 40 staff, an ISO team and some records.

It lives in its own folder (never the user's real data folder). Parts of the program add their
own demo records through `DEMO_BUILDERS` ("module:function", called with the store and a seeded
random generator, in order).
"""
from __future__ import annotations

import importlib
import random
from pathlib import Path
from typing import Callable

from desktop.models import users
from desktop.models.db import DB_FILENAME, open_store
from desktop.models.setup_hooks import run_setup_hooks
from desktop.models.staff import StaffRepository
from desktop.models.unit import UnitProfile, get_profile, save_profile

from .people import demo_staff
from .province import build_province, province_dir

DEMO_PASSWORD = "demo1234"
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
DEMO_BUILDERS: list[str] = [   # in this order: the minutes record the training day
    "desktop.demo.quiz:build",
    "desktop.demo.iso:build",
    "desktop.demo.minutes:build",
]


def create_demo(data_dir: Path, *, reset: bool = False, seed: int = 2026,
                progress: Callable[[str], None] | None = None) -> dict:
    """Make the demo district in `data_dir` (nothing when it is there already) and the demo
    province it is enrolled with (`province.province_dir(data_dir)`; made also for a demo
    district made before there was one). `progress(step)` is told each step as it starts:
    "open", "people", the name of each builder's module ("quiz", "iso", "minutes"),
    "province"."""
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
        rng = random.Random(seed)
        with store.atomic():
            save_profile(store, DEMO_UNIT)
            for username, full_name, role, position in DEMO_USERS:
                users.create_user(store, username, full_name, role, DEMO_PASSWORD,
                                  position=position)
            run_setup_hooks(store)
            say("people")
            repo = StaffRepository(store)
            for member in demo_staff(rng):
                repo.add(member)
            for spec in DEMO_BUILDERS:
                module, _, func = spec.partition(":")
                say(module.rpartition(".")[2])
                getattr(importlib.import_module(module), func)(store, rng)
            say("province")
            build_province(store, data_dir, DEMO_PASSWORD)
        return {"created": True, "unit_code": store.unit_code,
                "staff": StaffRepository(store).count(active_only=False),
                "province_dir": str(province_dir(data_dir))}
    finally:
        store.close(clean=False)


def _remove_demo(data_dir: Path) -> None:
    """The demo's data files (the district's and its province's), for --reset."""
    for folder in (data_dir, province_dir(data_dir)):
        db_path = folder / DB_FILENAME
        for suffix in ("", "-wal", "-shm"):
            p = db_path.with_name(db_path.name + suffix)
            if p.exists():
                p.unlink()
    for profile_file in province_dir(data_dir).glob("*.isoprofile"):
        profile_file.unlink()
