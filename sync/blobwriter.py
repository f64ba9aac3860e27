"""Writing the files of a package on worker threads while its rows go in.

Each file is written atomically and fsync'd (`write_blob_file`), which is mostly waiting for the
disk; done beside the row inserts, that wait costs the import nothing. `finish()` waits for every
file and raises the first error, and is called before the package's transaction commits, so a
committed package never points to a file that is not safely on disk. The bytes waiting for a
worker are bounded, so a package of large files does not fill the memory.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

from desktop.models.db import Store

WORKERS = 2
MAX_PENDING_BYTES = 64 * 1024 * 1024


class BlobWriter:
    def __init__(self, store: Store, write: Callable[[Store, bytes], str], *,
                 workers: int = WORKERS, max_pending: int = MAX_PENDING_BYTES):
        self.store = store
        self._write = write
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="isodesk-blob")
        self._futures: list[tuple[str, int, Future]] = []
        self._pending = 0
        self._max_pending = max_pending
        self._room = threading.Condition()
        self._failed = False

    def put(self, digest: str, data: bytes) -> None:
        """Queue the file `data`, whose SHA-256 the caller has checked to be `digest`."""
        size = len(data)
        with self._room:
            # wait for room, unless nothing is pending (one large file always goes)
            self._room.wait_for(lambda: self._pending == 0 or
                                self._pending + size <= self._max_pending)
            self._pending += size
        self._futures.append((digest, size, self._pool.submit(self._run, data, size)))

    def _run(self, data: bytes, size: int) -> str:
        try:
            return self._write(self.store, data)
        except BaseException:
            self._failed = True
            raise
        finally:
            with self._room:
                self._pending -= size
                self._room.notify_all()

    def failed(self) -> bool:
        """True as soon as a file could not be written (the package will not go in)."""
        return self._failed

    def finish(self) -> list[tuple[str, int]]:
        """Wait for every file; raise the first error; else (sha256, size) of each file."""
        self._pool.shutdown(wait=True)
        out = []
        for digest, size, future in self._futures:
            future.result()
            out.append((digest, size))
        return out

    def close(self) -> None:
        """Wait for the workers (used when the import fails before `finish`)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
