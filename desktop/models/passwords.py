"""Passwords and PINs: scrypt from the standard library (memory-hard; N=2^15, r=8, p=1: 32 MiB,
tens of milliseconds), and the base64 helpers of the stored form.

Apart from `desktop.models.crypto` (the keys, which need the `cryptography` package) so that
signing in loads no more than it checks.

`Deriver` derives a password's key while it is typed, so that the check at the Enter key finds
it made (or half made): the same scrypt with the same salt and parameters, only earlier. It
compares nothing, and keeps one digest: the latest text's, for one account.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
from dataclasses import dataclass
from typing import Callable

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


@dataclass(frozen=True)
class Recipe:
    """How a stored hash was made (scrypt's salt and parameters, the digest's length): what a
    derivation needs, and nothing to compare its result with."""

    salt: bytes
    n: int
    r: int
    p: int
    length: int


def _parse(stored: str) -> tuple[Recipe, bytes] | None:
    """(the recipe, the digest) of a stored hash; None when it is not an scrypt hash."""
    scheme, n, r, p, salt, digest = stored.split("$")
    if scheme != "scrypt":
        return None
    digest_bytes = b64d(digest)
    return Recipe(b64d(salt), int(n), int(r), int(p), len(digest_bytes)), digest_bytes


def recipe(stored: str) -> Recipe | None:
    """The salt and parameters of a stored hash, without its digest; None when unreadable."""
    try:
        parsed = _parse(stored)
    except (ValueError, TypeError):
        return None
    return parsed[0] if parsed else None


def derive(secret: str, how: Recipe) -> bytes:
    return _scrypt(secret, how.salt, how.n, how.r, how.p, how.length)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64e(salt)}${b64e(digest)}"


def check_password(password: str, stored: str,
                   derived: Callable[[str, Recipe], bytes] | None = None) -> bool:
    """Whether `password` is the one `stored` was made from. `derived` gives the key of a
    password with a recipe (`Deriver.derive`: the one made while it was typed); by default it is
    derived here."""
    try:
        parsed = _parse(stored)
        if parsed is None:
            return False
        how, digest = parsed
        got = (derived or derive)(password, how)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, digest)


class _Job:
    """One derivation: its key (text, recipe), its digest once made (None if it failed)."""

    def __init__(self, key: tuple[str, Recipe]):
        self.key = key
        self.digest: bytes | None = None
        self.taken = False   # by a check: not kept once made
        self._ended = threading.Event()

    def run(self) -> None:
        try:
            self.digest = derive(*self.key)
        except Exception:  # noqa: BLE001  (derived again at the check, which says what failed)
            self.digest = None
        finally:
            self._ended.set()

    def result(self) -> bytes | None:
        self._ended.wait()
        return self.digest


class Deriver:
    """Derives the key of a password while it is typed, on one worker thread:

        deriver.want(text, recipe)   # each time the text (or the account) changes
        deriver.derive(text, recipe) # at the check: the key made ahead, waited for, or made now
        deriver.close()              # the dialog closed: everything dropped

    One derivation at a time; a text typed while one runs waits (only the latest: the ones
    between are never derived), and is derived once it ends. Only the latest text's digest is
    kept, and only until the text or the account changes or `close`. Nothing is compared here:
    the comparison is `check_password`'s, after the attempt is counted.

    `derive` at the check uses a derivation of exactly that text and recipe when it is made or
    under way; otherwise (none, or another text's under way) it derives on the calling thread:
    at most two derivations at once (2 × 32 MiB). A derivation under way when the deriver is
    closed ends on its own (scrypt cannot be stopped) and its digest is dropped; the worker
    thread then ends. It holds no Qt object, so nothing needs it joined."""

    THREAD_NAME = "isodesk-derive"

    def __init__(self, shortest: int = 1) -> None:
        """`shortest`: texts shorter than this are not derived ahead (no password is that short:
        the CPU goes to the texts that may be one; the check still derives any text)."""
        self._shortest = max(1, shortest)
        self._lock = threading.Lock()
        self._wanted: tuple[str, Recipe] | None = None
        self._pending: tuple[str, Recipe] | None = None   # at most one derivation queued
        self._running: _Job | None = None
        self._done: _Job | None = None                    # the wanted text's, made
        self._worker: threading.Thread | None = None
        self._closed = False

    def want(self, text: str, how: Recipe | None) -> None:
        """The text now typed for the account with this recipe (None: no such account, or none
        chosen): derived in the background unless it is already (or being) derived."""
        key = (text, how) if len(text) >= self._shortest and how is not None else None
        with self._lock:
            if self._closed:
                return
            self._wanted = key
            if self._done is not None and self._done.key != key:
                self._done = None
            if key is None or self._done is not None or \
                    (self._running is not None and self._running.key == key):
                self._pending = None
                return
            self._pending = key
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name=self.THREAD_NAME,
                                                daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                key, self._pending = self._pending, None
                if key is None or self._closed:
                    self._worker = self._running = None
                    return
                job = self._running = _Job(key)
            job.run()
            with self._lock:
                self._running = None
                if not (self._closed or job.taken) and job.key == self._wanted \
                        and job.digest is not None:
                    self._done = job

    def derive(self, text: str, how: Recipe) -> bytes:
        """The key of `text` with `how`: the one made ahead (its digest then dropped here), or
        the one under way waited for, or derived now on this thread."""
        key = (text, how)
        job = None
        with self._lock:
            if self._done is not None and self._done.key == key:
                job, self._done = self._done, None
            elif self._running is not None and self._running.key == key:
                job = self._running
                job.taken = True
            elif self._pending == key:
                self._pending = None   # derived here rather than after the stale one
        if job is not None:
            digest = job.result()
            if digest is not None:
                return digest
        return derive(text, how)

    @property
    def busy(self) -> bool:
        """Whether a derivation is under way or queued."""
        with self._lock:
            return self._worker is not None

    def join(self, timeout: float | None = None) -> bool:
        """Waits until no derivation is under way or queued; whether none is."""
        while True:
            with self._lock:
                worker = self._worker
            if worker is None:
                return True
            worker.join(timeout)
            if worker.is_alive():
                return False

    def close(self) -> None:
        """Drops the queued text and the digest made; a derivation under way ends on its own
        and is dropped. Later `want` calls do nothing."""
        with self._lock:
            self._closed = True
            self._wanted = self._pending = self._done = None
