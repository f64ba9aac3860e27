"""The e-mail outbox of sync packages (table `sync_outbox`): one row per package e-mail, waiting
until the mail server takes it, tried again by itself (`sync.mail` writes the messages and talks
to the server; every query of the table is here)."""
from __future__ import annotations

import datetime as _dt

from . import audit
from .db import Store, now_iso


def recent(store: Store, limit: int = 200) -> list[dict]:
    """The latest `limit` e-mails of the outbox, newest first, whatever their state."""
    return store.query("SELECT * FROM sync_outbox ORDER BY id DESC LIMIT ?", (limit,))


def waiting_count(store: Store) -> int:
    """How many e-mails are still to be sent (due now or later)."""
    return store.scalar("SELECT count(*) FROM sync_outbox WHERE status = 'waiting'")


def due(store: Store, now: _dt.datetime) -> list[dict]:
    """The waiting e-mails whose next try has come, oldest first."""
    return [r for r in store.query("SELECT * FROM sync_outbox WHERE status = 'waiting' "
                                   "ORDER BY id")
            if _dt.datetime.fromisoformat(r["next_try_at"]) <= now]


def queue(store: Store, package_id: str, messages: list[tuple[str, str, str]]) -> list[int]:
    """Put the e-mails of a package (file name in the outbox folder, recipient, subject) in the
    outbox, due at once; returns their ids."""
    ids = []
    with store.atomic():
        for name, recipient, subject in messages:
            cur = store.execute(
                "INSERT INTO sync_outbox (package_id, peer, eml_name, recipient, subject, "
                "next_try_at, created_at) VALUES (?, (SELECT peer FROM sync_packages WHERE "
                "direction = 'out' AND package_id = ?), ?, ?, ?, ?, ?)",
                (package_id, package_id, name, recipient, subject, now_iso(), now_iso()))
            ids.append(cur.lastrowid)
        audit.append(store, "sync_email_queued", table="sync_outbox", record_id=package_id,
                     new={"messages": len(ids)})
    return ids


def record_failure(store: Store, outbox_id: int, *, attempts: int, error: str,
                   next_try_at: str) -> None:
    """A try that failed: the error shown to the user and when to try again."""
    with store.atomic():
        store.execute("UPDATE sync_outbox SET attempts = ?, last_error = ?, next_try_at = ? "
                      "WHERE id = ?", (attempts, error, next_try_at, outbox_id))


def record_sent(store: Store, outbox_id: int, package_id: str) -> int:
    """The mail server took the e-mail; returns how many e-mails of its package still wait
    (call inside the transaction that marks the package sent when none do)."""
    with store.atomic():
        store.execute("UPDATE sync_outbox SET status = 'sent', sent_at = ?, attempts = "
                      "attempts + 1, last_error = '' WHERE id = ?", (now_iso(), outbox_id))
        return store.scalar("SELECT count(*) FROM sync_outbox WHERE package_id = ? AND "
                            "status = 'waiting'", (package_id,))


def retry_now(store: Store, outbox_id: int | None = None) -> None:
    """Make one waiting e-mail (or all of them) due now."""
    with store.atomic():
        if outbox_id is None:
            store.execute("UPDATE sync_outbox SET next_try_at = ? WHERE status = 'waiting'",
                          (now_iso(),))
        else:
            store.execute("UPDATE sync_outbox SET next_try_at = ? WHERE id = ?",
                          (now_iso(), outbox_id))


def undelivered_seqs(store: Store, peer: str) -> set[int]:
    """The numbers of this unit's packages to `peer` that were made but never delivered: not
    copied to a folder, not saved as e-mail, not put in the outbox."""
    return {r[0] for r in store.conn.execute(
        "SELECT seq FROM sync_packages p WHERE direction = 'out' AND peer = ? AND "
        "status = 'created' AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE "
        "o.package_id = p.package_id)", (peer,))}
