"""Step 1 of an import: who sent this file, and may they send it here.

Answered from the signed clear header alone, before anything of the payload is read
(docs/sync-format.md, "The import in three steps"):

1. the file is addressed to this unit (otherwise it is refused as meant for another unit,
   whoever sent it);
2. the sender is a unit of this one's list, active, of the other level (a province takes
   packages from its districts, a district from its province);
3. the signature verifies with the key trusted for the sender. A listed unit's first file: its
   key is shown as a fingerprint to compare by phone, and trusted only when that was done (or
   the fingerprint was entered with the unit and matches). A file signed with another key than
   the trusted one is refused; its key is kept as the sender's pending new key only when the
   file passes every other check, since anyone can sign a file with a key of their own;
4. it is encrypted for this unit's current key;
5. for a package, its number fits the sender's numbering: a number already used by another
   package is refused; missing earlier numbers are a gap (the package is held).

Packages (`sync.importer`) and acknowledgements (`sync.ack`) both go through `check_sender`;
the parts of an e-mailed package are checked against `trusted_key`.
"""
from __future__ import annotations

from typing import Callable

from desktop.models import sync_packages
from desktop.models.db import Store

from .envelope import Envelope, verify_signature
from .errors import (
    DamagedPackage, NewSenderKey, SenderKeyChanged, SequenceConflict, UnknownSender,
    WrongRecipient,
)
from .keys import key_id, public_keys
from .labels import local_time
from .peers import Peer, get_peer, my_profile, note_pending_key, trust_sender


def check_sender(store: Store, env: Envelope, *, trust_new_sender: bool,
                 dry_run: bool, sound: Callable[[Envelope], bool] | None = None) -> Peer:
    """The sender of `env` as this unit knows it, once its signature and the recipient are
    checked; raises a SyncError (nothing changed, except a pending key noted) otherwise.

    `trust_new_sender`: a listed unit's first key is trusted without a fingerprint entered
    beforehand (the user compared it by phone). `sound(env)`: does the file pass every check that
    does not depend on its sender's key (decrypts for this unit's key, its archive and manifest
    are sound and match the signed header)? Only then is a changed key noted as pending."""
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
    if peer.sign_key is None:
        return _first_key(store, env, peer, trust_new_sender=trust_new_sender, dry_run=dry_run)
    if peer.sign_key != h["sender_sign_key"] or peer.enc_key != h["sender_enc_key"]:
        _changed_key(store, env, peer, dry_run=dry_run, sound=sound)
    verify_signature(env, peer.sign_key)
    _check_recipient_key(store, env)
    return peer


def _first_key(store: Store, env: Envelope, peer: Peer, *, trust_new_sender: bool,
               dry_run: bool) -> Peer:
    """A listed unit's first file: trusted when its fingerprint is the one entered with the
    unit, or when the user says it was compared by phone."""
    h = env.header
    verify_signature(env, h["sender_sign_key"])
    _check_recipient_key(store, env)
    fp = env.sender_fingerprint
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
    if dry_run:
        return peer
    return trust_sender(store, peer.code, h["sender_sign_key"], h["sender_enc_key"])


def _changed_key(store: Store, env: Envelope, peer: Peer, *, dry_run: bool,
                 sound: Callable[[Envelope], bool] | None) -> None:
    """A file signed with another key than the one trusted for its sender: always refused; the
    key is noted as pending (for an administrator to accept after a phone call) only when the
    file is sound in every other way."""
    h = env.header
    fp = env.sender_fingerprint
    verify_signature(env, h["sender_sign_key"])
    _check_recipient_key(store, env)  # a package for another unit says nothing of this one's peer
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


def _check_recipient_key(store: Store, env: Envelope) -> None:
    """Addressed to this unit, and encrypted for its current key (after the signature)."""
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


def trusted_key(store: Store, code: str) -> str | None:
    """The signing key trusted here for a unit (to check the manifest of e-mailed parts)."""
    peer = get_peer(store, code)
    return peer.sign_key if peer is not None and peer.trusted else None


# --- the sender's numbering ------------------------------------------------------------------

def check_sequence(store: Store, env: Envelope, peer: Peer) -> tuple[dict | None, list[dict]]:
    """The package's number against the sender's: the record of this same package if it came
    before (a replay), and the gaps before it (`{"sender", "from", "to"}`). A number already
    used by another applied or held package is refused."""
    h = env.header
    known = sync_packages.received(store, h["package_id"])
    other = sync_packages.other_with_seq(store, peer.code, h["seq"], h["package_id"])
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
