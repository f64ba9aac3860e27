"""The program's log file: `<data folder>/logs/isodesk.log`, rotated (5 × 1 MB).

The start writes through a plain `logging.FileHandler` (the file rotated first when it is full):
`logging.handlers` brings sockets, pickling and queues with it, which the sign-in need not wait
for. `keep_rotating()`, called once the sign-in is on screen, puts the rotating handler in its
place for the rest of the run.
"""
from __future__ import annotations

import logging
from pathlib import Path

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_configured: Path | None = None


def setup_logging(data_dir: Path) -> Path:
    global _configured
    folder = Path(data_dir) / "logs"
    path = folder / "isodesk.log"
    if _configured == path:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    try:
        full = path.stat().st_size >= MAX_BYTES
    except OSError:
        full = False
    if full:
        _rotate(path)
    _install(logging.FileHandler(path, encoding="utf-8"))
    _configured = path
    return path


def keep_rotating() -> None:
    """Replace the start's plain handler by one that rotates the file when it fills up (a long
    run, a kiosk day). Safe on any thread; does nothing before `setup_logging` or twice."""
    import logging.handlers

    root = logging.getLogger("isodesk")
    plain = [h for h in root.handlers if type(h) is logging.FileHandler]
    if _configured is None or not plain:
        return
    handler = logging.handlers.RotatingFileHandler(_configured, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)  # added before the old one goes: a record is never lost
    for old in plain:
        root.removeHandler(old)
        old.close()


def _install(handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger("isodesk")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _rotate(path: Path) -> None:
    """isodesk.log → .1 → .2 … → .5 (the oldest dropped), as the rotating handler names them."""
    from desktop.models.atomic import replace

    def at_once(_delay: float) -> None:
        """The start does not wait for a file another program holds."""

    try:
        for n in range(BACKUP_COUNT - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                replace(older, path.with_name(f"{path.name}.{n + 1}"), sleep=at_once)
        replace(path, path.with_name(f"{path.name}.1"), sleep=at_once)
    except OSError:   # another ISO Desk has the file open (Windows): rotated another time
        pass
