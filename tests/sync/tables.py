"""Tables the tests add to the declared list of synced tables (`desktop.models.synced_tables`)
for a while, as another part of the program would declare them, and put back afterwards."""
from __future__ import annotations

import contextlib
from typing import Iterator

from desktop.models import ownership, synced_tables


def add_synced_table(name: str, *, after=(), blob_columns=(), direction: str = "up",
                     parents=None, shared=None, claims=(), free=()) -> None:
    """`name` in the lists the sync reads, after the tables in `after` (or at the end), with its
    ownership rule when it declares references."""
    tables = synced_tables.SYNCED_TABLES
    if name not in tables:
        position = max([len(tables)] + [tables.index(d) + 1 for d in after if d in tables])
        tables.insert(position, name)
    synced_tables.BLOB_COLUMNS[name] = tuple(blob_columns)
    synced_tables.DIRECTIONS[name] = direction
    if parents is not None or shared or claims or free:
        ownership.declare(name, parents=parents, shared=shared, claims=claims, free=free)


@contextlib.contextmanager
def kept_synced_tables() -> Iterator[None]:
    """Put the lists and the ownership rules back as they were."""
    saved = (list(synced_tables.SYNCED_TABLES), dict(synced_tables.BLOB_COLUMNS),
             dict(synced_tables.DIRECTIONS), dict(ownership.RULES))
    try:
        yield
    finally:
        synced_tables.SYNCED_TABLES[:] = saved[0]
        for kept, old in zip((synced_tables.BLOB_COLUMNS, synced_tables.DIRECTIONS,
                              ownership.RULES), saved[1:]):
            kept.clear()
            kept.update(old)
