"""Several kiosk PCs in one room, with no network: two files carried by hand.

1. The *kiosk setup file*, made on the main PC for one kiosk PC: the session, its attendance, the
   roster, the question bank, the paper variants printed so far (a kiosk PC prints only those),
   the proctor's PIN (hashed) and a signing key issued to that kiosk, with its label ("Máy 2",
   what the kiosk shows and its attempts record) (Ed25519; the main PC keeps the public half).
2. The *results file*, made on the kiosk PC: the session's attendance, attempts and answers,
   signed with the issued key. The main PC accepts it only when the signature matches a key it
   issued for that session (a file signed with the key of another session is refused as
   belonging to that session); a file already imported is recognised by its SHA-256 and merges
   nothing; rows already here (same id, same or newer version) are ignored, so nothing is merged
   twice however often the files are brought over, and the answer says so ("merged": 0).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .. import atomic, audit, blobs, crypto, oserrors, records
from ..bounded import InputRefused, load_json
from ..db import Store, now_iso
from ..errors import IsoDeskError
from ..unit import get_profile, save_profile
from . import pictures, sessions
from .bulk import rows_of, upsert_rows
from .common import (ANSWERS, ATTEMPTS, ATTENDANCE, QUESTIONS, SESSIONS, TOPICS, VARIANTS,
                     VERSIONS, QuizError)
from .kiosk import kiosk_id, kiosk_label

PICTURES = pictures.TABLE

SETUP_FORMAT = "isodesk-quiz-kiosk-setup"
RESULTS_FORMAT = "isodesk-quiz-results"
FORMAT_VERSION = 1
SETUP_SUFFIX = ".isokiosk"
RESULTS_SUFFIX = ".isoresults"
MAX_KIOSK_FILE = 256 * 1024 * 1024  # a whole session's questions, staff and answers


def _canonical(value) -> bytes:
    return audit.canonical_json(value).encode("utf-8")


def _write(path: Path, data: dict) -> Path:
    """Write a kiosk file whole (often to a USB stick): fsync'd before it is renamed into place,
    so that a stick pulled out right after holds the whole file or the old one; a failure is
    said in Vietnamese, with what to do."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise QuizError(f"Không ghi được tệp {path.name} vào {path.parent}: "
                        f"{oserrors.reason(exc)}. Tệp chưa được ghi; hãy cắm lại ổ USB (hoặc "
                        "chọn thư mục khác) rồi làm lại.") from exc
    return path


def _read(path: Path, fmt: str, what: str) -> tuple[dict, bytes]:
    if not Path(path).is_file():
        raise QuizError(f"Không tìm thấy tệp {path}: hãy kiểm tra lại đường dẫn (hoặc ổ USB chứa "
                        "tệp đã cắm vào máy chưa).")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_KIOSK_FILE + 1)
        data = load_json(raw, what=f"{what} {Path(path).name}", limit=MAX_KIOSK_FILE,
                         encoding="utf-8-sig")
    except OSError as exc:
        raise QuizError(f"Không đọc được {what} {Path(path).name}: tệp hỏng hoặc không đúng loại."
                        ) from exc
    except InputRefused as exc:
        raise QuizError(exc.message) from exc
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise QuizError(f"Tệp {Path(path).name} không phải {what} của ISO Desk.")
    if data.get("version") != FORMAT_VERSION:
        raise QuizError(f"{what.capitalize()} {Path(path).name} có phiên bản {data.get('version')}"
                        " mà chương trình này chưa đọc được: hãy cập nhật ISO Desk.")
    return data, raw


# ---------------------------------------------------------------------------------------------
# The setup file (main PC → kiosk PC)

def export_setup(store: Store, session_id: str, path: Path, *, label: str) -> dict:
    session = sessions.get_session(store, session_id)
    digest = sessions.pin_hash(store, session_id)
    if not digest:
        raise QuizError("Hãy đặt mã PIN giám sát cho buổi này trước khi chuẩn bị máy kiểm tra.")
    label = (label or "").strip() or "Máy kiểm tra"
    key = crypto.new_signing_key()
    public = crypto.public_key_b64(key)
    key_id = records.new_id()
    profile = get_profile(store)
    rows = {
        "staff": rows_of(store, "staff", "origin_unit = ? AND deleted = 0", (store.unit_code,)),
        TOPICS: rows_of(store, TOPICS, "deleted = 0"),
        QUESTIONS: rows_of(store, QUESTIONS, "deleted = 0"),
        VERSIONS: rows_of(store, VERSIONS, "deleted = 0"),
        PICTURES: rows_of(store, PICTURES, "deleted = 0"),
        SESSIONS: rows_of(store, SESSIONS, "id = ?", (session_id,)),
        ATTENDANCE: rows_of(store, ATTENDANCE, "session_id = ?", (session_id,)),
        VARIANTS: rows_of(store, VARIANTS, "session_id = ? AND deleted = 0", (session_id,)),
    }
    private = crypto.b64e(key.private_bytes(serialization.Encoding.Raw,
                                            serialization.PrivateFormat.Raw,
                                            serialization.NoEncryption()))
    payload = {"unit": profile.as_dict() if profile else {"code": store.unit_code},
               "session_id": session_id, "session_title": session.display_title,
               "exported_at": now_iso(), "issued_by": store.actor,
               "kiosk": {"key_id": key_id, "label": label, "private_key": private,
                         "public_key": public},
               "pin_hash": digest, "rows": rows,
               # the pictures' files, once each, so that the kiosk shows them
               "files": {r["sha256"]: crypto.b64e(data) for r in rows[PICTURES]
                         if (data := pictures.read(store, r["sha256"])) is not None}}
    data = {"format": SETUP_FORMAT, "version": FORMAT_VERSION, "payload": payload,
            "sha256": hashlib.sha256(_canonical(payload)).hexdigest()}
    with store.atomic():
        store.execute("INSERT INTO quiz_kiosk_keys (key_id, session_id, label, public_key, "
                      "fingerprint, issued_at, issued_by) VALUES (?,?,?,?,?,?,?)",
                      (key_id, session_id, label, public, crypto.fingerprint(public), now_iso(),
                       store.actor))
        audit.append(store, "kiosk_setup_export", table=SESSIONS, record_id=session_id,
                     new={"label": label, "key_id": key_id,
                          "fingerprint": crypto.fingerprint(public)})
        _write(path, data)
    return {"file": str(path), "label": label, "key_id": key_id,
            "fingerprint": crypto.fingerprint(public), "staff": len(rows["staff"]),
            "questions": len(rows[QUESTIONS])}


def import_setup(store: Store, path: Path) -> dict:
    data, _raw = _read(path, SETUP_FORMAT, "tệp chuẩn bị máy kiểm tra")
    payload = data.get("payload") or {}
    if hashlib.sha256(_canonical(payload)).hexdigest() != data.get("sha256"):
        raise QuizError("Tệp chuẩn bị máy kiểm tra đã bị thay đổi hoặc hỏng khi chép: hãy chép "
                        "lại từ máy chính.")
    unit = (payload.get("unit") or {}).get("code")
    if not store.unit_code:
        raise QuizError("Máy này chưa khai báo đơn vị. Hãy khai báo đúng mã đơn vị "
                        f"{unit} rồi mở lại tệp.")
    if unit != store.unit_code:
        raise QuizError(f"Tệp này của đơn vị {unit}, còn máy này khai báo đơn vị "
                        f"{store.unit_code}: không dùng được.")
    rows = payload.get("rows") or {}
    for r in rows.get("staff", []):
        clash = store.query_one("SELECT id FROM staff WHERE origin_unit = ? AND staff_code = ? "
                                "AND deleted = 0 AND id != ?",
                                (r.get("origin_unit"), r.get("staff_code"), r.get("id")))
        if clash:
            raise QuizError(f"Máy này đã có một danh sách cán bộ khác (mã {r.get('staff_code')} "
                            "trùng nhưng khác người). Hãy dùng một máy chưa nhập danh sách cán bộ "
                            "làm máy kiểm tra.")
    kiosk = payload.get("kiosk") or {}
    session_id = payload.get("session_id")
    counts = {}
    files = payload.get("files") or {}
    with store.atomic():
        for digest, b64 in files.items():
            data = crypto.b64d(b64)
            if blobs.sha256_bytes(data) == digest and pictures.sniff(data):
                blobs.put_blob(store, data)
        for table in ("staff", TOPICS, QUESTIONS, VERSIONS, PICTURES, SESSIONS, ATTENDANCE,
                      VARIANTS):
            counts[table] = upsert_rows(store, table, [
                r for r in rows.get(table, []) if table != VARIANTS
                or r.get("session_id") == session_id])
        sessions.store_pin_hash(store, session_id, payload.get("pin_hash") or "")
        _adopt_level_names(store, (payload.get("unit") or {}).get("level_names"))
        store.execute("INSERT INTO quiz_kiosk_identity (session_id, key_id, label, private_key, "
                      "public_key, received_at) VALUES (?,?,?,?,?,?) ON CONFLICT(session_id) DO "
                      "UPDATE SET key_id = excluded.key_id, label = excluded.label, private_key = "
                      "excluded.private_key, public_key = excluded.public_key, received_at = "
                      "excluded.received_at",
                      (session_id, kiosk["key_id"], kiosk["label"], kiosk["private_key"],
                       kiosk["public_key"], now_iso()))
        audit.append(store, "kiosk_setup_import", table=SESSIONS, record_id=session_id,
                     new={"label": kiosk.get("label"), "key_id": kiosk.get("key_id"),
                          "rows": {t: c["inserted"] + c["updated"] for t, c in counts.items()}})
    return {"session_id": session_id, "label": kiosk.get("label"),
            "staff": len(rows.get("staff", [])), "questions": len(rows.get(QUESTIONS, []))}


def _adopt_level_names(store: Store, names) -> None:
    """The kiosk PC shows the questions with the unit names of the main PC (same unit)."""
    profile = get_profile(store)
    if profile is None or not isinstance(names, dict):
        return
    names = {str(k): str(v) for k, v in names.items() if isinstance(v, str)}
    if names != profile.level_names:
        save_profile(store, dataclasses.replace(profile, level_names=names))


def kiosk_identity(store: Store, session_id: str) -> dict | None:
    return store.query_one("SELECT * FROM quiz_kiosk_identity WHERE session_id = ?", (session_id,))


# ---------------------------------------------------------------------------------------------
# The results file (kiosk PC → main PC)

def export_results(store: Store, session_id: str, path: Path) -> dict:
    ident = kiosk_identity(store, session_id)
    if ident is None:
        raise QuizError("Máy này không được chuẩn bị làm máy kiểm tra cho buổi này (chưa mở tệp "
                        "chuẩn bị từ máy chính), nên không xuất được tệp kết quả có chữ ký.")
    key = Ed25519PrivateKey.from_private_bytes(crypto.b64d(ident["private_key"]))
    attempts = rows_of(store, ATTEMPTS, "session_id = ?", (session_id,))
    ids = [a["id"] for a in attempts]
    answers: list[dict] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        answers += rows_of(store, ANSWERS, f"attempt_id IN ({','.join('?' * len(chunk))})", chunk)
    payload = {"unit_code": store.unit_code, "session_id": session_id,
               "key_id": ident["key_id"], "kiosk_label": ident["label"],
               "kiosk_id": kiosk_id(store), "computer": kiosk_label(), "exported_at": now_iso(),
               "rows": {ATTENDANCE: rows_of(store, ATTENDANCE, "session_id = ?", (session_id,)),
                        ATTEMPTS: attempts, ANSWERS: answers}}
    data = {"format": RESULTS_FORMAT, "version": FORMAT_VERSION, "payload": payload,
            "signature": crypto.sign(key, _canonical(payload))}
    _write(path, data)
    audit.append(store, "quiz_results_export", table=SESSIONS, record_id=session_id,
                 new={"attempts": len(attempts), "file": Path(path).name})
    submitted = sum(1 for a in attempts if a["status"] == "submitted")
    return {"file": str(path), "attempts": len(attempts), "submitted": submitted,
            "in_progress": len(attempts) - submitted}


def _session_title(store: Store, session_id: str | None) -> str:
    try:
        return f"“{sessions.get_session(store, session_id).display_title}”"
    except IsoDeskError:
        return "không có ở máy này"


def import_results(store: Store, path: Path, *, session_id: str | None = None) -> dict:
    """Merge a kiosk PC's signed results file; with `session_id` (the session open on screen),
    a file of another session is refused as such. "merged" counts what the file changed here:
    0 when everything in it was here already (the same file again, or a new export with nothing
    new), which the answer says."""
    data, raw = _read(path, RESULTS_FORMAT, "tệp kết quả")
    digest = hashlib.sha256(raw).hexdigest()
    payload = data.get("payload") or {}
    file_session = payload.get("session_id")
    key = store.query_one("SELECT * FROM quiz_kiosk_keys WHERE key_id = ?", (payload.get("key_id"),))
    if key is None:
        raise QuizError("Tệp kết quả này không do máy kiểm tra được chuẩn bị từ máy này ký (không "
                        "biết khóa ký của nó). Hãy nhập tệp trên máy chính đã chuẩn bị máy kiểm tra.")
    if key["session_id"] != file_session:
        raise QuizError(
            f"Tệp kết quả này được ký bằng khóa của máy kiểm tra “{key['label']}” thuộc buổi "
            f"{_session_title(store, key['session_id'])} khác, nhưng ghi là kết quả của buổi "
            f"{_session_title(store, file_session)}: tệp đã bị sửa hoặc ghép. Không nhập gì. Hãy "
            "xuất lại tệp kết quả trên đúng máy kiểm tra của buổi đó.")
    if not crypto.verify(key["public_key"], data.get("signature") or "", _canonical(payload)):
        raise QuizError("Chữ ký của tệp kết quả không khớp: tệp đã bị sửa sau khi xuất. Không nhập "
                        "gì. Hãy xuất lại tệp trên máy kiểm tra.")
    if session_id is not None and file_session != session_id:
        raise QuizError(
            f"Tệp kết quả này (của “{key['label']}”) thuộc buổi "
            f"{_session_title(store, file_session)} khác, không phải buổi "
            f"{_session_title(store, session_id)} đang mở. Không nhập gì. Hãy mở đúng buổi đó "
            "rồi nhập tệp.")
    if payload.get("unit_code") != store.unit_code:
        raise QuizError(f"Tệp kết quả của đơn vị {payload.get('unit_code')}, không phải của đơn vị "
                        "này.")
    rows = payload.get("rows") or {}
    done = store.query_one("SELECT * FROM quiz_results_imports WHERE file_sha256 = ?", (digest,))
    if done is not None:
        return {"session_id": file_session, "kiosk_label": key["label"],
                "already_imported": True, "imported_at": done["imported_at"], "merged": 0,
                "attempts_new": 0, "attempts_updated": 0,
                "attempts_duplicate": len(rows.get(ATTEMPTS, [])), "answers_new": 0,
                "answers_updated": 0, "attendance_new": 0, "warnings": []}
    sessions.get_session(store, file_session)
    for table in (ATTENDANCE, ATTEMPTS, ANSWERS):
        for r in rows.get(table, []):
            if table != ANSWERS and r.get("session_id") != file_session:
                raise QuizError("Tệp kết quả có dòng của buổi tập huấn khác: không nhập gì.")
    attempt_ids = {r.get("id") for r in rows.get(ATTEMPTS, [])}
    if any(r.get("attempt_id") not in attempt_ids for r in rows.get(ANSWERS, [])):
        raise QuizError("Tệp kết quả có câu trả lời không thuộc bài làm nào trong tệp: không nhập gì.")
    try:
        return _merge_results(store, file_session, payload, rows, digest, key)
    except sqlite3.IntegrityError as exc:
        raise QuizError("Tệp kết quả nói tới câu hỏi hoặc cán bộ mà máy này không có "
                        f"({exc}). Không nhập gì. Hãy kiểm tra máy kiểm tra được chuẩn bị từ "
                        "đúng máy này.") from exc


def _merge_results(store: Store, session_id: str, payload: dict, rows: dict, digest: str,
                   key: dict) -> dict:
    with store.atomic():
        att, att_changed = _merge_attendance(store, session_id, rows.get(ATTENDANCE, []))
        a = upsert_rows(store, ATTEMPTS, rows.get(ATTEMPTS, []))
        x = upsert_rows(store, ANSWERS, rows.get(ANSWERS, []))
        warnings = _over_allowance(store, session_id)
        merged = a["inserted"] + a["updated"] + x["inserted"] + x["updated"] + att + att_changed
        summary = {"session_id": session_id, "kiosk_label": key["label"],
                   "attempts_new": a["inserted"], "attempts_updated": a["updated"],
                   "attempts_duplicate": a["unchanged"], "answers_new": x["inserted"],
                   "answers_updated": x["updated"], "attendance_new": att, "merged": merged,
                   "warnings": warnings if merged else [], "already_imported": False}
        store.execute("INSERT INTO quiz_results_imports (file_sha256, session_id, key_id, "
                      "kiosk_label, exported_at, imported_at, actor, summary) VALUES "
                      "(?,?,?,?,?,?,?,?)",
                      (digest, session_id, key["key_id"], key["label"] or "",
                       payload.get("exported_at") or "", now_iso(), store.actor,
                       json.dumps(summary, ensure_ascii=False)))
        audit.append(store, "quiz_results_import", table=SESSIONS, record_id=session_id,
                     new={k: v for k, v in summary.items() if k != "warnings"})
    return summary


def _merge_attendance(store: Store, session_id: str, rows: list[dict]) -> tuple[int, int]:
    """Attendance from a kiosk: a person already listed here keeps this PC's row (with the
    larger number of retakes granted); a new person is added with the kiosk's row. Returns
    (rows added, rows changed)."""
    added = changed = 0
    for r in rows:
        mine = sessions.attendance_row(store, session_id, r.get("staff_id"))
        if mine is None:
            if r.get("deleted"):
                continue
            if records.get(store, "staff", r.get("staff_id")) is None:
                raise IsoDeskError("Tệp kết quả có người không có trong danh sách cán bộ của máy này.")
            added += upsert_rows(store, ATTENDANCE, [r])["inserted"]
        elif mine["id"] == r.get("id"):
            changed += upsert_rows(store, ATTENDANCE, [r])["updated"]
        elif int(r.get("retakes_granted") or 0) > mine["retakes_granted"]:
            records.update(store, ATTENDANCE, mine["id"],
                           {"retakes_granted": int(r["retakes_granted"])})
            changed += 1
    return added, changed


def _over_allowance(store: Store, session_id: str) -> list[str]:
    session = sessions.get_session(store, session_id)
    out = []
    for r in store.query(
            "SELECT s.staff_code, s.full_name, count(*) AS n, coalesce(max(t.retakes_granted), 0) "
            "AS granted FROM quiz_attempts a JOIN staff s ON s.id = a.staff_id LEFT JOIN "
            "quiz_attendance t ON t.session_id = a.session_id AND t.staff_id = a.staff_id AND "
            "t.deleted = 0 WHERE a.session_id = ? AND a.deleted = 0 GROUP BY a.staff_id",
            (session_id,)):
        allowed = int(session.settings["attempts_allowed"]) + r["granted"]
        if r["n"] > allowed:
            out.append(f"{r['full_name']} ({r['staff_code']}) có {r['n']} bài làm, nhiều hơn "
                       f"{allowed} lần được phép (làm trên nhiều máy?). Kết quả lấy bài tốt nhất; "
                       "thống kê lấy bài đầu tiên.")
    return out
