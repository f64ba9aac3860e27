"""What is checked before the data file is opened, so that a missing, emptied or damaged file is
never taken for a good one (nor for a new installation).

Each start (cheap, whatever the size of the file):
- a missing file while the folder shows there was data (backups, audit checkpoints): refused as
  missing data, with the latest backup offered; never a fresh, empty installation;
- a 0-byte file: refused the same way (SQLite would take it for an empty database and write a new
  schema into it);
- the header of the first page and the file size against the page size (`walcheck`);
- the write-ahead log, frame by frame with SQLite's checksums (`walcheck.check_wal`): committed
  transactions that SQLite would silently drop are reported instead.

`PRAGMA quick_check` reads every page, so it costs time in proportion to the file: it runs when
the file is small (up to `FULL_CHECK_MAX_BYTES`), after an unclean exit (a write-ahead log left
behind: a crash, a power cut, or another ISO Desk process still open), and otherwise once every
`FULL_CHECK_DAYS` days; the time of the last full check is kept in the file (`local_state`).
A reading command (`reading=True`: `quiz stats`, `staff list`…) skips the small-file rule: it
writes nothing a damaged page could spoil, so a clean file is opened after the header and log
checks alone. What that gives up: damage in a page it does not read is found at the next start
that writes, or by `db check`, not by it; a damaged page it does read stops it with SQLite's
"malformed" error, which the command line reports as a damaged file with the backup to restore.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .db import (
    BACKUP_DIRNAME, CHECKPOINT_FILENAME, DB_FILENAME, latest_backup, list_backups, quick_check,
)
from .errors import DatabaseDamaged, DataMissing, WalDamaged
from .walcheck import check_wal, header_problem

FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024
FULL_CHECK_DAYS = 7
CHECKED_KEY = "integrity_checked_at"


@dataclass
class StartCheck:
    existed: bool            # a database was there (not a new installation)
    full_check: bool = False  # quick_check ran and found the file sound
    unclean_exit: bool = False


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def had_data(folder: Path) -> bool:
    """Whether this folder shows that a database lived here: backups or audit checkpoints."""
    return bool(list_backups(folder / BACKUP_DIRNAME)) or (folder / CHECKPOINT_FILENAME).is_file()


def missing_data(path: Path) -> DataMissing | None:
    """The refusal for a missing or empty data file in a folder that held data, else None."""
    backups = path.parent / BACKUP_DIRNAME
    if not path.exists():
        # the folder's data file only: the backups and checkpoints beside it are of that file
        if path.name != DB_FILENAME or not had_data(path.parent):
            return None
        return DataMissing(path, f"tệp dữ liệu {path.name} không còn trong thư mục {path.parent} "
                                 "(thư mục có bản sao lưu của dữ liệu cũ)", latest_backup(backups))
    try:
        empty = path.stat().st_size == 0
    except OSError:
        return None
    if empty:
        return DataMissing(path, f"tệp dữ liệu {path.name} rỗng (0 byte): dữ liệu không còn trong "
                                 "tệp", latest_backup(backups))
    return None


def startup_check(path: Path, *, reading: bool = False) -> StartCheck:
    """Raise DataMissing, DatabaseDamaged or WalDamaged, or say what was checked (`reading`: for a
    command that only reads, no full check only because the file is small)."""
    missing = missing_data(path)
    if missing is not None:
        raise missing
    if not path.exists():
        return StartCheck(existed=False)
    backups = path.parent / BACKUP_DIRNAME
    problem = header_problem(path)
    if problem is not None:
        raise DatabaseDamaged(path, problem, latest_backup(backups))
    wal = wal_path(path)
    unclean = wal.is_file() and wal.stat().st_size > 0
    if unclean:
        report = check_wal(wal, _page_size(path))
        if not report.ok:
            raise WalDamaged(path, report.problem, latest_backup(backups))
    small = not reading and path.stat().st_size <= FULL_CHECK_MAX_BYTES
    if unclean or small or full_check_due(path):
        problem = quick_check(path)
        if problem is not None:
            raise DatabaseDamaged(path, problem, latest_backup(backups))
        return StartCheck(existed=True, full_check=True, unclean_exit=unclean)
    return StartCheck(existed=True, unclean_exit=unclean)


def _page_size(path: Path) -> int | None:
    with open(path, "rb") as fh:
        head = fh.read(18)
    size = int.from_bytes(head[16:18], "big") if len(head) == 18 else 0
    return 65536 if size == 1 else (size or None)


def full_check_due(path: Path, today: _dt.datetime | None = None) -> bool:
    """True when the last full check recorded in the file is older than FULL_CHECK_DAYS."""
    from .db import read_only_uri

    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM local_state WHERE key = ?",
                               (CHECKED_KEY,)).fetchone()
        finally:
            conn.close()
        last = _dt.datetime.fromisoformat(row[0])
    except (sqlite3.Error, TypeError, ValueError):
        return True
    now = today or _dt.datetime.now().astimezone()
    return now - last > _dt.timedelta(days=FULL_CHECK_DAYS)


def record_full_check(conn: sqlite3.Connection, at: str) -> None:
    conn.execute("INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                 "SET value = excluded.value", (CHECKED_KEY, at))
