"""After a crash or a power cut during a test, the program reopens in the kiosk: the proctor's
PIN resumes the same attempt at the same question with the same remaining time.

Registered in STARTUP_HOOKS: called with (ctx, main window) once the main window is shown.
"""
from __future__ import annotations

from desktop.models.quiz import kiosk

from ..context import ViewContext


def reopen_kiosk(ctx: ViewContext, window, *, fullscreen: bool = True):
    """Open the kiosk again when this PC was running it and did not leave it with the PIN."""
    state = kiosk.running_state(ctx.store)
    if state is None:
        return None
    from .kiosk import KioskWindow

    kiosk_window = KioskWindow(ctx.store, state["session_id"], recovery=True)
    window._recovered_kiosk = kiosk_window   # kept alive while it runs
    kiosk_window.left.connect(lambda: ctx.data_changed.emit("quiz"))
    kiosk_window.start(fullscreen=fullscreen)
    return kiosk_window
