"""Start-up after a crash during a test: the kiosk comes back before anyone signs in, the
proctor's PIN resumes the same attempt, and the sign-in comes only once the kiosk was left."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app as app_module
from desktop.models.db import DB_FILENAME, open_store
from desktop.models.quiz import attempts, kiosk
from desktop.views import login
from desktop.views.quiz.kiosk import KioskWindow

from .conftest import make_session, staff_ids
from .test_kiosk import PIN, enter_pin


def test_kiosk_comes_back_before_the_sign_in(qtbot, qstore, qdata_dir, monkeypatch):
    s = make_session(qstore, questions=5)
    person = staff_ids(qstore)["CB002"]
    attempt = attempts.start_attempt(qstore, s.id, person, kiosk_id=kiosk.kiosk_id(qstore))
    kiosk.mark_running(qstore, s.id)      # the power went during the test
    events: list[str] = []

    class FakeLogin:
        def __init__(self, *_args, **_kwargs):
            events.append("login")

        def exec(self):
            return 0

    def proctor():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, KioskWindow) and w.isVisible()]
        assert len(shown) == 1, "the kiosk is open"
        k = shown[0]
        events.append("kiosk")
        assert k.stack.currentWidget() is k.pin             # the PIN resumes the attempt
        enter_pin(k, PIN)
        assert k.attempt is not None and k.attempt.id == attempt.id
        events.append("resumed")
        k.ask_pin("menu")
        enter_pin(k, PIN)
        k.menu.exit_kiosk.emit()
        events.append("left")

    monkeypatch.setattr(login, "LoginDialog", FakeLogin)
    monkeypatch.setattr(app_module, "install_excepthook", lambda _d: None)
    monkeypatch.setattr(app_module, "open_data",
                        lambda d: open_store(d / DB_FILENAME, actor="admin"))
    QTimer.singleShot(0, proctor)
    assert app_module.run_gui(qdata_dir) == 0
    assert events == ["kiosk", "resumed", "left", "login"]
    assert kiosk.running_state(qstore) is None


def test_no_kiosk_left_running_goes_straight_to_sign_in(qtbot, qdata_dir, monkeypatch):
    events: list[str] = []

    class FakeLogin:
        def __init__(self, *_args, **_kwargs):
            events.append("login")

        def exec(self):
            return 0

    monkeypatch.setattr(login, "LoginDialog", FakeLogin)
    monkeypatch.setattr(app_module, "install_excepthook", lambda _d: None)
    monkeypatch.setattr(app_module, "open_data",
                        lambda d: open_store(d / DB_FILENAME, actor="admin"))
    assert app_module.run_gui(qdata_dir) == 0
    assert events == ["login"]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, KioskWindow) and w.isVisible()]
