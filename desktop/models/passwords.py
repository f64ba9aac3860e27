"""Passwords and PINs: scrypt from the standard library (memory-hard; N=2^15, r=8, p=1: 32 MiB,
tens of milliseconds), and the base64 helpers of the stored form.

Apart from `desktop.models.crypto` (the keys, which need the `cryptography` package) so that
signing in loads no more than it checks.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

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
