"""The kiosk on Qt's Windows platform plugin with the real keyboard lock and the real Run key:
opened by the proctor's view, a person takes a question with the keyboard, the proctor leaves it
with the PIN, and everything is taken back."""
from __future__ import annotations

import winreg

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.models import users
from desktop.models.quiz import attempts, bank_io, kiosk
from desktop.models.staff import StaffRepository
from desktop.win32 import autostart

from ...gui_helpers import type_text
from ...quiz.conftest import PEOPLE, SMALL_BANK, make_session

pytestmark = pytest.mark.real_windows


@pytest.fixture(scope="module")
def app():
    return QApplication.instance() or QApplication([])


def run_value():
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, autostart.RUN_KEY) as key:
            return winreg.QueryValueEx(key, autostart.RUN_VALUE)[0]
    except OSError:
        return None


def test_the_kiosk_on_windows(app, store, tmp_path, monkeypatch):
    from desktop.views.context import ViewContext
    from desktop.views.quiz import kiosk_checks, proctor_view

    assert app.platformName() == "windows"
    bank_io.load_bank_file(store, SMALL_BANK)
    for code, name, dept in PEOPLE:
        StaffRepository(store).add({"staff_code": code, "full_name": name, "department": dept})
    session = make_session(store)
    monkeypatch.setattr(kiosk_checks, "confirm", lambda *a, **k: True)  # a screen-lock question
    view = proctor_view.ProctorView(ViewContext(store, users.find_user(store, "iso")))
    view.set_session(session.id)
    k = view.start_kiosk(fullscreen=True)
    assert k is not None, "the kiosk refused to open: the keyboard lock failed under Wine"
    try:
        app.processEvents()
        assert k.isVisible() and k.isFullScreen() and k.lockdown.key_blocker.active
        assert str(store.data_dir) in (run_value() or "")
        assert kiosk.running_state(store) is not None
        type_text(k.welcome.search, "Bình")
        QTest.keyClick(k.welcome.search, Qt.Key.Key_Return)
        assert k.stack.currentWidget() is k.confirm
        k.confirm.accepted.emit()
        assert k.stack.currentWidget() is k.question
        QTest.keyClick(k.question, Qt.Key.Key_1)
        assert k.attempt.answered_count == 1
        picture = k.grab()
        assert picture.width() > 600 and picture.save(str(tmp_path / "kiosk.png"))
        k.ask_pin("menu")
        k.pin.pad.field.setText("2468")
        QTest.keyClick(k.pin.pad.field, Qt.Key.Key_Return)
        assert k.stack.currentWidget() is k.menu
        running = attempts.in_progress(store, session_id=session.id)
        assert len(running) == 1
    finally:
        if k.lockdown.active:
            k.leave()
    app.processEvents()
    assert not k.lockdown.key_blocker.active and run_value() is None
    assert kiosk.running_state(store) is None
