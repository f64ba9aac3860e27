"""What the kiosk asks of the operating system, kept small and separate (the Windows calls
themselves are in `desktop.win32`, without Qt).

- Keeping the PC awake during a test (`SetThreadExecutionState`), released when the kiosk closes.
  It does not stop a password-protected screen saver or the office's inactivity lock:
  `screen_lock_minutes()` finds those so that the proctor is told before the test.
- Covering every screen: the kiosk takes the screen it is on; each other screen gets a plain
  cover window on top.
- Swallowing the system shortcuts (Alt+Tab, the Windows key…) with a low-level keyboard hook on
  a thread of its own while the kiosk runs. Before the kiosk opens, `keyboard_lock_works()`
  installs it once and checks that keys go through it: when they don't, the kiosk is not opened
  (the proctor is told why) rather than running a test with the shortcuts free.
- Starting again at Windows logon while the kiosk runs (after a power cut the program reopens in
  the kiosk): a value under the user's own `HKCU\\…\\Run` key, written when the kiosk starts and
  removed when the proctor leaves it (and at a normal start when left behind).
Elsewhere than Windows nothing is locked (the offices run Windows; the tests run anywhere).
"""
from __future__ import annotations

import logging
import sys

from desktop.win32 import autostart as _autostart
from desktop.win32 import keyboard as _keyboard
from desktop.win32 import power as _power
from desktop.win32.autostart import RUN_KEY, RUN_VALUE, autostart_command  # noqa: F401
from desktop.win32.keyboard import (  # noqa: F401  (the kiosk's names)
    LLKHF_ALTDOWN, VK_APPS, VK_ESCAPE, VK_F4, VK_LWIN, VK_RWIN, VK_TAB, SystemKeyBlocker,
    blocked_system_key,
)

log = logging.getLogger("isodesk.kiosk")
ES_CONTINUOUS = _power.ES_CONTINUOUS
ES_SYSTEM_REQUIRED = _power.ES_SYSTEM_REQUIRED
ES_DISPLAY_REQUIRED = _power.ES_DISPLAY_REQUIRED


def keep_awake() -> bool:
    """Ask Windows not to sleep or turn the display off. True when the request was made."""
    return _power.keep_awake()


def allow_sleep() -> bool:
    return _power.allow_sleep()


def screen_lock_minutes() -> int | None:
    """Idle minutes after which Windows locks this PC whatever the kiosk asks, or None."""
    try:
        return _power.screen_lock_minutes()
    except OSError:
        return None


def set_autostart(on: bool, command: str = "", *, system: str | None = None,
                  registry=None) -> bool:
    """Write (on) or remove (off) the logon start value; Windows only. True when done."""
    return _autostart.set_autostart(on, command, system=system, registry=registry)


def remove_stale_autostart(data_dir, kiosk_running: bool) -> bool:
    """At a normal start: remove a logon start value the kiosk left behind."""
    removed = _autostart.remove_stale(data_dir, kiosk_running)
    if removed:
        log.info("a logon start value left behind was removed")
    return removed


def lock_in(data_dir) -> None:
    """While the kiosk runs: no sleep, and back in the kiosk at the next logon."""
    keep_awake()
    set_autostart(True, autostart_command(data_dir))


def release() -> None:
    """The kiosk was left with the PIN: sleep allowed, no start at logon."""
    allow_sleep()
    set_autostart(False)


def keyboard_lock_needed() -> bool:
    return sys.platform == "win32"


def keyboard_lock_works(blocker_factory=SystemKeyBlocker) -> bool:
    """Install the keyboard lock once and check that keys go through it (Windows); elsewhere
    True, there being nothing to lock. Called where the proctor opens the kiosk, before it
    shows: False means the kiosk must not open."""
    if not keyboard_lock_needed():
        return True
    works = _keyboard.lock_works(blocker_factory)
    if not works:
        log.error("kiosk refused: the keyboard of this PC can't be locked")
    return works


def note_keyboard_lock(started: bool) -> None:
    """What the kiosk window's own lock did (it was checked just before it opened)."""
    if not started and keyboard_lock_needed():
        log.error("the kiosk's keyboard lock did not start after the check had passed")


def other_screens(window) -> list:
    """The screens other than the one the window is on (QScreen objects)."""
    from PySide6.QtGui import QGuiApplication

    mine = window.screen() if window is not None else QGuiApplication.primaryScreen()
    return [s for s in QGuiApplication.screens() if s is not mine]
