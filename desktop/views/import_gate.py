"""The choice every import preview offers when the file has refused rows, with the same words
for staff lists and question files (`desktop.models.import_policy`): nothing goes in unless the
person ticks "import the good ones and leave the refused ones out"."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget


class BadRowsGate(QWidget):
    """A warning and a tick box; hidden when the file has no refused row."""

    changed = Signal(bool)

    def __init__(self, good: int, bad: int, parent=None, *, questions: bool = False):
        super().__init__(parent)
        self.setObjectName("bad_rows_gate")
        self.bad = bad
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if questions:
            warning = self.tr("The file has %1 refused questions, so nothing will be imported "
                              "unless you tick the box below. You can also correct the file (the "
                              "line numbers are listed) and import it again.")
            choice = self.tr("Import the %1 good questions and leave out the %2 refused ones")
        else:
            warning = self.tr("The file has %1 refused rows, so nothing will be imported unless "
                              "you tick the box below. You can also correct the file (the row "
                              "numbers are listed) and import it again.")
            choice = self.tr("Import the %1 good rows and leave out the %2 refused ones")
        self.warning = QLabel(warning.replace("%1", str(bad)))
        self.warning.setObjectName("bad_rows_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.box = QCheckBox(choice.replace("%1", str(good)).replace("%2", str(bad)))
        self.box.setObjectName("accept_good")
        self.box.setVisible(good > 0)       # nothing good: nothing to choose
        self.box.toggled.connect(self.changed.emit)
        layout.addWidget(self.warning)
        layout.addWidget(self.box)
        self.setVisible(bad > 0)

    @property
    def accept_good(self) -> bool:
        return self.box.isChecked()

    def allows(self) -> bool:
        """Whether the import may go ahead now."""
        return self.bad == 0 or self.box.isChecked()
