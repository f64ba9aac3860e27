"""Reading bytes that come from outside — files a person picks, sync packages and their parts,
acknowledgements, province profiles, kiosk files, question banks — with a limit on their size and
on how deeply their values nest, and a refusal in Vietnamese instead of a traceback.

Every reader of outside JSON goes through `load_json` (or `read_json` for a file): the bytes are
refused above `limit`; the parser's own recursion is caught (a file of 60,000 "[" is a refusal,
not a RecursionError) and the parsed value may nest at most `max_depth` lists/objects. The rows
of a package member (`load_json_lines`) are one JSON array per line; there the parser's bound
holds, and a value nested inside a row is refused where the row is checked (a column holds a
text or a number, never a list).
"""
from __future__ import annotations

import json
from itertools import chain, compress
from pathlib import Path
from typing import Any

from . import oserrors
from .errors import IsoDeskError

MAX_DEPTH = 32
_CONTAINERS = frozenset((list, dict))


class InputRefused(IsoDeskError):
    """Outside bytes that are too large, too deeply nested or not what they should be.

    `reason` is the short cause ("lồng nhau quá 32 tầng"), for callers that word their own
    refusal; `message` is the whole sentence."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _refuse(what: str, reason: str) -> InputRefused:
    return InputRefused(f"Không đọc được {what}: {reason}. Tệp không được dùng; hãy kiểm tra lại "
                        "tệp (hoặc xin lại tệp từ nơi gửi).", reason)


def _no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k}")
        out[k] = v
    return out


def _bad_constant(name):
    raise ValueError(name)


def depth_within(value: Any, max_depth: int) -> bool:
    """Do lists and objects nest at most `max_depth` deep in `value`? (Level by level, without
    recursion; each level's children are found by C loops.)"""
    level = [value] if type(value) in _CONTAINERS else []
    depth = 0
    while level:
        depth += 1
        if depth > max_depth:
            return False
        lists = [v for v in level if type(v) is list]
        dicts = [v for v in level if type(v) is dict]
        items = list(chain(chain.from_iterable(lists),
                           chain.from_iterable(map(dict.values, dicts))))
        level = list(compress(items, map(_CONTAINERS.__contains__, map(type, items))))
    return True


def load_json(data: bytes | str, *, what: str, limit: int, max_depth: int = MAX_DEPTH,
              strict: bool = False, encoding: str = "utf-8") -> Any:
    """Parse outside JSON under the limits; raises InputRefused.

    `what` names the thing for the message ("hồ sơ tỉnh x.isoprofile"). `strict`: duplicate
    keys and NaN/Infinity are refused too (signed formats)."""
    if len(data) > limit:
        raise _refuse(what, f"lớn hơn giới hạn {_mb(limit)}")
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode(encoding)
        except UnicodeDecodeError as exc:
            raise _refuse(what, "không phải văn bản UTF-8") from exc
    kwargs = {"object_pairs_hook": _no_duplicates, "parse_constant": _bad_constant} \
        if strict else {}
    try:
        value = json.loads(data, **kwargs)
    except RecursionError as exc:
        raise _refuse(what, f"các giá trị lồng nhau quá {max_depth} tầng") from exc
    except json.JSONDecodeError as exc:
        raise _refuse(what, f"không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})"
                      ) from exc
    except ValueError as exc:
        raise _refuse(what, f"không đúng dạng ({exc})") from exc
    if not depth_within(value, max_depth):
        raise _refuse(what, f"các giá trị lồng nhau quá {max_depth} tầng")
    return value


def read_json(path: Path, *, what: str, limit: int, max_depth: int = MAX_DEPTH,
              strict: bool = False, encoding: str = "utf-8") -> Any:
    """`load_json` of a file, read no further than `limit` (+1 byte, to know it is larger)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputRefused(f"Không đọc được tệp {path.name}: {oserrors.reason(exc)}.",
                           oserrors.reason(exc)) from exc
    return load_json(data, what=what, limit=limit, max_depth=max_depth, strict=strict,
                     encoding=encoding)


def load_json_lines(data: bytes, *, what: str, start: int = 0) -> list:
    """The values of `data[start:]`, one JSON value per line (the rows of a `records/*.jsonl`
    member after its header line), parsed at once. Raises InputRefused (not JSON, a line that
    is not one value, nesting the parser refuses); a value nested inside a row is left to the
    row checks (see the module)."""
    end = len(data)
    while end > start and data[end - 1] == 0x0A:  # trailing newlines (found by position:
        end -= 1                                   # rstrip would copy the member)
    if end <= start:
        return []
    try:
        rows = json.loads(b"[" + data[start:end].replace(b"\n", b",") + b"]")
    except RecursionError as exc:
        raise _refuse(what, "các giá trị lồng nhau quá sâu") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise _refuse(what, "có dòng không đọc được") from exc
    if len(rows) != data.count(b"\n", start, end) + 1:
        raise _refuse(what, "có dòng không phải một giá trị JSON")
    return rows
