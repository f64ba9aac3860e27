"""The unit's own keys: Ed25519 to sign packages, X25519 to receive encrypted ones.

Generated once at setup (`ensure_unit_keys`, a setup hook) and kept in the local table
`sync_unit_keys`, which is never synced or exported. The private halves are wrapped before they
are stored:

- on Windows with DPAPI (`CryptProtectData`, scope: the Windows account that runs ISO Desk, see
  `desktop.win32.dpapi`), so that a copy of the database file or of a backup taken to another
  computer or account does not carry usable keys;
- elsewhere (and if DPAPI is not available) with AES-256-GCM under a random wrapping key kept in
  a separate file `keys/unit-wrap.key` of the data folder (owner-only permissions). Database
  backups do not contain that file.

Losing the keys (a new computer, a reinstalled Windows account) means generating new ones; the
province then sees a changed key and an administrator there accepts it after comparing the
fingerprint by phone.
"""
from __future__ import annotations

import base64
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.models import atomic, audit, sync_unit_keys
from desktop.models.db import Store
from desktop.models.records import new_id

from .errors import SyncError

WRAP_FILE = Path("keys") / "unit-wrap.key"
_AAD = b"isodesk-unit-key-v1:"


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_private(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _raw_public(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw)


def unit_fingerprint(sign_key: str, enc_key: str) -> str:
    """What two officers read to each other by phone: 24 hex digits in 6 groups, over both keys."""
    digest = hashlib.sha256(b"isodesk-unit:" + b64d(sign_key) + b64d(enc_key)).hexdigest().upper()
    return "-".join(digest[i:i + 4] for i in range(0, 24, 4))


def key_id(public_key: str) -> str:
    """A short identifier of one public key (used in package headers)."""
    return hashlib.sha256(b64d(public_key)).hexdigest()[:16]


# --- protectors ------------------------------------------------------------------------------

class _KeyFileProtector:
    name = "keyfile"

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / WRAP_FILE

    def _key(self, create: bool) -> bytes:
        if self.path.is_file():
            data = self.path.read_bytes()
            if len(data) != 32:
                raise SyncError(f"Tệp khóa {self.path} bị hỏng. Hãy tạo lại khóa đơn vị "
                                "và báo cho đơn vị nhận đối chiếu mã khóa mới.")
            return data
        if not create:
            raise SyncError(f"Không thấy tệp khóa {self.path}: khóa riêng của đơn vị không mở "
                            "được trên máy này. Hãy tạo lại khóa đơn vị (Đồng bộ → Khóa) và "
                            "báo cho đơn vị nhận đối chiếu mã khóa mới.")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = os.urandom(32)
        tmp = self.path.with_name(self.path.name + ".partial")
        # O_BINARY: on Windows a descriptor opened without it is in text mode, and a 0x0A
        # byte of the key would be written as 0x0D 0x0A.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        atomic.replace(tmp, self.path)
        return data

    def wrap(self, raw: bytes, label: bytes) -> str:
        nonce = os.urandom(12)
        return b64e(nonce + AESGCM(self._key(True)).encrypt(nonce, raw, _AAD + label))

    def unwrap(self, text: str, label: bytes) -> bytes:
        blob = b64d(text)
        try:
            return AESGCM(self._key(False)).decrypt(blob[:12], blob[12:], _AAD + label)
        except SyncError:
            raise
        except Exception as exc:
            raise SyncError("Khóa riêng của đơn vị không mở được (tệp khóa không khớp). Hãy tạo "
                            "lại khóa đơn vị và báo cho đơn vị nhận.") from exc


class _DpapiProtector:
    """DPAPI, scope of the Windows account (see `desktop.win32.dpapi` for why that scope)."""
    name = "dpapi"

    def __init__(self):
        if sys.platform != "win32":
            raise OSError("DPAPI exists only on Windows")
        from desktop.win32 import dpapi

        self.dpapi = dpapi

    def wrap(self, raw: bytes, label: bytes) -> str:
        return b64e(self.dpapi.protect(raw, _AAD + label))

    def unwrap(self, text: str, label: bytes) -> bytes:
        try:
            return self.dpapi.unprotect(b64d(text), _AAD + label)
        except OSError as exc:
            raise SyncError("Khóa riêng của đơn vị không mở được bằng tài khoản Windows này "
                            "(khóa gắn với tài khoản Windows đã tạo ra nó; tài khoản khác, máy "
                            "khác hoặc mật khẩu Windows bị quản trị đặt lại đều không mở được). "
                            "Hãy tạo lại khóa đơn vị và báo cho đơn vị nhận đối chiếu mã khóa "
                            "mới.") from exc


def _protector(store: Store, name: str | None = None):
    if name in (None, "dpapi") and sys.platform == "win32":
        try:
            return _DpapiProtector()
        except (OSError, AttributeError):  # pragma: no cover
            if name == "dpapi":
                raise
    if name not in (None, "keyfile", "dpapi"):
        raise SyncError(f"Không biết cách mở khóa kiểu {name!r}.")
    return _KeyFileProtector(store.data_dir)


# --- the unit's keys -------------------------------------------------------------------------

@dataclass
class UnitKeys:
    sign: Ed25519PrivateKey
    enc: X25519PrivateKey
    sign_public: str
    enc_public: str

    @property
    def fingerprint(self) -> str:
        return unit_fingerprint(self.sign_public, self.enc_public)


def ensure_unit_keys(store: Store) -> None:
    """Generate the unit's key pairs unless they exist (setup hook; idempotent)."""
    with store.atomic():
        have = set(sync_unit_keys.current_public(store))
        made = []
        for purpose, factory in (("sign", Ed25519PrivateKey.generate),
                                 ("encrypt", X25519PrivateKey.generate)):
            if purpose not in have:
                made.append(_store_key(store, purpose, factory()))
        if made:
            audit.append(store, "sync_keys_created", table="sync_unit_keys",
                         new={"keys": made})


def _store_key(store: Store, purpose: str, key) -> str:
    protector = _protector(store)
    pub = b64e(_raw_public(key))
    kid = new_id()
    sync_unit_keys.add(store, kid, purpose, pub,
                       protector.wrap(_raw_private(key), f"{kid}:{purpose}".encode()),
                       protector.name)
    return pub


def renew_unit_keys(store: Store) -> str:
    """Retire the current keys and make new ones; returns the new fingerprint."""
    with store.atomic():
        sync_unit_keys.retire_current(store)
        made = [_store_key(store, "sign", Ed25519PrivateKey.generate()),
                _store_key(store, "encrypt", X25519PrivateKey.generate())]
        audit.append(store, "sync_keys_renewed", table="sync_unit_keys", new={"keys": made})
    return unit_fingerprint(*made)


def public_keys(store: Store) -> tuple[str, str]:
    rows = sync_unit_keys.current_public(store)
    if "sign" not in rows or "encrypt" not in rows:
        raise SyncError("Đơn vị chưa có khóa đồng bộ. Hãy khởi tạo lại khóa (Đồng bộ → Khóa).",
                        code="no_keys")
    return rows["sign"], rows["encrypt"]


def load_unit_keys(store: Store) -> UnitKeys:
    rows = sync_unit_keys.current(store)
    if "sign" not in rows or "encrypt" not in rows:
        raise SyncError("Đơn vị chưa có khóa đồng bộ. Hãy khởi tạo lại khóa (Đồng bộ → Khóa).",
                        code="no_keys")
    raw = {}
    for purpose, row in rows.items():
        protector = _protector(store, row["protector"])
        raw[purpose] = protector.unwrap(row["private_key"], f"{row['id']}:{purpose}".encode())
    sign = Ed25519PrivateKey.from_private_bytes(raw["sign"])
    enc = X25519PrivateKey.from_private_bytes(raw["encrypt"])
    return UnitKeys(sign, enc, rows["sign"]["public_key"], rows["encrypt"]["public_key"])


def own_fingerprint(store: Store) -> str:
    return unit_fingerprint(*public_keys(store))
