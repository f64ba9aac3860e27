"""DPAPI (`CryptProtectData` / `CryptUnprotectData` of crypt32), user scope.

Scope, decided: the unit's private keys are wrapped for the Windows account that runs ISO Desk
(user scope, no `CRYPTPROTECT_LOCAL_MACHINE`), with the key's own label as entropy.

- What it protects: a copy of the database or of a backup taken to another PC, or opened by
  another Windows account of the same PC (another user, a service, a task under another account),
  carries no usable key.
- What it costs: the keys are lost when the account changes (a new account, a new PC) or when an
  administrator resets the account's password (the user's own password change keeps them). The
  program then says so, makes new keys on request, and the other side accepts the new key after
  comparing its fingerprint by phone — nothing else is lost.
- Machine scope would survive those, but then every account and every program running on the PC
  could unwrap the keys; on the shared PCs of an office that is the weaker choice.
"""
from __future__ import annotations

import ctypes

from . import api

CRYPTPROTECT_UI_FORBIDDEN = 0x1


def _blob(data: bytes) -> tuple[api.DATA_BLOB, object]:
    buf = ctypes.create_string_buffer(data, len(data))
    return api.DATA_BLOB(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char))), buf


def _call(function, data: bytes, entropy: bytes) -> bytes:
    src, _keep1 = _blob(data)
    ent, _keep2 = _blob(entropy)
    out = api.DATA_BLOB()
    if not function(ctypes.byref(src), None, ctypes.byref(ent), None, None,
                    CRYPTPROTECT_UI_FORBIDDEN, ctypes.byref(out)):
        code = api.last_error()
        raise OSError(None, f"DPAPI call failed (Windows error {code})", None, code)
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        api.kernel32.LocalFree(ctypes.cast(out.pbData, ctypes.c_void_p))


def protect(data: bytes, entropy: bytes) -> bytes:
    """Wrap `data` for the current Windows account. Raises OSError when DPAPI refuses."""
    return _call(api.crypt32.CryptProtectData, data, entropy)


def unprotect(blob: bytes, entropy: bytes) -> bytes:
    """Unwrap what `protect` made with the same entropy, as the same Windows account."""
    return _call(api.crypt32.CryptUnprotectData, blob, entropy)
