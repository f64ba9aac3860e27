"""Importing the document register from Excel: all rows or none.

`plan_import` decides row by row what would happen and collects every error with its Excel row
number; it changes nothing (the dry run). `apply_import` writes a plan only when it has no error,
in one transaction. The rules are those of `documents.py`: required approval data, dates in order
and not in the future, one version in force per document; a version already in the register
changes state only as `document_rules.step_problem` allows (several steps at once, with their
dates), judged against the register as it will be after the import.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from types import SimpleNamespace

from .. import records
from ..db import Store
from ..errors import ValidationError
from ._common import date_field, not_future, order, text_field, vn_date
from .document_rules import new_version_problem, row_step_problem, step_problem
from .documents import (
    LOCKED_AFTER_APPROVAL, STATE_ALIASES, STATE_LABELS_VI, TABLE, DocumentRepository,
    check_replaces, parse_choice, revision_key, validate_content,
)

IMPORT_FIELDS = ("code", "title", "kind", "standard", "revision", "state", "approver",
                 "approved_on", "effective_on", "obsolete_on", "department", "note")


@dataclass
class DocImportRow:
    row_number: int
    values: dict
    is_empty: bool = False
    action: str = ""            # add | update | unchanged | skip | refuse
    reason: str = ""
    existing_id: str | None = None
    existing_state: str | None = None
    data: dict = field(default_factory=dict)


@dataclass
class DocImportPlan:
    rows: list[DocImportRow] = field(default_factory=list)
    converted_cells: list[dict] = field(default_factory=list)
    supersede: list[dict] = field(default_factory=list)   # versions that will become obsolete

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[dict]:
        return [{"row": r.row_number, "message": r.reason} for r in self.rows
                if r.action == "refuse"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> dict:
        return {"added": self.count("add"), "updated": self.count("update"),
                "unchanged": self.count("unchanged"), "skipped": self.count("skip"),
                "superseded": len(self.supersede), "errors": self.errors,
                "converted_cells": self.converted_cells}


def _row_data(values: dict, today: _dt.date) -> dict:
    """Validate one row; ValidationError carries every problem of the row."""
    errors: dict[str, str] = {}
    try:
        data = validate_content(values)
    except ValidationError as exc:
        errors.update(exc.errors)
        data = {}
    state = parse_choice(values.get("state") or "draft", STATE_LABELS_VI, STATE_ALIASES)
    if state is None:
        errors["state"] = ("Trạng thái phải là Dự thảo, Đã phê duyệt, Đang hiệu lực hoặc Hết hiệu "
                           f"lực (đang là \"{values.get('state')}\").")
    data["state"] = state
    data["approver"] = text_field(values, "approver")
    for name, label in (("approved_on", "Ngày phê duyệt"), ("effective_on", "Ngày hiệu lực"),
                        ("obsolete_on", "Ngày hết hiệu lực")):
        data[name] = date_field(values, name, label, errors)
        not_future(errors, name, label, data[name], today)
    if state in ("approved", "in_force"):
        if not data["approver"]:
            errors["approver"] = "Tài liệu đã phê duyệt phải ghi người phê duyệt."
        if not data["approved_on"] and "approved_on" not in errors:
            errors["approved_on"] = "Tài liệu đã phê duyệt phải có ngày phê duyệt."
    if state == "in_force" and not data["effective_on"] and "effective_on" not in errors:
        errors["effective_on"] = "Tài liệu đang hiệu lực phải có ngày hiệu lực."
    if state == "obsolete" and not data["obsolete_on"] and "obsolete_on" not in errors:
        errors["obsolete_on"] = "Tài liệu hết hiệu lực phải có ngày hết hiệu lực."
    if state == "draft" and (data["approved_on"] or data["effective_on"]):
        errors["state"] = "Bản dự thảo không có ngày phê duyệt hay ngày hiệu lực."
    order(errors, ("approved_on", "Ngày phê duyệt", data["approved_on"]),
          ("effective_on", "Ngày hiệu lực", data["effective_on"]))
    order(errors, ("effective_on", "Ngày hiệu lực", data["effective_on"] or data["approved_on"]),
          ("obsolete_on", "Ngày hết hiệu lực", data["obsolete_on"]))
    if errors:
        raise ValidationError(errors)
    if state in ("draft",):
        data.update(approver="", approved_on=None, effective_on=None, obsolete_on=None)
    elif state == "approved":
        data.update(effective_on=None, obsolete_on=None)
    elif state == "in_force":
        data["obsolete_on"] = None
    return data


def plan_import(store: Store, rows: list[DocImportRow], *, today: _dt.date | None = None
                ) -> DocImportPlan:
    today = today or _dt.date.today()
    repo = DocumentRepository(store)
    plan = DocImportPlan()
    seen: dict[tuple, int] = {}
    good: list[DocImportRow] = []
    for row in rows:
        plan.rows.append(row)
        if row.is_empty:
            row.action, row.reason = "skip", "Dòng trống"
            continue
        stored = _existing(repo, row.values)
        values = row.values
        step = _step_problem(stored, values)
        if step:
            row.action, row.reason = "refuse", step
            continue
        if stored is not None and stored.effective_on and not values.get("effective_on"):
            values = {**values, "effective_on": stored.effective_on}  # an empty cell keeps it
        try:
            data = _row_data(values, today)
        except ValidationError as exc:
            row.action, row.reason = "refuse", "; ".join(exc.errors.values())
            continue
        key = (data["code"], revision_key(data["revision"]))
        if key in seen:
            row.action = "refuse"
            row.reason = (f"Tài liệu {data['code']} phiên bản {data['revision']} trùng với dòng "
                          f"{seen[key]} trong tệp.")
            continue
        seen[key] = row.row_number
        row.data = data
        existing = repo.find(data["code"], data["revision"])
        if existing is None:
            row.action, row.reason = "add", "Thêm mới"
        else:
            row.existing_id = existing.id
            row.existing_state = existing.state
            problem = _update_problem(existing, data)
            if problem:
                row.action, row.reason = "refuse", problem
                continue
            changed = [k for k in IMPORT_FIELDS if k in data and data[k] != getattr(existing, k)
                       and k not in ("code", "revision")]
            if changed:
                row.action = "update"
                row.reason = "Cập nhật: " + ", ".join(changed)
            else:
                row.action, row.reason = "unchanged", "Đã có, không thay đổi"
        good.append(row)
    _check_versions(repo, good, plan)
    return plan


def _existing(repo: DocumentRepository, values: dict):
    """The version of the register a row names, or None (also when the row has no valid code)."""
    try:
        data = validate_content(values)
    except ValidationError:
        return None
    return repo.find(data["code"], data["revision"])


def _step_problem(stored, values: dict) -> str | None:
    """The state a row gives a version already in the register, against the version alone
    (checked before the row's dates, whose rules depend on the state)."""
    if stored is None:
        return None
    state = parse_choice(values.get("state") or "draft", STATE_LABELS_VI, STATE_ALIASES)
    if state is None:
        return None
    effective = values.get("effective_on") or stored.effective_on
    return row_step_problem(stored.code, stored.revision, stored.state, state,
                            str(effective) if effective else None)


def _update_problem(existing, data: dict) -> str | None:
    if existing.state != "draft" and data["state"] != "draft":
        locked = [k for k in LOCKED_AFTER_APPROVAL if data[k] != getattr(existing, k)
                  and k != "revision"]
        if locked:
            return (f"Tài liệu {existing.code} phiên bản {existing.revision} đã được phê duyệt: "
                    "không sửa loại hay tiêu chuẩn; hãy thêm phiên bản mới.")
        for k in ("approver", "approved_on"):
            if getattr(existing, k) and data[k] != getattr(existing, k):
                return (f"Tài liệu {existing.code} phiên bản {existing.revision} đã phê duyệt ngày "
                        f"{vn_date(existing.approved_on)} bởi {existing.approver}: không sửa "
                        "thông tin phê duyệt.")
    if existing.effective_on and data["effective_on"] != existing.effective_on:
        return (f"Tài liệu {existing.code} phiên bản {existing.revision} đã có hiệu lực từ ngày "
                f"{vn_date(existing.effective_on)}: không sửa ngày hiệu lực (để trống ô hoặc ghi "
                "đúng ngày này).")
    if existing.state == "obsolete" and existing.obsolete_on != data["obsolete_on"]:
        return f"Tài liệu {existing.code} đã hết hiệu lực: không sửa ngày hết hiệu lực."
    return None


def _check_versions(repo: DocumentRepository, good: list[DocImportRow],
                    plan: DocImportPlan) -> None:
    """After the import: one version in force per document, older ones superseded, and only the
    latest version made obsolete by hand."""
    by_code: dict[str, list[DocImportRow]] = {}
    for row in good:
        by_code.setdefault(row.data["code"], []).append(row)
    for code, file_rows in by_code.items():
        final: dict[tuple, dict] = {}
        for v in repo.versions(code):
            final[revision_key(v.revision)] = {"revision": v.revision, "state": v.state,
                                               "id": v.id, "row": None,
                                               "effective_on": v.effective_on}
        for row in file_rows:
            final[revision_key(row.data["revision"])] = {
                "revision": row.data["revision"], "state": row.data["state"],
                "id": row.existing_id, "row": row, "effective_on": row.data["effective_on"]}
        keys = sorted(final)
        in_force = [k for k in keys if final[k]["state"] == "in_force"]
        in_file = [k for k in in_force if final[k]["row"] is not None]
        if len(in_file) > 1:
            for k in in_file[:-1]:
                r = final[k]["row"]
                r.action = "refuse"
                r.reason = (f"Tài liệu {code} có hai phiên bản cùng đang hiệu lực trong tệp "
                            f"({final[k]['revision']} và {final[in_file[-1]]['revision']}). "
                            "Phiên bản cũ phải là Hết hiệu lực.")
            continue
        if in_force:
            newest = in_force[-1]
            replaced = [k for k in in_force[:-1] if final[k]["row"] is None]
            errors: dict[str, str] = {}
            for k in replaced:  # an older version in the register: superseded
                check_replaces(errors, final[k]["revision"], final[k]["effective_on"],
                               final[newest]["effective_on"])
            row = final[newest]["row"]
            if errors and row is not None:
                row.action = "refuse"
                row.reason = (f"Tài liệu {code} phiên bản {final[newest]['revision']}: "
                              + errors["effective_on"])
                continue
            for k in replaced:
                plan.supersede.append({"id": final[k]["id"], "code": code,
                                       "revision": final[k]["revision"],
                                       "by": final[newest]["revision"],
                                       "on": final[newest]["effective_on"]})
        stored = {v.id: v for v in repo.versions(code)}
        for k in keys:
            row = final[k]["row"]
            if row is None or row.action not in ("add", "update"):
                continue
            others = [_version(code, final[k2]) for k2 in keys if k2 != k]
            state, effective = row.data["state"], row.data["effective_on"]
            if row.action == "update":
                problem = step_problem(stored[row.existing_id], state, others,
                                       effective_on=effective)
            else:  # a version new to the register: as it is recorded, not a step
                problem = new_version_problem(code, row.data["revision"], state, others)
                if problem is None and state == "in_force":
                    problem = step_problem(_version(code, {**final[k], "state": "approved"}),
                                           state, others, effective_on=effective)
            if problem:
                row.action, row.reason = "refuse", problem


def _version(code: str, entry: dict) -> SimpleNamespace:
    """A version as it will be after the import, for `document_rules`."""
    return SimpleNamespace(id=entry["id"] or f"row-{entry['revision']}", code=code,
                           revision=entry["revision"], state=entry["state"],
                           effective_on=entry["effective_on"])


def apply_import(store: Store, plan: DocImportPlan) -> dict:
    """Write the whole plan in one transaction, or nothing when any row was refused."""
    if not plan.ok:
        n = len(plan.errors)
        raise ValidationError(f"Tệp có {n} dòng lỗi nên không nhập dòng nào. Hãy sửa các dòng "
                              "được báo rồi nhập lại.")
    added = updated = 0
    with store.atomic():
        for row in plan.rows:
            if row.action == "add":
                records.insert(store, TABLE, {**row.data, "obsolete_reason":
                                              "Hết hiệu lực (nhập từ Excel)"
                                              if row.data["state"] == "obsolete" else ""})
                added += 1
            elif row.action == "update":
                changes = {k: v for k, v in row.data.items() if k not in ("code", "revision")}
                if row.data["state"] == "obsolete" and row.existing_state != "obsolete":
                    changes["obsolete_reason"] = "Hết hiệu lực (nhập từ Excel)"
                records.update(store, TABLE, row.existing_id, changes)
                updated += 1
        for s in plan.supersede:
            records.update(store, TABLE, s["id"], {
                "state": "obsolete", "obsolete_on": s["on"],
                "obsolete_reason": f"Thay thế bởi phiên bản {s['by']}"})
    return {**plan.summary(), "added": added, "updated": updated}
