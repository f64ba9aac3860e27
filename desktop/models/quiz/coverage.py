"""Coverage of the roster: who was trained, who was tested, who has never passed.

This is what the province checks ("all staff doing professional work must be trained and
tested"). `training_coverage` is the figure provider the overview, the yearly report and the
province's view read. A person marked "không thuộc diện kiểm tra" (a contract guard, a driver:
`staff.exempt`, with the reason) stays on the roster but out of the figures: coverage counts the
staff subject to the test (`subject_staff`); `active_staff` is everyone working, `exempt` those
left out.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..db import Store
from ..figure_providers import staff_subject_to_test
from ..vntext import person_sort_key


def _scope(unit_code: str, year: int | None) -> tuple[str, list]:
    sql = "SELECT id FROM quiz_sessions WHERE deleted = 0 AND origin_unit = ?"
    params: list = [unit_code]
    if year:
        sql += " AND substr(date, 1, 4) = ?"
        params.append(f"{int(year):04d}")
    return sql, params


def training_coverage(store: Store, *, unit_code: str, year: int | None = None,
                      today=None) -> dict:
    """Training and test figures of a unit's active staff (sessions of `year` when given)."""
    working = store.query("SELECT id, staff_code, full_name, department, exempt, exempt_reason "
                          "FROM staff WHERE deleted = 0 AND active = 1 AND origin_unit = ?",
                          (unit_code,))
    active = [r for r in working if not r["exempt"]]
    active_ids = {r["id"] for r in active}
    scope, params = _scope(unit_code, year)
    sessions = store.scalar(f"SELECT count(*) FROM ({scope})", params) or 0
    trained = {r["staff_id"] for r in store.query(
        f"SELECT DISTINCT staff_id FROM quiz_attendance WHERE deleted = 0 AND present = 1 "
        f"AND origin_unit = ? AND session_id IN ({scope})", [unit_code, *params])}
    submitted = store.query(
        f"SELECT staff_id, passed FROM quiz_attempts WHERE deleted = 0 AND status = 'submitted' "
        f"AND origin_unit = ? AND session_id IN ({scope})", [unit_code, *params])
    tested = {r["staff_id"] for r in submitted}
    passed = {r["staff_id"] for r in submitted if r["passed"]}
    n_tested = len(tested & active_ids)
    n_passed = len(passed & active_ids)
    not_passed = sorted((r for r in active if r["id"] not in passed),
                        key=lambda r: person_sort_key(r["full_name"]))
    return {
        "active_staff": len(working),
        "exempt": len(working) - len(active),
        "subject_staff": len(active_ids),
        "trained": len(trained & active_ids),
        "tested": n_tested,
        "passed": n_passed,
        "not_passed": [{"staff_id": r["id"], "staff_code": r["staff_code"],
                        "full_name": r["full_name"], "department": r["department"]}
                       for r in not_passed],
        "exempt_list": [{"staff_id": r["id"], "staff_code": r["staff_code"],
                         "full_name": r["full_name"], "department": r["department"],
                         "reason": r["exempt_reason"]}
                        for r in sorted((r for r in working if r["exempt"]),
                                        key=lambda r: person_sort_key(r["full_name"]))],
        "sessions": sessions,
        "attempts": len(submitted),
        "pass_rate": (n_passed / n_tested) if n_tested else None,
    }


@dataclass
class CoverageRow:
    staff_id: str
    staff_code: str
    full_name: str
    department: str
    position: str
    sessions_attended: int
    attempts: int
    best_percent: float | None
    passed: bool
    last_date: str | None        # the last session the person attended or was tested in
    exempt: bool = False
    exempt_reason: str = ""

    @property
    def state(self) -> str:
        if self.exempt:
            return "exempt"
        if self.passed:
            return "passed"
        if self.attempts:
            return "failed"
        if self.sessions_attended:
            return "not_tested"
        return "not_trained"


STATE_VI = {"passed": "Đã đạt", "failed": "Chưa đạt", "not_tested": "Đã dự, chưa kiểm tra",
            "not_trained": "Chưa dự tập huấn", "exempt": "Không thuộc diện kiểm tra"}


def subject_count(figures: dict) -> int:
    """The staff coverage is counted over (see `figure_providers.staff_subject_to_test`)."""
    return staff_subject_to_test(figures)


def roster_coverage(store: Store, *, unit_code: str | None = None) -> list[CoverageRow]:
    """Every active staff member with their training and test history, in name order (those
    not subject to the test are listed with that state and the reason)."""
    unit = unit_code or store.unit_code
    people = store.query("SELECT id, staff_code, full_name, department, position, exempt, "
                         "exempt_reason FROM staff WHERE deleted = 0 AND active = 1 AND "
                         "origin_unit = ?", (unit,))
    attended: dict[str, list[str]] = {}
    for r in store.query(
            "SELECT a.staff_id, s.date FROM quiz_attendance a JOIN quiz_sessions s "
            "ON s.id = a.session_id WHERE a.deleted = 0 AND a.present = 1 AND s.deleted = 0 "
            "AND s.origin_unit = ?", (unit,)):
        attended.setdefault(r["staff_id"], []).append(r["date"])
    tries: dict[str, list[dict]] = {}
    for r in store.query(
            "SELECT a.staff_id, a.percent, a.passed, s.date FROM quiz_attempts a JOIN quiz_sessions s "
            "ON s.id = a.session_id WHERE a.deleted = 0 AND a.status = 'submitted' "
            "AND s.origin_unit = ?", (unit,)):
        tries.setdefault(r["staff_id"], []).append(r)
    out = []
    for p in people:
        mine = tries.get(p["id"], [])
        dates = attended.get(p["id"], []) + [t["date"] for t in mine]
        out.append(CoverageRow(
            p["id"], p["staff_code"], p["full_name"], p["department"], p["position"],
            len(attended.get(p["id"], [])), len(mine),
            max((t["percent"] or 0 for t in mine), default=None),
            any(t["passed"] for t in mine), max(dates) if dates else None,
            bool(p["exempt"]), p["exempt_reason"] or ""))
    return sorted(out, key=lambda r: person_sort_key(r.full_name))
