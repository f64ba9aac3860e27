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
