"""Comparing the audit log with the anchors of its head (`anchors`), and the signed minutes the
log and the backups know of with what the file still holds.

Used by `isodesk db check` and `isodesk minutes verify` (the "audit_chain" of its JSON). It finds:

- a **shortened** log: an anchor recorded more entries than the log now has;
- a **rewritten** log: the entry an anchor names no longer has the hash recorded then;
- a **signed minutes that disappeared**: a signature the log recorded (`minutes_signed`) or a
  backup holds is no longer in the file (or is marked deleted);
- a checkpoint file whose lines are not signed by the unit's key.

Anchors older than a restore from a backup (`database_restored` in the log) that are ahead of the
restored head are what the restore gave up: listed as notes, not as damage.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from . import audit, crypto
from .anchors import OWN_KINDS, chain_head, checkpoint_payload, hash_at, read_checkpoints
from .db import CHECKPOINT_FILENAME, Store, list_backups, read_only_uri, shown_time

_BACKUP_STAMP = re.compile(r"^isodesk-(\d{8}-\d{6})-(\d{3})-")
_SOURCES = {"checkpoint": "điểm mốc đã ký", "package_sent": "gói đồng bộ gửi tỉnh",
            "ack_received": "giấy báo nhận của tỉnh"}
_REASONS = {"minutes_signed": "sau khi ký biên bản", "exit": "khi thoát chương trình",
            "cli": "khi chạy lệnh", "manual": "khi sao lưu", "sync_export": "khi tạo gói đồng bộ",
            "ack_import": "khi nhập giấy báo nhận", "restore": "khi khôi phục bản sao lưu"}


@dataclass
class Anchor:
    source: str
    seq: int
    hash: str
    at: _dt.datetime | None


@dataclass
class ChainCheck:
    chain: audit.ChainReport
    anchors: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.problems

    @property
    def message(self) -> str:
        if self.ok and not self.anchors:   # a new folder: only the log itself could be checked
            return (f"{self.chain.message} Chưa có điểm mốc nào ghi bên ngoài nhật ký để đối "
                    "chiếu (điểm mốc đã ký, bản sao lưu, gói đồng bộ, giấy báo nhận; có sau lần "
                    "thoát, sao lưu hoặc gửi gói đầu tiên) nên chưa thể phát hiện nhật ký bị "
                    "cắt ngắn.")
        if self.ok:
            return (f"{self.chain.message} Khớp với {self.anchors} điểm mốc ghi bên ngoài nhật ký "
                    "(điểm mốc đã ký, bản sao lưu, gói đồng bộ, giấy báo nhận).")
        parts = ([] if self.chain.ok else [self.chain.message]) + self.problems
        return " ".join(parts)

    def as_dict(self) -> dict:
        return {**self.chain.as_dict(), "ok": self.ok, "message": self.message,
                "anchors": self.anchors, "problems": list(self.problems),
                "notes": list(self.notes)}


def _when(text: str | None) -> _dt.datetime | None:
    try:
        value = _dt.datetime.fromisoformat(text or "")
    except ValueError:
        return None
    return value if value.tzinfo else value.astimezone()


def backup_time(path: Path) -> _dt.datetime | None:
    m = _BACKUP_STAMP.match(path.name)
    if not m:
        return None
    return _dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d-%H%M%S%f").astimezone()


def check_chain(store: Store, *, backups: bool = True) -> ChainCheck:
    result = ChainCheck(audit.verify_chain(store))
    length = chain_head(store).seq
    restore = _last_restore(store)
    anchors = _table_anchors(store) + _file_anchors(store, result)
    backup_sigs: dict[str, tuple[dict, str, _dt.datetime | None]] = {}
    if backups:
        anchors += _backup_anchors(store, backup_sigs)
    shortest: Anchor | None = None
    rewritten: Anchor | None = None
    for a in anchors:
        if restore and a.at and a.at < restore[0] and a.seq > restore[1]:
            continue  # given up by the restore (listed below)
        result.anchors += 1
        if a.seq > length:
            if shortest is None or a.seq > shortest.seq:
                shortest = a
        elif hash_at(store, a.seq) != a.hash and (rewritten is None or a.seq < rewritten.seq):
            rewritten = a
    if shortest is not None:
        result.problems.append(
            f"Nhật ký kiểm toán bị cắt ngắn: {shortest.source} lúc {shown_time(shortest.at)} ghi "
            f"nhận {shortest.seq} mục, nay chỉ còn {length} mục (các mục từ số {length + 1} đã "
            "bị xóa).")
    if rewritten is not None:
        result.problems.append(
            f"Nhật ký kiểm toán đã bị viết lại: mục số {rewritten.seq} không còn như "
            f"{rewritten.source} lúc {shown_time(rewritten.at)} ghi nhận.")
    if restore:
        given_up = [a for a in anchors if a.at and a.at < restore[0] and a.seq > restore[1]]
        if given_up:
            result.notes.append(
                f"Tệp dữ liệu đã được khôi phục từ bản sao lưu lúc {shown_time(restore[0])}: "
                f"{len(given_up)} điểm mốc ghi trước đó (đến mục {max(a.seq for a in given_up)}) "
                f"thuộc dữ liệu đã bỏ, không so sánh.")
    result.problems += signed_minutes_missing(store)
    result.problems += _missing_from_backups(store, backup_sigs, restore)
    return result


def _last_restore(store: Store) -> tuple[_dt.datetime, int] | None:
    row = store.query_one("SELECT at, new FROM audit_log WHERE action = 'database_restored' "
                          "ORDER BY seq DESC LIMIT 1")
    if row is None:
        return None
    try:
        base = int(json.loads(row["new"] or "{}").get("base_seq", 0))
    except (ValueError, TypeError, AttributeError):
        base = 0
    at = _when(row["at"])
    return (at, base) if at else None


def _table_anchors(store: Store) -> list[Anchor]:
    rows = store.query(f"SELECT kind, seq, hash, at, ref FROM audit_anchors WHERE unit = ? AND "
                       f"kind IN ({','.join('?' * len(OWN_KINDS))})",
                       (store.unit_code, *OWN_KINDS))
    return [Anchor(_source(r["kind"], r["ref"]), r["seq"], r["hash"], _when(r["at"]))
            for r in rows]


def _source(kind: str, ref: str) -> str:
    base = _SOURCES.get(kind, kind)
    if kind == "checkpoint" and ref in _REASONS:
        return f"{base} ({_REASONS[ref]})"
    return base


def _unit_sign_keys(store: Store) -> set[str]:
    try:
        return {r[0] for r in store.conn.execute(
            "SELECT public_key FROM sync_unit_keys WHERE purpose = 'sign'")}
    except sqlite3.Error:
        return set()


def _file_anchors(store: Store, result: ChainCheck) -> list[Anchor]:
    lines, bad = read_checkpoints(store.data_dir)
    keys = _unit_sign_keys(store)
    out = []
    unsigned = 0
    forged = list(bad)
    for line in lines:
        if line.get("unit") != store.unit_code:
            continue
        if "signature" not in line:
            unsigned += 1
        elif line.get("key") not in keys or not crypto.verify(
                line["key"], line["signature"], checkpoint_payload(line)):
            forged.append(line["_line"])
            continue
        out.append(Anchor(_source("checkpoint", line.get("reason", "")), line["seq"],
                          line["hash"], _when(line.get("at"))))
    if forged:
        result.problems.append(
            f"Tệp {CHECKPOINT_FILENAME} có {len(forged)} dòng không mang chữ ký hợp lệ của đơn vị "
            f"(dòng {', '.join(map(str, forged[:5]))}{'…' if len(forged) > 5 else ''}): tệp đã "
            "bị sửa.")
    if unsigned:
        result.notes.append(f"{unsigned} điểm mốc ghi khi khóa đơn vị không dùng được trên máy "
                            "này nên không có chữ ký.")
    return out


def _backup_anchors(store: Store, sigs: dict) -> list[Anchor]:
    """The head of each backup of this unit, and (into `sigs`) the signatures it holds."""
    out = []
    for path in list_backups(store.backup_dir):
        try:
            conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        except sqlite3.Error:
            continue
        try:
            unit = conn.execute("SELECT code FROM unit_profile").fetchone()
            if unit is None or unit[0] != store.unit_code:
                continue
            head = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC "
                                "LIMIT 1").fetchone()
            at = backup_time(path)
            if head:
                out.append(Anchor(f"bản sao lưu {path.name}", head[0], head[1], at))
            for row in conn.execute(
                    "SELECT s.id, s.full_name, s.meaning_text, s.signed_at, r.number "
                    "FROM minutes_signatures s JOIN minutes_revisions r ON r.id = s.revision_id "
                    "WHERE s.origin_unit = ? AND s.deleted = 0", (store.unit_code,)):
                sigs.setdefault(row[0], ({"full_name": row[1], "meaning_text": row[2],
                                          "signed_at": row[3], "number": row[4]}, path.name, at))
        except sqlite3.Error:
            continue
        finally:
            conn.close()
    return out


def _missing_from_backups(store: Store, sigs: dict, restore) -> list[str]:
    if not sigs:
        return []
    present = {r[0] for r in store.conn.execute(
        "SELECT s.id FROM minutes_signatures s JOIN minutes_revisions r ON r.id = s.revision_id "
        "JOIN minutes m ON m.id = r.minutes_id WHERE s.deleted = 0 AND r.deleted = 0 "
        "AND m.deleted = 0")}
    problems = []
    for sig_id, (sig, name, at) in sigs.items():
        if sig_id in present or (restore and at and at < restore[0]):
            continue
        problems.append(f"Biên bản số {sig['number']}: chữ ký của {sig['full_name']} "
                        f"({sig['meaning_text']}, lúc {shown_time(sig['signed_at'])}) có trong "
                        f"bản sao lưu {name} nhưng không còn trong tệp dữ liệu.")
    return problems


def signed_minutes_missing(store: Store) -> list[str]:
    """Each signature the log recorded must still be in the file, with its revision and minutes
    not deleted."""
    problems = []
    for entry in store.query("SELECT seq, at, record_id, new FROM audit_log WHERE action = "
                             "'minutes_signed' ORDER BY seq"):
        try:
            new = json.loads(entry["new"] or "{}")
        except ValueError:
            continue
        row = store.query_one(
            "SELECT s.deleted AS s_del, r.deleted AS r_del, m.deleted AS m_del, r.number "
            "FROM minutes_revisions r LEFT JOIN minutes m ON m.id = r.minutes_id "
            "LEFT JOIN minutes_signatures s ON s.id = ? AND s.revision_id = r.id "
            "WHERE r.id = ?", (new.get("signature_id"), entry["record_id"]))
        who, when = new.get("username", "?"), shown_time(entry["at"])
        if row is None or row["r_del"] or row["m_del"] in (None, 1):
            number = (row or {}).get("number") or _number_from_log(store, entry["record_id"])
            problems.append(f"Biên bản số {number} đã ký (tài khoản {who}, lúc {when}, mục "
                            f"nhật ký số {entry['seq']}) không còn trong tệp dữ liệu.")
        elif row["s_del"] in (None, 1):
            problems.append(f"Chữ ký của tài khoản {who} lúc {when} trên biên bản số "
                            f"{row['number']} đã bị xóa khỏi tệp dữ liệu.")
    return problems


def _number_from_log(store: Store, revision_id: str) -> str:
    for r in store.query("SELECT new FROM audit_log WHERE table_name = 'minutes_revisions' AND "
                         "record_id = ? ORDER BY seq", (revision_id,)):
        try:
            number = json.loads(r["new"] or "{}").get("number")
        except (ValueError, AttributeError):
            continue
        if number:
            return str(number)
    return "?"
