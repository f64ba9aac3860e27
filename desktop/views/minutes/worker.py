"""Work on the thread pool that needs the database: it gets its own connection to the same file
(SQLite in WAL mode lets it write while the interface reads), closed when done."""
from __future__ import annotations

from typing import Any, Callable

from desktop.models.db import Store, open_store


def with_own_store(store: Store, fn: Callable[[Store], Any]) -> Callable[[], Any]:
    """A job for `run_in_background` that calls `fn(worker_store)`."""
    path, actor = store.path, store.actor

    def job():
        own = open_store(path, actor=actor, migrate=False, check=False)
        try:
            return fn(own)
        finally:
            own.close(clean=False)

    return job
