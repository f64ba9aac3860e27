"""This unit's own sync key pairs (table `sync_unit_keys`): the public halves and the private
halves wrapped by a protector (`sync.keys` makes, wraps and unwraps them). A retired pair stays,
marked with when it was retired. Every query of the table is here."""
from __future__ import annotations

from .db import Store, now_iso


def current(store: Store) -> dict[str, dict]:
    """The pairs in use, by purpose ("sign", "encrypt"): whole rows."""
    return {r["purpose"]: r for r in store.query(
        "SELECT * FROM sync_unit_keys WHERE retired_at IS NULL")}


def current_public(store: Store) -> dict[str, str]:
    """The public keys in use, by purpose."""
    return {r["purpose"]: r["public_key"] for r in store.query(
        "SELECT purpose, public_key FROM sync_unit_keys WHERE retired_at IS NULL")}


def add(store: Store, key_id: str, purpose: str, public_key: str, private_key: str,
        protector: str) -> None:
    store.execute(
        "INSERT INTO sync_unit_keys (id, purpose, public_key, private_key, protector, created_at)"
        " VALUES (?,?,?,?,?,?)", (key_id, purpose, public_key, private_key, protector, now_iso()))


def retire_current(store: Store) -> None:
    store.execute("UPDATE sync_unit_keys SET retired_at = ? WHERE retired_at IS NULL",
                  (now_iso(),))
