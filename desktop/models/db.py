"""The SQLite store: the connection and its pragmas, transactions, the integrity check, backup
copies.

One file per installation (`isodesk.sqlite` in the data folder). WAL journal,
`synchronous=FULL` so that a committed answer survives a power cut, foreign keys on,
a busy timeout for the rare second process (a CLI beside the GUI).

This module is the bottom of `desktop/models`: it imports none of the modules built on `Store`.
Opening a data file (checks, migrations, its unit), the command line's backups and restoring
a backup use the audit log and its anchors, so they live above, in `datafile.py`.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from . import atomic

if TYPE_CHECKING:
    import sqlite_utils

DB_FILENAME = "isodesk.sqlite"
BACKUP_DIRNAME = "backups"
CHECKPOINT_FILENAME = "audit-checkpoints.jsonl"  # signed heads of the audit chain (anchors.py)
KEEP_EXIT_BACKUPS = 10
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
    # What a clean close does after its backup: a checkpoint of the audit chain
    # (`anchors.checkpoint`, given by `datafile.open_store`), called as f(store, "exit").
    checkpoint: Callable[[Store, str], object] | None = field(default=None, repr=False)
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
                if self.checkpoint is not None:
                    self.checkpoint(self, "exit")
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
