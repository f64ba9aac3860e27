"""The 2008 → 2015 conversion plan: milestones with a due date, who is responsible, a status, the
completion date and the evidence (links to minutes, documents, audits or reviews by id).

The starting plan comes from milestone templates. The built-in set is what falls to a district in
appendix III of the VSS conversion plan (seed 002; DOMAIN.md); a province may send its own set to
its districts (the template table travels both ways). Loading a set copies its milestones into the
unit's own plan, where the unit sets its own dates.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .. import records
from ..db import Store
from ..errors import NotFound, ValidationError
from ._common import date_field, not_future, raise_if, rows, text_field, vn_date

TEMPLATES = "iso_plan_templates"
ITEMS = "iso_plan_items"
EVIDENCE = "iso_plan_evidence"

STATUSES = ("pending", "in_progress", "done")
STATUS_LABELS_VI = {"pending": "Chưa thực hiện", "in_progress": "Đang thực hiện",
                    "done": "Hoàn thành"}
EVIDENCE_KINDS = ("minutes", "document", "audit", "review")
EVIDENCE_LABELS_VI = {"minutes": "Biên bản", "document": "Tài liệu", "audit": "Đánh giá nội bộ",
                      "review": "Xem xét của lãnh đạo"}
DEFAULT_SET_CODE = "BHXHVN-2020-ISO9001-2015"
BUILTIN_ORIGIN_NAME = "Bảo hiểm xã hội Việt Nam (có sẵn trong chương trình)"
DEFAULT_SET_TITLE = ("Kế hoạch chuyển đổi HTQLCL từ TCVN ISO 9001:2008 sang TCVN ISO 9001:2015 "
                     "(phần việc của BHXH huyện, Phụ lục III)")
TEAM = "Tổ triển khai ISO"
DEFAULT_MILESTONES = [  # title, description, due date, responsible, evidence kind
    ("Phê duyệt danh mục tài liệu, quy trình nội bộ cần chuyển đổi",
     "Căn cứ Mô hình khung của BHXH Việt Nam, phê duyệt danh mục hệ thống tài liệu, quy trình "
     "giải quyết công việc nội bộ áp dụng TCVN ISO 9001:2015.", "2020-10-31", TEAM, "document"),
    ("Soạn thảo văn bản, quy trình theo TCVN ISO 9001:2015",
     "Soạn thảo các văn bản, quy trình giải quyết công việc nội bộ và quy trình giải quyết "
     "TTHC; đơn vị tư vấn hướng dẫn.", "2020-11-30", TEAM, "document"),
    ("Giám đốc phê duyệt, ban hành hệ thống tài liệu",
     "Tổ triển khai ISO trình Giám đốc BHXH huyện phê duyệt, ban hành áp dụng.", "2020-12-31",
     "Giám đốc", "document"),
    ("Áp dụng HTQLCL theo TCVN ISO 9001:2015",
     "Áp dụng hệ thống tài liệu, quy trình, biểu mẫu trong giải quyết công việc.",
     "2021-01-31", "Các bộ phận", "minutes"),
    ("Đào tạo chuyên gia đánh giá nội bộ",
     "Đơn vị tư vấn đào tạo cán bộ được phân công đánh giá nội bộ.", "2021-02-28",
     "Đơn vị tư vấn", "minutes"),
    ("Đánh giá nội bộ lần 1 và khắc phục",
     "Đơn vị tư vấn đánh giá, cán bộ đánh giá nội bộ của đơn vị quan sát; khắc phục các điểm "
     "không phù hợp.", "2021-04-30", TEAM, "audit"),
    ("Đánh giá nội bộ lần 2 và khắc phục",
     "Cán bộ đánh giá nội bộ của đơn vị thực hiện với sự hỗ trợ của đơn vị tư vấn; khắc phục "
     "các điểm không phù hợp.", "2021-04-30", TEAM, "audit"),
    ("Xem xét của lãnh đạo, xác nhận hiệu lực của HTQLCL",
     "Họp xem xét để Giám đốc xác nhận hiệu lực của HTQLCL và đề ra yêu cầu cải tiến.",
     "2021-04-30", "Giám đốc", "review"),
    ("Công bố HTQLCL phù hợp TCVN ISO 9001:2015",
     "Giám đốc ban hành quyết định công bố HTQLCL phù hợp tiêu chuẩn.", "2021-05-31",
     "Giám đốc", "document"),
]


@dataclass
class Evidence:
    id: str
    item_id: str
    kind: str
    target_id: str
    label: str
    found: bool = True

    def as_public(self) -> dict:
        return {"id": self.id, "kind": self.kind, "target_id": self.target_id,
                "label": self.label, "found": self.found}


@dataclass
class PlanItem:
    id: str
    template_id: str | None
    seq: int
    title: str
    description: str
    due_on: str
    responsible: str
    status: str
    completed_on: str | None
    note: str
    version: int
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS_VI.get(self.status, self.status)

    def overdue(self, today: _dt.date) -> bool:
        return self.status != "done" and self.due_on < today.isoformat()

    def done_late(self) -> bool:
        return self.status == "done" and bool(self.completed_on) and self.completed_on > self.due_on

    def as_public(self, today: _dt.date | None = None) -> dict:
        day = today or _dt.date.today()
        return {"id": self.id, "seq": self.seq, "title": self.title,
                "description": self.description, "due_on": self.due_on,
                "responsible": self.responsible, "status": self.status,
                "completed_on": self.completed_on, "note": self.note,
                "overdue": self.overdue(day), "done_late": self.done_late(),
                "evidence": [e.as_public() for e in self.evidence]}


def _item(row: dict) -> PlanItem:
    return PlanItem(row["id"], row["template_id"], row["seq"], row["title"], row["description"],
                    row["due_on"], row["responsible"], row["status"], row["completed_on"],
                    row["note"], row["version"])


def builtin_set() -> dict:
    """The built-in milestone set (in the program, not in the database)."""
    milestones = [{"id": f"{DEFAULT_SET_CODE}:{seq}", "seq": seq, "title": title,
                   "description": desc, "due_on": due, "responsible": who, "evidence_kind": kind}
                  for seq, (title, desc, due, who, kind) in enumerate(DEFAULT_MILESTONES, start=1)]
    return {"set_code": DEFAULT_SET_CODE, "set_title": DEFAULT_SET_TITLE, "origin_unit": "",
            "origin_name": BUILTIN_ORIGIN_NAME, "milestones": milestones}


def _minutes_entries(store: Store, unit_code: str | None = None) -> list | None:
    """The working minutes (latest revision of each), or None when that part of the program is
    not installed."""
    try:
        from ..minutes.register import register
    except ImportError:
        return None
    return register(store, unit_code=unit_code)


def _minutes_label(entry) -> str:
    text = entry.number or entry.subject or entry.minutes_id[:8]
    return f"Biên bản {text}" + (f" ({vn_date(entry.date)})" if entry.date else "")


class PlanRepository:
    def __init__(self, store: Store):
        self.store = store

    # --- templates --------------------------------------------------------------------------

    def template_sets(self) -> list[dict]:
        """Every milestone set available here: the built-in one, the sets the province sent,
        and the sets this unit published (a province, for its districts)."""
        sets: dict[tuple, dict] = {}
        for r in self.store.query(f"SELECT * FROM {TEMPLATES} WHERE deleted = 0 "
                                  "ORDER BY origin_unit, set_code, seq"):
            key = (r["origin_unit"], r["set_code"])
            entry = sets.setdefault(key, {"set_code": r["set_code"], "set_title": r["set_title"],
                                          "origin_unit": r["origin_unit"],
                                          "origin_name": r["origin_unit"], "milestones": []})
            entry["milestones"].append(r)
        return [*sets.values(), builtin_set()]

    def publish_template_set(self, set_code: str, set_title: str) -> dict:
        """Make this unit's plan a milestone set for the units under it (sent down by sync);
        publishing again under the same code replaces the set."""
        errors: dict[str, str] = {}
        code = text_field({"c": set_code}, "c").upper()
        title = text_field({"t": set_title}, "t")
        if not code or code == DEFAULT_SET_CODE:
            errors["set_code"] = "Hãy đặt mã cho bộ mốc (khác mã bộ mốc có sẵn)."
        if not title:
            errors["set_title"] = "Hãy đặt tên cho bộ mốc."
        items = self.items(with_evidence=False)
        if not items:
            errors.setdefault("set_code", "Kế hoạch chưa có mốc nào để gửi.")
        raise_if(errors)
        with self.store.atomic():
            for old in rows(self.store, TEMPLATES, None, "set_code = ?", (code,)):
                records.delete(self.store, TEMPLATES, old["id"])
            for n, item in enumerate(sorted(items, key=lambda i: (i.seq, i.due_on)), start=1):
                records.insert(self.store, TEMPLATES, {
                    "set_code": code, "set_title": title, "seq": n, "title": item.title,
                    "description": item.description, "due_on": item.due_on,
                    "responsible": item.responsible})
        return next(s for s in self.template_sets()
                    if s["set_code"] == code and s["origin_unit"] == self.store.unit_code)

    def load_template_set(self, set_code: str = DEFAULT_SET_CODE,
                          origin_unit: str | None = None, start=None) -> list[PlanItem]:
        """Copy a milestone set into this unit's plan (once). With `start` (a date), the first
        milestone falls due that day and the others keep their gaps after it; without it, the
        set's own dates are kept."""
        errors: dict[str, str] = {}
        start_on = date_field({"start": start}, "start", "Ngày bắt đầu kế hoạch", errors)
        raise_if(errors)
        chosen = [s for s in self.template_sets() if s["set_code"] == set_code
                  and (origin_unit is None or s["origin_unit"] == origin_unit)]
        if not chosen:
            raise NotFound(f"Không có bộ mốc kế hoạch {set_code}.")
        template = chosen[0]
        ids = {m["id"] for m in template["milestones"]}
        if any(i.template_id in ids for i in self.items()):
            raise ValidationError("Kế hoạch đã có các mốc của bộ này. Sửa các mốc đã có thay vì "
                                  "nạp lại.")
        first_seq = max([i.seq for i in self.items()] + [0])
        shift = _dt.timedelta(0)
        if start_on and template["milestones"]:
            earliest = min(m["due_on"] for m in template["milestones"])
            shift = _dt.date.fromisoformat(start_on) - _dt.date.fromisoformat(earliest)
        with self.store.atomic():
            for m in template["milestones"]:
                due = (_dt.date.fromisoformat(m["due_on"]) + shift).isoformat()
                records.insert(self.store, ITEMS, {
                    "template_id": m["id"], "seq": first_seq + m["seq"], "title": m["title"],
                    "description": m["description"], "due_on": due,
                    "responsible": m["responsible"], "status": "pending"})
        return self.items()

    # --- milestones -------------------------------------------------------------------------

    def items(self, unit_code: str | None = None, *, with_evidence: bool = True
              ) -> list[PlanItem]:
        found = [_item(r) for r in rows(self.store, ITEMS, unit_code, order_by="seq, due_on")]
        if with_evidence and found:
            by_item: dict[str, list[Evidence]] = {}
            for r in rows(self.store, EVIDENCE, unit_code):
                by_item.setdefault(r["item_id"], []).append(self._evidence(r))
            for item in found:
                item.evidence = by_item.get(item.id, [])
        return found

    def get(self, item_id: str) -> PlanItem:
        row = records.get(self.store, ITEMS, item_id)
        if row is None:
            raise NotFound("Không tìm thấy mốc kế hoạch này (có thể đã bị xóa).")
        item = _item(row)
        item.evidence = [self._evidence(r) for r in self.store.query(
            f"SELECT * FROM {EVIDENCE} WHERE deleted = 0 AND item_id = ? ORDER BY created_at",
            (item_id,))]
        return item

    def _validate(self, values: dict, today: _dt.date) -> dict:
        errors: dict[str, str] = {}
        out = {"title": text_field(values, "title"),
               "description": text_field(values, "description", multiline=True),
               "responsible": text_field(values, "responsible"),
               "note": text_field(values, "note", multiline=True),
               "status": values.get("status") or "pending"}
        if not out["title"]:
            errors["title"] = "Thiếu nội dung công việc."
        out["due_on"] = date_field(values, "due_on", "Thời hạn", errors, required=True)
        if out["status"] not in STATUSES:
            errors["status"] = "Tình trạng phải là Chưa thực hiện, Đang thực hiện hoặc Hoàn thành."
        out["completed_on"] = date_field(values, "completed_on", "Ngày hoàn thành", errors,
                                         required=out["status"] == "done")
        if out["status"] != "done":
            out["completed_on"] = None
        not_future(errors, "completed_on", "Ngày hoàn thành", out["completed_on"], today)
        try:
            out["seq"] = int(values.get("seq") or 0)
        except (TypeError, ValueError):
            errors["seq"] = "Số thứ tự phải là số."
        raise_if(errors)
        return out

    def add(self, values: dict, *, today: _dt.date | None = None) -> PlanItem:
        values = dict(values)
        if not values.get("seq"):
            values["seq"] = max([i.seq for i in self.items(with_evidence=False)] + [0]) + 1
        data = self._validate(values, today or _dt.date.today())
        return self.get(records.insert(self.store, ITEMS, data)["id"])

    def update(self, item_id: str, values: dict, *, expected_version: int | None = None,
               today: _dt.date | None = None) -> PlanItem:
        current = self.get(item_id).as_public()
        data = self._validate({**current, **values}, today or _dt.date.today())
        records.update(self.store, ITEMS, item_id, data, expected_version=expected_version)
        return self.get(item_id)

    def set_status(self, item_id: str, status: str, completed_on=None, *,
                   today: _dt.date | None = None) -> PlanItem:
        return self.update(item_id, {"status": status, "completed_on": completed_on},
                           today=today)

    def remove(self, item_id: str) -> None:
        item = self.get(item_id)
        with self.store.atomic():
            for e in item.evidence:
                records.delete(self.store, EVIDENCE, e.id)
            records.delete(self.store, ITEMS, item_id)

    # --- evidence -----------------------------------------------------------------------------

    def resolve(self, kind: str, target_id: str) -> str | None:
        """The label of what an evidence link points to; None when it is not (or no longer) here."""
        if kind == "document":
            r = self.store.query_one("SELECT code, revision, title FROM iso_documents "
                                     "WHERE id = ? AND deleted = 0", (target_id,))
            return f"{r['code']} (phiên bản {r['revision']}) — {r['title']}" if r else None
        if kind == "audit":
            r = self.store.query_one("SELECT round_no, start_on FROM iso_audits WHERE id = ? "
                                     "AND deleted = 0", (target_id,))
            return (f"Đánh giá nội bộ lần {r['round_no']} ({vn_date(r['start_on'])})"
                    if r else None)
        if kind == "review":
            r = self.store.query_one("SELECT held_on FROM iso_reviews WHERE id = ? "
                                     "AND deleted = 0", (target_id,))
            return f"Xem xét của lãnh đạo ngày {vn_date(r['held_on'])}" if r else None
        if kind == "minutes":
            entries = _minutes_entries(self.store, "*")
            entry = next((e for e in entries or [] if e.minutes_id == target_id), None)
            return _minutes_label(entry) if entry else None
        return None

    def candidates(self, kind: str) -> list[tuple[str, str]]:
        """(id, label) of what a milestone can point to, newest first."""
        unit = self.store.unit_code
        if kind == "document":
            found = self.store.query("SELECT id FROM iso_documents WHERE deleted = 0 AND "
                                     "origin_unit = ? ORDER BY code, revision", (unit,))
        elif kind == "audit":
            found = self.store.query("SELECT id FROM iso_audits WHERE deleted = 0 AND "
                                     "origin_unit = ? ORDER BY start_on DESC", (unit,))
        elif kind == "review":
            found = self.store.query("SELECT id FROM iso_reviews WHERE deleted = 0 AND "
                                     "origin_unit = ? ORDER BY held_on DESC", (unit,))
        elif kind == "minutes":
            return [(e.minutes_id, _minutes_label(e)) for e in _minutes_entries(self.store) or []]
        else:
            found = []
        out = [(r["id"], self.resolve(kind, r["id"])) for r in found]
        return [(i, label) for i, label in out if label]

    def _evidence(self, row: dict) -> Evidence:
        label = self.resolve(row["kind"], row["target_id"])
        return Evidence(row["id"], row["item_id"], row["kind"], row["target_id"],
                        label or row["label"] or row["target_id"], found=label is not None)

    def link(self, item_id: str, kind: str, target_id: str, label: str = "") -> Evidence:
        self.get(item_id)
        if kind not in EVIDENCE_KINDS:
            raise ValidationError({"kind": "Minh chứng phải là biên bản, tài liệu, đánh giá nội bộ "
                                           "hoặc xem xét của lãnh đạo."})
        target_id = (target_id or "").strip()
        if not target_id:
            raise ValidationError({"target_id": "Hãy chọn minh chứng."})
        found = self.resolve(kind, target_id)
        if found is None and not (kind == "minutes" and _minutes_entries(self.store) is None):
            raise ValidationError({"target_id": (
                f"Không tìm thấy {EVIDENCE_LABELS_VI[kind].lower()} có mã {target_id}.")})
        label = found or text_field({"l": label}, "l")
        if not label:
            raise ValidationError({"label": "Hãy ghi số, ngày của biên bản làm minh chứng."})
        if any(e.kind == kind and e.target_id == target_id for e in self.get(item_id).evidence):
            raise ValidationError({"target_id": "Minh chứng này đã được gắn với mốc."})
        row = records.insert(self.store, EVIDENCE, {"item_id": item_id, "kind": kind,
                                                    "target_id": target_id, "label": label})
        return self._evidence(row)

    def unlink(self, evidence_id: str) -> None:
        records.require(self.store, EVIDENCE, evidence_id)
        records.delete(self.store, EVIDENCE, evidence_id)


def plan_figures(items: list[PlanItem], today: _dt.date) -> dict:
    return {"plan_total": len(items), "plan_done": sum(1 for i in items if i.status == "done"),
            "plan_overdue": sum(1 for i in items if i.overdue(today))}
