"""The rows of the synced tables as the sync reads and writes them, generic over the declared
list (`synced_tables`): their columns from the schema, a unit's live rows and counts, and the
bulk write of a package's rows (`sync.write` decides what goes in; the statements are here).

`table` is always a name of the declared list (or one the caller found in the schema): callers
check it before it is put in a query. Rows are lists or tuples in the order of `columns`.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from .db import Store

LOOKUP_BATCH = 5000


# --- the schema ---------------------------------------------------------------------------------

def table_columns(store: Store, table: str) -> list[str]:
    return [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})").fetchall()]


def existing_tables(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}


# --- reading ------------------------------------------------------------------------------------

def live_count(store: Store, table: str, unit: str) -> int:
    """How many live (not deleted) rows of `table` the unit has."""
    return store.scalar(f"SELECT count(*) FROM {table} WHERE origin_unit = ? AND deleted = 0",
                        (unit,))


def live_counts(store: Store, table: str, units: list[str]) -> dict[str, int]:
    """Live rows of `table` by unit, for several units in one pass over the table."""
    # `deleted = 0` is summed, not filtered: as a filter it lets SQLite pick a partial index
    # (`… WHERE deleted = 0`) without the origin unit and visit every row through it at random.
    rows = store.conn.execute(
        f"SELECT origin_unit, sum(deleted = 0) FROM {table} WHERE origin_unit IN "
        "(SELECT value FROM json_each(?)) GROUP BY origin_unit", (json.dumps(units),))
    return dict(rows.fetchall())


def live_rows(store: Store, table: str, unit: str, limit: int) -> list[dict]:
    """The unit's live rows of `table`, whole."""
    return store.query(f"SELECT * FROM {table} WHERE origin_unit = ? AND deleted = 0 LIMIT ?",
                       (unit, limit))


def versions(store: Store, table: str, ids: list[str]) -> dict[str, tuple]:
    """Version, tombstone and owner of the ids already here."""
    existing: dict[str, tuple] = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        part = json.dumps(ids[start:start + LOOKUP_BATCH])
        for rid, ver, dele, org in store.conn.execute(
                f"SELECT id, version, deleted, origin_unit FROM {table} "
                "WHERE id IN (SELECT value FROM json_each(?))", (part,)):
            existing[rid] = (ver, dele, org)
    return existing


def stored(store: Store, table: str, columns: list[str], ids: list[str]) -> Iterator[tuple]:
    """The rows here with these ids, in the order of `columns`."""
    col_list = ", ".join(columns)
    for start in range(0, len(ids), LOOKUP_BATCH):
        part = json.dumps(ids[start:start + LOOKUP_BATCH])
        yield from store.conn.execute(
            f"SELECT {col_list} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (part,))


# --- the bulk write of a package ----------------------------------------------------------------

def top_rowid(store: Store, table: str) -> int | None:
    """The largest rowid of `table` (0 when empty), None for a table WITHOUT ROWID."""
    try:
        return store.conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.OperationalError:
        return None


def count_above(store: Store, table: str, rowid: int) -> int:
    """How many rows have a rowid above `rowid` (the rows inserted since it was the top)."""
    # (not the connection's change counter: it also counts what triggers write elsewhere)
    return store.conn.execute(f"SELECT count(*) FROM {table} WHERE rowid > ?",
                              (rowid,)).fetchone()[0]


def ids_above(store: Store, table: str, rowid: int) -> set[str]:
    return {rid for (rid,) in store.conn.execute(f"SELECT id FROM {table} WHERE rowid > ?",
                                                 (rowid,))}


def insert_new(store: Store, table: str, columns: list[str],
               rows: list[list]) -> dict[int, Exception]:
    """Insert the rows whose id is not here (the others are left as they are); the rows SQLite
    refuses, by position, with the error (`run_rows`)."""
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           "ON CONFLICT(id) DO NOTHING")
    return run_rows(store, sql, rows)


def upsert(store: Store, table: str, columns: list[str], rows: list[list]) -> dict[int, Exception]:
    """Write the rows; one with a higher version replaces the copy here. The rows SQLite
    refuses, by position, with the error (`run_rows`)."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT(id) DO UPDATE SET {updates} WHERE excluded.version > {table}.version")
    return run_rows(store, sql, rows)


# Errors that belong to one record (its values or the table's rules); anything else (a full
# disk, an I/O error) fails the whole package.
ROW_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.ProgrammingError,
              sqlite3.InterfaceError, OverflowError, UnicodeEncodeError)


def run_rows(store: Store, sql: str, rows: list[list]) -> dict[int, Exception]:
    """Run `sql` for every row; the rows SQLite refuses, by position, with the error.

    No savepoint around the batch: each statement is atomic by itself, so when SQLite refuses
    row k the rows before it are written and row k left nothing behind; the batch then goes on
    from row k + 1 with the same iterator. (A savepoint would copy every page the batch touches
    into a sub-journal.)
    """
    conn = store.conn
    refused: dict[int, Exception] = {}
    feed = iter(rows)
    while True:
        left = feed.__length_hint__()
        try:
            conn.executemany(sql, feed)
        except ROW_ERRORS as exc:
            if not conn.in_transaction or feed.__length_hint__() == left:
                raise  # the transaction is gone, or the statement itself is at fault
            refused[len(rows) - feed.__length_hint__() - 1] = exc   # the row given last
        else:
            return refused
