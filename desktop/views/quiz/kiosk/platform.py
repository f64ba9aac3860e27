"""What the kiosk asks of the operating system, kept small and separate.

- Keeping the PC awake during a test: on Windows, SetThreadExecutionState through ctypes
  (ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED), released when the kiosk closes.
  Elsewhere nothing is done (the offices run Windows; the tests run anywhere).
- Covering every screen: the kiosk takes the screen it is on; each other screen gets a plain
  cover window on top.
"""
from __future__ import annotations

import sys

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


def _set_execution_state(flags: int) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        previous = ctypes.windll.kernel32.SetThreadExecutionState(ctypes.c_uint(flags))
    except (AttributeError, OSError):
        return False
    return previous != 0


def keep_awake() -> bool:
    """Ask Windows not to sleep or turn the display off. True when the request was made."""
    return _set_execution_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)


def allow_sleep() -> bool:
    return _set_execution_state(ES_CONTINUOUS)


def other_screens(window) -> list:
    """The screens other than the one the window is on (QScreen objects)."""
    from PySide6.QtGui import QGuiApplication

    mine = window.screen() if window is not None else QGuiApplication.primaryScreen()
    return [s for s in QGuiApplication.screens() if s is not mine]
