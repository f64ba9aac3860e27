"""The yearly report on building, applying, maintaining and improving the QMS (due before 15/11;
the date is the setting `report_deadline`).

The sections are configurable (the template of Phụ lục II of QĐ 19/2014/QĐ-TTg was not verified):
a unit keeps its default list of sections in the setting `annual_report_sections`, and each report
keeps its own copy. A section may show a group of figures the program knows; people write the
text. A report is saved as a draft, reopened, and made final: the final report keeps the figures
and tables as they were on that day.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import asdict, dataclass

from .. import records
from ..db import Store, now_iso
from ..errors import NotFound, ValidationError
from ..settings import get_setting, set_setting
from ..vntext import clean
from ._common import date_field, raise_if, text_field

TABLE = "iso_annual_reports"
SECTIONS_SETTING = "annual_report_sections"

# Groups of figures a section can show (see report_data.py).
FIGURE_GROUPS = ("qms", "training", "documents", "audits", "review")
FIGURE_GROUP_LABELS_VI = {
    "qms": "Xây dựng, áp dụng HTQLCL (Tổ ISO, kế hoạch, biên bản)",
    "training": "Đào tạo, kiểm tra nhận thức",
    "documents": "Tài liệu, quy trình",
    "audits": "Đánh giá nội bộ, không phù hợp, khắc phục",
    "review": "Xem xét của lãnh đạo",
}
DEFAULT_SECTIONS = [
    {"key": "qms", "title": "Tình hình xây dựng, áp dụng hệ thống quản lý chất lượng",
     "figures": "qms"},
    {"key": "training", "title": "Đào tạo, kiểm tra nhận thức về hệ thống quản lý chất lượng",
     "figures": "training"},
    {"key": "documents", "title": "Hệ thống tài liệu, quy trình", "figures": "documents"},
    {"key": "audits", "title": "Đánh giá nội bộ, sự không phù hợp và hành động khắc phục",
     "figures": "audits"},
    {"key": "review", "title": "Xem xét của lãnh đạo", "figures": "review"},
    {"key": "assessment", "title": "Đánh giá chung", "figures": ""},
    {"key": "strengths", "title": "Ưu điểm", "figures": "", "level": 2},
    {"key": "weaknesses", "title": "Tồn tại, hạn chế, khó khăn, vướng mắc", "figures": "",
     "level": 2},
    {"key": "causes", "title": "Nguyên nhân của tồn tại, hạn chế", "figures": "", "level": 2},
    {"key": "proposals", "title": "Kiến nghị, đề xuất", "figures": ""},
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
STATUS_LABELS_VI = {"none": "Chưa lập", "draft": "Bản nháp", "final": "Đã hoàn thành"}


@dataclass
class Section:
    """A section of the report: level 1 is numbered I, II, …; level 2 is a part of the level-1
    section before it, numbered 1, 2, … (the "Đánh giá chung": ưu điểm, tồn tại, nguyên nhân)."""
    key: str
    title: str
    figures: str = ""
    text: str = ""
    level: int = 1

    def as_dict(self) -> dict:
        return asdict(self)


def roman(n: int) -> str:
    return ROMAN[n - 1] if 1 <= n <= len(ROMAN) else str(n)


def section_numbers(sections: list[Section]) -> list[str]:
    """"I", "II", … for level-1 sections, "1", "2", … (restarting) for their parts."""
    out: list[str] = []
    top = sub = 0
    for s in sections:
        if s.level == 2 and top:
            sub += 1
            out.append(str(sub))
        else:
            top, sub = top + 1, 0
            out.append(roman(top))
    return out


@dataclass
class AnnualReport:
    id: str
    year: int
    status: str
    number: str
    report_on: str | None
    recipient: str
    signer_title: str
    signer_name: str
    sections: list[Section]
    snapshot: dict | None
    finalised_at: str | None
    version: int
    origin_unit: str

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    def as_public(self) -> dict:
        return {"id": self.id, "year": self.year, "status": self.status, "number": self.number,
                "report_on": self.report_on, "recipient": self.recipient,
                "signer_title": self.signer_title, "signer_name": self.signer_name,
                "sections": [s.as_dict() for s in self.sections],
                "finalised_at": self.finalised_at}


def clean_sections(raw) -> list[Section]:
    """Sections from user input: titles required, keys unique, figure groups known."""
    if isinstance(raw, str):
        raw = json.loads(raw or "[]")
    out: list[Section] = []
    keys: set[str] = set()
    for i, item in enumerate(raw or [], start=1):
        if isinstance(item, Section):
            item = item.as_dict()
        title = clean(str(item.get("title") or "")) or ""
        if not title:
            raise ValidationError({"sections": f"Mục thứ {i} chưa có tiêu đề."})
        figures = item.get("figures") or ""
        if figures not in FIGURE_GROUPS:
            figures = ""
        key = clean(str(item.get("key") or "")) or f"section{i}"
        while key in keys:
            key += "_"
        keys.add(key)
        level = 2 if item.get("level") in (2, "2") and out else 1
        out.append(Section(key, title, figures, text_field(item, "text", multiline=True), level))
    if not out:
        raise ValidationError({"sections": "Báo cáo phải có ít nhất một mục."})
    return out


def section_template(store: Store) -> list[Section]:
    saved = get_setting(store, SECTIONS_SETTING)
    try:
        return clean_sections(saved) if saved else clean_sections(DEFAULT_SECTIONS)
    except (ValidationError, ValueError, TypeError, AttributeError):
        return clean_sections(DEFAULT_SECTIONS)


def save_section_template(store: Store, sections) -> list[Section]:
    cleaned = clean_sections(sections)
    set_setting(store, SECTIONS_SETTING,
                [{"key": s.key, "title": s.title, "figures": s.figures, "level": s.level}
                 for s in cleaned])
    return cleaned


def reset_section_template(store: Store) -> list[Section]:
    return save_section_template(store, DEFAULT_SECTIONS)


def _report(row: dict) -> AnnualReport:
    return AnnualReport(
        row["id"], row["year"], row["status"], row["number"], row["report_on"], row["recipient"],
        row["signer_title"], row["signer_name"], clean_sections(row["sections"]),
        json.loads(row["figures"]) if row["figures"] else None, row["finalised_at"],
        row["version"], row["origin_unit"])


class ReportRepository:
    def __init__(self, store: Store):
        self.store = store

    def list(self, unit_code: str | None = None) -> list[AnnualReport]:
        found = self.store.query(f"SELECT * FROM {TABLE} WHERE deleted = 0 AND origin_unit = ? "
                                 "ORDER BY year DESC", (unit_code or self.store.unit_code,))
        return [_report(r) for r in found]

    def for_year(self, year: int, unit_code: str | None = None) -> AnnualReport | None:
        row = self.store.query_one(f"SELECT * FROM {TABLE} WHERE deleted = 0 AND origin_unit = ? "
                                   "AND year = ?", (unit_code or self.store.unit_code, year))
        return _report(row) if row else None

    def get(self, report_id: str) -> AnnualReport:
        row = records.get(self.store, TABLE, report_id)
        if row is None:
            raise NotFound("Không tìm thấy báo cáo này (có thể đã bị xóa).")
        return _report(row)

    def new_draft(self, year: int) -> AnnualReport:
        """A report for `year` with the unit's default sections (not saved yet)."""
        from ..unit import get_profile

        profile = get_profile(self.store)
        return AnnualReport(
            id="", year=int(year), status="draft", number="", report_on=None,
            recipient=(profile.parent_name or "") if profile else "",
            signer_title="Giám đốc", signer_name="", sections=section_template(self.store),
            snapshot=None, finalised_at=None, version=0,
            origin_unit=self.store.unit_code)

    def _validate(self, values: dict) -> dict:
        errors: dict[str, str] = {}
        out = {"number": text_field(values, "number"),
               "recipient": text_field(values, "recipient"),
               "signer_title": text_field(values, "signer_title"),
               "signer_name": text_field(values, "signer_name")}
        out["report_on"] = date_field(values, "report_on", "Ngày báo cáo", errors)
        try:
            out["sections"] = json.dumps([s.as_dict() for s in
                                          clean_sections(values.get("sections"))],
                                         ensure_ascii=False)
        except ValidationError as exc:
            errors.update(exc.errors)
        raise_if(errors)
        return out

    def save(self, year: int, values: dict, *, expected_version: int | None = None
             ) -> AnnualReport:
        """Create or update the draft of `year`."""
        try:
            year = int(year)
            if not 2000 <= year <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            raise ValidationError({"year": f"Năm báo cáo không hợp lệ: {year}."}) from None
        data = self._validate(values)
        with self.store.atomic():
            current = self.for_year(year)
            if current is None:
                row = records.insert(self.store, TABLE, {**data, "year": year, "status": "draft"})
                return self.get(row["id"])
            if current.is_final:
                raise ValidationError(f"Báo cáo năm {year} đã hoàn thành. Hãy mở lại bản nháp "
                                      "trước khi sửa.")
            row = records.update(self.store, TABLE, current.id, data,
                                 expected_version=expected_version)
        return _report(row)

    def finalise(self, report_id: str, snapshot: dict, *, today: _dt.date | None = None
                 ) -> AnnualReport:
        """Make the report final, keeping the figures and tables of today (`snapshot`)."""
        report = self.get(report_id)
        if report.is_final:
            return report
        errors: dict[str, str] = {}
        if not report.report_on:
            errors["report_on"] = "Hãy ghi ngày báo cáo trước khi hoàn thành."
        if not report.signer_name:
            errors["signer_name"] = "Hãy ghi họ tên người ký báo cáo."
        raise_if(errors)
        row = records.update(self.store, TABLE, report_id, {
            "status": "final", "finalised_at": now_iso(),
            "figures": json.dumps(snapshot, ensure_ascii=False, default=str)})
        return _report(row)

    def reopen(self, report_id: str) -> AnnualReport:
        report = self.get(report_id)
        if not report.is_final:
            return report
        row = records.update(self.store, TABLE, report_id,
                             {"status": "draft", "finalised_at": None, "figures": None})
        return _report(row)

    def remove(self, report_id: str) -> None:
        report = self.get(report_id)
        if report.is_final:
            raise ValidationError("Báo cáo đã hoàn thành: hãy mở lại bản nháp trước khi xóa.")
        records.delete(self.store, TABLE, report_id)
