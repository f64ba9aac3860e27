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


def answer_message_boxes(monkeypatch, choose: str) -> list[tuple[str, str, list[str]]]:
    """Every QMessageBox shown with exec() is answered at once with its button whose text holds
    `choose`, and QMessageBox.information is passed by; returns the (title, text, buttons) of
    each box asked, in order."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[tuple[str, str, list[str]]] = []

    def answer(box):
        asked.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box._clicked = next(b for b in box.buttons() if choose in b.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box._clicked)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    return asked
