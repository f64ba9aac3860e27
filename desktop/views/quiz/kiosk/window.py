"""The locked kiosk: full screen, frameless, on top of everything and covering every screen; closing
and the usual shortcuts do nothing; leaving needs the proctor's PIN.

A staff member finds their name, confirms, answers one question per screen (keyboard 1–4 / A–D,
arrows, Enter, or the mouse), reviews, submits, sees the result, and the kiosk goes back to the
welcome screen. Every answer is committed before the screen moves on. After a crash the program
reopens here (see `recovery.py`) and the proctor's PIN resumes the same attempt at the same
question with the same remaining time. Hidden proctor key during a test: Ctrl+Alt+P (asks for
the PIN; the test's clock stops meanwhile).
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from desktop.models.db import Store
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import attempts, kiosk, sessions
from desktop.models.settings import get_setting
from desktop.models.staff import StaffRepository
from desktop.models.vntext import person_sort_key

from . import platform
from .proctor_screens import PickPersonScreen, PinScreen, ProctorMenuScreen
from .screens import (MessageScreen, QuestionScreen, ResultScreen, ReviewScreen, WelcomeScreen,
                      is_enter, option_for_key)
from .widgets import TITLE_PT, label, palette, stylesheet

PROGRESS_EVERY_S = 5
RESULT_IDLE_MS = 180_000
MENU_IDLE_MS = 90_000
_K = Qt.Key
BLOCKED_KEYS = {_K.Key_Escape, _K.Key_Tab, _K.Key_Backtab, _K.Key_Meta, _K.Key_Super_L,
                _K.Key_Super_R, _K.Key_Menu, _K.Key_Print, _K.Key_SysReq, _K.Key_Close,
                _K.Key_Sleep, _K.Key_PowerOff, _K.Key_Suspend, _K.Key_Hibernate, _K.Key_Pause,
                _K.Key_HomePage, _K.Key_Search, _K.Key_LaunchMail, _K.Key_Explorer}
BLOCKED_KEYS |= {getattr(_K, f"Key_F{i}") for i in range(1, 36)}
BLOCKING_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


class CoverWindow(QWidget):
    """A plain window over another screen while the kiosk runs."""

    def __init__(self, screen, parent=None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kiosk_cover")
        self.setStyleSheet("background: #1f2a38; color: #ffffff;")
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("This PC is being used for the awareness test."), TITLE_PT,
                               align=Qt.AlignmentFlag.AlignCenter))
        self.setGeometry(screen.geometry())
        self.allow_close = False

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.allow_close:
            event.accept()
        else:
            event.ignore()


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
        self.guard = kiosk.PinGuard(store, session_id, clock=clock)
        self.kiosk_id = kiosk.kiosk_id(store)
        self.kiosk_label = kiosk.kiosk_name(store, session_id)
        self.attempt: attempts.Attempt | None = None
        self.position = 1
        self.focus: int | None = None
        self.base_elapsed = 0
        self.running_since: float | None = None
        self.last_saved = 0.0
        self.pin_purpose = "menu"
        self.pick_purpose = ""
        self.covers: list[CoverWindow] = []
        self.key_blocker = platform.SystemKeyBlocker()
        self._active = False
        self._allow_close = False
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
        self.welcome = WelcomeScreen()
        self.confirm = MessageScreen("confirm")
        self.message = MessageScreen("message")
        self.question = QuestionScreen()
        self.review = ReviewScreen()
        self.submit_check = MessageScreen("submit_check")
        self.result = ResultScreen()
        self.pin = PinScreen()
        self.menu = ProctorMenuScreen()
        self.pick = PickPersonScreen()
        for w in (self.welcome, self.confirm, self.message, self.question, self.review,
                  self.submit_check, self.result, self.pin, self.menu, self.pick):
            self.stack.addWidget(w)
        self._wire()

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.show_welcome)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self._lock_tick)

    def _wire(self) -> None:
        self.welcome.chosen.connect(self.person_chosen)
        self.welcome.proctor.connect(lambda: self.ask_pin("menu"))
        self.confirm.accepted.connect(self.start_test)
        self.confirm.rejected.connect(self.show_welcome)
        self.message.accepted.connect(self._message_done)
        self.message.rejected.connect(self.show_welcome)
        self.question.option_clicked.connect(self.choose)
        self.question.prev_clicked.connect(lambda: self.go(self.position - 1))
        self.question.next_clicked.connect(self.next_question)
        self.question.flag_clicked.connect(self.toggle_flag)
        self.question.review_clicked.connect(self.show_review)
        self.review.go_to.connect(self.go)
        self.review.back.connect(lambda: self.go(self.position))
        self.review.submit.connect(self.ask_submit)
        self.submit_check.accepted.connect(lambda: self.submit("user"))
        self.submit_check.rejected.connect(self.show_review)
        self.result.done.connect(self.show_welcome)
        self.pin.submitted.connect(self.pin_entered)
        self.pin.back.connect(self._pin_back)
        self.menu.resume.connect(self.resume)
        self.menu.add_person.connect(lambda: self.pick_people("add"))
        self.menu.retake.connect(lambda: self.pick_people("retake"))
        self.menu.exit_kiosk.connect(self.leave)
        self.menu.back.connect(self.show_welcome)
        self.pick.picked.connect(self.person_picked)
        self.pick.back.connect(self.show_menu)
        self._after_message: Callable[[], None] | None = None

    # --- lock-down ----------------------------------------------------------------------------

    def start(self, *, fullscreen: bool = True) -> None:
        """Take over the PC: full screen on top, the other screens covered, no sleep."""
        self._active = True
        QApplication.instance().installEventFilter(self)
        kiosk.mark_running(self.store, self.session.id)
        platform.lock_in(self.store.data_dir)
        platform.note_keyboard_lock(self.key_blocker.start())
        if fullscreen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        for screen in platform.other_screens(self):
            cover = CoverWindow(screen)
            cover.showFullScreen()
            self.covers.append(cover)
        running = attempts.in_progress(self.store, session_id=self.session.id,
                                       kiosk_id=self.kiosk_id)
        if self.recovery and running:
            self.pin_purpose = "resume"
            self._resume_id = self._latest(running)
            person = next(r for r in running if r["id"] == self._resume_id)
            a = attempts.load_attempt(self.store, self._resume_id, with_content=False)
            text = self.tr("The program was closed before %1 finished the test (question %2, %3 "
                           "answered). The proctor enters the PIN to continue the same test.") \
                .replace("%1", person["full_name"]).replace("%2", str(a.position)) \
                .replace("%3", f"{a.answered_count}/{a.max_score}")
            if a.remaining_ms() is not None:
                text += " " + self.tr("Time left: %1.").replace("%1", self._time_text(
                    a.remaining_ms()))
            self.stack.setCurrentWidget(self.pin)
            self.pin.ask(self.tr("Resume the test"), text, can_go_back=False)
        else:
            self.show_welcome()

    @staticmethod
    def _latest(running: list[dict]) -> str:  # in_progress() puts the last one worked on last
        return running[-1]["id"]

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self._active:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                        QEvent.Type.ShortcutOverride):
            return False
        key, mods = event.key(), event.modifiers()
        ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if kind == QEvent.Type.KeyPress and key == _K.Key_P and (mods & ctrl_alt) == ctrl_alt:
            self.ask_pin("pause")
            return True
        if mods & BLOCKING_MODIFIERS or key in BLOCKED_KEYS:
            return True
        if kind != QEvent.Type.KeyPress:
            return False
        screen = self.stack.currentWidget()
        if screen is self.question:
            return self._question_key(event)
        handler = getattr(screen, "handle_key", None)
        return bool(handler and handler(event))

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._allow_close:
            event.accept()
        else:
            event.ignore()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if not self._active:
            return
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            QTimer.singleShot(0, self._reassert)
        elif event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            QTimer.singleShot(300, self._reassert)

    def _reassert(self) -> None:
        if self._active and self.isVisible():
            if not self.isFullScreen() and self.windowState() & Qt.WindowState.WindowMinimized:
                self.showFullScreen()
            self.raise_()
            self.activateWindow()

    def leave(self) -> None:
        """Leave the kiosk (the PIN was checked): everything back as it was."""
        self._stop_clock()
        self.ticker.stop()
        self.idle.stop()
        self._active = False
        QApplication.instance().removeEventFilter(self)
        kiosk.clear_running(self.store, how="pin")
        platform.release()
        self.key_blocker.stop()
        for cover in self.covers:
            cover.allow_close = True
            cover.close()
            cover.deleteLater()
        self.covers = []
        self._allow_close = True
        self.close()
        self.left.emit()

    # --- welcome and identity -------------------------------------------------------------------

    def show_welcome(self) -> None:
        self.idle.stop()
        self._stop_clock()
        self.ticker.stop()
        self.attempt = None
        listed = sessions.attendance(self.store, self.session.id)
        on_list = {r["staff_id"] for r in listed}
        people = [self._person(r["staff_id"], r["full_name"], r["staff_code"], r["department"])
                  for r in listed if r["active"]]
        others = [self._person(p.id, p.full_name, p.staff_code, p.department)
                  for p in StaffRepository(self.store).list(include_inactive=False)
                  if p.id not in on_list]
        self.welcome.set_header(" — ".join((self.session.display_title, self.session.place, self.kiosk_label)))
        self.welcome.set_people(people, others)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.reset()

    @staticmethod
    def _person(staff_id: str, name: str, code: str, department: str) -> dict:
        text = f"{name}  —  {department}  ({code})" if department else f"{name}  ({code})"
        return {"staff_id": staff_id, "full_name": name, "staff_code": code, "label": text}

    def person_chosen(self, staff_id: str) -> None:
        self.session = sessions.get_session(self.store, self.session.id)
        check = attempts.check_start(self.store, self.session, staff_id)
        person = StaffRepository(self.store).get(staff_id)
        if not check.ok:
            self.show_message(self.tr("Please ask the proctor"), check.reason, self.tr("Back"))
            return
        self.chosen_staff = staff_id
        s = self.session.settings
        rules = self.tr("The test has %1 questions. You pass with %2% right answers.") \
            .replace("%1", str(s["questions"])).replace("%2", f"{s['pass_mark']:g}")
        if s.get("time_limit_min"):
            rules += " " + self.tr("You have %1 minutes.").replace("%1", str(s["time_limit_min"]))
        rules += "\n\n" + self.tr("Each answer is saved as soon as you choose it.")
        code_line = self.tr("Staff code: %1").replace("%1", person.staff_code)
        who = person.full_name + (f"\n{person.department}" if person.department else "") + \
            "\n" + code_line
        self.confirm.show_message(self.tr("Is this you?"), who + "\n\n" + rules,
                                  self.tr("Yes, start the test"), self.tr("No, go back"))
        self.stack.setCurrentWidget(self.confirm)

    def show_message(self, title: str, text: str, yes: str, *,
                     then: Callable[[], None] | None = None) -> None:
        self._after_message = then
        self.message.show_message(title, text, yes)
        self.stack.setCurrentWidget(self.message)

    def _message_done(self) -> None:
        after, self._after_message = self._after_message, None
        (after or self.show_welcome)()

    # --- taking the test ------------------------------------------------------------------------

    def start_test(self) -> None:
        try:
            self.attempt = attempts.start_attempt(self.store, self.session.id, self.chosen_staff,
                                                  kiosk_id=self.kiosk_id,
                                                  kiosk_label=self.kiosk_label)
        except IsoDeskError as exc:
            self.show_message(self.tr("Please ask the proctor"), exc.message, self.tr("Back"))
            return
        self.base_elapsed = 0
        self._run(1)

    def resume(self, attempt_id: str) -> None:
        self.attempt = attempts.load_attempt(self.store, attempt_id)
        if self.attempt.submitted:
            self.show_welcome()
            return
        self.base_elapsed = self.attempt.elapsed_ms
        self._run(min(max(1, self.attempt.position), self.attempt.max_score))

    def _run(self, position: int) -> None:
        self.idle.stop()
        self._start_clock()
        self.ticker.start()
        self.go(position)
        self._tick()

    def elapsed_ms(self) -> int:
        running = (self.clock() - self.running_since) if self.running_since is not None else 0
        return int(self.base_elapsed + running * 1000)

    def _start_clock(self) -> None:
        if self.running_since is None:
            self.running_since = self.clock()

    def _stop_clock(self) -> None:
        if self.running_since is not None:
            self.base_elapsed = self.elapsed_ms()
            self.running_since = None

    def go(self, position: int) -> None:
        a = self.attempt
        if a is None:
            return
        if position > a.max_score:
            self.show_review()
            return
        self.position = max(1, position)
        self.focus = None
        item = a.item(self.position)
        chosen = {item.shown_index(i) for i in (item.selected or [])}
        self.question.show_item(self.position, a.max_score, item.text, item.shown_options,
                                multiple=item.multiple, chosen=chosen, focus=None, flagged=item.flagged,
                                answered=a.answered_count, pictures=item.shown_pictures())
        self.stack.setCurrentWidget(self.question)
        self._save_progress()

    def next_question(self) -> None:
        self.go(self.position + 1)

    def choose(self, shown: int) -> None:
        """An option chosen: committed to the database before the screen changes."""
        a = self.attempt
        item = a.item(self.position)
        if shown >= len(item.option_order):
            return
        chosen = {item.shown_index(i) for i in (item.selected or [])}
        if item.multiple:
            chosen ^= {shown}
        else:
            chosen = {shown}
        try:
            attempts.answer(self.store, a, self.position,
                            [item.option_order[i] for i in chosen],
                            elapsed_ms=self.elapsed_ms())
        except IsoDeskError as exc:
            self.show_message(self.tr("The answer was not saved"), exc.message, self.tr("Back"))
            return
        self.last_saved = self.clock()
        self.focus = shown
        self.question.set_selection(chosen, self.focus)
        self.question.set_answered(a.answered_count)

    def toggle_flag(self) -> None:
        item = self.attempt.item(self.position)
        attempts.set_flag(self.store, self.attempt, self.position, not item.flagged)
        self.question.set_flagged(item.flagged)

    def _question_key(self, event) -> bool:
        key = event.key()
        item = self.attempt.item(self.position)
        count = len(item.option_order)
        index = option_for_key(key, count)
        if index is not None:
            self.choose(index)
            return True
        chosen = {item.shown_index(i) for i in (item.selected or [])}
        if key in (_K.Key_Down, _K.Key_Up):
            step = 1 if key == _K.Key_Down else -1
            start = self.focus if self.focus is not None else (-1 if step > 0 else count)
            self.focus = max(0, min(count - 1, start + step))
            self.question.set_selection(chosen, self.focus)
            return True
        if key == _K.Key_Space and self.focus is not None:
            self.choose(self.focus)
            return True
        if is_enter(key):
            if self.focus is not None and self.focus not in chosen:
                self.choose(self.focus)
            else:
                self.next_question()
            return True
        if key == _K.Key_Left:
            if self.position > 1:
                self.go(self.position - 1)
            return True
        if key == _K.Key_Right:
            self.next_question()
            return True
        return False

    def show_review(self) -> None:
        a = self.attempt
        self.review.show_items([(it.answered, it.flagged) for it in a.items])
        self.stack.setCurrentWidget(self.review)

    def ask_submit(self) -> None:
        missing = sum(1 for it in self.attempt.items if not it.answered)
        text = self.tr("After submitting you cannot change your answers.")
        if missing:
            text = self.tr("%1 questions are not answered yet.").replace("%1", str(missing)) \
                + " " + text
        self.submit_check.show_message(self.tr("Submit your test?"), text,
                                       self.tr("Submit"), self.tr("Back"))
        self.stack.setCurrentWidget(self.submit_check)

    def submit(self, reason: str) -> None:
        self._stop_clock()
        self.ticker.stop()
        done = attempts.submit(self.store, self.attempt, reason=reason,
                               elapsed_ms=self.elapsed_ms())
        self.attempt = done
        self.result.show_result(done, show_answers=done.settings.get("feedback") == "answers")
        if reason == "timeout":
            self.result.name.setText(done.full_name + " — " + self.tr("time is up, the test was "
                                                                      "submitted."))
        self.stack.setCurrentWidget(self.result)
        self.idle.start(RESULT_IDLE_MS)

    # --- the clock ------------------------------------------------------------------------------

    @staticmethod
    def _time_text(ms: int) -> str:
        seconds = max(0, ms // 1000)
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    def _tick(self) -> None:
        a = self.attempt
        if a is None or self.running_since is None:
            return
        elapsed = self.elapsed_ms()
        if a.time_limit_s:
            left = a.time_limit_s * 1000 - elapsed
            if left <= 0:
                self.submit("timeout")
                return
            minutes = (left + 59_999) // 60_000
            if left < 60_000:
                text = self.tr("%1 s left").replace("%1", str(left // 1000))
            else:
                text = self.tr("%1 min left").replace("%1", str(minutes))
            self.question.set_timer(text, warn=left < 5 * 60_000)
        else:
            self.question.set_timer("", warn=False)
        if self.clock() - self.last_saved >= PROGRESS_EVERY_S:
            self._save_progress()

    def _save_progress(self) -> None:
        if self.attempt is not None and not self.attempt.submitted:
            attempts.save_progress(self.store, self.attempt, self.position, self.elapsed_ms())
            self.last_saved = self.clock()

    # --- the proctor ----------------------------------------------------------------------------

    def ask_pin(self, purpose: str) -> None:
        if self.stack.currentWidget() is self.pin:
            return
        self.pin_purpose = purpose
        self._pin_return = self.stack.currentWidget()
        if purpose == "pause":
            self._stop_clock()
            self._save_progress()
        titles = {"menu": self.tr("Proctor"), "pause": self.tr("Proctor: pause the test"),
                  "resume": self.tr("Resume the test")}
        self.stack.setCurrentWidget(self.pin)
        self.pin.ask(titles.get(purpose, ""), self.tr("Enter the proctor's PIN."))
        if self.guard.locked:
            self._locked()

    def pin_entered(self, pin: str) -> None:
        result = self.guard.check(pin, purpose=self.pin_purpose)
        if not result.ok:
            self.pin.refuse(result.message, locked=result.locked)
            if result.locked:
                self._locked()
            return
        if self.pin_purpose == "resume":
            self.resume(self._resume_id)
        else:
            self.show_menu()

    def _locked(self) -> None:
        self.pin.refuse(self.tr("Wrong PIN five times: the exit is locked. Wait %1 seconds.")
                        .replace("%1", str(self.guard.lock_left())), locked=True)
        self.lock_timer.start()

    def _lock_tick(self) -> None:
        left = self.guard.lock_left()
        if left <= 0:
            self.lock_timer.stop()
            self.pin.refuse(self.tr("You can try the PIN again."), locked=False)
            return
        self.pin.message.setText(self.tr("Wrong PIN five times: the exit is locked. Wait %1 "
                                         "seconds.").replace("%1", str(left)))

    def _pin_back(self) -> None:
        if self.pin_purpose == "pause" and self.attempt is not None:
            self._start_clock()
            self.stack.setCurrentWidget(self._pin_return)
        else:
            self.show_welcome()

    def show_menu(self) -> None:
        self._stop_clock()
        self.ticker.stop()
        running = attempts.in_progress(self.store, session_id=self.session.id,
                                       kiosk_id=self.kiosk_id)
        self.menu.set_running(running)
        n = len(sessions.attendance(self.store, self.session.id))
        self.menu.status.setText(self.tr("%1 — %2 people on the list. This PC: %3.")
                                 .replace("%1", self.session.display_title)
                                 .replace("%2", str(n)).replace("%3", self.kiosk_label))
        self.attempt = None
        self.stack.setCurrentWidget(self.menu)
        self.idle.start(MENU_IDLE_MS)

    def pick_people(self, purpose: str) -> None:
        self.pick_purpose = purpose
        self.idle.start(MENU_IDLE_MS)
        listed = sessions.attendance(self.store, self.session.id)
        if purpose == "add":
            on_list = {r["staff_id"] for r in listed}
            people = [self._person(p.id, p.full_name, p.staff_code, p.department)
                      for p in StaffRepository(self.store).list(include_inactive=False)
                      if p.id not in on_list]
            self.pick.ask(self.tr("Add a person to the attendance list"), people,
                          self.tr("Only people on the staff roster can be added."))
        else:
            people = [self._person(r["staff_id"], r["full_name"], r["staff_code"],
                                   r["department"]) for r in listed]
            self.pick.ask(self.tr("Allow one more attempt"), sorted(
                people, key=lambda p: person_sort_key(p["full_name"])))
        self.stack.setCurrentWidget(self.pick)

    def person_picked(self, staff_id: str) -> None:
        person = StaffRepository(self.store).get(staff_id)
        try:
            if self.pick_purpose == "add":
                sessions.add_attendee(self.store, self.session.id, staff_id, at_kiosk=True,
                                      note="Thêm tại máy kiểm tra")
                text = self.tr("%1 was added to the attendance list and can take the test now.")
            else:
                sessions.grant_retake(self.store, self.session.id, staff_id)
                text = self.tr("%1 may take the test once more.")
        except IsoDeskError as exc:
            self.show_message(self.tr("Not done"), exc.message, self.tr("Back"),
                              then=self.show_menu)
            return
        self.show_message(self.tr("Done"), text.replace("%1", person.full_name), self.tr("OK"),
                          then=self.show_welcome)

