"""Acknowledgements: the province tells a district what arrived; the district marks its records.

An acknowledgement travels in the same envelope as a package (kind "ack"): signed by the
province, encrypted to the district. It holds the highest sequence number applied without a gap
and the result of each package (counts, quarantined records with reasons, held packages).
"""
from __future__ import annotations

import hashlib
import json
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from desktop.models import anchors, audit, sync_packages, sync_peers, sync_sent
from desktop.models.bounded import InputRefused
from desktop.models.db import Store, now_iso
from desktop.models.progress import Progress, no_progress

from . import FORMAT_VERSION
from .anchor import ack_head, check_ack
from .archive import ArchiveReader, ArchiveWriter
from .envelope import canonical, open_payload, read_envelope, strict_json
from .errors import DamagedPackage, SyncError
from .exporter import SPOOL_MAX, _seal_to_file, sync_dir
from .sender import check_sender
from .keys import load_unit_keys
from .peers import get_peer, list_peers, my_profile, require_level
from .transport import Opener, write_atomic

MAX_PACKAGES_IN_ACK = 500
MAX_ACK_SIZE = 32 * 1024 * 1024


def ack_name(province: str, district: str, seq: int) -> str:
    return f"{province}-ack-{district}-{seq:05d}.isosync"


def ack_content(store: Store, district: str) -> dict:
    peer = get_peer(store, district)
    packages = []
    for r in sync_packages.latest_received(store, district, MAX_PACKAGES_IN_ACK):
        s = json.loads(r["summary"] or "{}")
        packages.append({
            "package_id": r["package_id"], "seq": r["seq"], "status": r["status"],
            "imported": s.get("imported", 0), "updated": s.get("updated", 0),
            "ignored": s.get("ignored", 0), "deleted": s.get("deleted", 0),
            "quarantined": s.get("quarantined", []), "gaps": s.get("gaps", []),
            "reason": r["reason"], "received_at": r["received_at"], "applied_at": r["applied_at"],
        })
    return {"kind": "ack", "province": store.unit_code, "district": district,
            "highest_seq": peer.applied_through, "packages": packages, "created_at": now_iso(),
            "audit_head": ack_head(store, district)}


def write_acks(store: Store, out_dir: Path, *, district: str | None = None,
               opener: Opener = open, progress: Progress = no_progress) -> list[Path]:
    """The province writes one acknowledgement per district it has received packages from.
    `progress(done, total)` is told before each district's, and may stop the work there (it
    raises, as the interface's Stop does through `job.progress`): each acknowledgement is whole
    (its file written atomically, then its number in one transaction), so what stops between two
    leaves the ones written whole and the rest unwritten, for the next run."""
    require_level(store, "province")
    if district:
        peer = get_peer(store, district)
        if peer is None or peer.role != "district":
            raise SyncError(f"Không có đơn vị {district} trong danh sách huyện.")
        peers = [peer]
    else:
        peers = [p for p in list_peers(store, "district") if p.active]
    peers = [p for p in peers
             if p.enc_key and p.trusted and sync_packages.received_count(store, p.code)]
    if not peers:
        raise SyncError("Chưa nhận gói nào từ huyện nên chưa có gì để báo nhận.",
                        code="nothing_to_ack")
    keys = load_unit_keys(store)
    profile = my_profile(store)
    made = []
    for peer in peers:
        progress(len(made), len(peers))
        seq = peer.row["ack_seq_out"] + 1
        content = {**ack_content(store, peer.code), "ack_seq": seq}
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
        try:
            writer = ArchiveWriter(spool)
            writer.write_bytes("ack.json", canonical(content), compress=True)
            ack_id = str(uuid.uuid4())
            manifest = writer.finish({"format": FORMAT_VERSION, "kind": "ack",
                                      "package_id": ack_id, "sender": {"code": profile.code},
                                      "recipient": peer.code, "seq": seq, "from_seq": seq})
            size = spool.tell()
            spool.seek(0)
            digest = hashlib.sha256(spool.read()).hexdigest()
            spool.seek(0)
            fields = {"kind": "ack", "package_id": ack_id, "sender": profile.code,
                      "sender_name": profile.name, "recipient": peer.code, "seq": seq,
                      "from_seq": seq, "created_at": content["created_at"],
                      "sender_enc_key": keys.enc_public,
                      "manifest_sha256": hashlib.sha256(manifest).hexdigest()}
            local = sync_dir(store, "acks") / ack_name(profile.code, peer.code, seq)
            _seal_to_file(local, fields, spool, size, digest, keys, peer.enc_key)
        finally:
            spool.close()
        dest = Path(out_dir) / local.name
        write_atomic(dest, source=local, opener=opener)
        with store.atomic():
            sync_peers.set_ack_seq_out(store, peer.code, seq)
            audit.append(store, "sync_ack_write", table="sync_peers", record_id=peer.code,
                         new={"ack_seq": seq, "highest_seq": content["highest_seq"]})
        made.append(dest)
    progress(len(made), len(peers))
    return made


@dataclass
class AckResult:
    province: str
    ack_seq: int
    highest_seq: int
    packages: int = 0
    received: int = 0
    refused: list[dict] = field(default_factory=list)
    held: list[int] = field(default_factory=list)
    refused_packages: list[dict] = field(default_factory=list)
    stale: bool = False
    message: str = ""
    audit_problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"status": "warning" if (self.refused or self.held or self.stale or
                                      self.refused_packages or self.audit_problems) else "ok",
                "audit_problems": self.audit_problems,
                "province": self.province, "ack_seq": self.ack_seq,
                "highest_seq": self.highest_seq, "packages": self.packages,
                "received": self.received, "refused": self.refused, "held": self.held,
                "refused_packages": self.refused_packages,
                "stale": self.stale, "message": self.message}


def import_ack(store: Store, path: Path) -> AckResult:
    """A district takes its province's acknowledgement and updates each record's sync state."""
    require_level(store, "district")
    path = Path(path)
    env = read_envelope(path)
    if env.header["kind"] != "ack":
        raise SyncError(f"Tệp {path.name} là gói dữ liệu, không phải giấy báo nhận; hãy dùng "
                        "“Nhập gói”.", code="not_ack")
    peer = check_sender(store, env, trust_new_sender=False, dry_run=False,
                        sound=lambda e: _is_sound(store, e))
    content = _read_content(store, env)
    result = AckResult(peer.code, content["ack_seq"], content["highest_seq"])
    if content["ack_seq"] <= peer.row["ack_seq_in"]:
        result.stale = True
        result.message = (f"Giấy báo nhận số {content['ack_seq']} cũ hơn hoặc bằng giấy đã nhập "
                          f"(số {peer.row['ack_seq_in']}); không thay đổi gì.")
        return result
    highest = content["highest_seq"]
    listed = {p["package_id"]: p for p in content["packages"]
              if isinstance(p, dict) and isinstance(p.get("package_id"), str)}
    mine = sync_packages.made_for(store, peer.code)
    with store.atomic():
        for row in mine:
            _mark_package(store, peer.code, row, listed.get(row["package_id"]), highest, result)
        sync_peers.note_ack(store, peer.code, highest, content["ack_seq"])
        result.audit_problems = check_ack(store, content, env.header["package_id"])
        audit.append(store, "sync_ack_import", table="sync_peers", record_id=peer.code,
                     new={"ack_seq": content["ack_seq"], "highest_seq": highest,
                          "received": result.received, "refused": len(result.refused)})
    anchors.checkpoint(store, "ack_import")
    parts = [f"Tỉnh đã nhận đến gói số {highest}: {result.received} bản ghi được xác nhận."]
    if result.refused:
        parts.append(f"{len(result.refused)} bản ghi bị tỉnh từ chối (xem lý do ở trạng thái "
                     "bản ghi); hãy sửa rồi gửi lại.")
    for p in result.refused_packages:
        parts.append(f"Tỉnh không nhận gói số {p['seq']} ({p['reason']}); {p['records']} bản ghi "
                     "của gói được đưa về “chưa gửi” và sẽ có trong gói sau.")
    if result.held:
        parts.append("Tỉnh đang giữ gói số " + ", ".join(map(str, result.held)) +
                     " vì thiếu gói trước; gói tiếp theo sẽ gửi kèm mọi thay đổi chưa xác nhận.")
    parts += result.audit_problems
    result.message = " ".join(parts)
    return result


def _read_content(store: Store, env) -> dict:
    """The acknowledgement's `ack.json`, decrypted, read under the limits and checked against
    the signed header."""
    path = env.path
    keys = load_unit_keys(store)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
    try:
        open_payload(env, keys.enc, spool)
        spool.seek(0)
        reader = ArchiveReader(spool, env.header["manifest_sha256"], path.name)
        try:
            content = strict_json(reader.read("ack.json"), what=f"giấy báo nhận {path.name}",
                                  limit=MAX_ACK_SIZE)
        except InputRefused as exc:
            raise DamagedPackage(f"Giấy báo nhận {path.name} không đọc được ({exc.reason}). "
                                 "Không có gì bị thay đổi; hãy đề nghị tỉnh gửi lại.") from exc
    finally:
        spool.close()
    if not isinstance(content, dict) or content.get("district") != store.unit_code or \
            content.get("ack_seq") != env.header["seq"] or \
            not isinstance(content.get("highest_seq"), int) or \
            not isinstance(content.get("packages"), list):
        raise DamagedPackage(f"Giấy báo nhận {path.name} không đúng dạng hoặc không khớp phần "
                             "đầu đã ký.")
    return content


def _is_sound(store: Store, env) -> bool:
    """Would the acknowledgement pass every check but its signer's key?"""
    try:
        _read_content(store, env)
    except Exception:  # any refusal: the file proves nothing
        return False
    return True


NOT_RECEIVED = ("tỉnh không có gói này: có thể tỉnh đã nhận một gói khác cùng số (máy được khôi "
                "phục từ bản sao lưu) hoặc gói bị thất lạc")


def _mark_package(store: Store, province: str, row: dict, pkg: dict | None, highest: int,
                  result: AckResult) -> None:
    """The records last sent in one of this unit's packages, by what the province said of it:
    applied → received; refused, or unknown to the province although it has gone past its
    number → not sent (they go in the next package); held or not yet arrived → unchanged."""
    seq = row["seq"]
    status = pkg.get("status") if pkg else None
    if status == "applied":
        result.packages += 1
        result.received += sync_sent.mark_received(store, province, seq)
        sync_packages.acknowledge(store, row["package_id"], pkg)
        for q in pkg.get("quarantined") or []:
            if not isinstance(q, dict):
                continue
            if sync_sent.mark_refused(store, province, str(q.get("table")), str(q.get("id")),
                                      seq, str(q.get("reason", ""))[:500]):
                result.refused.append({"table": q.get("table"), "id": q.get("id"),
                                       "reason": q.get("reason")})
    elif status == "held":
        result.held.append(seq)
        sync_packages.mark_made(store, row["package_id"], "held",
                                json.dumps(pkg.get("gaps") or []))
    elif status == "refused" or (pkg is None and seq <= highest and
                                 row["status"] not in ("acknowledged", "refused")):
        reason = str(pkg.get("reason") or "tỉnh từ chối gói") if pkg else NOT_RECEIVED
        forgotten = sync_sent.forget_package(store, province, seq)
        sync_packages.mark_made(store, row["package_id"], "refused", reason[:500])
        result.refused_packages.append({"seq": seq, "package_id": row["package_id"],
                                        "reason": reason, "records": forgotten})
