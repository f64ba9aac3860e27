"""The sign-in checks the password on a thread of its own while the main window is made (hidden)
on the UI thread: the window is handed on only when the password is right, and after a wrong
one it is deleted without ever having been shown; the attempts are counted as before."""
from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt

from desktop import app as gui
from desktop.models import passwords, users
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.gui_helpers import type_text


class _Shows(QObject):
    """Counts the Show events of the widget it watches."""

    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show:
            self.count += 1
        return False


def _dialog(qtbot, store, made: list, shows: list):
    def prepare(user):
        window = gui._main_window(store, user, False)
        made.append(window)
        shows.append(_Shows(window))
        return window

    dlg = LoginDialog(store, prepare=prepare)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _sign_in(qtbot, dlg, username: str, password: str) -> None:
    dlg.username.clear()
    type_text(dlg.username, username)
    dlg.password.clear()
    type_text(dlg.password, password)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)


def test_the_password_is_checked_on_a_thread_while_the_window_is_made(qtbot, store,
                                                                         monkeypatch):
    made, shows = [], []
    window_made = threading.Event()
    seen = {}
    real_check = passwords.check_password

    def check(password, stored, *derived):
        seen["thread"] = threading.current_thread()
        # the window is made while this check runs: were it run before (or after) making it,
        # on the same thread, the event would never be set here
        seen["overlapped"] = window_made.wait(60)
        return real_check(password, stored, *derived)

    monkeypatch.setattr(passwords, "check_password", check)
    dlg = _dialog(qtbot, store, made, shows)
    real_prepare = dlg.prepare

    def prepare(user):
        window = real_prepare(user)
        window_made.set()
        return window

    dlg.prepare = prepare
    _sign_in(qtbot, dlg, "iso", PASSWORD)
    assert seen["thread"] is not threading.main_thread() and seen["overlapped"]
    assert dlg.user is not None and dlg.user.username == "iso" and store.actor == "iso"
    assert dlg.result() == LoginDialog.DialogCode.Accepted
    window = dlg.prepared
    assert isinstance(window, MainWindow) and window is made[0]
    assert not window.isVisible() and shows[0].count == 0   # shown by the caller, not before
    assert window.ctx.user.username == "iso"
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'login'") == 1
    assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'iso'") == 0
    window.deleteLater()


def test_a_wrong_password_deletes_the_window_unseen(qtbot, store):
    made, shows = [], []
    dlg = _dialog(qtbot, store, made, shows)
    _sign_in(qtbot, dlg, "iso", "sai-mat-khau")
    assert dlg.user is None and dlg.prepared is None and dlg.result() == 0
    assert "Còn 4 lần thử" in dlg.error.text() and dlg.password.text() == ""
    assert len(made) == 1 and shows[0].count == 0
    qtbot.waitUntil(lambda: not shiboken6.isValid(made[0]))   # deleted, never shown
    assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'iso'") == 1
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'login_failed'") == 1
    assert dlg.username.isEnabled() and dlg.password.isEnabled() and dlg.ok.isEnabled()
    _sign_in(qtbot, dlg, "iso", PASSWORD)                     # and then the right one
    assert dlg.user.username == "iso" and dlg.prepared is made[1]
    assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'iso'") == 0
    dlg.prepared.deleteLater()


def test_the_lockout_is_counted_as_before(qtbot, store):
    made, shows = [], []
    dlg = _dialog(qtbot, store, made, shows)
    for _ in range(users.MAX_FAILED):
        _sign_in(qtbot, dlg, "iso", "sai-mat-khau")
    assert "bị khóa" in dlg.error.text()
    assert store.scalar("SELECT locked_until FROM users WHERE username = 'iso'") is not None
    before = len(made)
    _sign_in(qtbot, dlg, "iso", PASSWORD)   # locked: refused before any check, nothing made
    assert dlg.user is None and "đang bị khóa" in dlg.error.text() and len(made) == before
    assert all(count.count == 0 for count in shows)
    _sign_in(qtbot, dlg, "khong-co", PASSWORD)   # an unknown account: nothing made either
    assert dlg.user is None and len(made) == before


def test_quitting_waits_for_the_check(qtbot, store):
    """While the password is checked the dialog cannot be left half-way (Esc, Quit)."""
    states = []
    dlg = LoginDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()

    def prepare(_user):            # runs while the password is being checked
        states.append((dlg.username.isEnabled(), dlg.ok.isEnabled(), dlg.cancel.isEnabled()))
        dlg.reject()               # what Esc or the window's close button does
        return None

    dlg.prepare = prepare
    _sign_in(qtbot, dlg, "iso", PASSWORD)
    assert states == [(False, False, False)]
    assert dlg.result() == LoginDialog.DialogCode.Accepted and dlg.user.username == "iso"
    assert dlg.ok.isEnabled() and dlg.cancel.isEnabled()
