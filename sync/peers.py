"""The units this one exchanges packages with, the province profile, enrolment and key trust.

At a province: its districts (added by hand, then trusted on their first package after the
fingerprint was compared by phone). At a district: its province, from the province profile file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.models import audit, sync_peers
from desktop.models.bounded import InputRefused
from desktop.models.db import Store, now_iso
from desktop.models.errors import ValidationError
from desktop.models.settings import get_setting, set_setting
from desktop.models.unit import get_profile, is_unit_code
from desktop.models.vntext import clean

from .envelope import canonical, strict_json
from .errors import NotEnrolled, SenderKeyChanged, SyncError
from .keys import b64d, b64e, load_unit_keys, public_keys, unit_fingerprint
from .labels import os_reason
from .transport import write_atomic

PROFILE_FORMAT = "isodesk-province-profile"
PROFILE_VERSION = 1
_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{1,19}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAILBOX_SETTING = "sync_mailbox"
MAX_PROFILE = 4 * 1024 * 1024


@dataclass
class Peer:
    code: str
    name: str
    role: str
    email: str
    sign_key: str | None
    enc_key: str | None
    fingerprint: str | None
    trusted_at: str | None
    pending_fingerprint: str | None
    out_seq: int
    applied_through: int
    acked_through: int
    last_received_at: str | None
    last_sent_at: str | None
    last_ack_at: str | None
    profile: dict
    active: bool
    row: dict

    @property
    def trusted(self) -> bool:
        return bool(self.sign_key and self.trusted_at)

    @property
    def key_state(self) -> str:
        if self.pending_fingerprint:
            return "key_changed"
        return "trusted" if self.trusted else "waiting"


def _peer(row: dict) -> Peer:
    return Peer(row["code"], row["name"], row["role"], row["email"], row["sign_key"],
                row["enc_key"], row["fingerprint"], row["trusted_at"],
                row["pending_fingerprint"], row["out_seq"], row["applied_through"],
                row["acked_through"], row["last_received_at"], row["last_sent_at"],
                row["last_ack_at"], json.loads(row["profile"] or "{}"), bool(row["active"]), row)


def get_peer(store: Store, code: str) -> Peer | None:
    row = sync_peers.get(store, code)
    return _peer(row) if row else None


def list_peers(store: Store, role: str | None = None) -> list[Peer]:
    return [_peer(r) for r in sync_peers.all_of(store, role)]


def my_profile(store: Store):
    profile = get_profile(store)
    if profile is None:
        raise NotEnrolled("Chưa khai báo đơn vị. Hãy chạy `isodesk init` hoặc trình cài đặt.")
    return profile


def require_level(store: Store, level: str) -> None:
    profile = my_profile(store)
    if profile.level != level:
        what = "cấp tỉnh" if level == "province" else "cấp huyện"
        raise SyncError(f"Việc này chỉ làm ở đơn vị {what}; máy này là {profile.name}.",
                        code="wrong_level")


def province_of(store: Store) -> Peer:
    peers = [p for p in list_peers(store, "province") if p.active]
    if not peers:
        raise NotEnrolled("Đơn vị chưa nhận hồ sơ của BHXH tỉnh. Hãy nhập tệp hồ sơ tỉnh "
                          "(.isoprofile) ở Đồng bộ → Đăng ký, hoặc `isodesk enroll --profile F`.")
    return peers[0]


# --- province: districts ---------------------------------------------------------------------

FINGERPRINT_HELP = ("Mã khóa gồm 24 chữ số hệ 16 (0–9, A–F) chia 6 nhóm, ví dụ "
                    "CE83-0928-C085-0D5A-CEED-814E; hãy đọc lại từ thẻ Đồng bộ → Đăng ký của "
                    "huyện.")


def normalise_fingerprint(text: str | None) -> str | None:
    """A fingerprint as typed → "XXXX-XXXX-…" ("" when empty, None when not 24 hex digits)."""
    digits = re.sub(r"[\s:-]", "", (text or "").upper())
    if not digits:
        return ""
    if not re.fullmatch(r"[0-9A-F]{24}", digits):
        return None
    return "-".join(digits[i:i + 4] for i in range(0, 24, 4))


def add_district(store: Store, code: str, name: str, email: str = "",
                 fingerprint: str = "") -> Peer:
    """A district of the list. With the key fingerprint read by phone beforehand, its first
    package goes straight in when its key has that fingerprint (`fingerprint` holds it until
    then, with no key yet)."""
    require_level(store, "province")
    errors = {}
    code = (clean(code) or "").upper()
    name = clean(name) or ""
    email = (clean(email) or "").lower()
    if not _CODE_RE.fullmatch(code):
        errors["code"] = ("Mã đơn vị gồm 2–20 ký tự: chữ in hoa không dấu, chữ số, dấu gạch "
                          "ngang; ví dụ BHXHST.")
    elif code == store.unit_code:
        errors["code"] = "Đây là mã của chính đơn vị tỉnh."
    elif get_peer(store, code) is not None:
        errors["code"] = f"Đơn vị {code} đã có trong danh sách."
    if not name:
        errors["name"] = "Hãy nhập tên đơn vị, ví dụ: Bảo hiểm xã hội huyện Sông Trà."
    if email and not _EMAIL_RE.fullmatch(email):
        errors["email"] = f"Địa chỉ email không hợp lệ: {email}."
    expected = normalise_fingerprint(fingerprint)
    if expected is None:
        errors["fingerprint"] = FINGERPRINT_HELP
    if errors:
        raise ValidationError(errors)
    with store.atomic():
        sync_peers.add_district(store, code, name, email, expected or None)
        audit.append(store, "sync_district_add", table="sync_peers", record_id=code,
                     new={"name": name, "email": email, "fingerprint": expected or None})
    return get_peer(store, code)


def update_district(store: Store, code: str, *, name: str | None = None,
                    email: str | None = None, active: bool | None = None,
                    fingerprint: str | None = None) -> Peer:
    peer = get_peer(store, code)
    if peer is None or peer.role != "district":
        raise SyncError(f"Không có đơn vị {code} trong danh sách.")
    changes = {}
    if name is not None:
        if not clean(name):
            raise ValidationError({"name": "Hãy nhập tên đơn vị."})
        changes["name"] = clean(name)
    if email is not None:
        email = (clean(email) or "").lower()
        if email and not _EMAIL_RE.fullmatch(email):
            raise ValidationError({"email": f"Địa chỉ email không hợp lệ: {email}."})
        changes["email"] = email
    if active is not None:
        changes["active"] = int(active)
    if fingerprint is not None:
        expected = normalise_fingerprint(fingerprint)
        if expected is None:
            raise ValidationError({"fingerprint": FINGERPRINT_HELP})
        if peer.sign_key is None:
            changes["fingerprint"] = expected or None
        elif expected and expected != peer.fingerprint:
            raise ValidationError({"fingerprint": (
                f"Khóa của {peer.code} đã được tin cậy (mã {peer.fingerprint}); khi huyện đổi "
                "khóa, hãy dùng “Chấp nhận khóa mới” sau khi nhận gói mới.")})
    if changes:
        with store.atomic():
            sync_peers.update(store, code, changes)
            audit.append(store, "sync_district_update", table="sync_peers", record_id=code,
                         new=changes)
    return get_peer(store, code)


def trust_sender(store: Store, code: str, sign_key: str, enc_key: str) -> Peer:
    """Trust a listed unit's keys (its first package, after comparing the fingerprint)."""
    peer = get_peer(store, code)
    if peer is None:
        raise SyncError(f"Đơn vị {code} không có trong danh sách.")
    if peer.sign_key and peer.sign_key != sign_key:
        raise SenderKeyChanged(
            f"Khóa của {code} đã thay đổi. Chỉ quản trị chấp nhận khóa mới sau khi đối chiếu.",
            sender=code, fingerprint=unit_fingerprint(sign_key, enc_key),
            old_fingerprint=peer.fingerprint or "")
    fp = unit_fingerprint(sign_key, enc_key)
    with store.atomic():
        sync_peers.trust_keys(store, code, sign_key, enc_key, fp)
        audit.append(store, "sync_trust_key", table="sync_peers", record_id=code,
                     new={"fingerprint": fp})
    return get_peer(store, code)


def note_pending_key(store: Store, code: str, sign_key: str, enc_key: str) -> str:
    fp = unit_fingerprint(sign_key, enc_key)
    with store.atomic():
        sync_peers.note_pending_key(store, code, sign_key, enc_key, fp)
        audit.append(store, "sync_key_changed_seen", table="sync_peers", record_id=code,
                     new={"fingerprint": fp})
    return fp


def accept_changed_key(store: Store, code: str, fingerprint: str) -> Peer:
    """An administrator accepts the new key of a unit; the fingerprint must be typed back."""
    peer = get_peer(store, code)
    if peer is None or not peer.pending_fingerprint:
        raise SyncError(f"Không có khóa mới nào của {code} đang chờ chấp nhận.")
    typed = re.sub(r"[^0-9A-F]", "", (fingerprint or "").upper())
    if typed != re.sub(r"[^0-9A-F]", "", peer.pending_fingerprint):
        raise ValidationError({"fingerprint": "Mã khóa nhập vào không khớp với khóa mới nhận "
                                              "được. Hãy đối chiếu lại qua điện thoại."})
    with store.atomic():
        sync_peers.accept_pending_key(store, code)
        audit.append(store, "sync_accept_changed_key", table="sync_peers", record_id=code,
                     old={"fingerprint": peer.fingerprint},
                     new={"fingerprint": peer.pending_fingerprint})
    return get_peer(store, code)


# --- the province profile --------------------------------------------------------------------

def province_profile(store: Store) -> dict:
    require_level(store, "province")
    profile = my_profile(store)
    sign_key, enc_key = public_keys(store)
    body = {
        "format": PROFILE_FORMAT, "version": PROFILE_VERSION,
        "code": profile.code, "name": profile.name,
        "email": get_setting(store, MAILBOX_SETTING, "") or "",
        "sign_key": sign_key, "enc_key": enc_key,
        "fingerprint": unit_fingerprint(sign_key, enc_key),
        "districts": [{"code": p.code, "name": p.name}
                      for p in list_peers(store, "district") if p.active],
        "created_at": now_iso(),
    }
    keys = load_unit_keys(store)
    return {**body, "signature": b64e(keys.sign.sign(canonical(body)))}


def export_province_profile(store: Store, out: Path, *, email: str | None = None) -> Path:
    if email is not None:
        email = (clean(email) or "").lower()
        if email and not _EMAIL_RE.fullmatch(email):
            raise ValidationError({"email": f"Địa chỉ email không hợp lệ: {email}."})
        set_setting(store, MAILBOX_SETTING, email)
    data = province_profile(store)
    out = Path(out)
    if out.is_dir():
        out = out / f"{data['code']}.isoprofile"
    write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return out


def read_profile(path: Path) -> dict:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_PROFILE + 1)
    except OSError as exc:
        raise SyncError(f"Không đọc được tệp {path.name}: {os_reason(exc)}.") from exc
    try:
        data = strict_json(raw, what=f"tệp {path.name}", limit=MAX_PROFILE, max_depth=4)
    except InputRefused as exc:
        raise SyncError(f"Tệp {path.name} không phải hồ sơ tỉnh của ISO Desk (.isoprofile): "
                        f"{exc.reason}.") from exc
    if not isinstance(data, dict) or data.get("format") != PROFILE_FORMAT:
        raise SyncError(f"Tệp {path.name} không phải hồ sơ tỉnh của ISO Desk (.isoprofile).")
    if not isinstance(data.get("version"), int) or data["version"] > PROFILE_VERSION:
        raise SyncError(f"Hồ sơ {path.name} được tạo bởi phiên bản ISO Desk mới hơn. Hãy cập "
                        "nhật ISO Desk rồi nhập lại.")
    need = ("code", "name", "email", "sign_key", "enc_key", "districts", "signature")
    if any(k not in data for k in need) or not isinstance(data["districts"], list) or \
            not is_unit_code(data["code"]) or not isinstance(data["name"], str):
        raise SyncError(f"Hồ sơ {path.name} thiếu thông tin; hãy xin lại tệp từ BHXH tỉnh.")
    body = {k: v for k, v in data.items() if k != "signature"}
    try:
        Ed25519PublicKey.from_public_bytes(b64d(data["sign_key"])).verify(
            b64d(data["signature"]), canonical(body))
        if len(b64d(data["enc_key"])) != 32:
            raise ValueError
    except (InvalidSignature, ValueError, TypeError) as exc:
        raise SyncError(f"Hồ sơ {path.name} đã bị sửa hoặc hỏng (chữ ký không đúng). Hãy xin "
                        "lại tệp từ BHXH tỉnh.") from exc
    data["fingerprint"] = unit_fingerprint(data["sign_key"], data["enc_key"])
    return data


def enroll(store: Store, path: Path, *, accept_changed_key: bool = False) -> Peer:
    """A district takes its province's profile: the province's keys and mailbox."""
    require_level(store, "district")
    me = my_profile(store)
    data = read_profile(path)
    code = data["code"]
    if me.parent_code and me.parent_code != code:
        raise SyncError(f"Hồ sơ này là của {data['name']} ({code}), nhưng đơn vị cấp trên khai "
                        f"báo của {me.name} là {me.parent_code}. Hãy kiểm tra lại tệp hoặc sửa "
                        "đơn vị cấp trên trong Cài đặt.", code="wrong_province")
    listed = {d.get("code") for d in data["districts"] if isinstance(d, dict)}
    if me.code not in listed:
        raise SyncError(f"Hồ sơ của {data['name']} không có mã {me.code} trong danh sách huyện. "
                        "Hãy đề nghị BHXH tỉnh thêm đơn vị vào danh sách huyện rồi xuất lại hồ "
                        "sơ.", code="not_listed")
    current = [p for p in list_peers(store, "province") if p.active]
    old = current[0] if current else None
    changed = old is not None and (old.code != code or old.sign_key != data["sign_key"]
                                   or old.enc_key != data["enc_key"])
    if changed and not accept_changed_key:
        raise SenderKeyChanged(
            f"Đã đăng ký với {old.name} (mã khóa {old.fingerprint}); hồ sơ mới có mã khóa "
            f"{data['fingerprint']}. Hãy đối chiếu với BHXH tỉnh qua điện thoại rồi xác nhận "
            "thay khóa (--accept-changed-key).", sender=code, fingerprint=data["fingerprint"],
            old_fingerprint=old.fingerprint or "")
    email = (clean(data.get("email")) or "").lower()
    stored = {k: data[k] for k in ("code", "name", "email", "districts", "created_at")
              if k in data}
    with store.atomic():
        if old is not None and old.code != code:
            sync_peers.deactivate(store, old.code)
        sync_peers.put_province(store, code, clean(data["name"]), email, data["sign_key"],
                                data["enc_key"], data["fingerprint"],
                                json.dumps(stored, ensure_ascii=False))
        audit.append(store, "sync_enroll", table="sync_peers", record_id=code,
                     old={"fingerprint": old.fingerprint} if old else None,
                     new={"fingerprint": data["fingerprint"], "name": data["name"]})
    return get_peer(store, code)
