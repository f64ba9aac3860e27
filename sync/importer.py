"""Importing packages: verify, decrypt, check, then apply in one transaction.

Order of the checks (docs/sync-format.md): the clear header is read under strict limits; the
sender must be a unit of this one's list and its signature must verify with the key trusted for
it; the package must be addressed to this unit and its key; only then is the payload decrypted
(every chunk authenticated), the archive's directory checked against the limits, and the signed
manifest read. The records go in by UUID and version in one transaction (`store.atomic()`), with
quarantine per record. A package whose earlier sequence numbers are missing is held until the gap
is filled or accepted. After the import the counts are reconciled against the manifest.
"""
from __future__ import annotations

import contextlib
import contextvars
import errno
import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.models import audit, records
from desktop.models.blobs import has_blob, record_blobs, write_blob_file
from desktop.models.db import Store, now_iso
from desktop.models.migrations import schema_version
from desktop.models.registry import load_all

from . import PACKAGE_SUFFIX, PART_SUFFIX
from .apply import CheckedRows, TableResult, check_columns, check_rows, needs_nfc, write_rows
from .archive import ArchiveReader
from .blobwriter import BlobWriter
from .checkpoint import BackgroundCheckpoint
from .reconcile import Deferred, reconcile
from .envelope import Envelope, open_payload, read_envelope, verify_signature
from .errors import (
    DamagedPackage, DiskError, NewerFormat, NewSenderKey, SenderKeyChanged, SequenceConflict,
    SyncError, UnknownSender, WrongRecipient,
)
from .exporter import SPOOL_MAX, clock_skew_days, existing_tables, sync_dir, table_columns
from .keys import key_id, load_unit_keys, public_keys
from .peers import Peer, get_peer, my_profile, note_pending_key, trust_sender
from .transport import disk_message, receive_part

FUTURE_CLOCK_DAYS = 1.0
IMPORT_CACHE_KIB = 65536


@dataclass
class _Batch:
    """Several packages imported one after the other (`import_many`)."""
    checkpoints: BackgroundCheckpoint | None = None
    reconciliation: Deferred = field(default_factory=Deferred)


_BATCH: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("sync_batch",
                                                                      default=None)


@contextlib.contextmanager
def large_cache(store: Store):
    """A 64 MB page cache while packages go in (random UUID keys touch pages all over)."""
    old = store.scalar("PRAGMA cache_size")
    grow = old is not None and (old > 0 or -old < IMPORT_CACHE_KIB)
    if grow:
        store.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        if grow:
            store.execute(f"PRAGMA cache_size={int(old)}")


class _DryRunDone(Exception):
    pass


@dataclass
class ImportSummary:
    status: str
    package: str
    sender: str | None = None
    seq: int | None = None
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    quarantined: list[dict] = field(default_factory=list)
    gaps: list[dict] = field(default_factory=list)
    package_id: str | None = None
    from_seq: int | None = None
    dry_run: bool = False
    held: bool = False
    replay: bool = False
    messages: list[str] = field(default_factory=list)
    tables: dict[str, dict] = field(default_factory=dict)
    reconciliation: dict[str, dict] = field(default_factory=dict)
    error_code: str | None = None
    fingerprint: str | None = None
    sender_name: str | None = None

    def as_json(self) -> dict:
        return {
            "status": self.status, "package": self.package, "sender": self.sender,
            "seq": self.seq, "imported": self.imported, "updated": self.updated,
            "ignored": self.ignored, "deleted": self.deleted,
            "quarantined": [{"table": q["table"], "id": q["id"], "reason": q["reason"]}
                            for q in self.quarantined],
            "gaps": self.gaps,
            "package_id": self.package_id, "from_seq": self.from_seq, "dry_run": self.dry_run,
            "held": self.held, "replay": self.replay, "message": " ".join(self.messages),
            "tables": self.tables, "reconciliation": self.reconciliation,
            "error": self.error_code, "fingerprint": self.fingerprint,
        }

    @property
    def message(self) -> str:
        return " ".join(self.messages)


def error_summary(path: Path, exc: SyncError, **extra) -> ImportSummary:
    s = ImportSummary("error", Path(path).name, messages=[exc.message], error_code=exc.code,
                      **extra)
    if isinstance(exc, (NewSenderKey, SenderKeyChanged)):
        s.sender = exc.sender
        s.fingerprint = exc.fingerprint
    return s


# --- entry points ----------------------------------------------------------------------------

def expand_paths(paths: list[Path]) -> list[Path]:
    """Files and folders → the package and part files to import, in a sensible order."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.is_file() and
                              q.suffix.lower() in (PACKAGE_SUFFIX, PART_SUFFIX)))
        else:
            out.append(p)
    return out


def _order_key(path: Path):
    try:
        env = read_envelope(path)
        return (0, env.header["sender"], env.header["seq"], path.name)
    except SyncError:
        return (1, "", 0, path.name)


def import_many(store: Store, paths: list[Path], *, dry_run: bool = False,
                trust_new_sender: bool = False, accept_gap: bool = False,
                progress=None) -> list[ImportSummary]:
    """Import files and whole folders; one summary per package (parts are gathered first)."""
    files = expand_paths(paths)
    parts = [f for f in files if f.suffix.lower() == PART_SUFFIX]
    packages = [f for f in files if f.suffix.lower() != PART_SUFFIX]
    summaries: list[ImportSummary] = []
    for part in parts:
        try:
            state = receive_part(part, sync_dir(store, "parts"), sync_dir(store, "incoming"))
        except SyncError as exc:
            summaries.append(error_summary(part, exc))
            continue
        if state.assembled is not None:
            if state.assembled not in packages:
                packages.append(state.assembled)
        else:
            dup = " (phần này đã nhận trước đó, bỏ qua)" if state.duplicate else ""
            summaries.append(ImportSummary(
                "warning", state.package_file, messages=[
                    f"Đã nhận {len(state.have)}/{state.total} phần của gói {state.package_file}"
                    f"{dup}; còn thiếu phần {', '.join(map(str, state.missing))}. Gói sẽ được "
                    "nhập khi đủ các phần."]))
    packages = sorted(dict.fromkeys(packages), key=_order_key)
    with large_cache(store), contextlib.ExitStack() as stack:
        batch = None
        if len(packages) > 1 and not dry_run:
            batch = _Batch(BackgroundCheckpoint(store))
            stack.callback(batch.checkpoints.close)
            stack.callback(_BATCH.reset, _BATCH.set(batch))
        for i, path in enumerate(packages):
            if progress is not None:
                progress(i, len(packages), path.name)
            summaries.extend(import_file(store, path, dry_run=dry_run,
                                         trust_new_sender=trust_new_sender,
                                         accept_gap=accept_gap))
            if batch is not None:
                batch.checkpoints.committed()
        if batch is not None:
            batch.reconciliation.flush(store)
    return summaries


def import_file(store: Store, path: Path, *, dry_run: bool = False,
                trust_new_sender: bool = False, accept_gap: bool = False) -> list[ImportSummary]:
    """One package, then any held packages of the same sender that it unblocks."""
    path = Path(path)
    if path.suffix.lower() == PART_SUFFIX:
        return import_many(store, [path], dry_run=dry_run, trust_new_sender=trust_new_sender,
                           accept_gap=accept_gap)
    with large_cache(store):
        try:
            first = import_package(store, path, dry_run=dry_run,
                                   trust_new_sender=trust_new_sender, accept_gap=accept_gap)
        except SyncError as exc:
            return [error_summary(path, exc)]
        out = [first]
        if not dry_run and first.status != "error" and not first.held and first.sender:
            out.extend(release_held(store, first.sender))
    return out


def release_held(store: Store, sender: str, *, accept_gap: bool = False) -> list[ImportSummary]:
    """Import the held packages of a sender whose gap is now filled (or accepted)."""
    out = []
    while True:
        peer = get_peer(store, sender)
        row = store.query_one(
            "SELECT * FROM sync_packages WHERE direction = 'in' AND peer = ? AND status = 'held' "
            "ORDER BY seq LIMIT 1", (sender,))
        if row is None or peer is None:
            return out
        if row["from_seq"] > peer.applied_through + 1 and not accept_gap:
            return out
        path = held_path(store, row["package_id"])
        try:
            summary = import_package(store, path, accept_gap=accept_gap)
        except SyncError as exc:
            summary = error_summary(path, exc)
            with store.atomic():
                store.execute("UPDATE sync_packages SET status = 'refused', reason = ? WHERE "
                              "direction = 'in' AND package_id = ?", (exc.message,
                                                                      row["package_id"]))
            out.append(summary)
            return out
        summary.messages.insert(0, f"Gói số {row['seq']} đang chờ đã được nhập.")
        out.append(summary)
        accept_gap = False


def held_path(store: Store, package_id: str) -> Path:
    return sync_dir(store, "held") / f"{package_id}{PACKAGE_SUFFIX}"


# --- one package -----------------------------------------------------------------------------

def check_sender(store: Store, env: Envelope, *, trust_new_sender: bool,
                 dry_run: bool) -> Peer:
    """Signature and recipient, before anything of the payload is read."""
    h = env.header
    profile = my_profile(store)
    peer = get_peer(store, h["sender"])
    expected_role = "district" if profile.level == "province" else "province"
    if peer is None or not peer.active or peer.role != expected_role:
        who = "danh sách huyện" if expected_role == "district" else "hồ sơ tỉnh đã đăng ký"
        raise UnknownSender(
            f"Gói {env.path.name} của đơn vị {h['sender']} ({h['sender_name']}), không có trong "
            f"{who} của {profile.code}. Không có gì bị thay đổi. Nếu đây là đơn vị mới, hãy thêm "
            "đơn vị vào danh sách trước.")
    fp = env.sender_fingerprint
    if peer.sign_key is None:
        verify_signature(env, h["sender_sign_key"])
        _check_recipient(store, env)
        if not trust_new_sender:
            raise NewSenderKey(
                f"Gói đầu tiên của {peer.name} ({peer.code}). Mã khóa của đơn vị gửi: {fp}. Hãy "
                "gọi điện cho đơn vị để đối chiếu mã này trước khi tin cậy (dòng lệnh: "
                "--trust-new-sender). Chưa có gì bị thay đổi.", sender=peer.code,
                fingerprint=fp, sign_key=h["sender_sign_key"], enc_key=h["sender_enc_key"])
        if not dry_run:
            peer = trust_sender(store, peer.code, h["sender_sign_key"], h["sender_enc_key"])
        return peer
    if peer.sign_key != h["sender_sign_key"] or peer.enc_key != h["sender_enc_key"]:
        verify_signature(env, h["sender_sign_key"])
        if not dry_run:
            note_pending_key(store, peer.code, h["sender_sign_key"], h["sender_enc_key"])
        raise SenderKeyChanged(
            f"Khóa của {peer.name} ({peer.code}) đã thay đổi: mã cũ {peer.fingerprint}, mã mới "
            f"{fp}. Gói bị từ chối. Hãy gọi điện đối chiếu mã mới; nếu đúng, quản trị chấp nhận "
            "khóa mới ở Đồng bộ → Đơn vị rồi nhập lại gói.", sender=peer.code, fingerprint=fp,
            old_fingerprint=peer.fingerprint or "")
    verify_signature(env, peer.sign_key)
    _check_recipient(store, env)
    return peer


def _check_recipient(store: Store, env: Envelope) -> None:
    h = env.header
    me = my_profile(store)
    if h["recipient"] != me.code:
        raise WrongRecipient(
            f"Gói {env.path.name} gửi cho đơn vị {h['recipient']}, không phải cho {me.code} "
            f"({me.name}). Không có gì bị thay đổi; hãy chuyển tệp đến đúng đơn vị.")
    if h["recipient_key"] != key_id(public_keys(store)[1]):
        raise WrongRecipient(
            f"Gói {env.path.name} được mã hóa cho một khóa khác của {me.code} (khóa cũ?). Hãy "
            "gửi hồ sơ/khóa hiện tại cho đơn vị gửi rồi đề nghị gửi lại gói.")


def _sequence_checks(store: Store, env: Envelope, peer: Peer) -> tuple[dict | None, list[dict]]:
    h = env.header
    known = store.query_one("SELECT * FROM sync_packages WHERE direction = 'in' AND "
                            "package_id = ?", (h["package_id"],))
    other = store.query_one(
        "SELECT * FROM sync_packages WHERE direction = 'in' AND peer = ? AND seq = ? AND "
        "package_id != ? AND status IN ('applied', 'held')",
        (peer.code, h["seq"], h["package_id"]))
    if other is not None:
        raise SequenceConflict(
            f"Số thứ tự {h['seq']} của {peer.code} đã dùng cho một gói khác (nhận lúc "
            f"{(other['received_at'] or '')[:16]}). Gói {env.path.name} bị từ chối để không ghi "
            "trùng. Có thể máy của huyện đã được khôi phục từ bản sao lưu: hãy gửi cho huyện "
            "giấy báo nhận mới nhất rồi đề nghị huyện tạo gói đầy đủ (--full).")
    gaps = []
    if h["from_seq"] > peer.applied_through + 1:
        gaps.append({"sender": peer.code, "from": peer.applied_through + 1,
                     "to": h["from_seq"] - 1})
    return known, gaps


def gap_message(peer: Peer, gaps: list[dict]) -> str:
    numbers = ", ".join(f"{g['from']}" if g["from"] == g["to"] else f"{g['from']}–{g['to']}"
                        for g in gaps)
    return (f"Gói này cần các gói trước của {peer.code} chưa có ở đây: số {numbers}. Gói được giữ "
            "lại và sẽ tự nhập khi nhận đủ các gói còn thiếu, hoặc khi người dùng chấp nhận "
            "khoảng trống.")


def import_package(store: Store, path: Path, *, dry_run: bool = False,
                   trust_new_sender: bool = False, accept_gap: bool = False) -> ImportSummary:
    """Import one package; raises SyncError (nothing changed) when it is refused."""
    try:
        return _import_package(store, Path(path), dry_run=dry_run,
                               trust_new_sender=trust_new_sender, accept_gap=accept_gap)
    except OSError as exc:  # disk full, folder gone: the transaction was rolled back
        raise DiskError(disk_message(exc, store.data_dir / "files") +
                        " Gói chưa được nhập; không có gì bị thay đổi.") from exc
    except sqlite3.OperationalError as exc:  # the database could not be written: rolled back
        if "full" in str(exc):
            where = disk_message(OSError(errno.ENOSPC, str(exc)), store.path)
        else:
            where = (f"Không ghi được vào cơ sở dữ liệu {store.path.name} ({exc}). Hãy kiểm tra "
                     "ổ đĩa rồi làm lại.")
        raise DiskError(where + " Gói chưa được nhập; không có gì bị thay đổi.") from exc


def _import_package(store: Store, path: Path, *, dry_run: bool, trust_new_sender: bool,
                    accept_gap: bool) -> ImportSummary:
    env = read_envelope(path)
    h = env.header
    if h["kind"] != "package":
        raise SyncError(f"Tệp {path.name} là giấy báo nhận, không phải gói dữ liệu; hãy nhập bằng "
                        "“Nhập giấy báo nhận” (isodesk sync ack-import).", code="is_ack")
    peer = check_sender(store, env, trust_new_sender=trust_new_sender, dry_run=dry_run)
    batch = _BATCH.get()
    if batch is not None:  # this sender's rows may change now: its pending count first
        batch.reconciliation.flush(store, peer.code)
    known, gaps = _sequence_checks(store, env, peer)
    summary = ImportSummary("ok", path.name, sender=peer.code, seq=h["seq"],
                            package_id=h["package_id"], from_seq=h["from_seq"], dry_run=dry_run,
                            sender_name=peer.name)
    keys = load_unit_keys(store)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
    try:
        open_payload(env, keys.enc, spool)
        spool.seek(0)
        reader = ArchiveReader(spool, h["manifest_sha256"], path.name)
        plan = _check_manifest(store, env, reader, peer)
        skew = clock_skew_days(h["created_at"])
        if skew > FUTURE_CLOCK_DAYS:
            summary.messages.append(
                f"Đồng hồ máy của {peer.code} chạy nhanh khoảng {skew:.0f} ngày (gói ghi ngày "
                f"{h['created_at'][:10]}). Ngày tháng trong bản ghi của đơn vị có thể sai; việc "
                "nhập vẫn theo số phiên bản nên không mất dữ liệu. Hãy nhắc đơn vị chỉnh đồng hồ.")
        if known is not None and known["status"] == "applied":
            summary.replay = True
            summary.messages.append(
                f"Gói này đã được nhập lúc {(known['applied_at'] or '')[:16].replace('T', ' ')}; "
                "nhập lại không thay đổi gì.")
        if gaps and not accept_gap:
            summary.gaps = gaps
            summary.held = True
            summary.messages.append(gap_message(peer, gaps))
            if not dry_run:
                _hold(store, env, reader, peer)
            summary.status = "warning"
            return summary
        _archive_copy(store, env, peer)
        _apply(store, env, reader, plan, peer, summary, dry_run=dry_run, gaps=gaps)
    finally:
        spool.close()
    if not dry_run:
        batch = _BATCH.get()
        if batch is not None:
            batch.reconciliation.add(store, reader.manifest, peer.code, summary)
        else:
            reconcile(store, reader.manifest, peer.code, summary)
    if summary.quarantined or summary.messages or summary.gaps:
        summary.status = "warning"
    return summary


def _check_manifest(store: Store, env: Envelope, reader: ArchiveReader, peer: Peer) -> list:
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
            raise DamagedPackage(f"Bản kê của gói {env.path.name} ghi bảng {table!r} không "
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
            raise DamagedPackage(f"Bảng {table} trong gói {env.path.name} thiếu cột bắt buộc "
                                 "hoặc có cột lặp.")
        if bad:
            hint = " (gói từ phiên bản mới hơn)" if newer else ""
            raise NewerFormat(
                f"Bảng {table} trong gói {env.path.name} có cột {', '.join(bad)} mà máy này chưa "
                f"có{hint}. Hãy cập nhật ISO Desk rồi nhập lại; không có gì bị thay đổi.")
        plan.append((order[table], table, meta))
    for digest in m.get("blobs", []):
        if not isinstance(digest, str) or f"blobs/{digest}" not in reader.members:
            raise DamagedPackage(f"Bản kê của gói {env.path.name} ghi tệp không có trong gói.")
        if reader.members[f"blobs/{digest}"]["sha256"] != digest:
            raise DamagedPackage(f"Tệp {digest[:12]}… trong gói {env.path.name} không đúng nội "
                                 "dung mang tên của nó. Không có gì bị thay đổi; hãy đề nghị đơn "
                                 "vị gửi lại gói.")
    return [(t, meta) for _, t, meta in sorted(plan)]


def _direction_refusal(store: Store, table: str) -> str | None:
    level = my_profile(store).level
    allowed = ("up", "both") if level == "province" else ("down", "both")
    if records.DIRECTIONS.get(table, "up") not in allowed:
        return (f"bảng {table} chỉ gửi theo chiều "
                f"{'tỉnh → huyện' if level == 'province' else 'huyện → tỉnh'}; không nhận từ "
                "đơn vị này")
    return None


def _apply(store: Store, env: Envelope, reader: ArchiveReader, plan: list, peer: Peer,
           summary: ImportSummary, *, dry_run: bool, gaps: list[dict]) -> None:
    h, m = env.header, reader.manifest
    package_blobs = set(m.get("blobs", []))

    def have(digest: str) -> bool:
        return digest in package_blobs or (isinstance(digest, str) and len(digest) == 64
                                           and _has_blob(store, digest))

    try:
        with contextlib.ExitStack() as stack:
            files = None
            if not dry_run and package_blobs:
                # the files are written on worker threads while the rows are read and go in
                files = BlobWriter(store, write_blob_file)
                stack.callback(files.close)
                for digest in m.get("blobs", []):
                    files.put(digest, reader.read(f"blobs/{digest}"))
            # Everything that needs no database is done before the transaction begins.
            checked: list[tuple[CheckedRows, int]] = []
            for table, meta in plan:
                raw = reader.read(meta["member"])
                columns, rows = reader.read_rows(meta["member"], raw)
                if columns != meta["columns"] or len(rows) != meta["count"]:
                    raise DamagedPackage(f"Bảng {table} trong gói {env.path.name} không khớp "
                                         "bản kê (số dòng hoặc cột).")
                checked.append((check_rows(table, columns, rows, sender=peer.code,
                                           nfc=needs_nfc(raw), have_blob=have,
                                           blob_columns=records.BLOB_COLUMNS.get(table, ()),
                                           not_accepted=_direction_refusal(store, table)),
                                meta["count"]))
                del raw, rows
            batch = _BATCH.get()
            if batch is not None and batch.checkpoints is not None and not dry_run:
                batch.checkpoints.wait()  # the log is checkpointed: this package starts it anew
            with store.atomic():
                results: list[TableResult] = []
                for rows, count in checked:
                    if files is not None and files.failed():
                        break  # finish() below raises the error
                    table = rows.result.table
                    res = write_rows(store, rows, sender=peer.code,
                                     track_applied=_open_quarantine(store, peer.code, table))
                    if res.accounted != count:
                        raise DamagedPackage(f"Đối chiếu bảng {table} không khớp: bản kê ghi "
                                             f"{count}, đã xử lý {res.accounted}.")
                    results.append(res)
                if files is not None:  # every file safely on disk before the rows naming them
                    record_blobs(store, files.finish())
                _summarise(summary, results, gaps)
                _record(store, env, m, peer, summary, results, gaps)
                if dry_run:
                    raise _DryRunDone
    except _DryRunDone:
        summary.messages.insert(0, "Xem trước: chưa có gì được ghi.")


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


def _record(store: Store, env: Envelope, m: dict, peer: Peer, summary: ImportSummary,
            results: list[TableResult], gaps: list[dict]) -> None:
    h = env.header
    now = now_iso()
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


def _hold(store: Store, env: Envelope, reader: ArchiveReader, peer: Peer) -> None:
    h = env.header
    dest = held_path(store, h["package_id"])
    if not dest.exists():
        shutil.copyfile(env.path, dest.with_name(dest.name + ".partial"))
        dest.with_name(dest.name + ".partial").replace(dest)
    now = now_iso()
    with store.atomic():
        store.execute(
            "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
            "file_sha256, size, manifest_sha256, status, counts, summary, created_at, "
            "received_at) VALUES (?,?,?,?,?,?,?,?,?,'held',?,?,?,?) "
            "ON CONFLICT(direction, package_id) DO NOTHING",
            (h["package_id"], "in", peer.code, h["seq"], h["from_seq"], env.path.name, "",
             env.file_size, h["manifest_sha256"],
             json.dumps({t: meta.get("count") for t, meta in reader.manifest["tables"].items()}),
             "{}", h["created_at"], now))
        store.execute("UPDATE sync_peers SET last_received_at = ? WHERE code = ?",
                      (now, peer.code))
        audit.append(store, "sync_hold", table="sync_packages", record_id=h["package_id"],
                     new={"sender": peer.code, "seq": h["seq"], "from_seq": h["from_seq"]})


def _archive_copy(store: Store, env: Envelope, peer: Peer) -> None:
    """Keep the received file: it is the evidence of what was imported."""
    dest = sync_dir(store, "received", peer.code) / f"{env.header['package_id']}{PACKAGE_SUFFIX}"
    if dest.exists() or env.path.resolve() == dest.resolve():
        return
    tmp = dest.with_name(dest.name + ".partial")
    shutil.copyfile(env.path, tmp)
    tmp.replace(dest)
