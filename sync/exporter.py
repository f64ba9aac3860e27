"""Making a package: every record changed since the last acknowledged one, signed and
encrypted to the recipient, written atomically.

Generic over the declared list of synced tables (`desktop.models.synced_tables`): the tables are
those whose direction lets this unit send them (a district sends "up" and "both", a province
"down" and "both"), the columns come from the database schema, and the files named by
`BLOB_COLUMNS` travel once.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__
from desktop.models import (
    anchors, atomic, audit, sync_packages, sync_peers, sync_sent, synced_rows, synced_tables,
)
from desktop.models.blobs import blob_path
from desktop.models.db import Store, now_iso
from desktop.models.migrations import schema_version

from . import FORMAT_VERSION, PACKAGE_SUFFIX
from .anchor import note_package_sent, package_anchor
from .archive import ArchiveWriter
from .envelope import seal
from .errors import NotEnrolled, SyncError
from .keys import UnitKeys, load_unit_keys
from .labels import table_label
from .peers import Peer, get_peer, list_peers, my_profile, province_of
from .transport import Opener, write_atomic

SYNC_DIRNAME = "sync"
BLOB_TABLE = "@blob"
SPOOL_MAX = 64 * 1024 * 1024


def sync_dir(store: Store, *parts: str) -> Path:
    folder = store.data_dir / SYNC_DIRNAME
    for p in parts:
        folder = folder / p
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def outgoing_tables(store: Store, level: str) -> list[str]:
    """Synced tables this unit sends, in dependency order."""
    mine = "up" if level == "district" else "down"
    present = synced_rows.existing_tables(store)
    return [t for t in synced_tables.SYNCED_TABLES
            if synced_tables.DIRECTIONS.get(t, "up") in (mine, "both") and t in present]


def package_name(code: str, seq: int, recipient: str | None = None) -> str:
    """`<district>-<seq>` going up; `<province>-<district>-<seq>` going down (each district has
    its own sequence, so the district's code keeps the packages of one export apart)."""
    if recipient:
        return f"{code}-{recipient}-{seq:05d}{PACKAGE_SUFFIX}"
    return f"{code}-{seq:05d}{PACKAGE_SUFFIX}"


def free_name(folder: Path, name: str, *, taken=(), same_sha: str | None = None) -> str:
    """`name`, or `<stem>-2<suffix>`, `-3`… when a file of another package has it already.

    A file whose SHA-256 is `same_sha` is the same package (copied again) and may be replaced."""
    stem, suffix = name[:-len(PACKAGE_SUFFIX)], PACKAGE_SUFFIX
    candidate, n = name, 1
    while True:
        path = Path(folder) / candidate
        if candidate not in taken and not path.exists():
            return candidate
        if same_sha is not None and candidate not in taken and path.is_file():
            from .transport import sha256_file

            try:
                if sha256_file(path) == same_sha:
                    return candidate
            except OSError:
                pass
        n += 1
        candidate = f"{stem}-{n}{suffix}"


@dataclass
class ExportResult:
    path: Path
    package_id: str
    recipient: str
    seq: int
    from_seq: int
    counts: dict[str, int]
    deleted: dict[str, int]
    blobs: int
    size: int
    full: bool
    warnings: list[str] = field(default_factory=list)
    copied_to: Path | None = None

    def as_json(self) -> dict:
        return {"package": str(self.copied_to or self.path), "seq": self.seq,
                "counts": self.counts, "from_seq": self.from_seq, "recipient": self.recipient,
                "package_id": self.package_id, "blobs": self.blobs, "size": self.size,
                "full": self.full, "deleted": self.deleted, "warnings": self.warnings}


def _recipients(store: Store, recipient: str | None) -> list[Peer]:
    profile = my_profile(store)
    if profile.level == "district":
        peer = province_of(store)
        if recipient and recipient != peer.code:
            raise SyncError(f"Đơn vị {profile.code} chỉ gửi gói cho BHXH tỉnh {peer.code}.")
        return [peer]
    if recipient:
        peer = get_peer(store, recipient)
        if peer is None or peer.role != "district":
            raise SyncError(f"Không có đơn vị {recipient} trong danh sách huyện.")
        return [peer]
    return [p for p in list_peers(store, "district") if p.active and p.enc_key and p.trusted]


def export_packages(store: Store, out_dir: Path | None = None, *, recipient: str | None = None,
                    full: bool = False, opener: Opener = open) -> list[ExportResult]:
    """A district: one package for its province. A province: one per trusted district."""
    targets = _recipients(store, recipient)
    if not targets:
        raise NotEnrolled("Chưa có huyện nào gửi gói đầu tiên (chưa biết khóa của huyện nào), nên "
                          "chưa gửi được gói xuống huyện.")
    keys = load_unit_keys(store)
    return [export_package(store, peer, out_dir, full=full, keys=keys, opener=opener)
            for peer in targets]


def export_package(store: Store, peer: Peer, out_dir: Path | None = None, *, full: bool = False,
                   keys: UnitKeys | None = None, opener: Opener = open) -> ExportResult:
    profile = my_profile(store)
    if not peer.enc_key:
        raise NotEnrolled(f"Chưa có khóa của {peer.name} ({peer.code}); chưa gửi được gói.")
    keys = keys or load_unit_keys(store)
    me = profile.code
    seq = peer.out_seq + 1
    from_seq = 1 if full else min(peer.acked_through + 1, seq)
    package_id = str(uuid.uuid4())
    created_at = now_iso()
    tables = outgoing_tables(store, profile.level)
    counts: dict[str, int] = {}
    deleted: dict[str, int] = {}
    sent_rows: list[tuple] = []
    blob_refs: dict[str, tuple[str, str]] = {}
    manifest_tables: dict[str, dict] = {}
    totals: dict[str, int] = {}
    warnings: list[str] = []

    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
    try:
        writer = ArchiveWriter(spool)
        for table in tables:
            columns = synced_rows.table_columns(store, table)
            idx_id, idx_ver = columns.index("id"), columns.index("version")
            idx_del = columns.index("deleted")
            blob_idx = [columns.index(c) for c in synced_tables.BLOB_COLUMNS.get(table, ())
                        if c in columns]
            rows = sync_sent.rows_to_send(store, table, peer.code, me, full=full)
            if not rows:
                continue
            n_del = 0
            for row in rows:
                sent_rows.append((peer.code, table, row[idx_id], row[idx_ver], seq))
                n_del += row[idx_del]
                for i in blob_idx:
                    if row[i]:
                        blob_refs.setdefault(row[i], (table, row[idx_id]))
            member = f"records/{table}.jsonl"
            counts[table] = writer.write_rows(member, columns, rows)
            deleted[table] = n_del
            manifest_tables[table] = {"count": counts[table], "deleted": n_del,
                                      "columns": columns, "member": member,
                                      "direction": synced_tables.DIRECTIONS.get(table, "up")}
        for table in tables:
            totals[table] = synced_rows.live_count(store, table, me)
        blobs = _write_blobs(store, writer, peer.code, blob_refs, full, sent_rows, seq, warnings)
        prev = sync_packages.manifest_hash(store, peer.code, seq - 1)
        manifest = {
            "format": FORMAT_VERSION, "kind": "package", "package_id": package_id,
            "schema_version": schema_version(), "app_version": __version__,
            "sender": {"code": me, "name": profile.name, "level": profile.level},
            "recipient": peer.code, "seq": seq, "from_seq": from_seq,
            "prev_hash": prev, "created_at": created_at,
            "full": full, "tables": manifest_tables, "totals": totals, "blobs": blobs,
            "audit": package_anchor(store),
        }
        manifest_bytes = writer.finish(manifest)
        payload_size = spool.tell()
        spool.seek(0)
        digest = hashlib.sha256()
        for block in iter(lambda: spool.read(1 << 20), b""):
            digest.update(block)
        spool.seek(0)
        outgoing = sync_dir(store, "outgoing")
        taken = sync_packages.made_file_names(store)
        name = free_name(outgoing, package_name(
            me, seq, peer.code if profile.level == "province" else None), taken=taken)
        local = outgoing / name
        fields = {"kind": "package", "package_id": package_id, "sender": me,
                  "sender_name": profile.name, "recipient": peer.code, "seq": seq,
                  "from_seq": from_seq, "created_at": created_at,
                  "sender_enc_key": keys.enc_public,
                  "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest()}
        file_sha = _seal_to_file(local, fields, spool, payload_size, digest.hexdigest(), keys,
                                 peer.enc_key)
    finally:
        spool.close()

    size = local.stat().st_size
    with store.atomic():
        sync_packages.record_made(
            store, package_id, peer.code, seq, from_seq, file_name=name, file_sha256=file_sha,
            size=size, manifest_sha256=fields["manifest_sha256"], full=full, created_at=created_at,
            counts={"tables": counts, "deleted": deleted, "blobs": len(blobs)})
        sync_peers.set_out_seq(store, peer.code, seq)
        sync_sent.note_sent(store, sent_rows)
        audit.append(store, "sync_export", table="sync_packages", record_id=package_id,
                     new={"recipient": peer.code, "seq": seq, "from_seq": from_seq,
                          "counts": counts, "blobs": len(blobs), "full": full})
        note_package_sent(store, package_id, manifest["audit"])
    anchors.checkpoint(store, "sync_export")
    result = ExportResult(local, package_id, peer.code, seq, from_seq, counts, deleted,
                          len(blobs), size, full, warnings)
    if out_dir is not None:
        result.copied_to = deliver_to_folder(store, result.package_id, Path(out_dir),
                                             opener=opener)
    return result


def _write_blobs(store: Store, writer: ArchiveWriter, peer: str, refs: dict, full: bool,
                 sent_rows: list, seq: int, warnings: list[str]) -> list[str]:
    if not refs:
        return []
    done = set()
    if not full:
        done = sync_sent.received_ids(store, peer, BLOB_TABLE)
    out = []
    for digest in sorted(refs):
        if digest in done:
            continue
        try:
            data = blob_path(store, digest).read_bytes()
        except (OSError, SyncError, Exception):
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            table, rid = refs[digest]
            warnings.append(f"Tệp {digest[:12]}… của bản ghi {rid} ({table_label(table)}) không "
                            "còn trong thư mục dữ liệu (hoặc đã hỏng) nên không gửi kèm được.")
            continue
        writer.write_bytes(f"blobs/{digest}", data)
        sent_rows.append((peer, BLOB_TABLE, digest, 1, seq))
        out.append(digest)
    return out


class _HashingFile:
    def __init__(self, fh):
        self.fh = fh
        self.h = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.h.update(data)
        return self.fh.write(data)


def _seal_to_file(dest: Path, fields: dict, payload, payload_size: int, payload_sha: str,
                  keys: UnitKeys, recipient_enc_key: str) -> str:
    """Seal straight into a temporary file, fsync, rename: a crash leaves no complete-looking file."""
    tmp = dest.with_name("." + dest.name + ".partial")
    try:
        with open(tmp, "wb") as raw:
            out = _HashingFile(raw)
            seal(fields, payload, payload_size, payload_sha, keys.sign, recipient_enc_key, out)
            raw.flush()
            os.fsync(raw.fileno())
        atomic.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        from .transport import disk_message
        from .errors import DiskError

        raise DiskError(disk_message(exc, dest)) from exc
    return out.h.hexdigest()


def outgoing_path(store: Store, package_id: str) -> tuple[dict, Path]:
    row = sync_packages.made(store, package_id)
    if row is None:
        raise SyncError("Không tìm thấy gói này trong danh sách gói đã tạo.")
    path = store.data_dir / SYNC_DIRNAME / "outgoing" / row["file_name"]
    if not path.is_file():
        raise SyncError(f"Tệp {row['file_name']} không còn trong thư mục dữ liệu; hãy tạo gói "
                        "mới (gói mới chứa mọi thay đổi chưa được tỉnh xác nhận).")
    return row, path


def mark_sent(store: Store, package_id: str, via: str) -> None:
    with store.atomic():
        sync_packages.mark_sent(store, package_id, via)
        row = sync_packages.made(store, package_id)
        if row is not None:
            sync_peers.note_sent(store, row["peer"])


def deliver_to_folder(store: Store, package_id: str, folder: Path, *, via: str = "folder",
                      opener: Opener = open) -> Path:
    """Copy a made package to a folder or USB drive: atomic, read back and verified."""
    row, path = outgoing_path(store, package_id)
    dest = Path(folder) / free_name(folder, row["file_name"], same_sha=row["file_sha256"])
    got = write_atomic(dest, source=path, opener=opener)
    if got != row["file_sha256"]:
        dest.unlink(missing_ok=True)
        raise SyncError(f"Tệp {row['file_name']} trong thư mục dữ liệu đã bị thay đổi; hãy tạo "
                        "gói mới.")
    mark_sent(store, package_id, via)
    return dest


def clock_skew_days(created_at: str) -> float:
    try:
        then = _dt.datetime.fromisoformat(created_at)
        if then.tzinfo is None:
            then = then.astimezone()
    except ValueError:
        return 0.0
    return (then - _dt.datetime.now().astimezone()).total_seconds() / 86400
