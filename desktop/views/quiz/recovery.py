"""After a crash or a power cut during a test, the program reopens in the kiosk: the proctor's
PIN resumes the same attempt at the same question with the same remaining time.

`kiosk_before_login` runs at start-up before anyone signs in: when this PC was running the kiosk
and did not leave it with the PIN, the kiosk opens straight away and the sign-in (and so the main
window) comes only once the proctor has left it with the PIN.
"""
from __future__ import annotations

import sys

from desktop.models.db import Store
from desktop.models.quiz import kiosk_running


def kiosk_before_login(store: Store, *, fullscreen: bool = True, wait: bool = True):
    """Open the kiosk again when it was left running; with `wait`, return only once the proctor
    left it with the PIN. Returns the kiosk window (with `wait`, already left and due for
    deletion), or None when no kiosk was running."""
    state = kiosk_running.running_state(store)
    if state is None:
        if sys.platform == "win32":   # the logon start value lives in the Windows registry
            from .kiosk import platform

            platform.remove_stale_autostart(store.data_dir, kiosk_running=False)
        return None
    # only now: the start of a PC that was not running the kiosk waits for none of these
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.demo.quiz import demo_pin

    from .kiosk import KioskWindow
    from .kiosk_checks import pc_ready_for_kiosk

    if not pc_ready_for_kiosk(None, ask_screen_lock=False):
        return None  # the attempt stays open: the proctor resumes it from the kiosk later
    kiosk_window = KioskWindow(store, state["session_id"], recovery=True)
    kiosk_window.pin.set_demo_pin(demo_pin(store, state["session_id"]))
    if not wait:
        kiosk_window.start(fullscreen=fullscreen)
        return kiosk_window
    app = QApplication.instance()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)   # the sign-in comes next
    loop = QEventLoop()
    kiosk_window.left.connect(loop.quit)
    try:
        kiosk_window.start(fullscreen=fullscreen)
        loop.exec()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    kiosk_window.deleteLater()   # it has left; gone at the next turn of the event loop
    return kiosk_window
