"""Record ids: a UUID in its text form, recognised whatever comes from outside (a package, a
file, a form). `records.new_id` makes them."""
from __future__ import annotations

import re

# Always matched whole (`fullmatch`): `re.match` with "$" would take "…\n" too.
ID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_ID_RE = re.compile(ID_PATTERN)


def is_record_id(value) -> bool:
    """True for a record id (the whole text is one UUID), whatever comes from outside."""
    return type(value) is str and _ID_RE.fullmatch(value) is not None
