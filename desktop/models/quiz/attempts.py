"""Attempts: starting one (drawing its paper), answering, flagging, the running state, submitting.

Every answer is its own committed transaction (the store runs with synchronous=FULL), so a power
cut loses nothing answered. Where the person was (the question shown, the time used) is kept in
`quiz_attempt_progress` with every answer and every few seconds, so that after a crash the
attempt resumes at the same question with the same remaining time.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .. import audit, records
from ..db import Store, now_iso
from ..errors import NotFound
from ..staff import StaffRepository
from . import bank, grading, kinds, sessions
from .common import ANSWERS, ATTEMPTS, QuizError, dumps, letter, loads
from .papers import Paper, PaperItem, draw_paper, new_seed
from .pictures import split as split_pictures


@dataclass
class AttemptItem:
    answer_id: str
    position: int
    slot: int
    question_id: str
    version_id: str
    option_order: list[int]
    selected: list[int] | None       # version option indexes
    flagged: bool
    correct: bool
    row_version: int
    text: str = ""
    options: list[str] = field(default_factory=list)     # version order
    correct_options: list[int] = field(default_factory=list)
    multiple: bool = False
    kind: str = "single"
    explanation: str = ""
    pictures: list = field(default_factory=list)       # `pictures.Picture`, question's first
    clause: str = ""
    difficulty: int = 2

    @property
    def answered(self) -> bool:
        return bool(self.selected)

    @property
    def shown_options(self) -> list[str]:
        return [self.options[i] for i in self.option_order]

    def shown_index(self, option_index: int) -> int:
        return self.option_order.index(option_index)

    def shown_letters(self, indexes) -> str:
        return ", ".join(letter(self.shown_index(i)) for i in sorted(indexes or [],
                                                                    key=self.shown_index))

    def shown_pictures(self) -> tuple[list, list[list]]:
        """(the question's pictures, each shown option's pictures), with their bytes."""
        return split_pictures(self.pictures, self.option_order)

    def right_answer(self) -> str:
        """The right answer in the letters shown ("B / D" when either one is right)."""
        return kinds.right_letters(self.kind, [letter(self.shown_index(i)) for i in sorted(
            self.correct_options, key=self.shown_index)])


@dataclass
class Attempt:
    id: str
    session_id: str
    staff_id: str
    staff_code: str
    full_name: str
    department: str
    number: int
    mode: str
    variant_code: str | None
    seed: int
    status: str
    started_at: str
    submitted_at: str | None
    time_limit_s: int | None
    elapsed_ms: int
    position: int
    score: int | None
    max_score: int
    percent: float | None
    passed: bool | None
    settings: dict
    kiosk_label: str
    channel: str = ""
    items: list[AttemptItem] = field(default_factory=list)

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"

    def remaining_ms(self) -> int | None:
        if not self.time_limit_s:
            return None
        return max(0, self.time_limit_s * 1000 - self.elapsed_ms)

    def item(self, position: int) -> AttemptItem:
        return self.items[position - 1]

    @property
    def answered_count(self) -> int:
        return sum(1 for i in self.items if i.answered)

    def result(self) -> dict:
        return {"attempt_id": self.id, "staff_code": self.staff_code, "full_name": self.full_name,
                "score": self.score, "max_score": self.max_score,
                "percent": None if self.percent is None else round(self.percent, 2),
                "passed": self.passed, "status": self.status}


# ---------------------------------------------------------------------------------------------
# Who may start

def attempts_of(store: Store, session_id: str, staff_id: str) -> list[dict]:
    return store.query("SELECT * FROM quiz_attempts WHERE session_id = ? AND staff_id = ? AND "
                       "deleted = 0 ORDER BY number, started_at", (session_id, staff_id))


def allowance(store: Store, session: sessions.Session, staff_id: str) -> tuple[int, int]:
    """(attempts used, attempts allowed) of a person in a session."""
    used = len(attempts_of(store, session.id, staff_id))
    row = sessions.attendance_row(store, session.id, staff_id)
    granted = row["retakes_granted"] if row else 0
    return used, int(session.settings["attempts_allowed"]) + granted


@dataclass
class StartCheck:
    ok: bool
    reason: str = ""
    code: str = ""               # "closed", "not_listed", "in_progress", "used_up", "inactive"
    in_progress_id: str | None = None


def check_start(store: Store, session: sessions.Session, staff_id: str, *,
                require_attendance: bool = True, about_person: bool = False) -> StartCheck:
    """Whether the person may start a paper now. The reasons speak to the person at the kiosk;
    with `about_person` (the proctor keying in paper answers) they name the person instead."""
    person = StaffRepository(store).get(staff_id)
    if not person.active:
        return StartCheck(False, f"{person.full_name} không còn trong danh sách đang làm việc.",
                          "inactive")
    if session.status != "open":
        return StartCheck(False, "Buổi tập huấn đã đóng, không làm bài được nữa.", "closed")
    name = person.full_name
    if require_attendance and sessions.attendance_row(store, session.id, staff_id) is None:
        return StartCheck(False, f"{name} chưa có tên trong danh sách dự buổi tập huấn này: hãy "
                          "thêm vào danh sách trước." if about_person else
                          "Bạn chưa có tên trong danh sách dự buổi tập huấn này. Hãy báo "
                          "người giám sát để được thêm vào.", "not_listed")
    running = [a for a in attempts_of(store, session.id, staff_id) if a["status"] == "in_progress"]
    if running:
        return StartCheck(False, f"{name} đang có một bài làm dở trên máy kiểm tra: hãy cho "
                          "tiếp tục hoặc nộp bài đó trước." if about_person else
                          "Bạn đang có một bài làm dở. Hãy báo người giám sát để tiếp tục "
                          "bài đó.", "in_progress", running[0]["id"])
    used, allowed = allowance(store, session, staff_id)
    if used >= allowed:
        return StartCheck(False, f"{name} đã làm bài kiểm tra của buổi này (hết số lần được "
                          "làm). Nếu cần làm lại, hãy cho phép làm lại trước rồi nhập lại."
                          if about_person else
                          "Bạn đã làm bài kiểm tra của buổi này. Nếu cần làm lại, hãy báo "
                          "người giám sát.", "used_up")
    return StartCheck(True)


def start_attempt(store: Store, session_id: str, staff_id: str, *, kiosk_id: str = "",
                  kiosk_label: str = "", seed: int | None = None, paper: Paper | None = None,
                  mode: str = "kiosk", variant_code: str | None = None,
                  require_attendance: bool = True, channel: str = "") -> Attempt:
    """Draw a paper and open an attempt. `channel`: "" at a kiosk PC (or from paper), "web" in a
    browser over the office network."""
    session = sessions.get_session(store, session_id)
    check = check_start(store, session, staff_id, require_attendance=require_attendance,
                        about_person=mode == "paper")
    if not check.ok:
        raise QuizError(check.reason)
    if paper is None:
        seed = new_seed() if seed is None else seed
        paper = draw_paper(store, session.settings, seed)
    s = session.settings
    snapshot = {"pass_mark": s["pass_mark"], "feedback": s["feedback"],
                "time_limit_min": s["time_limit_min"]}
    with store.atomic():
        if sessions.attendance_row(store, session_id, staff_id) is None:
            sessions.add_attendee(store, session_id, staff_id,
                                  note="Thêm khi nhập bài làm trên giấy" if mode == "paper" else "")
        number = len(attempts_of(store, session_id, staff_id)) + 1
        attempt_id = records.new_id()
        records.insert(store, ATTEMPTS, {
            "session_id": session_id, "staff_id": staff_id, "number": number, "mode": mode,
            "variant_code": variant_code, "seed": paper.seed,
            "question_order": dumps([it.question_id for it in paper.items]),
            "settings": dumps(snapshot), "kiosk_id": kiosk_id, "kiosk_label": kiosk_label,
            "channel": channel, "status": "in_progress", "started_at": now_iso(),
            "time_limit_s": (s["time_limit_min"] * 60) if s["time_limit_min"] else None,
            "elapsed_s": 0, "max_score": len(paper.items),
        }, record_id=attempt_id)
        for position, it in enumerate(paper.items, start=1):
            records.insert(store, ANSWERS, {
                "attempt_id": attempt_id, "position": position, "slot": it.slot,
                "question_id": it.question_id, "version_id": it.version_id,
                "option_order": dumps(list(it.option_order)), "selected": None, "flagged": 0,
                "correct": 0, "answered_at": None}, audit_entry=False)
        audit.append(store, "quiz_paper", table=ATTEMPTS, record_id=attempt_id,
                     new={"seed": paper.seed, "items": [it.as_dict() for it in paper.items]})
        store.execute("INSERT INTO quiz_attempt_progress (attempt_id, position, elapsed_ms, "
                      "updated_at) VALUES (?, 1, 0, ?)", (attempt_id, now_iso()))
    return load_attempt(store, attempt_id)


# ---------------------------------------------------------------------------------------------
# Reading

def load_attempt(store: Store, attempt_id: str, *, with_content: bool = True) -> Attempt:
    row = store.query_one(
        "SELECT a.*, s.staff_code, s.full_name, s.department, p.position AS p_position, "
        "p.elapsed_ms AS p_elapsed FROM quiz_attempts a JOIN staff s ON s.id = a.staff_id "
        "LEFT JOIN quiz_attempt_progress p ON p.attempt_id = a.id WHERE a.id = ?", (attempt_id,))
    if row is None or row["deleted"]:
        raise NotFound("Không tìm thấy bài làm này.")
    answers = store.query("SELECT * FROM quiz_answers WHERE attempt_id = ? AND deleted = 0 "
                          "ORDER BY position", (attempt_id,))
    versions = bank.get_versions(store, [a["version_id"] for a in answers],
                                 with_pictures=True) if with_content else {}
    items = []
    for a in answers:
        v = versions.get(a["version_id"], {})
        items.append(AttemptItem(
            answer_id=a["id"], position=a["position"], slot=a["slot"],
            question_id=a["question_id"], version_id=a["version_id"],
            option_order=loads(a["option_order"], []), selected=loads(a["selected"]),
            flagged=bool(a["flagged"]), correct=bool(a["correct"]), row_version=a["version"],
            text=v.get("text", ""), options=v.get("options", []),
            correct_options=v.get("correct", []), multiple=v.get("multiple", False),
            kind=v.get("kind") or ("multiple" if v.get("multiple") else "single"),
            pictures=v.get("pictures", []), explanation=v.get("explanation", ""), clause=v.get("clause", ""),
            difficulty=v.get("difficulty", 2)))
    elapsed = row["p_elapsed"] if row["p_elapsed"] is not None else row["elapsed_s"] * 1000
    return Attempt(
        id=row["id"], session_id=row["session_id"], staff_id=row["staff_id"],
        staff_code=row["staff_code"], full_name=row["full_name"], department=row["department"],
        number=row["number"], mode=row["mode"], variant_code=row["variant_code"],
        seed=row["seed"], status=row["status"], started_at=row["started_at"],
        submitted_at=row["submitted_at"], time_limit_s=row["time_limit_s"],
        elapsed_ms=int(elapsed), position=int(row["p_position"] or 1), score=row["score"],
        max_score=row["max_score"], percent=row["percent"],
        passed=None if row["passed"] is None else bool(row["passed"]),
        settings=loads(row["settings"], {}), kiosk_label=row["kiosk_label"],
        channel=row["channel"], items=items)


def in_progress(store: Store, *, session_id: str | None = None, kiosk_id: str | None = None,
                channel: str | None = None) -> list[dict]:
    """Unfinished attempts, the one worked on last at the end. `channel` "" keeps those taken at
    a kiosk's own screen (the main PC's browser attempts carry its kiosk id too)."""
    sql = ("SELECT a.id, a.session_id, a.staff_id, s.full_name, s.staff_code, a.kiosk_id, "
           "a.started_at, coalesce(p.updated_at, a.started_at) AS last_activity "
           "FROM quiz_attempts a JOIN staff s ON s.id = a.staff_id "
           "LEFT JOIN quiz_attempt_progress p ON p.attempt_id = a.id "
           "WHERE a.status = 'in_progress' AND a.deleted = 0")
    params: list = []
    if session_id:
        sql += " AND a.session_id = ?"
        params.append(session_id)
    if kiosk_id is not None:
        sql += " AND a.kiosk_id = ?"
        params.append(kiosk_id)
    if channel is not None:
        sql += " AND a.channel = ?"
        params.append(channel)
    return store.query(sql + " ORDER BY last_activity, a.started_at", params)


# ---------------------------------------------------------------------------------------------
# Answering

def status(store: Store, attempt_id: str) -> str | None:
    """in_progress, submitted, or None (no such attempt)."""
    return store.scalar("SELECT status FROM quiz_attempts WHERE id = ? AND deleted = 0",
                        (attempt_id,))


def _require_running(store: Store, attempt_id: str) -> None:
    status = store.scalar("SELECT status FROM quiz_attempts WHERE id = ?", (attempt_id,))
    if status != "in_progress":
        raise QuizError("Bài làm này đã nộp, không sửa câu trả lời được nữa.")


def answer(store: Store, attempt: Attempt, position: int, selected: list[int] | None, *,
           elapsed_ms: int | None = None, show_position: int | None = None) -> AttemptItem:
    """Record the options chosen for a question (version indexes; empty clears the answer),
    committed before this returns."""
    item = attempt.item(position)
    chosen = sorted(set(selected or [])) or None
    if chosen and any(i < 0 or i >= len(item.option_order) for i in chosen):
        raise QuizError("Phương án không có trong câu hỏi.")
    correct = grading.is_correct(chosen, item.correct_options, item.kind)
    if elapsed_ms is not None:
        attempt.elapsed_ms = int(elapsed_ms)
    with store.atomic() as conn:
        _require_running(store, attempt.id)
        records.update(store, ANSWERS, item.answer_id, {
            "selected": dumps(chosen) if chosen else None, "correct": int(correct),
            "answered_at": now_iso() if chosen else None})
        _progress(conn, attempt.id, show_position or position, attempt.elapsed_ms)
    item.selected, item.correct = chosen, correct
    item.row_version += 1
    return item


def set_flag(store: Store, attempt: Attempt, position: int, flagged: bool) -> None:
    item = attempt.item(position)
    with store.atomic() as conn:
        _require_running(store, attempt.id)
        records.update(store, ANSWERS, item.answer_id, {"flagged": int(flagged)})
        _progress(conn, attempt.id, position, attempt.elapsed_ms)
    item.flagged = flagged


def _progress(conn, attempt_id: str, position: int, elapsed_ms: int) -> None:
    conn.execute("INSERT INTO quiz_attempt_progress (attempt_id, position, elapsed_ms, updated_at) "
                 "VALUES (?,?,?,?) ON CONFLICT(attempt_id) DO UPDATE SET position = "
                 "excluded.position, elapsed_ms = excluded.elapsed_ms, updated_at = "
                 "excluded.updated_at", (attempt_id, position, int(elapsed_ms), now_iso()))


def save_progress(store: Store, attempt: Attempt, position: int, elapsed_ms: int) -> None:
    """The question shown and the time used (every few seconds and on every move). Not flushed
    on its own: after a power cut the test resumes at most a few seconds earlier, its answers
    all there (each answer is flushed)."""
    attempt.position = position
    attempt.elapsed_ms = int(elapsed_ms)
    with store.unflushed(), store.atomic() as conn:
        _progress(conn, attempt.id, position, elapsed_ms)


def submit(store: Store, attempt: Attempt | str, *, reason: str = "user",
           elapsed_ms: int | None = None, reload: bool = True) -> Attempt:
    """Grade and close the attempt. `reason`: user, timeout, proctor or paper. Returns the
    attempt read again; with `reload=False` (many submitted at once) the given Attempt is
    updated in place instead (its questions are already loaded)."""
    attempt_id = attempt if isinstance(attempt, str) else attempt.id
    with store.atomic():
        row = records.require(store, ATTEMPTS, attempt_id)
        if row["status"] == "submitted":
            return load_attempt(store, attempt_id)
        scores = [r["correct"] for r in store.query(
            "SELECT correct FROM quiz_answers WHERE attempt_id = ? AND deleted = 0", (attempt_id,))]
        settings = loads(row["settings"], {})
        g = grading.grade(scores, row["max_score"], settings.get("pass_mark", 0))
        if elapsed_ms is None:
            elapsed_ms = store.scalar("SELECT elapsed_ms FROM quiz_attempt_progress WHERE "
                                      "attempt_id = ?", (attempt_id,)) or 0
        done = {"status": "submitted", "submitted_at": now_iso(), "submit_reason": reason,
                "elapsed_s": int(elapsed_ms // 1000), "score": g.score, "percent": g.percent,
                "passed": int(g.passed)}
        records.update(store, ATTEMPTS, attempt_id, done)
        store.execute("DELETE FROM quiz_attempt_progress WHERE attempt_id = ?", (attempt_id,))
    if reload or isinstance(attempt, str):
        return load_attempt(store, attempt_id)
    attempt.status, attempt.submitted_at = "submitted", done["submitted_at"]
    attempt.score, attempt.percent, attempt.passed = g.score, g.percent, g.passed
    attempt.elapsed_ms = int(elapsed_ms)
    return attempt


def elapsed_text(seconds: int) -> str:
    return str(_dt.timedelta(seconds=int(seconds)))


def paper_items(attempt: Attempt) -> list[PaperItem]:
    return [PaperItem(i.question_id, i.version_id, i.slot, tuple(i.option_order))
            for i in attempt.items]
