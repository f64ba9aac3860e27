"""Shared data and helpers of the minutes tests."""
from __future__ import annotations

import io
import sqlite3
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from desktop.models import minutes as M
from tests.conftest import PASSWORD


def sample(**changes) -> dict:
    data = {
        "subject": "Soát xét hệ thống tài liệu", "date": "2026-01-05",
        "start_time": "08:00", "end_time": "11:30", "place": "Phòng họp tầng 2",
        "chair": "Phạm Quốc Hùng", "secretary": "Đỗ Minh Khôi",
        "participants": [
            {"name": "Lê Thị Thu Hà", "position": "Tổ trưởng", "side": "unit"},
            {"name": "Đỗ Minh Khôi", "position": "Chuyên gia tư vấn", "side": "consultant",
             "organisation": "Công ty Tư vấn Trường An"},
        ],
        "content": "Đơn vị tư vấn soát xét các quy trình.\n- Quy trình thu\n- Quy trình cấp sổ",
        "conclusions": "Các bộ phận hoàn thiện tài liệu.",
        "action_items": [{"description": "Sửa quy trình thu", "owner": "Tổ Thu",
                          "due": "2026-02-01"}],
        "copies": 3,
    }
    data.update(changes)
    return data


def signed(store, data=None, *, confirm=False) -> M.Revision:
    rev = M.create(store, data or sample(), complete=True)
    rev = M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    if confirm:
        rev = M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")
    return rev


def raw_connection(store) -> sqlite3.Connection:
    """A second, plain connection to the database file: what someone editing the file would use."""
    conn = sqlite3.connect(str(store.path), isolation_level=None)
    return conn


def drop_locks(store) -> None:
    conn = raw_connection(store)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' "
                                "AND name LIKE 'minutes%locked'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.close()


def tamper(store, sql: str, params=()) -> None:
    drop_locks(store)
    conn = raw_connection(store)
    conn.execute(sql, params)
    conn.close()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pdf_pages(data: bytes | Path) -> list[str]:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return [nfc(p.extract_text() or "") for p in reader.pages]

