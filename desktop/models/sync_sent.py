"""What this unit sent of its records (table `sync_sent`): for each record (and each file) sent
to a peer, the version last sent, in which package, and what the acknowledgement said of it
("sent", "received", "refused" with the reason). Every query of the table is here, together
with the reads of a synced table that join it.

`table` is always a name of the declared list (`synced_tables.SYNCED_TABLES`), or the blobs'
own name for files; callers check it before it is put in a query."""
from __future__ import annotations

from .db import Store


def rows_to_send(store: Store, table: str, peer: str, unit: str, *, full: bool) -> list[tuple]:
    """The unit's rows of `table` (all columns, in the table's order) to put in its next package
    for `peer`: every one when `full`, else those never sent, changed since, or sent in a
    package not yet acknowledged."""
    if full:
        return store.conn.execute(f"SELECT * FROM {table} WHERE origin_unit = ?",
                                  (unit,)).fetchall()
    return store.conn.execute(
        f"SELECT t.* FROM {table} t LEFT JOIN sync_sent s ON s.peer = ? AND s.table_name = ? "
        "AND s.record_id = t.id WHERE t.origin_unit = ? AND (s.record_id IS NULL OR "
        "s.version < t.version OR s.state = 'sent')", (peer, table, unit)).fetchall()


def received_ids(store: Store, peer: str, table: str) -> set[str]:
    """The records (or files) of `table` that the peer said it received."""
    return {r["record_id"] for r in store.query(
        "SELECT record_id FROM sync_sent WHERE peer = ? AND table_name = ? "
        "AND state = 'received'", (peer, table))}


def note_sent(store: Store, rows: list[tuple]) -> None:
    """(peer, table, record id, version, package number) of every record put in a package."""
    store.conn.executemany(
        "INSERT INTO sync_sent (peer, table_name, record_id, version, seq, state) "
        "VALUES (?,?,?,?,?,'sent') ON CONFLICT(peer, table_name, record_id) DO UPDATE SET "
        "version = excluded.version, seq = excluded.seq, state = 'sent', reason = ''", rows)


def mark_received(store: Store, peer: str, seq: int) -> int:
    """The records last sent in package `seq` arrived; how many."""
    return store.execute("UPDATE sync_sent SET state = 'received', reason = '' WHERE peer = ? "
                         "AND seq = ? AND state = 'sent'", (peer, seq)).rowcount


def mark_refused(store: Store, peer: str, table: str, record_id: str, seq: int,
                 reason: str) -> bool:
    """The peer refused this record of a package up to `seq`; whether it was one sent."""
    return bool(store.execute(
        "UPDATE sync_sent SET state = 'refused', reason = ? WHERE peer = ? AND "
        "table_name = ? AND record_id = ? AND seq <= ?",
        (reason, peer, table, record_id, seq)).rowcount)


def forget_package(store: Store, peer: str, seq: int) -> int:
    """The package `seq` did not go in: its records count as not sent again; how many."""
    return store.execute("DELETE FROM sync_sent WHERE peer = ? AND seq = ? AND state = 'sent'",
                         (peer, seq)).rowcount


def states(store: Store, table: str, peer: str, unit: str,
           label_column: str | None) -> list[dict]:
    """The unit's records of `table`, newest change first, each with what was last sent of it:
    id, version, updated_at, deleted, label (the column named, else the id), sent_version,
    seq, state, reason (None when never sent)."""
    label_sql = f"t.{label_column}" if label_column else "t.id"
    return store.query(
        f"SELECT t.id, t.version, t.updated_at, t.deleted, {label_sql} AS label, "
        "s.version AS sent_version, s.seq, s.state, s.reason FROM "
        f"{table} t LEFT JOIN sync_sent s ON s.peer = ? AND s.table_name = ? AND "
        "s.record_id = t.id WHERE t.origin_unit = ? ORDER BY t.updated_at DESC",
        (peer, table, unit))
