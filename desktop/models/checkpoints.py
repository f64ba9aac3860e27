"""Checkpoints on a thread of their own while a batch of packages goes in.

Every package commits in WAL mode with `synchronous=FULL`: the commit writes the package's pages
to the write-ahead log and fsyncs it, and that alone makes it durable. Copying those pages back
into the database file (the checkpoint) is housekeeping; SQLite normally does it at the end of
the commit, in the importing thread. During a batch, automatic checkpoints are turned off on the
importing connection and a second connection checkpoints after each package while the next one
is decrypted, parsed and checked. Before the next package's transaction begins, the importer
waits for that checkpoint (`wait`): the log is then wholly copied, and SQLite starts it anew
from its beginning instead of letting it grow (a long log slows every read).
"""
from __future__ import annotations

import contextlib
import sqlite3
import threading

from .db import Store, connect


class BackgroundCheckpoint:
    def __init__(self, store: Store):
        """Raises sqlite3.Error when the second connection cannot be opened."""
        self.store = store
        self._wake = threading.Condition()
        self._requested = 0
        self._done = 0
        self._stop = False
        self.error: BaseException | None = None
        self._old = store.scalar("PRAGMA wal_autocheckpoint")
        self._conn = connect(store.path)
        store.execute("PRAGMA wal_autocheckpoint=0")
        self._thread = threading.Thread(target=self._run, name="isodesk-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._stop or self._requested > self._done)
                if self._requested <= self._done:
                    return
                target = self._requested
            try:
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except sqlite3.Error as exc:  # never fatal: the log is only copied later (by the
                self.error = exc          # importing connection's own checkpoints after the batch)
            with self._wake:
                self._done = target
                self._wake.notify_all()

    def committed(self) -> None:
        """A package has committed: copy its pages into the database file in the background."""
        with self._wake:
            self._requested += 1
            self._wake.notify_all()

    def wait(self) -> None:
        """Until the checkpoints asked for so far are done."""
        with self._wake:
            self._wake.wait_for(lambda: self._done >= self._requested)

    def close(self) -> None:
        """Finish the last checkpoint and give the importing connection its setting back."""
        with self._wake:
            self._stop = True
            self._wake.notify_all()
        self._thread.join()
        self._conn.close()
        with contextlib.suppress(sqlite3.Error):
            self.store.execute(f"PRAGMA wal_autocheckpoint={int(self._old or 1000)}")
