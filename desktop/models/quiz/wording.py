"""Unit names in question wording: placeholders filled from the unit profile.

Since 2025 the units of the sector are named "BHXH khu vực" and "BHXH cơ sở" instead of "BHXH
tỉnh" and "BHXH huyện"; the level names are data of the unit profile (`UnitProfile.level_names`).
A question says `{BHXH huyện}`, `{BHXH tỉnh}`, `{Tổ triển khai ISO}` or `{Ban Chỉ đạo ISO}` where
it means "this kind of unit" (or its ISO team), and the text is filled with the profile's names
wherever a question is shown, printed or exported for another program. A placeholder is the
default name in braces, so that the raw text still reads right; the profile keys in braces
(`{district}`, `{province}`, `{district_team}`, `{province_team}`, `{national}`) are accepted too.
Braces around anything else are left as they are.

The bank keeps the placeholders (a version's text is stored as written), so one bank serves units
whatever their level names, and the province's bank sent down reads with each district's names.
"""
from __future__ import annotations

import re
from typing import Mapping

from ..db import Store
from ..unit import DEFAULT_LEVEL_NAMES, get_profile
from ..vntext import fold

_TOKEN_RE = re.compile(r"\{([^{}\n]{1,40})\}")
# Placeholder (folded) → level-name key of the unit profile.
_KEYS: dict[str, str] = {}
for _key, _name in DEFAULT_LEVEL_NAMES.items():
    _KEYS[fold(_name)] = _key
    _KEYS[_key] = _key
_KEYS[fold("BHXH Việt Nam")] = "national"

PLACEHOLDERS = ("{BHXH huyện}", "{BHXH tỉnh}", "{Tổ triển khai ISO}", "{Ban Chỉ đạo ISO}")


def level_names(store: Store | None) -> dict[str, str]:
    """The names to fill in: the unit profile's, else the defaults."""
    profile = get_profile(store) if store is not None else None
    return {key: (profile.level_name(key) if profile else name)
            for key, name in DEFAULT_LEVEL_NAMES.items()}


def has_placeholders(text: str | None) -> bool:
    return any(fold(m.group(1)) in _KEYS for m in _TOKEN_RE.finditer(text or ""))


def fill(text: str | None, names: Mapping[str, str] | None = None) -> str:
    """`text` with every known placeholder replaced by its name (defaults when `names` is None)."""
    if not text or "{" not in text:
        return text or ""
    names = names or DEFAULT_LEVEL_NAMES

    def one(m: re.Match) -> str:
        key = _KEYS.get(fold(m.group(1)))
        if key is None:
            return m.group(0)
        return names.get(key) or DEFAULT_LEVEL_NAMES[key]

    return _TOKEN_RE.sub(one, text)


def fill_content(data: dict, names: Mapping[str, str] | None = None) -> dict:
    """A copy of a question or version dict (text, options, explanation) with names filled in."""
    out = dict(data)
    for key in ("text", "explanation"):
        if isinstance(out.get(key), str):
            out[key] = fill(out[key], names)
    if isinstance(out.get("options"), list):
        out["options"] = [fill(o, names) if isinstance(o, str) else o for o in out["options"]]
    return out
