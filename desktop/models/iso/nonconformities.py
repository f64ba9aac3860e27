"""Nonconformities and corrective action (ISO 9001:2015, 10.2), with stage gates.

    open → planned (an action plan is required before work starts) → in progress
         → verified (an effectiveness check is required before closing) → closed

A stage moves only through `advance`, one step at a time, with the data that step needs and dates
in order (detected ≤ planned ≤ started ≤ checked ≤ closed, none in the future). A check that finds
the action not effective keeps that plan, its dates and the check as a round of the plan history
(`iso_nc_plans`) and sends the nonconformity back to "planned", waiting for a revised plan:
`advance(…, "planned")` again (`nc plan`, the GUI's next step) makes the next round, which then
starts, is checked and so on. Every route (the GUI, the command line) goes through this module;
`next_stage` says what the next step is; the table's CHECK constraints repeat the gates.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .. import records
from ..db import Store
from ..errors import NotFound, ValidationError
from ..vntext import matches
from ._common import date_field, not_future, order, raise_if, rows, text_field, vn_date

TABLE = "iso_nonconformities"
PLANS = "iso_nc_plans"
PLAN_FIELDS = ("cause", "correction", "corrective_action", "owner", "due_on", "planned_on",
               "started_on")

STAGES = ("open", "planned", "in_progress", "verified", "closed")
STAGE_LABELS_VI = {"open": "Mới phát hiện", "planned": "Đã có kế hoạch khắc phục",
                   "in_progress": "Đang khắc phục", "verified": "Đã kiểm tra hiệu lực",
                   "closed": "Đã đóng"}
NEXT_STAGE = {"open": "planned", "planned": "in_progress", "in_progress": "verified",
              "verified": "closed"}
SOURCES = ("audit", "complaint", "review", "process", "other")
SOURCE_LABELS_VI = {"audit": "Đánh giá nội bộ", "complaint": "Phản ánh, khiếu nại",
                    "review": "Xem xét của lãnh đạo", "process": "Theo dõi quá trình",
                    "other": "Nguồn khác"}
EDITABLE = ("source", "audit_id", "finding_id", "detected_on", "department", "description",
            "owner", "due_on", "cause", "correction", "corrective_action")
FIELD_LABELS_VI = {"description": "mô tả", "owner": "người chịu trách nhiệm",
                   "due_on": "thời hạn", "cause": "nguyên nhân", "correction": "khắc phục tức thời",
                   "corrective_action": "hành động khắc phục", "department": "bộ phận"}


@dataclass
class Nonconformity:
    id: str
    code: str
    source: str
    audit_id: str | None
    finding_id: str | None
    detected_on: str
    department: str
    description: str
    owner: str
    due_on: str | None
    cause: str
    correction: str
    corrective_action: str
    planned_on: str | None
    started_on: str | None
    effectiveness: str
    checked_by: str
    checked_on: str | None
    closed_on: str | None
    stage: str
    origin_unit: str
    version: int

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS_VI.get(self.stage, self.stage)

    @property
    def is_open(self) -> bool:
        return self.stage != "closed"

    def overdue(self, today: _dt.date) -> bool:
        return self.is_open and bool(self.due_on) and self.due_on < today.isoformat()

    @property
    def awaiting_revision(self) -> bool:
        """A check found the action not effective and no revised plan was made yet."""
        return self.stage == "planned" and self.checked_on is not None

    def as_public(self, today: _dt.date | None = None) -> dict:
        data = {k: getattr(self, k) for k in Nonconformity.__dataclass_fields__
                if k not in ("origin_unit", "version")}
        data["overdue"] = self.overdue(today or _dt.date.today())
        data["awaiting_revision"] = self.awaiting_revision
        return data


def next_stage(nc: Nonconformity) -> str | None:
    """The stage the next step moves to: a revised plan ("planned" again) after a check that
    found the action not effective, else the next stage in order (None once closed)."""
    return "planned" if nc.awaiting_revision else NEXT_STAGE.get(nc.stage)


@dataclass
class PlanRound:
    """One corrective-action plan of a nonconformity: an earlier one with the check that found it
    not effective, or the one in hand (`current`)."""
    round: int
    cause: str
    correction: str
    corrective_action: str
    owner: str
    due_on: str | None
    planned_on: str | None
    started_on: str | None
    checked_on: str | None
    checked_by: str
    result: str
    current: bool = False

    def as_public(self) -> dict:
        return {k: getattr(self, k) for k in PlanRound.__dataclass_fields__}


def _nc(row: dict) -> Nonconformity:
    return Nonconformity(**{k: row[k] for k in Nonconformity.__dataclass_fields__})


class NonconformityRepository:
    def __init__(self, store: Store):
        self.store = store

    def list(self, *, stage: str | None = None, open_only: bool = False,
             overdue_on: _dt.date | None = None, year: int | None = None, query: str = "",
             unit_code: str | None = None) -> list[Nonconformity]:
        found = [_nc(r) for r in rows(self.store, TABLE, unit_code,
                                      order_by="detected_on DESC, code DESC")]
        if stage:
            found = [n for n in found if n.stage == stage]
        if open_only:
            found = [n for n in found if n.is_open]
        if overdue_on:
            found = [n for n in found if n.overdue(overdue_on)]
        if year:
            found = [n for n in found if n.detected_on[:4] == str(year)]
        if query:
            found = [n for n in found if matches(query, n.code, n.description, n.department,
                                                 n.owner)]
        return found

    def get(self, nc_id: str) -> Nonconformity:
        row = records.get(self.store, TABLE, nc_id)
        if row is None:
            raise NotFound("Không tìm thấy điểm không phù hợp này (có thể đã bị xóa).")
        return _nc(row)

    def by_code(self, code: str) -> Nonconformity | None:
        row = self.store.query_one(f"SELECT * FROM {TABLE} WHERE deleted = 0 AND origin_unit = ? "
                                   "AND code = ?", (self.store.unit_code,
                                                    text_field({"c": code}, "c").upper()))
        return _nc(row) if row else None

    def _next_code(self, detected_on: str) -> str:
        prefix = f"KPH-{detected_on[:4]}-"
        codes = [r["code"] for r in self.store.query(
            f"SELECT code FROM {TABLE} WHERE origin_unit = ? AND code LIKE ?",
            (self.store.unit_code, prefix + "%"))]
        numbers = [int(c[len(prefix):]) for c in codes if c[len(prefix):].isdigit()]
        return f"{prefix}{max(numbers + [0]) + 1:02d}"

    def _validate(self, values: dict, stage: str, today: _dt.date, *,
                  planning: bool = False) -> dict:
        errors: dict[str, str] = {}
        out = {k: text_field(values, k, multiline=k in ("description", "cause", "correction",
                                                         "corrective_action"))
               for k in ("department", "description", "owner", "cause", "correction",
                         "corrective_action")}
        out["source"] = values.get("source") or "other"
        out["audit_id"] = values.get("audit_id") or None
        out["finding_id"] = values.get("finding_id") or None
        if out["source"] not in SOURCES:
            errors["source"] = "Nguồn phát hiện không hợp lệ."
        if out["audit_id"] and records.get(self.store, "iso_audits", out["audit_id"]) is None:
            errors["audit_id"] = "Không tìm thấy đợt đánh giá được chọn."
        if not out["description"]:
            errors["description"] = "Hãy mô tả điểm không phù hợp."
        out["detected_on"] = date_field(values, "detected_on", "Ngày phát hiện", errors,
                                        required=True)
        not_future(errors, "detected_on", "Ngày phát hiện", out["detected_on"], today)
        out["due_on"] = date_field(values, "due_on", "Thời hạn khắc phục", errors)
        order(errors, ("detected_on", "Ngày phát hiện", out["detected_on"]),
              ("due_on", "Thời hạn khắc phục", out["due_on"]))
        if stage != "open":  # the plan exists: its parts can be changed, not removed
            for key in ("owner", "corrective_action", "due_on"):
                if not out[key] and key not in errors:
                    errors[key] = (f"Kế hoạch khắc phục cần nêu {FIELD_LABELS_VI[key]}."
                                   if planning else
                                   f"Đã có kế hoạch khắc phục: không được để trống "
                                   f"{FIELD_LABELS_VI[key]}.")
        raise_if(errors)
        return out

    def add(self, values: dict, *, today: _dt.date | None = None) -> Nonconformity:
        data = self._validate(values, "open", today or _dt.date.today())
        with self.store.atomic():
            data["code"] = self._next_code(data["detected_on"])
            data["stage"] = "open"
            row = records.insert(self.store, TABLE, data)
        return self.get(row["id"])

    def add_from_finding(self, finding_id: str, values: dict | None = None, *,
                         today: _dt.date | None = None) -> Nonconformity:
        finding = records.require(self.store, "iso_audit_findings", finding_id)
        audit = records.require(self.store, "iso_audits", finding["audit_id"])
        if self.store.scalar(f"SELECT count(*) FROM {TABLE} WHERE deleted = 0 AND finding_id = ?",
                             (finding_id,)):
            raise ValidationError("Phát hiện này đã có phiếu theo dõi không phù hợp.")
        base = {"source": "audit", "audit_id": audit["id"], "finding_id": finding_id,
                "detected_on": audit["end_on"], "department": finding["department"],
                "description": finding["description"]
                + (f" (điều khoản {finding['clause']})" if finding["clause"] else "")}
        return self.add({**base, **(values or {})}, today=today)

    def update(self, nc_id: str, values: dict, *, expected_version: int | None = None,
               today: _dt.date | None = None) -> Nonconformity:
        nc = self.get(nc_id)
        if nc.stage == "closed":
            raise ValidationError(f"{nc.code} đã đóng ngày {vn_date(nc.closed_on)}: không sửa "
                                  "được nữa.")
        if "stage" in values and values["stage"] != nc.stage:
            raise ValidationError({"stage": "Đổi giai đoạn bằng nút chuyển giai đoạn (lập kế "
                                            "hoạch, bắt đầu, kiểm tra hiệu lực, đóng)."})
        merged = {**nc.as_public(), **{k: v for k, v in values.items() if k in EDITABLE}}
        data = self._validate(merged, nc.stage, today or _dt.date.today())
        if nc.planned_on and data["detected_on"] > nc.planned_on:
            raise ValidationError({"detected_on": (
                f"Ngày phát hiện ({vn_date(data['detected_on'])}) không được sau ngày lập kế "
                f"hoạch ({vn_date(nc.planned_on)}).")})
        records.update(self.store, TABLE, nc_id, data, expected_version=expected_version)
        return self.get(nc_id)

    def remove(self, nc_id: str) -> None:
        nc = self.get(nc_id)
        if nc.stage != "open":
            raise ValidationError(f"{nc.code} đã có kế hoạch khắc phục: không xóa, hãy theo dõi "
                                  "đến khi đóng.")
        records.delete(self.store, TABLE, nc_id)

    # --- the stage gates ----------------------------------------------------------------------

    def advance(self, nc_id: str, to_stage: str, values: dict | None = None, *,
                expected_version: int | None = None,
                today: _dt.date | None = None) -> Nonconformity:
        """Move one stage forward; `values` carries what that step needs (see the module text).

        For "verified", `values["effective"]` False records a failed check and sends the
        nonconformity back to "planned"."""
        today = today or _dt.date.today()
        values = dict(values or {})
        nc = self.get(nc_id)
        if to_stage not in STAGES:
            raise ValidationError({"stage": f"Giai đoạn không hợp lệ: {to_stage}."})
        expected = next_stage(nc)
        if to_stage != expected:
            raise ValidationError({"stage": self._gate_message(nc, to_stage)})
        errors: dict[str, str] = {}
        changes: dict = {"stage": to_stage}
        if to_stage == "planned":
            merged = {**nc.as_public(), **{k: v for k, v in values.items() if k in EDITABLE}}
            try:
                data = self._validate(merged, "planned", today, planning=True)
            except ValidationError as exc:
                errors.update(exc.errors)
                data = {}
            if not text_field(merged, "cause"):
                errors.setdefault("cause", "Kế hoạch khắc phục cần nêu nguyên nhân.")
            changes.update(data)
            changes["planned_on"] = date_field({"d": values.get("planned_on") or today},
                                               "d", "Ngày lập kế hoạch", errors)
            order(errors, ("detected_on", "Ngày phát hiện", data.get("detected_on")),
                  ("planned_on", "Ngày lập kế hoạch", changes["planned_on"]))
            if nc.awaiting_revision:  # the revised plan: a new round, after the failed check
                order(errors, ("checked_on", "Ngày kiểm tra hiệu lực (chưa hiệu quả)",
                               nc.checked_on), ("planned_on", "Ngày lập kế hoạch",
                                                changes["planned_on"]))
                changes.update(started_on=None, checked_on=None, checked_by="")
            not_future(errors, "planned_on", "Ngày lập kế hoạch", changes["planned_on"], today)
        elif to_stage == "in_progress":
            changes["started_on"] = date_field({"started_on": values.get("started_on") or today},
                                               "started_on", "Ngày bắt đầu khắc phục", errors)
            order(errors, ("planned_on", "Ngày lập kế hoạch", nc.planned_on),
                  ("started_on", "Ngày bắt đầu khắc phục", changes["started_on"]))
            not_future(errors, "started_on", "Ngày bắt đầu khắc phục", changes["started_on"],
                       today)
        elif to_stage == "verified":
            result = text_field(values, "effectiveness", multiline=True)
            checked_by = text_field(values, "checked_by")
            if not result:
                errors["effectiveness"] = "Hãy ghi kết quả kiểm tra hiệu lực của hành động."
            if not checked_by:
                errors["checked_by"] = "Hãy ghi người kiểm tra hiệu lực."
            day = date_field({"checked_on": values.get("checked_on") or today}, "checked_on",
                             "Ngày kiểm tra hiệu lực", errors)
            order(errors, ("started_on", "Ngày bắt đầu khắc phục", nc.started_on),
                  ("checked_on", "Ngày kiểm tra hiệu lực", day))
            not_future(errors, "checked_on", "Ngày kiểm tra hiệu lực", day, today)
            raise_if(errors)
            if values.get("effective", True) in (False, 0, "0", "no", "khong"):
                note = f"Kiểm tra ngày {vn_date(day)} ({checked_by}): chưa hiệu quả — {result}"
                # the plan keeps its dates; it becomes a round of the history with the check
                changes = {"stage": "planned", "checked_on": day, "checked_by": checked_by,
                           "effectiveness": "\n".join(x for x in (nc.effectiveness, note) if x)}
                with self.store.atomic():
                    records.insert(self.store, PLANS, {
                        "nc_id": nc.id, "round": len(self._rounds(nc.id)) + 1,
                        **{k: getattr(nc, k) for k in PLAN_FIELDS},
                        "checked_on": day, "checked_by": checked_by, "result": result})
                    records.update(self.store, TABLE, nc_id, changes,
                                   expected_version=expected_version)
                return self.get(nc_id)
            else:
                if nc.effectiveness:  # earlier checks found it not effective: keep them
                    result = "\n".join((nc.effectiveness, f"Kiểm tra ngày {vn_date(day)} "
                                                           f"({checked_by}): đạt — {result}"))
                changes.update(effectiveness=result, checked_by=checked_by, checked_on=day)
        elif to_stage == "closed":
            changes["closed_on"] = date_field({"closed_on": values.get("closed_on") or today},
                                              "closed_on", "Ngày đóng", errors)
            order(errors, ("checked_on", "Ngày kiểm tra hiệu lực", nc.checked_on),
                  ("closed_on", "Ngày đóng", changes["closed_on"]))
            not_future(errors, "closed_on", "Ngày đóng", changes["closed_on"], today)
        raise_if(errors)
        records.update(self.store, TABLE, nc_id, changes, expected_version=expected_version)
        return self.get(nc_id)

    def _rounds(self, nc_id: str) -> list[dict]:
        return self.store.query(f"SELECT * FROM {PLANS} WHERE deleted = 0 AND nc_id = ? "
                                "ORDER BY round", (nc_id,))

    def plans(self, nc_id: str) -> list[PlanRound]:
        """Every plan of the nonconformity, oldest first: those a check found not effective,
        then the one in hand (unless it is only waiting to be revised)."""
        nc = self.get(nc_id)
        out = [PlanRound(r["round"], r["cause"], r["correction"], r["corrective_action"],
                         r["owner"], r["due_on"], r["planned_on"], r["started_on"],
                         r["checked_on"], r["checked_by"], r["result"])
               for r in self._rounds(nc_id)]
        if nc.stage != "open" and not nc.awaiting_revision:
            done = nc.stage in ("verified", "closed")
            out.append(PlanRound(len(out) + 1, nc.cause, nc.correction, nc.corrective_action,
                                 nc.owner, nc.due_on, nc.planned_on, nc.started_on,
                                 nc.checked_on if done else None,
                                 nc.checked_by if done else "", "", current=True))
        return out

    @staticmethod
    def _gate_message(nc: Nonconformity, to_stage: str) -> str:
        if nc.stage == "closed":
            return f"{nc.code} đã đóng: không chuyển giai đoạn được nữa."
        if nc.awaiting_revision:
            return (f"Lần kiểm tra ngày {vn_date(nc.checked_on)} thấy hành động khắc phục của "
                    f"{nc.code} chưa hiệu quả: hãy lập lại kế hoạch khắc phục (nguyên nhân, hành "
                    "động, người chịu trách nhiệm, thời hạn; có thể giữ nội dung cũ) trước khi "
                    "thực hiện tiếp.")
        if to_stage in ("in_progress", "verified", "closed") and nc.stage == "open":
            return (f"{nc.code} chưa có kế hoạch khắc phục: hãy lập kế hoạch (nguyên nhân, hành "
                    "động khắc phục, người chịu trách nhiệm, thời hạn) trước khi thực hiện.")
        if to_stage == "closed":
            return (f"{nc.code} chưa được kiểm tra hiệu lực của hành động khắc phục: không thể "
                    "đóng.")
        if to_stage == "verified" and nc.stage == "planned":
            return f"{nc.code} chưa bắt đầu khắc phục: hãy ghi ngày bắt đầu trước."
        return (f"{nc.code} đang ở giai đoạn \"{nc.stage_label}\": bước tiếp theo là "
                f"\"{STAGE_LABELS_VI[NEXT_STAGE[nc.stage]]}\".")


def nc_figures(ncs: list[Nonconformity], today: _dt.date) -> dict:
    return {"nc_open": sum(1 for n in ncs if n.is_open),
            "nc_overdue": sum(1 for n in ncs if n.overdue(today)),
            "nc_closed": sum(1 for n in ncs if not n.is_open)}
