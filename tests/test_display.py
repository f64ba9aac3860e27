"""No display on a Linux computer: a Vietnamese message and exit code 2, not Qt's abort."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.display import missing_display

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("environ, platform, shows", [
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),        # xcb still needs an X display
    ({"QT_QPA_PLATFORM": "minimal:enable_fonts"}, "linux", True),
    ({}, "win32", True),
    ({}, "darwin", True),
])
def test_whether_a_window_can_be_shown(environ, platform, shows):
    message = missing_display(environ, platform)
    assert (message is None) == shows
    if message is not None:
        assert "DISPLAY" in message and "--no-gui" in message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux can lack a display")
@pytest.mark.parametrize("args", [[], ["demo"]])
def test_the_program_without_a_display_explains_and_leaves(tmp_path, args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"),
                          *args], cwd=ROOT, env=env, capture_output=True, text=True,
                         encoding="utf-8", timeout=120)
    assert out.returncode == 2, out.stderr
    assert "không có màn hình đồ hoạ" in out.stderr
    assert "Aborted" not in out.stderr and "qt.qpa" not in out.stderr
