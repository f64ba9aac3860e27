"""Getting files to their destination safely: atomic writes that are read back and verified,
and numbered parts for e-mail.

A file is written under a temporary name that does not end in `.isosync` (".NAME.partial"),
flushed and fsync'd, renamed into place, and then read back and compared with what was meant to
be written. A stick pulled out or a full disk in the middle leaves at most a `.partial` file,
which the import refuses anyway (magic, sizes and authenticated chunks).
"""
from __future__ import annotations

import hashlib
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop.models import atomic, oserrors

from .errors import DamagedPackage, DiskError, NotAPackage
from .labels import os_reason

BLOCK = 1 << 20
PART_MAGIC = b"ISOPART1"
PART_SIZE = 7_000_000
MAX_PARTS = 999

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


# --- parts for e-mail ------------------------------------------------------------------------

@dataclass
class PartInfo:
    package_file: str
    package_sha256: str
    package_size: int
    index: int
    total: int
    part_sha256: str
    data_offset: int
    size: int


def part_names(package: Path, total: int) -> list[str]:
    stem = package.name
    return [f"{stem}.{i:02d}-of-{total:02d}.isopart" for i in range(1, total + 1)]


def split_package(package: Path, out_dir: Path, *, part_size: int = PART_SIZE) -> list[Path]:
    """Split a package into numbered parts; each part names the whole and its place in it."""
    size = package.stat().st_size
    total = max(1, -(-size // part_size))
    if total > MAX_PARTS:
        raise DiskError("Gói quá lớn để gửi qua email; hãy chép bằng USB.")
    whole = sha256_file(package)
    made = []
    with open(package, "rb") as fh:
        for i, name in enumerate(part_names(package, total), start=1):
            data = fh.read(part_size)
            head = json.dumps({"package_file": package.name, "package_sha256": whole,
                               "package_size": size, "index": i, "total": total,
                               "part_sha256": hashlib.sha256(data).hexdigest()},
                              sort_keys=True).encode("utf-8")
            dest = Path(out_dir) / name
            write_atomic(dest, PART_MAGIC + struct.pack(">I", len(head)) + head + data)
            made.append(dest)
    return made


def read_part(path: Path) -> PartInfo:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            if fh.read(len(PART_MAGIC)) != PART_MAGIC:
                raise NotAPackage(f"Tệp {path.name} không phải một phần của gói đồng bộ.")
            raw = fh.read(4)
            if len(raw) < 4:
                raise DamagedPackage(f"Phần {path.name} bị cắt cụt; hãy lưu lại tệp đính kèm.")
            (hlen,) = struct.unpack(">I", raw)
            if hlen > 4096:
                raise DamagedPackage(f"Phần {path.name} bị hỏng.")
            head = json.loads(fh.read(hlen).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DamagedPackage(f"Phần {path.name} bị hỏng; hãy lưu lại tệp đính kèm.") from exc
    except OSError as exc:
        raise NotAPackage(f"Không đọc được {path.name}: {os_reason(exc)}.") from exc
    try:
        info = PartInfo(str(head["package_file"]), str(head["package_sha256"]),
                        int(head["package_size"]), int(head["index"]), int(head["total"]),
                        str(head["part_sha256"]), len(PART_MAGIC) + 4 + hlen,
                        path.stat().st_size - (len(PART_MAGIC) + 4 + hlen))
    except (KeyError, TypeError, ValueError) as exc:
        raise DamagedPackage(f"Phần {path.name} bị hỏng; hãy lưu lại tệp đính kèm.") from exc
    safe = Path(info.package_file).name == info.package_file and \
        info.package_file.endswith(".isosync") and len(info.package_sha256) == 64 and \
        all(c in "0123456789abcdef" for c in info.package_sha256)
    if not safe or not (1 <= info.index <= info.total <= MAX_PARTS):
        raise DamagedPackage(f"Phần {path.name} có thông tin không hợp lệ.")
    return info


@dataclass
class PartsState:
    package_file: str
    total: int
    have: list[int]
    assembled: Path | None = None
    duplicate: bool = False

    @property
    def missing(self) -> list[int]:
        return [i for i in range(1, self.total + 1) if i not in self.have]


def receive_part(path: Path, parts_dir: Path, incoming_dir: Path) -> PartsState:
    """Keep one part; when all parts of its package are here, join them and return the whole.

    Parts may come in any order; the same part twice is noted and ignored.
    """
    info = read_part(path)
    with open(path, "rb") as fh:
        fh.seek(info.data_offset)
        data = fh.read()
    if hashlib.sha256(data).hexdigest() != info.part_sha256:
        raise DamagedPackage(f"Phần {info.index}/{info.total} ({Path(path).name}) bị hỏng hoặc "
                             "cắt cụt; hãy lưu lại tệp đính kèm từ email.")
    folder = Path(parts_dir) / info.package_sha256
    target = folder / f"{info.index:03d}"
    duplicate = target.is_file()
    if duplicate:
        if sha256_file(target) != info.part_sha256:
            raise DamagedPackage(f"Đã có phần {info.index}/{info.total} khác nội dung của gói "
                                 f"{info.package_file}; phần này bị từ chối.")
    else:
        write_atomic(target, data)
    have = sorted(int(p.name) for p in folder.iterdir() if p.name.isdigit())
    state = PartsState(info.package_file, info.total, have, duplicate=duplicate)
    if state.missing:
        return state
    whole = Path(incoming_dir) / info.package_file
    h = hashlib.sha256()
    tmp = partial_name(whole)
    whole.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "wb") as out:
        for i in range(1, info.total + 1):
            block = (folder / f"{i:03d}").read_bytes()
            h.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if h.hexdigest() != info.package_sha256:
        tmp.unlink(missing_ok=True)
        raise DamagedPackage(f"Ghép các phần của {info.package_file} không ra đúng gói; hãy đề "
                             "nghị đơn vị gửi lại.")
    atomic.replace(tmp, whole)
    state.assembled = whole
    return state
