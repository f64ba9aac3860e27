"""Results of a session: the proctor's live list, the official result of each person, and each
attempt's answers as evidence.

A person's result in a session is their best submitted attempt (highest percent, then the
earliest); the number of attempts is shown beside it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..db import Store
from ..vntext import person_sort_key
from . import sessions
from .attempts import load_attempt

NOT_STARTED, IN_PROGRESS, SUBMITTED = "not_started", "in_progress", "submitted"
STATUS_VI = {NOT_STARTED: "Chưa làm bài", IN_PROGRESS: "Đang làm bài", SUBMITTED: "Đã nộp bài"}


@dataclass
class PersonResult:
    staff_id: str
    staff_code: str
    full_name: str
    department: str
    position: str
    present: bool
    on_list: bool
    added_at_kiosk: bool
    status: str
    attempts: int
    attempt_id: str | None = None       # the official (best) attempt
    score: int | None = None
    max_score: int | None = None
    percent: float | None = None
    passed: bool | None = None
    submitted_at: str | None = None
    mode: str | None = None
    answered: int | None = None          # of the running attempt
    retakes_granted: int = 0

    def as_dict(self) -> dict:
        return {"staff_id": self.staff_id, "staff_code": self.staff_code,
                "full_name": self.full_name, "department": self.department,
                "status": self.status, "attempts": self.attempts, "attempt_id": self.attempt_id,
                "score": self.score, "max_score": self.max_score,
                "percent": None if self.percent is None else round(self.percent, 2),
                "passed": self.passed, "submitted_at": self.submitted_at, "mode": self.mode,
                "present": self.present}


def best_attempt(attempts: list[dict]) -> dict | None:
    done = [a for a in attempts if a["status"] == "submitted"]
    if not done:
        return None
    return sorted(done, key=lambda a: (-(a["percent"] or 0), a["submitted_at"] or ""))[0]


def session_results(store: Store, session_id: str) -> list[PersonResult]:
    """Everyone on the attendance list (and anyone with an attempt), in name order."""
    people = {r["staff_id"]: r for r in sessions.attendance(store, session_id)}
    attempts: dict[str, list[dict]] = {}
    for a in store.query(
            "SELECT a.*, (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id AND "
            "x.selected IS NOT NULL AND x.deleted = 0) AS answered FROM quiz_attempts a "
            "WHERE a.session_id = ? AND a.deleted = 0", (session_id,)):
        attempts.setdefault(a["staff_id"], []).append(a)
    missing = [sid for sid in attempts if sid not in people]
    if missing:
        for r in store.query(f"SELECT id AS staff_id, staff_code, full_name, department, position "
                             f"FROM staff WHERE id IN ({','.join('?' * len(missing))})", missing):
            people[r["staff_id"]] = {**r, "present": 1, "added_at_kiosk": 0,
                                     "retakes_granted": 0, "_off_list": True}
    out = []
    for sid, p in people.items():
        mine = attempts.get(sid, [])
        best = best_attempt(mine)
        running = [a for a in mine if a["status"] == "in_progress"]
        status = IN_PROGRESS if running else (SUBMITTED if best else NOT_STARTED)
        r = PersonResult(sid, p["staff_code"], p["full_name"], p["department"], p["position"],
                         bool(p["present"]), not p.get("_off_list"), bool(p["added_at_kiosk"]),
                         status, len(mine), retakes_granted=p["retakes_granted"])
        if best:
            r.attempt_id, r.score, r.max_score = best["id"], best["score"], best["max_score"]
            r.percent, r.passed = best["percent"], bool(best["passed"])
            r.submitted_at, r.mode = best["submitted_at"], best["mode"]
        if running:
            r.answered = running[0]["answered"]
            r.max_score = r.max_score or running[0]["max_score"]
            if not best:
                r.attempt_id = running[0]["id"]
        out.append(r)
    return sorted(out, key=lambda r: person_sort_key(r.full_name))


def session_summary(results: list[PersonResult]) -> dict:
    tested = [r for r in results if r.passed is not None]
    return {
        "listed": len(results),
        "present": sum(1 for r in results if r.present),
        "not_started": sum(1 for r in results if r.status == NOT_STARTED),
        "in_progress": sum(1 for r in results if r.status == IN_PROGRESS),
        "submitted": len(tested),
        "passed": sum(1 for r in tested if r.passed),
        "failed": sum(1 for r in tested if not r.passed),
        "mean_percent": (sum(r.percent or 0 for r in tested) / len(tested)) if tested else None,
    }


def attempt_evidence(store: Store, attempt_id: str) -> dict:
    """What the person saw and chose, question by question, as it was shown."""
    a = load_attempt(store, attempt_id)
    items = []
    for it in a.items:
        items.append({
            "position": it.position, "question_id": it.question_id, "version_id": it.version_id,
            "text": it.text, "options": it.shown_options,
            "chosen": it.shown_letters(it.selected) if it.selected else "",
            "right": it.right_answer(), "correct": it.correct, "kind": it.kind,
            "flagged": it.flagged, "explanation": it.explanation,
            "pictures": it.shown_pictures()})
    return {"attempt_id": a.id, "staff_code": a.staff_code, "full_name": a.full_name,
            "department": a.department, "number": a.number, "mode": a.mode,
            "variant": a.variant_code, "seed": a.seed, "status": a.status,
            "started_at": a.started_at, "submitted_at": a.submitted_at, "score": a.score,
            "max_score": a.max_score,
            "percent": None if a.percent is None else round(a.percent, 2), "passed": a.passed,
            "kiosk": a.kiosk_label, "channel": a.channel, "items": items}


def attempts_of_session(store: Store, session_id: str) -> list[dict]:
    return store.query(
        "SELECT a.id, a.staff_id, s.staff_code, s.full_name, a.number, a.mode, a.status, "
        "a.score, a.max_score, a.percent, a.passed, a.started_at, a.submitted_at, a.kiosk_label "
        "FROM quiz_attempts a JOIN staff s ON s.id = a.staff_id WHERE a.session_id = ? "
        "AND a.deleted = 0 ORDER BY a.started_at", (session_id,))
