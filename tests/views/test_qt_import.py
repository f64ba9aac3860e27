"""PySide6's import hook (`__feature__`) is taken out once PySide6 is loaded, and Qt works as
before: its classes import, its enums and properties read as they did."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import builtins, json, sys
import PySide6.QtCore
hooked = builtins.__import__.__name__
import desktop.views.qt_import as qt_import
after = builtins.__import__.__name__
again = qt_import.give_back_import()

import linecache, inspect
read = set(linecache.cache)
import textwrap                                   # a module imported for the first time now
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from PySide6.QtCore import Qt
app = QApplication([])
label = QLabel("Đăng nhập")
label.setAlignment(Qt.AlignmentFlag.AlignCenter)
print(json.dumps({
    "hooked": hooked, "after": after, "again": again,
    "sources_read": sorted(set(linecache.cache) - read),
    "alignment": label.alignment() == Qt.AlignmentFlag.AlignCenter,
    "text": label.text(), "is_widget": isinstance(label, QWidget),
}))
"""


def test_the_hook_is_gone_and_qt_still_works():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.splitlines()[-1])
    assert seen["hooked"] == "__feature_import__"      # what PySide6 does when imported
    assert seen["after"] != "__feature_import__" and not seen["again"]
    assert seen["sources_read"] == []      # no module's source read because it was imported
    assert seen["alignment"] and seen["text"] == "Đăng nhập" and seen["is_widget"]
