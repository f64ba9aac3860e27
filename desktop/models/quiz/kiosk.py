"""The kiosk's rules that need no screen: the proctor's PIN with its lockout, this PC's kiosk
identity, and the marker that a kiosk is running (so that a crash reopens it)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from .. import audit
from ..db import Store, now_iso
from ..settings import get_setting, set_setting
from ..vntext import fold
from .common import SESSIONS
from .kiosk_running import RUNNING_KEY, running_state

MAX_WRONG_PINS = 5
LOCK_SECONDS = 60
PIN_STATE_KEY = "quiz.kiosk_pin_failures"
KIOSK_ID_KEY = "quiz.kiosk_id"


def kiosk_id(store: Store) -> str:
    """This installation's kiosk id (made once)."""
    value = get_setting(store, KIOSK_ID_KEY, "")
    if not value:
        import uuid   # (with platform: not loaded by a start that checks only the state)

        value = str(uuid.uuid4())
        set_setting(store, KIOSK_ID_KEY, value)
    return value


MAIN_PC_NAME = "Máy chính"


def kiosk_label() -> str:
    """The computer's own name (its host name), recorded in the audit log of the kiosk."""
    import platform

    return (platform.node() or "PC")[:40]


def kiosk_name(store: Store, session_id: str) -> str:
    """What the kiosk screen, the attempts and the result slips call this PC in a session: the
    label the main PC gave it in its setup file (`quiz kiosk-setup --label "Máy 2"`), or "Máy
    chính" on the PC that holds the session — never the host name ("vm", "DESKTOP-8F3K2")."""
    row = store.query_one("SELECT label FROM quiz_kiosk_identity WHERE session_id = ?",
                          (session_id,))
    return " ".join(((row or {}).get("label") or "").split())[:40] or MAIN_PC_NAME


def names_a_machine(label: str | None) -> bool:
    """Whether a kiosk label already says it is a machine ("Máy 1", "máy kiểm tra số 2")."""
    words = fold(" ".join((label or "").split())).split()
    return bool(words) and words[0] in ("may", "pc", "computer")


def machine_phrase(label: str | None) -> str:
    """The kiosk PC named once, for "làm trên …": "Máy 1" as it is, "PC-05" → "máy PC-05", no
    label → "máy kiểm tra"."""
    text = " ".join((label or "").split())
    if not text:
        return "máy kiểm tra"
    return text if names_a_machine(text) else f"máy {text}"


# ---------------------------------------------------------------------------------------------
# The running marker

def mark_running(store: Store, session_id: str) -> None:
    set_setting(store, RUNNING_KEY, {"session_id": session_id, "since": now_iso()})
    audit.append(store, "kiosk_start", table=SESSIONS, record_id=session_id,
                 new={"kiosk": kiosk_label()})


def clear_running(store: Store, *, how: str = "pin") -> None:
    state = running_state(store)
    set_setting(store, RUNNING_KEY, None)
    if state:
        audit.append(store, "kiosk_exit", table=SESSIONS, record_id=state.get("session_id"),
                     new={"kiosk": kiosk_label(), "how": how})

# (`running_state`, which the start asks before the sign-in, is in `kiosk_running`)


# ---------------------------------------------------------------------------------------------
# The PIN

@dataclass
class PinResult:
    ok: bool
    locked: bool = False
    remaining_tries: int = MAX_WRONG_PINS
    locked_for: int = 0          # seconds left of the lock
    message: str = ""


class PinGuard:
    """Checks the proctor's PIN: every wrong PIN is refused and logged; five wrong in a row lock
    the exit for a minute (the lock is logged too). The count of wrong PINs and the end of a lock
    are kept in this PC's settings, so that restarting the program neither resets the count nor
    lifts the lock. `clock` (seconds that never jump) and `wall` (the date and time, for the
    kept lock end) are injectable for tests."""

    def __init__(self, store: Store, session_id: str, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time):
        self.store = store
        self.session_id = session_id
        self.clock = clock
        self.wall = wall
        self.wrong = 0
        self.locked_until = 0.0
        kept = get_setting(store, PIN_STATE_KEY, None)
        if isinstance(kept, dict) and kept.get("session_id") == session_id:
            try:
                self.wrong = max(0, min(int(kept.get("wrong") or 0), MAX_WRONG_PINS - 1))
                left = float(kept.get("locked_until") or 0) - wall()
            except (TypeError, ValueError):
                left = 0.0
            if left > 0:
                self.locked_until = clock() + min(left, LOCK_SECONDS)

    def _keep(self) -> None:
        left = self.locked_until - self.clock()
        set_setting(self.store, PIN_STATE_KEY, {
            "session_id": self.session_id, "wrong": self.wrong,
            "locked_until": self.wall() + left if left > 0 else 0})

    def lock_left(self) -> int:
        left = self.locked_until - self.clock()
        return int(left + 0.999) if left > 0 else 0

    @property
    def locked(self) -> bool:
        return self.lock_left() > 0

    def check(self, pin: str, *, purpose: str = "exit") -> PinResult:
        left = self.lock_left()
        if left:
            audit.append(self.store, "kiosk_pin_refused_locked", table=SESSIONS,
                         record_id=self.session_id, new={"purpose": purpose, "kiosk": kiosk_label()})
            return PinResult(False, True, 0, left,
                             f"Đã nhập sai mã PIN {MAX_WRONG_PINS} lần: hãy chờ {left} giây rồi "
                             "thử lại.")
        from . import sessions

        if sessions.check_pin(self.store, self.session_id, pin):
            self.wrong = 0
            self._keep()
            audit.append(self.store, "kiosk_pin_ok", table=SESSIONS, record_id=self.session_id,
                         new={"purpose": purpose, "kiosk": kiosk_label()})
            return PinResult(True, remaining_tries=MAX_WRONG_PINS)
        self.wrong += 1
        audit.append(self.store, "kiosk_pin_failed", table=SESSIONS, record_id=self.session_id,
                     new={"purpose": purpose, "attempt": self.wrong, "kiosk": kiosk_label()})
        if self.wrong >= MAX_WRONG_PINS:
            self.wrong = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            self._keep()
            audit.append(self.store, "kiosk_exit_locked", table=SESSIONS,
                         record_id=self.session_id,
                         new={"seconds": LOCK_SECONDS, "kiosk": kiosk_label()})
            return PinResult(False, True, 0, LOCK_SECONDS,
                             f"Sai mã PIN {MAX_WRONG_PINS} lần liên tiếp: chức năng thoát bị khóa "
                             f"{LOCK_SECONDS} giây.")
        self._keep()
        left_tries = MAX_WRONG_PINS - self.wrong
        return PinResult(False, False, left_tries, 0,
                         f"Mã PIN không đúng. Còn {left_tries} lần thử.")


def elapsed_clock() -> float:
    """Seconds on a clock that never jumps (for the test timer)."""
    return time.monotonic()
