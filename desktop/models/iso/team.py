"""The ISO team (Tổ triển khai ISO of a district, Ban Chỉ đạo ISO of a province): its members and
the decisions that set it up or reorganised it (kiện toàn).

VSS asks for the list with full name, position, unit and phone (seed 000, item 2). A member is
either a person on the staff roster (their details are copied and can be refreshed) or someone from
outside (the consultant, a province officer).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass

from .. import records
from ..db import Store
from ..errors import NotFound, ValidationError
from ..staff import StaffRepository, normalise_phone
from ..unit import get_profile
from ..vntext import matches, person_sort_key
from ._common import date_field, not_future, raise_if, rows, text_field

MEMBERS = "iso_team_members"
DECISIONS = "iso_team_decisions"

ROLES = ("head", "deputy", "member", "secretary")
ROLE_LABELS_VI = {"head": "Tổ trưởng", "deputy": "Tổ phó", "member": "Thành viên",
                  "secretary": "Thư ký"}
PROVINCE_ROLE_LABELS_VI = {"head": "Trưởng ban", "deputy": "Phó Trưởng ban",
                           "member": "Ủy viên", "secretary": "Thư ký"}
ROLE_ALIASES = {"to truong": "head", "truong ban": "head", "truong": "head", "head": "head",
                "to pho": "deputy", "pho truong ban": "deputy", "pho ban": "deputy",
                "deputy": "deputy", "thanh vien": "member", "uy vien": "member",
                "member": "member", "thu ky": "secretary", "secretary": "secretary"}


def role_label(role: str, *, province: bool = False) -> str:
    return (PROVINCE_ROLE_LABELS_VI if province else ROLE_LABELS_VI).get(role, role)


@dataclass
class TeamMember:
    id: str
    staff_id: str | None
    full_name: str
    position: str
    work_unit: str
    phone: str
    email: str
    role: str
    duties: str
    origin_unit: str
    version: int
    staff_active: bool | None = None   # on the roster and still working; None: from outside

    @property
    def external(self) -> bool:
        return not self.staff_id

    @property
    def has_left(self) -> bool:
        """On the roster but no longer working at the unit (or removed from the roster)."""
        return bool(self.staff_id) and self.staff_active is False

    def as_public(self) -> dict:
        data = asdict(self)
        data.pop("origin_unit")
        data.pop("version")
        data["external"] = self.external
        return data


@dataclass
class TeamDecision:
    id: str
    number: str
    signed_on: str
    signer: str
    summary: str
    version: int

    def as_public(self) -> dict:
        return {"id": self.id, "number": self.number, "signed_on": self.signed_on,
                "signer": self.signer, "summary": self.summary}


def _member(row: dict) -> TeamMember:
    return TeamMember(row["id"], row["staff_id"], row["full_name"], row["position"],
                      row["work_unit"], row["phone"], row["email"], row["role"], row["duties"],
                      row["origin_unit"], row["version"])


def _with_staff_status(store: Store, people: list[TeamMember]) -> list[TeamMember]:
    """Fill `staff_active` of roster members from the staff roster (a deleted record counts as
    no longer working)."""
    ids = [m.staff_id for m in people if m.staff_id]
    active: dict[str, bool] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in store.query(f"SELECT id, active, deleted FROM staff WHERE id IN ({marks})",
                             tuple(ids)):
            active[r["id"]] = bool(r["active"]) and not r["deleted"]
    for m in people:
        m.staff_active = active.get(m.staff_id, False) if m.staff_id else None
    return people


def members_who_left(people: list[TeamMember]) -> list[TeamMember]:
    return [m for m in people if m.has_left]


def _decision(row: dict) -> TeamDecision:
    return TeamDecision(row["id"], row["number"], row["signed_on"], row["signer"],
                        row["summary"], row["version"])


def member_sort_key(m: TeamMember):
    return (ROLES.index(m.role) if m.role in ROLES else len(ROLES), person_sort_key(m.full_name))


def validate_member(values: dict) -> dict:
    out = {
        "full_name": text_field(values, "full_name"),
        "position": text_field(values, "position"),
        "work_unit": text_field(values, "work_unit"),
        "phone": normalise_phone(values.get("phone")),
        "email": text_field(values, "email").lower(),
        "role": text_field(values, "role"),
        "duties": text_field(values, "duties", multiline=True),
        "staff_id": values.get("staff_id") or None,
    }
    errors: dict[str, str] = {}
    if not out["full_name"]:
        errors["full_name"] = "Thiếu họ và tên thành viên."
    elif any(ch.isdigit() for ch in out["full_name"]):
        errors["full_name"] = "Họ và tên không được chứa chữ số."
    if out["role"] not in ROLES:
        errors["role"] = "Vai trò trong Tổ phải là Tổ trưởng, Tổ phó, Thành viên hoặc Thư ký."
    digits = out["phone"].lstrip("+")
    if out["phone"] and not (8 <= len(digits) <= 12):
        errors["phone"] = (f"Số điện thoại không hợp lệ: {values.get('phone')} "
                           "(cần 8–12 chữ số).")
    if out["email"] and ("@" not in out["email"] or " " in out["email"]):
        errors["email"] = f"Địa chỉ email không hợp lệ: {out['email']}."
    raise_if(errors)
    return out


class TeamRepository:
    def __init__(self, store: Store):
        self.store = store

    # --- members ----------------------------------------------------------------------------

    def members(self, *, query: str = "", unit_code: str | None = None) -> list[TeamMember]:
        people = _with_staff_status(
            self.store, [_member(r) for r in rows(self.store, MEMBERS, unit_code)])
        if query:
            people = [m for m in people if matches(query, m.full_name, m.position, m.work_unit)]
        return sorted(people, key=member_sort_key)

    def get(self, member_id: str) -> TeamMember:
        row = records.get(self.store, MEMBERS, member_id)
        if row is None:
            raise NotFound("Không tìm thấy thành viên này trong Tổ (có thể đã bị xóa).")
        return _with_staff_status(self.store, [_member(row)])[0]

    def _default_work_unit(self, department: str = "") -> str:
        if department:
            return department
        profile = get_profile(self.store)
        return profile.name if profile else ""

    def _check_rules(self, data: dict, except_id: str | None = None) -> None:
        others = [m for m in self.members() if m.id != except_id]
        if data["role"] == "head":
            head = next((m for m in others if m.role == "head"), None)
            if head is not None:
                raise ValidationError({"role": f"Tổ đã có Tổ trưởng ({head.full_name}). Hãy đổi "
                                               "vai trò của người đó trước."})
        if data.get("staff_id"):
            dup = next((m for m in others if m.staff_id == data["staff_id"]), None)
            if dup is not None:
                raise ValidationError({"staff_id": f"{dup.full_name} đã có trong Tổ."})

    def add(self, values: dict) -> TeamMember:
        """Add a member; with `staff_id` the roster's details fill what is not given."""
        values = dict(values)
        if values.get("staff_id"):
            person = StaffRepository(self.store).get(values["staff_id"])
            # The list VSS asks for has a "chức danh": the post, else the grade / title.
            for key, value in (("full_name", person.full_name),
                               ("position", person.position or person.rank),
                               ("phone", person.phone), ("email", person.email),
                               ("work_unit", self._default_work_unit(person.department))):
                if not values.get(key):
                    values[key] = value
        elif not values.get("work_unit"):
            values["work_unit"] = ""
        data = validate_member(values)
        with self.store.atomic():
            self._check_rules(data)
            row = records.insert(self.store, MEMBERS, data)
        return _member(row)

    def add_from_roster(self, staff_code: str, role: str, duties: str = "") -> TeamMember:
        person = StaffRepository(self.store).by_code(staff_code)
        if person is None:
            raise ValidationError({"staff_id": f"Không có cán bộ mã {staff_code} trong danh sách "
                                               "cán bộ."})
        return self.add({"staff_id": person.id, "role": role, "duties": duties})

    def update(self, member_id: str, values: dict, *, expected_version: int | None = None
               ) -> TeamMember:
        current = self.get(member_id)
        data = validate_member({**current.as_public(), **values})
        with self.store.atomic():
            self._check_rules(data, except_id=member_id)
            row = records.update(self.store, MEMBERS, member_id, data,
                                 expected_version=expected_version)
        return _member(row)

    def refresh_from_roster(self, member_id: str) -> TeamMember:
        """Copy the roster's current name, position, phone and email into a roster member."""
        member = self.get(member_id)
        if not member.staff_id:
            raise ValidationError("Thành viên này ở ngoài đơn vị, không có trong danh sách cán bộ.")
        person = StaffRepository(self.store).get(member.staff_id)
        return self.update(member_id, {"full_name": person.full_name,
                                       "position": person.position or person.rank,
                                       "phone": person.phone or member.phone,
                                       "email": person.email or member.email})

    def remove(self, member_id: str) -> None:
        self.get(member_id)
        records.delete(self.store, MEMBERS, member_id)

    # --- decisions ----------------------------------------------------------------------------

    def decisions(self, unit_code: str | None = None) -> list[TeamDecision]:
        found = rows(self.store, DECISIONS, unit_code, order_by="signed_on DESC, created_at DESC")
        return [_decision(r) for r in found]

    def current_decision(self, unit_code: str | None = None) -> TeamDecision | None:
        found = self.decisions(unit_code)
        return found[0] if found else None

    def _validate_decision(self, values: dict, today: _dt.date) -> dict:
        errors: dict[str, str] = {}
        out = {"number": text_field(values, "number"), "signer": text_field(values, "signer"),
               "summary": text_field(values, "summary", multiline=True)}
        if not out["number"]:
            errors["number"] = "Thiếu số quyết định, ví dụ 125/QĐ-BHXH."
        out["signed_on"] = date_field(values, "signed_on", "Ngày ký quyết định", errors,
                                      required=True)
        not_future(errors, "signed_on", "Ngày ký quyết định", out["signed_on"], today)
        raise_if(errors)
        return out

    def add_decision(self, values: dict, *, today: _dt.date | None = None) -> TeamDecision:
        data = self._validate_decision(values, today or _dt.date.today())
        return _decision(records.insert(self.store, DECISIONS, data))

    def update_decision(self, decision_id: str, values: dict, *,
                        today: _dt.date | None = None) -> TeamDecision:
        current = records.require(self.store, DECISIONS, decision_id)
        data = self._validate_decision({**current, **values}, today or _dt.date.today())
        return _decision(records.update(self.store, DECISIONS, decision_id, data))

    def remove_decision(self, decision_id: str) -> None:
        records.require(self.store, DECISIONS, decision_id)
        records.delete(self.store, DECISIONS, decision_id)
