"""The kiosk opens only when this PC's keyboard can be locked; the proctor is told otherwise,
and about a screen lock Windows applies whatever the program asks."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.models import users
from desktop.models.quiz import attempts, kiosk
from desktop.views.context import ViewContext
from desktop.views.quiz import kiosk_checks, proctor_view, recovery
from desktop.views.quiz.kiosk import KioskWindow, platform

from .conftest import make_session, staff_ids


class FakeBlocker:
    made: list["FakeBlocker"] = []

    def __init__(self, installs=True, receives=True, check_every=5.0):
        self.installs, self.receives, self.check_every = installs, receives, check_every
        self.started = self.stopped = False
        FakeBlocker.made.append(self)

    def start(self):
        self.started = True
        return self.installs

    def check(self, timeout=1.0):
        return self.receives

    def stop(self):
        self.stopped = True


@pytest.fixture
def told(monkeypatch):
    said = []
    monkeypatch.setattr(kiosk_checks, "show_error",
                        lambda _p, text, *a, **k: said.append(("error", text)))
    monkeypatch.setattr(kiosk_checks, "confirm",
                        lambda _p, text, *a, **k: said.append(("ask", text)) or True)
    return said


@pytest.mark.parametrize("installs,receives,works", [
    (True, True, True), (True, None, True),      # None: Windows refused the probe, can't tell
    (False, True, False), (True, False, False),  # no hook, or a hook that gets no keys
])
def test_the_lock_is_tried_once_and_removed(monkeypatch, installs, receives, works):
    monkeypatch.setattr(platform, "keyboard_lock_needed", lambda: True)
    FakeBlocker.made = []
    factory = lambda check_every: FakeBlocker(installs, receives, check_every)  # noqa: E731
    assert platform.keyboard_lock_works(factory) is works
    (blocker,) = FakeBlocker.made
    assert blocker.started and blocker.stopped and blocker.check_every == 0


def test_off_windows_there_is_nothing_to_lock(monkeypatch):
    monkeypatch.setattr(platform, "keyboard_lock_needed", lambda: False)
    assert platform.keyboard_lock_works(lambda check_every: FakeBlocker(False))


def test_the_kiosk_refuses_to_open_when_the_keyboard_cant_be_locked(qtbot, qstore, monkeypatch,
                                                                      told):
    s = make_session(qstore)
    view = proctor_view.ProctorView(ViewContext(qstore, users.find_user(qstore, "iso")))
    qtbot.addWidget(view)
    view.set_session(s.id)
    monkeypatch.setattr(platform, "keyboard_lock_works", lambda: False)
    assert view.start_kiosk(fullscreen=False) is None
    assert view.kiosk_window is None and kiosk.running_state(qstore) is None
    (kind, text), = told
    assert kind == "error" and "Alt+Tab" in text
    assert not any(isinstance(w, KioskWindow) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_the_proctor_is_told_about_the_screen_lock_before_the_kiosk_opens(qtbot, qstore,
                                                                          monkeypatch, told):
    s = make_session(qstore)
    view = proctor_view.ProctorView(ViewContext(qstore, users.find_user(qstore, "iso")))
    qtbot.addWidget(view)
    view.set_session(s.id)
    monkeypatch.setattr(platform, "screen_lock_minutes", lambda: 10)
    k = view.start_kiosk(fullscreen=False)
    qtbot.addWidget(k)
    assert [kind for kind, _t in told] == ["ask"] and "10" in told[0][1]
    k.leave()


def test_after_a_power_cut_the_kiosk_stays_shut_when_it_cant_lock(qtbot, qstore, monkeypatch,
                                                                  told):
    s = make_session(qstore)
    staff = staff_ids(qstore)["CB001"]
    a = attempts.start_attempt(qstore, s.id, staff, kiosk_id=kiosk.kiosk_id(qstore),
                               kiosk_label="PC")
    kiosk.mark_running(qstore, s.id)
    monkeypatch.setattr(platform, "keyboard_lock_works", lambda: False)
    assert recovery.kiosk_before_login(qstore, fullscreen=False, wait=False) is None
    assert [kind for kind, _t in told] == ["error"]
    # nothing lost: the attempt is still open and the kiosk is still marked as running
    assert kiosk.running_state(qstore) is not None
    assert [r["id"] for r in attempts.in_progress(qstore, session_id=s.id)] == [a.id]


def test_a_lost_lock_is_logged_by_the_kiosk(qtbot, qstore, monkeypatch, caplog):
    monkeypatch.setattr(platform, "keyboard_lock_needed", lambda: True)
    monkeypatch.setattr(platform.SystemKeyBlocker, "start", lambda self: False)
    k = KioskWindow(qstore, make_session(qstore).id)
    qtbot.addWidget(k)
    k.start(fullscreen=False)
    assert "keyboard lock did not start" in caplog.text
    k.leave()


def test_tests_never_touch_the_real_windows_machine(qtbot, qstore, monkeypatch, memory_registry):
    """With the platform taken for Windows, a kiosk started and left writes only the test's
    registry and installs no real hook (off Windows `winreg` can't even be imported)."""
    import sys

    from desktop.win32.autostart import RUN_KEY, RUN_VALUE

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(platform, "keep_awake", lambda: True)
    monkeypatch.setattr(platform, "allow_sleep", lambda: True)
    k = KioskWindow(qstore, make_session(qstore).id)
    qtbot.addWidget(k)
    k.start(fullscreen=False)
    run = ("HKCU", RUN_KEY, RUN_VALUE)
    assert str(qstore.data_dir) in memory_registry.values[run]
    assert k.lockdown.key_blocker.active and k.lockdown.key_blocker._hook == "hook-of-the-tests"
    k.leave()
    assert run not in memory_registry.values and not k.lockdown.key_blocker.active
