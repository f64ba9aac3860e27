"""The unit profile: who this installation is (a district or a province office)."""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import asdict, dataclass, field

from . import audit
from .db import Store, now_iso
from .errors import ValidationError
from .vntext import clean

LEVELS = ("district", "province")

# Display names of the levels are data: units were reorganised in 2025 ("BHXH khu vực", "BHXH cơ sở").
DEFAULT_LEVEL_NAMES = {
    "district": "BHXH huyện",
    "province": "BHXH tỉnh",
    "national": "Bảo hiểm xã hội Việt Nam",
    "district_team": "Tổ triển khai ISO",
    "province_team": "Ban Chỉ đạo ISO",
}

_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{1,19}$")


def is_unit_code(value) -> bool:
    """A unit code, matched whole (it names folders and rows: no newline, no slash)."""
    return type(value) is str and _CODE_RE.fullmatch(value) is not None


@dataclass
class UnitProfile:
    code: str
    name: str
    level: str
    parent_code: str | None = None
    parent_name: str | None = None
    place: str | None = None
    level_names: dict[str, str] = field(default_factory=dict)

    @property
    def is_province(self) -> bool:
        return self.level == "province"

    def level_name(self, key: str) -> str:
        return self.level_names.get(key) or DEFAULT_LEVEL_NAMES.get(key, key)

    @property
    def team_name(self) -> str:
        return self.level_name("province_team" if self.is_province else "district_team")

    def as_dict(self) -> dict:
        return asdict(self)


def validate_profile(p: UnitProfile) -> UnitProfile:
    errors: dict[str, str] = {}
    code = (clean(p.code) or "").upper()
    if not _CODE_RE.fullmatch(code):
        errors["code"] = ("Mã đơn vị gồm 2–20 ký tự: chữ in hoa không dấu, chữ số, dấu gạch ngang; "
                          "ví dụ BHXHST.")
    name = clean(p.name) or ""
    if not name:
        errors["name"] = "Hãy nhập tên đơn vị, ví dụ: Bảo hiểm xã hội huyện Sông Trà."
    if p.level not in LEVELS:
        errors["level"] = "Cấp đơn vị phải là huyện (district) hoặc tỉnh (province)."
    parent_code = (clean(p.parent_code) or "").upper() or None
    if p.level == "district" and parent_code and not _CODE_RE.fullmatch(parent_code):
        errors["parent_code"] = "Mã đơn vị cấp trên không hợp lệ (chữ in hoa không dấu, chữ số)."
    if errors:
        raise ValidationError(errors)
    return UnitProfile(
        code=code, name=name, level=p.level, parent_code=parent_code,
        parent_name=clean(p.parent_name) or None, place=clean(p.place) or None,
        level_names={k: clean(v) for k, v in (p.level_names or {}).items() if clean(v)},
    )


def get_profile(store: Store) -> UnitProfile | None:
    row = store.query_one("SELECT * FROM unit_profile WHERE id = 1")
    if row is None:
        return None
    return UnitProfile(
        code=row["code"], name=row["name"], level=row["level"], parent_code=row["parent_code"],
        parent_name=row["parent_name"], place=row["place"],
        level_names=json.loads(row["level_names"] or "{}"),
    )


def setup_day(store: Store, unit_code: str | None = None,
              today: _dt.date | None = None) -> _dt.date | None:
    """The day this installation's unit began keeping its records here (its profile first
    saved): before it nothing could be entered, so nothing was late. None when not known: for
    another unit (the province's copies of its districts), or when `today` is before it (the
    question is about a day before the records began)."""
    row = store.query_one("SELECT code, created_at FROM unit_profile WHERE id = 1")
    if row is None or not row["created_at"] or (unit_code and unit_code != row["code"]):
        return None
    try:
        started = _dt.datetime.fromisoformat(row["created_at"])
    except ValueError:
        return None
    day = (started.astimezone() if started.tzinfo else started).date()
    if today is not None and day > today:
        return None
    return day


def current_unit_code(store: Store) -> str | None:
    row = store.conn.execute("SELECT code FROM unit_profile WHERE id = 1").fetchone()
    return row[0] if row else None


def save_profile(store: Store, profile: UnitProfile) -> UnitProfile:
    p = validate_profile(profile)
    old = get_profile(store)
    if old is not None and old.code != p.code:
        has_rows = store.scalar("SELECT count(*) FROM staff WHERE origin_unit = ?", (old.code,))
        if has_rows:
            raise ValidationError({"code": "Không đổi được mã đơn vị khi đã có dữ liệu: "
                                           "mã này gắn với mọi bản ghi và gói đồng bộ."})
    now = now_iso()
    with store.atomic() as conn:
        conn.execute(
            """INSERT INTO unit_profile (id, code, name, level, parent_code, parent_name, place,
                   level_names, created_at, updated_at)
               VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET code=excluded.code, name=excluded.name,
                   level=excluded.level, parent_code=excluded.parent_code,
                   parent_name=excluded.parent_name, place=excluded.place,
                   level_names=excluded.level_names, updated_at=excluded.updated_at""",
            (p.code, p.name, p.level, p.parent_code, p.parent_name, p.place,
             json.dumps(p.level_names, ensure_ascii=False), now, now),
        )
        o, n = audit.diff(old.as_dict() if old else None, p.as_dict())
        audit.append(store, "unit_profile", table="unit_profile", record_id="1", old=o, new=n)
    store.unit_code = p.code
    return p
