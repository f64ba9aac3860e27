"""The demo province: a second demo data folder (inside the demo district's, so that one folder
holds the whole demo), the province the demo district is enrolled with, so that sync can be
tried from the demo: write a package at the district, import it at the province.

Done as offices do it: the province lists the district with the key fingerprint the district
read out to it by phone, exports its profile file, and the district enrols with that file.
"""
from __future__ import annotations

from pathlib import Path

from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, Store
from desktop.models.unit import UnitProfile, get_profile, save_profile

PROVINCE_DIRNAME = "tinh-mau"
DEMO_PROVINCE = UnitProfile(code="BHXHLG", name="Bảo hiểm xã hội tỉnh Lam Giang",
                            level="province", place="Lam Giang")
PROVINCE_USERS = [  # username, full name, role, position
    ("admin", "Hoàng Minh Tuấn", "admin", "Phó Giám đốc"),
    ("iso", "Nguyễn Thị Thanh Xuân", "iso_team", "Thành viên Ban Chỉ đạo ISO"),
]


def province_dir(district_dir: Path) -> Path:
    """Where the demo province's data lives: a folder inside the demo district's."""
    return Path(district_dir) / PROVINCE_DIRNAME


def build_province(district: Store, district_dir: Path, password: str) -> Path:
    """Make the demo province (unless it is there) and enrol the demo district with it."""
    from sync.keys import ensure_unit_keys, public_keys, unit_fingerprint
    from sync.peers import add_district, enroll, export_province_profile, get_peer

    folder = province_dir(district_dir)
    me = get_profile(district)
    province = open_store(folder / DB_FILENAME, actor="demo")
    try:
        if get_profile(province) is None:
            with province.atomic():
                save_profile(province, DEMO_PROVINCE)
                for username, full_name, role, position in PROVINCE_USERS:
                    users.create_user(province, username, full_name, role, password,
                                      position=position)
                ensure_unit_keys(province)
        if get_peer(province, me.code) is None:
            add_district(province, me.code, me.name,
                         fingerprint=unit_fingerprint(*public_keys(district)))
        profile_file = export_province_profile(province, folder / f"{DEMO_PROVINCE.code}"
                                                                   ".isoprofile")
    finally:
        province.close(clean=False)
    enroll(district, profile_file)
    return folder
