"""The kiosk as a staff member and a proctor use it: real widgets, real key presses and clicks,
real database. Lock-down, the flow through a test, the PIN and its lockout, crash recovery."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.models import audit
from desktop.models.quiz import attempts, kiosk, sessions
from desktop.views.quiz.kiosk import KioskWindow, platform
from desktop.views.quiz.kiosk.widgets import OptionWidget

from ..gui_helpers import type_text
from .conftest import make_session, staff_ids

PIN = "2468"


class FakeClock:
    def __init__(self):
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


def open_kiosk(qtbot, store, session_id, clock, *, recovery=False) -> KioskWindow:
    k = KioskWindow(store, session_id, recovery=recovery, clock=clock)
    qtbot.addWidget(k)
    k.resize(1280, 800)
    k.start(fullscreen=False)
    return k


def leave(k: KioskWindow) -> None:
    """Leave through the proctor's menu (teardown of a test that left the kiosk open)."""
    if k.lockdown.active:
        k.leave()


def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def choose_person(k: KioskWindow, text: str) -> None:
    type_text(k.welcome.search, text)
    press(k.welcome.search, Qt.Key.Key_Return)


def enter_pin(k: KioskWindow, pin: str) -> None:
    k.pin.pad.field.setText(pin)
    press(k.pin.pad.field, Qt.Key.Key_Return)


def test_lock_down(qtbot, qstore, clock, monkeypatch):
    calls = []
    monkeypatch.setattr(platform, "keep_awake", lambda: calls.append("awake") or True)
    monkeypatch.setattr(platform, "allow_sleep", lambda: calls.append("sleep") or True)
    s = make_session(qstore)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    flags = k.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert calls == ["awake"]
    assert kiosk.running_state(qstore)["session_id"] == s.id
    k.close()
    assert k.isVisible()
    for key, mod in ((Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                     (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                     (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                     (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                     (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
                     (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)):
        press(k.welcome.search, key, mod)
        assert k.isVisible()
    # nothing typed by the shortcuts reached the search field
    assert k.welcome.search.text() == ""
    # leaving needs the PIN
    k.welcome.proctor_button.click()
    assert k.stack.currentWidget() is k.pin
    enter_pin(k, PIN)
    assert k.stack.currentWidget() is k.menu
    k.menu.exit_kiosk.emit()
    assert not k.isVisible()
    assert calls == ["awake", "sleep"]
    assert kiosk.running_state(qstore) is None
    assert QApplication.instance() is not None


def test_large_type(qtbot, qstore, clock):
    s = make_session(qstore)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    choose_person(k, "CB001")
    press(k, Qt.Key.Key_Return)
    labels = [k.question.text, k.question.options[0].text, k.question.number,
              k.welcome.title, k.question.next]
    assert all(w.font().pointSize() >= 18 for w in labels)
    leave(k)


def test_pin_pad_keys_show_their_whole_label(qtbot, qstore, clock):
    s = make_session(qstore)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    k.ask_pin("menu")
    qtbot.waitUntil(lambda: k.pin.isVisible())
    ok = k.findChild(QPushButton, "pin_key_ok")
    assert ok.text() == "Đồng ý" and ok.font().pointSize() >= 18
    assert ok.width() >= ok.sizeHint().width() >= ok.fontMetrics().horizontalAdvance(ok.text())
    assert ok.height() >= 72
    keys = {b.width() for b in k.pin.pad.keys}
    assert len(keys) == 1                                # the pad stays an even grid
    leave(k)


def test_a_whole_test_with_the_keyboard(qtbot, qstore, clock):
    s = make_session(qstore, questions=6, pass_mark=50, feedback="answers")
    k = open_kiosk(qtbot, qstore, s.id, clock)
    # diacritics-insensitive name search
    choose_person(k, "tran thi binh")
    assert k.stack.currentWidget() is k.confirm
    assert "Trần Thị Bình" in k.confirm.text.text()
    press(k, Qt.Key.Key_Return)
    assert k.stack.currentWidget() is k.question
    a = k.attempt
    assert a.staff_code == "CB002" and k.position == 1
    right = 0
    for n in range(6):
        item = a.item(k.position)
        shown = [item.shown_index(i) for i in item.correct_options]
        if n % 2 == 0:           # answer right: the letters (or digits) of the right options
            for i in shown:
                press(k, Qt.Key.Key_A + i if n % 4 == 0 else Qt.Key.Key_1 + i)
            right += 1
        else:                    # wrong: arrows to a wrong option, Enter chooses it
            wrong = next(i for i in range(len(item.options)) if i not in shown)
            for _ in range(wrong + 1):
                press(k, Qt.Key.Key_Down)
            press(k, Qt.Key.Key_Return)
        # committed before the screen moves on
        row = qstore.query_one("SELECT selected FROM quiz_answers WHERE id = ?", (item.answer_id,))
        assert row["selected"] is not None
        press(k, Qt.Key.Key_Return)                   # next question (or the review page)
    assert k.stack.currentWidget() is k.review
    press(k, Qt.Key.Key_Return)
    assert k.stack.currentWidget() is k.submit_check
    press(k, Qt.Key.Key_Return)
    assert k.stack.currentWidget() is k.result
    assert k.attempt.score == right and k.attempt.passed
    assert k.result.scroll.isVisibleTo(k.result)       # the right answers are shown
    press(k, Qt.Key.Key_Return)
    assert k.stack.currentWidget() is k.welcome and k.welcome.search.text() == ""
    # one attempt per person
    choose_person(k, "CB002")
    assert k.stack.currentWidget() is k.message
    leave(k)


def test_mouse_flag_review_and_back(qtbot, qstore, clock):
    s = make_session(qstore, questions=4, feedback="score")
    k = open_kiosk(qtbot, qstore, s.id, clock)
    qtbot.mouseClick(k.welcome.proctor_button, Qt.MouseButton.LeftButton)
    k.stack.setCurrentWidget(k.welcome)
    choose_person(k, "Đức")                          # Hoàng Văn Đức
    k.confirm.yes.click()
    a = k.attempt
    option: OptionWidget = k.question.options[1]
    qtbot.mouseClick(option, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert a.item(1).selected == [a.item(1).option_order[1]]
    assert option.chosen
    k.question.flag.click()
    assert qstore.scalar("SELECT flagged FROM quiz_answers WHERE id = ?", (a.item(1).answer_id,))
    k.question.next.click()
    assert k.position == 2
    press(k, Qt.Key.Key_Left)
    assert k.position == 1 and k.question.flag_mark.text()
    k.question.review.click()
    assert k.stack.currentWidget() is k.review
    assert len(k.review.boxes) == 4
    boxes = list(k.review.boxes)
    assert [b.text() for b in boxes] == ["1 ⚑", "2", "3", "4"]
    assert [b.property("primary") for b in boxes] == [True, False, False, False]
    k.review.boxes[2].click()
    assert k.stack.currentWidget() is k.question and k.position == 3
    press(k, Qt.Key.Key_1)                           # question 3 answered now
    k.question.review.click()
    assert k.review.boxes == boxes                   # the same boxes, brought up to date
    assert [b.property("primary") for b in boxes] == [True, False, True, False]
    assert [b.text() for b in boxes] == ["1 ⚑", "2", "3", "4"]
    assert "2" in k.review.summary.text()            # answered 2 of 4
    k.review.submit_button.click()
    assert "2" in k.submit_check.text.text()        # two not answered
    k.submit_check.no.click()
    assert k.stack.currentWidget() is k.review
    k.review.submit_button.click()
    k.submit_check.yes.click()
    assert k.stack.currentWidget() is k.result
    assert not k.result.scroll.isVisibleTo(k.result)   # score only
    k.result.done_button.click()
    assert k.stack.currentWidget() is k.welcome
    leave(k)


def test_multiple_answers_toggle(qtbot, qstore, clock):
    s = make_session(qstore, questions=12, shuffle_questions=False)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    choose_person(k, "CB001")
    k.confirm.yes.click()
    a = k.attempt
    pos = next(it.position for it in a.items if it.multiple)
    k.go(pos)
    item = a.item(pos)
    press(k, Qt.Key.Key_1)
    press(k, Qt.Key.Key_2)
    assert len(item.selected) == 2
    press(k, Qt.Key.Key_1)
    assert item.selected == [item.option_order[1]]
    leave(k)


def test_person_not_on_the_list_is_added_by_the_proctor(qtbot, qstore, clock):
    s = make_session(qstore, attend=False)
    sessions.add_attendee(qstore, s.id, staff_ids(qstore)["CB001"])
    k = open_kiosk(qtbot, qstore, s.id, clock)
    type_text(k.welcome.search, "cuong")
    assert "CB003" in k.welcome.model.items[0]["label"]          # shown, marked as not listed
    press(k.welcome.search, Qt.Key.Key_Return)
    assert k.stack.currentWidget() is k.message
    k.message.yes.click()
    k.welcome.proctor_button.click()
    enter_pin(k, PIN)
    k.menu.add_person.emit()
    type_text(k.pick.search, "Lê Văn Cường")
    press(k.pick.search, Qt.Key.Key_Return)
    row = sessions.attendance_row(qstore, s.id, staff_ids(qstore)["CB003"])
    assert row and row["added_at_kiosk"]
    k.message.yes.click()
    choose_person(k, "cuong")
    assert k.stack.currentWidget() is k.confirm
    leave(k)


def test_retake_allowed_by_the_proctor(qtbot, qstore, clock):
    s = make_session(qstore, questions=3)
    sid = staff_ids(qstore)["CB004"]
    a = attempts.start_attempt(qstore, s.id, sid)
    attempts.submit(qstore, a)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    k.welcome.proctor_button.click()
    enter_pin(k, PIN)
    k.menu.retake.emit()
    type_text(k.pick.search, "CB004")
    press(k.pick.search, Qt.Key.Key_Return)
    k.message.yes.click()
    choose_person(k, "CB004")
    k.confirm.yes.click()
    assert k.attempt.number == 2
    leave(k)


def test_wrong_pins_are_refused_logged_and_lock_the_exit(qtbot, qstore, clock):
    s = make_session(qstore)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    k.welcome.proctor_button.click()
    for _ in range(4):
        enter_pin(k, "1111")
        assert k.stack.currentWidget() is k.pin and k.pin.message.text()
    enter_pin(k, "9999")
    assert not k.pin.pad.field.isEnabled()
    enter_pin(k, PIN)                                  # refused: the exit is locked
    assert k.stack.currentWidget() is k.pin
    clock.now += 30
    k.desk._lock_tick()
    assert not k.pin.pad.field.isEnabled()
    clock.now += 31
    k.desk._lock_tick()
    assert k.pin.pad.field.isEnabled()
    enter_pin(k, PIN)
    assert k.stack.currentWidget() is k.menu
    actions = [e["action"] for e in audit.history(qstore, "quiz_sessions", s.id)]
    assert actions.count("kiosk_pin_failed") == 5 and "kiosk_exit_locked" in actions
    leave(k)


def test_quiet_timer_and_time_out(qtbot, qstore, clock):
    s = make_session(qstore, questions=3, time_limit_min=10)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    choose_person(k, "CB005")
    k.confirm.yes.click()
    press(k, Qt.Key.Key_1)
    clock.now += 6 * 60
    k._tick()
    assert "4" in k.question.timer.text()
    clock.now += 4 * 60 + 1
    k._tick()
    assert k.stack.currentWidget() is k.result
    done = attempts.load_attempt(qstore, k.attempt.id)
    assert done.submitted and qstore.scalar(
        "SELECT submit_reason FROM quiz_attempts WHERE id = ?", (done.id,)) == "timeout"
    leave(k)


def test_crash_recovery_resumes_same_question_and_time(qtbot, qstore, clock):
    s = make_session(qstore, questions=6, time_limit_min=15)
    first = open_kiosk(qtbot, qstore, s.id, clock)
    choose_person(first, "CB006")
    first.confirm.yes.click()
    press(first, Qt.Key.Key_2)
    press(first, Qt.Key.Key_Return)
    press(first, Qt.Key.Key_3)
    press(first, Qt.Key.Key_Return)
    clock.now += 125                                   # two minutes on question 3
    first._tick()
    first._save_progress()
    attempt_id = first.attempt.id
    answered = [it.selected for it in first.attempt.items]
    # the power goes: the window is gone without leaving the kiosk (nor its clock ticking)
    first.ticker.stop()
    first.lockdown.active = False
    QApplication.instance().removeEventFilter(first.lockdown)
    first.lockdown.allow_close = True
    first.close()
    assert kiosk.running_state(qstore) is not None
    # the program starts again: the start-up hook reopens the kiosk, asking for the PIN
    clock.now += 3600                                  # the PC was off for an hour
    again = open_kiosk(qtbot, qstore, s.id, clock, recovery=True)
    assert again.stack.currentWidget() is again.pin
    assert "Đỗ Thị Hà" in again.pin.text.text()
    enter_pin(again, PIN)
    assert again.stack.currentWidget() is again.question
    assert again.attempt.id == attempt_id and again.position == 3
    assert [it.selected for it in again.attempt.items] == answered
    assert again.attempt.remaining_ms() == 15 * 60_000 - 125_000
    clock.now += 5
    assert again.elapsed_ms() == 130_000
    leave(again)


def test_start_up_reopens_the_kiosk(qtbot, qstore, clock, monkeypatch):
    from desktop.views.quiz import recovery

    s = make_session(qstore)
    assert recovery.kiosk_before_login(qstore, fullscreen=False, wait=False) is None
    kiosk.mark_running(qstore, s.id)
    k = recovery.kiosk_before_login(qstore, fullscreen=False, wait=False)
    qtbot.addWidget(k)
    assert k.isVisible()
    assert k.stack.currentWidget() is k.welcome         # nothing was in progress
    leave(k)


def test_other_screens_are_covered(qtbot, qstore, clock, monkeypatch):
    from PySide6.QtCore import QRect

    class FakeScreen:
        def geometry(self):
            return QRect(1280, 0, 1024, 768)

    monkeypatch.setattr(platform, "other_screens", lambda _w: [FakeScreen()])
    s = make_session(qstore)
    k = open_kiosk(qtbot, qstore, s.id, clock)
    covers = k.lockdown.covers
    assert len(covers) == 1 and covers[0].isVisible()
    covers[0].close()
    assert covers[0].isVisible()
    cover = covers[0]
    k.leave()
    assert not cover.isVisible()


def test_keep_awake_is_windows_only(monkeypatch):
    monkeypatch.setattr(platform.sys, "platform", "linux")
    assert platform.keep_awake() is False and platform.allow_sleep() is False


@pytest.mark.parametrize("vk,alt,ctrl,blocked", [
    (platform.VK_LWIN, False, False, True), (platform.VK_RWIN, False, False, True),
    (platform.VK_APPS, False, False, True), (platform.VK_TAB, True, False, True),
    (platform.VK_ESCAPE, True, False, True), (platform.VK_F4, True, False, True),
    (platform.VK_ESCAPE, False, True, True), (platform.VK_TAB, False, False, False),
    (ord("A"), False, False, False), (ord("1"), False, False, False),
    (0x0D, False, False, False),  # Enter answers the question
])
def test_system_shortcuts_swallowed_by_the_windows_hook(vk, alt, ctrl, blocked):
    assert platform.blocked_system_key(vk, alt, ctrl) is blocked


def test_the_keyboard_hook_lives_exactly_as_long_as_the_kiosk(qtbot, qstore, clock, monkeypatch):
    calls = []
    monkeypatch.setattr(platform.SystemKeyBlocker, "start", lambda self: calls.append("on"))
    monkeypatch.setattr(platform.SystemKeyBlocker, "stop", lambda self: calls.append("off"))
    k = open_kiosk(qtbot, qstore, make_session(qstore).id, clock)
    assert calls == ["on"]
    k.leave()
    assert calls == ["on", "off"]


def test_the_keyboard_hook_is_a_no_op_off_windows(monkeypatch):
    monkeypatch.setattr(platform.sys, "platform", "linux")
    blocker = platform.SystemKeyBlocker()
    assert blocker.start() is False and not blocker.active
    blocker.stop()
