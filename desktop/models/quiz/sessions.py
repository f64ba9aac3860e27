"""Training sessions: when and where, who trained, the three parts, who attended, and the test
settings (how the papers are drawn, the time limit, the pass mark, attempts, feedback)."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .. import audit, passwords, records
from ..db import Store, now_iso
from ..errors import NotFound, ValidationError
from ..staff import StaffRepository
from ..vntext import clean, person_sort_key
from . import bank
from .common import ATTENDANCE, SESSIONS, QuizError, dumps, loads

HALF_DAY_MINUTES = 4 * 60
DEFAULT_SETTINGS = {
    "questions": 20,
    "blueprint": {},
    "shuffle_questions": True,
    "shuffle_options": True,
    "time_limit_min": None,
    "pass_mark": 70.0,
    "attempts_allowed": 1,
    "feedback": "answers",          # "score": the score only; "answers": also the right answers
    "include_historical": False,    # questions marked historical (the 2020 conversion plan …)
}
FEEDBACK = ("score", "answers")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_PIN_RE = re.compile(r"^\d{4,8}$")


@dataclass
class Session:
    id: str
    title: str
    date: str
    place: str
    start_time: str
    end_time: str
    consultant: str
    consultant_org: str
    iso_representative: str
    part_dvd: bool
    part_guidance: bool
    part_test: bool
    settings: dict
    status: str
    notes: str
    origin_unit: str
    version: int
    extra: dict = field(default_factory=dict)

    @property
    def day(self) -> _dt.date:
        return _dt.date.fromisoformat(self.date)

    @property
    def display_title(self) -> str:
        return self.title or f"Tập huấn nhận thức ISO 9001:2015 ngày {self.day:%d/%m/%Y}"

    @property
    def duration_minutes(self) -> int | None:
        return duration_minutes(self.start_time, self.end_time)

    def as_public(self) -> dict:
        return {"session_id": self.id, "title": self.display_title, "date": self.date,
                "place": self.place, "start_time": self.start_time, "end_time": self.end_time,
                "consultant": self.consultant, "consultant_org": self.consultant_org,
                "iso_representative": self.iso_representative,
                "parts": {"dvd": self.part_dvd, "guidance": self.part_guidance,
                          "test": self.part_test},
                "settings": self.settings, "status": self.status, "notes": self.notes}


def _session(row: dict) -> Session:
    settings = {**DEFAULT_SETTINGS, **loads(row["settings"], {})}
    return Session(row["id"], row["title"], row["date"], row["place"], row["start_time"],
                   row["end_time"], row["consultant"], row["consultant_org"],
                   row["iso_representative"], bool(row["part_dvd"]), bool(row["part_guidance"]),
                   bool(row["part_test"]), settings, row["status"], row["notes"],
                   row["origin_unit"], row["version"])


def duration_minutes(start: str, end: str) -> int | None:
    a, b = _TIME_RE.fullmatch(start or ""), _TIME_RE.fullmatch(end or "")
    if not a or not b:
        return None
    return (int(b[1]) * 60 + int(b[2])) - (int(a[1]) * 60 + int(a[2]))


def _norm_time(value) -> str:
    text = clean(str(value or "")) or ""
    text = text.replace("h", ":").replace("g", ":").replace(".", ":")
    if text.endswith(":"):
        text += "00"
    m = _TIME_RE.fullmatch(text)
    return f"{int(m[1]):02d}:{m[2]}" if m else text


def validate_settings(store: Store | None, raw: dict) -> dict:
    s = {**DEFAULT_SETTINGS, **(raw or {})}
    errors: dict[str, str] = {}
    out: dict = {}
    try:
        out["questions"] = int(s["questions"])
        if not 1 <= out["questions"] <= 200:
            raise ValueError
    except (TypeError, ValueError):
        errors["questions"] = "Số câu hỏi của đề phải từ 1 đến 200."
        out["questions"] = 0
    blueprint: dict[str, int] = {}
    for code, n in (s.get("blueprint") or {}).items():
        try:
            n = int(n)
        except (TypeError, ValueError):
            n = -1
        if n < 0:
            errors["blueprint"] = f"Số câu của chủ đề {code} phải là số không âm."
            continue
        if n:
            topic = bank.topic_by_code(store, str(code)) if store is not None else None
            blueprint[topic.code if topic else str(code)] = n
    if "blueprint" not in errors and out["questions"] and sum(blueprint.values()) > out["questions"]:
        errors["blueprint"] = (f"Tổng số câu theo chủ đề ({sum(blueprint.values())}) nhiều hơn số "
                               f"câu của đề ({out['questions']}).")
    if store is not None and "blueprint" not in errors:
        unknown = [c for c in blueprint if bank.topic_by_code(store, c) is None]
        if unknown:
            errors["blueprint"] = "Không có chủ đề: " + ", ".join(unknown) + "."
    out["blueprint"] = blueprint
    out["shuffle_questions"] = bool(s.get("shuffle_questions"))
    out["shuffle_options"] = bool(s.get("shuffle_options"))
    limit = s.get("time_limit_min")
    if limit in (None, "", 0, "0"):
        out["time_limit_min"] = None
    else:
        try:
            out["time_limit_min"] = int(limit)
            if not 1 <= out["time_limit_min"] <= 300:
                raise ValueError
        except (TypeError, ValueError):
            errors["time_limit_min"] = "Thời gian làm bài từ 1 đến 300 phút (để trống: không giới hạn)."
    try:
        out["pass_mark"] = float(s["pass_mark"])
        if not 0 <= out["pass_mark"] <= 100:
            raise ValueError
    except (TypeError, ValueError):
        errors["pass_mark"] = "Điểm đạt là tỷ lệ phần trăm từ 0 đến 100."
    try:
        out["attempts_allowed"] = int(s["attempts_allowed"])
        if not 1 <= out["attempts_allowed"] <= 10:
            raise ValueError
    except (TypeError, ValueError):
        errors["attempts_allowed"] = "Số lần làm bài được phép từ 1 đến 10."
    out["feedback"] = s.get("feedback") if s.get("feedback") in FEEDBACK else "answers"
    out["include_historical"] = bool(s.get("include_historical"))
    if errors:
        raise ValidationError(errors)
    return out


def validate(store: Store | None, values: dict) -> dict:
    errors: dict[str, str] = {}
    raw_date = values.get("date")
    if isinstance(raw_date, (_dt.date, _dt.datetime)):
        raw_date = raw_date.strftime("%Y-%m-%d")
    date_text = clean(str(raw_date or "")) or ""
    day = None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            day = _dt.datetime.strptime(date_text, fmt).date()
            break
        except ValueError:
            continue
    if day is None:
        errors["date"] = "Ngày tập huấn không hợp lệ: ghi theo dạng dd/mm/yyyy, ví dụ 15/09/2025."
    place = clean(values.get("place")) or ""
    if not place:
        errors["place"] = "Hãy ghi địa điểm tập huấn, ví dụ: Hội trường BHXH huyện."
    start = _norm_time(values.get("start_time") or "")
    end = _norm_time(values.get("end_time") or "")
    for name, v in (("start_time", start), ("end_time", end)):
        if v and not _TIME_RE.fullmatch(v):
            errors[name] = "Giờ ghi theo dạng giờ:phút, ví dụ 07:30."
    if start and end and "start_time" not in errors and "end_time" not in errors:
        if (duration_minutes(start, end) or 0) <= 0:
            errors["end_time"] = "Giờ kết thúc phải sau giờ bắt đầu."
    try:
        settings = validate_settings(store, values.get("settings") or {})
    except ValidationError as exc:
        errors.update(exc.errors)
        settings = {}
    if errors:
        raise ValidationError(errors)
    return {
        "title": clean(values.get("title")) or "",
        "date": day.isoformat(), "place": place, "start_time": start, "end_time": end,
        "consultant": clean(values.get("consultant")) or "",
        "consultant_org": clean(values.get("consultant_org")) or "",
        "iso_representative": clean(values.get("iso_representative")) or "",
        "part_dvd": int(bool(values.get("part_dvd"))),
        "part_guidance": int(bool(values.get("part_guidance"))),
        "part_test": int(bool(values.get("part_test", True))),
        "settings": dumps(settings),
        "notes": bank.clean_block(values.get("notes")),
    }


def warnings(store: Store, session: Session) -> list[str]:
    """What deserves a second look (nothing here stops the session)."""
    out = []
    minutes = session.duration_minutes
    if minutes is not None and minutes < HALF_DAY_MINUTES:
        out.append(f"Buổi tập huấn chỉ {minutes // 60} giờ {minutes % 60:02d} phút: quy định "
                   "tối thiểu nửa ngày (4 giờ).")
    if not session.start_time or not session.end_time:
        out.append("Chưa ghi giờ bắt đầu và giờ kết thúc.")
    s = session.settings
    counts = bank.bank_counts(store, include_historical=bool(s.get("include_historical")))
    for code, n in s["blueprint"].items():
        if counts.get(code, 0) < n:
            out.append(f"Chủ đề {code} cần {n} câu nhưng ngân hàng chỉ có {counts.get(code, 0)} "
                       "câu đang dùng.")
    if sum(counts.values()) < s["questions"]:
        out.append(f"Đề có {s['questions']} câu nhưng ngân hàng chỉ có {sum(counts.values())} câu "
                   "đang dùng.")
    return out


def create_session(store: Store, values: dict, *, staff_ids: list[str] | None = None) -> Session:
    data = validate(store, values)
    data["status"] = "open"
    with store.atomic():
        row = records.insert(store, SESSIONS, data)
        if staff_ids:
            set_attendance(store, row["id"], staff_ids)
    return get_session(store, row["id"])


def has_attempts(store: Store, session_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM quiz_attempts WHERE session_id = ? AND deleted = 0 "
                             "LIMIT 1", (session_id,)) or
                store.scalar("SELECT 1 FROM quiz_paper_variants WHERE session_id = ? AND "
                             "deleted = 0 LIMIT 1", (session_id,)))


def update_session(store: Store, session_id: str, values: dict, *,
                   expected_version: int | None = None) -> Session:
    current = get_session(store, session_id)
    if isinstance(values.get("settings"), dict):
        values = {**values, "settings": {**current.settings, **values["settings"]}}
    base = {k: getattr(current, k) for k in (
        "title", "date", "place", "start_time", "end_time", "consultant", "consultant_org",
        "iso_representative", "part_dvd", "part_guidance", "part_test", "settings", "notes")}
    data = validate(store, {**base, **values})
    with store.atomic():
        if loads(data["settings"]) != current.settings and has_attempts(store, session_id):
            raise QuizError("Đã có bài làm (hoặc đề giấy) của buổi này nên không đổi được cách "
                            "ra đề, thời gian, điểm đạt. Các thông tin khác vẫn sửa được.")
        records.update(store, SESSIONS, session_id, data, expected_version=expected_version)
    return get_session(store, session_id)


def set_status(store: Store, session_id: str, status: str) -> Session:
    if status not in ("open", "closed"):
        raise ValueError(status)
    records.update(store, SESSIONS, session_id, {"status": status})
    return get_session(store, session_id)


def get_session(store: Store, session_id: str) -> Session:
    row = records.get(store, SESSIONS, session_id)
    if row is None:
        raise NotFound("Không tìm thấy buổi tập huấn này (có thể đã bị xóa).")
    return _session(row)


def list_sessions(store: Store, *, year: int | None = None, unit: str | None = None
                  ) -> list[Session]:
    sql = "SELECT * FROM quiz_sessions WHERE deleted = 0 AND origin_unit = ?"
    params: list = [unit or store.unit_code]
    if year:
        sql += " AND substr(date, 1, 4) = ?"
        params.append(f"{year:04d}")
    return [_session(r) for r in store.query(sql + " ORDER BY date DESC, created_at DESC", params)]


def delete_session(store: Store, session_id: str) -> None:
    if has_attempts(store, session_id):
        raise QuizError("Buổi tập huấn đã có bài làm: không xóa được (kết quả là hồ sơ cần lưu). "
                        "Có thể đóng buổi này.")
    with store.atomic():
        for row in store.query("SELECT id FROM quiz_attendance WHERE session_id = ? AND "
                               "deleted = 0", (session_id,)):
            records.delete(store, ATTENDANCE, row["id"])
        records.delete(store, SESSIONS, session_id)


# ---------------------------------------------------------------------------------------------
# Attendance

def attendance_row(store: Store, session_id: str, staff_id: str) -> dict | None:
    return store.query_one("SELECT * FROM quiz_attendance WHERE session_id = ? AND staff_id = ? "
                           "AND deleted = 0", (session_id, staff_id))


def add_attendee(store: Store, session_id: str, staff_id: str, *, at_kiosk: bool = False,
                 note: str = "") -> dict:
    """Put a person on the attendance list (or mark them present again)."""
    StaffRepository(store).get(staff_id)
    with store.atomic():
        row = attendance_row(store, session_id, staff_id)
        if row is not None:
            if not row["present"]:
                row = records.update(store, ATTENDANCE, row["id"], {"present": 1})
            return row
        return records.insert(store, ATTENDANCE, {
            "session_id": session_id, "staff_id": staff_id, "present": 1,
            "added_at_kiosk": int(at_kiosk), "retakes_granted": 0, "note": clean(note) or ""})


def set_attendance(store: Store, session_id: str, staff_ids: list[str]) -> dict:
    """Make the attendance list exactly `staff_ids`. People who already have an attempt stay."""
    wanted = set(staff_ids)
    added = removed = 0
    with store.atomic():
        current = {r["staff_id"]: r for r in store.query(
            "SELECT * FROM quiz_attendance WHERE session_id = ? AND deleted = 0", (session_id,))}
        tested = {r["staff_id"] for r in store.query(
            "SELECT DISTINCT staff_id FROM quiz_attempts WHERE session_id = ? AND deleted = 0",
            (session_id,))}
        for sid in staff_ids:
            if sid not in current:
                add_attendee(store, session_id, sid)
                added += 1
        for sid, row in current.items():
            if sid not in wanted and sid not in tested:
                records.delete(store, ATTENDANCE, row["id"])
                removed += 1
    return {"added": added, "removed": removed}


def set_present(store: Store, session_id: str, staff_id: str, present: bool) -> None:
    row = attendance_row(store, session_id, staff_id)
    if row is None:
        raise NotFound("Người này không có trong danh sách dự tập huấn.")
    records.update(store, ATTENDANCE, row["id"], {"present": int(present)})


def grant_retake(store: Store, session_id: str, staff_id: str) -> dict:
    """The proctor lets a person take the test once more."""
    with store.atomic():
        row = attendance_row(store, session_id, staff_id) or add_attendee(store, session_id,
                                                                         staff_id)
        return records.update(store, ATTENDANCE, row["id"],
                              {"retakes_granted": row["retakes_granted"] + 1})


def attendance(store: Store, session_id: str) -> list[dict]:
    """The attendance list with each person's roster details, in Vietnamese name order."""
    rows = store.query(
        "SELECT a.*, s.staff_code, s.full_name, s.department, s.position, s.active "
        "FROM quiz_attendance a JOIN staff s ON s.id = a.staff_id "
        "WHERE a.session_id = ? AND a.deleted = 0", (session_id,))
    return sorted(rows, key=lambda r: person_sort_key(r["full_name"]))


# ---------------------------------------------------------------------------------------------
# The proctor's PIN (kept on this PC only, hashed)

def set_pin(store: Store, session_id: str, pin: str) -> None:
    pin = (pin or "").strip()
    if not _PIN_RE.fullmatch(pin):
        raise ValidationError({"pin": "Mã PIN gồm 4 đến 8 chữ số."})
    with store.atomic() as conn:
        conn.execute("INSERT INTO quiz_session_pins (session_id, pin_hash, set_at) VALUES (?,?,?) "
                     "ON CONFLICT(session_id) DO UPDATE SET pin_hash = excluded.pin_hash, "
                     "set_at = excluded.set_at", (session_id, passwords.hash_password(pin), now_iso()))
        audit.append(store, "kiosk_pin_set", table=SESSIONS, record_id=session_id)


def has_pin(store: Store, session_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM quiz_session_pins WHERE session_id = ?", (session_id,)))


def pin_hash(store: Store, session_id: str) -> str | None:
    return store.scalar("SELECT pin_hash FROM quiz_session_pins WHERE session_id = ?",
                        (session_id,))


def store_pin_hash(store: Store, session_id: str, digest: str) -> None:
    store.execute("INSERT INTO quiz_session_pins (session_id, pin_hash, set_at) VALUES (?,?,?) "
                  "ON CONFLICT(session_id) DO UPDATE SET pin_hash = excluded.pin_hash",
                  (session_id, digest, now_iso()))


def check_pin(store: Store, session_id: str, pin: str) -> bool:
    digest = pin_hash(store, session_id)
    return bool(digest) and passwords.check_password((pin or "").strip(), digest)
