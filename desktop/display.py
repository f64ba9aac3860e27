"""Whether this computer can show a window at all.

On Windows and macOS it always can. On Linux a window needs an X or Wayland display; when there
is none (a remote shell, a service) Qt ends the process with an English message and a core dump.
The program says so in Vietnamese instead, and how to go on, before Qt is asked for a window."""
from __future__ import annotations

import os
import sys
from typing import Mapping

# Qt's platforms that need no display: the platform Qt is told to use wins over the environment.
_NEEDS_NO_DISPLAY = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")


def missing_display(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """None when a window can be shown, else the message that says why not and what to do."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in _NEEDS_NO_DISPLAY:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("không mở được cửa sổ của chương trình: máy này không có màn hình đồ hoạ "
            "(chưa đặt DISPLAY hay WAYLAND_DISPLAY). Hãy mở chương trình trên máy có màn hình, "
            "hoặc dùng các lệnh không cần cửa sổ (isodesk --help liệt kê các lệnh; "
            "isodesk demo --no-gui tạo dữ liệu mẫu).")
