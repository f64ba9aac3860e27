"""The canonical form of a minutes revision and of a signature (docs/minutes-signing.md).

Everything a signature covers is written as one JSON text: UTF-8, keys sorted, no spaces
(separators "," and ":"), non-ASCII characters written as themselves, every string NFC, numbers as
integers, lists in their printed order. Attachments are included by name, size and SHA-256.
The content hash is the SHA-256 of that text, in lowercase hex.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

CONTENT_FORMAT = "isodesk-minutes/1"
SIGNATURE_FORMAT = "isodesk-minutes-signature/1"


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    raise TypeError(f"not allowed in the canonical form: {type(value).__name__}")


def canonical_bytes(value: Any) -> bytes:
    text = json.dumps(_nfc(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    return text.encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_document(revision: dict, participants: list[dict], action_items: list[dict],
                     attachments: list[dict]) -> dict:
    """The signed content of a revision, from its stored rows (children in printed order)."""
    try:
        destinations = json.loads(revision["copy_destinations"] or "[]")
    except ValueError:
        destinations = ["<unreadable>", revision["copy_destinations"]]
    return {
        "format": CONTENT_FORMAT,
        "minutes_id": revision["minutes_id"],
        "revision_id": revision["id"],
        "revision": revision["revision_no"],
        "previous_revision_id": revision["previous_revision_id"],
        "origin_unit": revision["origin_unit"],
        "agency_parent": revision["agency_parent"],
        "agency_name": revision["agency_name"],
        "locality": revision["locality"],
        "number": revision["number"],
        "subject": revision["subject"],
        "date": revision["meeting_date"],
        "start_time": revision["start_time"],
        "end_time": revision["end_time"],
        "place": revision["place"],
        "chair": revision["chair"],
        "secretary": revision["secretary"],
        "participants": [
            {"side": p["side"], "name": p["name"], "position": p["position"],
             "organisation": p["organisation"]} for p in participants
        ],
        "content": revision["content"],
        "conclusions": revision["conclusions"],
        "action_items": [
            {"description": a["description"], "owner": a["owner"], "due": a["due"]}
            for a in action_items
        ],
        "attachments": [
            {"name": f["name"], "size": f["size"], "sha256": f["sha256"]} for f in attachments
        ],
        "copies": revision["copies"],
        "copy_destinations": destinations,
    }


def content_hash(document: dict) -> str:
    return sha256_hex(canonical_bytes(document))


def signature_document(sig: dict) -> dict:
    """What a signer's key signs: the content hash and who signs, as what, when, with which key.
    A confirmation also covers the author's signature (`countersigns`)."""
    return {
        "format": SIGNATURE_FORMAT,
        "minutes_id": sig["minutes_id"],
        "revision_id": sig["revision_id"],
        "content_sha256": sig["content_sha256"],
        "meaning": sig["meaning"],
        "meaning_text": sig["meaning_text"],
        "user_id": sig["user_id"],
        "username": sig["username"],
        "full_name": sig["full_name"],
        "position": sig["position"],
        "signed_at": sig["signed_at"],
        "key_id": sig["key_id"],
        "key_fingerprint": sig["key_fingerprint"],
        "countersigns": sig["countersigns"],
    }


def signature_bytes(sig: dict) -> bytes:
    return canonical_bytes(signature_document(sig))


def short_hash(digest: str | None, groups: int = 4) -> str:
    """The first 16 hex digits in groups of four, upper case: what people compare by eye."""
    if not digest:
        return ""
    d = digest.upper()
    return "-".join(d[i * 4:(i + 1) * 4] for i in range(groups))
