"""The e-mail outbox of sync packages (table `sync_outbox`): one row per package e-mail, waiting
until the mail server takes it, tried again by itself (`sync.mail` queues and sends them)."""
from __future__ import annotations

from .db import Store


def recent(store: Store, limit: int = 200) -> list[dict]:
    """The latest `limit` e-mails of the outbox, newest first, whatever their state."""
    return store.query("SELECT * FROM sync_outbox ORDER BY id DESC LIMIT ?", (limit,))
