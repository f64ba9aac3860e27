"""Packages by e-mail in numbered parts (`<package>.NN-of-MM.isopart`), and joining them again.

A part is `ISOPART1`, the header length (u32 BE), the header (JSON), then its bytes. The header
names the whole package (file name, SHA-256, size), the part's place (`index` of `total`) and
SHA-256, and carries the parts manifest: the SHA-256 of every part in order and the sender's
code, signed with the sender's unit key (Ed25519, over `isopart-manifest-v1\\0` + the manifest
as canonical JSON).

Receiving never lets one part spoil the others, and nothing ever has to be deleted by hand:
- a part whose bytes do not match its hash, or whose hash is not the manifest's entry for its
  place, is refused; so is a part whose manifest signature does not verify with the key trusted
  here for its sender;
- parts are kept by place and content (`NNN-<sha256>`): a wrong part never takes a genuine
  part's place. Each manifest is a list of candidates; the first complete list whose joined
  bytes have the package's SHA-256 gives the package, and then every part kept for it is removed.
  A complete list that joins to something else is dropped with its parts, with a message;
- parts made by an older version (no manifest) are tried in their combinations (at most
  `MAX_TRIES`); when none joins, the parts kept for that package are dropped, with a message
  asking for all of them again.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.models import atomic
from desktop.models.bounded import InputRefused, load_json, read_json

from .envelope import canonical
from .errors import DamagedPackage, DiskError, NotAPackage
from .keys import b64d, b64e
from .labels import os_reason
from .transport import partial_name, sha256_file, write_atomic

PART_MAGIC = b"ISOPART1"
PART_SIZE = 7_000_000
MAX_PARTS = 999
MAX_PART_HEADER = 256 * 1024
MANIFEST_DOMAIN = b"isopart-manifest-v1\x00"
MAX_TRIES = 64
_SHA = re.compile(r"[0-9a-f]{64}")
_KEPT = re.compile(r"(\d{3})-([0-9a-f]{64})")

# Signs the manifest bytes with the sender's unit key / gives the key trusted for a unit code.
Signer = Callable[[bytes], bytes]
KeyOf = Callable[[str], "str | None"]


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
    parts: list[str] | None = None
    sender: str = ""
    signature: str = ""

    def manifest(self) -> dict | None:
        if self.parts is None:
            return None
        return {"package_file": self.package_file, "package_sha256": self.package_sha256,
                "package_size": self.package_size, "parts": self.parts, "sender": self.sender}

    def manifest_id(self) -> str:
        return hashlib.sha256(canonical(self.manifest())).hexdigest()[:16]


def part_names(package: Path, total: int) -> list[str]:
    stem = package.name
    return [f"{stem}.{i:02d}-of-{total:02d}.isopart" for i in range(1, total + 1)]


def split_package(package: Path, out_dir: Path, *, part_size: int = PART_SIZE,
                  sign: Signer | None = None, sender: str = "") -> list[Path]:
    """Split a package into numbered parts; each names the whole, its place in it, and carries
    the manifest of all parts (signed by `sign`, the sender's unit key)."""
    size = package.stat().st_size
    total = max(1, -(-size // part_size))
    if total > MAX_PARTS:
        raise DiskError("Gói quá lớn để gửi qua email; hãy chép bằng USB.")
    whole = sha256_file(package)
    hashes = []
    with open(package, "rb") as fh:
        for _ in range(total):
            hashes.append(hashlib.sha256(fh.read(part_size)).hexdigest())
    manifest = {"package_file": package.name, "package_sha256": whole, "package_size": size,
                "parts": hashes, "sender": sender}
    signature = b64e(sign(MANIFEST_DOMAIN + canonical(manifest))) if sign else ""
    made = []
    with open(package, "rb") as fh:
        for i, name in enumerate(part_names(package, total), start=1):
            data = fh.read(part_size)
            head = json.dumps({**manifest, "index": i, "total": total,
                               "part_sha256": hashes[i - 1], "signature": signature},
                              sort_keys=True).encode("utf-8")
            dest = Path(out_dir) / name
            write_atomic(dest, PART_MAGIC + struct.pack(">I", len(head)) + head + data)
            made.append(dest)
    return made


def read_part(path: Path) -> PartInfo:
    path = Path(path)
    bad = f"Phần {path.name} bị hỏng; hãy lưu lại tệp đính kèm."
    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(PART_MAGIC))
            if magic != PART_MAGIC and PART_MAGIC.startswith(magic):
                raise DamagedPackage(f"Phần {path.name} bị cắt cụt; hãy lưu lại tệp đính kèm.")
            if magic != PART_MAGIC:
                raise NotAPackage(f"Tệp {path.name} không phải một phần của gói đồng bộ.")
            raw = fh.read(4)
            if len(raw) < 4:
                raise DamagedPackage(f"Phần {path.name} bị cắt cụt; hãy lưu lại tệp đính kèm.")
            (hlen,) = struct.unpack(">I", raw)
            if hlen > MAX_PART_HEADER:
                raise DamagedPackage(bad)
            head = load_json(fh.read(hlen), what=f"phần {path.name}", limit=MAX_PART_HEADER,
                             max_depth=2, strict=True)
        size = path.stat().st_size - (len(PART_MAGIC) + 4 + hlen)
    except InputRefused as exc:
        raise DamagedPackage(f"Phần {path.name} bị hỏng ({exc.reason}); hãy lưu lại tệp đính "
                             "kèm.") from exc
    except OSError as exc:
        raise NotAPackage(f"Không đọc được {path.name}: {os_reason(exc)}.") from exc
    if not isinstance(head, dict):
        raise DamagedPackage(bad)
    try:
        info = PartInfo(str(head["package_file"]), str(head["package_sha256"]),
                        int(head["package_size"]), int(head["index"]), int(head["total"]),
                        str(head["part_sha256"]), len(PART_MAGIC) + 4 + hlen, size,
                        head.get("parts"), str(head.get("sender") or ""),
                        str(head.get("signature") or ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise DamagedPackage(bad) from exc
    safe = Path(info.package_file).name == info.package_file and \
        info.package_file.endswith(".isosync") and _SHA.fullmatch(info.package_sha256) and \
        _SHA.fullmatch(info.part_sha256)
    if not safe or not (1 <= info.index <= info.total <= MAX_PARTS):
        raise DamagedPackage(f"Phần {path.name} có thông tin không hợp lệ.")
    if info.parts is not None:
        if not isinstance(info.parts, list) or len(info.parts) != info.total or \
                not all(isinstance(h, str) and _SHA.fullmatch(h) for h in info.parts):
            raise DamagedPackage(f"Phần {path.name} có bản kê các phần không hợp lệ.")
        if info.parts[info.index - 1] != info.part_sha256:
            raise DamagedPackage(f"Phần {path.name} không khớp bản kê các phần (chỉ số phần bị "
                                 "đổi?); phần này bị bỏ qua.")
    return info


@dataclass
class PartsState:
    package_file: str
    total: int
    have: list[int]
    assembled: Path | None = None
    duplicate: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[int]:
        return [i for i in range(1, self.total + 1) if i not in self.have]


def _verify(info: PartInfo, key: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(b64d(key)).verify(
            b64d(info.signature), MANIFEST_DOMAIN + canonical(info.manifest()))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _kept(folder: Path) -> dict[int, list[Path]]:
    """The parts kept for a package, by place (each place may hold several candidates)."""
    out: dict[int, list[Path]] = {}
    for p in sorted(folder.iterdir()) if folder.is_dir() else ():
        m = _KEPT.fullmatch(p.name)
        if m:
            out.setdefault(int(m.group(1)), []).append(p)
    return out


def _manifests(folder: Path) -> list[tuple[Path, list[str]]]:
    out = []
    for p in sorted(folder.glob("manifest-*.json")):
        try:
            parts = read_json(p, what=p.name, limit=MAX_PART_HEADER, max_depth=2)
        except InputRefused:
            p.unlink(missing_ok=True)
            continue
        if isinstance(parts, list) and all(isinstance(h, str) and _SHA.fullmatch(h)
                                           for h in parts):
            out.append((p, parts))
    return out


def _join(files: list[Path], whole: Path, want: str) -> bool:
    """Join `files` into `whole` (atomically) if their bytes have the SHA-256 `want`."""
    h = hashlib.sha256()
    tmp = partial_name(whole)
    whole.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "wb") as out:
        for f in files:
            block = f.read_bytes()
            h.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if h.hexdigest() != want:
        tmp.unlink(missing_ok=True)
        return False
    atomic.replace(tmp, whole)
    return True


def receive_part(path: Path, parts_dir: Path, incoming_dir: Path, *,
                 key_of: KeyOf | None = None) -> PartsState:
    """Keep one part; when a complete, genuine set of its package's parts is here, join them
    and return the whole. `key_of(code)`: the signing key trusted here for a unit, if any.

    Parts may come in any order; the same part twice is noted and ignored."""
    info = read_part(path)
    with open(path, "rb") as fh:
        fh.seek(info.data_offset)
        data = fh.read()
    label = f"Phần {info.index}/{info.total} ({Path(path).name})"
    if hashlib.sha256(data).hexdigest() != info.part_sha256:
        raise DamagedPackage(f"{label} bị hỏng hoặc cắt cụt; hãy lưu lại tệp đính kèm từ email.")
    key = key_of(info.sender) if key_of is not None and info.sender else None
    if info.parts is not None and key and not _verify(info, key):
        raise DamagedPackage(f"{label} không do {info.sender} tạo hoặc đã bị sửa (chữ ký của bản "
                             "kê các phần không đúng); phần này bị bỏ qua, các phần khác không "
                             "bị ảnh hưởng.")
    folder = Path(parts_dir) / info.package_sha256
    target = folder / f"{info.index:03d}-{info.part_sha256}"
    duplicate = target.is_file()
    if not duplicate:
        write_atomic(target, data)
    if info.parts is not None:
        listing = folder / f"manifest-{info.manifest_id()}.json"
        if not listing.is_file():
            write_atomic(listing, json.dumps(info.parts).encode("ascii"))
    return _try_join(folder, info, Path(incoming_dir) / info.package_file, duplicate)


def _try_join(folder: Path, info: PartInfo, whole: Path, duplicate: bool) -> PartsState:
    kept = _kept(folder)
    manifests = _manifests(folder)
    notes: list[str] = []
    mine = info.parts
    for listing, parts in manifests:
        files = [folder / f"{i:03d}-{h}" for i, h in enumerate(parts, start=1)]
        if not all(f.is_file() for f in files):
            continue
        if _join(files, whole, info.package_sha256):
            shutil.rmtree(folder, ignore_errors=True)
            return PartsState(info.package_file, len(parts), list(range(1, len(parts) + 1)),
                              assembled=whole, duplicate=duplicate, notes=notes)
        # a complete list that is not the package: its manifest was not genuine
        others = {h for p, ps in manifests if p != listing for h in ps}
        for i, h in enumerate(parts, start=1):
            if h not in others:
                (folder / f"{i:03d}-{h}").unlink(missing_ok=True)
        listing.unlink(missing_ok=True)
        notes.append(f"Một bộ phần của gói {info.package_file} ghép không ra đúng gói và đã bị "
                     "bỏ đi; các phần đúng vẫn được giữ.")
        if parts == mine:
            mine = None
    if mine is not None:
        have = [i for i, h in enumerate(mine, start=1)
                if (folder / f"{i:03d}-{h}").is_file()]
        return PartsState(info.package_file, info.total, have, duplicate=duplicate, notes=notes)
    if manifests and info.parts is None:  # an old-style part beside manifests: waits with them
        have = sorted(kept)
        return PartsState(info.package_file, info.total, have, duplicate=duplicate, notes=notes)
    return _join_legacy(folder, info, whole, duplicate, notes)


def _join_legacy(folder: Path, info: PartInfo, whole: Path, duplicate: bool,
                 notes: list[str]) -> PartsState:
    """Parts without a manifest (an older version): every combination of the candidates of
    each place is tried, up to MAX_TRIES."""
    kept = _kept(folder)
    state = PartsState(info.package_file, info.total, sorted(kept), duplicate=duplicate,
                       notes=notes)
    if state.missing:
        return state
    choices = [kept[i] for i in range(1, info.total + 1)]
    for files in itertools.islice(itertools.product(*choices), MAX_TRIES):
        if _join(list(files), whole, info.package_sha256):
            shutil.rmtree(folder, ignore_errors=True)
            state.assembled = whole
            return state
    shutil.rmtree(folder, ignore_errors=True)
    raise DamagedPackage(f"Ghép các phần của {info.package_file} không ra đúng gói; các phần đã "
                         "nhận của gói này đã được bỏ đi. Hãy lưu lại tất cả các phần từ email "
                         "rồi nhập lại.")
