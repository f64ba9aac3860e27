"""Applying the rows of one table of a package: upsert by UUID and row version.

- a new UUID is inserted (a tombstone too, so that an older copy can never bring it back);
- a higher version replaces the copy (a tombstone marks it deleted);
- the same or a lower version is *ignored* (replays and late packages change nothing);
- a record that breaks a rule is *quarantined* with its reason, the rest goes in: a row from
  another unit, a malformed row, the same UUID and version with other content, an update after a
  delete, a file that did not come, or a constraint of the table (NOT NULL, CHECK, UNIQUE, a
  foreign key to a missing or quarantined record).

Writes are batched (one executemany per table, in the order of the package); a row SQLite
refuses is quarantined and the batch goes on after it.
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable

from desktop.models.db import Store
from desktop.models.ownership import foreign_rows
from desktop.models.records import ID_PATTERN, META_COLUMNS

from .errors import safe_text
from .labels import table_label

_UUID_RE = re.compile(ID_PATTERN)  # used with fullmatch
_UUIDS_RE = re.compile(rf"(?:{ID_PATTERN}\n)*{ID_PATTERN}")  # ids joined by newlines
LOOKUP_BATCH = 5000
# Below this, SQLite gives each new row the largest rowid + 1 (above: random ones).
_ROWID_LIMIT = 2 ** 62


@dataclass
class TableResult:
    table: str
    received: int = 0
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    quarantined: list[dict] = field(default_factory=list)
    applied_ids: list[str] = field(default_factory=list)

    @property
    def accounted(self) -> int:
        return (self.imported + self.updated + self.ignored + self.deleted +
                len(self.quarantined))

    def as_dict(self) -> dict:
        return {"received": self.received, "imported": self.imported, "updated": self.updated,
                "ignored": self.ignored, "deleted": self.deleted,
                "quarantined": len(self.quarantined)}


def needs_nfc(raw: bytes) -> bool:
    """True when some text of a JSON member may not be NFC (checked once for the whole member)."""
    if b"\\" in raw and b"\\u" in raw:  # (a backslash is found much faster)
        return True
    if raw.isascii():  # plain ASCII is NFC (the usual case of the largest tables)
        return False
    try:
        return not unicodedata.is_normalized("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError:
        return True


def _nfc_row(row: list) -> list:
    return [unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in row]


def _reason_for(exc: Exception, table: str) -> str:
    text = str(exc)
    if isinstance(exc, OverflowError):
        return "có số quá lớn (vượt giới hạn số nguyên)"
    if isinstance(exc, UnicodeEncodeError):
        return "có ký tự không hợp lệ (nửa cặp ký tự UTF-16 đứng một mình, như \\ud800)"
    if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
        return "có giá trị không phải chữ hoặc số"  # a list or an object where a value goes
    if "FOREIGN KEY" in text:
        return ("trỏ tới một bản ghi không có (chưa gửi, đã bị cách ly hoặc bị xóa) — "
                f"vi phạm ràng buộc với dữ liệu “{table_label(table)}”")
    if "UNIQUE" in text:
        return f"trùng với một bản ghi khác ({text})"
    if "NOT NULL" in text:
        return f"thiếu giá trị bắt buộc ({text})"
    if "CHECK" in text:
        return f"có giá trị không hợp lệ ({text})"
    return f"không ghi được vào dữ liệu “{table_label(table)}” ({text})"


NESTED = "<giá trị lồng nhau, không lưu>"


def _kept(value):
    """A value of a quarantined row as it is kept: text made storable, a list or an object (no
    column holds one) replaced by a mark."""
    if isinstance(value, str):
        return safe_text(value, 100_000)
    if isinstance(value, (list, dict)):
        return NESTED
    return value


@dataclass
class CheckedRows:
    """The rows of one table after the checks that need no database: well-formed rows of the
    sender by id (`good`), the others already quarantined in `result`."""
    result: TableResult
    columns: list[str]
    good: dict[str, list]

    def refuse(self, row, rid, reason: str) -> None:
        """Quarantine a row; what is kept of it can be stored and shown whatever it holds (a
        nested value is replaced by a mark, a lone surrogate by its escape)."""
        columns = self.columns
        data = {c: _kept(v) for c, v in zip(columns, row)} \
            if isinstance(row, list) and len(row) == len(columns) else {"raw": _kept(row)}
        self.result.quarantined.append({"table": self.result.table,
                                        "id": safe_text(rid if isinstance(rid, str) else
                                                        _kept(rid), 200),
                                        "reason": safe_text(reason), "data": data})


def apply_rows(store: Store, table: str, columns: list[str], rows: list, *, sender: str,
               nfc: bool, have_blob: Callable[[str], bool], blob_columns: tuple[str, ...],
               not_accepted: str | None = None, track_applied: bool = True) -> TableResult:
    """Check and apply the rows of one table (`check_rows`, then `write_rows`)."""
    checked = check_rows(table, columns, rows, sender=sender, nfc=nfc, have_blob=have_blob,
                         blob_columns=blob_columns, not_accepted=not_accepted)
    return write_rows(store, checked, sender=sender, track_applied=track_applied)


def check_rows(table: str, columns: list[str], rows: list, *, sender: str, nfc: bool,
               have_blob: Callable[[str], bool], blob_columns: tuple[str, ...],
               not_accepted: str | None = None) -> CheckedRows:
    """Shape, UUID, version, tombstone flag, owner, duplicates and files of each row (no
    database needed, so this runs before the package's transaction begins)."""
    checked = CheckedRows(TableResult(table, received=len(rows)), columns, {})
    refuse = checked.refuse
    ncols = len(columns)
    i_id, i_ver = columns.index("id"), columns.index("version")
    i_del, i_org = columns.index("deleted"), columns.index("origin_unit")
    if not_accepted:
        for row in rows:
            rid = row[i_id] if isinstance(row, list) and len(row) == ncols else "?"
            refuse(row, rid, not_accepted)
        return checked
    blob_idx = [columns.index(c) for c in blob_columns if c in columns]
    if not blob_idx and _all_well_formed(rows, ncols, i_id, i_ver, i_del, i_org, sender):
        checked.good = dict(zip(map(itemgetter(i_id), rows),
                                map(_nfc_row, rows) if nfc else rows))
    else:
        _check_each(checked, rows, blob_idx, sender=sender, nfc=nfc, have_blob=have_blob)
    return checked


def _check_each(checked: CheckedRows, rows: list, blob_idx: list[int], *, sender: str,
                nfc: bool, have_blob: Callable[[str], bool]) -> None:
    """The checks of `check_rows` row by row, each refused row with its reason."""
    columns, good, refuse = checked.columns, checked.good, checked.refuse
    ncols = len(columns)
    i_id, i_ver = columns.index("id"), columns.index("version")
    i_del, i_org = columns.index("deleted"), columns.index("origin_unit")
    uuid_match = _UUID_RE.fullmatch
    for row in rows:
        if type(row) is not list or len(row) != ncols:
            refuse(row, "?", "dòng không đúng số cột")
            continue
        rid = row[i_id]
        if type(rid) is not str or uuid_match(rid) is None:
            refuse(row, rid, "mã bản ghi (UUID) không hợp lệ")
            continue
        ver, dele = row[i_ver], row[i_del]
        if type(ver) is not int or ver < 1 or type(dele) is not int or (dele != 0 and dele != 1):
            refuse(row, rid, "số phiên bản hoặc dấu xóa không hợp lệ")
            continue
        if row[i_org] != sender:
            refuse(row, rid, f"bản ghi của đơn vị {_kept(row[i_org])!r}, không phải của đơn vị "
                             f"gửi {sender}")
            continue
        if rid in good:
            refuse(row, rid, "xuất hiện hai lần trong cùng một gói")
            continue
        if blob_idx:
            missing = [row[i] for i in blob_idx if row[i] and not have_blob(row[i])]
            if missing:
                refuse(row, rid, f"tệp đính kèm {str(missing[0])[:12]}… không có trong gói và "
                                 "chưa có ở tỉnh")
                continue
        good[rid] = _nfc_row(row) if nfc else row


def _all_well_formed(rows: list, ncols: int, i_id: int, i_ver: int, i_del: int, i_org: int,
                     sender: str) -> bool:
    """The checks of `check_rows` for a whole table at once (the usual case: every row is
    fine); False sends the table through the row-by-row checks, which give the reasons."""
    try:
        if not set(map(type, rows)) <= {list} or not set(map(len, rows)) <= {ncols}:
            return False
        ids = list(map(itemgetter(i_id), rows))
        versions = list(map(itemgetter(i_ver), rows))
        flags = list(map(itemgetter(i_del), rows))
        joined = "\n".join(ids) if set(map(type, ids)) <= {str} else None
        # n UUIDs joined by newlines are 37n - 1 characters long: an id holding a newline
        # ("uuid\nuuid") makes the text match the pattern but not this length
        return (joined is not None and
                (not ids or (len(joined) == 37 * len(ids) - 1 and
                             _UUIDS_RE.fullmatch(joined) is not None)) and
                len(set(ids)) == len(ids) and
                set(map(type, versions)) <= {int} and min(versions, default=1) >= 1 and
                set(map(type, flags)) <= {int} and set(flags) <= {0, 1} and
                set(map(itemgetter(i_org), rows)) <= {sender})
    except TypeError:  # an unhashable value where a plain one belongs
        return False


def refuse_foreign(store: Store, checked: CheckedRows, *, sender: str, province: str | None,
                   in_package: Callable[[str, str], set]) -> None:
    """Quarantine the rows the sender may not write although they carry its code: rows that
    hang under another unit's records (`desktop.models.ownership`, the one rule)."""
    refused = foreign_rows(store, checked.result.table, checked.columns, checked.good,
                           unit=sender, province=province, in_package=in_package,
                           label=table_label)
    for rid, reason in refused.items():
        checked.refuse(checked.good.pop(rid), rid, reason)


def write_rows(store: Store, checked: CheckedRows, *, sender: str,
               track_applied: bool = True) -> TableResult:
    """Write the checked rows: new ones go in, the others are compared with the copies here.
    `track_applied`: list the ids written in `applied_ids` (needed only to close earlier
    quarantine entries of these records)."""
    result, columns, good, refuse = checked.result, checked.columns, checked.good, checked.refuse
    table = result.table
    i_id, i_ver, i_del = columns.index("id"), columns.index("version"), columns.index("deleted")
    # In the sender's order (the order the rows were made in): rows made together, such as
    # the answers of one attempt, sit together in the secondary indexes, and writing them
    # together touches fewer pages than the order of the (random) UUIDs, which only the
    # primary key would like.
    ids = list(good)
    existing = _insert_new(store, checked, ids, track_applied)
    if not existing:
        return result
    to_write: list[list] = []
    kinds: list[str] = []
    same_version: list[str] = []
    for rid in ids:
        old = existing.get(rid)
        if old is None:
            continue
        row = good[rid]
        old_ver, old_del, old_org = old
        if old_org != sender:
            refuse(row, rid, f"mã bản ghi đã dùng cho một bản ghi của đơn vị {old_org}")
        elif row[i_ver] < old_ver:
            result.ignored += 1
        elif row[i_ver] == old_ver:
            same_version.append(rid)
        elif old_del and not row[i_del]:
            refuse(row, rid, "bản ghi đã bị xóa trước đó; không nhận bản sửa sau khi xóa")
        else:
            to_write.append(row)
            kinds.append("deleted" if row[i_del] and not old_del else "updated")

    if same_version:
        col_list = ", ".join(columns)
        for start in range(0, len(same_version), LOOKUP_BATCH):
            part = json.dumps(same_version[start:start + LOOKUP_BATCH])
            for have in store.conn.execute(
                    f"SELECT {col_list} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                    (part,)):
                rid = have[i_id]
                if list(have) == good[rid]:
                    result.ignored += 1
                else:
                    refuse(good[rid], rid, "cùng mã và cùng phiên bản nhưng nội dung khác bản đã "
                                           "nhận (xung đột)")

    if to_write:
        _write(store, table, columns, to_write, kinds, result, refuse, track_applied)
    return result


def _insert_new(store: Store, checked: CheckedRows, ids: list[str],
                track_applied: bool) -> dict[str, tuple]:
    """Insert the rows whose id is not here yet; return version, tombstone and owner of the
    ids that were already here (those rows are left untouched, for the caller to decide).

    In a rowid table every row inserted now gets a rowid above the largest one before, so
    which rows were new follows from the rowids without a look-up of every id first (most
    rows of a package are new: then their count alone says so). A row SQLite refuses is
    quarantined when its id is new; when the id is already here, the row goes to the caller's
    comparison like the others (a lower version is ignored without being written, as always).
    """
    result, columns, good = checked.result, checked.columns, checked.good
    table = result.table
    conn = store.conn
    i_id, i_del = columns.index("id"), columns.index("deleted")
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.OperationalError:  # a table WITHOUT ROWID
        top = None
    if top is None or top > _ROWID_LIMIT:  # look every id up first
        existing = _existing(store, table, ids)
        new = [rid for rid in ids if rid not in existing]
        if new:
            rows = [good[rid] for rid in new]
            kinds = ["deleted" if row[i_del] else "imported" for row in rows]
            _write(store, table, columns, rows, kinds, result, checked.refuse, track_applied)
        return existing
    rows = list(map(good.__getitem__, ids))
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           "ON CONFLICT(id) DO NOTHING")
    refused = _executemany(conn, sql, rows)
    # (not the connection's change counter: it also counts what triggers write elsewhere)
    added = conn.execute(f"SELECT count(*) FROM {table} WHERE rowid > ?", (top,)).fetchone()[0]
    if added == len(rows) - len(refused):  # all new (the usual case)
        written = [rows[k] for k in range(len(rows)) if k not in refused] if refused else rows
        existing = _existing(store, table, [rows[k][i_id] for k in refused]) if refused else {}
    else:
        new = {rid for (rid,) in conn.execute(f"SELECT id FROM {table} WHERE rowid > ?",
                                              (top,))}
        written = [good[rid] for rid in ids if rid in new]
        existing = _existing(store, table, [rid for rid in ids if rid not in new])
    for k, exc in refused.items():
        rid = rows[k][i_id]
        if rid not in existing:
            checked.refuse(rows[k], rid, _reason_for(exc, table))
    deleted = sum(map(itemgetter(i_del), written))   # 0 or 1 each (checked)
    result.imported += len(written) - deleted
    result.deleted += deleted
    if track_applied:
        result.applied_ids.extend([row[i_id] for row in written])
    return existing


def _existing(store: Store, table: str, ids: list[str]) -> dict[str, tuple]:
    """Version, tombstone and owner of the ids already here."""
    existing: dict[str, tuple] = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        part = json.dumps(ids[start:start + LOOKUP_BATCH])
        for rid, ver, dele, org in store.conn.execute(
                f"SELECT id, version, deleted, origin_unit FROM {table} "
                "WHERE id IN (SELECT value FROM json_each(?))", (part,)):
            existing[rid] = (ver, dele, org)
    return existing


# Errors that belong to one record (its values or the table's rules); anything else (a full
# disk, an I/O error) fails the whole package.
_ROW_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.ProgrammingError,
               sqlite3.InterfaceError, OverflowError, UnicodeEncodeError)


def _executemany(conn: sqlite3.Connection, sql: str, rows: list[list]) -> dict[int, Exception]:
    """Run `sql` for every row; the rows SQLite refuses, by position, with the error.

    No savepoint around the batch: each statement is atomic by itself, so when SQLite refuses
    row k the rows before it are written and row k left nothing behind; the batch then goes on
    from row k + 1 with the same iterator. (A savepoint would copy every page the batch touches
    into a sub-journal.)
    """
    refused: dict[int, Exception] = {}
    feed = iter(rows)
    while True:
        left = feed.__length_hint__()
        try:
            conn.executemany(sql, feed)
        except _ROW_ERRORS as exc:
            if not conn.in_transaction or feed.__length_hint__() == left:
                raise  # the transaction is gone, or the statement itself is at fault
            refused[len(rows) - feed.__length_hint__() - 1] = exc   # the row given last
        else:
            return refused


def _write(store: Store, table: str, columns: list[str], rows: list[list], kinds: list[str],
           result: TableResult, refuse, track_applied: bool = True) -> None:
    """Upsert `rows` (a higher version replaces the copy here); a row SQLite refuses is
    quarantined, the rest go in."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT(id) DO UPDATE SET {updates} WHERE excluded.version > {table}.version")
    i_id = columns.index("id")
    refused = _executemany(store.conn, sql, rows)
    for k, exc in refused.items():
        refuse(rows[k], rows[k][i_id], _reason_for(exc, table))
    if refused:
        kept = [k for k in range(len(rows)) if k not in refused]
        kinds = [kinds[k] for k in kept]
        rows = [rows[k] for k in kept]
    if track_applied:
        result.applied_ids.extend([r[i_id] for r in rows])
    for kind, n in Counter(kinds).items():
        setattr(result, kind, getattr(result, kind) + n)


def check_columns(columns: list[str], local: list[str]) -> list[str]:
    """Columns of the package that this installation does not have (empty = fine)."""
    missing_meta = [c for c in META_COLUMNS if c not in columns]
    if missing_meta:
        return missing_meta
    return [c for c in columns if c not in local]
