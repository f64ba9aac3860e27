"""Getting files to their destination safely: atomic writes that are read back and verified
(the numbered parts for e-mail are in `sync.parts`).

A file is written under a temporary name that does not end in `.isosync` (".NAME.partial"),
flushed and fsync'd, renamed into place, and then read back and compared with what was meant to
be written. A stick pulled out or a full disk in the middle leaves at most a `.partial` file,
which the import refuses anyway (magic, sizes and authenticated chunks).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable

from desktop.models import atomic, oserrors

from .errors import DiskError
from .labels import os_reason

BLOCK = 1 << 20

Opener = Callable[[Path, str], object]


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(BLOCK), b""):
            h.update(block)
    return h.hexdigest()


def partial_name(dest: Path) -> Path:
    return dest.with_name("." + dest.name + ".partial")


def disk_message(exc: OSError, dest: Path, size: int | None = None) -> str:
    """What a failed write means, by the Windows error code first (see desktop.models.oserrors:
    Windows reports a pulled stick and a file held by the antivirus as "access denied")."""
    where = dest.parent
    kind = oserrors.kind(exc)
    if kind == "full":
        need = f" (cần khoảng {size / 1e6:.1f} MB)" if size else ""
        return (f"Ổ đĩa {where} đã đầy{need}. Tệp chưa được ghi; hãy xóa bớt tệp hoặc dùng ổ "
                "khác rồi làm lại.")
    if kind == "read_only":
        return (f"Ổ {where} đang chống ghi (ổ USB có nút gạt khóa ghi). Hãy gạt nút về vị trí mở "
                "khóa, hoặc chọn ổ khác.")
    if kind == "denied":
        return (f"Không được phép ghi vào {where} (không có quyền ghi vào thư mục này). Hãy chọn "
                "ổ hoặc thư mục khác.")
    if kind == "busy":
        return (f"Không ghi được {dest.name} vào {where}: tệp đang được chương trình khác mở "
                "(có thể là phần mềm diệt virus đang quét). Hãy đợi một lát rồi làm lại, hoặc "
                "đóng chương trình đang mở tệp.")
    if kind in ("gone", "not_ready", "io", "missing"):
        return (f"Không ghi được vào {where}: ổ USB đã bị rút ra hoặc bị lỗi khi đang ghi. Tệp "
                "chưa hoàn tất và sẽ không được dùng; hãy cắm lại ổ và làm lại.")
    return f"Không ghi được tệp {dest.name} vào {where}: {os_reason(exc)}. Hãy làm lại."


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to fsync it; NTFS journals the rename
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(dest: Path, data: bytes | None = None, *, source: Path | None = None,
                 opener: Opener = open) -> str:
    """Write `data` (or copy `source`) to `dest` atomically; read back and verify.

    Returns the SHA-256 of the file. Raises DiskError with a clear message; on failure no file
    named `dest` is left behind (an old one of the same name is untouched).
    """
    dest = Path(dest)
    tmp = partial_name(dest)
    h = hashlib.sha256()
    size = len(data) if data is not None else (source.stat().st_size if source else 0)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with opener(tmp, "wb") as out:
            if data is not None:
                for i in range(0, len(data), BLOCK):
                    block = data[i:i + BLOCK]
                    out.write(block)
                    h.update(block)
            else:
                with open(source, "rb") as src:
                    for block in iter(lambda: src.read(BLOCK), b""):
                        out.write(block)
                        h.update(block)
            out.flush()
            os.fsync(out.fileno())
        atomic.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the drive is gone: the leftover has a name nobody imports
        raise DiskError(disk_message(exc, dest, size)) from exc
    expected = h.hexdigest()
    try:
        got = sha256_file(dest)
    except OSError as exc:
        raise DiskError(disk_message(exc, dest, size)) from exc
    if got != expected:
        try:
            dest.unlink()
        except OSError:
            pass
        raise DiskError(f"Đọc lại tệp {dest.name} trên {dest.parent} thấy khác với tệp đã ghi "
                        "(ổ USB có thể bị lỗi). Tệp đã được xóa; hãy thử ổ khác.")
    return expected
