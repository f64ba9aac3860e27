"""Group commit: the changes that many request threads ask for at the same moment are written by
one thread in one transaction, so that one disk flush (`synchronous=FULL`) serves them all.

Each change runs in a savepoint of its own (a refused change is rolled back alone, its error is
handed back to whoever asked); the asker is told only after the transaction is committed, so a
page shows an answer as saved only once it is on disk. With nobody else waiting a group is one
change, so a single answer is not slowed down.
"""
from __future__ import annotations

import queue
import threading
import time
from typing import Any, Callable

from desktop.models.db import Store

MAX_GROUP = 200
WAIT_S = 30.0


class Stopped(RuntimeError):
    """The server stopped before this change was written: nothing of it was saved."""


class _Job:
    __slots__ = ("fn", "done", "result", "error")

    def __init__(self, fn: Callable[[], Any]):
        self.fn = fn
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class Committer:
    """Writes through `store` (its connection is used under `db_lock` only)."""

    def __init__(self, store: Store, db_lock: threading.Lock):
        self.store = store
        self.db_lock = db_lock
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.groups = 0
        self.changes = 0
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="isodesk-quiz-commit", daemon=True)
        self.thread.start()

    def run(self, fn: Callable[[], Any]) -> Any:
        """Run `fn` (which writes through the store) in the next group; return its result once
        committed, or raise its error (`Stopped` at once when the server stops first)."""
        if self.stopped:
            raise Stopped("the quiz server has stopped")
        job = _Job(fn)
        self.jobs.put(job)
        deadline = time.monotonic() + WAIT_S
        while not job.done.wait(0.25):
            if self.stopped and not self.thread.is_alive():
                self._fail_waiting()
            elif time.monotonic() > deadline:
                raise TimeoutError("the database did not answer in time")
        if job.error is not None:
            raise job.error
        return job.result

    def _run(self) -> None:
        while True:
            first = self.jobs.get()
            if first is None:
                return
            group = [first]
            while len(group) < MAX_GROUP:
                try:
                    job = self.jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    self.jobs.put(None)
                    break
                group.append(job)
            self._write(group)

    def _write(self, group: list[_Job]) -> None:
        with self.db_lock:
            try:
                with self.store.atomic():
                    for job in group:
                        try:
                            with self.store.atomic():
                                job.result = job.fn()
                        except Exception as exc:     # this change alone is rolled back
                            job.error = exc
            except Exception as exc:                 # the commit itself failed: nobody is saved
                for job in group:
                    job.error = job.error or exc
        self.groups += 1
        self.changes += len(group)
        for job in group:
            job.done.set()

    def stop(self) -> None:
        """Write what was asked before now, then refuse: a request still being served when the
        server stops is told `Stopped` at once instead of waiting out WAIT_S."""
        self.stopped = True
        self.jobs.put(None)
        self.thread.join(timeout=5)
        if not self.thread.is_alive():
            self._fail_waiting()

    def _fail_waiting(self) -> None:
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None and not job.done.is_set():
                job.error = Stopped("the quiz server has stopped")
                job.done.set()
