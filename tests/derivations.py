"""Holding the password-key derivations of the sign-in (`passwords.Deriver`) until a test lets
them go, to see what happens while one is under way."""
from __future__ import annotations

import threading

from desktop.models import passwords
from desktop.models.passwords import Deriver


def hold_derivations(monkeypatch, *, worker_only: bool = True):
    """Each derivation (only the worker's, with `worker_only`) waits until `release` is set;
    `started` is set when one begins. Returns (started, release)."""
    started, release = threading.Event(), threading.Event()
    real = passwords.derive   # the one in place now: a counting wrapper stays under this one

    def held(secret, how):
        if not worker_only or threading.current_thread().name == Deriver.THREAD_NAME:
            started.set()
            assert release.wait(60)
        return real(secret, how)

    monkeypatch.setattr(passwords, "derive", held)
    return started, release
