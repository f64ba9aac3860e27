"""The locked kiosk: one PC, one person after another, a view of the Qt-free test-taking flow
(`desktop.models.quiz.taking`), which the browser pages use too.

A staff member finds their name, confirms, answers one question per screen (keyboard 1–4 / A–D,
arrows, Enter, or the mouse), reviews, submits, sees the result, and the kiosk goes back to the
welcome screen. Every answer is committed before the screen shows it. The hold on the PC is in
`lockdown.py`, the proctor's PIN and menu in `proctor.py`. After a crash the program reopens here
(see `recovery.py`) and the proctor's PIN resumes the same attempt at the same question with the
same remaining time. Hidden proctor key during a test: Ctrl+Alt+P (asks for the PIN; the test's
clock stops meanwhile).
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop.models.db import Store
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import attempts, kiosk, sessions, taking
from desktop.models.settings import get_setting

from .lockdown import Lockdown
from .proctor import ProctorDesk, person_item
from .proctor_screens import PickPersonScreen, PinScreen, ProctorMenuScreen
from .screens import (ConfirmScreen, MessageScreen, QuestionScreen, ResultScreen, ReviewScreen,
                      SubmitCheckScreen, WelcomeScreen)
from .widgets import palette, stylesheet

RESULT_IDLE_MS = 180_000


class KioskWindow(QWidget):
    left = Signal()   # the proctor left the kiosk with the PIN

    def __init__(self, store: Store, session_id: str, *, recovery: bool = False,
                 clock: Callable[[], float] = time.monotonic, parent=None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.store = store
        self.session = sessions.get_session(store, session_id)
        self.clock = clock
        self.recovery = recovery
        self.kiosk_id = kiosk.kiosk_id(store)
        self.kiosk_label = kiosk.kiosk_name(store, session_id)
        self.taking: taking.Taking | None = None
        self.chosen_staff = ""
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Awareness test"))
        self.setStyleSheet(stylesheet(palette(bool(get_setting(store, "high_contrast", False)))))
        f = self.font()
        f.setPointSize(20)
        self.setFont(f)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.welcome, self.question = WelcomeScreen(), QuestionScreen()
        self.confirm, self.message = ConfirmScreen("confirm"), MessageScreen("message")
        self.review, self.result = ReviewScreen(), ResultScreen()
        self.submit_check = SubmitCheckScreen("submit_check")
        self.pin, self.menu, self.pick = PinScreen(), ProctorMenuScreen(), PickPersonScreen()
        for w in (self.welcome, self.confirm, self.message, self.question, self.review,
                  self.submit_check, self.result, self.pin, self.menu, self.pick):
            self.stack.addWidget(w)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.show_welcome)
        self.lockdown = Lockdown(self, store, session_id, on_key=self._key,
                                 on_proctor_key=lambda: self.desk.ask_pin("pause"))
        self.desk = ProctorDesk(self, clock)
        self._after_message: Callable[[], None] | None = None
        self._wire()

    def _wire(self) -> None:
        self.welcome.chosen.connect(self.person_chosen)
        self.welcome.proctor.connect(lambda: self.desk.ask_pin("menu"))
        self.confirm.accepted.connect(self.start_test)
        self.confirm.rejected.connect(self.show_welcome)
        self.message.accepted.connect(self._message_done)
        self.message.rejected.connect(self.show_welcome)
        self.question.option_clicked.connect(self.choose)
        self.question.prev_clicked.connect(lambda: self.go(self.position - 1))
        self.question.next_clicked.connect(lambda: self.go(self.position + 1))
        self.question.flag_clicked.connect(self.toggle_flag)
        self.question.review_clicked.connect(self.show_review)
        self.review.go_to.connect(self.go)
        self.review.back.connect(lambda: self.go(self.position))
        self.review.submit.connect(self.ask_submit)
        self.submit_check.accepted.connect(lambda: self.submit("user"))
        self.submit_check.rejected.connect(self.show_review)
        self.result.done.connect(self.show_welcome)

    @property
    def attempt(self) -> attempts.Attempt | None:
        return self.taking.attempt if self.taking else None

    @property
    def position(self) -> int:
        return self.taking.position if self.taking else 1

    def elapsed_ms(self) -> int:
        return self.taking.elapsed_ms() if self.taking else 0

    # --- the window ------------------------------------------------------------------------------

    def start(self, *, fullscreen: bool = True) -> None:
        """Take over the PC; after a crash, ask for the PIN to resume the interrupted test."""
        self.lockdown.engage(fullscreen=fullscreen)
        running = attempts.in_progress(self.store, session_id=self.session.id,
                                       kiosk_id=self.kiosk_id, channel="")
        if self.recovery and running:
            self.desk.ask_resume(running)
        else:
            self.show_welcome()

    def ask_pin(self, purpose: str) -> None:
        self.desk.ask_pin(purpose)

    def closeEvent(self, event) -> None:  # noqa: N802
        if getattr(self, "lockdown", None) is None or self.lockdown.allow_close:
            event.accept()
        else:
            event.ignore()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if getattr(self, "lockdown", None) is not None:
            self.lockdown.window_changed(event)

    def leave(self) -> None:
        """Leave the kiosk (the PIN was checked): everything back as it was."""
        self.stop_test()
        self.idle.stop()
        self.lockdown.release()
        self.close()
        self.left.emit()

    def _key(self, event) -> bool:
        handler = getattr(self.stack.currentWidget(), "handle_key", None)
        return bool(handler and handler(event))

    # --- welcome and identity ------------------------------------------------------------------

    def show_welcome(self) -> None:
        self.idle.stop()
        self.stop_test()
        listed, others = taking.people(self.store, self.session.id)
        self.welcome.set_header(" — ".join((self.session.display_title, self.session.place,
                                            self.kiosk_label)))
        self.welcome.set_people(listed, others, person_item)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.reset()

    def person_chosen(self, staff_id: str) -> None:
        self.session = sessions.get_session(self.store, self.session.id)
        c = taking.confirmation(self.store, self.session.id, staff_id)
        if not c.ok:
            self.show_message(self.tr("Please ask the proctor"), c.reason, self.tr("Back"))
            return
        self.chosen_staff = staff_id
        self.confirm.show_confirmation(c)
        self.stack.setCurrentWidget(self.confirm)

    def show_message(self, title: str, text: str, yes: str, *,
                     then: Callable[[], None] | None = None) -> None:
        self._after_message = then
        self.message.show_message(title, text, yes)
        self.stack.setCurrentWidget(self.message)

    def _message_done(self) -> None:
        after, self._after_message = self._after_message, None
        (after or self.show_welcome)()

    # --- taking the test -----------------------------------------------------------------------

    def start_test(self) -> None:
        try:
            self.taking = taking.Taking.start(
                self.store, self.session.id, self.chosen_staff,
                taking.RunningClock(0, self.clock), kiosk_id=self.kiosk_id,
                kiosk_label=self.kiosk_label)
        except IsoDeskError as exc:
            self.show_message(self.tr("Please ask the proctor"), exc.message, self.tr("Back"))
            return
        self._run()

    def resume(self, attempt_id: str) -> None:
        self.taking = taking.Taking.resume(self.store, attempt_id,
                                           taking.RunningClock(0, self.clock))
        if self.taking.submitted:
            self.show_welcome()
            return
        self._run()

    def _run(self) -> None:
        self.idle.stop()
        self.unpause()
        self.go(self.taking.position)

    def pause(self) -> None:
        """The clock stops (the proctor's PIN during a test)."""
        if self.taking is not None:
            self.taking.clock.stop()
            self.taking.save_progress()
        self.ticker.stop()

    def unpause(self) -> None:
        self.taking.clock.start()
        self.ticker.start()
        self._tick()

    def stop_test(self) -> None:
        """Off the test's screens: the clock stops and the attempt is no longer this window's."""
        self.ticker.stop()
        if self.taking is not None:
            self.taking.clock.stop()
        self.taking = None

    def go(self, position: int) -> None:
        t = self.taking
        if t is None:
            return
        if t.go(position) == "review":
            self.show_review()
            return
        v = t.question()
        self.question.show_item(v.position, v.total, v.text, v.options, multiple=v.multiple,
                                chosen=set(v.chosen), focus=None, flagged=v.flagged,
                                answered=v.answered, pictures=v.pictures)
        self.stack.setCurrentWidget(self.question)

    def choose(self, shown: int) -> None:
        """An option chosen: committed to the database before the screen shows it."""
        try:
            v = self.taking.choose(shown)
        except IsoDeskError as exc:
            self.show_message(self.tr("The answer was not saved"), exc.message, self.tr("Back"))
            return
        self.question.set_selection(set(v.chosen), shown if shown < len(v.options) else None)
        self.question.set_answered(v.answered)

    def toggle_flag(self) -> None:
        self.question.set_flagged(self.taking.toggle_flag())

    def show_review(self) -> None:
        self.taking.show_review()
        self.review.show_items(self.taking.review().states)
        self.stack.setCurrentWidget(self.review)

    def ask_submit(self) -> None:
        self.submit_check.ask(self.taking.review().missing)
        self.stack.setCurrentWidget(self.submit_check)

    def submit(self, reason: str) -> None:
        self.ticker.stop()
        self._show_result(self.taking.submit(reason))

    def _show_result(self, view: taking.ResultView) -> None:
        self.ticker.stop()
        self.result.show_result(view)
        self.stack.setCurrentWidget(self.result)
        self.idle.start(RESULT_IDLE_MS)

    # --- the clock ------------------------------------------------------------------------------

    def _tick(self) -> None:
        t = self.taking
        if t is None or not t.clock.running:
            return
        if t.tick() is not None:
            self._show_result(t.result())
            return
        self.question.set_time_left(t.time_left_ms())

    def _save_progress(self) -> None:
        if self.taking is not None:
            self.taking.save_progress()
