"""Start-up: the splash says what is being prepared, long preparation runs off the UI thread,
and a preparation that fails is said to the person instead of ending the program."""
from __future__ import annotations

import threading

from desktop import app as app_module
from desktop.models.errors import IsoDeskError
from desktop.views import common, login, startup


class FakeLogin:
    def __init__(self, *_a, **_k):
        pass

    def exec(self):
        return 0


def test_preparation_runs_off_the_ui_thread_and_shows_its_steps(qtbot, qapp, data_dir,
                                                                 monkeypatch):
    said, threads = [], []
    real_step = startup.StartupSplash.step
    monkeypatch.setattr(startup.StartupSplash, "step",
                        lambda self, text: (said.append(startup.step_text(text)),
                                            real_step(self, text)))
    monkeypatch.setattr(login, "LoginDialog", FakeLogin)
    monkeypatch.setattr(app_module, "install_excepthook", lambda _d: None)

    def prepare(progress):
        threads.append(threading.current_thread() is threading.main_thread())
        progress("people")
        return "made"

    assert app_module.run_gui(data_dir, demo=True, prepare=prepare) == 0
    assert threads == [False]
    assert "Đang tạo dữ liệu mẫu: danh sách cán bộ…" in said
    assert said[-1] == "Đang mở tệp dữ liệu…"
    assert not list((data_dir / "logs").glob("run-*.log"))       # a clean end


def test_a_preparation_that_fails_is_said_and_the_program_ends_cleanly(qtbot, qapp, data_dir,
                                                                        monkeypatch):
    shown = []
    monkeypatch.setattr(common, "show_error", lambda _p, err, *a, **k: shown.append(err))
    monkeypatch.setattr(app_module, "install_excepthook", lambda _d: None)

    def prepare(_progress):
        raise IsoDeskError("Ổ đĩa đầy: không tạo được dữ liệu mẫu.")

    assert app_module.run_gui(data_dir, demo=True, prepare=prepare) == 1
    assert [str(getattr(e, "message", e)) for e in shown] == [
        "Ổ đĩa đầy: không tạo được dữ liệu mẫu."]
    assert not list((data_dir / "logs").glob("run-*.log"))


def test_the_splash_is_shown_without_waiting_for_the_window_system(qtbot, qapp):
    """Showing the splash hands back at once. Qt processes pending events once when a window of
    the splash kind is shown; Qt's QSplashScreen goes on turning the event loop, every 10 ms for
    up to a second, until the window system reports the window mapped — on X11 and offscreen
    that comes only once the program's own event loop runs, so every start waited a second."""
    from PySide6.QtCore import QTimer

    turns = []
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.append(True))
    ticker.start()
    splash = startup.StartupSplash()
    qtbot.addWidget(splash)
    try:
        splash.show()
    finally:
        ticker.stop()
    assert len(turns) <= 1, len(turns)      # a QSplashScreen turns it about a hundred times
    assert splash.isVisible()
    splash.step("people")
    assert splash.message() == "Đang tạo dữ liệu mẫu: danh sách cán bộ…"
    image = splash.grab().toImage()
    assert image.pixelColor(10, 2).name() == "#1f5fa8"   # the picture's band is drawn


def _record_windows(monkeypatch) -> list[str]:
    """The class of each top-level window as it is shown, in order; the sign-in closes itself."""
    from PySide6.QtWidgets import QWidget

    shown: list[str] = []
    real_show = QWidget.show

    def show(self):
        if self.isWindow():
            shown.append(type(self).__name__)
        real_show(self)

    monkeypatch.setattr(QWidget, "show", show)

    class SignIn(FakeLogin):
        def exec(self):
            shown.append("LoginDialog")
            return 0

    monkeypatch.setattr(login, "LoginDialog", SignIn)
    monkeypatch.setattr(app_module, "install_excepthook", lambda _d: None)
    return shown


def test_a_normal_start_shows_the_sign_in_first_and_opens_the_file_off_the_ui_thread(
        qtbot, qapp, data_dir, monkeypatch):
    from desktop.models import datafile

    shown = _record_windows(monkeypatch)
    opened_on = []
    real_open = datafile.open_store

    def open_store(path, **kw):
        opened_on.append(threading.current_thread() is threading.main_thread())
        return real_open(path, **kw)

    monkeypatch.setattr(datafile, "open_store", open_store)
    assert app_module.run_gui(data_dir) == 0
    assert shown == ["LoginDialog"]            # no splash before it
    assert opened_on == [False]
    assert not list((data_dir / "logs").glob("run-*.log"))


def test_a_long_opening_shows_the_splash_until_the_file_is_open(qtbot, qapp, data_dir,
                                                               monkeypatch):
    """The splash comes when the opening outlasts SPLASH_AFTER_MS (here the opening waits for
    the splash to be on screen, so that the test does not depend on the machine's speed)."""
    from desktop.models import datafile

    shown = _record_windows(monkeypatch)
    splash_up = threading.Event()
    real_step = startup.StartupSplash.step
    monkeypatch.setattr(startup.StartupSplash, "step",
                        lambda self, text: (real_step(self, text), splash_up.set()))
    real_open = datafile.open_store
    splash_visible_at_open = []

    def slow_open(path, **kw):
        assert splash_up.wait(60)
        splash_visible_at_open.append(True)
        return real_open(path, **kw)

    monkeypatch.setattr(datafile, "open_store", slow_open)
    monkeypatch.setattr(app_module, "SPLASH_AFTER_MS", 10)
    assert app_module.run_gui(data_dir) == 0
    assert shown == ["StartupSplash", "LoginDialog"]
    assert splash_visible_at_open == [True]
    splashes = [w for w in qapp.topLevelWidgets() if isinstance(w, startup.StartupSplash)]
    assert not [w for w in splashes if w.isVisible()]     # closed before the sign-in


def test_a_new_office_sees_the_splash_at_once(qtbot, qapp, empty_dir, monkeypatch):
    from desktop.views import setup_wizard

    shown = _record_windows(monkeypatch)

    class Wizard:
        def __init__(self, _store):
            shown.append("SetupWizard")

        def exec(self):
            return 0

    monkeypatch.setattr(setup_wizard, "SetupWizard", Wizard)
    assert app_module.run_gui(empty_dir) == 0
    assert shown == ["StartupSplash", "SetupWizard"]
