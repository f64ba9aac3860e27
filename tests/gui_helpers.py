"""Typing into widgets like a user: every character goes through a real key event.

`QTest.keyClicks` only knows Latin-1 characters; Vietnamese letters (ễ, ộ, ư…) arrive from an
input method as key events that carry the text, which is what `type_text` sends.
"""
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def retype(widget, text: str) -> None:
    widget.clear()
    type_text(widget, text)
