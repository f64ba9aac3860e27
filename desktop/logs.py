"""The program's log file: `<data folder>/logs/isodesk.log`, rotated (5 × 1 MB)."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: Path | None = None


def setup_logging(data_dir: Path) -> Path:
    global _configured
    folder = Path(data_dir) / "logs"
    path = folder / "isodesk.log"
    if _configured == path:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("isodesk")
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
