"""Python's cycle collector runs on the UI thread only, never on the program's worker threads.

A collection started by a worker thread frees Qt objects held in cycles on that thread: the
program then ends with a segmentation fault inside Qt, with no Python traceback.
"""
from __future__ import annotations

import gc
import threading

from desktop.views.collector import UiThreadCollector, install


class _Cycle:
    """An object in a reference cycle that records the thread that freed it."""

    def __init__(self, freed_on: list[int]):
        self.me = self
        self.freed_on = freed_on

    def __del__(self):
        self.freed_on.append(threading.get_ident())


def test_the_application_collects_cycles_on_the_ui_thread_only(qapp, qtbot):
    collector = install(qapp)
    assert install(qapp) is collector  # installed once
    assert isinstance(collector, UiThreadCollector)
    assert not gc.isenabled()
    freed_on: list[int] = []
    kept: list[list[int]] = []

    def worker() -> None:
        _Cycle(freed_on)  # garbage at once, but only a collection can free it
        # Far past every generation's threshold: an automatic collection would run here, on
        # this thread, and free the cycle.
        kept.extend([i] for i in range(50 * gc.get_threshold()[0] * gc.get_threshold()[1]))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert freed_on == []  # nothing was collected on the worker thread
    # The allocations stay alive: freeing them would lower the young generation's count below
    # the threshold again, and then Python (and the collector) would rightly not collect.
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)  # the UI thread's timer collects it
    assert freed_on == [threading.get_ident()]
    kept.clear()


def test_the_collector_collects_only_past_the_threshold(qapp):
    collector = install(qapp)
    gc.collect()
    freed_on: list[int] = []
    _Cycle(freed_on)
    if gc.get_count()[0] <= collector.threshold[0]:
        collector.check()
        assert freed_on == []  # below the threshold: no collection, as Python would do
    garbage = [[] for _ in range(collector.threshold[0] + 1)]
    assert collector.check() >= 1
    assert freed_on == [threading.get_ident()]
    del garbage
