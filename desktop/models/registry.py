"""Imports every model module that registers synced tables, so that `records.SYNCED_TABLES` is
complete: each part registers its own at import (`records.register_synced_table`), and
`load_all` names the parts here with plain imports."""
from __future__ import annotations

from . import records, staff, users  # noqa: F401


def load_all() -> list[str]:
    """Import every part (done once; later calls are a look-up) and return the synced tables in
    dependency order."""
    from . import iso, minutes, quiz  # noqa: F401

    return list(records.SYNCED_TABLES)
