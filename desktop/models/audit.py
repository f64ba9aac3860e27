"""The append-only audit log with a hash chain.

Every change to a record appends one entry in the same transaction: who, when, the action, the
table and record, the old and new values (only the fields that changed). Each entry stores the hash
of the previous entry and its own hash over its content, so a removed, reordered or edited entry is
found by `verify_chain`. Triggers refuse UPDATE and DELETE on the table.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .db import Store, now_iso

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _entry_hash(seq: int, at: str, actor: str, action: str, table: str | None,
                record_id: str | None, old: str | None, new: str | None, prev: str) -> str:
    payload = canonical_json([seq, at, actor, action, table, record_id, old, new, prev])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    store: Store,
    action: str,
    *,
    table: str | None = None,
    record_id: str | None = None,
    old: dict | None = None,
    new: dict | None = None,
    actor: str | None = None,
) -> int:
    """Append one entry; call inside the transaction of the change it records."""
    with store.atomic() as conn:
        last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq = (last[0] + 1) if last else 1
        prev = last[1] if last else GENESIS
        at = now_iso()
        who = actor or store.actor
        old_s = canonical_json(old) if old is not None else None
        new_s = canonical_json(new) if new is not None else None
        digest = _entry_hash(seq, at, who, action, table, record_id, old_s, new_s, prev)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, table_name, record_id, old, new, "
            "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (seq, at, who, action, table, record_id, old_s, new_s, prev, digest),
        )
    return seq


def diff(old: dict | None, new: dict | None) -> tuple[dict | None, dict | None]:
    """Only the fields that changed, old → new."""
    if old is None or new is None:
        return old, new
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


@dataclass
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    message: str = ""

    def as_dict(self) -> dict:
        return {"ok": self.ok, "entries": self.entries, "first_bad_seq": self.first_bad_seq,
                "message": self.message}


def verify_chain(store: Store) -> ChainReport:
    prev = GENESIS
    expected_seq = None
    count = 0
    cur = store.conn.execute(
        "SELECT seq, at, actor, action, table_name, record_id, old, new, prev_hash, hash "
        "FROM audit_log ORDER BY seq"
    )
    for seq, at, actor, action, table, rid, old, new, prev_hash, digest in cur:
        count += 1
        if expected_seq is not None and seq != expected_seq:
            return ChainReport(False, count, seq, f"Nhật ký thiếu mục trước mục số {seq}.")
        if prev_hash != prev:
            return ChainReport(False, count, seq,
                               f"Mục số {seq} không nối với mục trước (chuỗi băm bị cắt).")
        if _entry_hash(seq, at, actor, action, table, rid, old, new, prev_hash) != digest:
            return ChainReport(False, count, seq, f"Mục số {seq} đã bị sửa sau khi ghi.")
        prev = digest
        expected_seq = seq + 1
    return ChainReport(True, count, None, f"Nhật ký kiểm toán nguyên vẹn ({count} mục).")


def history(store: Store, table: str, record_id: str) -> list[dict]:
    rows = store.query(
        "SELECT seq, at, actor, action, old, new FROM audit_log WHERE table_name=? AND record_id=? "
        "ORDER BY seq",
        (table, record_id),
    )
    for r in rows:
        r["old"] = json.loads(r["old"]) if r["old"] else None
        r["new"] = json.loads(r["new"]) if r["new"] else None
    return rows


# --- what changed since a window last looked -------------------------------------------------

# Entries that stand for rows of more tables than their own: a whole file merged in one
# transaction with one entry (a sync package, a kiosk's set-up or results file).
_RESULTS_TABLES = ("quiz_attempts", "quiz_answers", "quiz_attendance")

# Writes that leave no entry in the log: state kept beside the records, not a change of a record.
# A window that makes one names its table when it announces what changed
# (`ViewContext.announce_changes`); any other name is refused there.
UNJOURNALED = {
    "minutes_autosave": "the text typed in a minutes editor, kept against a crash",
    "quiz_attempt_progress": "where a person taking a test has got to",
    "quiz_web_devices": "the browsers admitted to a test over the network",
    "quiz_web_tests": "the tests being taken in a browser",
    "sync_outbox": "the e-mail outbox's sending state (sent, failed, next try)",
    "sync_packages": "a package delivered again (copied, saved as an e-mail, sent)",
    "sync_sent": "which record versions a peer has acknowledged",
}


def last_seq(store: Store) -> int:
    """The number of the newest entry (0 for an empty log)."""
    return int(store.scalar("SELECT coalesce(max(seq), 0) FROM audit_log") or 0)


def tables_changed_since(store: Store, seq: int) -> tuple[int, frozenset[str]]:
    """(the newest entry's number, the tables changed by the entries after `seq`): what a
    window that last looked at entry `seq` has to refresh. One entry that stands for a whole
    file merged at once names every table the file wrote."""
    last = last_seq(store)
    if last <= seq:
        return last, frozenset()
    span = (seq, last)
    tables = {r["table_name"] for r in store.query(
        "SELECT DISTINCT table_name FROM audit_log WHERE seq > ? AND seq <= ? "
        "AND table_name IS NOT NULL", span)}
    for r in store.query(
            "SELECT action, record_id, new FROM audit_log WHERE seq > ? AND seq <= ? AND action "
            "IN ('sync_import', 'kiosk_setup_import', 'quiz_results_import')", span):
        tables.update(_merged_tables(store, r["action"], r["record_id"], r["new"]))
    return last, frozenset(tables)


def _merged_tables(store: Store, action: str, record_id: str | None, new: str | None) -> set:
    if action == "quiz_results_import":
        return set(_RESULTS_TABLES)
    if action == "kiosk_setup_import":
        rows = (json.loads(new) if new else {}).get("rows") or {}
        return {t for t, n in rows.items() if n}
    counts = store.scalar("SELECT counts FROM sync_packages WHERE package_id = ? AND "
                          "direction = 'in'", (record_id,))   # a sync package written here
    return {"sync_quarantine", "sync_peers"} | {
        t for t, n in (json.loads(counts) if counts else {}).items() if n}
