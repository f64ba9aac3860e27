"""Settings of this installation (not synced): a key → JSON value table."""
from __future__ import annotations

import json
from typing import Any

from .bounded import InputRefused, load_json
from .db import Store

MAX_SETTING = 4 * 1024 * 1024

DEFAULTS: dict[str, Any] = {
    "language": "vi",
    "report_deadline": "11-15",  # MM-DD, the yearly report is due before it (DOMAIN.md)
    "high_contrast": False,
}


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None or row[0] is None:
        return DEFAULTS.get(key, default) if default is None else default
    try:
        return load_json(row[0], what=f"thiết lập {key}", limit=MAX_SETTING)
    except InputRefused:  # not JSON (an old plain value), or out of bounds
        return row[0] if len(row[0]) <= MAX_SETTING and row[0][:1] not in "[{" else default


def set_setting(store: Store, key: str, value: Any) -> None:
    from . import audit

    with store.atomic() as conn:
        old = get_setting(store, key)
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )
        if old != value:
            audit.append(store, "setting", table="settings", record_id=key,
                         old={"value": old}, new={"value": value})
