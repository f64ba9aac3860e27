"""Around a bulk write of synced rows (a sync package), inside its transaction: a part that keeps
figures derived from some tables may update them in one grouped pass at the end instead of row by
row. `WRITERS` names each such part's context manager (taking the store). And around a batch of
packages, a larger page cache (`large_cache`)."""
from __future__ import annotations

import contextlib
from typing import Any, Callable, ContextManager, Iterator

from .quiz import stat_sums

IMPORT_CACHE_KIB = 65536

# The quiz statistics' sums of a package's attempts and answers: counted once, grouped, at the end.
WRITERS: tuple[Callable[[Any], ContextManager], ...] = (stat_sums.paused,)


@contextlib.contextmanager
def bulk_writes(store) -> Iterator[None]:
    """Around a bulk write, inside its transaction: every writer's context."""
    with contextlib.ExitStack() as stack:
        for factory in WRITERS:
            stack.enter_context(factory(store))
        yield


@contextlib.contextmanager
def large_cache(store) -> Iterator[None]:
    """A 64 MB page cache while packages go in (random UUID keys touch pages all over)."""
    old = store.scalar("PRAGMA cache_size")
    grow = old is not None and (old > 0 or -old < IMPORT_CACHE_KIB)
    if grow:
        store.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        if grow:
            store.execute(f"PRAGMA cache_size={int(old)}")
