"""The SQLite store: opening, pragmas, integrity check, migrations, backups.

One file per installation (`isodesk.sqlite` in the data folder). WAL journal,
`synchronous=FULL` so that a committed answer survives a power cut, foreign keys on,
a busy timeout for the rare second process (a CLI beside the GUI).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import atomic
from .errors import DatabaseDamaged, IsoDeskError

if TYPE_CHECKING:
    import sqlite_utils

DB_FILENAME = "isodesk.sqlite"
BACKUP_DIRNAME = "backups"
CHECKPOINT_FILENAME = "audit-checkpoints.jsonl"  # signed heads of the audit chain (anchors.py)
KEEP_EXIT_BACKUPS = 10
KEEP_CLI_BACKUPS = 24
CLI_BACKUP_EVERY = _dt.timedelta(hours=1)
BUSY_TIMEOUT_MS = 10_000


def now_iso() -> str:
    """The current local time, ISO 8601 with its UTC offset, to the millisecond."""
    return _dt.datetime.now().astimezone().isoformat(timespec="milliseconds")


def shown_time(value: str | _dt.datetime | None) -> str:
    """A stored time (ISO 8601, as `now_iso` writes it) as people read it here:
    dd/mm/yyyy HH:MM in local time; a value that is not a time is shown as it is."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%d/%m/%Y %H:%M")


def _stamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]


@dataclass
class Store:
    """An open database plus who is working on it.

    `actor` is written into the audit log of every change; `unit_code` is the
    origin unit of every record this installation creates.
    """

    path: Path
    conn: sqlite3.Connection = field(repr=False)
    actor: str = "system"
    unit_code: str = ""
    _closed: bool = field(default=False, repr=False)
    _db: sqlite_utils.Database | None = field(default=None, repr=False)

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils Database (made on first use: importing sqlite-utils
        costs more than the rest of opening the file, and only migrations need it)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIRNAME

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE), or a savepoint when nested."""
        conn = self.conn
        if conn.in_transaction:
            name = f"sp_{id(conn)}_{_dt.datetime.now().timestamp():.6f}".replace(".", "_")
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def unflushed(self) -> Iterator[None]:
        """Commits made in this block are not each flushed to the disk (synchronous=NORMAL: in
        WAL mode they survive the program being killed, and the next flushed commit or
        checkpoint carries them to the disk; a power cut may take back the last ones, never
        damaging the file). For bookkeeping whose loss costs nothing — the question a test
        taker is on — so that an answer costs one flush, not two. Inside a transaction it
        changes nothing."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            yield
        finally:
            conn.execute("PRAGMA synchronous=FULL")

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        cols = [c[0] for c in cur.description or ()]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def query_one(self, sql: str, params: tuple | list | dict = ()) -> dict | None:
        cur = self.conn.execute(sql, params)
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cur.description], row))

    def scalar(self, sql: str, params: tuple | list | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def execute(self, sql: str, params: tuple | list | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def backup(self, reason: str = "manual") -> Path:
        return backup_database(self.conn, self.backup_dir, reason)

    def close(self, *, clean: bool = True) -> Path | None:
        """Close the file; on a clean exit first take a backup (the last 10 are kept)."""
        if self._closed:
            return None
        made = None
        try:
            if clean:
                made = self.backup("exit")
                prune_backups(self.backup_dir, "exit", KEEP_EXIT_BACKUPS)
                from .anchors import checkpoint

                checkpoint(self, "exit")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()
            self._closed = True
        return made


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens `path` read-only: it can't create or change the file; as_uri()
    escapes "#", "?" and "%" of the folder names, which would otherwise cut or change the path."""
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def quick_check(path: Path) -> str | None:
    """None when the file is sound, else SQLite's description of the damage. An empty file is
    not a sound database (SQLite would read it as one with no tables)."""
    from .walcheck import header_problem

    problem = header_problem(Path(path))
    if problem is not None:
        return problem
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows)
    return None if result == "ok" else result


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
    from .migrations import apply_migrations, pending_migrations
    from .startcheck import record_full_check, startup_check

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if check:
        check = startup_check(path, reading=reading)
    else:
        from .startcheck import StartCheck

        check = StartCheck(existed=path.exists())
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc), latest_backup(path.parent / BACKUP_DIRNAME)) from exc
    store = Store(path=path, conn=conn, actor=actor)
    if migrate:
        pending = pending_migrations(conn)
        if pending:
            if check.existed and _has_user_tables(conn):
                backup_database(conn, path.parent / BACKUP_DIRNAME, "pre-migrate")
            apply_migrations(store.db)
        if check.full_check:
            record_full_check(conn, now_iso())
    from .unit import current_unit_code

    store.unit_code = current_unit_code(store) or ""
    return store


def _has_user_tables(conn: sqlite3.Connection) -> bool:
    n = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    return n > 0


# --- backups -------------------------------------------------------------------------------

def backup_database(conn: sqlite3.Connection, dest_dir: Path, reason: str) -> Path:
    """A consistent copy made with SQLite's online backup API (safe while in use)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / f"isodesk-{_stamp()}-{reason}.sqlite"
    tmp = target.with_suffix(".partial")
    dst = sqlite3.connect(str(tmp))
    try:
        conn.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
    atomic.replace(tmp, target)
    return target


def backup_if_due(store: "Store", reason: str = "cli", *, every: _dt.timedelta = CLI_BACKUP_EVERY,
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
    from .anchors import checkpoint

    checkpoint(store, reason)
    return made


def list_backups(dest_dir: Path, reason: str | None = None) -> list[Path]:
    if not dest_dir.is_dir():
        return []
    pattern = f"isodesk-*-{reason}.sqlite" if reason else "isodesk-*.sqlite"
    return sorted(dest_dir.glob(pattern), key=lambda p: p.name)


def latest_backup(dest_dir: Path) -> Path | None:
    for candidate in reversed(list_backups(dest_dir)):
        if quick_check(candidate) is None:
            return candidate
    return None


def prune_backups(dest_dir: Path, reason: str, keep: int) -> None:
    backups = list_backups(dest_dir, reason)
    for old in backups[: max(0, len(backups) - keep)]:
        with contextlib.suppress(OSError):
            old.unlink()


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Put `backup` in place of the (damaged or missing) database; the damaged file is kept
    aside, never deleted. The restore is written to the restored file's audit log, with the
    anchors of the chain it gives up (`anchors.after_restore`).

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
    from .anchors import after_restore

    after_restore(db_path, backup, aside if moved else None)
    return aside if moved else None


def keep_wal_aside(db_path: Path) -> Path:
    """A damaged write-ahead log: keep a copy of the file and its log aside (for whoever wants to
    look at them), then cut the log after its last good commit, so that SQLite opens what can
    be read. Returns the copy of the database file (its log beside it, with "-wal")."""
    from .walcheck import check_wal

    wal = db_path.with_name(db_path.name + "-wal")
    aside = db_path.with_name(f"{db_path.stem}-damaged-{_stamp()}{db_path.suffix}")
    shutil.copyfile(db_path, aside)
    shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
    report = check_wal(wal)
    with open(wal, "r+b") as fh:
        fh.truncate(report.valid_bytes)
        fh.flush()
        os.fsync(fh.fileno())
    with contextlib.suppress(OSError):
        db_path.with_name(db_path.name + "-shm").unlink()
    return aside
