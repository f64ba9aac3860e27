"""The record conventions (DESIGN.md, "Data") in one place.

Every synced record has a UUID `id`, the `origin_unit` that owns it, `created_at`/`updated_at`,
a `version` that rises on every change, and `deleted` (a tombstone instead of a DELETE). Only the
origin unit changes its own rows; copies received from other units are read-only here. Every write
goes through these functions inside one transaction together with its audit entry, and every text
value is stored as NFC.
"""
from __future__ import annotations

import os
import time
from typing import Any

from . import audit
from .db import Store, now_iso
from .errors import ConcurrentChange, NotFound, ReadOnlyRecord
from .ids import ID_PATTERN, is_record_id  # noqa: F401 (the sync import reads them from here)
from .vntext import nfc

META_COLUMNS = ("id", "origin_unit", "created_at", "updated_at", "version", "deleted")


def uuid7(unix_ms: int | None = None, rand_bits: int | None = None) -> str:
    """A UUID of version 7 (RFC 9562): 48 bits of Unix time in milliseconds, the version and
    variant, then 74 random bits. Ids made one after another sort next to each other, so a new
    row goes to the end of the primary-key index (and of any index that starts with such an id)
    instead of a random page of it: inserts stay fast as the tables grow."""
    if unix_ms is None:
        unix_ms = time.time_ns() // 1_000_000
    if rand_bits is None:
        rand_bits = int.from_bytes(os.urandom(10), "big") >> 6
    value = ((unix_ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | (rand_bits >> 62 & 0xFFF) << 64
             | 0b10 << 62 | rand_bits & ((1 << 62) - 1))
    # written as `str(uuid.UUID(int=value))` writes it, without the `uuid` module (on Linux it
    # imports `platform`: ≈ 12 ms before the sign-in shows)
    hexa = f"{value:032x}"
    return f"{hexa[:8]}-{hexa[8:12]}-{hexa[12:16]}-{hexa[16:20]}-{hexa[20:]}"


def new_id() -> str:
    """The id of a new record: a time-ordered UUID (see `uuid7`)."""
    return uuid7()


def normalise(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (nfc(v) if isinstance(v, str) else v) for k, v in values.items()}


def get(store: Store, table: str, record_id: str, *, include_deleted: bool = False) -> dict | None:
    row = store.query_one(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    if row is None or (row["deleted"] and not include_deleted):
        return None
    return row


def require(store: Store, table: str, record_id: str) -> dict:
    row = get(store, table, record_id)
    if row is None:
        raise NotFound(f"Không tìm thấy bản ghi {record_id} trong {table}.")
    return row


def insert(store: Store, table: str, values: dict[str, Any], *, record_id: str | None = None,
           audit_entry: bool = True) -> dict:
    now = now_iso()
    row = normalise(dict(values))
    row.update(
        id=record_id or row.get("id") or new_id(),
        origin_unit=row.get("origin_unit") or store.unit_code,
        created_at=now,
        updated_at=now,
        version=1,
        deleted=0,
    )
    cols = list(row)
    from . import ownership   # (the rules of every synced table: loaded by the first write)

    with store.atomic() as conn:
        ownership.check_row(store, table, row)
        conn.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
        if audit_entry:
            audit.append(store, "insert", table=table, record_id=row["id"],
                         new={k: v for k, v in row.items() if k not in META_COLUMNS})
    return row


def _check_writable(store: Store, row: dict) -> None:
    """This unit changes only its own rows (the rest is `ownership.check_row`)."""
    if store.unit_code and row["origin_unit"] != store.unit_code:
        raise ReadOnlyRecord(
            f"Bản ghi này thuộc đơn vị {row['origin_unit']} (bản sao nhận qua đồng bộ), "
            "chỉ được xem, không được sửa."
        )


def update(store: Store, table: str, record_id: str, changes: dict[str, Any], *,
           expected_version: int | None = None, audit_entry: bool = True) -> dict:
    """Apply `changes`; a no-op (nothing differs) leaves the version as it is."""
    changes = normalise({k: v for k, v in changes.items() if k not in META_COLUMNS})
    with store.atomic() as conn:
        old = require(store, table, record_id)
        _check_writable(store, old)
        if expected_version is not None and old["version"] != expected_version:
            raise ConcurrentChange(
                "Bản ghi vừa được người khác sửa. Hãy mở lại để xem bản mới nhất rồi sửa tiếp."
            )
        real = {k: v for k, v in changes.items() if old.get(k) != v}
        if not real:
            return old
        real["updated_at"] = now_iso()
        real["version"] = old["version"] + 1
        from . import ownership

        ownership.check_row(store, table, {**old, **real})
        sets = ", ".join(f"{k} = ?" for k in real)
        conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*real.values(), record_id])
        new = {**old, **real}
        if audit_entry:
            o, n = audit.diff({k: old[k] for k in changes}, {k: new[k] for k in changes})
            audit.append(store, "update", table=table, record_id=record_id, old=o, new=n)
    return new


def delete(store: Store, table: str, record_id: str) -> dict:
    """Leave a tombstone: the row stays with `deleted = 1` and a higher version."""
    with store.atomic() as conn:
        old = require(store, table, record_id)
        _check_writable(store, old)
        now = now_iso()
        conn.execute(
            f"UPDATE {table} SET deleted = 1, updated_at = ?, version = version + 1 WHERE id = ?",
            (now, record_id),
        )
        audit.append(store, "delete", table=table, record_id=record_id,
                      old={k: v for k, v in old.items() if k not in META_COLUMNS})
    return {**old, "deleted": 1, "updated_at": now, "version": old["version"] + 1}
