"""The figures of the ISO records for the overview, the yearly report and the province's view
(the "records" provider of `desktop.models.figures`), and the report deadline."""
from __future__ import annotations

import datetime as _dt

from ..db import Store
from ..settings import DEFAULTS, get_setting
from ..unit import setup_day
from .documents import DocumentRepository
from .nonconformities import NonconformityRepository, nc_figures
from .plan import PlanRepository, plan_figures
from . import as_of
from .reviews import ReviewRepository, review_state


def deadline_month_day(store: Store) -> tuple[int, int]:
    """The yearly report's deadline (setting `report_deadline`, "MM-DD"; 15 November if unset or
    unreadable)."""
    raw = get_setting(store, "report_deadline") or DEFAULTS.get("report_deadline", "11-15")
    try:
        month, day = (int(x) for x in str(raw).split("-"))
        _dt.date(2024, month, day)  # a leap year accepts 02-29
        return month, day
    except (TypeError, ValueError):
        return 11, 15


def set_deadline(store: Store, month: int, day: int) -> str:
    """Change the yearly report's deadline (day and month; the same every year)."""
    from ..errors import ValidationError
    from ..settings import set_setting

    try:
        _dt.date(2024, int(month), int(day))
    except (TypeError, ValueError):
        raise ValidationError({"report_deadline": (
            f"Hạn nộp báo cáo không hợp lệ: ngày {day} tháng {month}.")}) from None
    value = f"{int(month):02d}-{int(day):02d}"
    set_setting(store, "report_deadline", value)
    return value


def deadline_for(store: Store, year: int) -> _dt.date:
    month, day = deadline_month_day(store)
    try:
        return _dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return _dt.date(year, month, 28)


def next_deadline(store: Store, today: _dt.date, unit_code: str | None = None) -> _dt.date:
    """The deadline of the report the unit owes: this year's, also once passed while this
    year's report is not final (it is late then); next year's once this year's report is final,
    or when the unit began keeping its records here after this year's deadline and has no report
    of this year (a new office owes no report for the time before it; one that has begun this
    year's report is late with it, as the report itself and the province say)."""
    unit = unit_code or store.unit_code
    this_year = deadline_for(store, today.year)
    if today > this_year:
        status = report_status(store, unit, today.year)
        started = setup_day(store, unit, today)
        if status == "final" or (status == "none" and started is not None
                                 and started > this_year):
            return deadline_for(store, today.year + 1)
    return this_year


def upcoming_deadline(store: Store, today: _dt.date) -> _dt.date:
    """The next deadline on the calendar: today's or later, never one already past."""
    this_year = deadline_for(store, today.year)
    return this_year if today <= this_year else deadline_for(store, today.year + 1)


def report_status(store: Store, unit_code: str, year: int) -> str:
    row = store.query_one("SELECT status FROM iso_annual_reports WHERE deleted = 0 AND "
                          "origin_unit = ? AND year = ?", (unit_code, year))
    return row["status"] if row else "none"


def records_summary(store: Store, *, unit_code: str, year: int | None = None,
                    today: _dt.date | None = None) -> dict:
    """Counts over the unit's rows. Nonconformities: "nc_open"/"nc_overdue"/"nc_closed" count
    all of them whatever the year they were detected (one still open is a present problem);
    with a year, "nc_in_year" gives the same counts over those detected in that year (the
    yearly report). The plan, the documents and the review reminder: as of `today`, or for a
    past year as of 31/12 of that year (then "as_of" gives that day). The report
    deadline: that of `year`, else this year's (negative days when late) until this year's report
    is final, then next year's."""
    today = today or _dt.date.today()
    ncs = NonconformityRepository(store).list(unit_code=unit_code)
    in_year = [n for n in ncs if n.detected_on[:4] == str(year)] if year else None
    items = PlanRepository(store).items(unit_code, with_evidence=False)
    reminder = ReviewRepository(store).reminder(today, unit_code)
    deadline = deadline_for(store, year) if year else next_deadline(store, today, unit_code)
    figs = {**nc_figures(ncs, today), **plan_figures(items, today),
            "documents_by_state": DocumentRepository(store).counts_by_state(unit_code),
            "last_review": reminder["last_review"], "review_due": reminder["review_due"],
            "review_state": reminder["review_state"], "review_due_by": reminder["due_by"]}
    if in_year is not None:
        figs["nc_in_year"] = nc_figures(in_year, today)
    day = as_of.report_day(year, today)
    if day is not None:  # a past year: the state on 31/12 of that year
        end = day.isoformat()
        docs = DocumentRepository(store).list(with_files=False, unit_code=unit_code)
        last = as_of.latest_on(ReviewRepository(store).list(unit_code), lambda r: r.held_on, end)
        if in_year is not None:
            figs["nc_in_year"] = as_of.nc_figures(in_year, end)
        figs.update(as_of.nc_figures(ncs, end), **as_of.plan_figures(items, end),
                    documents_by_state=as_of.counts_by_state(docs, end),
                    last_review=last.held_on if last else None,
                    review_due=review_state(last.held_on if last else None, day) != "ok",
                    review_state=review_state(last.held_on if last else None, day),
                    review_due_by=None,
                    as_of=end)
    return {
        **figs,
        "report_deadline": deadline.isoformat(),
        "days_to_report": (deadline - today).days,
        "report_status": report_status(store, unit_code, deadline.year),
    }
