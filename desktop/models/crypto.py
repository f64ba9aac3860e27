"""Password hashing and key handling (the `cryptography` package; no Qt).

- Passwords: scrypt (memory-hard; N=2^15, r=8, p=1: 32 MiB, tens of milliseconds), in
  `desktop.models.passwords` (standard library only), re-exported here.
- Private keys: Ed25519, stored encrypted with AES-256-GCM under a key derived from the owner's
  password with scrypt; the public key is kept in clear with a short fingerprint people can read
  over the phone.
"""
from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

from .passwords import (  # noqa: F401  (part of this module's interface)
    SCRYPT_N, SCRYPT_P, SCRYPT_R, _scrypt, b64d, b64e, check_password, hash_password,
)


if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey, Ed25519PublicKey,
    )

# The `cryptography` package is imported by the functions that use it: a figure or a list that
# merely names a key or a signature does not wait for it.


# --- Ed25519 keys --------------------------------------------------------------------------

def new_signing_key() -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64e(pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(b64d(text))


def fingerprint(public_key_text: str, groups: int = 4) -> str:
    """A short, readable fingerprint: SHA-256 of the raw key, in groups of 4 hex digits."""
    digest = hashlib.sha256(b64d(public_key_text)).hexdigest().upper()
    return "-".join(digest[i * 4:(i + 1) * 4] for i in range(groups))


def encrypt_private_key(key: Ed25519PrivateKey, password: str) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(kek).encrypt(nonce, raw, b"isodesk-user-key-v1")
    return f"v1${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64e(salt)}${b64e(nonce)}${b64e(sealed)}"


def decrypt_private_key(blob: str, password: str) -> Ed25519PrivateKey:
    """Raises ValueError when the password is wrong or the blob was altered."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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
    from cryptography.exceptions import InvalidSignature

    try:
        load_public_key(public_key_text).verify(b64d(signature_b64), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False
