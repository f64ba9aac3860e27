"""Step 3 of an import: write it, all or nothing.

What the package may write is decided (step 2, `sync.permission`); here it goes in, in one
transaction (`store.atomic()`) together with the record of the package, or not at all
(docs/sync-format.md, "The import in three steps"):

- the files the rows that may go in name are written first into a staging folder (on worker
  threads while the rows go in), and moved into `files/` just before the commit; a package that
  does not commit leaves none behind;
- per table, in the order of the package: the part of the ownership rule that looks at the
  records here (`Permitted.refuse_foreign`), then the rows by UUID and row version —
  - a new UUID is inserted (a tombstone too, so that an older copy can never bring it back);
  - a higher version replaces the copy (a tombstone marks it deleted);
  - the same or a lower version is *ignored* (replays and late packages change nothing);
  - a record SQLite or the copy here refuses is *quarantined* with its reason, the rest goes in:
    the same UUID and version with other content, an update after a delete, a UUID of another
    unit's record, a constraint of the table (NOT NULL, CHECK, UNIQUE, a foreign key to a missing
    or quarantined record);
- received = added + updated + ignored + deleted + quarantined per table, or the package is
  refused; then the package, its quarantined records and the sender's applied number are
  recorded, with an audit entry.

Writes are batched (one executemany per table, in the order of the package); a row SQLite
refuses is quarantined and the batch goes on after it.
"""
from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from operator import itemgetter
from typing import Callable

from desktop.models import (
    audit, sync_packages, sync_peers, sync_quarantine, synced_rows, synced_tables,
)
from desktop.models.bulk_writes import bulk_writes
from desktop.models.db import Store, now_iso

from .anchor import received as received_anchor
from .blobwriter import BlobWriter
from .contents import Contents
from .envelope import Envelope
from .errors import DamagedPackage
from .exporter import sync_dir
from .labels import table_label
from .peers import Peer
from .permission import CheckedRows, Permitted, TableResult, file_here
from .staging import Staging
from .summary import ImportSummary

# Below this, SQLite gives each new row the largest rowid + 1 (above: random ones).
_ROWID_LIMIT = 2 ** 62


class _DryRunDone(Exception):
    pass


def write_package(store: Store, env: Envelope, contents: Contents, permitted: Permitted,
                  peer: Peer, summary: ImportSummary, *, dry_run: bool, gaps: list[dict],
                  before_transaction: Callable[[], None] | None = None) -> None:
    """Write the permitted rows and their files, and record the package, in one transaction
    (`before_transaction` is called just before it begins); a dry run is rolled back."""
    m = contents.manifest
    package_files = set(m.get("blobs", []))
    checked = permitted.tables
    try:
        with contextlib.ExitStack() as stack:
            # Only the files that rows refer to are written, first into a staging folder.
            named = _files_named(checked)
            wanted = [d for d in dict.fromkeys(m.get("blobs", [])) if d in named]
            if len(package_files) > len(wanted):
                summary.messages.append(
                    f"{len(package_files) - len(wanted)} tệp trong gói không được bản ghi nào "
                    "dùng nên không được lưu.")
            files = staging = None
            if not dry_run and wanted:
                staging = Staging(store, sync_dir(store, "tmp"), env.header["package_id"])
                stack.callback(staging.close)
                # the files are written on worker threads while the rows go in
                files = BlobWriter(store, staging.write)
                stack.callback(files.close)
                for digest in wanted:
                    if not file_here(store, digest):
                        files.put(digest, contents.reader.read(f"blobs/{digest}"))
            if before_transaction is not None and not dry_run:
                before_transaction()
            try:
                with store.atomic(), bulk_writes(store):
                    results: list[TableResult] = []
                    for rows, count in checked:
                        if files is not None and files.failed():
                            break  # finish() below raises the error
                        table = rows.result.table
                        permitted.refuse_foreign(store, rows)
                        res = write_rows(store, rows, sender=peer.code,
                                         track_applied=_open_quarantine(store, peer.code, table))
                        if res.accounted != count:
                            raise DamagedPackage(f"Đối chiếu “{table_label(table)}” không khớp: "
                                                 f"bản kê ghi {count}, đã xử lý {res.accounted}.")
                        results.append(res)
                    if files is not None:  # safely on disk before the rows naming them commit
                        kept = _files_named(checked, written=True)
                        staging.install([(d, n) for d, n in files.finish() if d in kept])
                    _summarise(summary, results, gaps)
                    record_package(store, env, m, peer, summary, results, gaps)
                    if dry_run:
                        raise _DryRunDone
            except BaseException:
                if staging is not None:
                    staging.undo()  # nothing of a package that did not commit stays in files/
                raise
    except _DryRunDone:
        pass  # rolled back; the summary says it was a preview (ImportSummary.message)


def _files_named(checked: list[tuple[CheckedRows, int]], *, written: bool = False) -> set:
    """The files (SHA-256) that the package's good rows name in their file columns; `written`:
    only rows that were not quarantined while being written."""
    out: set = set()
    for rows, _ in checked:
        idx = [rows.columns.index(c) for c in synced_tables.BLOB_COLUMNS.get(rows.result.table, ())
               if c in rows.columns]
        if not idx:
            continue
        gone = {q["id"] for q in rows.result.quarantined} if written else set()
        for rid, row in rows.good.items():
            if rid not in gone:
                out.update(row[i] for i in idx if isinstance(row[i], str))
    return out


def _summarise(summary: ImportSummary, results: list[TableResult], gaps: list[dict]) -> None:
    for res in results:
        summary.imported += res.imported
        summary.updated += res.updated
        summary.ignored += res.ignored
        summary.deleted += res.deleted
        summary.quarantined.extend(res.quarantined)
        summary.tables[res.table] = res.as_dict()
    if summary.quarantined:
        summary.messages.append(f"{len(summary.quarantined)} bản ghi bị cách ly (xem lý do); "
                                "các bản ghi còn lại đã được nhập.")
    if gaps:
        summary.messages.append("Đã chấp nhận khoảng trống: thiếu gói số " +
                                ", ".join(f"{g['from']}–{g['to']}" for g in gaps) + ".")


def _open_quarantine(store: Store, sender: str, table: str) -> bool:
    """Are records of this sender and table waiting in quarantine (to be closed when a good
    copy of them comes)?"""
    return sync_quarantine.any_open(store, sender, table)


def record_package(store: Store, env: Envelope, m: dict, peer: Peer, summary: ImportSummary,
            results: list[TableResult], gaps: list[dict]) -> None:
    h = env.header
    now = now_iso()
    summary.messages += received_anchor(store, peer.code, m, h["package_id"], h["seq"])
    sync_quarantine.add(store, h["package_id"], peer.code, h["seq"], summary.quarantined, now)
    for res in results:
        if res.applied_ids:
            sync_quarantine.resolve(store, peer.code, res.table, res.applied_ids,
                                    except_package=h["package_id"], at=now)
    stored = {**summary.as_json(), "quarantined": [
        {"table": q["table"], "id": q["id"], "reason": q["reason"]} for q in summary.quarantined]}
    sync_packages.record_applied(
        store, peer.code, h, file_name=env.path.name, file_sha256=env.file_sha256,
        size=env.file_size, full=bool(m.get("full")), summary=stored, at=now,
        counts={t: meta.get("count") for t, meta in m["tables"].items()})
    through = peer.applied_through
    if h["from_seq"] <= through + 1 or gaps:
        through = max(through, h["seq"])
    sync_peers.note_applied(store, peer.code, through, now)
    if not summary.replay:
        audit.append(store, "sync_import", table="sync_packages", record_id=h["package_id"],
                     new={"sender": peer.code, "seq": h["seq"], "imported": summary.imported,
                          "updated": summary.updated, "ignored": summary.ignored,
                          "deleted": summary.deleted,
                          "quarantined": len(summary.quarantined), "gaps_accepted": gaps})


# --- the rows of one table -----------------------------------------------------------------

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

    for have in synced_rows.stored(store, table, columns, same_version):
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
    i_id, i_del = columns.index("id"), columns.index("deleted")
    top = synced_rows.top_rowid(store, table)   # None: a table WITHOUT ROWID
    if top is None or top > _ROWID_LIMIT:  # look every id up first
        existing = synced_rows.versions(store, table, ids)
        new = [rid for rid in ids if rid not in existing]
        if new:
            rows = [good[rid] for rid in new]
            kinds = ["deleted" if row[i_del] else "imported" for row in rows]
            _write(store, table, columns, rows, kinds, result, checked.refuse, track_applied)
        return existing
    rows = list(map(good.__getitem__, ids))
    refused = synced_rows.insert_new(store, table, columns, rows)
    added = synced_rows.count_above(store, table, top)
    if added == len(rows) - len(refused):  # all new (the usual case)
        written = [rows[k] for k in range(len(rows)) if k not in refused] if refused else rows
        existing = (synced_rows.versions(store, table, [rows[k][i_id] for k in refused])
                    if refused else {})
    else:
        new = synced_rows.ids_above(store, table, top)
        written = [good[rid] for rid in ids if rid in new]
        existing = synced_rows.versions(store, table, [rid for rid in ids if rid not in new])
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


def _write(store: Store, table: str, columns: list[str], rows: list[list], kinds: list[str],
           result: TableResult, refuse, track_applied: bool = True) -> None:
    """Upsert `rows` (a higher version replaces the copy here); a row SQLite refuses is
    quarantined, the rest go in."""
    i_id = columns.index("id")
    refused = synced_rows.upsert(store, table, columns, rows)
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
