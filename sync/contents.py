"""What a package whose sender is known holds: its payload decrypted (every chunk authenticated),
its archive checked against the limits, and its signed manifest checked against the header and
against this installation (tables and columns it has, files within the limits).

Between step 1 (`sync.sender`) and step 2 (`sync.permission`) of an import; nothing here reads or
writes a record. The same reading tells whether a file signed with a changed key is otherwise
sound (`package_is_sound`).
"""
from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from typing import Iterator

from desktop.models import synced_tables
from desktop.models.synced_rows import existing_tables, table_columns
from desktop.models.db import Store
from desktop.models.migrations import schema_version
from desktop.models.records import META_COLUMNS

from .archive import MAX_FILES, MAX_FILES_SIZE, ArchiveReader
from .envelope import Envelope, open_payload
from .errors import DamagedPackage, LimitExceeded, NewerFormat
from .exporter import SPOOL_MAX, sync_dir
from .keys import load_unit_keys
from .labels import table_label


@dataclass
class Contents:
    """A package's archive (`reader`), its checked `manifest` and the tables it carries, in the
    order they are applied (`plan`: table, manifest entry)."""
    reader: ArchiveReader
    manifest: dict
    plan: list[tuple[str, dict]]


@contextlib.contextmanager
def open_contents(store: Store, env: Envelope) -> Iterator[Contents]:
    """Decrypt the payload into a spool (memory, then a file in sync/tmp), open its archive and
    check its manifest; the spool is closed when the block ends."""
    keys = load_unit_keys(store)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
    try:
        yield _read(store, env, keys, spool)
    finally:
        spool.close()


def package_is_sound(store: Store, env: Envelope) -> bool:
    """Does the package pass the checks that do not depend on its sender's key (decryption for
    this unit's key, archive, manifest matching the signed header)?"""
    keys = load_unit_keys(store)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, dir=sync_dir(store, "tmp"))
    try:
        _read(store, env, keys, spool)
    except Exception:  # any refusal: the file proves nothing
        return False
    finally:
        spool.close()
    return True


def _read(store: Store, env: Envelope, keys, spool) -> Contents:
    open_payload(env, keys.enc, spool)
    spool.seek(0)
    reader = ArchiveReader(spool, env.header["manifest_sha256"], env.path.name)
    return Contents(reader, reader.manifest, check_manifest(store, env, reader))


def check_manifest(store: Store, env: Envelope, reader: ArchiveReader) -> list:
    """The manifest matches the signed header, names tables and columns this installation has
    and files the archive holds, within the limits; returns the plan (table, manifest entry)
    in the order the tables are applied."""
    h, m = env.header, reader.manifest
    sender = m.get("sender") if isinstance(m.get("sender"), dict) else {}
    same = (m.get("kind") == "package" and m.get("package_id") == h["package_id"] and
            sender.get("code") == h["sender"] and m.get("recipient") == h["recipient"] and
            m.get("seq") == h["seq"] and m.get("from_seq") == h["from_seq"])
    if not same:
        raise DamagedPackage(f"Bản kê của gói {env.path.name} không khớp phần đầu đã ký. Không có "
                             "gì bị thay đổi; hãy đề nghị đơn vị gửi lại gói.")
    tables = m.get("tables")
    if not isinstance(tables, dict) or not isinstance(m.get("blobs", []), list):
        raise DamagedPackage(f"Bản kê của gói {env.path.name} không đúng dạng.")
    present = existing_tables(store)
    theirs = m.get("schema_version")
    newer = isinstance(theirs, int) and theirs > schema_version()
    plan = []
    order = {t: i for i, t in enumerate(synced_tables.SYNCED_TABLES)}
    for table, meta in tables.items():
        if not isinstance(meta, dict) or not isinstance(meta.get("columns"), list) or \
                not isinstance(meta.get("count"), int) or \
                meta.get("member") != f"records/{table}.jsonl":
            raise DamagedPackage(f"Bản kê của gói {env.path.name} ghi một loại dữ liệu không "
                                 "đúng dạng.")
        if table not in order or table not in present:
            raise NewerFormat(
                f"Gói {env.path.name} có loại dữ liệu “{table}” mà phiên bản ISO Desk này chưa "
                f"có (lược đồ {theirs}, máy này {schema_version()}). Hãy cập nhật ISO Desk rồi "
                "nhập lại; không có gì bị thay đổi.")
        columns = meta["columns"]
        local = table_columns(store, table)
        bad = check_columns(columns, local)
        if len(set(columns)) != len(columns) or any(c in META_COLUMNS for c in bad):
            raise DamagedPackage(f"Dữ liệu “{table_label(table)}” trong gói {env.path.name} "
                                 "thiếu cột bắt buộc hoặc có cột lặp.")
        if bad:
            hint = " (gói từ phiên bản mới hơn)" if newer else ""
            raise NewerFormat(
                f"Dữ liệu “{table_label(table)}” trong gói {env.path.name} có thông tin mà máy "
                f"này chưa có{hint}. Hãy cập nhật ISO Desk rồi nhập lại; không có gì bị thay đổi.")
        plan.append((order[table], table, meta))
    listed = m.get("blobs", [])
    if len(listed) > MAX_FILES:
        raise LimitExceeded(f"Gói {env.path.name} mang {len(listed):,} tệp, quá giới hạn "
                            f"{MAX_FILES:,} tệp một gói. Không có gì bị thay đổi; hãy báo đơn vị "
                            "gửi.".replace(",", "."))
    for digest in listed:
        if not isinstance(digest, str) or f"blobs/{digest}" not in reader.members:
            raise DamagedPackage(f"Bản kê của gói {env.path.name} ghi tệp không có trong gói.")
        if reader.members[f"blobs/{digest}"]["sha256"] != digest:
            raise DamagedPackage(f"Tệp {digest[:12]}… trong gói {env.path.name} không đúng nội "
                                 "dung mang tên của nó. Không có gì bị thay đổi; hãy đề nghị đơn "
                                 "vị gửi lại gói.")
    size = sum(reader.members[f"blobs/{d}"]["size"] for d in set(listed))
    if size > MAX_FILES_SIZE:
        raise LimitExceeded(f"Các tệp trong gói {env.path.name} nặng {size / 1024 ** 3:.1f} GB, "
                            f"quá giới hạn {MAX_FILES_SIZE / 1024 ** 3:.0f} GB một gói. Không có "
                            "gì bị thay đổi; hãy báo đơn vị gửi.")
    return [(t, meta) for _, t, meta in sorted(plan)]


def check_columns(columns: list[str], local: list[str]) -> list[str]:
    """Columns of the package that this installation does not have (empty = fine)."""
    missing_meta = [c for c in META_COLUMNS if c not in columns]
    if missing_meta:
        return missing_meta
    return [c for c in columns if c not in local]
