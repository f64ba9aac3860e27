"""Around a bulk write of synced rows (a sync package), inside its transaction: a part that keeps
figures derived from some tables may update them in one grouped pass at the end instead of row by
row. `WRITERS` names each such part's context manager (taking the store)."""
from __future__ import annotations

import contextlib
from typing import Any, Callable, ContextManager, Iterator

from .quiz import stat_sums

# The quiz statistics' sums of a package's attempts and answers: counted once, grouped, at the end.
WRITERS: tuple[Callable[[Any], ContextManager], ...] = (stat_sums.paused,)


@contextlib.contextmanager
def bulk_writes(store) -> Iterator[None]:
    """Around a bulk write, inside its transaction: every writer's context."""
    with contextlib.ExitStack() as stack:
        for factory in WRITERS:
            stack.enter_context(factory(store))
        yield
