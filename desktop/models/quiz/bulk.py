"""Copying whole records between installations (kiosk files), keeping their ids and versions.

Every row's id must be a record id (matched whole). A row that is not here yet is inserted as it
is; a row that is here is replaced only by a higher row version; anything else is a duplicate and
left alone. Column names come from the table itself, never from the file. The caller writes one audit entry for the whole import.
"""
from __future__ import annotations

import contextlib
from typing import Iterator

from ..db import Store
from ..errors import IsoDeskError
from ..ids import is_record_id

BULK_CACHE_KIB = 256 * 1024


def table_columns(store: Store, table: str) -> list[str]:
    return [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]


def rows_of(store: Store, table: str, where: str, params: list | tuple = ()) -> list[dict]:
    return store.query(f"SELECT * FROM {table} WHERE {where}", params)


def upsert_rows(store: Store, table: str, rows: list[dict]) -> dict[str, int]:
    """Merge rows into `table` by id (see the module's rules). Call inside a transaction."""
    cols = table_columns(store, table)
    stats = {"inserted": 0, "updated": 0, "unchanged": 0}
    placeholders = ", ".join("?" * len(cols))
    insert_sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({placeholders})"
    update_sql = (f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols if c != 'id')} "
                  f"WHERE id = ?")
    for row in rows:
        if not isinstance(row, dict) or not is_record_id(row.get("id")):
            raise IsoDeskError("Tệp có một dòng không đúng dạng (mã bản ghi không hợp lệ): không "
                               "nhập gì. Hãy xuất lại tệp trên máy đã tạo ra nó.")
        values = {c: row.get(c) for c in cols}
        local = store.conn.execute(f"SELECT version FROM {table} WHERE id = ?",
                                   (values["id"],)).fetchone()
        if local is None:
            store.conn.execute(insert_sql, [values[c] for c in cols])
            stats["inserted"] += 1
        elif int(values.get("version") or 0) > int(local[0]):
            store.conn.execute(update_sql, [values[c] for c in cols if c != "id"] + [values["id"]])
            stats["updated"] += 1
        else:
            stats["unchanged"] += 1
    return stats


def insert_many(store: Store, table: str, rows: list[dict]) -> int:
    """Plain bulk insert of complete rows (new records made by a data generator)."""
    if not rows:
        return 0
    cols = list(rows[0])
    known = set(table_columns(store, table))
    if not set(cols) <= known:
        raise ValueError(f"unknown columns for {table}: {sorted(set(cols) - known)}")
    store.conn.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [[r[c] for c in cols] for r in rows])
    return len(rows)


@contextlib.contextmanager
def bulk_load(store: Store, cache_kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """Settings for a large batch of rows: a larger page cache (indexes with random keys thrash
    the default 2 MB one) and no automatic checkpoints in between (each would wait for the disk);
    afterwards one checkpoint and the previous settings."""
    cache = store.scalar("PRAGMA cache_size")
    autocheckpoint = store.scalar("PRAGMA wal_autocheckpoint")
    store.execute(f"PRAGMA cache_size = {-int(cache_kib)}")
    store.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.execute(f"PRAGMA wal_autocheckpoint = {int(autocheckpoint)}")
        store.execute(f"PRAGMA cache_size = {int(cache)}")
        store.execute("PRAGMA shrink_memory")
