"""What the proctor does at the kiosk once the PIN is right: resume an interrupted test, add a
person to the attendance list, allow a retake, leave the kiosk; plus the PIN with its lockout
and the pause of a running test (Ctrl+Alt+P)."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import attempts, kiosk, sessions, taking
from desktop.models.staff import StaffRepository

MENU_IDLE_MS = 90_000


def person_item(p: taking.Person) -> dict:
    """A person as the kiosk's lists show them."""
    text = f"{p.full_name}  —  {p.department}  ({p.staff_code})" if p.department else \
        f"{p.full_name}  ({p.staff_code})"
    return {"staff_id": p.staff_id, "full_name": p.full_name, "staff_code": p.staff_code,
            "label": text}


class ProctorDesk(QObject):
    """The kiosk window's proctor side; `k` is the window (its screens and its test)."""

    def __init__(self, k, clock):
        super().__init__(k)
        self.k = k
        self.guard = kiosk.PinGuard(k.store, k.session.id, clock=clock)
        self.purpose = "menu"
        self.pick_purpose = ""
        self.resume_id: str | None = None
        self._return_to = None
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self._lock_tick)
        k.pin.submitted.connect(self.pin_entered)
        k.pin.back.connect(self._pin_back)
        k.menu.resume.connect(k.resume)
        k.menu.add_person.connect(lambda: self.pick_people("add"))
        k.menu.retake.connect(lambda: self.pick_people("retake"))
        k.menu.exit_kiosk.connect(k.leave)
        k.menu.back.connect(k.show_welcome)
        k.pick.picked.connect(self.person_picked)
        k.pick.back.connect(self.show_menu)

    def ask_resume(self, running: list[dict]) -> None:
        """After a crash: the PIN resumes the test that was interrupted (the last one)."""
        k = self.k
        self.purpose = "resume"
        self.resume_id = running[-1]["id"]          # in_progress() puts the last one last
        person = running[-1]
        a = attempts.load_attempt(k.store, self.resume_id, with_content=False)
        text = self.tr("The program was closed before %1 finished the test (question %2, %3 "
                       "answered). The proctor enters the PIN to continue the same test.") \
            .replace("%1", person["full_name"]).replace("%2", str(a.position)) \
            .replace("%3", f"{a.answered_count}/{a.max_score}")
        if a.remaining_ms() is not None:
            text += " " + self.tr("Time left: %1.").replace("%1", time_text(a.remaining_ms()))
        k.stack.setCurrentWidget(k.pin)
        k.pin.ask(self.tr("Resume the test"), text, can_go_back=False)

    def ask_pin(self, purpose: str) -> None:
        k = self.k
        if k.stack.currentWidget() is k.pin:
            return
        self.purpose = purpose
        self._return_to = k.stack.currentWidget()
        if purpose == "pause":
            k.pause()
        titles = {"menu": self.tr("Proctor"), "pause": self.tr("Proctor: pause the test"),
                  "resume": self.tr("Resume the test")}
        k.stack.setCurrentWidget(k.pin)
        k.pin.ask(titles.get(purpose, ""), self.tr("Enter the proctor's PIN."))
        if self.guard.locked:
            self._locked()

    def pin_entered(self, pin: str) -> None:
        result = self.guard.check(pin, purpose=self.purpose)
        if not result.ok:
            self.k.pin.refuse(result.message, locked=result.locked)
            if result.locked:
                self._locked()
            return
        if self.purpose == "resume":
            self.k.resume(self.resume_id)
        else:
            self.show_menu()

    def _locked(self) -> None:
        self.k.pin.refuse(self._lock_text(self.guard.lock_left()), locked=True)
        self.lock_timer.start()

    def _lock_text(self, seconds: int) -> str:
        return self.tr("Wrong PIN five times: the exit is locked. Wait %1 seconds.") \
            .replace("%1", str(seconds))

    def _lock_tick(self) -> None:
        left = self.guard.lock_left()
        if left <= 0:
            self.lock_timer.stop()
            self.k.pin.refuse(self.tr("You can try the PIN again."), locked=False)
            return
        self.k.pin.message.setText(self._lock_text(left))

    def _pin_back(self) -> None:
        k = self.k
        if self.purpose == "pause" and k.taking is not None:
            k.unpause()
            k.stack.setCurrentWidget(self._return_to)
        else:
            k.show_welcome()

    def show_menu(self) -> None:
        k = self.k
        k.stop_test()
        running = attempts.in_progress(k.store, session_id=k.session.id, kiosk_id=k.kiosk_id,
                                       channel="")
        k.menu.set_running(running)
        n = len(sessions.attendance(k.store, k.session.id))
        k.menu.status.setText(self.tr("%1 — %2 people on the list. This PC: %3.")
                              .replace("%1", k.session.display_title)
                              .replace("%2", str(n)).replace("%3", k.kiosk_label))
        k.stack.setCurrentWidget(k.menu)
        k.idle.start(MENU_IDLE_MS)

    def pick_people(self, purpose: str) -> None:
        k = self.k
        self.pick_purpose = purpose
        k.idle.start(MENU_IDLE_MS)
        listed, others = taking.people(k.store, k.session.id)
        if purpose == "add":
            k.pick.ask(self.tr("Add a person to the attendance list"),
                       [person_item(p) for p in others],
                       self.tr("Only people on the staff roster can be added."))
        else:
            everyone = [person_item(r) for r in listed]
            k.pick.ask(self.tr("Allow one more attempt"), everyone)
        k.stack.setCurrentWidget(k.pick)

    def person_picked(self, staff_id: str) -> None:
        k = self.k
        person = StaffRepository(k.store).get(staff_id)
        try:
            if self.pick_purpose == "add":
                sessions.add_attendee(k.store, k.session.id, staff_id, at_kiosk=True,
                                      note="Thêm tại máy kiểm tra")
                text = self.tr("%1 was added to the attendance list and can take the test now.")
            else:
                sessions.grant_retake(k.store, k.session.id, staff_id)
                text = self.tr("%1 may take the test once more.")
        except IsoDeskError as exc:
            k.show_message(self.tr("Not done"), exc.message, self.tr("Back"), then=self.show_menu)
            return
        k.show_message(self.tr("Done"), text.replace("%1", person.full_name), self.tr("OK"),
                       then=k.show_welcome)


def time_text(ms: int) -> str:
    seconds = max(0, ms // 1000)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
