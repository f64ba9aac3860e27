"""The record of sync packages (table `sync_packages`): the packages this unit made ("out": made,
sent, acknowledged, held or refused by the recipient) and the ones it received ("in": applied,
held for a gap, refused). Every query of the table is here; `sync` decides and calls these.

A received package is described by the fields of its signed header (`header`: package_id, seq,
from_seq, manifest_sha256, created_at) and its file (`file_name`, `file_sha256`, `size`)."""
from __future__ import annotations

import json
from typing import Mapping

from .db import Store, now_iso


def _decoded(rows: list[dict]) -> list[dict]:
    for r in rows:
        r["counts"] = json.loads(r["counts"] or "{}")
        r["summary"] = json.loads(r["summary"] or "{}")
    return rows


def listed(store: Store, direction: str, *, peer: str | None = None,
           limit: int = 200) -> list[dict]:
    """The latest packages one way ("out", "in"), newest first, `counts` and `summary` read."""
    sql = "SELECT * FROM sync_packages WHERE direction = ?"
    params: list = [direction]
    if peer:
        sql += " AND peer = ?"
        params.append(peer)
    sql += " ORDER BY coalesce(received_at, created_at) DESC, seq DESC LIMIT ?"
    params.append(limit)
    return _decoded(store.query(sql, params))


# --- received -----------------------------------------------------------------------------------

def received(store: Store, package_id: str) -> dict | None:
    """The record of a package received before (a replay), whatever became of it."""
    return store.query_one("SELECT * FROM sync_packages WHERE direction = 'in' AND "
                           "package_id = ?", (package_id,))


def other_with_seq(store: Store, peer: str, seq: int, package_id: str) -> dict | None:
    """Another applied or held package of the sender with the same number."""
    return store.query_one(
        "SELECT * FROM sync_packages WHERE direction = 'in' AND peer = ? AND seq = ? AND "
        "package_id != ? AND status IN ('applied', 'held')", (peer, seq, package_id))


def received_count(store: Store, peer: str) -> int:
    return store.scalar("SELECT count(*) FROM sync_packages WHERE direction = 'in' AND peer = ?",
                        (peer,))


def latest_received(store: Store, peer: str, limit: int) -> list[dict]:
    """The sender's `limit` latest packages, oldest first (what an acknowledgement lists)."""
    rows = store.query(
        "SELECT * FROM sync_packages WHERE direction = 'in' AND peer = ? ORDER BY seq DESC, "
        "received_at DESC LIMIT ?", (peer, limit))
    return list(reversed(rows))


def held(store: Store, sender: str | None = None) -> list[dict]:
    """The packages held for a gap (of one sender), by sender and number."""
    sql = "SELECT * FROM sync_packages WHERE direction = 'in' AND status = 'held'"
    params: tuple = ()
    if sender:
        sql += " AND peer = ?"
        params = (sender,)
    return store.query(sql + " ORDER BY peer, seq", params)


def first_held(store: Store, sender: str) -> dict | None:
    return store.query_one(
        "SELECT * FROM sync_packages WHERE direction = 'in' AND peer = ? AND status = 'held' "
        "ORDER BY seq LIMIT 1", (sender,))


def held_count(store: Store, sender: str) -> int:
    return store.scalar("SELECT count(*) FROM sync_packages WHERE direction = 'in' AND "
                        "peer = ? AND status = 'held'", (sender,))


def refuse_received(store: Store, package_id: str, reason: str) -> None:
    """A held package that could not be imported after all."""
    store.execute("UPDATE sync_packages SET status = 'refused', reason = ? WHERE "
                  "direction = 'in' AND package_id = ?", (reason, package_id))


def record_refused(store: Store, peer: str, header: Mapping, *, file_name: str,
                   file_sha256: str, size: int, reason: str) -> None:
    """A verified package refused (not one already applied or held: those stay as they are)."""
    h = header
    store.execute(
        "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
        "file_sha256, size, manifest_sha256, status, reason, created_at, received_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,'refused',?,?,?) ON CONFLICT(direction, package_id) DO "
        "UPDATE SET reason = excluded.reason, received_at = excluded.received_at, "
        "file_sha256 = excluded.file_sha256 WHERE sync_packages.status = 'refused'",
        (h["package_id"], "in", peer, h["seq"], h["from_seq"], file_name, file_sha256, size,
         h["manifest_sha256"], reason, h["created_at"], now_iso()))


def record_held(store: Store, peer: str, header: Mapping, *, file_name: str, file_sha256: str,
                size: int, counts: dict, received_at: str) -> None:
    """A package kept until the packages before it come (once: a second copy changes nothing)."""
    h = header
    store.execute(
        "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
        "file_sha256, size, manifest_sha256, status, counts, summary, created_at, "
        "received_at) VALUES (?,?,?,?,?,?,?,?,?,'held',?,?,?,?) "
        "ON CONFLICT(direction, package_id) DO NOTHING",
        (h["package_id"], "in", peer, h["seq"], h["from_seq"], file_name, file_sha256, size,
         h["manifest_sha256"], json.dumps(counts), "{}", h["created_at"], received_at))


def record_applied(store: Store, peer: str, header: Mapping, *, file_name: str,
                   file_sha256: str, size: int, full: bool, counts: dict, summary: dict,
                   at: str) -> None:
    """A package written (or written again: the first summary, time and file are kept)."""
    h = header
    store.execute(
        "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
        "file_sha256, size, manifest_sha256, status, full, counts, summary, created_at, "
        "received_at, applied_at) VALUES (?,?,?,?,?,?,?,?,?,'applied',?,?,?,?,?,?) "
        "ON CONFLICT(direction, package_id) DO UPDATE SET status = 'applied', "
        "summary = CASE WHEN sync_packages.status = 'applied' THEN sync_packages.summary "
        "ELSE excluded.summary END, applied_at = coalesce(sync_packages.applied_at, "
        "excluded.applied_at), reason = '', file_sha256 = CASE WHEN sync_packages.status = "
        "'applied' AND sync_packages.file_sha256 != '' THEN sync_packages.file_sha256 "
        "ELSE excluded.file_sha256 END",
        (h["package_id"], "in", peer, h["seq"], h["from_seq"], file_name, file_sha256, size,
         h["manifest_sha256"], int(bool(full)), json.dumps(counts),
         json.dumps(summary, ensure_ascii=False), h["created_at"], at, at))


# --- made here ----------------------------------------------------------------------------------

def made(store: Store, package_id: str) -> dict | None:
    return store.query_one("SELECT * FROM sync_packages WHERE direction = 'out' AND "
                           "package_id = ?", (package_id,))


def made_for(store: Store, peer: str) -> list[dict]:
    """The packages made for a peer (id, number, status), by number."""
    return store.query("SELECT package_id, seq, status FROM sync_packages WHERE direction = "
                       "'out' AND peer = ? ORDER BY seq", (peer,))


def manifest_hash(store: Store, peer: str, seq: int) -> str | None:
    """The manifest's SHA-256 of the package number `seq` made for a peer."""
    row = store.query_one("SELECT manifest_sha256 FROM sync_packages WHERE direction = 'out' "
                          "AND peer = ? AND seq = ?", (peer, seq))
    return row["manifest_sha256"] if row else None


def made_file_names(store: Store) -> set[str]:
    return {r["file_name"] for r in store.query(
        "SELECT file_name FROM sync_packages WHERE direction = 'out'")}


def record_made(store: Store, package_id: str, peer: str, seq: int, from_seq: int, *,
                file_name: str, file_sha256: str, size: int, manifest_sha256: str, full: bool,
                counts: dict, created_at: str) -> None:
    store.execute(
        "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
        "file_sha256, size, manifest_sha256, status, full, counts, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (package_id, "out", peer, seq, from_seq, file_name, file_sha256, size, manifest_sha256,
         "created", int(full), json.dumps(counts), created_at))


def mark_sent(store: Store, package_id: str, via: str) -> None:
    """Delivered (copied to a folder, saved as e-mail, put in the outbox) by `via`."""
    store.execute("UPDATE sync_packages SET status = CASE WHEN status = 'created' THEN 'sent' "
                  "ELSE status END, sent_at = ?, sent_via = ? WHERE direction = 'out' AND "
                  "package_id = ?", (now_iso(), via, package_id))


def acknowledge(store: Store, package_id: str, result: dict) -> None:
    """The recipient applied the package; `result` is what its acknowledgement said of it."""
    store.execute("UPDATE sync_packages SET status = 'acknowledged', summary = ? "
                  "WHERE direction = 'out' AND package_id = ?",
                  (json.dumps(result, ensure_ascii=False), package_id))


def mark_made(store: Store, package_id: str, status: str, reason: str) -> None:
    """The recipient holds ("held") or refused ("refused") the package, with why."""
    if status not in ("held", "refused"):
        raise ValueError(status)
    store.execute("UPDATE sync_packages SET status = ?, reason = ? WHERE direction = 'out' AND "
                  "package_id = ?", (status, reason, package_id))
