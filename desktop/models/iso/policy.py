"""Quality policy and quality objectives (ISO 9001:2015, 5.2 and 6.2): the text, the date, who
issued them. The current one of each kind is the latest issued; earlier ones stay as history."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .. import records
from ..db import Store
from ..errors import NotFound
from ._common import date_field, not_future, raise_if, rows, text_field

TABLE = "iso_policies"

KINDS = ("policy", "objectives")
KIND_LABELS_VI = {"policy": "Chính sách chất lượng", "objectives": "Mục tiêu chất lượng"}


@dataclass
class Policy:
    id: str
    kind: str
    title: str
    body: str
    year: int | None
    issued_on: str
    issued_by: str
    reference: str
    version: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS_VI.get(self.kind, self.kind)

    def as_public(self) -> dict:
        return {k: getattr(self, k) for k in ("id", "kind", "title", "body", "year", "issued_on",
                                              "issued_by", "reference")}


def _policy(row: dict) -> Policy:
    return Policy(row["id"], row["kind"], row["title"], row["body"], row["year"],
                  row["issued_on"], row["issued_by"], row["reference"], row["version"])


def validate(values: dict, today: _dt.date) -> dict:
    errors: dict[str, str] = {}
    out = {"kind": values.get("kind"), "title": text_field(values, "title"),
           "body": text_field(values, "body", multiline=True),
           "issued_by": text_field(values, "issued_by"),
           "reference": text_field(values, "reference")}
    if out["kind"] not in KINDS:
        errors["kind"] = "Hãy chọn Chính sách chất lượng hoặc Mục tiêu chất lượng."
    if not out["body"]:
        errors["body"] = "Hãy nhập nội dung."
    if not out["issued_by"]:
        errors["issued_by"] = "Hãy ghi người ban hành (họ tên, chức vụ)."
    out["issued_on"] = date_field(values, "issued_on", "Ngày ban hành", errors, required=True)
    not_future(errors, "issued_on", "Ngày ban hành", out["issued_on"], today)
    year = values.get("year")
    if year in (None, "", 0):
        out["year"] = None
    else:
        try:
            out["year"] = int(year)
            if not 1990 <= out["year"] <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            errors["year"] = f"Năm áp dụng không hợp lệ: {year}."
    raise_if(errors)
    return out


class PolicyRepository:
    def __init__(self, store: Store):
        self.store = store

    def list(self, kind: str | None = None, unit_code: str | None = None) -> list[Policy]:
        found = rows(self.store, TABLE, unit_code, "kind = ?" if kind else "",
                     (kind,) if kind else (), order_by="issued_on DESC, created_at DESC")
        return [_policy(r) for r in found]

    def current(self, kind: str, unit_code: str | None = None) -> Policy | None:
        found = self.list(kind, unit_code)
        return found[0] if found else None

    def get(self, policy_id: str) -> Policy:
        row = records.get(self.store, TABLE, policy_id)
        if row is None:
            raise NotFound("Không tìm thấy văn bản này (có thể đã bị xóa).")
        return _policy(row)

    def add(self, values: dict, *, today: _dt.date | None = None) -> Policy:
        data = validate(values, today or _dt.date.today())
        return _policy(records.insert(self.store, TABLE, data))

    def update(self, policy_id: str, values: dict, *, expected_version: int | None = None,
               today: _dt.date | None = None) -> Policy:
        current = self.get(policy_id).as_public()
        data = validate({**current, **values}, today or _dt.date.today())
        return _policy(records.update(self.store, TABLE, policy_id, data,
                                      expected_version=expected_version))

    def remove(self, policy_id: str) -> None:
        self.get(policy_id)
        records.delete(self.store, TABLE, policy_id)
