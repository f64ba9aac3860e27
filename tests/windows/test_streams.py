"""The standard streams: UTF-8 whatever the code page, and the windowed program (no streams at
all) writing to a log instead of crashing."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli, console

ROOT = Path(__file__).resolve().parents[2]


def run(args, **env):
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}, timeout=300)


def test_output_to_a_pipe_is_utf8_whatever_the_code_page(tmp_path):
    """Windows gives redirected output the ANSI code page (cp1252 here), which can't encode the
    Vietnamese letters: the command used to fail after doing its work."""
    out = run(["--help"], PYTHONIOENCODING="cp1252")
    assert out.returncode == 0, out.stderr
    assert "hồ sơ ISO 9001 của đơn vị BHXH" in out.stdout.decode("utf-8")
    bad = run(["--data-dir", str(tmp_path), "staff", "list"], PYTHONIOENCODING="cp1252")
    assert bad.returncode == 1
    assert "Chưa có dữ liệu" in bad.stderr.decode("utf-8")


@pytest.fixture
def windowed(monkeypatch, tmp_path):
    """The streams of the windowed program: none."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(console, "_console_log", None)
    monkeypatch.setenv("ISODESK_DATA_DIR", str(tmp_path / "data"))
    notices = []

    def start(argv):
        sys.stdout = sys.stderr = None   # (pytest's capture puts its own back between phases)
        return cli.entry(argv, notify=lambda *a: notices.append(a)), notices

    return start


def test_windowed_selftest_writes_its_report_to_the_log(windowed, tmp_path):
    code, notices = windowed(["--selftest"])
    log = tmp_path / "data" / "logs" / "console.log"
    assert code == 0 and notices == []   # unattended: never a message box
    text = log.read_text(encoding="utf-8")
    assert "[ OK ] pdf ok" in text and "selftest passed" in text


def test_windowed_bad_arguments_are_shown_not_crashed(windowed, tmp_path):
    code, notices = windowed(["--no-such-option"])
    assert code == 2
    (argv, shown_code, log), = notices
    assert shown_code == 2 and log == tmp_path / "data" / "logs" / "console.log"
    assert "--no-such-option" in log.read_text(encoding="utf-8")


def test_a_file_dropped_on_the_windowed_program(windowed, tmp_path, monkeypatch):
    dropped = tmp_path / "Biên bản.pdf"
    dropped.write_bytes(b"%PDF-1.4")
    said = []
    monkeypatch.setattr("desktop.win32.messagebox.show", lambda title, text: said.append(text))
    sys.stdout = sys.stderr = None
    code = cli.entry([str(dropped)])   # the real notice, with the message box recorded
    assert code == 2
    assert "Biên bản.pdf" in said[0] and "thả vào" in said[0]


def test_windowed_demo_without_a_window_writes_to_the_log(windowed, tmp_path):
    data = tmp_path / "demo"
    code, notices = windowed(["demo", "--no-gui", "--data-dir", str(data)])
    assert code == 0 and notices == []
    assert (data / "logs" / "console.log").read_text(encoding="utf-8").strip()


def test_selftest_lets_go_of_its_pdf(tmp_path):
    """QtPdf keeps a file it loads open: Windows could not delete the temporary folder."""
    from desktop.cli.selftest import _check_pdf

    _check_pdf(tmp_path)
    assert held_files(tmp_path) == []


def held_files(folder: Path) -> list[str]:
    """Files under `folder` this process has open (Linux's /proc; elsewhere: can each be
    renamed?)."""
    fds = Path("/proc/self/fd")
    if fds.is_dir():
        found = []
        for fd in fds.iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith(str(folder)):
                found.append(target)
        return found
    held = []
    for path in folder.rglob("*"):
        try:
            path.rename(path.with_name(path.name + ".x"))
            path.with_name(path.name + ".x").rename(path)
        except OSError:
            held.append(str(path))
    return held
