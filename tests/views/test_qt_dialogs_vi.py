"""Qt's own dialogs speak Vietnamese where Qt draws them itself: the file dialog (not the
system's), the print dialog, message boxes, input dialogs, progress dialogs, the wizard,
right-click menus of text fields, the calendar, scroll bars, key names in menus.

Qt ships no Vietnamese; `resources/i18n/qtbase_vi.ts` fills in. A translator placed before the
real ones records every string Qt asks for while the dialogs are open, and the test fails on
any that no translator answers (that is how "Look in:" showed in English: Qt 6 asks for
"&Look in:").
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QTranslator
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget, QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox, QPlainTextEdit,
    QProgressDialog, QPushButton, QScrollBar, QSpinBox, QWizard,
)


class Recorder(QTranslator):
    """Asked first: records what Qt's own widgets ask for that no installed .qm answers."""

    def __init__(self, real):
        super().__init__()
        self.real = real
        self.asked: set[tuple[str, str]] = set()
        self.missing: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        if source and (context or "").startswith("Q"):
            self.asked.add((context, source))
            if not any(t.translate(context, source, disambiguation, n) for t in self.real):
                self.missing.add((context, source))
        return None   # Qt goes on to the real translators

    def isEmpty(self):  # noqa: N802
        return False


@pytest.fixture
def recorder(qapp):
    rec = Recorder(list(getattr(qapp, "_isodesk_translators", [])))
    QCoreApplication.installTranslator(rec)
    yield rec
    QCoreApplication.removeTranslator(rec)


def _settle(qapp, rounds=5):
    for _ in range(rounds):
        qapp.processEvents()


def _context_menu(qtbot, widget):
    """Open a widget's own right-click menu (it runs modally) and close it at once."""
    def close_menus():
        for w in QCoreApplication.instance().topLevelWidgets():
            if isinstance(w, QMenu) and w.isVisible():
                w.close()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, close_menus)
    QCoreApplication.sendEvent(widget, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(3, 3), widget.mapToGlobal(QPoint(3, 3))))


def test_qt_dialogs_and_menus_ask_for_nothing_untranslated(qapp, qtbot, recorder, tmp_path):
    for mode, accept in ((QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
                         (QFileDialog.FileMode.ExistingFiles, QFileDialog.AcceptMode.AcceptOpen),
                         (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen)):
        dialog = QFileDialog(None, "x", str(tmp_path))
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(mode)
        dialog.setAcceptMode(accept)
        dialog.setNameFilters(["Excel (*.xlsx)"])
        dialog.show()
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        _settle(qapp)
        dialog.close()
    buttons = QMessageBox.StandardButton.NoButton
    for b in ("Yes", "No", "Ok", "Cancel", "Save", "Discard", "Close", "Apply", "Reset",
              "RestoreDefaults", "Help", "Abort", "Retry", "Ignore", "YesToAll", "NoToAll",
              "SaveAll", "Open"):
        buttons |= getattr(QMessageBox.StandardButton, b)
    box = QMessageBox(QMessageBox.Icon.Question, "x", "x", buttons)
    box.setDetailedText("x")
    qtbot.addWidget(box)
    box.show()
    _settle(qapp)
    for make in (lambda: QInputDialog(), lambda: QProgressDialog(), lambda: QWizard()):
        widget = make()
        qtbot.addWidget(widget)
        widget.show()
        _settle(qapp)
        widget.close()
    for field in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        for action in menu.actions():
            if action.menu() is not None:
                action.menu().actions()
    for widget in (QSpinBox(), QScrollBar()):
        qtbot.addWidget(widget)
        widget.show()
        _context_menu(qtbot, widget)
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.show()
    _settle(qapp)
    for keys in ("Ctrl+Q", "Ctrl+L", "F1", "Alt+Down", "Shift+Del", "Esc", "Return", "Space"):
        QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    printer = QPrinter()
    for make in (lambda: QPrintDialog(printer), lambda: QPrintPreviewDialog(printer)):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(qapp)
        options = [b for b in dialog.findChildren(QPushButton) if b.text().endswith(">>")]
        for button in options:    # the print dialog's options, folded at first
            button.click()
            _settle(qapp)
        dialog.close()
    assert ("QFileDialog", "&Look in:") in recorder.asked   # the dialogs really were drawn
    assert ("QFileDialog", "Files of &type:") in recorder.asked
    assert sorted(recorder.missing) == []


def test_the_file_dialog_shows_vietnamese_labels(qapp, qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    dialog = QFileDialog(None, "x", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    _settle(qapp)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Tìm trong:", "&Loại tệp:"} <= labels
    assert not {"&Look in:", "Files of &type:"} & labels
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "Hủy" in buttons and "Cancel" not in buttons
