"""Start-up work on a thread of its own while the interface thread goes on (the sign-in's
password check while the main window is made; the data file opened while the sign-in's module
loads). Long work started from a window is an operation (`views.operation`); these two come
before there is a window to start one from.

    job = ThreadResult(work, "isodesk-open")   # started at once
    ...                                        # the interface thread's own work meanwhile
    value = job.wait()                         # the event loop turns until it ends

The outcome crosses to the interface thread by a queued signal; `wait()` returns the work's
result or raises its error there, and joins the thread, so that the thread has let go of
everything before the interface thread does (a Qt object freed on another thread ends the
program)."""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, Signal


class _Relay(QObject):
    done = Signal()


class ThreadResult:
    def __init__(self, work: Callable[[], Any], name: str):
        self._outcome: tuple[bool, Any] | None = None
        self._loop = QEventLoop()
        self._relay = _Relay()
        self._relay.done.connect(self._loop.quit)
        relay = self._relay

        def run() -> None:
            try:
                self._outcome = (True, work())
            except BaseException as exc:  # noqa: BLE001  (raised again in the UI thread)
                self._outcome = (False, exc)
            relay.done.emit()

        self._thread = threading.Thread(target=run, name=name, daemon=True)
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._outcome is not None

    def wait(self) -> Any:
        """Turn the event loop until the work ended; its result, or its error raised here."""
        if self._outcome is None:
            self._loop.exec()
        self._thread.join()
        ok, value = self._outcome
        if not ok:
            raise value
        return value
