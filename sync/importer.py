"""Importing packages: verify, decrypt, check, then apply in one transaction.

Order of the checks (docs/sync-format.md): the clear header is read under strict limits; the
package must be addressed to this unit; the sender must be a unit of this one's list and its
signature must verify with the key trusted for it; the package must be for this unit's key; only then is the payload decrypted
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
import logging
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from desktop.models import audit
from desktop.models.db import Store, now_iso

from . import PACKAGE_SUFFIX, PART_SUFFIX, staging
from .archive import ArchiveReader
from .checkpoint import BackgroundCheckpoint
from .envelope import Envelope, copy_as_read, open_payload, read_envelope, verify_signature
from .errors import (
    DamagedPackage, DiskError, NewSenderKey, SenderKeyChanged, SequenceConflict, SyncError,
    UnknownSender, WrongRecipient, safe_text, unexpected,
)
from .exporter import SPOOL_MAX, clock_skew_days, sync_dir
from .ingest import apply_package, check_manifest
from .keys import key_id, load_unit_keys, public_keys
from .labels import local_time
from .peers import Peer, get_peer, my_profile, note_pending_key, trust_sender
from .reconcile import Deferred, reconcile
from .summary import ImportSummary, error_summary
from .parts import receive_part
from .transport import disk_message

_log = logging.getLogger(__name__)
FUTURE_CLOCK_DAYS = 1.0
IMPORT_CACHE_KIB = 65536


@dataclass
class _Batch:
    """Several packages imported one after the other (`import_many`)."""
    checkpoints: BackgroundCheckpoint | None = None
    reconciliation: Deferred = field(default_factory=Deferred)

    def before_transaction(self) -> None:
        if self.checkpoints is not None:
            self.checkpoints.wait()  # the log is checkpointed: this package starts it anew


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


def _trusted_key(store: Store, code: str) -> str | None:
    """The signing key trusted here for a unit (to check the manifest of e-mail parts)."""
    peer = get_peer(store, code)
    return peer.sign_key if peer is not None and peer.trusted else None


def _order_key(path: Path):
    try:
        env = read_envelope(path)
        return (0, env.header["sender"], env.header["seq"], path.name)
    except Exception:  # refused when its turn comes, with the reason
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
            state = receive_part(part, sync_dir(store, "parts"), sync_dir(store, "incoming"),
                                 key_of=lambda code: _trusted_key(store, code))
        except SyncError as exc:
            summaries.append(error_summary(part, exc, dry_run=dry_run))
            continue
        except Exception as exc:  # one file never stops the others
            _log.exception("part %s", part.name)
            summaries.append(error_summary(part, unexpected(part.name, exc), dry_run=dry_run))
            continue
        if state.notes:
            summaries.append(ImportSummary("warning", part.name, messages=list(state.notes)))
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
            batch = _Batch()
            try:
                batch.checkpoints = BackgroundCheckpoint(store)
            except sqlite3.Error:
                pass  # SQLite checkpoints in the importing thread, as for a single package
            else:
                stack.callback(batch.checkpoints.close)
            stack.callback(_BATCH.reset, _BATCH.set(batch))
        for i, path in enumerate(packages):
            if progress is not None:
                progress(i, len(packages), path.name)
            summaries.extend(import_file(store, path, dry_run=dry_run,
                                         trust_new_sender=trust_new_sender,
                                         accept_gap=accept_gap))
            if batch is not None and batch.checkpoints is not None:
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
    if not dry_run:
        try:
            staging.recover(store, sync_dir(store, "tmp"))  # what a killed import left behind
        except (OSError, sqlite3.Error):
            pass  # tried again at the next import
    with large_cache(store):
        try:
            first = import_package(store, path, dry_run=dry_run,
                                   trust_new_sender=trust_new_sender, accept_gap=accept_gap)
        except SyncError as exc:
            return [error_summary(path, exc, dry_run=dry_run)]
        except Exception as exc:  # one file never stops the others (see _import_package)
            _log.exception("import of %s", path.name)
            return [error_summary(path, unexpected(path.name, exc), dry_run=dry_run)]
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
            try:
                summary = import_package(store, path, accept_gap=accept_gap)
            except SyncError:
                raise
            except Exception as exc:  # one file never stops the others
                _log.exception("held package %s", path.name)
                raise unexpected(path.name, exc) from exc
        except SyncError as exc:
            summary = error_summary(path, exc)
            with store.atomic():
                store.execute("UPDATE sync_packages SET status = 'refused', reason = ? WHERE "
                              "direction = 'in' AND package_id = ?", (safe_text(exc.message),
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
                 dry_run: bool, sound: Callable[[Envelope], bool] | None = None) -> Peer:
    """Signature and recipient, before anything of the payload is read.

    A file signed with another key than the one trusted for its sender is refused; its key is
    noted as the sender's pending new key (for an administrator to compare by phone) only when
    `sound(env)` says the file passes every other check (decrypts for this unit's key, its
    archive and manifest are sound and match the signed header): anyone can sign a file with a
    key of their own and the sender's name."""
    h = env.header
    profile = my_profile(store)
    if h["recipient"] != profile.code:  # not for this unit: whoever sent it is no matter here
        raise WrongRecipient(
            f"Gói {env.path.name} gửi cho {h['recipient']}, không phải cho đơn vị này "
            f"({profile.code}). Không có gì bị thay đổi; hãy chuyển tệp đến đúng đơn vị "
            f"{h['recipient']}.", sender=h["sender"], seq=h["seq"])
    peer = get_peer(store, h["sender"])
    expected_role = "district" if profile.level == "province" else "province"
    if peer is None or not peer.active or peer.role != expected_role:
        who = "danh sách huyện" if expected_role == "district" else "hồ sơ tỉnh đã đăng ký"
        raise UnknownSender(
            f"Gói {env.path.name} của đơn vị {h['sender']} ({h['sender_name']}), không có trong "
            f"{who} của {profile.code}. Không có gì bị thay đổi. Nếu đây là đơn vị mới, hãy thêm "
            "đơn vị vào danh sách trước.", sender=h["sender"], seq=h["seq"])
    fp = env.sender_fingerprint
    if peer.sign_key is None:
        verify_signature(env, h["sender_sign_key"])
        _check_recipient(store, env)
        expected = peer.fingerprint  # read by phone when the unit was listed, if it was
        if not trust_new_sender and expected != fp:
            raise NewSenderKey(
                (f"Gói đầu tiên của {peer.name} ({peer.code}) có mã khóa {fp}, khác mã đã khai "
                 f"báo cho đơn vị ({expected}). Hãy gọi điện cho đơn vị để đối chiếu lại; chỉ "
                 "tin cậy khi mã đọc được trùng với mã của gói. Chưa có gì bị thay đổi."
                 if expected else
                 f"Gói đầu tiên của {peer.name} ({peer.code}). Mã khóa của đơn vị gửi: {fp}. Hãy "
                 "gọi điện cho đơn vị để đối chiếu mã này trước khi tin cậy. Chưa có gì bị "
                 "thay đổi."), sender=peer.code,
                fingerprint=fp, sign_key=h["sender_sign_key"], enc_key=h["sender_enc_key"])
        if not dry_run:
            peer = trust_sender(store, peer.code, h["sender_sign_key"], h["sender_enc_key"])
        return peer
    if peer.sign_key != h["sender_sign_key"] or peer.enc_key != h["sender_enc_key"]:
        verify_signature(env, h["sender_sign_key"])
        _check_recipient(store, env)  # a package for another unit says nothing of this one's peer
        if not dry_run:
            if sound is None or not sound(env):
                raise DamagedPackage(
                    f"Tệp {env.path.name} ghi là của {peer.name} ({peer.code}) nhưng được ký "
                    f"bằng một khóa lạ (mã {fp}) và không đọc được như một gói hợp lệ. Tệp bị "
                    "từ chối; khóa lạ không được ghi nhận. Không có gì bị thay đổi; hãy đề nghị "
                    "đơn vị gửi lại gói.", sender=peer.code, seq=h["seq"])
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
            f"{local_time(other['received_at'])}). Gói {env.path.name} bị từ chối để không ghi "
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
                        "“Nhập giấy báo nhận”.", code="is_ack")
    try:
        peer = check_sender(store, env, trust_new_sender=trust_new_sender, dry_run=dry_run,
                            sound=lambda e: package_is_sound(store, e))
    except SyncError as exc:
        exc.details.setdefault("seq", h["seq"])  # the number the header gives, for the list
        raise
    try:
        try:
            return _import_verified(store, env, peer, dry_run=dry_run, accept_gap=accept_gap)
        except (SyncError, OSError, sqlite3.OperationalError):
            raise
        except Exception as exc:  # no check foresaw it: this package alone is refused
            _log.exception("import of %s", path.name)
            raise unexpected(path.name, exc) from exc
    except SyncError as exc:
        # the header verified: the sender and number are known, and the refusal is kept so
        # that the acknowledgement tells the sender (its records are then sent again)
        exc.details.setdefault("sender", peer.code)
        exc.details.setdefault("seq", h["seq"])
        exc.details.setdefault("package_id", h["package_id"])
        if not dry_run and not isinstance(exc, DiskError):
            record_refused(store, env, peer, exc.message)
        raise


def package_is_sound(store: Store, env: Envelope) -> bool:
    """Does the package pass the checks that do not depend on its sender's key (decryption for
    this unit's key, archive, manifest matching the signed header)?"""
    keys = load_unit_keys(store)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
    try:
        open_payload(env, keys.enc, spool)
        spool.seek(0)
        reader = ArchiveReader(spool, env.header["manifest_sha256"], env.path.name)
        check_manifest(store, env, reader, None)
    except Exception:  # any refusal: the file proves nothing
        return False
    finally:
        spool.close()
    return True


def record_refused(store: Store, env: Envelope, peer: Peer, reason: str) -> None:
    """Keep a verified but refused package (not one already applied or held)."""
    h = env.header
    now = now_iso()
    reason = safe_text(reason)
    with store.atomic():
        store.execute(
            "INSERT INTO sync_packages (package_id, direction, peer, seq, from_seq, file_name, "
            "file_sha256, size, manifest_sha256, status, reason, created_at, received_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,'refused',?,?,?) ON CONFLICT(direction, package_id) DO "
            "UPDATE SET reason = excluded.reason, received_at = excluded.received_at "
            "WHERE sync_packages.status = 'refused'",
            (h["package_id"], "in", peer.code, h["seq"], h["from_seq"], safe_text(env.path.name),
             "", env.file_size, h["manifest_sha256"], reason, h["created_at"], now))
        audit.append(store, "sync_refuse", table="sync_packages", record_id=h["package_id"],
                     new={"sender": peer.code, "seq": h["seq"], "reason": reason})


def _import_verified(store: Store, env: Envelope, peer: Peer, *, dry_run: bool,
                     accept_gap: bool) -> ImportSummary:
    path, h = env.path, env.header
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
        plan = check_manifest(store, env, reader, peer)
        skew = clock_skew_days(h["created_at"])
        if skew > FUTURE_CLOCK_DAYS:
            summary.messages.append(
                f"Đồng hồ máy của {peer.code} chạy nhanh khoảng {skew:.0f} ngày (gói ghi ngày "
                f"{h['created_at'][:10]}). Ngày tháng trong bản ghi của đơn vị có thể sai; việc "
                "nhập vẫn theo số phiên bản nên không mất dữ liệu. Hãy nhắc đơn vị chỉnh đồng hồ.")
        if known is not None and known["status"] == "applied":
            summary.replay = True
            summary.messages.append(
                f"Gói này đã được nhập lúc {local_time(known['applied_at'])}; "
                "nhập lại không thay đổi gì.")
        if gaps and not accept_gap:
            summary.gaps = gaps
            summary.held = True
            summary.messages.append(gap_message(peer, gaps))
            if not dry_run:
                _hold(store, env, reader, peer)
            summary.status = "warning"
            return summary
        copy = None if dry_run else _archive_copy(store, env, peer)
        try:
            apply_package(store, env, reader, plan, peer, summary, dry_run=dry_run, gaps=gaps,
                          before_transaction=None if batch is None else batch.before_transaction)
        except BaseException:
            if copy is not None:  # a refused package leaves nothing behind
                copy.unlink(missing_ok=True)
            raise
    finally:
        spool.close()
    if not dry_run:  # the package is committed: what follows can only add a note
        try:
            batch = _BATCH.get()
            if batch is not None:
                batch.reconciliation.add(store, reader.manifest, peer.code, summary)
            else:
                reconcile(store, reader.manifest, peer.code, summary)
        except Exception as exc:
            _log.exception("reconciliation of %s", path.name)
            summary.messages.append(f"Gói đã được nhập, nhưng không đối chiếu được số bản ghi "
                                    f"với bản kê ({safe_text(exc.__class__.__name__)}).")
    if summary.quarantined or summary.messages or summary.gaps:
        summary.status = "warning"
    return summary


def _hold(store: Store, env: Envelope, reader: ArchiveReader, peer: Peer) -> None:
    h = env.header
    dest = held_path(store, h["package_id"])
    if not dest.exists():   # the bytes verified, not what the file holds by now
        copy_as_read(env.path, dest, size=env.file_size, sha256=env.file_sha256)
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


def _archive_copy(store: Store, env: Envelope, peer: Peer) -> Path | None:
    """Keep the received file: it is the evidence of what was imported. Returns the copy when
    this call made it (to be removed again if the package is refused)."""
    dest = sync_dir(store, "received", peer.code) / f"{env.header['package_id']}{PACKAGE_SUFFIX}"
    if dest.exists() or env.path.resolve() == dest.resolve():
        return None
    copy_as_read(env.path, dest, size=env.file_size, sha256=env.file_sha256)
    return dest
