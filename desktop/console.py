"""The standard streams, made safe before anything is written.

- Redirected output on Windows (`isodesk sync export --json > log`, a pipe to another program)
  uses the ANSI code page (cp1252/cp1258), which can't encode "ệ": the command would do its work
  and then fail while printing. Setting PYTHONUTF8 inside the running process changes nothing, so
  stdout and stderr are reconfigured to UTF-8 here, at start, whatever the console or pipe.
- The windowed program (`isodesk.exe`, built without a console) has no streams at all:
  `sys.stdout` and `sys.stderr` are None and the first write would raise, which PyInstaller shows
  as a modal traceback (an unattended `isodesk.exe --selftest` then hangs). There, what the
  program writes goes to `logs/console.log` of the user's data folder (or the temporary folder),
  and the caller can show it in a dialog (`windowed_output`).

No Qt here: it runs before anything else.
"""
from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

_console_log: Path | None = None


def _utf8(stream) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        reconfigure(encoding="utf-8", errors="backslashreplace")
    except (ValueError, OSError, io.UnsupportedOperation):
        pass


def _log_file(folder: Path | None) -> Path:
    candidates = [folder] if folder else []
    try:
        from desktop.paths import default_data_dir

        candidates.append(default_data_dir() / "logs")
    except Exception:  # noqa: BLE001  (platformdirs missing or no home folder: the temp folder)
        pass
    candidates.append(Path(tempfile.gettempdir()) / "isodesk")
    for candidate in candidates:
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            return candidate / "console.log"
        except OSError:
            continue
    return Path(os.devnull)


class _LogStream(io.TextIOWrapper):
    """A text stream appending to the console log, opened at the first write."""

    def __init__(self, path: Path):
        self.path = path
        self.written = 0
        try:
            raw = open(path, "ab", buffering=0)  # noqa: SIM115 (lives as long as the process)
        except OSError:
            raw = open(os.devnull, "wb", buffering=0)  # noqa: SIM115
        super().__init__(io.BufferedWriter(raw), encoding="utf-8", errors="backslashreplace",
                         line_buffering=True)

    def write(self, text: str) -> int:
        self.written += len(text)
        return super().write(text)

    def isatty(self) -> bool:
        return False


def prepare_streams(log_folder: Path | None = None) -> Path | None:
    """Make stdout/stderr writable in UTF-8. Returns the log file that stands in for missing
    streams (the windowed program), or None when the real streams are there."""
    global _console_log
    missing = [name for name in ("stdout", "stderr") if getattr(sys, name) is None]
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None:
            _utf8(stream)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
    if not missing:
        return None
    path = _log_file(log_folder)
    shared = _LogStream(path)
    for name in missing:
        setattr(sys, name, shared)
    _console_log = path
    return path


def windowed() -> bool:
    """True in the windowed program, whose output goes to the console log."""
    return _console_log is not None


def console_log() -> Path | None:
    return _console_log


def windowed_output() -> int:
    """How much was written to the console log by this process (0 without one)."""
    stream = sys.stdout if isinstance(sys.stdout, _LogStream) else None
    return stream.written if stream is not None else 0
