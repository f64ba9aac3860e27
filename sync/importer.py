"""Importing packages: the entry points, and the path of one package read top-down.

A package goes through three steps, each answered in one place (docs/sync-format.md, "The import
in three steps"):

1. who sent it, and may they — `sync.sender`: the clear header is read under strict limits; the
   package must be addressed to this unit, the sender must be a unit of this one's list, its
   signature must verify with the key trusted for it, the package must be encrypted for this
   unit's key, and its number must fit the sender's (a gap holds it, a reused number refuses
   it). Only then is the payload decrypted (every chunk authenticated) and the archive and the
   signed manifest checked (`sync.contents`);
2. what it may write — `sync.permission`: each table is read and its rows that the sender may
   not write (wrong direction, malformed, another unit's, hanging under another unit's records)
   are quarantined with their reason;
3. write it, all or nothing — `sync.write`: the rows and their files go in by UUID and version
   in one transaction (`store.atomic()`) with the record of the package.

A package refused after step 1 is recorded as refused (the acknowledgement tells the sender);
one whose earlier sequence numbers are missing is held until the gap is filled or accepted.
After the import the counts are reconciled against the manifest.
"""
from __future__ import annotations

import contextlib
import contextvars
import errno
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from desktop.models import audit, sync_packages, sync_peers
from desktop.models.bulk_writes import large_cache
from desktop.models.checkpoints import BackgroundCheckpoint
from desktop.models.db import Store, now_iso

from . import PACKAGE_SUFFIX, PART_SUFFIX, staging
from .contents import Contents, open_contents, package_is_sound
from .envelope import Envelope, copy_as_read, read_envelope
from .errors import DiskError, SyncError, safe_text, unexpected
from .exporter import clock_skew_days, sync_dir
from .labels import local_time
from .parts import receive_part
from .peers import Peer, get_peer
from .permission import check_package
from .reconcile import Deferred, reconcile
from .sender import check_sender, check_sequence, gap_message, trusted_key
from .summary import ImportSummary, error_summary
from .transport import disk_message
from .write import write_package

_log = logging.getLogger(__name__)
FUTURE_CLOCK_DAYS = 1.0


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
                                 key_of=lambda code: trusted_key(store, code))
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
        row = sync_packages.first_held(store, sender)
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
                sync_packages.refuse_received(store, row["package_id"], safe_text(exc.message))
            out.append(summary)
            return out
        summary.messages.insert(0, f"Gói số {row['seq']} đang chờ đã được nhập.")
        out.append(summary)
        accept_gap = False


def held_path(store: Store, package_id: str) -> Path:
    return sync_dir(store, "held") / f"{package_id}{PACKAGE_SUFFIX}"


# --- one package -----------------------------------------------------------------------------

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
    """The path of one package, top-down: the clear header, then the three steps."""
    env = read_envelope(path)  # magic and header, under strict limits
    h = env.header
    if h["kind"] != "package":
        raise SyncError(f"Tệp {path.name} là giấy báo nhận, không phải gói dữ liệu; hãy nhập bằng "
                        "“Nhập giấy báo nhận”.", code="is_ack")
    # 1. Who sent it, and may they: recipient, listed sender, signature with the trusted key.
    try:
        peer = check_sender(store, env, trust_new_sender=trust_new_sender, dry_run=dry_run,
                            sound=lambda e: package_is_sound(store, e))
    except SyncError as exc:
        exc.details.setdefault("seq", h["seq"])  # the number the header gives, for the list
        raise
    # From here on the sender is known: a refusal is recorded so that the acknowledgement
    # tells the sender (its records are then sent again).
    try:
        try:
            return _import_from(store, env, peer, dry_run=dry_run, accept_gap=accept_gap)
        except (SyncError, OSError, sqlite3.OperationalError):
            raise
        except Exception as exc:  # no check foresaw it: this package alone is refused
            _log.exception("import of %s", path.name)
            raise unexpected(path.name, exc) from exc
    except SyncError as exc:
        exc.details.setdefault("sender", peer.code)
        exc.details.setdefault("seq", h["seq"])
        exc.details.setdefault("package_id", h["package_id"])
        if not dry_run and not isinstance(exc, DiskError):
            record_refused(store, env, peer, exc.message)
        raise


def _import_from(store: Store, env: Envelope, peer: Peer, *, dry_run: bool,
                 accept_gap: bool) -> ImportSummary:
    """A package of a known sender: its number, its contents, then steps 2 and 3."""
    path, h = env.path, env.header
    batch = _BATCH.get()
    if batch is not None:  # this sender's rows may change now: its pending count first
        batch.reconciliation.flush(store, peer.code)
    known, gaps = check_sequence(store, env, peer)  # (step 1: the sender's numbering)
    summary = ImportSummary("ok", path.name, sender=peer.code, seq=h["seq"],
                            package_id=h["package_id"], from_seq=h["from_seq"], dry_run=dry_run,
                            sender_name=peer.name)
    with open_contents(store, env) as contents:  # decrypted; archive and manifest checked
        _notes(summary, env, peer, known)
        if gaps and not accept_gap:  # earlier packages missing: kept until they come
            summary.gaps = gaps
            summary.held = True
            summary.messages.append(gap_message(peer, gaps))
            if not dry_run:
                _hold(store, env, contents, peer)
            summary.status = "warning"
            return summary
        copy = None if dry_run else _archive_copy(store, env, peer)
        try:
            # 2. What it may write: each table read, the rows it may not write quarantined.
            permitted = check_package(store, contents, peer)
            # 3. Write it, all or nothing: rows, files and the record of the package.
            write_package(store, env, contents, permitted, peer, summary, dry_run=dry_run,
                          gaps=gaps, before_transaction=None if batch is None
                          else batch.before_transaction)
        except BaseException:
            if copy is not None:  # a refused package leaves nothing behind
                copy.unlink(missing_ok=True)
            raise
    if not dry_run:  # the package is committed: what follows can only add a note
        _reconcile(store, contents.manifest, peer, summary)
    if summary.quarantined or summary.messages or summary.gaps:
        summary.status = "warning"
    return summary


def _notes(summary: ImportSummary, env: Envelope, peer: Peer, known: dict | None) -> None:
    """What the user should know although the package goes in: the sender's clock runs ahead,
    the package came before."""
    h = env.header
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


def _reconcile(store: Store, manifest: dict, peer: Peer, summary: ImportSummary) -> None:
    """The sender's live rows counted against the manifest's totals (in a batch: later)."""
    try:
        batch = _BATCH.get()
        if batch is not None:
            batch.reconciliation.add(store, manifest, peer.code, summary)
        else:
            reconcile(store, manifest, peer.code, summary)
    except Exception as exc:
        _log.exception("reconciliation of %s", summary.package)
        summary.messages.append(f"Gói đã được nhập, nhưng không đối chiếu được số bản ghi "
                                f"với bản kê ({safe_text(exc.__class__.__name__)}).")


# --- what is kept of a package that does not go in (yet) --------------------------------------

def record_refused(store: Store, env: Envelope, peer: Peer, reason: str) -> None:
    """Keep a verified but refused package (not one already applied or held)."""
    h = env.header
    reason = safe_text(reason)
    with store.atomic():
        sync_packages.record_refused(store, peer.code, h, file_name=safe_text(env.path.name),
                                     file_sha256=env.file_sha256, size=env.file_size,
                                     reason=reason)
        audit.append(store, "sync_refuse", table="sync_packages", record_id=h["package_id"],
                     new={"sender": peer.code, "seq": h["seq"], "reason": reason})


def _hold(store: Store, env: Envelope, contents: Contents, peer: Peer) -> None:
    """Keep a package whose earlier packages are missing (`sync/held/`), to import when they
    come or the gap is accepted."""
    h = env.header
    dest = held_path(store, h["package_id"])
    if not dest.exists():   # the bytes verified, not what the file holds by now
        copy_as_read(env.path, dest, size=env.file_size, sha256=env.file_sha256)
    now = now_iso()
    with store.atomic():
        sync_packages.record_held(
            store, peer.code, h, file_name=env.path.name, file_sha256=env.file_sha256,
            size=env.file_size, received_at=now,
            counts={t: meta.get("count") for t, meta in contents.manifest["tables"].items()})
        sync_peers.note_received(store, peer.code, now)
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
