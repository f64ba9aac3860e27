"""The district's outbox, sent in the background while the program runs: a start-up hook of the
main window (kept apart from the Sync page, which is built only when it is first shown)."""
from __future__ import annotations

from PySide6.QtCore import QTimer

from desktop.models import sync_outbox

from ..context import ViewContext


def start_outbox_timer(ctx: ViewContext, window) -> None:
    """Startup hook: every few minutes, send the e-mails that are due (district side)."""
    profile = ctx.profile
    if profile is None or profile.is_province:
        return
    from ..operation import run_operation
    from .common import send_due

    def tick():
        if not sync_outbox.waiting_count(ctx.store):
            return
        run_operation(window, send_due, store=ctx.store, ctx=ctx, on_error=lambda _e: None)

    # One timer owned by the window: the first look 10 s after the window opens, then every 3
    # minutes; it dies with the window (a free single-shot outlived a window closed by signing
    # out within the 10 s, and then worked on the deleted window).
    timer = QTimer(window)
    timer.setObjectName("sync_outbox_timer")
    timer.setInterval(10_000)

    def first_tick():
        timer.setInterval(3 * 60 * 1000)
        tick()

    timer.timeout.connect(first_tick)
    timer.start()
    window._sync_outbox_timer = timer
