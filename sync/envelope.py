"""The signed and encrypted envelope of a package or acknowledgement (docs/sync-format.md).

    MAGIC (8 bytes "ISOSYNC1") | header length (u32 BE) | header (canonical JSON, UTF-8)
    | Ed25519 signature (64 bytes) over DOMAIN + header | chunks

Each chunk is `length (u32 BE) | AES-256-GCM ciphertext`. The key is derived from an X25519
exchange between a fresh ephemeral key (in the header) and the recipient's encryption key, with
HKDF-SHA256. The nonce of chunk i is i (11 bytes BE) followed by 1 on the last chunk and 0
before, and every chunk is authenticated with the SHA-256 of the signed header as associated data:
a dropped, repeated, reordered or truncated chunk, or one from another package, fails to decrypt.

The header is small, bounded and checked field by field; the signature is checked against the
key the recipient already trusts for that sender before any byte of the payload is decrypted.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.models import atomic
from desktop.models.bounded import InputRefused, load_json
from desktop.models.records import is_record_id
from desktop.models.unit import is_unit_code

from . import FORMAT_VERSION
from .errors import DamagedPackage, NewerFormat, NotAPackage
from .keys import _raw_public, b64d, b64e, key_id
from .labels import os_reason

MAGIC = b"ISOSYNC1"
SIGN_DOMAIN = b"isosync-header-v1\x00"
MAX_HEADER = 64 * 1024
CHUNK_SIZE = 1 << 20
MAX_PAYLOAD = 4 * 1024 ** 3
TAG = 16
KINDS = ("package", "ack")

_HEX_RE = re.compile(r"[0-9a-f]{16}")
_SHA_RE = re.compile(r"[0-9a-f]{64}")

_HEADER_FIELDS: dict[str, type | tuple] = {
    "format": int, "kind": str, "package_id": str, "sender": str, "sender_name": str,
    "recipient": str, "seq": int, "from_seq": int, "created_at": str,
    "sender_sign_key": str, "sender_enc_key": str, "recipient_key": str,
    "ephemeral_key": str, "salt": str, "cipher": str, "chunk_size": int, "chunks": int,
    "payload_size": int, "payload_sha256": str, "manifest_sha256": str,
}


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def strict_json(data: bytes, *, what: str, limit: int, max_depth: int = 8):
    """Signed JSON from outside: duplicate keys and NaN refused, size and nesting bounded
    (`desktop.models.bounded`); raises InputRefused (its `reason` says why)."""
    return load_json(data, what=what, limit=limit, max_depth=max_depth, strict=True)


def chunk_count(payload_size: int, chunk_size: int) -> int:
    return max(1, -(-payload_size // chunk_size))


def expected_file_size(header_len: int, payload_size: int, chunk_size: int) -> int:
    n = chunk_count(payload_size, chunk_size)
    return len(MAGIC) + 4 + header_len + 64 + n * (4 + TAG) + payload_size


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def _derive(shared: bytes, salt: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, b"isosync-v1 payload" + eph_pub + recipient_pub
                ).derive(shared)


@dataclass
class Envelope:
    path: Path
    header: dict
    header_bytes: bytes
    signature: bytes
    body_offset: int
    file_size: int
    file_sha256: str = ""   # of the bytes the last open_payload read and checked


    @property
    def aad(self) -> bytes:
        return hashlib.sha256(self.header_bytes).digest()

    @property
    def sender_fingerprint(self) -> str:
        from .keys import unit_fingerprint

        return unit_fingerprint(self.header["sender_sign_key"], self.header["sender_enc_key"])


def seal(fields: dict, payload: BinaryIO, payload_size: int, payload_sha256: str,
         sign_key: Ed25519PrivateKey, recipient_enc_key: str, out: BinaryIO,
         *, chunk_size: int = CHUNK_SIZE) -> dict:
    """Write the envelope of `payload` (read from its current position) to `out`."""
    eph = X25519PrivateKey.generate()
    eph_pub = _raw_public(eph)
    recipient_raw = b64d(recipient_enc_key)
    salt = os.urandom(16)
    header = {
        **fields, "format": FORMAT_VERSION,
        "sender_sign_key": b64e(_raw_public(sign_key)),
        "recipient_key": key_id(recipient_enc_key),
        "ephemeral_key": b64e(eph_pub), "salt": b64e(salt), "cipher": "AES-256-GCM",
        "chunk_size": chunk_size, "chunks": chunk_count(payload_size, chunk_size),
        "payload_size": payload_size, "payload_sha256": payload_sha256,
    }
    header_bytes = canonical(header)
    signature = sign_key.sign(SIGN_DOMAIN + header_bytes)
    key = _derive(eph.exchange(X25519PublicKey.from_public_bytes(recipient_raw)), salt, eph_pub,
                  recipient_raw)
    aead = AESGCM(key)
    aad = hashlib.sha256(header_bytes).digest()
    out.write(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + signature)
    total = header["chunks"]
    for i in range(total):
        block = payload.read(chunk_size)
        sealed = aead.encrypt(_nonce(i, i == total - 1), block, aad)
        out.write(struct.pack(">I", len(sealed)) + sealed)
    return header


def read_envelope(path: Path) -> Envelope:
    """Read and check the clear part of a file (no crypto yet). Raises NotAPackage/Damaged."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            magic = fh.read(len(MAGIC))
            if magic != MAGIC and MAGIC.startswith(magic):
                # empty, or only the magic's start: the copy stopped (a USB stick pulled out)
                raise DamagedPackage(_truncated(path))
            if magic != MAGIC:
                raise NotAPackage(f"Tệp {path.name} không phải gói đồng bộ ISO Desk (.isosync). "
                                  "Hãy chọn đúng tệp nhận từ đơn vị.")
            raw_len = fh.read(4)
            if len(raw_len) < 4:
                raise DamagedPackage(_truncated(path))
            (hlen,) = struct.unpack(">I", raw_len)
            if hlen > MAX_HEADER or hlen < 2:
                raise DamagedPackage(_damaged(path, "phần đầu có độ dài không hợp lệ"))
            header_bytes = fh.read(hlen)
            signature = fh.read(64)
    except OSError as exc:
        raise NotAPackage(_unreadable(path, exc)) from exc
    if len(header_bytes) < hlen or len(signature) < 64:
        raise DamagedPackage(_truncated(path))
    try:
        header = strict_json(header_bytes, what=f"phần đầu của tệp {path.name}",
                             limit=MAX_HEADER, max_depth=2)
    except InputRefused as exc:
        raise DamagedPackage(_damaged(path, f"phần đầu không đọc được: {exc.reason}")) from exc
    check_header(header, path)
    env = Envelope(path, header, header_bytes, signature, len(MAGIC) + 4 + hlen + 64, size)
    want = expected_file_size(hlen, header["payload_size"], header["chunk_size"])
    if size < want:
        raise DamagedPackage(_truncated(path))
    if size > want:
        raise DamagedPackage(_damaged(path, "có dữ liệu thừa sau phần cuối"))
    return env


FIELD_LABELS = {
    "format": "số định dạng", "kind": "loại gói", "package_id": "mã gói",
    "sender": "mã đơn vị gửi", "sender_name": "tên đơn vị gửi", "recipient": "mã đơn vị nhận",
    "seq": "số thứ tự gói", "from_seq": "số thứ tự bắt đầu", "created_at": "thời điểm tạo",
    "sender_sign_key": "khóa ký của đơn vị gửi", "sender_enc_key": "khóa mã hóa của đơn vị gửi",
    "recipient_key": "mã khóa của đơn vị nhận", "ephemeral_key": "khóa phiên",
    "salt": "chuỗi ngẫu nhiên", "cipher": "thuật toán mã hóa", "chunk_size": "kích thước khối",
    "chunks": "số khối", "payload_size": "kích thước nội dung",
    "payload_sha256": "mã băm nội dung", "manifest_sha256": "mã băm bản kê",
}


def check_header(header, path: Path) -> None:
    if not isinstance(header, dict):
        raise DamagedPackage(_damaged(path, "phần đầu không đúng dạng"))
    fmt = header.get("format")
    if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > FORMAT_VERSION:
        raise NewerFormat(f"Tệp {path.name} được tạo bởi phiên bản ISO Desk mới hơn (định dạng "
                          f"{fmt}, máy này đọc được đến {FORMAT_VERSION}). Hãy cập nhật ISO Desk "
                          "rồi nhập lại; không có gì bị thay đổi.")
    for name, typ in _HEADER_FIELDS.items():
        value = header.get(name)
        if not isinstance(value, typ) or isinstance(value, bool):
            raise DamagedPackage(_damaged(path, f"thiếu hoặc sai {FIELD_LABELS.get(name, name)}"))
    extra = set(header) - set(_HEADER_FIELDS)
    if extra:
        raise DamagedPackage(_damaged(path, "phần đầu có thông tin lạ, không thuộc định dạng"))
    # Values that name files and rows here are matched whole (a newline, "..", a slash: refused)
    if not is_record_id(header["package_id"]):
        raise DamagedPackage(_damaged(path, "mã gói không hợp lệ"))
    if not all(is_unit_code(header[k]) for k in ("sender", "recipient")):
        raise DamagedPackage(_damaged(path, "mã đơn vị không hợp lệ"))
    if not (_HEX_RE.fullmatch(header["recipient_key"]) and
            all(_SHA_RE.fullmatch(header[k]) for k in ("payload_sha256", "manifest_sha256"))):
        raise DamagedPackage(_damaged(path, "mã băm hoặc mã khóa không hợp lệ"))
    if header["kind"] not in KINDS or header["cipher"] != "AES-256-GCM":
        raise DamagedPackage(_damaged(path, "loại gói hoặc thuật toán mã hóa không hợp lệ"))
    if not (1 <= header["from_seq"] <= header["seq"] < 10 ** 9):
        raise DamagedPackage(_damaged(path, "số thứ tự không hợp lệ"))
    if not (1024 <= header["chunk_size"] <= 16 * 1024 * 1024):
        raise DamagedPackage(_damaged(path, "kích thước khối không hợp lệ"))
    if not (0 <= header["payload_size"] <= MAX_PAYLOAD) or \
            header["chunks"] != chunk_count(header["payload_size"], header["chunk_size"]):
        raise DamagedPackage(_damaged(path, "kích thước nội dung không hợp lệ"))
    for name in ("sender_sign_key", "sender_enc_key", "ephemeral_key"):
        try:
            if len(b64d(header[name])) != 32:
                raise ValueError
        except ValueError as exc:
            raise DamagedPackage(_damaged(path, f"{FIELD_LABELS[name]} không hợp lệ")) from exc


def verify_signature(env: Envelope, sign_key: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(b64d(sign_key)).verify(
            env.signature, SIGN_DOMAIN + env.header_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise DamagedPackage(
            f"Chữ ký của tệp {env.path.name} không đúng: tệp đã bị sửa hoặc hỏng trên đường "
            f"chuyển, hoặc không phải do {env.header.get('sender')} tạo. Không có gì bị thay đổi; "
            "hãy đề nghị đơn vị gửi lại gói.") from exc


def open_payload(env: Envelope, enc_key: X25519PrivateKey, out: BinaryIO) -> str:
    """Decrypt the payload into `out`, checking every chunk; returns its SHA-256."""
    h = env.header
    eph_pub = b64d(h["ephemeral_key"])
    my_pub = _raw_public(enc_key)
    key = _derive(enc_key.exchange(X25519PublicKey.from_public_bytes(eph_pub)), b64d(h["salt"]),
                  eph_pub, my_pub)
    aead = AESGCM(key)
    aad = env.aad
    digest = hashlib.sha256()
    read = hashlib.sha256(MAGIC + struct.pack(">I", len(env.header_bytes)) + env.header_bytes
                          + env.signature)   # the whole file as read, for the copy kept
    total = h["chunks"]
    remaining = h["payload_size"]
    with _open_source(env.path) as fh:
        fh.seek(env.body_offset)
        for i in range(total):
            raw_len = _read(fh, 4, env.path)
            if len(raw_len) < 4:
                raise DamagedPackage(_truncated(env.path))
            (clen,) = struct.unpack(">I", raw_len)
            expect = min(h["chunk_size"], remaining) + TAG
            if clen != expect:
                raise DamagedPackage(_damaged(env.path, f"khối {i + 1} sai độ dài"))
            sealed = _read(fh, clen, env.path)
            if len(sealed) < clen:
                raise DamagedPackage(_truncated(env.path))
            try:
                block = aead.decrypt(_nonce(i, i == total - 1), sealed, aad)
            except InvalidTag as exc:
                raise DamagedPackage(_damaged(env.path, f"khối dữ liệu {i + 1}/{total} không "
                                              "giải mã được")) from exc
            read.update(raw_len)
            read.update(sealed)
            remaining -= len(block)
            digest.update(block)
            out.write(block)   # an error here is the data folder's disk: it is raised as such
        if _read(fh, 1, env.path):
            raise DamagedPackage(_damaged(env.path, "có dữ liệu thừa sau phần cuối"))
    got = digest.hexdigest()
    if remaining != 0 or got != h["payload_sha256"]:
        raise DamagedPackage(_damaged(env.path, "nội dung không khớp mã băm đã ký"))
    env.file_sha256 = read.hexdigest()
    return got


def copy_as_read(src: Path, dest: Path, *, size: int, sha256: str) -> None:
    """Copy `src` to `dest` (through `dest`.partial, replaced at the end) and check that the copy
    holds exactly the bytes that were read and verified before (`size`, `sha256`): a file cut
    short or replaced in between (a USB stick pulled out) is refused, and nothing is left."""
    tmp = dest.with_name(dest.name + ".partial")
    digest = hashlib.sha256()
    copied = 0
    try:
        with open(tmp, "wb") as out, _open_source(src) as fh:
            while block := _read(fh, CHUNK_SIZE, src):
                digest.update(block)
                copied += len(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if copied != size or digest.hexdigest() != sha256:
            raise DamagedPackage(_changed(src))
        atomic.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _open_source(path: Path) -> BinaryIO:
    """Open a received file for reading; a failure is the file's (a USB stick pulled out, the
    file removed), said as such, never the data folder's."""
    try:
        return open(path, "rb")
    except OSError as exc:
        raise NotAPackage(_unreadable(path, exc)) from exc


def _read(fh: BinaryIO, n: int, path: Path) -> bytes:
    try:
        return fh.read(n)
    except OSError as exc:
        raise NotAPackage(_unreadable(path, exc)) from exc


def _unreadable(path: Path, exc: OSError) -> str:
    return (f"Không đọc được tệp {path.name}: {os_reason(exc)}. Hãy kiểm tra ổ USB hoặc thư mục "
            "rồi thử lại.")


def _changed(path: Path) -> str:
    return (f"Tệp {path.name} đã thay đổi trong khi đang nhập (ổ USB bị rút ra, hoặc tệp bị chép "
            "đè). Không có gì bị thay đổi; hãy chép lại tệp từ đơn vị gửi rồi nhập lại.")


def _truncated(path: Path) -> str:
    return (f"Tệp {path.name} bị cắt cụt (chưa chép hết, hoặc USB bị rút khi đang ghi). "
            "Không có gì bị thay đổi; hãy chép lại tệp từ đơn vị gửi.")


def _damaged(path: Path, what: str) -> str:
    return (f"Tệp {path.name} bị hỏng hoặc đã bị sửa ({what}). Không có gì bị thay đổi; "
            "hãy đề nghị đơn vị gửi lại gói.")
