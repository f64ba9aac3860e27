"""The inner archive of a package: a zip with `manifest.json`, `records/<table>.jsonl` and
`blobs/<sha256>`, written in a stream and read back under strict limits.

Reading never uses a name from the archive as a path: a member is read only when the signed
manifest lists it under a name of the fixed forms above, and the archive as a whole is refused
when it holds duplicates, links, unlisted or oddly named members, too many members, or members
whose size or compression ratio is out of bounds.
"""
from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable

from desktop.models.bounded import InputRefused, load_json, load_json_lines

from .envelope import canonical, strict_json
from .errors import DamagedPackage, LimitExceeded

MANIFEST = "manifest.json"
MAX_MEMBERS = 50_000
MAX_MEMBER_SIZE = 512 * 1024 * 1024
MAX_TOTAL_SIZE = 4 * 1024 ** 3
MAX_MANIFEST_SIZE = 32 * 1024 * 1024
MAX_HEADER_LINE = 1024 * 1024     # the column list of a records member
MAX_FILES = 20_000                # files (blobs/…) one package may bring
MAX_FILES_SIZE = 2 * 1024 ** 3    # their size in all
MAX_RATIO = 200
RATIO_FLOOR = 256 * 1024          # small members may compress well: the ratio rule starts here

_NAME_RE = re.compile(r"^(manifest\.json|ack\.json|records/[a-z][a-z0-9_]{0,62}\.jsonl|"
                      r"blobs/[0-9a-f]{64})$")
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def _set_level(info: zipfile.ZipInfo, level: int) -> None:
    # The attribute was renamed in Python 3.13; without it zlib's default level (6) is used.
    for attr in ("compress_level", "_compresslevel"):
        if hasattr(info, attr):
            setattr(info, attr, level)
            return


def _vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def safe_name(name: str) -> bool:
    return bool(_NAME_RE.match(name))


@dataclass
class ArchiveWriter:
    """Streams members into a zip and remembers their hash and size for the manifest."""

    fh: BinaryIO
    compresslevel: int = 1
    members: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self):
        self.zf = zipfile.ZipFile(self.fh, "w", allowZip64=True)

    def write_rows(self, name: str, columns: list[str], rows: Iterable) -> int:
        h = hashlib.sha256()
        size = 0
        count = 0
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        _set_level(info, self.compresslevel)
        with self.zf.open(info, "w", force_zip64=True) as out:
            buf = []
            first = (_ENCODER.encode({"columns": columns}) + "\n").encode("utf-8")
            buf.append(first)
            for row in rows:
                buf.append((_ENCODER.encode(list(row)) + "\n").encode("utf-8"))
                count += 1
                if len(buf) >= 2000:
                    data = b"".join(buf)
                    h.update(data)
                    size += len(data)
                    out.write(data)
                    buf.clear()
            data = b"".join(buf)
            h.update(data)
            size += len(data)
            out.write(data)
        self.members[name] = {"sha256": h.hexdigest(), "size": size}
        return count

    def write_bytes(self, name: str, data: bytes, *, compress: bool = False) -> None:
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self.zf.writestr(info, data)
        if name != MANIFEST:
            self.members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def finish(self, manifest: dict) -> bytes:
        manifest = {**manifest, "members": self.members}
        data = canonical(manifest)
        self.write_bytes(MANIFEST, data, compress=True)
        self.zf.close()
        return data


class ArchiveReader:
    """Checks the archive's directory against the limits, then reads only listed members."""

    def __init__(self, fh: BinaryIO, manifest_sha256: str, source: str):
        self.source = source
        try:
            self.zf = zipfile.ZipFile(fh, "r")
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DamagedPackage(self._msg("nội dung không phải kho nén hợp lệ")) from exc
        infos = self.zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise LimitExceeded(f"Gói {source} có {_vn(len(infos))} thành phần, vượt giới hạn "
                                f"{_vn(MAX_MEMBERS)}. Gói không được nhập; hãy báo đơn vị gửi.")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if name in seen:
                raise DamagedPackage(self._msg(f"thành phần {name!r} bị lặp"))
            seen.add(name)
            if not safe_name(name):
                raise DamagedPackage(self._msg(f"tên thành phần không hợp lệ {name!r}"))
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode) or info.is_dir():
                raise DamagedPackage(self._msg(f"thành phần {name!r} là liên kết hoặc thư mục"))
            if info.file_size > MAX_MEMBER_SIZE:
                raise LimitExceeded(self._msg(f"thành phần {name!r} quá lớn"))
            if info.file_size > RATIO_FLOOR and \
                    info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise LimitExceeded(self._msg(f"thành phần {name!r} nén bất thường (có thể là "
                                              "“bom nén”)"))
            total += info.file_size
        if total > MAX_TOTAL_SIZE:
            raise LimitExceeded(self._msg("tổng dung lượng giải nén vượt giới hạn"))
        self.infos = {i.filename: i for i in infos}
        if MANIFEST not in self.infos:
            raise DamagedPackage(self._msg("thiếu bản kê (manifest)"))
        raw = self._read(MANIFEST, MAX_MANIFEST_SIZE)
        if hashlib.sha256(raw).hexdigest() != manifest_sha256:
            raise DamagedPackage(self._msg("bản kê không khớp mã băm đã ký"))
        try:
            manifest = strict_json(raw, what=f"bản kê của gói {source}",
                                   limit=MAX_MANIFEST_SIZE)
        except InputRefused as exc:
            raise DamagedPackage(self._msg(f"bản kê không đọc được: {exc.reason}")
                                 ) from exc
        members = manifest.get("members") if isinstance(manifest, dict) else None
        if not isinstance(members, dict):
            raise DamagedPackage(self._msg("bản kê không đúng dạng"))
        for name, meta in members.items():
            if not safe_name(name) or name == MANIFEST or not isinstance(meta, dict) or \
                    not isinstance(meta.get("size"), int) or not isinstance(meta.get("sha256"), str):
                raise DamagedPackage(self._msg(f"bản kê ghi thành phần không hợp lệ {name!r}"))
            if name not in self.infos:
                raise DamagedPackage(self._msg(f"thiếu thành phần {name} ghi trong bản kê"))
        unlisted = set(self.infos) - set(members) - {MANIFEST}
        if unlisted:
            raise DamagedPackage(self._msg("có thành phần không ghi trong bản kê: " +
                                           ", ".join(sorted(unlisted)[:5])))
        self.manifest = manifest
        self.members = members

    def _msg(self, what: str) -> str:
        return (f"Gói {self.source} bị hỏng hoặc không hợp lệ ({what}). Không có gì bị thay đổi; "
                "hãy đề nghị đơn vị gửi lại gói.")

    def _read(self, name: str, limit: int) -> bytes:
        try:
            with self.zf.open(self.infos[name]) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise DamagedPackage(self._msg(f"không đọc được {name}")) from exc
        if len(data) > limit:
            raise DamagedPackage(self._msg(f"thành phần {name} lớn hơn khai báo"))
        return data

    def read(self, name: str) -> bytes:
        """A member the manifest lists, checked against its size and SHA-256."""
        meta = self.members.get(name)
        if meta is None:
            raise DamagedPackage(self._msg(f"{name} không có trong bản kê"))
        data = self._read(name, meta["size"])
        if len(data) != meta["size"] or hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise DamagedPackage(self._msg(f"{name} không khớp mã băm trong bản kê"))
        return data

    def read_rows(self, name: str, raw: bytes | None = None) -> tuple[list[str], list]:
        """The column list and the rows of a `records/*.jsonl` member."""
        data = self.read(name) if raw is None else raw
        # Found by position, not with partition/rstrip (each of which copies the member).
        nl = data.find(b"\n")
        if nl < 0:
            nl = len(data)
        end = len(data)
        while end > nl + 1 and data[end - 1] == 0x0A:  # trailing newlines
            end -= 1
        try:
            head = load_json(data[:nl], what=name, limit=MAX_HEADER_LINE, max_depth=2)
            columns = head["columns"] if isinstance(head, dict) else None
            if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
                raise DamagedPackage(self._msg(f"{name} không có danh sách cột"))
            # One parse for the whole member (fast); each line must be one JSON value.
            rows = load_json_lines(data, what=name, start=nl + 1) if end > nl + 1 else []
        except InputRefused as exc:
            raise DamagedPackage(self._msg(f"{name}: {exc.reason}")) from exc
        return columns, rows
