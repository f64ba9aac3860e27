"""Management review (ISO 9001:2015, 9.3): at least once a year, with the inputs the standard lists
in 9.3.2 as a checklist (written here in our own words) and the decisions taken."""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field

from .. import records
from ..db import Store
from ..errors import NotFound
from ..unit import setup_day
from ._common import date_field, not_future, order, raise_if, rows, text_field, vn_date

TABLE = "iso_reviews"

# The inputs a review considers (9.3.2), paraphrased: key, Vietnamese label.
INPUTS: list[tuple[str, str]] = [
    ("previous_actions", "Kết quả thực hiện các quyết định của lần xem xét trước"),
    ("context_changes", "Thay đổi của các vấn đề bên ngoài và nội bộ liên quan đến hệ thống"),
    ("satisfaction", "Mức hài lòng và ý kiến của người dân, doanh nghiệp, các bên liên quan"),
    ("objectives", "Mức độ đạt mục tiêu chất lượng"),
    ("process_performance", "Kết quả thực hiện các quy trình, sự phù hợp của kết quả giải quyết "
                            "công việc"),
    ("nonconformities", "Sự không phù hợp và hành động khắc phục"),
    ("monitoring", "Kết quả theo dõi, đo lường"),
    ("audit_results", "Kết quả đánh giá nội bộ và đánh giá bên ngoài"),
    ("external_providers", "Kết quả thực hiện của bên cung cấp bên ngoài (tư vấn, dịch vụ thuê "
                           "ngoài)"),
    ("resources", "Sự đầy đủ của nguồn lực"),
    ("risks", "Hiệu lực của các hành động giải quyết rủi ro và cơ hội"),
    ("improvement", "Các cơ hội cải tiến"),
]
INPUT_KEYS = tuple(k for k, _ in INPUTS)
INPUT_LABELS_VI = dict(INPUTS)


@dataclass
class Review:
    id: str
    held_on: str
    chair: str
    participants: str
    inputs: dict[str, dict] = field(default_factory=dict)
    decisions: str = ""
    next_review_on: str | None = None
    version: int = 1

    @property
    def covered(self) -> list[str]:
        return [k for k in INPUT_KEYS if self.inputs.get(k, {}).get("covered")]

    @property
    def participant_list(self) -> list[str]:
        return [p for p in self.participants.splitlines() if p.strip()]

    def as_public(self) -> dict:
        return {"id": self.id, "held_on": self.held_on, "chair": self.chair,
                "participants": self.participant_list, "inputs": self.inputs,
                "inputs_covered": len(self.covered), "inputs_total": len(INPUT_KEYS),
                "decisions": self.decisions, "next_review_on": self.next_review_on}


def _review(row: dict) -> Review:
    try:
        inputs = json.loads(row["inputs"] or "{}")
    except ValueError:
        inputs = {}
    return Review(row["id"], row["held_on"], row["chair"], row["participants"], inputs,
                  row["decisions"], row["next_review_on"], row["version"])


def review_state(last_held_on: str | None, today: _dt.date, *,
                 started: _dt.date | None = None) -> str:
    """"none" (no review recorded), "not_yet" (none recorded, but the unit began keeping its
    records here less than 12 months ago (`started`): its first one is not due yet), "ok" (the
    next one is due later), "due_today" (the last one was exactly 12 months ago) or "overdue"
    (more than 12 months ago)."""
    if not last_held_on:
        return "not_yet" if started is not None and today < one_year_after(started) else "none"
    due = one_year_after(_dt.date.fromisoformat(last_held_on[:10]))
    return "ok" if today < due else "due_today" if today == due else "overdue"


def one_year_after(day: _dt.date) -> _dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _clean_inputs(raw) -> dict[str, dict]:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "{}")
        except ValueError:
            raw = {}
    out: dict[str, dict] = {}
    for key in INPUT_KEYS:
        item = (raw or {}).get(key)
        if isinstance(item, bool):
            item = {"covered": item}
        if not isinstance(item, dict):
            continue
        note = text_field(item, "note", multiline=True)
        covered = bool(item.get("covered")) or bool(note)
        if covered or note:
            out[key] = {"covered": covered, "note": note}
    return out


class ReviewRepository:
    def __init__(self, store: Store):
        self.store = store

    def list(self, unit_code: str | None = None, *, year: int | None = None) -> list[Review]:
        found = [_review(r) for r in rows(self.store, TABLE, unit_code,
                                          order_by="held_on DESC, created_at DESC")]
        if year:
            found = [r for r in found if r.held_on[:4] == str(year)]
        return found

    def get(self, review_id: str) -> Review:
        row = records.get(self.store, TABLE, review_id)
        if row is None:
            raise NotFound("Không tìm thấy cuộc họp xem xét này (có thể đã bị xóa).")
        return _review(row)

    def latest(self, unit_code: str | None = None) -> Review | None:
        found = self.list(unit_code)
        return found[0] if found else None

    def _validate(self, values: dict, today: _dt.date) -> dict:
        errors: dict[str, str] = {}
        out = {"chair": text_field(values, "chair"),
               "participants": text_field(values, "participants", multiline=True),
               "decisions": text_field(values, "decisions", multiline=True),
               "inputs": json.dumps(_clean_inputs(values.get("inputs")), ensure_ascii=False,
                                    sort_keys=True)}
        if isinstance(values.get("participants"), (list, tuple)):
            out["participants"] = "\n".join(text_field({"p": p}, "p")
                                            for p in values["participants"] if p)
        out["held_on"] = date_field(values, "held_on", "Ngày họp", errors, required=True)
        not_future(errors, "held_on", "Ngày họp", out["held_on"], today)
        if not out["chair"]:
            errors["chair"] = "Hãy ghi người chủ trì cuộc họp."
        if not out["participants"]:
            errors["participants"] = "Hãy ghi thành phần tham dự."
        out["next_review_on"] = date_field(values, "next_review_on", "Ngày dự kiến xem xét lần sau",
                                           errors)
        order(errors, ("held_on", "Ngày họp", out["held_on"]),
              ("next_review_on", "Ngày dự kiến xem xét lần sau", out["next_review_on"]))
        if (out["next_review_on"] and out["held_on"]
                and out["next_review_on"] == out["held_on"]):
            errors["next_review_on"] = "Lần xem xét sau phải sau ngày họp lần này."
        raise_if(errors)
        return out

    def add(self, values: dict, *, today: _dt.date | None = None) -> Review:
        data = self._validate(values, today or _dt.date.today())
        return _review(records.insert(self.store, TABLE, data))

    def update(self, review_id: str, values: dict, *, expected_version: int | None = None,
               today: _dt.date | None = None) -> Review:
        current = self.get(review_id).as_public()
        current["participants"] = "\n".join(current["participants"])
        data = self._validate({**current, **values}, today or _dt.date.today())
        return _review(records.update(self.store, TABLE, review_id, data,
                                      expected_version=expected_version))

    def remove(self, review_id: str) -> None:
        self.get(review_id)
        records.delete(self.store, TABLE, review_id)

    def reminder(self, today: _dt.date | None = None, unit_code: str | None = None) -> dict:
        """Whether a review is due (`review_state`): "review_due" is true from the day 12
        months after the last review on."""
        today = today or _dt.date.today()
        last = self.latest(unit_code)
        last_day = _dt.date.fromisoformat(last.held_on) if last else None
        # A unit that began keeping its records here less than a year ago is not behind yet:
        # its first review is due a year after that day.
        started = setup_day(self.store, unit_code, today) if last_day is None else None
        state = review_state(last.held_on if last else None, today, started=started)
        if state == "not_yet":
            message = ""
        elif state == "none":
            message = ("Chưa có cuộc họp xem xét của lãnh đạo nào được ghi nhận. Tiêu chuẩn yêu "
                       "cầu xem xét ít nhất mỗi năm một lần.")
        elif state == "due_today":
            message = (f"Lần xem xét của lãnh đạo gần nhất là ngày {vn_date(last_day)}, tròn 12 "
                       "tháng: hôm nay đến hạn họp xem xét.")
        elif state == "overdue":
            message = (f"Lần xem xét của lãnh đạo gần nhất là ngày {vn_date(last_day)}, đã quá 12 "
                       "tháng. Hãy tổ chức họp xem xét.")
        else:
            message = ""
        since = last_day or started
        return {"last_review": last.held_on if last else None,
                "review_due": state not in ("ok", "not_yet"), "review_state": state,
                "due_by": one_year_after(since).isoformat() if since else None,
                "message": message}
