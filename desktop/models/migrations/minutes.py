"""Working minutes (biên bản làm việc): minutes, their revisions, participants, action items,
attachments, signatures; and the local autosave buffer of the editor.

A signed revision is locked: triggers refuse a change to its content (and to a signature), so a
direct UPDATE of the database file is refused; should the triggers be removed, the signature check
(`desktop.models.minutes.signing.verify_revision`) still finds the change.

Rows that came from another unit by sync (their `origin_unit` is not the code in `unit_profile`)
may arrive in any order, so the triggers that refuse a new child row of a signed revision leave
them alone; a deletion is refused whatever the row's origin (the sync never deletes a row, and
the unit that made a signed minutes never marks it deleted).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import RECORD_COLUMNS
from ._common import MigrationSet as Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("minutes")

# Columns of a revision that its signatures cover (see docs/minutes-signing.md).
_REVISION_CONTENT = (
    "minutes_id", "revision_no", "previous_revision_id", "number", "agency_parent", "agency_name",
    "locality", "subject", "meeting_date", "start_time", "end_time", "place", "chair", "secretary",
    "content", "conclusions", "copies", "copy_destinations",
)
_CHILD_CONTENT = {
    "minutes_participants": ("revision_id", "sort_order", "side", "name", "position",
                             "organisation", "deleted"),
    "minutes_action_items": ("revision_id", "sort_order", "description", "owner", "due", "deleted"),
    "minutes_attachments": ("revision_id", "sort_order", "name", "sha256", "size", "media_type",
                            "deleted"),
}
_SIGNATURE_CONTENT = (
    "revision_id", "minutes_id", "meaning", "meaning_text", "user_id", "username", "full_name",
    "position", "signed_at", "key_id", "key_fingerprint", "content_sha256", "countersigns",
    "algorithm", "signature", "deleted",
)


def _changed(columns) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


@migrations(name="0001_minutes")
def m0001_minutes(db: Database) -> None:
    db.execute(
        f"""CREATE TABLE minutes ({RECORD_COLUMNS},
            template TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        f"""CREATE TABLE minutes_revisions ({RECORD_COLUMNS},
            minutes_id TEXT NOT NULL REFERENCES minutes(id),
            revision_no INTEGER NOT NULL CHECK (revision_no >= 1),
            previous_revision_id TEXT,
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'signed', 'confirmed')),
            number TEXT NOT NULL DEFAULT '',
            agency_parent TEXT NOT NULL DEFAULT '',
            agency_name TEXT NOT NULL DEFAULT '',
            locality TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            meeting_date TEXT NOT NULL DEFAULT '',
            start_time TEXT NOT NULL DEFAULT '',
            end_time TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            chair TEXT NOT NULL DEFAULT '',
            secretary TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL DEFAULT '',
            conclusions TEXT NOT NULL DEFAULT '',
            copies INTEGER NOT NULL DEFAULT 3,
            copy_destinations TEXT NOT NULL DEFAULT '[]',
            reason TEXT NOT NULL DEFAULT '',
            content_sha256 TEXT,
            pdf_sha256 TEXT,
            created_by TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_minutes_rev_no ON minutes_revisions(minutes_id, revision_no)")
    db.execute("CREATE INDEX idx_minutes_rev_date ON minutes_revisions(origin_unit, meeting_date)")
    db.execute(
        f"""CREATE TABLE minutes_participants ({RECORD_COLUMNS},
            revision_id TEXT NOT NULL REFERENCES minutes_revisions(id),
            sort_order INTEGER NOT NULL DEFAULT 0,
            side TEXT NOT NULL CHECK (side IN ('unit', 'consultant')),
            name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            staff_id TEXT
        )"""
    )
    db.execute(
        f"""CREATE TABLE minutes_action_items ({RECORD_COLUMNS},
            revision_id TEXT NOT NULL REFERENCES minutes_revisions(id),
            sort_order INTEGER NOT NULL DEFAULT 0,
            description TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        f"""CREATE TABLE minutes_attachments ({RECORD_COLUMNS},
            revision_id TEXT NOT NULL REFERENCES minutes_revisions(id),
            sort_order INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            media_type TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        f"""CREATE TABLE minutes_signatures ({RECORD_COLUMNS},
            revision_id TEXT NOT NULL REFERENCES minutes_revisions(id),
            minutes_id TEXT NOT NULL,
            meaning TEXT NOT NULL CHECK (meaning IN ('author', 'confirm')),
            meaning_text TEXT NOT NULL,
            user_id TEXT NOT NULL,
            username TEXT NOT NULL,
            full_name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            signed_at TEXT NOT NULL,
            key_id TEXT NOT NULL,
            key_fingerprint TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            countersigns TEXT,
            algorithm TEXT NOT NULL DEFAULT 'ed25519',
            signature TEXT NOT NULL
        )"""
    )
    for table in ("minutes_participants", "minutes_action_items", "minutes_attachments",
                  "minutes_signatures"):
        db.execute(f"CREATE INDEX idx_{table}_rev ON {table}(revision_id)")

    # The lock of a signed revision.
    db.execute(
        f"""CREATE TRIGGER minutes_revisions_locked BEFORE UPDATE ON minutes_revisions
            WHEN OLD.status != 'draft' AND ({_changed(_REVISION_CONTENT)} OR NEW.deleted != 0
                 OR NEW.status = 'draft')
            BEGIN SELECT RAISE(ABORT, 'minutes revision is signed and locked'); END"""
    )
    for table, columns in _CHILD_CONTENT.items():
        db.execute(
            f"""CREATE TRIGGER {table}_locked BEFORE UPDATE ON {table}
                WHEN (SELECT status FROM minutes_revisions WHERE id = OLD.revision_id) != 'draft'
                     AND ({_changed(columns)})
                BEGIN SELECT RAISE(ABORT, 'minutes revision is signed and locked'); END"""
        )
    db.execute(
        f"""CREATE TRIGGER minutes_signatures_locked BEFORE UPDATE ON minutes_signatures
            WHEN {_changed(_SIGNATURE_CONTENT)}
            BEGIN SELECT RAISE(ABORT, 'a signature cannot be changed'); END"""
    )

    # What the editor typed and has not yet saved: restored after a crash. Local, never synced.
    db.execute(
        """CREATE TABLE minutes_autosave (
            revision_id TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL DEFAULT '',
            saved_at TEXT NOT NULL,
            base_version INTEGER NOT NULL DEFAULT 0,
            payload TEXT NOT NULL
        )"""
    )


_SIGNED_REVISION = ("(SELECT status FROM minutes_revisions WHERE id = {rev}) "
                    "IN ('signed', 'confirmed')")
_LOCAL_ROW = "NEW.origin_unit IS (SELECT code FROM unit_profile WHERE id = 1)"


@migrations(name="0002_minutes_signed_cannot_go")
def m0002_minutes_signed_cannot_go(db: Database) -> None:
    """A signed minutes can't be hidden or emptied: its `minutes` row can't be marked deleted
    nor deleted, no row of a signed revision (the revision, its participants, action items,
    attachments, signatures) can be deleted, and no participant, action item or attachment can
    be added to a signed revision of this unit. (Every trigger's name ends in `_locked`, like
    those of 0001.)"""
    has_signed = ("EXISTS (SELECT 1 FROM minutes_revisions WHERE minutes_id = OLD.id "
                  "AND status IN ('signed', 'confirmed'))")
    db.execute(
        f"""CREATE TRIGGER minutes_deleted_locked BEFORE UPDATE OF deleted ON minutes
            WHEN NEW.deleted != 0 AND {has_signed}
            BEGIN SELECT RAISE(ABORT, 'minutes has a signed revision and is locked'); END"""
    )
    db.execute(
        f"""CREATE TRIGGER minutes_delete_locked BEFORE DELETE ON minutes
            WHEN {has_signed}
            BEGIN SELECT RAISE(ABORT, 'minutes has a signed revision and is locked'); END"""
    )
    db.execute(
        """CREATE TRIGGER minutes_revisions_delete_locked BEFORE DELETE ON minutes_revisions
            WHEN OLD.status != 'draft'
            BEGIN SELECT RAISE(ABORT, 'minutes revision is signed and locked'); END"""
    )
    db.execute(
        """CREATE TRIGGER minutes_signatures_delete_locked BEFORE DELETE ON minutes_signatures
            BEGIN SELECT RAISE(ABORT, 'a signature cannot be deleted'); END"""
    )
    for table in _CHILD_CONTENT:
        db.execute(
            f"""CREATE TRIGGER {table}_delete_locked BEFORE DELETE ON {table}
                WHEN {_SIGNED_REVISION.format(rev="OLD.revision_id")}
                BEGIN SELECT RAISE(ABORT, 'minutes revision is signed and locked'); END"""
        )
        db.execute(
            f"""CREATE TRIGGER {table}_insert_locked BEFORE INSERT ON {table}
                WHEN {_SIGNED_REVISION.format(rev="NEW.revision_id")} AND {_LOCAL_ROW}
                BEGIN SELECT RAISE(ABORT, 'minutes revision is signed and locked'); END"""
        )
