"""The units this one exchanges sync packages with (table `sync_peers`): at a province its
districts, at a district its province. Every query of the table is here; `sync.peers` holds the
rules (enrolment, trusting a key, the province profile) and reads the rows through these
functions. Rows are plain dicts of the table's columns."""
from __future__ import annotations

from .db import Store, now_iso


def get(store: Store, code: str) -> dict | None:
    return store.query_one("SELECT * FROM sync_peers WHERE code = ?", (code,))


def all_of(store: Store, role: str | None = None) -> list[dict]:
    """Every peer (of one role: "district", "province"), by code."""
    if role:
        return store.query("SELECT * FROM sync_peers WHERE role = ? ORDER BY code", (role,))
    return store.query("SELECT * FROM sync_peers ORDER BY code")


def add_district(store: Store, code: str, name: str, email: str,
                 fingerprint: str | None) -> None:
    now = now_iso()
    store.execute("INSERT INTO sync_peers (code, name, role, email, fingerprint, created_at, "
                  "updated_at) VALUES (?,?,?,?,?,?,?)",
                  (code, name, "district", email, fingerprint, now, now))


UPDATABLE = ("name", "email", "active", "fingerprint")


def update(store: Store, code: str, changes: dict) -> None:
    """Change a district's name, e-mail, active flag or expected fingerprint."""
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise ValueError(sorted(unknown))
    sets = ", ".join(f"{k} = ?" for k in changes)
    store.execute(f"UPDATE sync_peers SET {sets}, updated_at = ? WHERE code = ?",
                  (*changes.values(), now_iso(), code))


def trust_keys(store: Store, code: str, sign_key: str, enc_key: str, fingerprint: str) -> None:
    """The unit's keys, trusted now by the one acting."""
    store.execute("UPDATE sync_peers SET sign_key = ?, enc_key = ?, fingerprint = ?, "
                  "trusted_at = ?, trusted_by = ?, updated_at = ? WHERE code = ?",
                  (sign_key, enc_key, fingerprint, now_iso(), store.actor, now_iso(), code))


def note_pending_key(store: Store, code: str, sign_key: str, enc_key: str,
                     fingerprint: str) -> None:
    """A new key seen from the unit, waiting for an administrator to accept it."""
    store.execute("UPDATE sync_peers SET pending_sign_key = ?, pending_enc_key = ?, "
                  "pending_fingerprint = ?, pending_seen_at = ? WHERE code = ?",
                  (sign_key, enc_key, fingerprint, now_iso(), code))


def accept_pending_key(store: Store, code: str) -> None:
    """The waiting key becomes the trusted one."""
    store.execute(
        "UPDATE sync_peers SET sign_key = pending_sign_key, enc_key = pending_enc_key, "
        "fingerprint = pending_fingerprint, trusted_at = ?, trusted_by = ?, "
        "pending_sign_key = NULL, pending_enc_key = NULL, pending_fingerprint = NULL, "
        "pending_seen_at = NULL, updated_at = ? WHERE code = ?",
        (now_iso(), store.actor, now_iso(), code))


def deactivate(store: Store, code: str) -> None:
    store.execute("UPDATE sync_peers SET active = 0, updated_at = ? WHERE code = ?",
                  (now_iso(), code))


def put_province(store: Store, code: str, name: str, email: str, sign_key: str, enc_key: str,
                 fingerprint: str, profile_json: str) -> None:
    """The province of a district, from its profile, trusted now (added or replaced)."""
    now = now_iso()
    store.execute(
        """INSERT INTO sync_peers (code, name, role, email, sign_key, enc_key, fingerprint,
               trusted_at, trusted_by, profile, created_at, updated_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
           ON CONFLICT(code) DO UPDATE SET name=excluded.name, email=excluded.email,
               sign_key=excluded.sign_key, enc_key=excluded.enc_key,
               fingerprint=excluded.fingerprint, trusted_at=excluded.trusted_at,
               trusted_by=excluded.trusted_by, profile=excluded.profile, active=1,
               updated_at=excluded.updated_at""",
        (code, name, "province", email, sign_key, enc_key, fingerprint, now, store.actor,
         profile_json, now, now))


# --- the numbers and times of the exchange -----------------------------------------------------

def set_out_seq(store: Store, code: str, seq: int) -> None:
    """The number of the last package made for the unit."""
    store.execute("UPDATE sync_peers SET out_seq = ?, updated_at = ? WHERE code = ?",
                  (seq, now_iso(), code))


def note_sent(store: Store, code: str) -> None:
    store.execute("UPDATE sync_peers SET last_sent_at = ? WHERE code = ?", (now_iso(), code))


def note_received(store: Store, code: str, at: str) -> None:
    store.execute("UPDATE sync_peers SET last_received_at = ? WHERE code = ?", (at, code))


def note_applied(store: Store, code: str, applied_through: int, at: str) -> None:
    """The highest number applied without a gap, after a package of the unit went in."""
    store.execute("UPDATE sync_peers SET applied_through = ?, last_received_at = ?, "
                  "updated_at = ? WHERE code = ?", (applied_through, at, at, code))


def set_ack_seq_out(store: Store, code: str, seq: int) -> None:
    """The number of the last acknowledgement written for the unit."""
    store.execute("UPDATE sync_peers SET ack_seq_out = ?, updated_at = ? WHERE code = ?",
                  (seq, now_iso(), code))


def note_ack(store: Store, code: str, highest: int, ack_seq: int) -> None:
    """The province's acknowledgement `ack_seq` taken: it has applied up to `highest`."""
    store.execute(
        "UPDATE sync_peers SET acked_through = max(acked_through, ?), "
        "out_seq = max(out_seq, ?), ack_seq_in = ?, last_ack_at = ?, updated_at = ? "
        "WHERE code = ?", (highest, highest, ack_seq, now_iso(), now_iso(), code))
