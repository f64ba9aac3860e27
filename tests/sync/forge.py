"""Building packages by hand, signed with a real unit's keys, to test what the import refuses
(bad member names, links, duplicates, zip bombs, odd manifests...)."""
from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from pathlib import Path

from desktop.models.db import Store, now_iso
from desktop.models.migrations import schema_version
from sync.envelope import canonical, seal
from sync.keys import load_unit_keys
from sync.peers import get_peer


def _line(row) -> str:
    text = json.dumps(row, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate can only travel as its escape
        text = json.dumps(row)
    return text


def rows_member(columns: list[str], rows: list) -> bytes:
    """A records member; a row given as bytes is written as it is (a hand-made line)."""
    lines = [json.dumps({"columns": columns}).encode()] + [
        r if isinstance(r, bytes) else _line(r).encode("utf-8") for r in rows]
    return b"\n".join(lines) + b"\n"


def forge(sender: Store, recipient: Store, out: Path, *, seq: int = 1, from_seq: int | None = None,
          tables: dict | None = None, members: list[tuple] | None = None,
          manifest_extra: dict | None = None, listed: dict | None = None,
          package_id: str | None = None, created_at: str | None = None,
          compress: int = zipfile.ZIP_DEFLATED, tamper_manifest: bool = False) -> Path:
    """tables: {name: (columns, rows)} written as records; members: extra (name, data[, attr]).

    `listed` replaces the manifest's member list (to list names that are not in the archive or
    to hide ones that are)."""
    keys = load_unit_keys(sender)
    pid = package_id or str(uuid.uuid4())
    buf = io.BytesIO()
    zf = zipfile.ZipFile(buf, "w")
    meta_members: dict[str, dict] = {}
    manifest_tables = {}
    for name, (columns, rows) in (tables or {}).items():
        data = rows_member(columns, rows)
        member = f"records/{name}.jsonl"
        zf.writestr(zipfile.ZipInfo(member), data, compress_type=compress)
        meta_members[member] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        manifest_tables[name] = {"count": len(rows), "deleted": 0, "columns": columns,
                                 "member": member}
    for item in members or []:
        name, data = item[0], item[1]
        info = zipfile.ZipInfo(name)
        if len(item) > 2:
            info.external_attr = item[2] << 16
        info.compress_type = compress
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zf.writestr(info, data)
        meta_members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    manifest = {"format": 1, "kind": "package", "package_id": pid,
                "schema_version": schema_version(), "app_version": "test",
                "sender": {"code": sender.unit_code, "name": "x", "level": "district"},
                "recipient": recipient.unit_code, "seq": seq, "from_seq": from_seq or seq,
                "prev_hash": None, "created_at": created_at or now_iso(), "full": False,
                "tables": manifest_tables, "totals": {}, "blobs": [],
                "members": listed if listed is not None else meta_members,
                **(manifest_extra or {})}
    try:
        mbytes = canonical(manifest)
    except UnicodeEncodeError:  # a lone surrogate in a hand-made field travels as its escape
        mbytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    signed_hash = hashlib.sha256(mbytes).hexdigest()
    if tamper_manifest:  # the sender signed one manifest, the archive holds another
        mbytes = mbytes.replace(b'"seq":', b'"seq" :', 1)
    zf.writestr("manifest.json", mbytes)
    zf.close()
    payload = buf.getvalue()
    peer = get_peer(sender, recipient.unit_code)
    fields = {"kind": "package", "package_id": pid, "sender": sender.unit_code,
              "sender_name": "x", "recipient": recipient.unit_code, "seq": seq,
              "from_seq": from_seq or seq, "created_at": created_at or now_iso(),
              "sender_enc_key": keys.enc_public,
              "manifest_sha256": signed_hash}
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        seal(fields, io.BytesIO(payload), len(payload), hashlib.sha256(payload).hexdigest(),
             keys.sign, peer.enc_key, fh)
    return out


def forge_revision(attacker: Store, province: Store, minutes_id: str, *,
                   claim_origin: str | None = None) -> str:
    """What a dishonest district can do with its own database file: write a new revision of
    another unit's minutes (as the province holds it), add a participant, claim keys for the
    other unit's signers and sign the revision with them. The rows carry the attacker's code
    (or `claim_origin`), so its next package sends them. Returns the forged revision's id."""
    import sqlite3

    from desktop.models import crypto
    from desktop.models.minutes.canonical import content_document, content_hash, \
        signature_bytes

    origin = claim_origin or attacker.unit_code
    real = province.query_one("SELECT * FROM minutes_revisions WHERE minutes_id = ? "
                              "ORDER BY revision_no DESC LIMIT 1", (minutes_id,))
    sigs = {s["meaning"]: s for s in province.query(
        "SELECT * FROM minutes_signatures WHERE revision_id = ?", (real["id"],))}
    conn = sqlite3.connect(attacker.path, isolation_level=None)
    now = now_iso()

    def insert(table: str, row: dict) -> dict:
        row = {**row, "origin_unit": origin, "created_at": now, "updated_at": now,
               "version": 1, "deleted": 0}
        conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES "
                     f"({', '.join('?' * len(row))})", list(row.values()))
        return row

    conn.execute("BEGIN")
    conn.execute("PRAGMA foreign_keys = OFF")
    keys = {}
    for meaning, s in sigs.items():
        key = crypto.new_signing_key()
        public = crypto.public_key_b64(key)
        kid = str(uuid.uuid4())
        insert("user_keys", {"id": kid, "user_id": s["user_id"], "username": s["username"],
                             "full_name": s["full_name"], "algorithm": "ed25519",
                             "public_key": public, "fingerprint": crypto.fingerprint(public),
                             "retired_at": None})
        keys[meaning] = (key, kid, public)
    rid = str(uuid.uuid4())
    rev = {k: v for k, v in real.items()
           if k not in ("origin_unit", "created_at", "updated_at", "version", "deleted")}
    rev.update(id=rid, revision_no=real["revision_no"] + 1, previous_revision_id=real["id"],
               content="Nội dung do đơn vị khác viết thay.", status="draft", pdf_sha256=None,
               reason="Sửa đổi giả")
    full = insert("minutes_revisions", rev)
    part = insert("minutes_participants", {
        "id": str(uuid.uuid4()), "revision_id": rid, "sort_order": 0, "side": "unit",
        "name": "Người Giả Mạo", "position": "", "organisation": "", "staff_id": None})
    digest = content_hash(content_document(full, [part], [], []))
    author = None
    for meaning in ("author", "confirm"):
        s = sigs[meaning]
        key, kid, public = keys[meaning]
        sig = {"id": str(uuid.uuid4()), "revision_id": rid, "minutes_id": minutes_id,
               "meaning": meaning, "meaning_text": s["meaning_text"], "user_id": s["user_id"],
               "username": s["username"], "full_name": s["full_name"],
               "position": s["position"], "signed_at": now, "key_id": kid,
               "key_fingerprint": crypto.fingerprint(public), "content_sha256": digest,
               "countersigns": hashlib.sha256(author.encode()).hexdigest() if author else None,
               "algorithm": "ed25519"}
        sig["signature"] = crypto.sign(key, signature_bytes(sig))
        author = author or sig["signature"]
        insert("minutes_signatures", sig)
    conn.execute("UPDATE minutes_revisions SET status = 'confirmed', content_sha256 = ? "
                 "WHERE id = ?", (digest, rid))
    conn.execute("COMMIT")
    conn.close()
    return rid
