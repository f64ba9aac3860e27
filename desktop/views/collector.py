"""Python's cycle collector runs on the UI thread only.

The cycle collector runs on whichever thread happens to allocate when a generation's count passes
its threshold. The program has threads of its own (the thread pool that makes PDFs and imports, the
browser quiz's server, the start-up preload): when one of them triggers a collection that frees a
cycle holding a Qt object — a dialog's wrapper, a closure connected to a signal — that object is
destroyed on the wrong thread while the UI thread may be using it, and the whole program ends with
"Segmentation fault" and no Python traceback (the fault handler shows "Garbage-collecting" on a
worker thread).

`UiThreadCollector` turns automatic collection off and runs it from a timer on the UI thread, with
the thresholds Python itself would use, so collections happen about as often as before but only
where Qt objects may die. Reference counting still frees everything that is not in a cycle at once,
on any thread, as before.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class UiThreadCollector(QObject):
    """Collect cycles on the UI thread, every `interval_ms`, when Python would have collected."""

    def __init__(self, parent: QObject, interval_ms: int = 500):
        super().__init__(parent)
        self.setObjectName("ui_thread_collector")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; return how many were freed."""
        first, second, third = gc.get_count()
        if first <= self.threshold[0]:
            return 0
        generation = 0
        if second > self.threshold[1]:
            generation = 1
            if third > self.threshold[2]:
                generation = 2
        return gc.collect(generation)


def install(app: QObject) -> UiThreadCollector:
    """Install the collector once on the application object (later calls return the same one)."""
    existing = app.findChild(UiThreadCollector, "ui_thread_collector")
    return existing if existing is not None else UiThreadCollector(app)
