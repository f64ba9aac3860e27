"""Every page, tab and main dialog fits a small laptop screen: 1366×768 and 1280×720, at 100 %
and at Windows' 125 %, on the demo district (see `layout_audit` for what is checked).

Each screen needs a process of its own (the screen and its scaling are set before Qt starts);
the four run side by side on one copy of the demo data.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [("1366x768", "1"), ("1280x720", "1"), ("1366x768", "1.25"), ("1280x720", "1.25")]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    from desktop.demo import create_demo

    folder = tmp_path_factory.mktemp("layout") / "demo"
    create_demo(folder)
    return folder


@pytest.mark.slow
def test_every_screen_fits_small_laptops(demo_dir, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["PYTHONPATH"] = str(ROOT)
    runs = {}
    for size, scale in SCREENS:
        cmd = [sys.executable, "-m", "tests.views.layout_audit", "--screen", size,
               "--scale", scale, "--demo", str(demo_dir), "--json"]
        runs[(size, scale)] = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                               stderr=subprocess.PIPE, text=True,
                                               encoding="utf-8")
    report = []
    for (size, scale), proc in runs.items():
        out, err = proc.communicate(timeout=900)
        lines = [line for line in out.splitlines() if line.startswith("[")]
        assert lines, f"{size} at {scale}: no answer (exit {proc.returncode}):\n{err[-3000:]}"
        for p in json.loads(lines[-1]):
            report.append(f"{size} ×{scale} [{p['where']}] {p['kind']}: {p['widget']} — "
                          f"{p['detail']}")
    assert report == [], "\n".join(report)


def test_the_audit_sees_cut_text_and_a_grown_window(qtbot):
    """The checks themselves: a label cut short, rows squeezed, a horizontal scroll bar, a
    shortcut mark shown as "&"."""
    from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

    from tests.views import layout_audit as audit

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    cut = QLabel("Tập huấn nhận thức HTQLCL theo TCVN ISO 9001:2015")
    cut.setFixedWidth(60)
    layout.addWidget(cut)
    wrapped = QLabel("một câu rất dài " * 20)
    wrapped.setWordWrap(True)
    wrapped.setFixedHeight(14)
    layout.addWidget(wrapped)
    layout.addWidget(QLabel("Tên đăng &nhập:"))   # a shortcut mark with no field
    area = QScrollArea()
    inner = QWidget()
    inner.setMinimumWidth(2000)
    area.setWidget(inner)
    layout.addWidget(area)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    kinds = {p.kind for p in audit.audit(window, "test")}
    assert {"text cut", "wrapped text cut", "horizontal scroll bar", "stray &"} <= kinds
