"""Writing output files (PDF, Excel, question files) safely: build in memory, then replace the
target in one step, so a file is whole or absent; a refusal is said in Vietnamese."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from desktop.models import atomic, oserrors
from desktop.models.errors import IsoDeskError


def write_bytes(path: Path, data: bytes) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(path, data)
    except OSError as exc:
        if oserrors.kind(exc) in ("busy", "denied"):
            raise IsoDeskError(f"Không ghi được {path.name}: tệp đang mở trong chương trình khác "
                               "hoặc thư mục không cho phép ghi. Hãy đóng tệp rồi thử lại, hoặc "
                               "chọn thư mục khác.") from exc
        raise IsoDeskError(f"Không ghi được {path.name} vào {path.parent}: "
                           f"{oserrors.reason(exc)}. Hãy làm lại.") from exc
    return path


def write_pdf(path: Path, build: Callable[[io.BytesIO], int]) -> int:
    """`build(buffer)` renders the PDF and returns its page count; the file appears whole."""
    buf = io.BytesIO()
    pages = build(buf)
    write_bytes(path, buf.getvalue())
    return pages
