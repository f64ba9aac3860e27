"""How the province's read-only view of a district shows each kind of record: with the headers and
values of the district's own pages.

No text is written here. A header is named by the page that shows it — its translation context
(the page's class) and its English source — and translated through that page's translation, so
the province reads exactly the Vietnamese of the district's page; a coded value goes through the
labels those pages use (`views.iso.labels`, the page's own status words), a date is shown
dd/mm/yyyy, 1/0 as the page says it. A test checks that every header and word named here still
exists, translated, in the page it comes from. Tables no page shows (children of a record, shown
with it: participants, answers, question versions, files) are not listed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

from desktop.views.iso.labels import label as iso_label
from desktop.views.tables import Column

from ..common import vn_date


def page_text(context: str, source: str) -> str:
    """`source` as the page of class `context` shows it (its translation, in the language in use)."""
    return QCoreApplication.translate(context, source)


@dataclass(frozen=True)
class Field:
    column: str                 # the record's column (its value is the sort key)
    context: str                # the page class whose header this is
    header: str                 # that page's English header
    show: Callable[[dict, "Lookups"], str] | None = None   # the value as the page shows it
    raw_sort: bool = False      # sort by the stored value (dates, numbers), not the text shown

    def text(self, row: dict, lookups: "Lookups") -> str:
        if self.show is not None:
            return self.show(row, lookups)
        value = row.get(self.column)
        return "" if value is None else str(value)


@dataclass
class Lookups:
    """Names the pages show instead of ids (a person, a session)."""
    staff: dict[str, dict]
    sessions: dict[str, dict]


def _date(column: str):
    return lambda row, _l: vn_date(row.get(column)) if row.get(column) else ""


def _label(group: str, column: str):
    return lambda row, _l: iso_label(group, row.get(column))


def _words(context: str, column: str, words: dict):
    """A coded value as the page's own word for it."""
    return lambda row, _l: page_text(context, words[row.get(column)]) \
        if row.get(column) in words else str(row.get(column) or "")


def _staff_state(row: dict, _l) -> str:
    if not row.get("active"):
        return page_text("StaffTableModel", "Left")
    if row.get("exempt"):
        return page_text("StaffTableModel", "Working, not subject to the test")
    return page_text("StaffTableModel", "Working")


def _person(key: str):
    return lambda row, lookups: (lookups.staff.get(row.get("staff_id")) or {}).get(key, "")


def _session(row: dict, lookups: Lookups) -> str:
    s = lookups.sessions.get(row.get("session_id")) or {}
    title = s.get("title") or page_text("SessionsModel", "Awareness training")
    return f"{vn_date(s.get('date'))} — {title}" if s.get("date") else title


def _score(row: dict, _l) -> str:
    return f"{row['score']}/{row['max_score']}" if row.get("score") is not None else ""


def _result(row: dict, _l) -> str:
    if row.get("passed") is None:
        return ""
    return page_text("PeopleModel", "Passed" if row["passed"] else "Not passed")


MINUTES_STATUS = {"draft": "Draft", "signed": "Signed, awaiting confirmation",
                  "confirmed": "Confirmed"}
ATTEMPT_STATUS = {"not_started": "Not started", "in_progress": "In progress",
                  "submitted": "Submitted"}
SESSION_STATUS = {"open": "Open", "closed": "Closed"}

# Each kind of record, in the order of the district's pages, with its page's columns.
TABLES: dict[str, list[Field]] = {
    "staff": [
        Field("staff_code", "StaffTableModel", "Staff code"),
        Field("full_name", "StaffTableModel", "Full name"),
        Field("position", "StaffTableModel", "Position"),
        Field("department", "StaffTableModel", "Department"),
        Field("phone", "StaffTableModel", "Phone"),
        Field("active", "StaffTableModel", "Status", _staff_state),
        Field("email", "StaffTableModel", "Email"),
    ],
    "quiz_sessions": [
        Field("date", "SessionsModel", "Date", _date("date"), raw_sort=True),
        Field("title", "SessionsModel", "Session",
              lambda r, _l: r.get("title") or page_text("SessionsModel", "Awareness training")),
        Field("place", "SessionsModel", "Place"),
        Field("status", "SessionsModel", "Status",
              _words("SessionsModel", "status", SESSION_STATUS)),
    ],
    "quiz_attempts": [
        Field("staff_id", "PeopleModel", "Full name", _person("full_name")),
        Field("staff_id", "PeopleModel", "Staff code", _person("staff_code")),
        Field("session_id", "SessionsModel", "Session", _session),
        Field("status", "PeopleModel", "Status", _words("PeopleModel", "status", ATTEMPT_STATUS)),
        Field("percent", "PeopleModel", "Score", _score, raw_sort=True),
        Field("passed", "PeopleModel", "Result", _result),
    ],
    "minutes_revisions": [
        Field("number", "MinutesTableModel", "Number"),
        Field("meeting_date", "MinutesTableModel", "Date", _date("meeting_date"), raw_sort=True),
        Field("subject", "MinutesTableModel", "Subject"),
        Field("status", "MinutesTableModel", "Status",
              _words("MinutesTableModel", "status", MINUTES_STATUS)),
        Field("revision_no", "MinutesTableModel", "Rev.", raw_sort=True),
    ],
    "iso_team_members": [
        Field("role", "TeamTab", "Role", _label("role", "role")),
        Field("full_name", "TeamTab", "Full name"),
        Field("position", "TeamTab", "Position"),
        Field("work_unit", "TeamTab", "Unit"),
        Field("phone", "TeamTab", "Phone"),
        Field("email", "TeamTab", "Email"),
    ],
    "iso_documents": [
        Field("code", "DocumentsTab", "Code"),
        Field("revision", "DocumentsTab", "Rev."),
        Field("title", "DocumentsTab", "Title"),
        Field("kind", "DocumentsTab", "Kind", _label("doc_kind", "kind")),
        Field("standard", "DocumentsTab", "ISO 9001"),
        Field("state", "DocumentsTab", "State", _label("doc_state", "state")),
        Field("approved_on", "DocumentsTab", "Approved on", _date("approved_on"), raw_sort=True),
        Field("effective_on", "DocumentsTab", "In force from", _date("effective_on"), raw_sort=True),
        Field("department", "DocumentsTab", "Department"),
    ],
    "iso_policies": [
        Field("kind", "PolicyTab", "Kind", _label("policy", "kind")),
        Field("title", "PolicyTab", "Title"),
        Field("year", "PolicyTab", "Year", raw_sort=True),
        Field("issued_on", "PolicyTab", "Issued on", _date("issued_on"), raw_sort=True),
        Field("issued_by", "PolicyTab", "Issued by"),
        Field("reference", "PolicyTab", "Decision"),
    ],
    "iso_plan_items": [
        Field("seq", "PlanTab", "No.", raw_sort=True),
        Field("title", "PlanTab", "Milestone"),
        Field("due_on", "PlanTab", "Due", _date("due_on"), raw_sort=True),
        Field("responsible", "PlanTab", "Responsible"),
        Field("status", "PlanTab", "Status", _label("plan_status", "status")),
        Field("completed_on", "PlanTab", "Done on", _date("completed_on"), raw_sort=True),
    ],
    "iso_audits": [
        Field("round_no", "AuditsTab", "Round", raw_sort=True),
        Field("start_on", "AuditsTab", "From", _date("start_on"), raw_sort=True),
        Field("end_on", "AuditsTab", "To", _date("end_on"), raw_sort=True),
        Field("conducted_by", "AuditsTab", "Audited by", _label("conducted_by", "conducted_by")),
        Field("lead_auditor", "AuditsTab", "Lead auditor"),
        Field("scope", "AuditsTab", "Scope"),
    ],
    "iso_audit_findings": [
        Field("seq", "AuditsTab", "No.", raw_sort=True),
        Field("kind", "AuditsTab", "Kind", _label("finding", "kind")),
        Field("clause", "AuditsTab", "Clause"),
        Field("department", "AuditsTab", "Department"),
        Field("description", "AuditsTab", "What was found"),
    ],
    "iso_nonconformities": [
        Field("code", "NcTab", "Code"),
        Field("detected_on", "NcTab", "Found on", _date("detected_on"), raw_sort=True),
        Field("source", "NcTab", "Source", _label("nc_source", "source")),
        Field("description", "NcTab", "Description"),
        Field("department", "NcTab", "Department"),
        Field("owner", "NcTab", "Responsible"),
        Field("due_on", "NcTab", "Due", _date("due_on"), raw_sort=True),
        Field("stage", "NcTab", "Stage", _label("nc_stage", "stage")),
        Field("closed_on", "NcTab", "Closed on", _date("closed_on"), raw_sort=True),
    ],
    "iso_reviews": [
        Field("held_on", "ReviewsTab", "Held on", _date("held_on"), raw_sort=True),
        Field("chair", "ReviewsTab", "Chaired by"),
        Field("decisions", "ReviewsTab", "Decisions"),
        Field("next_review_on", "ReviewsTab", "Next review", _date("next_review_on"), raw_sort=True),
    ],
}


def columns(table: str, lookups: Lookups) -> list[Column]:
    """The columns of `table` as its page shows them (values shown, raw values sorted)."""
    out = []
    for f in TABLES[table]:
        def raw(row, f=f):
            value = row.get(f.column)
            return (value is None, value if isinstance(value, (int, float)) else str(value or ""))
        out.append(Column(page_text(f.context, f.header),
                          lambda row, f=f: " ".join(f.text(row, lookups).split()),
                          raw if f.raw_sort else None))
    return out


def words_used() -> list[tuple[str, str]]:
    """Every (page class, English text) this module shows, for the test that keeps them in the
    pages' translations."""
    used = {(f.context, f.header) for fields in TABLES.values() for f in fields}
    used |= {("StaffTableModel", w) for w in ("Left", "Working",
                                              "Working, not subject to the test")}
    used |= {("SessionsModel", "Awareness training"), ("PeopleModel", "Passed"),
             ("PeopleModel", "Not passed")}
    used |= {("MinutesTableModel", w) for w in MINUTES_STATUS.values()}
    used |= {("PeopleModel", w) for w in ATTEMPT_STATUS.values()}
    used |= {("SessionsModel", w) for w in SESSION_STATUS.values()}
    return sorted(used)
