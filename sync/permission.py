"""Step 2 of an import: what this package may write.

The sender is known (step 1, `sync.sender`) and the package's contents are checked against its
signed manifest (`sync.contents`). Each table of the package is read and its rows are sorted into
those the sender may write and those it may not, which are quarantined with their reason
(docs/sync-format.md, "The import in three steps"):

- the direction of the table: a province takes what goes up, a district what comes down;
- the row itself: its shape, UUID, version and tombstone flag, that it is not twice in the
  package, that the files it names came with it or are here already;
- its owner: a row must carry the sender's code, and every row it hangs under must be the
  sender's too (the ownership rule, `desktop.models.ownership`). That last part looks at the
  records already here, so step 3 (`sync.write`) asks it table by table inside its transaction
  (`Permitted.refuse_foreign`), where the rows of the package's earlier tables are written.

Everything here but that part needs no database and runs before the transaction begins.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable

from desktop.models import synced_tables
from desktop.models.blobs import has_blob
from desktop.models.db import Store
from desktop.models.ownership import foreign_rows
from desktop.models.records import ID_PATTERN

from .contents import Contents
from .errors import DamagedPackage, safe_text
from .labels import table_label
from .peers import Peer, my_profile

_UUID_RE = re.compile(ID_PATTERN)  # used with fullmatch
_UUIDS_RE = re.compile(rf"(?:{ID_PATTERN}\n)*{ID_PATTERN}")  # ids joined by newlines


def check_package(store: Store, contents: Contents, peer: Peer) -> "Permitted":
    """Read every table of the package and check its rows (no database needed but to ask whether
    a file is here already): the rows the sender may not write are quarantined with their
    reason, table by table in the order they are applied."""
    m = contents.manifest
    package_files = set(m.get("blobs", []))

    def have(digest: str) -> bool:
        return digest in package_files or (isinstance(digest, str) and len(digest) == 64
                                           and file_here(store, digest))

    level = my_profile(store).level
    checked: list[tuple[CheckedRows, int]] = []
    reader = contents.reader
    for table, meta in contents.plan:
        raw = reader.read(meta["member"])
        columns, rows = reader.read_rows(meta["member"], raw)
        if columns != meta["columns"] or len(rows) != meta["count"]:
            raise DamagedPackage(f"Dữ liệu “{table_label(table)}” trong gói "
                                 f"{reader.source} không khớp bản kê (số dòng hoặc cột).")
        checked.append((check_rows(table, columns, rows, sender=peer.code,
                                   nfc=needs_nfc(raw), have_blob=have,
                                   blob_columns=synced_tables.BLOB_COLUMNS.get(table, ()),
                                   not_accepted=direction_refusal(store, table, level)),
                        meta["count"]))
        del raw, rows
    return Permitted(checked, sender=peer.code,
                     province=store.unit_code if level == "province" else peer.code)


class Permitted:
    """Step 2's answer for one package: per table, in the order they are applied, the rows the
    sender may write (`CheckedRows.good`) with the count the manifest gives; the rows it may
    not are already quarantined in `CheckedRows.result`."""

    def __init__(self, tables: list[tuple["CheckedRows", int]], *, sender: str, province: str):
        self.tables = tables
        self.sender = sender
        self.province = province  # whose shared rows (question bank, templates) may be named
        self._in_package = _PackageValues(tables)

    def refuse_foreign(self, store: Store, rows: "CheckedRows") -> None:
        """Quarantine the rows of one table that the sender may not write although they carry
        its code: rows that hang under another unit's records (`desktop.models.ownership`, the
        one rule). Called inside the write's transaction, after the earlier tables went in."""
        refused = foreign_rows(store, rows.result.table, rows.columns, rows.good,
                               unit=self.sender, province=self.province,
                               in_package=self._in_package, label=table_label)
        for rid, reason in refused.items():
            rows.refuse(rows.good.pop(rid), rid, reason)


class _PackageValues:
    """The values a package's rows of a table hold in a column (its ids, its user ids…), for
    references to rows of the same package that are not in the database yet."""

    def __init__(self, checked: list[tuple["CheckedRows", int]]):
        self._tables = {rows.result.table: rows for rows, _ in checked}
        self._cache: dict[tuple[str, str], set] = {}

    def __call__(self, table: str, column: str) -> set:
        key = (table, column)
        if key not in self._cache:
            rows = self._tables.get(table)
            if rows is None or column not in rows.columns:
                self._cache[key] = set()
            else:
                i = rows.columns.index(column)
                self._cache[key] = {r[i] for r in rows.good.values()
                                    if type(r[i]) not in (list, dict)}
        return self._cache[key]


def direction_refusal(store: Store, table: str, level: str | None = None) -> str | None:
    """Why this unit does not take rows of `table` (its level: a province takes what goes up,
    a district what comes down), or None."""
    level = level or my_profile(store).level
    allowed = ("up", "both") if level == "province" else ("down", "both")
    if synced_tables.DIRECTIONS.get(table, "up") not in allowed:
        return (f"dữ liệu “{table_label(table)}” chỉ gửi theo chiều "
                f"{'tỉnh → huyện' if level == 'province' else 'huyện → tỉnh'}; không nhận từ "
                "đơn vị này")
    return None


def file_here(store: Store, digest: str) -> bool:
    """Is the file (SHA-256) in this unit's files already?"""
    try:
        return has_blob(store, digest)
    except Exception:
        return False


# --- the rows of one table ---------------------------------------------------------------------

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


