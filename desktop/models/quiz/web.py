"""The test in browsers over the office network, what needs no web server: the test of a session
being open to browsers, the devices that joined (waiting for the proctor, let in, refused,
replaced by another device), ending the test for everyone, and the proctor's live list of web
and kiosk participants together.

A device is known by a random token kept in its browser (an HTTP-only cookie); only the token's
SHA-256 is stored. A device that is let in is bound to one attempt; a second device for the same
person waits until the proctor moves the attempt to it. All of this is local to this PC (never
synced); the attempts themselves are ordinary attempts (`channel` = "web").
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import secrets
from dataclasses import dataclass

from .. import audit
from ..db import Store, now_iso
from . import attempts, results, sessions
from .common import SESSIONS, QuizError

SILENT_AFTER_S = 30          # no sign of life for this long: shown as disconnected
WAITING, ADMITTED, REFUSED, REPLACED = "waiting", "admitted", "refused", "replaced"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


# ---------------------------------------------------------------------------------------------
# The test of a session, open to browsers

def open_test(store: Store, session_id: str) -> dict:
    """Open (or reopen) the session's test to browsers; the secret that keys the pages'
    anti-forgery tokens is made once and kept, so pages open in browsers outlive a restart."""
    session = sessions.get_session(store, session_id)
    if session.status != "open":
        raise QuizError("Buổi tập huấn đã đóng: mở lại buổi này rồi mới cho kiểm tra qua mạng.")
    with store.atomic():
        row = test_state(store, session_id)
        if row is None:
            store.execute("INSERT INTO quiz_web_tests (session_id, secret, auto_admit, "
                          "started_at) VALUES (?, ?, 0, ?)",
                          (session_id, secrets.token_hex(32), now_iso()))
        elif row["ended_at"]:
            store.execute("UPDATE quiz_web_tests SET ended_at = NULL, started_at = ? WHERE "
                          "session_id = ?", (now_iso(), session_id))
        audit.append(store, "quiz_web_open", table=SESSIONS, record_id=session_id)
    return test_state(store, session_id)


def test_state(store: Store, session_id: str) -> dict | None:
    return store.query_one("SELECT * FROM quiz_web_tests WHERE session_id = ?", (session_id,))


def set_auto_admit(store: Store, session_id: str, on: bool) -> None:
    """Let everyone on the attendance list in without the proctor (or not)."""
    with store.atomic():
        if test_state(store, session_id) is None:
            open_test(store, session_id)
        store.execute("UPDATE quiz_web_tests SET auto_admit = ? WHERE session_id = ?",
                      (int(on), session_id))
        audit.append(store, "quiz_web_auto_admit", table=SESSIONS, record_id=session_id,
                     new={"auto_admit": bool(on)})


def end_test(store: Store, session_id: str) -> int:
    """End the test for everyone: every unfinished attempt of the session (browser or kiosk) is
    submitted as on a timeout (graded as it stands) and the browsers get no new paper.
    Returns how many attempts were submitted."""
    running = attempts.in_progress(store, session_id=session_id)
    with store.atomic():
        for row in running:
            attempts.submit(store, row["id"], reason="proctor")
        store.execute("UPDATE quiz_web_tests SET ended_at = ? WHERE session_id = ?",
                      (now_iso(), session_id))
        store.execute("UPDATE quiz_web_devices SET state = ? WHERE session_id = ? AND state = ?",
                      (REFUSED, session_id, WAITING))
        audit.append(store, "quiz_web_end", table=SESSIONS, record_id=session_id,
                     new={"submitted": len(running)})
    return len(running)


# ---------------------------------------------------------------------------------------------
# Devices

def device(store: Store, digest: str) -> dict | None:
    return store.query_one("SELECT * FROM quiz_web_devices WHERE token_hash = ?", (digest,))


def devices(store: Store, session_id: str) -> list[dict]:
    return store.query("SELECT * FROM quiz_web_devices WHERE session_id = ? ORDER BY created_at",
                       (session_id,))


@dataclass(frozen=True)
class Joined:
    state: str                 # waiting, admitted, or "" when refused (see reason)
    reason: str = ""
    moving: bool = False       # the person's attempt runs elsewhere: the proctor moves it here


def join(store: Store, session_id: str, digest: str, staff_id: str, *, label: str = "",
         address: str = "") -> Joined:
    """A device says who is taking the test on it. It waits for the proctor, or is let in at
    once when the session lets everyone on the attendance list in and nothing else of that
    person runs."""
    session = sessions.get_session(store, session_id)
    test = test_state(store, session_id)
    if test is None or test["ended_at"]:
        return Joined("", "Bài kiểm tra qua mạng của buổi này đã kết thúc.")
    check = attempts.check_start(store, session, staff_id)
    if not check.ok and check.code != "in_progress":
        return Joined("", check.reason)
    moving = check.code == "in_progress"
    with store.atomic():
        mine = device(store, digest)
        if mine and mine["state"] == ADMITTED and mine["attempt_id"] and \
                attempts.status(store, mine["attempt_id"]) == "in_progress":
            if mine["staff_id"] == staff_id:
                return Joined(ADMITTED)
            return Joined("", "Trên thiết bị này đang có bài làm của một người khác.")
        others = [d for d in devices(store, session_id)
                  if d["staff_id"] == staff_id and d["token_hash"] != digest
                  and d["state"] in (WAITING, ADMITTED)]
        admit_now = bool(test["auto_admit"]) and not moving and not others
        state = ADMITTED if admit_now else WAITING
        store.execute(
            "INSERT INTO quiz_web_devices (token_hash, session_id, staff_id, attempt_id, state, "
            "label, address, created_at, admitted_at, admitted_by, last_seen_at) "
            "VALUES (?,?,?,NULL,?,?,?,?,?,?,?) ON CONFLICT(token_hash) DO UPDATE SET "
            "session_id = excluded.session_id, staff_id = excluded.staff_id, attempt_id = NULL, "
            "state = excluded.state, label = excluded.label, address = excluded.address, "
            "created_at = excluded.created_at, admitted_at = excluded.admitted_at, "
            "admitted_by = excluded.admitted_by, last_seen_at = excluded.last_seen_at",
            (digest, session_id, staff_id, state, label[:80], address[:60], now_iso(),
             now_iso() if admit_now else None, "auto" if admit_now else "", now_iso()))
        audit.append(store, "quiz_web_join", table=SESSIONS, record_id=session_id,
                     new={"staff_id": staff_id, "device": label[:80], "address": address[:60],
                          "state": state, "moving": moving})
    return Joined(state, moving=moving)


def admit(store: Store, digest: str) -> dict:
    """The proctor lets a waiting device in. When the person's attempt runs elsewhere (another
    device, a kiosk), it moves to this device: the other devices of that person stop."""
    with store.atomic():
        d = device(store, digest)
        if d is None or d["state"] not in (WAITING, ADMITTED):
            raise QuizError("Thiết bị này không còn chờ vào phòng thi.")
        running = [a for a in attempts.attempts_of(store, d["session_id"], d["staff_id"])
                   if a["status"] == "in_progress"]
        store.execute("UPDATE quiz_web_devices SET state = ?, attempt_id = NULL WHERE "
                      "session_id = ? AND staff_id = ? AND token_hash <> ? AND state IN (?, ?)",
                      (REPLACED, d["session_id"], d["staff_id"], digest, WAITING, ADMITTED))
        store.execute("UPDATE quiz_web_devices SET state = ?, admitted_at = ?, admitted_by = ?, "
                      "attempt_id = ? WHERE token_hash = ?",
                      (ADMITTED, now_iso(), store.actor, running[0]["id"] if running else None,
                       digest))
        audit.append(store, "quiz_web_admit", table=SESSIONS, record_id=d["session_id"],
                     new={"staff_id": d["staff_id"], "device": d["label"],
                          "moved_attempt": running[0]["id"] if running else None})
    return device(store, digest)


def refuse(store: Store, digest: str) -> None:
    with store.atomic():
        d = device(store, digest)
        if d is None:
            return
        store.execute("UPDATE quiz_web_devices SET state = ? WHERE token_hash = ?",
                      (REFUSED, digest))
        audit.append(store, "quiz_web_refuse", table=SESSIONS, record_id=d["session_id"],
                     new={"staff_id": d["staff_id"], "device": d["label"]})


def bind(store: Store, digest: str, attempt_id: str) -> None:
    store.execute("UPDATE quiz_web_devices SET attempt_id = ? WHERE token_hash = ?",
                  (attempt_id, digest))


def forget(store: Store, digest: str) -> None:
    """The person finished on this device (or gave up waiting): the device is free again."""
    store.execute("DELETE FROM quiz_web_devices WHERE token_hash = ? AND (state <> ? OR "
                  "attempt_id IS NULL OR attempt_id IN (SELECT id FROM quiz_attempts WHERE "
                  "status = 'submitted'))", (digest, ADMITTED))


def seen(store: Store, stamps: dict[str, str]) -> None:
    """When each device was last heard of (written in one go every few seconds)."""
    if stamps:
        with store.atomic() as conn:
            conn.executemany("UPDATE quiz_web_devices SET last_seen_at = ? WHERE token_hash = ?",
                             [(at, digest) for digest, at in stamps.items()])


# ---------------------------------------------------------------------------------------------
# The proctor's live list

@dataclass
class LiveRow:
    staff_id: str
    full_name: str
    staff_code: str
    department: str
    state: str                   # waiting, not_started, working, submitted, disconnected
    answered: int | None = None
    total: int | None = None
    last_answer_at: str | None = None
    where: str = ""              # the kiosk PC, or the browser device
    web: bool = False
    device: str | None = None    # the waiting device's token hash (to let it in)
    moving: bool = False         # a second device waits to take over a running attempt
    score: int | None = None
    percent: float | None = None
    passed: bool | None = None
    attempts: int = 0


STATE_VI = {WAITING: "Chờ cho vào", "not_started": "Chưa làm bài", "working": "Đang làm bài",
            "submitted": "Đã nộp bài", "disconnected": "Mất kết nối"}


def _age_s(stamp: str | None, now: _dt.datetime) -> float | None:
    if not stamp:
        return None
    try:
        return (now - _dt.datetime.fromisoformat(stamp)).total_seconds()
    except ValueError:
        return None


def live_roster(store: Store, session_id: str, now: _dt.datetime | None = None
                ) -> list[LiveRow]:
    """Everyone of the session, web and kiosk together, in name order."""
    now = now or _dt.datetime.now().astimezone()
    people = results.session_results(store, session_id)
    running = {r["staff_id"]: r for r in store.query(
        "SELECT a.id, a.staff_id, a.channel, a.kiosk_label, a.max_score, p.updated_at, "
        "(SELECT max(answered_at) FROM quiz_answers x WHERE x.attempt_id = a.id) AS last_answer "
        "FROM quiz_attempts a LEFT JOIN quiz_attempt_progress p ON p.attempt_id = a.id "
        "WHERE a.session_id = ? AND a.status = 'in_progress' AND a.deleted = 0", (session_id,))}
    devs: dict[str, list[dict]] = {}
    for d in devices(store, session_id):
        devs.setdefault(d["staff_id"], []).append(d)
    out = []
    for p in people:
        row = LiveRow(p.staff_id, p.full_name, p.staff_code, p.department, p.status,
                      answered=p.answered, total=p.max_score, attempts=p.attempts,
                      score=p.score, percent=p.percent, passed=p.passed)
        mine = devs.get(p.staff_id, [])
        waiting = [d for d in mine if d["state"] == WAITING]
        active = [d for d in mine if d["state"] == ADMITTED]
        run = running.get(p.staff_id)
        if run:
            row.state = "working"
            row.last_answer_at = run["last_answer"]
            row.web = run["channel"] == "web"
            if row.web and active:
                row.where = active[-1]["label"]
                age = _age_s(active[-1]["last_seen_at"], now)
            else:
                row.where = run["kiosk_label"]
                age = _age_s(run["updated_at"], now)
            if age is None or age > SILENT_AFTER_S:
                row.state = "disconnected"
        elif p.status == "submitted":
            row.state = "submitted"
        else:
            row.state = "not_started"
        if waiting:
            row.device, row.moving = waiting[-1]["token_hash"], bool(run) or bool(active)
            row.where = waiting[-1]["label"]
            row.web = True
            if not run:
                row.state = WAITING
        out.append(row)
    return out


def live_summary(rows: list[LiveRow]) -> dict:
    counts = {k: 0 for k in STATE_VI}
    for r in rows:
        counts[r.state] = counts.get(r.state, 0) + 1
    counts["moving"] = sum(1 for r in rows if r.moving)
    return counts
