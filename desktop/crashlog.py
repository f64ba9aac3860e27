"""What a crash leaves behind, and noticing it at the next start.

Each run of the program keeps a file of its own in `<data folder>/logs/`
(`run-<start time>-<pid>.log`) for as long as it runs: a first line says when it started, and
`faulthandler` writes into it whatever it can when the process dies of a fatal error (a
segmentation fault in Qt, an abort): the Python stack of every thread. A clean exit deletes it.

The file is locked while its run lives (a byte range far past its end, which the operating
system releases when the process dies however it dies), so the next start tells a run that is
still going (another window on the same data folder) from one that ended without a clean exit
(a crash, kill -9, a power cut). Such a file is kept as `crash-<start time>.log` and reported
once; the last `KEEP_CRASH_LOGS` are kept.

No Qt here: the GUI shows the notice (desktop/app.py).
"""
from __future__ import annotations

import datetime as _dt
import faulthandler
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.models import atomic

LOGS_DIRNAME = "logs"
RUN_PREFIX = "run-"
CRASH_PREFIX = "crash-"
KEEP_CRASH_LOGS = 10
_LOCK_OFFSET = 1 << 30   # the locked byte: far past anything written, so writing is never blocked
_STAMP = "%Y%m%d-%H%M%S"
SESSION_END = "The Windows session is ending."

log = logging.getLogger("isodesk.crashlog")


@dataclass(frozen=True)
class UncleanEnd:
    """A run that ended without a clean exit."""

    log_path: Path            # the kept file: the start line and whatever faulthandler wrote
    started: _dt.datetime | None
    fatal_error: str          # the "Fatal Python error: …" line, "" when none was written


def _try_lock(fd: int) -> bool:
    """Lock the run's byte without waiting; False when another live process holds it."""
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _LOCK_OFFSET, os.SEEK_SET)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.lockf(fd, fcntl.LOCK_UN, 1, _LOCK_OFFSET, os.SEEK_SET)


def _started(name: str) -> _dt.datetime | None:
    """The start time in a run file's name `run-YYYYmmdd-HHMMSS-pid.log`."""
    try:
        return _dt.datetime.strptime(name[len(RUN_PREFIX):len(RUN_PREFIX) + 15], _STAMP)
    except ValueError:
        return None


def _fatal_line(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return next((line.strip() for line in text.splitlines()
                 if line.startswith("Fatal Python error")), "")


def _ended_with_the_session(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return SESSION_END in text and "Fatal Python error" not in text \
        and "Unexpected error" not in text


def _free_name(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.log"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.log"
    return path


class RunLog:
    """The file of this run. `begin()` returns the earlier runs that ended without a clean exit
    (each reported once) and arms faulthandler; `end()` is the clean exit."""

    def __init__(self, data_dir: Path):
        self.folder = Path(data_dir) / LOGS_DIRNAME
        self.path: Path | None = None
        self._file = None
        self._previous_fault_file = None

    def begin(self) -> list[UncleanEnd]:
        self.folder.mkdir(parents=True, exist_ok=True)
        found = self._collect_unclean()
        now = _dt.datetime.now()
        self.path = self.folder / f"{RUN_PREFIX}{now:{_STAMP}}-{os.getpid()}.log"
        self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (open for the run)
        if not _try_lock(self._file.fileno()):   # a fresh file of our own: cannot be held
            log.warning("could not lock %s", self.path)
        from desktop import __version__

        self._file.write(f"ISO Desk {__version__} started {now.isoformat(timespec='seconds')}"
                         f" (process {os.getpid()}, Python {sys.version.split()[0]},"
                         f" {sys.platform})\n")
        self._file.flush()
        if faulthandler.is_enabled():
            self._previous_fault_file = sys.__stderr__
        faulthandler.enable(file=self._file, all_threads=True)
        return found

    def note_session_end(self) -> None:
        """Windows is ending the session (shutdown, log off) and will end the process before
        it exits by itself: the file says so, and the next start does not call it a crash."""
        if self._file is not None:
            self._file.write(SESSION_END + "\n")
            self._file.flush()

    def record_exception(self) -> None:
        """An error ends the run: its traceback goes into the run's file, which stays (the next
        start reports it)."""
        if self._file is not None:
            import traceback

            self._file.write("Unexpected error that ended the program:\n")
            traceback.print_exc(file=self._file)
            self._file.flush()

    def end(self) -> None:
        """The run ends cleanly: nothing to report next time."""
        if self._file is None:
            return
        faulthandler.disable()
        if self._previous_fault_file is not None:
            try:
                faulthandler.enable(file=self._previous_fault_file)
            except (ValueError, AttributeError, OSError):
                pass
        try:
            _unlock(self._file.fileno())
        except OSError:
            pass
        self._file.close()
        self._file = None
        try:
            self.path.unlink()
        except OSError as exc:
            log.warning("could not remove %s: %s", self.path, exc)

    def _collect_unclean(self) -> list[UncleanEnd]:
        found = []
        for path in sorted(self.folder.glob(f"{RUN_PREFIX}*.log")):
            try:
                with open(path, "r+b") as f:
                    if not _try_lock(f.fileno()):
                        continue            # that run is still going
                    _unlock(f.fileno())
            except OSError:
                continue                    # in use (Windows) or gone meanwhile
            started = _started(path.name)
            if _ended_with_the_session(path):
                path.unlink(missing_ok=True)     # shut down with Windows: not a crash
                continue
            stem = CRASH_PREFIX + (started.strftime(_STAMP) if started else path.stem)
            kept = _free_name(self.folder, stem)
            try:
                atomic.replace(path, kept)   # an antivirus may hold it a moment on Windows
            except OSError:
                continue
            found.append(UncleanEnd(kept, started, _fatal_line(kept)))
            log.warning("the run started %s did not end cleanly; kept %s", started, kept)
        crashes = sorted(self.folder.glob(f"{CRASH_PREFIX}*.log"),
                         key=lambda p: p.stat().st_mtime)
        for old in crashes[: max(0, len(crashes) - KEEP_CRASH_LOGS)]:
            try:
                old.unlink()
            except OSError:
                pass
        return found
