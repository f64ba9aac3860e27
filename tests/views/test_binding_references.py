"""The Qt bindings keep Python's reference counts.

PySide6 6.12.0 took a reference from `None` at every call of a method that returns nothing
(`processEvents`, `setObjectName`, …). The program calls such methods all the time, so `None`'s
count ran down to zero sooner or later and the program crashed at a random place ("deallocating
None", or a segmentation fault while Python collected garbage). pyproject.toml keeps that version
out; this test fails on any version of the bindings that does it.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel

CALLS = 200


def _counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}


def _drift(call) -> dict[str, int]:
    call()   # anything made once (caches, interned names) is made before counting
    before = _counts()
    for _ in range(CALLS):
        call()
    after = _counts()
    return {name: after[name] - before[name] for name in before}


def test_methods_returning_nothing_leave_none_alone(qapp):
    label, timer, obj = QLabel(), QTimer(), QObject()
    calls = {
        "processEvents": QCoreApplication.processEvents,
        "sendPostedEvents": QCoreApplication.sendPostedEvents,
        "setObjectName": lambda: obj.setObjectName("x"),
        "setText": lambda: label.setText("Đạt"),
        "setVisible": lambda: label.setVisible(False),
        "timer.stop": timer.stop,
        "isVisible": label.isVisible,
        "isActive": timer.isActive,
    }
    drifts = {name: _drift(call) for name, call in calls.items()}
    # a call may hold a reference or two for a while, never one more per call
    assert {name: d for name, d in drifts.items() if any(abs(v) >= CALLS // 2 for v in d.values())} \
        == {}, drifts
