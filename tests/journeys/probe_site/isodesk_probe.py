"""The journey tests' eyes inside the program they started: it reports which windows and
widgets are on screen, where, and what they say, and which windows were shown in which order.
It never clicks or types (the tests do that through the X server, as a person would) and
changes nothing, except `crash`, which ends the process with a segmentation fault for the
crash-logging tests.

Loaded from sitecustomize before the program's own code; the program knows nothing of it. It
listens on 127.0.0.1 (a port of the system's choosing, written to the file named by
ISODESK_TEST_PROBE); one JSON request per line, one JSON answer per line. Requests are answered
in the GUI thread (through a queued signal) whenever the program's event loop runs, including
inside modal dialogs.
"""
from __future__ import annotations

import faulthandler
import json
import os
import queue
import socket
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QListWidget, QMenu, QMenuBar,
    QPlainTextEdit, QTabBar, QTextEdit, QWidget,
)

ANSWER_WAIT_S = 20


def _rect(widget: QWidget, local=None) -> dict:
    local = local if local is not None else widget.rect()
    top_left = widget.mapToGlobal(local.topLeft())
    return {"x": top_left.x(), "y": top_left.y(), "w": local.width(), "h": local.height()}


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    return ""


def _window(widget: QWidget) -> dict:
    return {"cls": type(widget).__name__, "name": widget.objectName(),
            "title": widget.windowTitle(), "active": widget.isActiveWindow(),
            "modal": widget.isModal(), **_rect(widget)}


def _describe(widget: QWidget, top: QWidget) -> list[dict]:
    info = {"cls": type(widget).__name__, "name": widget.objectName(), "text": _text(widget),
            "enabled": widget.isEnabled(), "focus": widget.hasFocus(),
            "window": top.objectName() or type(top).__name__, **_rect(widget)}
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        info["checked"] = widget.isChecked()
    found = [info]
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            item = widget.item(row)
            rect = widget.visualItemRect(item)
            key = item.data(Qt.ItemDataRole.UserRole)
            found.append({"cls": "QListWidgetItem", "name": f"{widget.objectName()}/{row}",
                          "key": key if isinstance(key, str) else None, "text": item.text(),
                          "enabled": True, "selected": item.isSelected(),
                          "window": info["window"],
                          **_rect(widget.viewport(), rect)})
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            found.append({"cls": "QTab", "name": f"{widget.objectName()}/{index}",
                          "text": widget.tabText(index), "enabled": widget.isTabEnabled(index),
                          "selected": widget.currentIndex() == index,
                          "window": info["window"], **_rect(widget, widget.tabRect(index))})
    if isinstance(widget, (QMenu, QMenuBar)):
        for action in widget.actions():
            if action.isVisible() and not action.isSeparator():
                found.append({"cls": "QAction", "name": action.objectName(),
                              "text": action.text(), "enabled": action.isEnabled(),
                              "window": info["window"],
                              **_rect(widget, widget.actionGeometry(action))})
    return found


def _widgets() -> list[dict]:
    found = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        found.extend(_describe(top, top))
        for child in top.findChildren(QWidget):
            if child.isVisible():
                found.extend(_describe(child, top))
    return found


_SHOWN: list[str] = []   # the classes of the windows shown, in the order first shown


def _record_shows() -> None:
    """Remember each window the program shows (its `show()`), however briefly it stays: the
    probe answers only while the program's event loop runs, and a window shown and closed in
    between (the splash while the data file is opened) would never be seen by asking."""
    shown = QWidget.show

    def show(self):
        if self.isWindow() and type(self).__name__ not in _SHOWN:
            _SHOWN.append(type(self).__name__)
        shown(self)

    QWidget.show = show


def _answer(request: dict) -> dict:
    op = request.get("op")
    if op == "ping":
        return {"ok": True, "pid": os.getpid()}
    if op == "windows":
        return {"ok": True, "windows": [_window(w) for w in QApplication.topLevelWidgets()
                                         if w.isVisible()]}
    if op == "shown":
        return {"ok": True, "shown": list(_SHOWN)}
    if op == "widgets":
        return {"ok": True, "widgets": _widgets()}
    if op == "focus":
        w = QApplication.focusWidget()
        return {"ok": True, "name": w.objectName() if w else None,
                "cls": type(w).__name__ if w else None}
    if op == "crash":
        faulthandler._sigsegv()
    return {"ok": False, "error": f"unknown op {op!r}"}


class _Bridge(QObject):
    asked = Signal(object, object)   # request, answer queue

    def __init__(self):
        super().__init__()
        self.asked.connect(self._handle, Qt.ConnectionType.QueuedConnection)

    def _handle(self, request, answers) -> None:
        try:
            answers.put(_answer(request))
        except Exception as exc:  # reported to the test, never raised into the program
            answers.put({"ok": False, "error": f"{type(exc).__name__}: {exc}"})


def _serve(server: socket.socket, bridge: _Bridge) -> None:
    while True:
        conn, _ = server.accept()
        with conn, conn.makefile("rwb") as stream:
            for line in stream:
                request = json.loads(line)
                answers: queue.Queue = queue.Queue()
                if QApplication.instance() is None:
                    answer = {"ok": False, "error": "no application yet"}
                else:
                    bridge.asked.emit(request, answers)
                    try:
                        answer = answers.get(timeout=ANSWER_WAIT_S)
                    except queue.Empty:
                        answer = {"ok": False, "error": "the GUI thread did not answer"}
                stream.write(json.dumps(answer, ensure_ascii=False).encode() + b"\n")
                stream.flush()


def install(port_file: str) -> None:
    _record_shows()
    bridge = _Bridge()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    threading.Thread(target=_serve, args=(server, bridge), daemon=True,
                     name="isodesk-test-probe").start()
    install.bridge = bridge  # kept alive for the life of the process
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.getsockname()[1]))
    os.replace(tmp, port_file)
