"""The main PC's own kiosk and the browser quiz in one session: their attempts carry the same
kiosk id (this PC), yet the kiosk resumes and offers only the tests taken at its own screen — a
browser participant's running test is never taken over by whoever sits at the kiosk."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.models.quiz import attempts, kiosk, taking

from .conftest import make_session, staff_ids
from .test_kiosk import PIN, choose_person, clock, enter_pin, leave, open_kiosk, press  # noqa: F401


def _web_attempt(store, session_id, staff_id, clock):
    """A browser participant's test on this PC, worked on after the kiosk's."""
    t = taking.Taking.start(store, session_id, staff_id, taking.ContactClock(0, clock),
                            kiosk_id=kiosk.kiosk_id(store), channel="web",
                            kiosk_label="Máy chính — trình duyệt Android · Chrome")
    clock.now += 30
    t.set_choice(1, {0})
    return t


def test_after_a_crash_the_kiosk_resumes_its_own_test_not_a_browser_one(qtbot, qstore, clock):
    from PySide6.QtCore import Qt

    s = make_session(qstore, questions=4, time_limit_min=15)
    first = open_kiosk(qtbot, qstore, s.id, clock)
    choose_person(first, "CB006")
    first.confirm.yes.click()
    press(first, Qt.Key.Key_2)
    kiosk_attempt = first.attempt.id
    clock.now += 10
    web = _web_attempt(qstore, s.id, staff_ids(qstore)["CB001"], clock)
    # the power goes
    first.ticker.stop()
    first.lockdown.active = False
    QApplication.instance().removeEventFilter(first.lockdown)
    first.lockdown.allow_close = True
    first.close()
    again = open_kiosk(qtbot, qstore, s.id, clock, recovery=True)
    assert again.stack.currentWidget() is again.pin
    assert "Đỗ Thị Hà" in again.pin.text.text() and "Nguyễn Văn An" not in again.pin.text.text()
    enter_pin(again, PIN)
    assert again.attempt.id == kiosk_attempt
    assert attempts.load_attempt(qstore, web.attempt.id).channel == "web"
    leave(again)


def test_the_proctors_menu_offers_only_the_kiosks_own_running_tests(qtbot, qstore, clock):
    s = make_session(qstore, questions=4)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    _web_attempt(qstore, s.id, staff_ids(qstore)["CB001"], clock)
    k.desk.show_menu()
    assert k.stack.currentWidget() is k.menu
    assert not k.menu._resume_buttons and not k.menu.running_title.isVisibleTo(k.menu)
    leave(k)
