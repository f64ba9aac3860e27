"""Files kept by content: signed PDFs, attachments. Stored once under `files/` by SHA-256.

Records point to a file by its hash (a `*_sha256` column); sync packages carry the files their
records point to, once.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import atomic
from .db import Store, now_iso
from .errors import IsoDeskError

FILES_DIRNAME = "files"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def blob_path(store: Store, digest: str) -> Path:
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise IsoDeskError(f"Mã băm tệp không hợp lệ: {digest!r}")
    return store.data_dir / FILES_DIRNAME / digest[:2] / digest


def has_blob(store: Store, digest: str) -> bool:
    return blob_path(store, digest).is_file()


def is_recorded(store: Store, digest: str) -> bool:
    """Does a row of `blobs` name the file (whether or not the file is there)?"""
    return store.scalar("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)) is not None


def write_blob_file(store: Store, data: bytes, *, target_dir: Path | None = None) -> str:
    """The file half of `put_blob`: write the bytes (atomically, fsync'd) under their SHA-256
    and return it, without touching the database (so it may run on a worker thread). The
    caller records the row with `record_blobs` in its transaction. `target_dir`: write into
    this folder (as `<sha256>`) instead of `files/` (the staging folder of an import)."""
    digest = sha256_bytes(data)
    target = blob_path(store, digest) if target_dir is None else Path(target_dir) / digest
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(target, data)
    return digest


def record_blobs(store: Store, items: list[tuple[str, int]], *, name: str = "",
                 media_type: str = "") -> None:
    """The rows of files already written: (sha256, size) each; known ones are left as they are."""
    now = now_iso()
    store.conn.executemany(
        "INSERT INTO blobs (sha256, size, name, media_type, created_at) VALUES (?,?,?,?,?) "
        "ON CONFLICT(sha256) DO NOTHING",
        [(digest, size, name, media_type, now) for digest, size in items],
    )


def put_blob(store: Store, data: bytes, *, name: str = "", media_type: str = "") -> str:
    """Store bytes (atomically, fsync'd) and return their SHA-256; storing twice is harmless."""
    digest = write_blob_file(store, data)
    record_blobs(store, [(digest, len(data))], name=name, media_type=media_type)
    return digest


def put_file(store: Store, path: Path, *, media_type: str = "") -> str:
    return put_blob(store, Path(path).read_bytes(), name=Path(path).name, media_type=media_type)


def read_blob(store: Store, digest: str) -> bytes:
    path = blob_path(store, digest)
    if not path.is_file():
        raise IsoDeskError(f"Không tìm thấy tệp {digest[:12]}… trong thư mục dữ liệu.")
    data = path.read_bytes()
    if sha256_bytes(data) != digest:
        raise IsoDeskError(f"Tệp {digest[:12]}… đã bị thay đổi hoặc hỏng trên đĩa.")
    return data
