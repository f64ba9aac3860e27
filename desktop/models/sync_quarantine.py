"""Records of received packages kept aside with their reason (table `sync_quarantine`): a row a
sender may not write, or one that does not fit the schema, waits here until a good copy of the
record comes (then it is resolved). Every query of the table is here."""
from __future__ import annotations

import json

from .db import Store


def listed(store: Store, *, sender: str | None = None, include_resolved: bool = False,
           limit: int = 5000) -> list[dict]:
    """The newest first, `data` (the row as it came) read."""
    sql = "SELECT * FROM sync_quarantine WHERE 1 = 1"
    params: list = []
    if sender:
        sql += " AND sender = ?"
        params.append(sender)
    if not include_resolved:
        sql += " AND resolved_at IS NULL"
    sql += " ORDER BY at DESC, id DESC LIMIT ?"
    params.append(limit)
    rows = store.query(sql, params)
    for r in rows:
        r["data"] = json.loads(r["data"] or "{}")
    return rows


def open_count(store: Store, sender: str) -> int:
    """How many of the sender's records wait unresolved."""
    return store.scalar("SELECT count(*) FROM sync_quarantine WHERE sender = ? AND "
                        "resolved_at IS NULL", (sender,))


def any_open(store: Store, sender: str, table: str) -> bool:
    """Do records of this sender and table wait unresolved?"""
    return store.scalar("SELECT 1 FROM sync_quarantine WHERE sender = ? AND table_name = ? AND "
                        "resolved_at IS NULL LIMIT 1", (sender, table)) is not None


def add(store: Store, package_id: str, sender: str, seq: int, entries: list[dict],
        at: str) -> None:
    """The records a package's import set aside: each {"table", "id", "reason", "data"} (once
    per package and record)."""
    store.conn.executemany(
        "INSERT OR IGNORE INTO sync_quarantine (package_id, sender, seq, table_name, record_id, "
        "reason, data, at) VALUES (?,?,?,?,?,?,?,?)",
        [(package_id, sender, seq, q["table"], q["id"], q["reason"],
          json.dumps(q["data"], ensure_ascii=False, default=str), at) for q in entries])


def resolve(store: Store, sender: str, table: str, record_ids: list[str], *,
            except_package: str, at: str) -> None:
    """Good copies of these records came (in a package other than `except_package`)."""
    store.execute(
        "UPDATE sync_quarantine SET resolved_at = ? WHERE sender = ? AND table_name = ? "
        "AND resolved_at IS NULL AND package_id != ? AND record_id IN "
        "(SELECT value FROM json_each(?))",
        (at, sender, table, except_package, json.dumps(record_ids)))
