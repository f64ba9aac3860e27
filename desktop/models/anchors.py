"""The audit chain's head, recorded outside the log: what a shortened or rewritten log is
compared with.

The hash chain of `audit_log` finds an entry edited, removed from the middle or reordered; it
can't find the *last* entries removed (what remains is still a valid chain), nor a log rewritten
from some entry on with fresh hashes. So the head of the chain (its length and the hash of its
last entry) is written down elsewhere, at the moments that matter:

- a **signed checkpoint** after every minutes signature, every backup (at exit, by the command
  line, on request), every sync package made and every acknowledgement taken: a line of
  `audit-checkpoints.jsonl` in the data folder, signed with the unit's Ed25519 key (the signer
  the program's start gives `use_signer`: `sync.anchor.sign_checkpoint`), and the same head in
  the table `audit_anchors`;
- **every backup** holds the log as it was (`anchor_check` reads each backup's head);
- **every sync package** states the head in its signed manifest, and the province keeps it and
  returns it in its signed **acknowledgement** (`sync.anchor`), recorded here on arrival.

`anchor_check.check_chain` (used by `isodesk db check` and `isodesk minutes verify`) compares the
log with all of them. A restore from a backup is itself written to the log
(`database_restored`), with the head it goes back to, so the anchors it gives up are listed as
such rather than as damage.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .audit import GENESIS, canonical_json
from .db import CHECKPOINT_FILENAME, Store, now_iso

# Signs a checkpoint: f(store, payload: bytes) -> (public key b64, signature b64), or None when the
# unit's key can't be used on this computer. The key belongs to sync (`sync.anchor`), which the
# models never import: the program's start hands the signer in (`use_signer`, desktop/cli), as
# the tests' conftest does. Without one, checkpoints are written unsigned (`db check` says so).
Signer = Callable[[Store, bytes], tuple[str, str] | None]
_signer: Signer | None = None
CHECKPOINT_FORMAT = "isodesk-audit-checkpoint/1"
CHECKPOINT_DOMAIN = b"isodesk-audit-checkpoint\x00"
OWN_KINDS = ("checkpoint", "package_sent", "ack_received")


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str

    def as_dict(self) -> dict:
        return {"seq": self.seq, "hash": self.hash}


def chain_head(store: Store) -> Head:
    row = store.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(row[0], row[1]) if row else Head(0, GENESIS)


def hash_at(store: Store, seq: int) -> str | None:
    """The hash of entry `seq` (GENESIS for 0), or None when the log has no such entry."""
    if seq == 0:
        return GENESIS
    row = store.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return row[0] if row else None


def record(store: Store, kind: str, head: Head, *, unit: str | None = None, ref: str = "",
           detail: dict | None = None, at: str | None = None) -> None:
    """Keep one anchor in `audit_anchors` (inside the caller's transaction, if any)."""
    with store.atomic() as conn:
        conn.execute("INSERT INTO audit_anchors (kind, unit, seq, hash, at, ref, detail) "
                     "VALUES (?,?,?,?,?,?,?)",
                     (kind, unit if unit is not None else store.unit_code, head.seq, head.hash,
                      at or now_iso(), ref, canonical_json(detail or {})))


def last_seq(store: Store, kind: str, unit: str) -> int | None:
    """The length of the chain in the latest anchor of this kind and unit."""
    row = store.query_one("SELECT seq FROM audit_anchors WHERE unit = ? AND kind = ? "
                          "ORDER BY id DESC LIMIT 1", (unit, kind))
    return row["seq"] if row else None


def last_received(store: Store, sender: str) -> dict | None:
    """The latest head kept from a package of `sender`: seq, hash, at."""
    row = store.query_one("SELECT seq, hash, at FROM audit_anchors WHERE unit = ? AND kind = "
                          "'package_received' ORDER BY id DESC LIMIT 1", (sender,))
    return dict(row) if row else None


def received_hashes(store: Store, sender: str) -> dict[int, str]:
    """Every head kept from the packages of `sender`: its length → its hash."""
    return {r["seq"]: r["hash"] for r in store.query(
        "SELECT seq, hash FROM audit_anchors WHERE unit = ? AND kind = 'package_received'",
        (sender,))}


def longest_received_before(store: Store, sender: str, package_seq: int) -> int:
    """The longest head kept from the sender's packages numbered below `package_seq`."""
    return store.scalar(
        "SELECT max(a.seq) FROM audit_anchors a JOIN sync_packages p ON p.package_id = a.ref "
        "AND p.direction = 'in' AND p.peer = a.unit WHERE a.unit = ? AND "
        "a.kind = 'package_received' AND p.seq < ?", (sender, package_seq)) or 0


def checkpoint_path(store_or_folder) -> Path:
    folder = store_or_folder.data_dir if isinstance(store_or_folder, Store) else store_or_folder
    return Path(folder) / CHECKPOINT_FILENAME


def checkpoint_payload(line: dict) -> bytes:
    """The bytes a checkpoint's signature covers: a domain label, then its fields (all but the
    key and the signature) as canonical JSON."""
    doc = {k: v for k, v in line.items() if k not in ("key", "signature", "_line")}
    return CHECKPOINT_DOMAIN + canonical_json(doc).encode("utf-8")


def use_signer(signer: Signer | None) -> None:
    """Sign the checkpoints of this process with `signer` (given once, at the start)."""
    global _signer
    _signer = signer


def _sign(store: Store, payload: bytes) -> tuple[str, str] | None:
    if _signer is None:
        return None
    try:
        return _signer(store, payload)
    except Exception:  # an unsigned checkpoint still anchors; the work that made it stands
        logging.getLogger("isodesk.anchors").exception("checkpoint not signed")
        return None


def checkpoint(store: Store, reason: str) -> dict | None:
    """Write the current head as a signed checkpoint (file line + table row). Done only outside
    a transaction, so that the head written is committed; returns the line, or None. Never
    fails the work it follows (a signature, a backup): a checkpoint that can't be written is
    logged, and the next one anchors the head again."""
    if store.conn.in_transaction or not store.unit_code:
        return None
    try:
        return _checkpoint(store, reason)
    except (OSError, sqlite3.Error):
        logging.getLogger("isodesk.anchors").exception("checkpoint not written")
        return None


def _checkpoint(store: Store, reason: str) -> dict | None:
    head = chain_head(store)
    if head.seq == 0:
        return None
    line = {"format": CHECKPOINT_FORMAT, "unit": store.unit_code, "seq": head.seq,
            "hash": head.hash, "at": now_iso(), "reason": reason}
    signed = _sign(store, checkpoint_payload(line))
    if signed is not None:
        line["key"], line["signature"] = signed
    _append_line(checkpoint_path(store), line)
    record(store, "checkpoint", head, ref=reason, at=line["at"],
           detail={"signed": signed is not None})
    return line


def _append_line(path: Path, line: dict) -> None:
    text = json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    with open(path, "a", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def read_checkpoints(folder: Path) -> tuple[list[dict], list[int]]:
    """The lines of the checkpoint file, and the numbers of lines that are not checkpoints."""
    path = checkpoint_path(folder)
    lines, bad = [], []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return [], []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except ValueError:
            bad.append(n)
            continue
        if not isinstance(line, dict) or line.get("format") != CHECKPOINT_FORMAT or \
                not isinstance(line.get("seq"), int) or not isinstance(line.get("hash"), str):
            bad.append(n)
            continue
        line["_line"] = n
        lines.append(line)
    return lines, bad
