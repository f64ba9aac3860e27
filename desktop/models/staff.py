"""The staff roster: every person who must be trained and tested."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Iterable

from . import records
from .db import Store
from .errors import NotFound, ValidationError
from .import_policy import may_write
from .vntext import clean, fold, matches, person_sort_key

TABLE = "staff"
FIELDS = ("staff_code", "full_name", "position", "department", "phone", "email", "active",
          "rank", "birth_date", "gender")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,31}$")


def normalise_phone(value) -> str:
    """Keep digits and a leading +; Excel drops the leading 0 of mobile numbers: put it back."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(str(value)) or ""
    if not text:
        return ""
    plus = text.startswith("+")
    digits = re.sub(r"\D", "", text)
    if not plus and len(digits) == 9 and digits[0] in "35789":
        digits = "0" + digits
    return ("+" if plus else "") + digits


def normalise_birth(value) -> tuple[str, str | None]:
    """(date of birth as stored: "1980-05-12", "1980" or "", error message or None). Excel gives
    a date, a year number, or text such as 12/5/1980, 12-05-1980 or 1980."""
    if value is None or value == "":
        return "", None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat(), None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(str(value)) or ""
    if re.fullmatch(r"(19|20)\d\d", text):
        return text, None
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d\d)", text) or \
        re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})", text)
    if m:
        parts = [int(p) for p in m.groups()]
        year, month, day = (parts[0], parts[1], parts[2]) if parts[0] > 31 else \
            (parts[2], parts[1], parts[0])
        try:
            return _dt.date(year, month, day).isoformat(), None
        except ValueError:
            pass
    return "", (f"Ngày sinh không hợp lệ: {text} (ghi dạng ngày/tháng/năm như 12/05/1980, hoặc "
                "chỉ năm sinh như 1980).")


def normalise_gender(value) -> tuple[str, str | None]:
    key = fold(str(value or "")).strip()
    if not key:
        return "", None
    if key in ("nam", "m", "male", "trai"):
        return "nam", None
    if key in ("nu", "f", "female", "gai"):
        return "nu", None
    return "", f"Giới tính phải là Nam hoặc Nữ (đang là \"{value}\")."


def validate(values: dict) -> dict:
    """Clean a staff member's fields; raise ValidationError naming each bad field."""
    out = {
        "staff_code": (clean(str(values.get("staff_code") or "")) or "").upper(),
        "full_name": clean(values.get("full_name")) or "",
        "position": clean(values.get("position")) or "",
        "department": clean(values.get("department")) or "",
        "phone": normalise_phone(values.get("phone")),
        "email": (clean(values.get("email")) or "").lower(),
        "active": 1 if values.get("active", True) in (True, 1, "1") else 0,
        "rank": clean(values.get("rank")) or "",
    }
    errors: dict[str, str] = {}
    out["birth_date"], birth_error = normalise_birth(values.get("birth_date"))
    if birth_error:
        errors["birth_date"] = birth_error
    out["gender"], gender_error = normalise_gender(values.get("gender"))
    if gender_error:
        errors["gender"] = gender_error
    if not out["staff_code"]:
        errors["staff_code"] = "Thiếu mã cán bộ."
    elif not _CODE_RE.fullmatch(out["staff_code"]):
        errors["staff_code"] = ("Mã cán bộ chỉ gồm chữ không dấu, chữ số và . _ / - "
                                "(tối đa 32 ký tự).")
    if not out["full_name"]:
        errors["full_name"] = "Thiếu họ và tên."
    elif any(ch.isdigit() for ch in out["full_name"]):
        errors["full_name"] = "Họ và tên không được chứa chữ số."
    if out["email"] and not _EMAIL_RE.fullmatch(out["email"]):
        errors["email"] = f"Địa chỉ email không hợp lệ: {out['email']}."
    digits = out["phone"].lstrip("+")
    typed = clean(str(values.get("phone") if values.get("phone") is not None else "")) or ""
    if typed and not isinstance(values.get("phone"), (int, float)) \
            and re.search(r"[^\d\s.\-()+/]", typed):
        errors["phone"] = (f"Số điện thoại không hợp lệ: {typed} (chỉ gồm chữ số, có thể có "
                           "dấu cách, dấu chấm hoặc gạch ngang).")
    elif typed and not (8 <= len(digits) <= 12):
        errors["phone"] = f"Số điện thoại không hợp lệ: {values.get('phone')} (cần 8–12 chữ số)."
    if errors:
        raise ValidationError(errors)
    return out


@dataclass
class StaffMember:
    id: str
    staff_code: str
    full_name: str
    position: str
    department: str
    phone: str
    email: str
    active: bool
    origin_unit: str
    version: int
    exempt: bool = False          # "không thuộc diện kiểm tra": kept out of the coverage figures
    exempt_reason: str = ""
    rank: str = ""
    birth_date: str = ""
    gender: str = ""

    def as_public(self) -> dict:
        return {"staff_code": self.staff_code, "full_name": self.full_name,
                "position": self.position, "department": self.department,
                "phone": self.phone, "email": self.email, "active": self.active,
                "exempt": self.exempt, "exempt_reason": self.exempt_reason,
                "rank": self.rank, "birth_date": self.birth_date, "gender": self.gender}


def _member(row: dict) -> StaffMember:
    return StaffMember(row["id"], row["staff_code"], row["full_name"], row["position"],
                       row["department"], row["phone"], row["email"], bool(row["active"]),
                       row["origin_unit"], row["version"], bool(row.get("exempt") or 0),
                       row.get("exempt_reason") or "", rank=row.get("rank") or "",
                       birth_date=row.get("birth_date") or "", gender=row.get("gender") or "")


MAX_REASON = 200


def exemption(values: dict, current: "StaffMember | None" = None) -> dict:
    """The "không thuộc diện kiểm tra" fields of `values` (the current ones where not given):
    a person marked so needs the reason written (a contract guard, a driver…)."""
    given = values.get("exempt", current.exempt if current else False)
    exempt = given in (True, 1, "1")
    reason = clean(values.get("exempt_reason", current.exempt_reason if current else "")) or ""
    if exempt and not reason:
        raise ValidationError({"exempt_reason": "Hãy ghi lý do không thuộc diện kiểm tra, ví dụ: "
                                                "bảo vệ hợp đồng, lái xe."})
    if len(reason) > MAX_REASON:
        raise ValidationError({"exempt_reason": f"Lý do quá dài (tối đa {MAX_REASON} ký tự)."})
    return {"exempt": int(exempt), "exempt_reason": reason if exempt else ""}


def sort_people(items: Iterable, name=lambda x: x.full_name) -> list:
    return sorted(items, key=lambda x: person_sort_key(name(x)))


class StaffRepository:
    def __init__(self, store: Store):
        self.store = store

    def list(self, *, include_inactive: bool = True, query: str = "",
             unit: str | None = None) -> list[StaffMember]:
        unit = unit or self.store.unit_code
        sql = "SELECT * FROM staff WHERE deleted = 0 AND origin_unit = ?"
        if not include_inactive:
            sql += " AND active = 1"
        people = [_member(r) for r in self.store.query(sql, (unit,))]
        if query:
            people = [p for p in people
                      if matches(query, p.full_name, p.staff_code, p.department, p.position)]
        return sort_people(people)

    def get(self, staff_id: str) -> StaffMember:
        row = records.get(self.store, TABLE, staff_id)
        if row is None:
            raise NotFound("Không tìm thấy cán bộ này (có thể đã bị xóa).")
        return _member(row)

    def by_code(self, code: str, unit: str | None = None) -> StaffMember | None:
        row = self.store.query_one(
            "SELECT * FROM staff WHERE deleted = 0 AND origin_unit = ? AND staff_code = ?",
            (unit or self.store.unit_code, (clean(code) or "").upper()))
        return _member(row) if row else None

    def _check_code_free(self, code: str, except_id: str | None = None) -> None:
        other = self.by_code(code)
        if other is not None and other.id != except_id:
            raise ValidationError({"staff_code": f"Mã cán bộ {code} đã dùng cho {other.full_name}."})

    def add(self, values: dict) -> StaffMember:
        data = validate(values)
        data.update(exemption(values))
        with self.store.atomic():
            self._check_code_free(data["staff_code"])
            row = records.insert(self.store, TABLE, data)
        return _member(row)

    def update(self, staff_id: str, values: dict, *, expected_version: int | None = None
               ) -> StaffMember:
        member = self.get(staff_id)
        current = member.as_public()
        data = validate({**current, **values})
        data.update(exemption(values, member))
        with self.store.atomic():
            self._check_code_free(data["staff_code"], except_id=staff_id)
            row = records.update(self.store, TABLE, staff_id, data,
                                 expected_version=expected_version)
        return _member(row)

    def set_exempt(self, staff_id: str, exempt: bool, reason: str = "") -> StaffMember:
        """Mark a person "không thuộc diện kiểm tra" (with the reason), or subject again; the
        change is audit-logged like every roster change."""
        data = exemption({"exempt": exempt, "exempt_reason": reason})
        return _member(records.update(self.store, TABLE, staff_id, data))

    def set_active(self, staff_id: str, active: bool) -> StaffMember:
        return _member(records.update(self.store, TABLE, staff_id, {"active": int(active)}))

    def count(self, *, active_only: bool = True) -> int:
        sql = "SELECT count(*) FROM staff WHERE deleted = 0 AND origin_unit = ?"
        if active_only:
            sql += " AND active = 1"
        return self.store.scalar(sql, (self.store.unit_code,)) or 0

    # --- import ---------------------------------------------------------------------------

    def plan_import(self, rows: list["ImportRow"]) -> "ImportPlan":
        """Decide, row by row, what an import would do. Changes nothing."""
        plan = ImportPlan()
        seen: dict[str, int] = {}
        for row in rows:
            if row.is_empty:
                row.action, row.reason = "skip", "Dòng trống"
                plan.rows.append(row)
                continue
            if row.error:
                row.action, row.reason = "refuse", row.error
                plan.rows.append(row)
                continue
            has_active = "active" in row.values
            try:
                data = validate(row.values)
            except ValidationError as exc:
                row.action, row.reason = "refuse", exc.message
                plan.rows.append(row)
                continue
            code = data["staff_code"]
            if code in seen:
                row.action = "refuse"
                row.reason = f"Mã cán bộ {code} trùng với dòng {seen[code]} trong tệp."
                plan.rows.append(row)
                continue
            seen[code] = row.row_number
            row.values = data
            existing = self.by_code(code)
            if existing is None:
                row.action, row.reason = "add", "Thêm mới"
            else:
                changed = [k for k in FIELDS if k != "active" and data[k] != getattr(existing, k)
                           and (data[k] or k in ("full_name",))]
                if has_active and bool(data["active"]) != existing.active:
                    changed.append("active")
                if not has_active:
                    data.pop("active")
                row.existing_id = existing.id
                if changed:
                    row.action = "update"
                    row.reason = "Cập nhật: " + ", ".join(FIELD_LABELS_VI[k] for k in changed)
                else:
                    row.action, row.reason = "unchanged", "Đã có, không thay đổi"
            plan.rows.append(row)
        return plan

    def apply_import(self, plan: "ImportPlan", *, accept_good: bool = False) -> dict:
        """Apply the plan in one transaction. A plan with refused rows writes nothing unless
        `accept_good` (`import_policy`); refused rows are reported either way."""
        added = updated = 0
        if not may_write(len(plan.errors), accept_good):
            return {**plan.summary(added=0, updated=0), "refused": True}
        with self.store.atomic():
            for row in plan.rows:
                if row.action == "add":
                    records.insert(self.store, TABLE, row.values)
                    added += 1
                elif row.action == "update":
                    keep = {k: v for k, v in row.values.items()
                            if v or k in ("full_name", "active")}
                    records.update(self.store, TABLE, row.existing_id, keep)
                    updated += 1
        return {**plan.summary(added=added, updated=updated), "refused": False}


def staff_figures(store: Store, *, unit_code: str, year: int | None = None, today=None) -> dict:
    row = store.query_one(
        "SELECT count(*) AS total, coalesce(sum(active), 0) AS active, "
        "coalesce(sum(active AND exempt), 0) AS exempt FROM staff "
        "WHERE deleted = 0 AND origin_unit = ?", (unit_code,))
    return {"total": row["total"], "active": row["active"], "inactive": row["total"] - row["active"],
            "exempt": row["exempt"]}


FIELD_LABELS_VI = {
    "staff_code": "mã cán bộ", "full_name": "họ và tên", "position": "chức vụ",
    "department": "phòng/bộ phận", "phone": "điện thoại", "email": "email",
    "active": "đang làm việc", "exempt": "không thuộc diện kiểm tra",
    "exempt_reason": "lý do không thuộc diện kiểm tra",
    "active": "đang làm việc", "rank": "ngạch/chức danh", "birth_date": "ngày sinh",
    "gender": "giới tính",
}


@dataclass
class ImportRow:
    row_number: int
    values: dict
    error: str | None = None
    is_empty: bool = False
    action: str = ""
    reason: str = ""
    existing_id: str | None = None


@dataclass
class ImportPlan:
    rows: list[ImportRow] = field(default_factory=list)
    converted_cells: list[dict] = field(default_factory=list)
    file_notes: dict = field(default_factory=dict)   # sheet read, unused columns… (the reader's)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[dict]:
        return [{"row": r.row_number, "message": r.reason} for r in self.rows
                if r.action == "refuse"]

    def summary(self, *, added: int | None = None, updated: int | None = None) -> dict:
        return {
            "added": self.count("add") if added is None else added,
            "updated": self.count("update") if updated is None else updated,
            "unchanged": self.count("unchanged"),
            "skipped": self.count("skip") + self.count("unchanged"),
            "errors": self.errors,
            "converted_cells": self.converted_cells,
            **self.file_notes,
        }
