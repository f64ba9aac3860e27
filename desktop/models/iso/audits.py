"""Internal audits (ISO 9001:2015, 9.2): a yearly programme, its rounds (dates, who audits: the
consultant, the unit's own auditors or both, the scope) and what each round found.

The conversion plan asks for at least two rounds: the first by the consultant with the unit's
auditors watching, later ones by the unit's own auditors.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .. import records
from ..db import Store
from ..errors import NotFound, ValidationError
from ._common import date_field, not_future, order, raise_if, rows, text_field, vn_date, year_of

PROGRAMMES = "iso_audit_programmes"
AUDITS = "iso_audits"
FINDINGS = "iso_audit_findings"

CONDUCTED_BY = ("consultant", "internal", "joint")
CONDUCTED_BY_LABELS_VI = {"consultant": "Đơn vị tư vấn", "internal": "Chuyên gia đánh giá nội bộ",
                          "joint": "Tư vấn và đánh giá viên nội bộ"}
FINDING_KINDS = ("major", "minor", "observation", "improvement")
FINDING_LABELS_VI = {"major": "Không phù hợp nặng", "minor": "Không phù hợp nhẹ",
                     "observation": "Điểm lưu ý", "improvement": "Cơ hội cải tiến"}
NC_FINDINGS = ("major", "minor")


@dataclass
class Finding:
    id: str
    audit_id: str
    seq: int
    kind: str
    clause: str
    department: str
    description: str
    version: int
    nc_id: str | None = None

    @property
    def kind_label(self) -> str:
        return FINDING_LABELS_VI.get(self.kind, self.kind)

    def as_public(self) -> dict:
        return {k: getattr(self, k) for k in ("id", "seq", "kind", "clause", "department",
                                              "description", "nc_id")}


@dataclass
class Audit:
    id: str
    programme_id: str
    round_no: int
    start_on: str
    end_on: str
    conducted_by: str
    lead_auditor: str
    auditors: str
    scope: str
    conclusion: str
    version: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def conducted_by_label(self) -> str:
        return CONDUCTED_BY_LABELS_VI.get(self.conducted_by, self.conducted_by)

    def as_public(self) -> dict:
        data = {k: getattr(self, k) for k in ("id", "programme_id", "round_no", "start_on",
                                              "end_on", "conducted_by", "lead_auditor",
                                              "auditors", "scope", "conclusion")}
        data["findings"] = [f.as_public() for f in self.findings]
        return data


@dataclass
class Programme:
    id: str
    year: int
    title: str
    objective: str
    approved_by: str
    approved_on: str | None
    version: int
    audits: list[Audit] = field(default_factory=list)

    def as_public(self) -> dict:
        return {"id": self.id, "year": self.year, "title": self.title,
                "objective": self.objective, "approved_by": self.approved_by,
                "approved_on": self.approved_on,
                "audits": [a.as_public() for a in self.audits]}


def _programme(r: dict) -> Programme:
    return Programme(r["id"], r["year"], r["title"], r["objective"], r["approved_by"],
                     r["approved_on"], r["version"])


def _audit(r: dict) -> Audit:
    return Audit(r["id"], r["programme_id"], r["round_no"], r["start_on"], r["end_on"],
                 r["conducted_by"], r["lead_auditor"], r["auditors"], r["scope"],
                 r["conclusion"], r["version"])


def _finding(r: dict) -> Finding:
    return Finding(r["id"], r["audit_id"], r["seq"], r["kind"], r["clause"], r["department"],
                   r["description"], r["version"])


class AuditRepository:
    def __init__(self, store: Store):
        self.store = store

    # --- programmes ---------------------------------------------------------------------------

    def programmes(self, unit_code: str | None = None, *, year: int | None = None
                   ) -> list[Programme]:
        progs = [_programme(r) for r in rows(self.store, PROGRAMMES, unit_code,
                                             "year = ?" if year else "",
                                             (year,) if year else (), order_by="year DESC")]
        audits = self.audits(unit_code)
        for p in progs:
            p.audits = [a for a in audits if a.programme_id == p.id]
        return progs

    def programme(self, programme_id: str) -> Programme:
        row = records.get(self.store, PROGRAMMES, programme_id)
        if row is None:
            raise NotFound("Không tìm thấy chương trình đánh giá này.")
        p = _programme(row)
        p.audits = [a for a in self.audits() if a.programme_id == p.id]
        return p

    def _validate_programme(self, values: dict, today: _dt.date) -> dict:
        errors: dict[str, str] = {}
        out = {"title": text_field(values, "title"),
               "objective": text_field(values, "objective", multiline=True),
               "approved_by": text_field(values, "approved_by")}
        try:
            out["year"] = int(values.get("year"))
            if not 1990 <= out["year"] <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            errors["year"] = f"Năm của chương trình không hợp lệ: {values.get('year')}."
        if not out["title"]:
            errors["title"] = "Thiếu tên chương trình đánh giá."
        out["approved_on"] = date_field(values, "approved_on", "Ngày phê duyệt", errors)
        not_future(errors, "approved_on", "Ngày phê duyệt", out["approved_on"], today)
        raise_if(errors)
        return out

    def add_programme(self, values: dict, *, today: _dt.date | None = None) -> Programme:
        data = self._validate_programme(values, today or _dt.date.today())
        return self.programme(records.insert(self.store, PROGRAMMES, data)["id"])

    def update_programme(self, programme_id: str, values: dict, *,
                         today: _dt.date | None = None) -> Programme:
        current = self.programme(programme_id).as_public()
        data = self._validate_programme({**current, **values}, today or _dt.date.today())
        records.update(self.store, PROGRAMMES, programme_id, data)
        return self.programme(programme_id)

    def remove_programme(self, programme_id: str) -> None:
        p = self.programme(programme_id)
        if p.audits:
            raise ValidationError(f"Chương trình còn {len(p.audits)} đợt đánh giá: hãy xóa các đợt "
                                  "trước.")
        records.delete(self.store, PROGRAMMES, programme_id)

    # --- rounds -------------------------------------------------------------------------------

    def audits(self, unit_code: str | None = None, *, year: int | None = None) -> list[Audit]:
        where, params = ("substr(start_on, 1, 4) = ?", (str(year),)) if year else ("", ())
        found = [_audit(r) for r in rows(self.store, AUDITS, unit_code, where, params,
                                         order_by="start_on, round_no")]
        if found:
            findings = self.findings(unit_code)
            for a in found:
                a.findings = [f for f in findings if f.audit_id == a.id]
        return found

    def get(self, audit_id: str) -> Audit:
        row = records.get(self.store, AUDITS, audit_id)
        if row is None:
            raise NotFound("Không tìm thấy đợt đánh giá này (có thể đã bị xóa).")
        a = _audit(row)
        a.findings = [f for f in self.findings() if f.audit_id == a.id]
        return a

    def _validate_audit(self, values: dict, today: _dt.date) -> dict:
        errors: dict[str, str] = {}
        out = {"programme_id": values.get("programme_id") or "",
               "conducted_by": values.get("conducted_by") or "",
               "lead_auditor": text_field(values, "lead_auditor"),
               "auditors": text_field(values, "auditors", multiline=True),
               "scope": text_field(values, "scope", multiline=True),
               "conclusion": text_field(values, "conclusion", multiline=True)}
        programme = (records.get(self.store, PROGRAMMES, out["programme_id"])
                     if out["programme_id"] else None)
        if programme is None:
            errors["programme_id"] = "Hãy chọn chương trình đánh giá."
        if out["conducted_by"] not in CONDUCTED_BY:
            errors["conducted_by"] = ("Hãy chọn ai thực hiện: đơn vị tư vấn, chuyên gia đánh giá "
                                      "nội bộ hoặc cả hai.")
        if not out["lead_auditor"]:
            errors["lead_auditor"] = "Thiếu trưởng đoàn đánh giá."
        out["start_on"] = date_field(values, "start_on", "Ngày bắt đầu", errors, required=True)
        out["end_on"] = date_field(values, "end_on", "Ngày kết thúc", errors) or out["start_on"]
        order(errors, ("start_on", "Ngày bắt đầu", out["start_on"]),
              ("end_on", "Ngày kết thúc", out["end_on"]))
        if programme is not None:
            self._within_programme(errors, programme, out)
        if out["conclusion"]:
            not_future(errors, "end_on", "Ngày kết thúc của đợt đã có kết luận", out["end_on"],
                       today)
        raise_if(errors)
        return out

    @staticmethod
    def _within_programme(errors: dict[str, str], programme: dict, out: dict) -> None:
        """A round falls in the year of its programme and not before the programme's approval."""
        year = programme["year"]
        for name, label in (("start_on", "Ngày bắt đầu"), ("end_on", "Ngày kết thúc")):
            if out[name] and year_of(out[name]) != year and name not in errors:
                errors[name] = (f"{label} ({vn_date(out[name])}) phải nằm trong năm {year} của "
                                "chương trình đánh giá. Hãy sửa ngày hoặc chọn chương trình của "
                                f"năm {year_of(out[name])}.")
        order(errors, ("approved_on", "Ngày phê duyệt chương trình đánh giá",
                       programme.get("approved_on")), ("start_on", "Ngày bắt đầu",
                                                       out["start_on"]))

    def add_audit(self, values: dict, *, today: _dt.date | None = None) -> Audit:
        data = self._validate_audit(values, today or _dt.date.today())
        with self.store.atomic():
            rounds = [a.round_no for a in self.audits() if a.programme_id == data["programme_id"]]
            data["round_no"] = int(values.get("round_no") or max(rounds + [0]) + 1)
            if data["round_no"] in rounds:
                raise ValidationError({"round_no": f"Chương trình đã có đợt đánh giá lần "
                                                   f"{data['round_no']}."})
            row = records.insert(self.store, AUDITS, data)
        return self.get(row["id"])

    def update_audit(self, audit_id: str, values: dict, *, expected_version: int | None = None,
                     today: _dt.date | None = None) -> Audit:
        current = self.get(audit_id).as_public()
        current.pop("findings")
        data = self._validate_audit({**current, **values}, today or _dt.date.today())
        data["round_no"] = current["round_no"]
        records.update(self.store, AUDITS, audit_id, data, expected_version=expected_version)
        return self.get(audit_id)

    def remove_audit(self, audit_id: str) -> None:
        a = self.get(audit_id)
        linked = self.store.scalar("SELECT count(*) FROM iso_nonconformities WHERE deleted = 0 "
                                   "AND audit_id = ?", (audit_id,))
        if linked:
            raise ValidationError(f"Đợt đánh giá lần {a.round_no} có {linked} điểm không phù hợp "
                                  "đang theo dõi: không xóa được.")
        with self.store.atomic():
            for f in a.findings:
                records.delete(self.store, FINDINGS, f.id)
            records.delete(self.store, AUDITS, audit_id)

    # --- findings -----------------------------------------------------------------------------

    def findings(self, unit_code: str | None = None) -> list[Finding]:
        found = [_finding(r) for r in rows(self.store, FINDINGS, unit_code, order_by="seq")]
        links = {r["finding_id"]: r["id"] for r in self.store.query(
            "SELECT id, finding_id FROM iso_nonconformities WHERE deleted = 0 "
            "AND finding_id IS NOT NULL")}
        for f in found:
            f.nc_id = links.get(f.id)
        return found

    def _linked(self, f: Finding) -> Finding:
        """The finding with the nonconformity opened from it (every finding this repository
        returns says whether it has one)."""
        f.nc_id = self.store.scalar("SELECT id FROM iso_nonconformities WHERE deleted = 0 AND "
                                    "finding_id = ?", (f.id,))
        return f

    def add_finding(self, audit_id: str, values: dict, *, open_nc: bool = False) -> Finding:
        """A finding of an audit; with `open_nc`, its nonconformity opened in the same
        transaction (the finding's `nc_id` names it)."""
        audit = self.get(audit_id)
        errors: dict[str, str] = {}
        data = {"audit_id": audit_id, "kind": values.get("kind") or "",
                "clause": text_field(values, "clause"),
                "department": text_field(values, "department"),
                "description": text_field(values, "description", multiline=True)}
        if data["kind"] not in FINDING_KINDS:
            errors["kind"] = "Hãy chọn loại phát hiện."
        if not data["description"]:
            errors["description"] = "Hãy mô tả điều phát hiện."
        raise_if(errors)
        data["seq"] = max([f.seq for f in audit.findings] + [0]) + 1
        with self.store.atomic():
            row = records.insert(self.store, FINDINGS, data)
            if open_nc:
                from .nonconformities import NonconformityRepository

                NonconformityRepository(self.store).add_from_finding(row["id"])
        return self._linked(_finding(row))

    def update_finding(self, finding_id: str, values: dict) -> Finding:
        row = records.require(self.store, FINDINGS, finding_id)
        merged = {**row, **values}
        errors: dict[str, str] = {}
        data = {"kind": merged.get("kind"), "clause": text_field(merged, "clause"),
                "department": text_field(merged, "department"),
                "description": text_field(merged, "description", multiline=True)}
        if data["kind"] not in FINDING_KINDS:
            errors["kind"] = "Hãy chọn loại phát hiện."
        if not data["description"]:
            errors["description"] = "Hãy mô tả điều phát hiện."
        raise_if(errors)
        return self._linked(_finding(records.update(self.store, FINDINGS, finding_id, data)))

    def remove_finding(self, finding_id: str) -> None:
        records.require(self.store, FINDINGS, finding_id)
        if self.store.scalar("SELECT count(*) FROM iso_nonconformities WHERE deleted = 0 AND "
                             "finding_id = ?", (finding_id,)):
            raise ValidationError("Phát hiện này đã có phiếu không phù hợp theo dõi: không xóa "
                                  "được.")
        records.delete(self.store, FINDINGS, finding_id)
