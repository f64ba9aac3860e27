"""The content of one package: its manifest checked against this installation, its tables read
and checked, then applied in one transaction together with the record of the package.

Everything that needs no database (reading and checking the rows) happens before the
transaction begins; the transaction holds only the writes.
"""
from __future__ import annotations

import contextlib
import json
from typing import Callable

from desktop.models import audit, records
from desktop.models.blobs import has_blob
from desktop.models.db import Store, now_iso
from desktop.models.migrations import schema_version
from desktop.models.registry import load_all

from .anchor import received as received_anchor
from .apply import (
    CheckedRows, TableResult, check_columns, check_rows, needs_nfc, refuse_foreign, write_rows,
)
from .archive import MAX_FILES, MAX_FILES_SIZE, ArchiveReader
from .blobwriter import BlobWriter
from .envelope import Envelope
from .errors import DamagedPackage, LimitExceeded, NewerFormat
from .exporter import existing_tables, sync_dir, table_columns
from .peers import Peer, my_profile
from .staging import Staging
from .summary import ImportSummary
from .labels import table_label


class _DryRunDone(Exception):
    pass



def check_manifest(store: Store, env: Envelope, reader: ArchiveReader, peer: Peer) -> list:
    h, m = env.header, reader.manifest
    sender = m.get("sender") if isinstance(m.get("sender"), dict) else {}
    same = (m.get("kind") == "package" and m.get("package_id") == h["package_id"] and
            sender.get("code") == h["sender"] and m.get("recipient") == h["recipient"] and
            m.get("seq") == h["seq"] and m.get("from_seq") == h["from_seq"])
    if not same:
        raise DamagedPackage(f"Bản kê của gói {env.path.name} không khớp phần đầu đã ký. Không có "
                             "gì bị thay đổi; hãy đề nghị đơn vị gửi lại gói.")
    tables = m.get("tables")
    if not isinstance(tables, dict) or not isinstance(m.get("blobs", []), list):
        raise DamagedPackage(f"Bản kê của gói {env.path.name} không đúng dạng.")
    load_all()
    present = existing_tables(store)
    theirs = m.get("schema_version")
    newer = isinstance(theirs, int) and theirs > schema_version()
    plan = []
    order = {t: i for i, t in enumerate(records.SYNCED_TABLES)}
    for table, meta in tables.items():
        if not isinstance(meta, dict) or not isinstance(meta.get("columns"), list) or \
                not isinstance(meta.get("count"), int) or \
                meta.get("member") != f"records/{table}.jsonl":
            raise DamagedPackage(f"Bản kê của gói {env.path.name} ghi một loại dữ liệu không "
                                 "đúng dạng.")
        if table not in order or table not in present:
            raise NewerFormat(
                f"Gói {env.path.name} có loại dữ liệu “{table}” mà phiên bản ISO Desk này chưa "
                f"có (lược đồ {theirs}, máy này {schema_version()}). Hãy cập nhật ISO Desk rồi "
                "nhập lại; không có gì bị thay đổi.")
        columns = meta["columns"]
        local = table_columns(store, table)
        bad = check_columns(columns, local)
        if len(set(columns)) != len(columns) or any(c in records.META_COLUMNS for c in bad):
            raise DamagedPackage(f"Dữ liệu “{table_label(table)}” trong gói {env.path.name} "
                                 "thiếu cột bắt buộc hoặc có cột lặp.")
        if bad:
            hint = " (gói từ phiên bản mới hơn)" if newer else ""
            raise NewerFormat(
                f"Dữ liệu “{table_label(table)}” trong gói {env.path.name} có thông tin mà máy "
                f"này chưa có{hint}. Hãy cập nhật ISO Desk rồi nhập lại; không có gì bị thay đổi.")
        plan.append((order[table], table, meta))
    listed = m.get("blobs", [])
    if len(listed) > MAX_FILES:
        raise LimitExceeded(f"Gói {env.path.name} mang {len(listed):,} tệp, quá giới hạn "
                            f"{MAX_FILES:,} tệp một gói. Không có gì bị thay đổi; hãy báo đơn vị "
                            "gửi.".replace(",", "."))
    for digest in listed:
        if not isinstance(digest, str) or f"blobs/{digest}" not in reader.members:
            raise DamagedPackage(f"Bản kê của gói {env.path.name} ghi tệp không có trong gói.")
        if reader.members[f"blobs/{digest}"]["sha256"] != digest:
            raise DamagedPackage(f"Tệp {digest[:12]}… trong gói {env.path.name} không đúng nội "
                                 "dung mang tên của nó. Không có gì bị thay đổi; hãy đề nghị đơn "
                                 "vị gửi lại gói.")
    size = sum(reader.members[f"blobs/{d}"]["size"] for d in set(listed))
    if size > MAX_FILES_SIZE:
        raise LimitExceeded(f"Các tệp trong gói {env.path.name} nặng {size / 1024 ** 3:.1f} GB, "
                            f"quá giới hạn {MAX_FILES_SIZE / 1024 ** 3:.0f} GB một gói. Không có "
                            "gì bị thay đổi; hãy báo đơn vị gửi.")
    return [(t, meta) for _, t, meta in sorted(plan)]


def direction_refusal(store: Store, table: str, level: str | None = None) -> str | None:
    """Why this unit does not take rows of `table` (its level: a province takes what goes up,
    a district what comes down), or None."""
    level = level or my_profile(store).level
    allowed = ("up", "both") if level == "province" else ("down", "both")
    if records.DIRECTIONS.get(table, "up") not in allowed:
        return (f"dữ liệu “{table_label(table)}” chỉ gửi theo chiều "
                f"{'tỉnh → huyện' if level == 'province' else 'huyện → tỉnh'}; không nhận từ "
                "đơn vị này")
    return None


def apply_package(store: Store, env: Envelope, reader: ArchiveReader, plan: list, peer: Peer,
                  summary: ImportSummary, *, dry_run: bool, gaps: list[dict],
                  before_transaction: Callable[[], None] | None = None) -> None:
    """Read and check the tables, then apply them and record the package in one transaction
    (`before_transaction` is called just before it begins)."""
    m = reader.manifest
    package_blobs = set(m.get("blobs", []))

    def have(digest: str) -> bool:
        return digest in package_blobs or (isinstance(digest, str) and len(digest) == 64
                                           and _has_blob(store, digest))

    try:
        with contextlib.ExitStack() as stack:
            # Everything that needs no database is done before the transaction begins.
            checked: list[tuple[CheckedRows, int]] = []
            level = my_profile(store).level
            for table, meta in plan:
                raw = reader.read(meta["member"])
                columns, rows = reader.read_rows(meta["member"], raw)
                if columns != meta["columns"] or len(rows) != meta["count"]:
                    raise DamagedPackage(f"Dữ liệu “{table_label(table)}” trong gói "
                                         f"{env.path.name} không khớp bản kê (số dòng hoặc cột).")
                checked.append((check_rows(table, columns, rows, sender=peer.code,
                                           nfc=needs_nfc(raw), have_blob=have,
                                           blob_columns=records.BLOB_COLUMNS.get(table, ()),
                                           not_accepted=direction_refusal(store, table, level)),
                                meta["count"]))
                del raw, rows
            # Only the files that rows refer to are written, first into a staging folder.
            named = _files_named(checked)
            wanted = [d for d in dict.fromkeys(m.get("blobs", [])) if d in named]
            if len(package_blobs) > len(wanted):
                summary.messages.append(
                    f"{len(package_blobs) - len(wanted)} tệp trong gói không được bản ghi nào "
                    "dùng nên không được lưu.")
            files = staging = None
            if not dry_run and wanted:
                staging = Staging(store, sync_dir(store, "tmp"), env.header["package_id"])
                stack.callback(staging.close)
                # the files are written on worker threads while the rows go in
                files = BlobWriter(store, staging.write)
                stack.callback(files.close)
                for digest in wanted:
                    if not _has_blob(store, digest):
                        files.put(digest, reader.read(f"blobs/{digest}"))
            if before_transaction is not None and not dry_run:
                before_transaction()
            in_package = _PackageValues(checked)
            province = store.unit_code if level == "province" else peer.code
            try:
                with store.atomic():
                    results: list[TableResult] = []
                    for rows, count in checked:
                        if files is not None and files.failed():
                            break  # finish() below raises the error
                        table = rows.result.table
                        refuse_foreign(store, rows, sender=peer.code, province=province,
                                       in_package=in_package)
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
        idx = [rows.columns.index(c) for c in records.BLOB_COLUMNS.get(rows.result.table, ())
               if c in rows.columns]
        if not idx:
            continue
        gone = {q["id"] for q in rows.result.quarantined} if written else set()
        for rid, row in rows.good.items():
            if rid not in gone:
                out.update(row[i] for i in idx if isinstance(row[i], str))
    return out


class _PackageValues:
    """The values a package's rows of a table hold in a column (its ids, its user ids…), for
    references to rows of the same package that are not in the database yet."""

    def __init__(self, checked: list[tuple[CheckedRows, int]]):
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
    return store.scalar("SELECT 1 FROM sync_quarantine WHERE sender = ? AND table_name = ? AND "
                        "resolved_at IS NULL LIMIT 1", (sender, table)) is not None


def _has_blob(store: Store, digest: str) -> bool:
    try:
        return has_blob(store, digest)
    except Exception:
        return False


def record_package(store: Store, env: Envelope, m: dict, peer: Peer, summary: ImportSummary,
            results: list[TableResult], gaps: list[dict]) -> None:
    h = env.header
    now = now_iso()
    summary.messages += received_anchor(store, peer.code, m, h["package_id"])
    store.conn.executemany(
        "INSERT OR IGNORE INTO sync_quarantine (package_id, sender, seq, table_name, record_id, "
        "reason, data, at) VALUES (?,?,?,?,?,?,?,?)",
        [(h["package_id"], peer.code, h["seq"], q["table"], q["id"], q["reason"],
          json.dumps(q["data"], ensure_ascii=False, default=str), now)
         for q in summary.quarantined])
    for res in results:
        if res.applied_ids:
            store.execute(
                "UPDATE sync_quarantine SET resolved_at = ? WHERE sender = ? AND table_name = ? "
                "AND resolved_at IS NULL AND package_id != ? AND record_id IN "
                "(SELECT value FROM json_each(?))",
                (now, peer.code, res.table, h["package_id"], json.dumps(res.applied_ids)))
    stored = {**summary.as_json(), "quarantined": [
        {"table": q["table"], "id": q["id"], "reason": q["reason"]} for q in summary.quarantined]}
    store.execute(
        "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
        "file_sha256, size, manifest_sha256, status, full, counts, summary, created_at, "
        "received_at, applied_at) VALUES (?,?,?,?,?,?,?,?,?,'applied',?,?,?,?,?,?) "
        "ON CONFLICT(direction, package_id) DO UPDATE SET status = 'applied', "
        "summary = CASE WHEN sync_packages.status = 'applied' THEN sync_packages.summary "
        "ELSE excluded.summary END, applied_at = coalesce(sync_packages.applied_at, "
        "excluded.applied_at), reason = ''",
        (h["package_id"], "in", peer.code, h["seq"], h["from_seq"], env.path.name,
         "", env.file_size, h["manifest_sha256"], int(bool(m.get("full"))),
         json.dumps({t: meta.get("count") for t, meta in m["tables"].items()}),
         json.dumps(stored, ensure_ascii=False), h["created_at"], now, now))
    through = peer.applied_through
    if h["from_seq"] <= through + 1 or gaps:
        through = max(through, h["seq"])
    store.execute("UPDATE sync_peers SET applied_through = ?, last_received_at = ?, "
                  "updated_at = ? WHERE code = ?", (through, now, now, peer.code))
    if not summary.replay:
        audit.append(store, "sync_import", table="sync_packages", record_id=h["package_id"],
                     new={"sender": peer.code, "seq": h["seq"], "imported": summary.imported,
                          "updated": summary.updated, "ignored": summary.ignored,
                          "deleted": summary.deleted,
                          "quarantined": len(summary.quarantined), "gaps_accepted": gaps})
