"""A plain page for a section that is not available yet: it says so, with no dead buttons."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("<h2>%1</h2><p>This part of ISO Desk is not available in this "
                               "version yet. The other sections work as usual.</p>")
                       .replace("%1", title))
        label.setObjectName("placeholder_text")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
