"""Imports every model module that registers synced tables, so the list is always complete."""
from __future__ import annotations

from . import records, staff, users  # noqa: F401

MODEL_MODULES: list[str] = [
    "desktop.models.staff",
    "desktop.models.users",
    "desktop.models.minutes",
    "desktop.models.iso",
    "desktop.models.quiz",
]


def load_all() -> list[str]:
    import importlib

    for name in MODEL_MODULES:
        importlib.import_module(name)
    return list(records.SYNCED_TABLES)
