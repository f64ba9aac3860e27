"""The kiosk's building blocks: large type, big buttons, answer options, the PIN pad."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget,
)

BASE_PT = 20          # everything on the kiosk is at least 18 pt
TITLE_PT = 30
QUESTION_PT = 24
SMALL_PT = 18

NORMAL = {"bg": "#f7f9fc", "fg": "#1a1a1a", "panel": "#ffffff", "accent": "#1f5fa8",
          "accent_fg": "#ffffff", "chosen": "#d7e7fb", "focus": "#ffb300", "border": "#b8c4d6",
          "ok": "#1e7b34", "bad": "#b00020", "muted": "#555555", "flag": "#c77700"}
HIGH_CONTRAST = {"bg": "#000000", "fg": "#ffffff", "panel": "#000000", "accent": "#ffff00",
                 "accent_fg": "#000000", "chosen": "#003a8c", "focus": "#00ffff",
                 "border": "#ffffff", "ok": "#00ff66", "bad": "#ff6666", "muted": "#dddddd",
                 "flag": "#ffb000"}


def palette(high_contrast: bool) -> dict:
    return HIGH_CONTRAST if high_contrast else NORMAL


def stylesheet(c: dict) -> str:
    return f"""
    QWidget#kiosk {{ background: {c['bg']}; color: {c['fg']}; }}
    QWidget#kiosk QLabel {{ color: {c['fg']}; }}
    QWidget#kiosk QLabel[role="muted"] {{ color: {c['muted']}; }}
    QWidget#kiosk QLabel[role="ok"] {{ color: {c['ok']}; }}
    QWidget#kiosk QLabel[role="bad"] {{ color: {c['bad']}; }}
    QWidget#kiosk QLabel#badge {{ background: {c['accent']}; color: {c['accent_fg']};
                                  border-radius: 8px; font-weight: bold; }}
    QWidget#kiosk QWidget#scroll_body {{ background: {c['bg']}; }}
    QPushButton {{ font-size: {BASE_PT}pt; padding: 14px 28px; border-radius: 10px;
                   background: {c['panel']}; color: {c['fg']}; border: 2px solid {c['border']}; }}
    QPushButton[primary="true"] {{ background: {c['accent']}; color: {c['accent_fg']};
                                   border-color: {c['accent']}; font-weight: bold; }}
    QPushButton[quiet="true"] {{ font-size: {SMALL_PT}pt; padding: 8px 16px;
                                 color: {c['muted']}; border-color: transparent;
                                 background: transparent; }}
    QPushButton:disabled {{ color: {c['muted']}; border-color: {c['border']}; }}
    QLineEdit {{ font-size: {BASE_PT + 4}pt; padding: 10px; border: 2px solid {c['border']};
                 border-radius: 8px; background: {c['panel']}; color: {c['fg']}; }}
    QFrame#option {{ background: {c['panel']}; border: 2px solid {c['border']};
                     border-radius: 12px; }}
    QFrame#option[chosen="true"] {{ background: {c['chosen']}; border: 3px solid {c['accent']}; }}
    QFrame#option[focused="true"] {{ border: 4px solid {c['focus']}; }}
    QProgressBar {{ border: 1px solid {c['border']}; border-radius: 6px; height: 16px;
                    background: {c['panel']}; text-align: center; font-size: {SMALL_PT}pt; }}
    QProgressBar::chunk {{ background: {c['accent']}; border-radius: 6px; }}
    QListView {{ font-size: {BASE_PT}pt; background: {c['panel']}; color: {c['fg']};
                 border: 2px solid {c['border']}; border-radius: 8px; }}
    QListView::item {{ padding: 12px; }}
    QListView::item:selected {{ background: {c['accent']}; color: {c['accent_fg']}; }}
    QScrollArea {{ border: none; background: transparent; }}
    """


def label(text: str = "", pt: int = BASE_PT, *, bold: bool = False, wrap: bool = True,
          align=Qt.AlignmentFlag.AlignLeft, role: str | None = None, name: str = "") -> QLabel:
    w = QLabel(text)
    f = w.font()
    f.setPointSize(pt)
    f.setBold(bold)
    w.setFont(f)
    w.setWordWrap(wrap)
    w.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    w.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        w.setProperty("role", role)
    if name:
        w.setObjectName(name)
    return w


def button(text: str, name: str, *, primary: bool = False, quiet: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setProperty("primary", primary)
    b.setProperty("quiet", quiet)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the keyboard is handled by the screens
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setMinimumHeight(56 if not quiet else 40)
    return b


def repolish(w: QWidget) -> None:
    w.style().unpolish(w)
    w.style().polish(w)


class PictureStrip(QWidget):
    """Pictures of a question or an option, side by side, each scaled down to fit (never
    enlarged); a picture whose file is missing is named instead of leaving a hole."""

    def __init__(self, max_size: tuple[int, int], parent=None):
        super().__init__(parent)
        self.max_size = max_size
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(12)
        self.labels: list[QLabel] = []
        self.setVisible(False)

    def set_pictures(self, pictures) -> None:
        for w in self.labels:
            w.deleteLater()
        self.labels = []
        while self.row.count():
            self.row.takeAt(0)
        for p in pictures or ():
            w = QLabel()
            w.setObjectName("picture")
            pixmap = QPixmap()
            if p.data and pixmap.loadFromData(p.data):
                w.setPixmap(scaled(pixmap, *self.max_size))
                w.setToolTip(p.name)
            else:
                w.setText(self.tr("[picture missing: %1]").replace("%1", p.name or p.sha256[:12]))
                w.setProperty("role", "bad")
            self.row.addWidget(w, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.labels.append(w)
        self.row.addStretch(1)
        self.setVisible(bool(self.labels))


def scaled(pixmap: QPixmap, width: int, height: int) -> QPixmap:
    if pixmap.width() <= width and pixmap.height() <= height:
        return pixmap
    return pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


class OptionWidget(QFrame):
    """One answer option: its letter and text, chosen or not, with the keyboard's focus ring."""

    clicked = Signal(int)

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.setObjectName("option")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(16)
        self.badge = label("", BASE_PT, bold=True, wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        self.badge.setObjectName("badge")
        self.badge.setFixedSize(54, 54)
        self.text = label("", BASE_PT)
        self.text.setObjectName(f"option_text_{index}")
        self.pictures = PictureStrip((360, 200))
        self.pictures.setObjectName(f"option_pictures_{index}")
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.text)
        body.addWidget(self.pictures)
        self.tick = label("✓", BASE_PT + 6, bold=True, wrap=False, role="ok")
        self.tick.setObjectName(f"option_tick_{index}")
        self.tick.setVisible(False)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(body, 1)
        row.addWidget(self.tick, 0)
        self._chosen = self._focused = False

    def set_option(self, letter: str, text: str, *, multiple: bool, pictures=()) -> None:
        self.badge.setText(letter)
        self.text.setText(text)
        self.text.setVisible(bool(text) or not pictures)
        self.pictures.set_pictures(pictures)
        self.multiple = multiple

    def set_state(self, *, chosen: bool, focused: bool) -> None:
        if chosen != self._chosen or focused != self._focused:
            self._chosen, self._focused = chosen, focused
            self.tick.setVisible(chosen)
            self.setProperty("chosen", chosen)
            self.setProperty("focused", focused)
            repolish(self)

    @property
    def chosen(self) -> bool:
        return self._chosen

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)
        event.accept()


KEY_SIZE = (110, 72)   # the smallest a key of the PIN pad is


class PinPad(QWidget):
    """A PIN field with an on-screen number pad (works with the keyboard's digits too)."""

    submitted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.field = QLineEdit()
        self.field.setObjectName("pin_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setFixedWidth(320)
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        self.keys: list[QPushButton] = []
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for i, k in enumerate(keys):
            text = self.tr("OK") if k == "OK" else k
            b = button(text, f"pin_key_{'back' if k == '⌫' else k.lower()}", primary=(k == "OK"))
            b.setMinimumSize(*KEY_SIZE)
            b.clicked.connect(lambda _c=False, key=k: self._press(key))
            grid.addWidget(b, i // 3, i % 3)
            self.keys.append(b)
        holder = QWidget()
        holder.setLayout(grid)
        layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)

    def _fit_keys(self) -> None:
        """Every key as wide as the widest label needs ("Đồng ý" at the kiosk's type size)."""
        width = max([KEY_SIZE[0]] + [b.sizeHint().width() for b in self.keys])
        for b in self.keys:
            b.setMinimumSize(width, KEY_SIZE[1])

    def showEvent(self, event) -> None:  # noqa: N802
        self._fit_keys()
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.LanguageChange):
            self._fit_keys()

    def _press(self, key: str) -> None:
        if key == "OK":
            self.submit()
        elif key == "⌫":
            self.field.backspace()
        elif len(self.field.text()) < 8:
            self.field.setText(self.field.text() + key)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        self.submitted.emit(pin)

    def reset(self) -> None:
        self.field.clear()
        self.field.setFocus()

    def set_enabled(self, enabled: bool) -> None:
        for child in self.findChildren(QPushButton):
            child.setEnabled(enabled)
        self.field.setEnabled(enabled)


def big_font(pt: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSize(pt)
    f.setBold(bold)
    return f
