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


def rows_member(columns: list[str], rows: list[list]) -> bytes:
    lines = [json.dumps({"columns": columns})] + [json.dumps(r, ensure_ascii=False) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


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
    mbytes = canonical(manifest)
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
