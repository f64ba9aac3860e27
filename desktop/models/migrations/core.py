"""Core schema: settings, unit profile, users and keys, staff roster, audit log."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import RECORD_COLUMNS
from ._common import MigrationSet as Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("core")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE unit_profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('district', 'province')),
            parent_code TEXT,
            parent_name TEXT,
            place TEXT,
            level_names TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE users (
            id TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            full_name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('admin', 'iso_team', 'consultant', 'proctor')),
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    # Public keys travel with sync packages so that another unit can verify signatures.
    db.execute(
        f"""CREATE TABLE user_keys ({RECORD_COLUMNS},
            user_id TEXT NOT NULL,
            username TEXT NOT NULL,
            full_name TEXT NOT NULL,
            algorithm TEXT NOT NULL DEFAULT 'ed25519',
            public_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            retired_at TEXT
        )"""
    )
    db.execute("CREATE INDEX idx_user_keys_user ON user_keys(user_id)")
    # Private keys never leave the installation: encrypted under the owner's password.
    db.execute(
        """CREATE TABLE user_secrets (
            key_id TEXT PRIMARY KEY NOT NULL REFERENCES user_keys(id),
            user_id TEXT NOT NULL REFERENCES users(id),
            encrypted_private_key TEXT NOT NULL
        )"""
    )
    db.execute(
        f"""CREATE TABLE staff ({RECORD_COLUMNS},
            staff_code TEXT NOT NULL,
            full_name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_staff_code ON staff(origin_unit, staff_code) WHERE deleted = 0"
    )
    db.execute(
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            table_name TEXT,
            record_id TEXT,
            old TEXT,
            new TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_audit_record ON audit_log(table_name, record_id)")
    db.execute(
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"""
    )
    db.execute(
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"""
    )


@migrations(name="0002_blobs")
def m0002_blobs(db: Database) -> None:
    db.execute(
        """CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY NOT NULL,
            size INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            media_type TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )"""
    )


@migrations(name="0004_staff_exemption")
def m0004_staff_exemption(db: Database) -> None:
    # A person on the roster who is not subject to the awareness test (a contract guard, a
    # driver): kept on the roster, left out of the coverage figures, with the reason written.
    db.execute("ALTER TABLE staff ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0 "
               "CHECK (exempt IN (0, 1))")
    db.execute("ALTER TABLE staff ADD COLUMN exempt_reason TEXT NOT NULL DEFAULT ''")


@migrations(name="0005_anchors_local_state")
def m0005_anchors_local_state(db: Database) -> None:
    # Where the audit chain's head was recorded outside the log: signed checkpoints, packages
    # sent, acknowledgements received; at a province also each district's head as its packages
    # stated it. Append-only, like the log. Never synced.
    db.execute(
        """CREATE TABLE audit_anchors (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            unit TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            hash TEXT NOT NULL,
            at TEXT NOT NULL,
            ref TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute("CREATE INDEX idx_audit_anchors_unit ON audit_anchors(unit, kind, seq)")
    db.execute(
        """CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
           BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END"""
    )
    db.execute(
        """CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
           BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END"""
    )
    # Bookkeeping of this installation (last full integrity check, last command-line backup):
    # not records, not synced, not audited.
    db.execute(
        """CREATE TABLE local_state (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT
        )"""
    )


@migrations(name="0006_staff_birth_gender_rank")
def m0006_staff_birth_gender_rank(db: Database) -> None:
    # What offices' staff lists carry besides the name and post: the date of birth (a full date
    # "1980-05-12" or a year "1980"), the gender ("nam" / "nu") and the "ngạch/chức danh".
    db.execute("ALTER TABLE staff ADD COLUMN birth_date TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE staff ADD COLUMN gender TEXT NOT NULL DEFAULT '' "
               "CHECK (gender IN ('', 'nam', 'nu'))")
    db.execute("ALTER TABLE staff ADD COLUMN rank TEXT NOT NULL DEFAULT ''")
