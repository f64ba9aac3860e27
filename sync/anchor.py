"""The audit chain's head in sync packages and acknowledgements (`desktop.models.anchors`).

- A package's signed manifest states the sender's head (`"audit": {"seq", "hash", "previous"}`),
  where "previous" is the head stated by the sender's previous package, with the hash the
  sender's log has *now* at that entry.
- The province keeps each district's stated heads (`audit_anchors`, kind "package_received") and
  compares every new one with them: a head that went back, or a previous entry whose hash changed,
  is a district log shortened or rewritten. The package is still taken (its rows are signed and
  checked on their own); the import says so and the acknowledgement carries it back.
- The province's acknowledgement returns the last head it holds for the district
  (`"audit_head"`); the district compares it with its own log and keeps it as an anchor.

Checkpoints are signed with the unit's Ed25519 key (`sign_checkpoint`, which the program's start
hands to `desktop.models.anchors.use_signer`).
"""
from __future__ import annotations

from desktop.models import anchors
from desktop.models.anchors import Head
from desktop.models.db import Store

from .errors import SyncError
from .keys import b64e, load_unit_keys


def sign_checkpoint(store: Store, payload: bytes) -> tuple[str, str] | None:
    """(public key, signature) of the unit's signing key over `payload`, or None when the key
    can't be used here (another Windows account, a lost key file)."""
    try:
        keys = load_unit_keys(store)
    except SyncError:
        return None
    return keys.sign_public, b64e(keys.sign.sign(payload))


def package_anchor(store: Store) -> dict:
    """What a package's manifest states of the sender's log."""
    head = anchors.chain_head(store)
    prev = anchors.last_seq(store, "package_sent", store.unit_code)
    previous = None
    if prev is not None:
        previous = {"seq": prev, "hash": anchors.hash_at(store, prev)}
    return {**head.as_dict(), "previous": previous}


def note_package_sent(store: Store, package_id: str, stated: dict) -> None:
    anchors.record(store, "package_sent", Head(stated["seq"], stated["hash"]), ref=package_id)


def _stated(value) -> Head | None:
    if isinstance(value, dict) and isinstance(value.get("seq"), int) and \
            isinstance(value.get("hash"), str) and value["seq"] >= 0:
        return Head(value["seq"], value["hash"])
    return None


def received(store: Store, sender: str, manifest: dict, package_id: str,
             package_seq: int) -> list[str]:
    """At the province, inside the import of a package: keep the head it states and return what
    looks wrong with the sender's log (messages for the import summary).

    Packages carried on USB sticks come in any order: a package is compared for length only with
    the packages the sender made before it (lower sequence numbers), never with later ones."""
    stated = manifest.get("audit") if isinstance(manifest, dict) else None
    head = _stated(stated)
    if head is None:
        return []
    known = anchors.received_hashes(store, sender)
    messages = []
    highest = anchors.longest_received_before(store, sender, package_seq)
    if head.seq < highest:
        messages.append(f"Nhật ký kiểm toán của {sender} ngắn hơn lần gửi trước ({head.seq} mục, "
                        f"trước đây {highest}): nhật ký ở huyện đã bị cắt ngắn, hoặc máy huyện "
                        "được khôi phục từ bản sao lưu. Hãy hỏi lại huyện.")
    checks = [(head.seq, head.hash)]
    previous = _stated(stated.get("previous"))
    if previous is not None:
        checks.append((previous.seq, previous.hash))
    elif stated.get("previous") is not None:
        messages.append(f"Gói của {sender} không còn nêu được mục nhật ký của lần gửi trước: "
                        "nhật ký ở huyện đã bị cắt ngắn.")
    if any(seq in known and known[seq] != digest for seq, digest in checks):
        messages.append(f"Nhật ký kiểm toán của {sender} đã bị viết lại: một mục đã gửi trước "
                        "đây không còn như cũ. Hãy hỏi lại huyện; bản ở tỉnh vẫn giữ như đã nhận.")
    anchors.record(store, "package_received", head, unit=sender, ref=package_id,
                   detail={"problems": messages} if messages else None)
    return messages


def ack_head(store: Store, district: str) -> dict | None:
    """The last head the province holds for `district`, for its acknowledgement."""
    return anchors.last_received(store, district)


def check_ack(store: Store, content: dict, ack_ref: str) -> list[str]:
    """At the district: compare the head the province returns with the own log; keep it."""
    head = _stated(content.get("audit_head"))
    if head is None:
        return []
    mine = anchors.hash_at(store, head.seq)
    messages = []
    if mine is None:
        messages.append(f"Tỉnh đang giữ nhật ký kiểm toán của đơn vị đến mục số {head.seq}, nhưng "
                        "nhật ký trên máy này không còn mục đó: nhật ký đã bị cắt ngắn.")
    elif mine != head.hash:
        messages.append(f"Mục số {head.seq} của nhật ký kiểm toán không còn như bản tỉnh đã "
                        "nhận: nhật ký trên máy này đã bị viết lại.")
    anchors.record(store, "ack_received", head, ref=ack_ref,
                   detail={"problems": messages} if messages else None)
    return messages
