"""A crash anywhere leaves what faulthandler could write in `<data>/logs/`, and the next start
says that the program closed unexpectedly and where that file is. A run still going (a second
window on the same data folder) is not taken for a crash."""
from __future__ import annotations

import os
import signal

import pytest

from tests.conftest import PASSWORD

from .driver import Program, wait_until

pytestmark = pytest.mark.slow


def sign_in_screen(app: Program) -> None:
    app.wait_for(name="password", window="LoginDialog", timeout=300)


def quit_from_sign_in(app: Program) -> int:
    app.click(app.wait_for(name="quit", window="LoginDialog"))
    return app.wait_exit(120)


def test_a_segmentation_fault_is_logged_and_reported_at_the_next_start(x_server, tmp_path,
                                                                       data_dir):
    logs = data_dir / "logs"
    with Program(x_server, ["--data-dir", str(data_dir)], tmp_path / "first") as app:
        sign_in_screen(app)
        app.click(app.find(name="username")).type_text("admin")
        app.click(app.find(name="password")).type_text(PASSWORD).key("Return")
        app.wait_for(cls="QListWidgetItem", key="overview", timeout=120)
        with pytest.raises(AssertionError, match="exit code -11"):
            app.ask("crash")          # a segmentation fault, as a fault in Qt would be
    [run_file] = logs.glob("run-*.log")
    text = run_file.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "Current thread" in text and "isodesk_probe.py" in text   # where it happened

    with Program(x_server, ["--data-dir", str(data_dir)], tmp_path / "second") as app:
        notice = app.wait_for(cls="QLabel", window="unclean_end_notice", text="crash-",
                              timeout=300)
        [kept] = logs.glob("crash-*.log")
        assert str(kept) in notice.text
        assert "đóng bất thường" in notice.text and "Segmentation fault" in notice.text
        app.click(app.wait_for(cls="QPushButton", window="unclean_end_notice"))
        sign_in_screen(app)
        assert quit_from_sign_in(app) == 0
    assert not list(logs.glob("run-*.log"))
    assert "Fatal Python error" in kept.read_text(encoding="utf-8")

    with Program(x_server, ["--data-dir", str(data_dir)], tmp_path / "third") as app:
        sign_in_screen(app)                     # said once: no notice any more
        assert not [w for w in app.windows() if w["name"] == "unclean_end_notice"]
        assert quit_from_sign_in(app) == 0


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX; the Windows lane kills "
                                            "with TerminateProcess elsewhere")
def test_killed_midway_is_noticed_and_a_second_window_is_not(x_server, tmp_path, data_dir):
    first = Program(x_server, ["--data-dir", str(data_dir)], tmp_path / "first")
    with first:
        sign_in_screen(first)
        with Program(x_server, ["--data-dir", str(data_dir)], tmp_path / "second") as second:
            sign_in_screen(second)               # the first one still runs: nothing to report
            assert not [w for w in second.windows() if w["name"] == "unclean_end_notice"]
            assert quit_from_sign_in(second) == 0
        os.kill(first.proc.pid, signal.SIGKILL)  # a power cut, as far as the program knows
        first.wait_exit()
    with Program(x_server, ["--data-dir", str(data_dir)], tmp_path / "third") as app:
        notice = app.wait_for(cls="QLabel", window="unclean_end_notice", text="crash-",
                              timeout=300)
        assert "Fatal Python error" not in notice.text
        app.click(app.wait_for(cls="QPushButton", window="unclean_end_notice"))
        sign_in_screen(app)
        assert quit_from_sign_in(app) == 0
    wait_until(lambda: list((data_dir / "logs").glob("crash-*.log")), "the kept log", 5)
