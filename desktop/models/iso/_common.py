"""What the ISO record modules share: dates, text fields, ordering rules, the rows of a unit."""
from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from typing import Any

from ..db import Store
from ..errors import ValidationError
from ..vntext import clean, nfc

_VN_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


def vn_date(value: str | _dt.date | None) -> str:
    """dd/mm/yyyy, or "" for no date."""
    d = to_date(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}" if d else ""


def to_date(value: Any) -> _dt.date | None:
    """A date from a date, a datetime, "YYYY-MM-DD[...]" or "dd/mm/yyyy"; None when empty.

    Raises ValueError for text that is not a real date (31/02/2026, "hôm qua").
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = clean(str(value)) or ""
    if not text:
        return None
    m = _ISO_DATE.match(text)
    if m:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = _VN_DATE.match(text)
    if m:
        return _dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(text)


def date_field(values: dict, name: str, label: str, errors: dict[str, str], *,
               required: bool = False) -> str | None:
    """values[name] as "YYYY-MM-DD"; a message in `errors[name]` when missing or not a date."""
    raw = values.get(name)
    try:
        d = to_date(raw)
    except (ValueError, TypeError):
        errors[name] = f"{label} \"{raw}\" không phải ngày hợp lệ (nhập dạng dd/mm/yyyy)."
        return None
    if d is None:
        if required:
            errors[name] = f"Thiếu {label.lower()} (nhập dạng dd/mm/yyyy)."
        return None
    if not 1990 <= d.year <= 2100:
        errors[name] = f"{label} {vn_date(d)} nằm ngoài khoảng năm 1990–2100."
        return None
    return d.isoformat()


def text_field(values: dict, name: str, *, multiline: bool = False) -> str:
    raw = values.get(name)
    if raw is None:
        return ""
    if multiline:
        lines = [" ".join(line.split()) for line in (nfc(str(raw)) or "").splitlines()]
        return "\n".join(lines).strip()
    return clean(str(raw)) or ""


def require(values: dict, name: str, message: str, errors: dict[str, str]) -> None:
    if not values.get(name):
        errors.setdefault(name, message)


def order(errors: dict[str, str], earlier: tuple[str, str, str | None],
          later: tuple[str, str, str | None]) -> None:
    """Refuse `later` before `earlier`: each is (field, label, ISO date or None)."""
    e_field, e_label, e_value = earlier
    l_field, l_label, l_value = later
    if e_value and l_value and l_value < e_value and l_field not in errors:
        errors[l_field] = (f"{l_label} ({vn_date(l_value)}) không được trước "
                           f"{e_label.lower()} ({vn_date(e_value)}).")


def not_future(errors: dict[str, str], field: str, label: str, value: str | None,
               today: _dt.date) -> None:
    if value and value > today.isoformat() and field not in errors:
        errors[field] = (f"{label} ({vn_date(value)}) chưa tới: không được sau hôm nay "
                         f"({vn_date(today)}).")


def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def own_unit(store: Store, unit_code: str | None = None) -> str:
    return unit_code or store.unit_code


def rows(store: Store, table: str, unit_code: str | None = None, where: str = "",
         params: tuple = (), order_by: str = "created_at") -> list[dict]:
    sql = f"SELECT * FROM {table} WHERE deleted = 0 AND origin_unit = ?"
    if where:
        sql += f" AND ({where})"
    return store.query(sql + f" ORDER BY {order_by}", (own_unit(store, unit_code), *params))


def tuples(store: Store, table: str, columns: str, unit_code: str | None = None,
           order_by: str = "created_at") -> sqlite3.Cursor:
    """The unit's live rows of `table` as the cursor gives them: tuples of `columns` (a
    comma-separated list), for a list that makes its objects row by row."""
    return store.conn.execute(
        f"SELECT {columns} FROM {table} WHERE deleted = 0 AND origin_unit = ? "
        f"ORDER BY {order_by}", (own_unit(store, unit_code),))


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value else None
