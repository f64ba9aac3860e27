"""Start-up after a crash during a test: the kiosk comes back before anyone signs in, the
proctor's PIN resumes the same attempt, and the sign-in comes only once the kiosk was left."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app as app_module
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
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

    looks = []

    def proctor():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, KioskWindow) and w.isVisible()]
        if not shown and len(looks) < 500:   # the start-up splash comes first: look again
            looks.append(1)
            QTimer.singleShot(10, proctor)
            return
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
                        lambda d, **_kw: open_store(d / DB_FILENAME, actor="admin"))
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
                        lambda d, **_kw: open_store(d / DB_FILENAME, actor="admin"))
    assert app_module.run_gui(qdata_dir) == 0
    assert events == ["login"]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, KioskWindow) and w.isVisible()]


class FakeRegistry:
    """Stands for `winreg`: records the values under HKCU\\...\\Run."""
    HKEY_CURRENT_USER, KEY_SET_VALUE, REG_SZ = "HKCU", 2, 1

    def __init__(self):
        self.values: dict[str, str] = {}
        self.keys: list[tuple] = []

    def CreateKeyEx(self, root, path, reserved, access):  # noqa: N802
        from contextlib import nullcontext
        self.keys.append((root, path, access))
        return nullcontext(self)

    def SetValueEx(self, key, name, reserved, kind, value):  # noqa: N802
        self.values[name] = value

    def DeleteValue(self, key, name):  # noqa: N802
        if name not in self.values:
            raise FileNotFoundError(name)
        del self.values[name]


def test_autostart_only_on_windows_and_only_in_the_users_run_key():
    from desktop.views.quiz.kiosk import platform

    reg = FakeRegistry()
    assert not platform.set_autostart(True, "x", system="linux", registry=reg)
    assert reg.values == {} and reg.keys == []
    assert platform.set_autostart(True, "cmd", system="win32", registry=reg)
    assert reg.values == {platform.RUN_VALUE: "cmd"}
    assert reg.keys == [("HKCU", r"Software\Microsoft\Windows\CurrentVersion\Run", 2)]
    assert platform.set_autostart(False, system="win32", registry=reg)
    assert reg.values == {}
    assert platform.set_autostart(False, system="win32", registry=reg)   # already gone: fine


def test_autostart_command_reopens_the_same_data_folder():
    from desktop.views.quiz.kiosk import platform

    frozen = platform.autostart_command(r"C:\Du lieu\ISO", executable=r"C:\App\isodesk.exe",
                                        frozen=True)
    assert frozen == r'C:\App\isodesk.exe --data-dir "C:\Du lieu\ISO"'
    source = platform.autostart_command(r"D:\iso", executable=r"C:\Py\python.exe", frozen=False)
    assert source == r"C:\Py\pythonw.exe -m desktop --data-dir D:\iso"


def test_kiosk_sets_autostart_while_it_runs(qtbot, qstore, monkeypatch):
    from desktop.views.quiz.kiosk import platform

    calls = []
    monkeypatch.setattr(platform, "set_autostart", lambda on, command="": calls.append(
        (on, command)))
    s = make_session(qstore)
    k = KioskWindow(qstore, s.id)
    qtbot.addWidget(k)
    k.start(fullscreen=False)
    assert calls and calls[-1][0] is True and str(qstore.data_dir) in calls[-1][1]
    k.leave()
    assert calls[-1] == (False, "")


class Clocks:
    def __init__(self):
        self.mono, self.date = 100.0, 1_750_000_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.date += seconds


def test_wrong_pin_count_and_lock_survive_a_restart(qstore):
    s = make_session(qstore)
    c = Clocks()
    guard = kiosk.PinGuard(qstore, s.id, clock=lambda: c.mono, wall=lambda: c.date)
    for _ in range(3):
        assert not guard.check("0000").ok
    # the program is restarted (a new monotonic clock): the count goes on
    c.mono = 7.0
    guard = kiosk.PinGuard(qstore, s.id, clock=lambda: c.mono, wall=lambda: c.date)
    assert guard.check("0000").remaining_tries == 1
    result = guard.check("0000")
    assert result.locked and result.locked_for == kiosk.LOCK_SECONDS
    c.advance(20)
    c.mono = 3.0                                       # restarted during the lock
    guard = kiosk.PinGuard(qstore, s.id, clock=lambda: c.mono, wall=lambda: c.date)
    assert guard.locked and guard.lock_left() == kiosk.LOCK_SECONDS - 20
    refused = guard.check(PIN)
    assert not refused.ok and refused.locked
    c.advance(kiosk.LOCK_SECONDS)
    guard = kiosk.PinGuard(qstore, s.id, clock=lambda: c.mono, wall=lambda: c.date)
    assert not guard.locked and guard.check(PIN).ok
    guard = kiosk.PinGuard(qstore, s.id, clock=lambda: c.mono, wall=lambda: c.date)
    assert guard.wrong == 0
    # another session's kiosk does not inherit the count
    guard.check("0000")
    other = make_session(qstore)
    assert kiosk.PinGuard(qstore, other.id).wrong == 0
