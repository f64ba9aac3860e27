"""Password hashing and key handling (the `cryptography` package; no Qt).

- Passwords: scrypt (memory-hard; N=2^15, r=8, p=1: 32 MiB, tens of milliseconds).
- Private keys: Ed25519, stored encrypted with AES-256-GCM under a key derived from the owner's
  password with scrypt; the public key is kept in clear with a short fingerprint people can read
  over the phone.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_MAXMEM = 64 * 1024 * 1024


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _scrypt(secret: str, salt: bytes, n: int, r: int, p: int, length: int = 32) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM,
                          dklen=length)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64e(salt)}${b64e(digest)}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = _scrypt(password, b64d(salt), int(n), int(r), int(p), len(b64d(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, b64d(digest))


# --- Ed25519 keys --------------------------------------------------------------------------

def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64e(pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(b64d(text))


def fingerprint(public_key_text: str, groups: int = 4) -> str:
    """A short, readable fingerprint: SHA-256 of the raw key, in groups of 4 hex digits."""
    digest = hashlib.sha256(b64d(public_key_text)).hexdigest().upper()
    return "-".join(digest[i * 4:(i + 1) * 4] for i in range(groups))


def encrypt_private_key(key: Ed25519PrivateKey, password: str) -> str:
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(kek).encrypt(nonce, raw, b"isodesk-user-key-v1")
    return f"v1${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64e(salt)}${b64e(nonce)}${b64e(sealed)}"


def decrypt_private_key(blob: str, password: str) -> Ed25519PrivateKey:
    """Raises ValueError when the password is wrong or the blob was altered."""
    try:
        version, n, r, p, salt, nonce, sealed = blob.split("$")
        if version != "v1":
            raise ValueError("unknown key format")
        kek = _scrypt(password, b64d(salt), int(n), int(r), int(p))
        raw = AESGCM(kek).decrypt(b64d(nonce), b64d(sealed), b"isodesk-user-key-v1")
    except Exception as exc:  # InvalidTag, binascii errors, bad split
        raise ValueError("cannot decrypt the private key") from exc
    return Ed25519PrivateKey.from_private_bytes(raw)


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return b64e(key.sign(data))


def verify(public_key_text: str, signature_b64: str, data: bytes) -> bool:
    try:
        load_public_key(public_key_text).verify(b64d(signature_b64), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False
