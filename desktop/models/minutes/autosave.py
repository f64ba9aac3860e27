"""The editor's autosave buffer: what was typed and not yet saved, kept as one types.

Local to this installation (never synced, not a record): a crash or a power cut loses at most the
last second of typing; the editor offers the recovered text the next time the minutes is opened.
Saving the draft clears the buffer.
"""
from __future__ import annotations

import json

from ..db import Store, now_iso
from ..vntext import nfc


def _nfc_all(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc_all(v) for k, v in value.items()}
    return value


def save(store: Store, revision_id: str, payload: dict, *, username: str = "",
         base_version: int = 0) -> str:
    """Keep the editor's state (one statement, committed at once). Returns the time saved."""
    at = now_iso()
    store.execute(
        "INSERT INTO minutes_autosave (revision_id, username, saved_at, base_version, payload) "
        "VALUES (?,?,?,?,?) ON CONFLICT(revision_id) DO UPDATE SET username = excluded.username, "
        "saved_at = excluded.saved_at, base_version = excluded.base_version, "
        "payload = excluded.payload",
        (revision_id, username, at, base_version,
         json.dumps(_nfc_all(payload), ensure_ascii=False)))
    return at


def load(store: Store, revision_id: str) -> dict | None:
    row = store.query_one("SELECT * FROM minutes_autosave WHERE revision_id = ?", (revision_id,))
    if row is None:
        return None
    try:
        payload = json.loads(row["payload"])
    except ValueError:
        return None
    return {"payload": payload, "saved_at": row["saved_at"], "username": row["username"],
            "base_version": row["base_version"]}


def discard(store: Store, revision_id: str) -> None:
    store.execute("DELETE FROM minutes_autosave WHERE revision_id = ?", (revision_id,))


NEW_PREFIX = "new:"


def new_minutes_key(template: str, username: str) -> str:
    """The buffer of a new minutes not saved yet (it has no revision until it is saved): one per
    template and person, offered again when that person starts a new minutes of that kind."""
    return f"{NEW_PREFIX}{template}:{username}"


def pending(store: Store) -> set[str]:
    """Revisions with typed changes that were never saved (e.g. after a crash)."""
    return {r["revision_id"] for r in store.query("SELECT revision_id FROM minutes_autosave")
            if not r["revision_id"].startswith(NEW_PREFIX)}


def new_pending(store: Store, username: str) -> dict[str, str]:
    """The new minutes this person typed and never saved (e.g. before a power cut): template
    key → when the text was kept."""
    prefix = NEW_PREFIX
    found = {}
    for r in store.query("SELECT revision_id, saved_at FROM minutes_autosave "
                         "WHERE substr(revision_id, 1, ?) = ?", (len(prefix), prefix)):
        template, _, user = r["revision_id"][len(prefix):].rpartition(":")
        if template and user == username:
            found[template] = r["saved_at"]
    return found
