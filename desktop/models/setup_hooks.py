"""Things parts of the program do when a unit is first set up (CLI `init` and the GUI wizard).

A part registers a function `hook(store)` by its module path; they run in order, inside the
setup transaction.
"""
from __future__ import annotations

import importlib

from .db import Store

SETUP_HOOKS: list[str] = [
    # "module.path:function"
    "sync.keys:ensure_unit_keys",
]


def run_setup_hooks(store: Store) -> None:
    for spec in SETUP_HOOKS:
        module, _, func = spec.partition(":")
        getattr(importlib.import_module(module), func)(store)
