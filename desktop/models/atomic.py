"""Putting a finished file in place in one step, the way every file of the program is written.

A file is written whole under a temporary name, flushed to the disk (fsync), then renamed over its
target: a crash or a pulled stick leaves the old file or the new one, never half of one. On
Windows an antivirus or the search indexer often opens a file the moment it appears, and the
rename then fails with ERROR_SHARING_VIOLATION (32) or ERROR_ACCESS_DENIED (5) for a fraction of
a second: `replace` tries again for up to about two seconds before giving up.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from . import oserrors

RETRY_DELAYS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5)   # about 2 s in all


def replace(source: Path | str, target: Path | str, *,
            sleep: Callable[[float], None] = time.sleep) -> None:
    """`os.replace`, tried again while Windows reports the file as held for a moment."""
    for delay in RETRY_DELAYS + (None,):
        try:
            os.replace(source, target)
            return
        except OSError as exc:
            if delay is None or not oserrors.retry_helps(exc):
                raise
            sleep(delay)


def partial_name(target: Path) -> Path:
    return target.with_name(target.name + ".partial")


def write_bytes(target: Path | str, data: bytes, *, tmp: Path | None = None,
                sync: bool = True) -> Path:
    """Write `data` to `target` atomically (temporary file, fsync, rename). On failure the
    temporary file is removed (when the drive still allows it) and the OSError raised."""
    target = Path(target)
    tmp = tmp or partial_name(target)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        replace(tmp, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the drive is gone: the leftover has a name nobody reads
        raise
    return target
