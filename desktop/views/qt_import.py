"""PySide6 loaded for the program, and Python's `import` statement given back to Python.

Importing PySide6 replaces `builtins.__import__` with its own (`__feature_import__`), which
serves `from __feature__ import snake_case, true_property` (Qt's methods under Python names).
It runs Python code around every import statement executed afterwards, and for each module name
imported for the first time after PySide6 it reads that module's source (`inspect.getsource`) to
see whether it names PySide6 — about seventy names before the sign-in shows, more as each page
loads its modules. The program uses no `__feature__`, so the import PySide6 wrapped
(`builtins.__orig_import__`: its own import of Qt's lazily made classes, around Python's) is put
back as soon as PySide6 is loaded: every module then gets PySide6's default feature set, as it
did when the hook found no `from __feature__` in it.

Imported first by the GUI's start (`desktop.app`), before any other module of the program
imports PySide6. `tests/views/test_qt_import.py` checks that the hook is gone and Qt still works.
"""
from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401  (PySide6's hook is installed by this import)


def give_back_import() -> bool:
    """Put the import PySide6 wrapped back in place of its `__feature__` hook; True when
    the hook was PySide6's (a PySide6 without the hook, or a hook installed by someone else, is left
    alone)."""
    current = builtins.__import__
    original = getattr(builtins, "__orig_import__", None)
    if original is None or getattr(current, "__name__", "") != "__feature_import__":
        return False
    builtins.__import__ = original
    return True


give_back_import()
