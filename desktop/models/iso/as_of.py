"""The ISO records as they stood on a past day, from the dates the records carry: the report of a
past year shows the state on 31/12 of that year, not today's.

`report_day(year, today)` gives that day, or None when the year is not over (the figures are then
today's, computed as before). Each function here reads a record's dates: a document version's
approval, in-force and obsolete dates; a plan item's completion date; the dates of the stages of a
nonconformity; the signing date of a team decision, the issue date of a policy, the meeting date of
a management review. What has no date (the members of the team, whether a person still works at the
unit) cannot be dated: the report says it is as of the day it was made.
"""
from __future__ import annotations

import datetime as _dt

from .documents import STATES
from .nonconformities import STAGE_LABELS_VI
from .plan import STATUS_LABELS_VI

AS_MADE = "tại thời điểm lập báo cáo"
NOT_DONE = "Chưa hoàn thành"


def report_day(year: int | None, today: _dt.date) -> _dt.date | None:
    """31/12 of `year` when that day is before `today`, else None (the year is not over)."""
    if not year:
        return None
    end = _dt.date(int(year), 12, 31)
    return end if end < today else None


def document_state(doc, day: str) -> str | None:
    """The state of a document version on `day` (ISO), or None when it did not exist yet."""
    if doc.obsolete_on and doc.obsolete_on <= day:
        return "obsolete"
    if doc.effective_on and doc.effective_on <= day:
        return "in_force"
    if doc.approved_on and doc.approved_on <= day:
        return "approved"
    if (doc.created_at or "")[:10] <= day:
        return "draft"
    return None


def documents_on(docs: list, day: str) -> list[tuple]:
    """(version, state on `day`) of the versions that existed on `day`."""
    out = []
    for d in docs:
        state = document_state(d, day)
        if state is not None:
            out.append((d, state))
    return out


def counts_by_state(docs: list, day: str) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for _d, state in documents_on(docs, day):
        counts[state] += 1
    return counts


def plan_done(item, day: str) -> bool:
    return item.status == "done" and bool(item.completed_on) and item.completed_on <= day


def plan_figures(items: list, day: str) -> dict:
    return {"plan_total": len(items), "plan_done": sum(1 for i in items if plan_done(i, day)),
            "plan_overdue": sum(1 for i in items if not plan_done(i, day) and i.due_on < day)}


def plan_status_label(item, day: str) -> str:
    if plan_done(item, day):
        return STATUS_LABELS_VI["done"]
    return NOT_DONE + (" (quá hạn)" if item.due_on < day else "")


def nc_stage(nc, day: str) -> str:
    """The stage a nonconformity had reached on `day` (ISO)."""
    for stage, when in (("closed", nc.closed_on), ("verified", nc.checked_on),
                        ("in_progress", nc.started_on), ("planned", nc.planned_on)):
        if when and when <= day:
            return stage
    return "open"


def nc_figures(ncs: list, day: str) -> dict:
    stages = [(n, nc_stage(n, day)) for n in ncs if n.detected_on <= day]
    is_open = [n for n, s in stages if s != "closed"]
    return {"nc_open": len(is_open),
            "nc_overdue": sum(1 for n in is_open if n.due_on and n.due_on < day),
            "nc_closed": len(stages) - len(is_open)}


def nc_stage_label(nc, day: str) -> str:
    stage = nc_stage(nc, day)
    late = stage != "closed" and nc.due_on and nc.due_on < day
    return STAGE_LABELS_VI[stage] + (" (quá hạn)" if late else "")


def latest_on(found: list, date_of, day: str):
    """The one with the latest date not after `day` (`found` in any order), or None."""
    dated = [x for x in found if date_of(x) and date_of(x) <= day]
    return max(dated, key=date_of) if dated else None
