"""A data file's life above the connection: opening it (checked, backed up, migrated, its unit
read), the command line's hourly backups, and putting a backup in place of a damaged file.

These steps write to the audit log and its anchors, so they sit above `db.py` (the `Store`
and the backup copies), which the log and the anchors are built on.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import shutil
import sqlite3
from pathlib import Path

from . import anchors, atomic, audit
from .db import (
    BACKUP_DIRNAME, Store, _stamp, backup_database, connect, latest_backup, now_iso, prune_backups,
    quick_check,
)
from .errors import DatabaseDamaged, IsoDeskError
from .migrations import apply_migrations, pending_migrations
from .startcheck import StartCheck, record_full_check, startup_check
from .unit import current_unit_code

KEEP_CLI_BACKUPS = 24
CLI_BACKUP_EVERY = _dt.timedelta(hours=1)


def open_store(
    path: Path | str,
    *,
    actor: str = "system",
    migrate: bool = True,
    check: bool = True,
    reading: bool = False,
) -> Store:
    """Open (or create) the database file, check it, back it up and migrate it.

    The checks before opening (`startcheck`): a missing or empty file where there was data is
    refused (DataMissing), never set up anew; the header and the write-ahead log are read first,
    and `quick_check` runs when the file is small, after an unclean exit, or when it is due.
    `check=False` is for a second connection of a program that opened (and checked) the file
    already: a worker thread's own connection; `reading` for a command that only reads (see
    `startcheck`: no full check only because the file is small)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if check:
        check = startup_check(path, reading=reading)
    else:
        check = StartCheck(existed=path.exists())
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc), latest_backup(path.parent / BACKUP_DIRNAME)) from exc
    store = Store(path=path, conn=conn, actor=actor, checkpoint=anchors.checkpoint)
    if migrate:
        pending = pending_migrations(conn)
        if pending:
            if check.existed and _has_user_tables(conn):
                backup_database(conn, path.parent / BACKUP_DIRNAME, "pre-migrate")
            apply_migrations(store.db)
        if check.full_check:
            record_full_check(conn, now_iso())
    store.unit_code = current_unit_code(store) or ""
    return store


def _has_user_tables(conn: sqlite3.Connection) -> bool:
    n = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    return n > 0


# --- backups and restores ------------------------------------------------------------------

def backup_if_due(store: Store, reason: str = "cli", *, every: _dt.timedelta = CLI_BACKUP_EVERY,
                  keep: int = KEEP_CLI_BACKUPS) -> Path | None:
    """Before the command line changes data: a backup, unless one of `reason` was made within
    `every` (the last `keep` are kept). The turn is claimed in a write transaction, so that
    processes started together make one backup, not one each. Returns the backup made."""
    key = f"backup_{reason}_at"
    now = _dt.datetime.now().astimezone()
    with store.atomic() as conn:
        row = conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
        try:
            if row and now - _dt.datetime.fromisoformat(row[0]) < every:
                return None
        except ValueError:
            pass
        conn.execute("INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                     "UPDATE SET value = excluded.value", (key, now.isoformat()))
    made = store.backup(reason)
    prune_backups(store.backup_dir, reason, keep)
    anchors.checkpoint(store, reason)
    return made


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Put `backup` in place of the (damaged or missing) database; the damaged file is kept
    aside, never deleted. The restore is written to the restored file's audit log, with the
    anchors of the chain it gives up (`_after_restore`).

    Returns where the damaged file was moved (None when there was no file).
    """
    if quick_check(backup) is not None:
        raise IsoDeskError(f"Bản sao lưu {backup.name} cũng bị hỏng, không thể khôi phục từ bản này.")
    aside = db_path.with_name(f"{db_path.stem}-damaged-{_stamp()}{db_path.suffix}")
    moved = db_path.exists()
    if moved:
        atomic.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            atomic.replace(side, aside.with_name(aside.name + suffix))
    tmp = db_path.with_suffix(".restoring")
    shutil.copyfile(backup, tmp)
    atomic.replace(tmp, db_path)
    _after_restore(db_path, backup, aside if moved else None)
    return aside if moved else None


def _after_restore(db_path: Path, backup: Path, aside: Path | None) -> None:
    """Write the restore into the restored file's log (the head it goes back to) and keep the
    checkpoint file of the chain given up beside it, under a dated name."""
    old = anchors.checkpoint_path(db_path.parent)
    kept = None
    if old.is_file():
        kept = old.with_name(f"audit-checkpoints-before-restore-{_stamp()}.jsonl")
        with contextlib.suppress(OSError):
            old.replace(kept)
    store = open_store(db_path, actor="system")
    try:
        head = anchors.chain_head(store)
        audit.append(store, "database_restored", new={
            "backup": backup.name, "base_seq": head.seq, "base_hash": head.hash,
            "damaged_file": aside.name if aside else None,
            "checkpoints_kept_as": kept.name if kept else None})
        anchors.checkpoint(store, "restore")
    finally:
        store.close(clean=False)


class Opening:
    """`open_store(path)` begun on a thread of its own as soon as the windows' start knows the
    file, before it loads Qt: the file's checks (SQLite's, which let go of Python's lock) run
    while Python loads the interface, instead of after it. `result()` waits for the opening and
    returns the store or raises what `open_store` raised, once; `discard()` closes a store that
    nobody took (a start that ended before its sign-in)."""

    def __init__(self, path: Path | str):
        import threading

        self.path = Path(path)
        self._outcome: tuple[bool, object] | None = None
        self._taken = False
        self._thread = threading.Thread(target=self._run, name="isodesk-open-early",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._outcome = (True, open_store(self.path))
        except BaseException as exc:  # noqa: BLE001  (raised again by result())
            self._outcome = (False, exc)

    def result(self) -> Store:
        if self._taken:
            raise RuntimeError("the early opening was taken already")
        self._thread.join()
        self._taken = True
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def discard(self) -> None:
        if self._taken:
            return
        self._thread.join()
        self._taken = True
        ok, value = self._outcome
        if ok:
            value.close(clean=False)
