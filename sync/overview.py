"""The province's side-by-side view of its districts: what arrived and when, and the figures
each part of the program reports (`desktop.models.figures`), with what is late; an Excel copy;
and one district's records, read-only."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from desktop.output.xlsx_cells import put
from desktop.output.xlsx_common import (
    BODY_FONT, TITLE_FONT, save_atomically, style_body, style_header_row,
)
from desktop.models import figures, sync_packages, sync_quarantine, synced_rows, synced_tables
from desktop.models.db import Store
from desktop.models.settings import get_setting

from .peers import list_peers

LATE_DAYS_SETTING = "sync_late_days"
DEFAULT_LATE_DAYS = 30
REPORT_DONE = ("final",)  # iso_annual_reports.status: none / draft / final

# Colours of what is late (cells), shared by the screen and the Excel copy.
COLOURS = {"late": "F8D7DA", "warn": "FFF3CD", "ok": "D4EDDA"}


@dataclass
class DistrictRow:
    code: str
    name: str
    key_state: str
    applied_through: int
    last_received_at: str | None
    days_since: int | None
    held: int
    quarantined: int
    figures: dict[str, dict] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)   # column key → "late" / "warn" / "ok"

    def figure(self, provider: str, key: str):
        return (self.figures.get(provider) or {}).get(key)

    @property
    def coverage(self) -> float | None:
        active = figures.staff_subject_to_test(self.figures.get("training"))
        tested = self.figure("training", "tested")
        return (tested / active) if active else None

    @property
    def progress(self) -> float | None:
        total, done = self.figure("records", "plan_total"), self.figure("records", "plan_done")
        return (done / total) if total else None


def report_deadline(store: Store, year: int) -> _dt.date:
    mm_dd = get_setting(store, "report_deadline", "11-15") or "11-15"
    month, day = (int(x) for x in mm_dd.split("-"))
    return _dt.date(year, month, day)


def district_overview(store: Store, *, year: int | None = None,
                      today: _dt.date | None = None) -> list[DistrictRow]:
    today = today or _dt.date.today()
    year = year or today.year
    late_days = int(get_setting(store, LATE_DAYS_SETTING, DEFAULT_LATE_DAYS) or DEFAULT_LATE_DAYS)
    deadline = report_deadline(store, year)
    rows = []
    for peer in list_peers(store, "district"):
        if not peer.active:
            continue
        days = None
        if peer.last_received_at:
            got = _dt.datetime.fromisoformat(peer.last_received_at).astimezone().date()
            days = (today - got).days
        held = sync_packages.held_count(store, peer.code)
        quarantined = sync_quarantine.open_count(store, peer.code)
        row = DistrictRow(peer.code, peer.name, peer.key_state, peer.applied_through,
                          peer.last_received_at, days, held, quarantined,
                          figures.collect(store, unit_code=peer.code, year=year, today=today))
        f = row.flags
        f["received"] = "late" if days is None or days > late_days else "ok"
        if peer.key_state == "key_changed":
            f["key"] = "late"
        if held:
            f["held"] = "warn"
        if quarantined:
            f["quarantined"] = "warn"
        for key in ("nc_overdue", "plan_overdue"):
            value = row.figure("records", key)
            if value:
                f[key] = "late"
        status = row.figure("records", "report_status")
        if status is not None:
            done = str(status).lower() in REPORT_DONE
            f["report_status"] = "ok" if done else ("late" if today > deadline else (
                "warn" if (deadline - today).days <= 14 else ""))
        cov = row.coverage
        if cov is not None and cov < 1:
            f["coverage"] = "warn"
        awaiting = row.figure("minutes", "awaiting_confirmation")
        if awaiting:
            f["awaiting_confirmation"] = "warn"
        rows.append(row)
    return rows


def province_totals(rows: list[DistrictRow]) -> dict:
    """The districts' figures added up, for the province's "Tổng quan": from the same rows as
    the side-by-side table, with how many districts are late ("late" flags) on each."""
    def total(provider: str, key: str) -> int:
        return sum(int(r.figure(provider, key) or 0) for r in rows)

    def late(key: str, tone: str = "late") -> int:
        return sum(1 for r in rows if r.flags.get(key) == tone)

    documents: dict[str, int] = {}
    for r in rows:
        for state, n in (r.figure("records", "documents_by_state") or {}).items():
            documents[state] = documents.get(state, 0) + int(n or 0)
    return {
        "districts": len(rows),
        "received_late": late("received"),
        "key_changed": late("key"),
        "staff_subject": sum(figures.staff_subject_to_test(r.figures.get("training"))
                             for r in rows),
        "tested": total("training", "tested"), "passed": total("training", "passed"),
        "coverage_short": late("coverage", "warn"),
        "nc_open": total("records", "nc_open"), "nc_overdue": total("records", "nc_overdue"),
        "nc_overdue_districts": late("nc_overdue"),
        "plan_total": total("records", "plan_total"), "plan_done": total("records", "plan_done"),
        "plan_overdue": total("records", "plan_overdue"),
        "plan_overdue_districts": late("plan_overdue"),
        "reports_final": late("report_status", "ok"), "reports_late": late("report_status"),
        "minutes_confirmed": total("minutes", "confirmed"),
        "minutes_awaiting": total("minutes", "awaiting_confirmation"),
        "documents_by_state": documents,
    }


def write_overview_xlsx(path: Path, title: str, headers: list[str], rows: list[list],
                        colours: list[list[str]], subtitle: str = "",
                        formats: list[str] | None = None) -> Path:
    """One sheet: a title, the headers, the rows; late cells filled in the screen's colours.
    `formats` gives a column's number format ("0", "0%"), for cells holding numbers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tong hop"
    put(ws, 1, 1, title).font = TITLE_FONT
    if subtitle:
        put(ws, 2, 1, subtitle).font = BODY_FONT
    head = 4
    for c, h in enumerate(headers, start=1):
        put(ws, head, c, h)
    style_header_row(ws, head, len(headers))
    formats = formats or []
    for r, values in enumerate(rows, start=head + 1):
        for c, v in enumerate(values, start=1):
            cell = put(ws, r, c, v)
            fmt = formats[c - 1] if c <= len(formats) else ""
            if fmt and isinstance(v, (int, float)):
                cell.number_format = fmt
    style_body(ws, head + 1, head + len(rows), len(headers))
    for r, line in enumerate(colours, start=head + 1):
        for c, colour in enumerate(line, start=1):
            if colour in COLOURS:
                ws.cell(row=r, column=c).fill = PatternFill("solid", fgColor=COLOURS[colour])
    for c, h in enumerate(headers, start=1):
        width = max([len(str(h))] + [len(str(row[c - 1] or "")) for row in rows]) + 2
        ws.column_dimensions[ws.cell(row=head, column=c).column_letter].width = min(width, 40)
    ws.freeze_panes = ws.cell(row=head + 1, column=3)
    return save_atomically(wb, path)


def district_records(store: Store, code: str, table: str, limit: int = 50_000) -> list[dict]:
    """One district's live rows of a synced table, whole (the province's read-only view shows
    them as the district's pages do)."""
    if table not in synced_tables.SYNCED_TABLES or \
            table not in synced_rows.existing_tables(store):
        return []
    return synced_rows.live_rows(store, table, code, limit)


REPORT_STATES = {"none": "chưa lập", "draft": "bản nháp", "final": "đã hoàn thành"}


def _pct(value) -> str:
    return f"{value * 100:.0f}%" if isinstance(value, (int, float)) else "—"


def district_summary(figs: dict[str, dict]) -> list[str]:
    """The figures of one district as a few Vietnamese sentences (what the overview counts)."""
    lines = []
    staff, training = figs.get("staff") or {}, figs.get("training") or {}
    minutes, recs = figs.get("minutes") or {}, figs.get("records") or {}
    if staff:
        lines.append(f"Cán bộ: {staff.get('active', 0)} đang làm việc (tổng "
                     f"{staff.get('total', 0)}).")
    if training:
        subject = figures.staff_subject_to_test(training)
        exempt = training.get("exempt") or 0
        lines.append(f"Kiểm tra nhận thức: {training.get('tested', 0)}/{subject} cán bộ đã "
                     f"kiểm tra, {training.get('passed', 0)} đạt (tỷ lệ đạt "
                     f"{_pct(training.get('pass_rate'))})"
                     + (f"; {exempt} cán bộ không thuộc diện kiểm tra, không tính." if exempt
                        else "."))
    if minutes:
        lines.append(f"Biên bản: {minutes.get('confirmed', 0)} đã xác nhận, "
                     f"{minutes.get('awaiting_confirmation', 0)} chờ xác nhận.")
    if recs:
        if "nc_open" in recs:
            lines.append(f"Sự không phù hợp: {recs.get('nc_open', 0)} đang mở, trong đó "
                         f"{recs.get('nc_overdue', 0)} quá hạn.")
        if "plan_total" in recs:
            lines.append(f"Kế hoạch chuyển đổi: {recs.get('plan_done', 0)}/"
                         f"{recs.get('plan_total', 0)} bước đã xong, "
                         f"{recs.get('plan_overdue', 0)} bước quá hạn.")
        if recs.get("report_status"):
            state = REPORT_STATES.get(str(recs["report_status"]), str(recs["report_status"]))
            lines.append(f"Báo cáo năm: {state}.")
    return lines
