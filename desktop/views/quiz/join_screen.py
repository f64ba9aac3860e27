"""The "join" page for the projector while the test runs in browsers: the address in big type,
its QR code, and how many people are in. Full screen on the screen it is opened on; Esc or the
button closes it (the test goes on)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.output.minutes_pdf import qr_modules
from desktop.models.quiz import web


class QrWidget(QWidget):
    """A QR code drawn module by module (crisp at any size), with its quiet zone."""

    BORDER = 4

    def __init__(self, data: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("qr_code")
        self.modules: tuple = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.set_data(data)

    def set_data(self, data: str) -> None:
        self.data = data
        self.modules = qr_modules(data) if data else ()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        side = min(self.width(), self.height())
        p.fillRect(self.rect(), QColor("white"))
        if not self.modules:
            return
        n = len(self.modules) + 2 * self.BORDER
        cell = side / n
        left = (self.width() - side) / 2 + self.BORDER * cell
        top = (self.height() - side) / 2 + self.BORDER * cell
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        for r, row in enumerate(self.modules):
            for c, dark in enumerate(row):
                if dark:
                    p.drawRect(QRectF(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5))


class JoinScreen(QWidget):
    """What the room sees on the projector."""

    def __init__(self, store, session, url: str, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.store, self.session = store, session
        self.setObjectName("join_screen")
        self.setWindowTitle(self.tr("Join the test"))
        self.setStyleSheet("QWidget#join_screen { background: #ffffff; } "
                           "QLabel { color: #1a1a1a; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        title = self._label(session.display_title, 28, bold=True)
        layout.addWidget(title)
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._label(self.tr("On your phone or computer, connected to the office "
                                           "network (Wi-Fi), open the browser and type:"), 26))
        self.address = self._label(url.removeprefix("http://").rstrip("/"), 64, bold=True,
                                   name="join_address")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.address)
        left.addWidget(self._label(self.tr("or scan the code. Then type your staff code or your "
                                           "name, and wait until the proctor lets you in."), 26))
        left.addStretch(1)
        self.counts = self._label("", 24, name="join_counts")
        left.addWidget(self.counts)
        row.addLayout(left, 3)
        self.qr = QrWidget(url)
        row.addWidget(self.qr, 2)
        layout.addLayout(row, 1)
        close = QPushButton(self.tr("Close this page (the test goes on)"))
        close.setObjectName("join_close")
        close.clicked.connect(self.close)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.timer = QTimer(self)
        self.timer.setInterval(3000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def _label(self, text: str, pt: int, *, bold: bool = False, name: str = "") -> QLabel:
        w = QLabel(text)
        f = w.font()
        f.setPointSize(pt)
        f.setBold(bold)
        w.setFont(f)
        w.setWordWrap(True)
        w.setTextFormat(Qt.TextFormat.PlainText)
        if name:
            w.setObjectName(name)
        return w

    def refresh(self) -> None:
        counts = web.live_summary(web.live_roster(self.store, self.session.id))
        self.counts.setText(self.tr("Waiting to be let in: %1 · Taking the test: %2 · "
                                    "Submitted: %3")
                            .replace("%1", str(counts[web.WAITING]))
                            .replace("%2", str(counts["working"] + counts["disconnected"]))
                            .replace("%3", str(counts["submitted"])))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
