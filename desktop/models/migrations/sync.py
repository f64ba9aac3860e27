"""Sync schema: the unit's own keys, its partners (province / districts), packages sent and
received, what was sent of each record, quarantined records, and the e-mail outbox.

None of these tables is synced: they describe this installation's exchanges.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import MigrationSet as Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("sync")


@migrations(name="0001_sync")
def m0001_sync(db: Database) -> None:
    # The unit's key pairs. Private keys are wrapped by a local protector (see sync/keys.py) and
    # never leave this installation; only the public halves travel (profile, package headers).
    db.execute(
        """CREATE TABLE sync_unit_keys (
            id TEXT PRIMARY KEY NOT NULL,
            purpose TEXT NOT NULL CHECK (purpose IN ('sign', 'encrypt')),
            public_key TEXT NOT NULL,
            private_key TEXT NOT NULL,
            protector TEXT NOT NULL,
            created_at TEXT NOT NULL,
            retired_at TEXT
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_sync_unit_keys_current ON sync_unit_keys(purpose) "
               "WHERE retired_at IS NULL")
    # The other units this one exchanges packages with: at a province its districts, at a
    # district its province (from the province profile).
    db.execute(
        """CREATE TABLE sync_peers (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('district', 'province')),
            email TEXT NOT NULL DEFAULT '',
            sign_key TEXT,
            enc_key TEXT,
            fingerprint TEXT,
            trusted_at TEXT,
            trusted_by TEXT,
            pending_sign_key TEXT,
            pending_enc_key TEXT,
            pending_fingerprint TEXT,
            pending_seen_at TEXT,
            out_seq INTEGER NOT NULL DEFAULT 0,
            applied_through INTEGER NOT NULL DEFAULT 0,
            acked_through INTEGER NOT NULL DEFAULT 0,
            ack_seq_out INTEGER NOT NULL DEFAULT 0,
            ack_seq_in INTEGER NOT NULL DEFAULT 0,
            last_received_at TEXT,
            last_sent_at TEXT,
            last_ack_at TEXT,
            profile TEXT NOT NULL DEFAULT '{}',
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE sync_packages (
            package_id TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
            peer TEXT NOT NULL,
            seq INTEGER NOT NULL,
            from_seq INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            status TEXT NOT NULL,
            full INTEGER NOT NULL DEFAULT 0,
            counts TEXT NOT NULL DEFAULT '{}',
            summary TEXT NOT NULL DEFAULT '{}',
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            sent_at TEXT,
            sent_via TEXT NOT NULL DEFAULT '',
            received_at TEXT,
            applied_at TEXT,
            PRIMARY KEY (direction, package_id)
        )"""
    )
    db.execute("CREATE INDEX idx_sync_packages_peer ON sync_packages(direction, peer, seq)")
    # One line per record (and per file) sent to a peer: the version last sent, in which
    # package, and what the acknowledgement said of it.
    db.execute(
        """CREATE TABLE sync_sent (
            peer TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('sent', 'received', 'refused')),
            reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (peer, table_name, record_id)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE sync_quarantine (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            package_id TEXT NOT NULL,
            sender TEXT NOT NULL,
            seq INTEGER NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL,
            resolved_at TEXT,
            UNIQUE (package_id, table_name, record_id)
        )"""
    )
    db.execute("CREATE INDEX idx_sync_quarantine_record ON sync_quarantine(sender, table_name, "
               "record_id)")
    db.execute(
        """CREATE TABLE sync_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            package_id TEXT NOT NULL,
            peer TEXT NOT NULL,
            eml_name TEXT NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sent', 'cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            next_try_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT
        )"""
    )
