"""Taking the test, the same for the kiosk and the browser: identify → confirm identity → start or
resume → answer, flag, move → review → submit → result, with the time limit and retakes.

No Qt here. The kiosk window (`desktop/views/quiz/kiosk`) and the browser pages
(`desktop/web/quiz`) are two views of one `Taking`: they show its `QuestionView`, `ReviewView` and
`ResultView` and call its methods; the rules (who may start, what an answer is, when the time is
up, grading) live here and in `attempts`.

Every answer is committed (its own transaction, `synchronous=FULL`) before a method returns, so a
view shows an answer as saved only once it is on disk. The time used is kept with every answer,
every move and every few seconds (`quiz_attempt_progress`), so a crash resumes at the same
question with the same time used. Time counts only while the test is in front of the person:
on the kiosk while a question is on screen (`RunningClock`), in a browser while the device keeps
in touch with the server (`ContactClock`: a device that went silent for longer than the gap a
page's heartbeat allows stops its clock at that gap).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from ..db import Store
from ..staff import StaffRepository
from ..vntext import fold, matches, person_sort_key
from . import attempts, sessions
from .common import QuizError, letter

PROGRESS_EVERY_S = 5
Clock = Callable[[], float]


# ---------------------------------------------------------------------------------------------
# Who is taking the test

@dataclass(frozen=True)
class Person:
    staff_id: str
    full_name: str
    staff_code: str
    department: str
    listed: bool          # on the session's attendance list


def people(store: Store, session_id: str) -> tuple[list[Person], list[Person]]:
    """(the active people on the attendance list, the other active staff), in name order."""
    listed = sessions.attendance(store, session_id)
    on_list = {r["staff_id"] for r in listed}
    first = [Person(r["staff_id"], r["full_name"], r["staff_code"], r["department"] or "", True)
             for r in listed if r["active"]]
    others = [Person(p.id, p.full_name, p.staff_code, p.department or "", False)
              for p in StaffRepository(store).list(include_inactive=False) if p.id not in on_list]
    return first, sorted(others, key=lambda p: person_sort_key(p.full_name))


def find_people(listed: list[Person], others: list[Person], query: str, *,
                limit: int | None = None) -> list[Person]:
    """Who a search means: people on the list whose name matches (diacritics don't matter) or
    whose staff code it is; from two letters on, the other staff too (marked not listed)."""
    query = (query or "").strip()
    code = query.upper()
    found = [p for p in listed if not query or matches(query, p.full_name) or p.staff_code == code]
    if len(fold(query)) >= 2:
        found += [p for p in others if matches(query, p.full_name) or p.staff_code == code]
    return found[:limit] if limit else found


@dataclass(frozen=True)
class Confirmation:
    """What "Is this you?" shows, or why this person can't start here and now."""
    ok: bool
    person: Person | None
    reason: str = ""
    code: str = ""                       # attempts.StartCheck codes
    in_progress_id: str | None = None
    questions: int = 0
    pass_mark: float = 0.0
    time_limit_min: int | None = None


def confirmation(store: Store, session_id: str, staff_id: str) -> Confirmation:
    session = sessions.get_session(store, session_id)
    member = StaffRepository(store).get(staff_id)
    person = Person(member.id, member.full_name, member.staff_code, member.department or "",
                    sessions.attendance_row(store, session_id, staff_id) is not None)
    check = attempts.check_start(store, session, staff_id)
    s = session.settings
    return Confirmation(check.ok, person, check.reason, check.code, check.in_progress_id,
                        int(s["questions"]), float(s["pass_mark"]), s.get("time_limit_min"))


# ---------------------------------------------------------------------------------------------
# The clock of an attempt

class RunningClock:
    """Time used = what was used before + the time since `start()` (until `stop()`)."""

    def __init__(self, base_ms: int = 0, clock: Clock = time.monotonic):
        self.base_ms = int(base_ms)
        self.clock = clock
        self.since: float | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def start(self) -> None:
        if self.since is None:
            self.since = self.clock()

    def stop(self) -> None:
        if self.since is not None:
            self.base_ms = self.elapsed_ms()
            self.since = None

    def touch(self) -> None:
        """The person is still there (nothing to do: this clock runs until stopped)."""

    def elapsed_ms(self) -> int:
        running = (self.clock() - self.since) if self.since is not None else 0
        return int(self.base_ms + running * 1000)


class ContactClock(RunningClock):
    """Time used counts while the device is in touch: each contact adds the time since the last
    one, but never more than `gap_s` (a device that went silent stops its clock there)."""

    def __init__(self, base_ms: int = 0, clock: Clock = time.monotonic, gap_s: float = 30.0):
        super().__init__(base_ms, clock)
        self.gap_s = gap_s

    def touch(self) -> None:
        if self.since is None:
            self.since = self.clock()
            return
        self.base_ms = self.elapsed_ms()
        self.since = self.clock()

    def elapsed_ms(self) -> int:
        if self.since is None:
            return self.base_ms
        return int(self.base_ms + min(self.clock() - self.since, self.gap_s) * 1000)

    def silent_for(self) -> float | None:
        return None if self.since is None else self.clock() - self.since


# ---------------------------------------------------------------------------------------------
# What the views show

@dataclass(frozen=True)
class QuestionView:
    position: int
    total: int
    text: str
    options: list[str]              # in the order shown
    multiple: bool
    chosen: frozenset[int]          # shown indexes
    flagged: bool
    answered: int
    time_left_ms: int | None
    # (the question's pictures, each shown option's pictures), `pictures.Picture` with bytes
    pictures: tuple = ((), [])

    @property
    def letters(self) -> list[str]:
        return [letter(i) for i in range(len(self.options))]


@dataclass(frozen=True)
class ReviewView:
    states: list[tuple[bool, bool]]   # (answered, flagged) per question
    time_left_ms: int | None

    @property
    def answered(self) -> int:
        return sum(1 for a, _f in self.states if a)

    @property
    def missing(self) -> int:
        return len(self.states) - self.answered

    @property
    def flagged(self) -> int:
        return sum(1 for _a, f in self.states if f)


@dataclass(frozen=True)
class ResultLine:
    position: int
    text: str
    chosen: str            # letters chosen, "" when not answered
    right: list[str]       # "B. the right option", in the order shown
    correct: bool
    explanation: str
    either: bool = False   # one of several right answers: any one of `right` was enough

    @property
    def right_text(self) -> str:
        return (" / " if self.either else "; ").join(self.right)


@dataclass(frozen=True)
class ResultView:
    full_name: str
    score: int
    max_score: int
    percent: float
    passed: bool
    reason: str                          # user, timeout, proctor
    lines: list[ResultLine] = field(default_factory=list)   # only when answers are shown

    @property
    def show_answers(self) -> bool:
        return bool(self.lines)


def option_label(item: attempts.AttemptItem, index: int) -> str:
    """An option as the result names it: its letter and text, or (an option that is only a
    picture) its picture's name."""
    shown = item.shown_index(index)
    text = item.options[index].strip()
    if not text:
        _question, per_option = item.shown_pictures()
        names = [p.name for p in (per_option[shown] if shown < len(per_option) else [])]
        text = f"(hình {', '.join(n for n in names if n)})" if any(names) else "(hình)"
    return f"{letter(shown)}. {text}"


def result_view(attempt: attempts.Attempt, reason: str = "user") -> ResultView:
    lines = []
    if attempt.settings.get("feedback") == "answers":
        for it in attempt.items:
            lines.append(ResultLine(
                it.position, it.text, it.shown_letters(it.selected) if it.selected else "",
                [option_label(it, i) for i in sorted(it.correct_options, key=it.shown_index)],
                it.correct, it.explanation, it.kind == "any"))
    return ResultView(attempt.full_name, attempt.score or 0, attempt.max_score,
                      attempt.percent or 0.0, bool(attempt.passed), reason, lines)


# ---------------------------------------------------------------------------------------------
# One attempt being taken

class Taking:
    """One person's attempt as a kiosk or a browser takes it. Methods are safe to call from
    several threads (one lock per attempt); each change is committed before it returns."""

    def __init__(self, store: Store, attempt: attempts.Attempt, clock: RunningClock):
        self.store = store
        self.attempt = attempt
        self.clock = clock
        self.position = min(max(1, attempt.position), attempt.max_score)
        self.screen = "result" if attempt.submitted else "question"
        self.reason = "user"
        self.lock = threading.RLock()
        self.last_saved = clock.clock()
        self.progress_every_s = PROGRESS_EVERY_S

    @classmethod
    def start(cls, store: Store, session_id: str, staff_id: str, clock: RunningClock, *,
              kiosk_id: str = "", kiosk_label: str = "", channel: str = "") -> "Taking":
        a = attempts.start_attempt(store, session_id, staff_id, kiosk_id=kiosk_id,
                                   kiosk_label=kiosk_label, channel=channel)
        clock.base_ms = 0
        return cls(store, a, clock)

    @classmethod
    def resume(cls, store: Store, attempt_id: str, clock: RunningClock) -> "Taking":
        a = attempts.load_attempt(store, attempt_id)
        clock.base_ms = a.elapsed_ms
        return cls(store, a, clock)

    # --- reading -----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self.attempt.max_score

    @property
    def submitted(self) -> bool:
        return self.attempt.submitted

    def elapsed_ms(self) -> int:
        return self.clock.elapsed_ms()

    def time_left_ms(self) -> int | None:
        limit = self.attempt.time_limit_s
        return None if not limit else max(0, limit * 1000 - self.elapsed_ms())

    def question(self, position: int | None = None) -> QuestionView:
        a = self.attempt
        item = a.item(position or self.position)
        return QuestionView(item.position, a.max_score, item.text, item.shown_options,
                            item.multiple, frozenset(item.shown_index(i)
                                                     for i in (item.selected or [])),
                            item.flagged, a.answered_count, self.time_left_ms(),
                            item.shown_pictures())

    def review(self) -> ReviewView:
        return ReviewView([(it.answered, it.flagged) for it in self.attempt.items],
                          self.time_left_ms())

    def result(self) -> ResultView:
        return result_view(self.attempt, self.reason)

    # --- changing ----------------------------------------------------------------------------

    def _running(self) -> None:
        if self.attempt.submitted:
            raise QuizError("Bài làm này đã nộp, không sửa câu trả lời được nữa.")

    def choose(self, shown: int) -> QuestionView:
        """The kiosk's choice: a single answer replaces, a several-answers option toggles."""
        with self.lock:
            view = self.question()
            if shown >= len(view.options):
                return view
            chosen = set(view.chosen)
            if view.multiple:
                chosen ^= {shown}
            else:
                chosen = {shown}
            return self.set_choice(self.position, chosen)

    def check_choice(self, position: int, shown: set[int] | frozenset[int]) -> list[int]:
        """The version option indexes of a choice (shown indexes), or QuizError saying why it
        can't be taken (submitted, no such question or option, several for a one-answer
        question)."""
        self._running()
        if not 1 <= position <= self.total:
            raise QuizError("Không có câu hỏi này trong bài.")
        item = self.attempt.item(position)
        if any(not 0 <= i < len(item.option_order) for i in shown):
            raise QuizError("Phương án không có trong câu hỏi.")
        if not item.multiple and len(shown) > 1:
            raise QuizError("Câu hỏi này chỉ chọn một phương án.")
        return [item.option_order[i] for i in shown]

    def set_choice(self, position: int, shown: set[int] | frozenset[int]) -> QuestionView:
        """The options chosen for a question (shown indexes; empty clears it), committed before
        this returns. Setting the whole choice (not toggling) makes a repeated request harmless."""
        with self.lock:
            selected = self.check_choice(position, shown)
            self.clock.touch()
            attempts.answer(self.store, self.attempt, position, selected,
                            elapsed_ms=self.elapsed_ms(), show_position=self.position)
            self.last_saved = self.clock.clock()
            return self.question(position)

    def set_flag(self, position: int, flagged: bool) -> None:
        with self.lock:
            self._running()
            self.clock.touch()
            self.attempt.elapsed_ms = self.elapsed_ms()
            attempts.set_flag(self.store, self.attempt, position, flagged)

    def toggle_flag(self) -> bool:
        flagged = not self.attempt.item(self.position).flagged
        self.set_flag(self.position, flagged)
        return flagged

    def go(self, position: int, *, save: bool = True) -> str:
        """Show a question (past the last one: the review). Returns the screen now shown. The
        place is saved at once, or (`save=False`, the web server's batches) by the caller."""
        with self.lock:
            if self.attempt.submitted:
                self.screen = "result"
                return self.screen
            if position > self.total:
                self.screen = "review"
            else:
                self.position = max(1, position)
                self.screen = "question"
            if save:
                self.save_progress()
            return self.screen

    def show_review(self, *, save: bool = True) -> None:
        with self.lock:
            if not self.attempt.submitted:
                self.screen = "review"
                if save:
                    self.save_progress()

    def save_progress(self) -> None:
        """Where the person is and the time used (every move and every few seconds)."""
        with self.lock:
            if self.attempt.submitted:
                return
            self.clock.touch()
            attempts.save_progress(self.store, self.attempt, self.position, self.elapsed_ms())
            self.last_saved = self.clock.clock()

    def submit(self, reason: str = "user") -> ResultView:
        with self.lock:
            if not self.attempt.submitted:
                self.clock.touch()
                self.clock.stop()
                self.attempt = attempts.submit(self.store, self.attempt, reason=reason,
                                               elapsed_ms=self.elapsed_ms(), reload=False)
                self.reason = reason
            self.screen = "result"
            return self.result()

    def tick(self) -> str | None:
        """The clock's check (every second on the kiosk, on every request and sweep on the web):
        "timeout" when the time ran out (the attempt is then submitted), "gone" when it was
        submitted elsewhere (the proctor ended the test), else None. Saves the progress every
        few seconds."""
        with self.lock:
            if self.attempt.submitted:
                return None
            left = self.time_left_ms()
            if left is not None and left <= 0:
                self.submit("timeout")
                return "timeout"
            if self.clock.clock() - self.last_saved >= self.progress_every_s:
                if attempts.status(self.store, self.attempt.id) != "in_progress":
                    self.attempt = attempts.load_attempt(self.store, self.attempt.id)
                    self.reason, self.screen = "proctor", "result"
                    return "gone"
                self.save_progress()
            return None
