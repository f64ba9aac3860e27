"""The kiosk's hold on the PC while it runs: full screen on top, the other screens covered, the
PC kept awake, the usual shortcuts swallowed (here and, on Windows, by a keyboard hook), closing
ignored, the focus taken back when lost; and the marker that makes a crash reopen the kiosk."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop.models.db import Store
from desktop.models.quiz import kiosk

from . import platform
from .widgets import TITLE_PT, label

_K = Qt.Key
BLOCKED_KEYS = {_K.Key_Escape, _K.Key_Tab, _K.Key_Backtab, _K.Key_Meta, _K.Key_Super_L,
                _K.Key_Super_R, _K.Key_Menu, _K.Key_Print, _K.Key_SysReq, _K.Key_Close,
                _K.Key_Sleep, _K.Key_PowerOff, _K.Key_Suspend, _K.Key_Hibernate, _K.Key_Pause,
                _K.Key_HomePage, _K.Key_Search, _K.Key_LaunchMail, _K.Key_Explorer}
BLOCKED_KEYS |= {getattr(_K, f"Key_F{i}") for i in range(1, 36)}
BLOCKING_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class CoverWindow(QWidget):
    """A plain window over another screen while the kiosk runs."""

    def __init__(self, screen, parent=None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kiosk_cover")
        self.setStyleSheet("background: #1f2a38; color: #ffffff;")
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("This PC is being used for the awareness test."), TITLE_PT,
                               align=Qt.AlignmentFlag.AlignCenter))
        self.setGeometry(screen.geometry())
        self.allow_close = False

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.allow_close:
            event.accept()
        else:
            event.ignore()


class Lockdown(QObject):
    """Holds the PC for `window`. Key presses that get through go to `on_key` (which says whether
    it used them); Ctrl+Alt+P goes to `on_proctor_key`."""

    def __init__(self, window: QWidget, store: Store, session_id: str, *,
                 on_key: Callable[[object], bool], on_proctor_key: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.store = store
        self.session_id = session_id
        self.on_key = on_key
        self.on_proctor_key = on_proctor_key
        self.covers: list[CoverWindow] = []
        self.key_blocker = platform.SystemKeyBlocker()
        self.active = False
        self.allow_close = False

    def engage(self, *, fullscreen: bool = True) -> None:
        self.active = True
        QApplication.instance().installEventFilter(self)
        kiosk.mark_running(self.store, self.session_id)
        platform.lock_in(self.store.data_dir)
        platform.note_keyboard_lock(self.key_blocker.start())
        w = self.window
        if fullscreen:
            w.showFullScreen()
        else:
            w.show()
        w.raise_()
        w.activateWindow()
        for screen in platform.other_screens(w):
            cover = CoverWindow(screen)
            cover.showFullScreen()
            self.covers.append(cover)

    def release(self) -> None:
        """Everything back as it was (the proctor left with the PIN)."""
        self.active = False
        QApplication.instance().removeEventFilter(self)
        kiosk.clear_running(self.store, how="pin")
        platform.release()
        self.key_blocker.stop()
        for cover in self.covers:
            cover.allow_close = True
            cover.close()
            cover.deleteLater()
        self.covers = []
        self.allow_close = True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self.active:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                        QEvent.Type.ShortcutOverride):
            return False
        key, mods = event.key(), event.modifiers()
        if kind == QEvent.Type.KeyPress and key == _K.Key_P and (mods & CTRL_ALT) == CTRL_ALT:
            self.on_proctor_key()
            return True
        if mods & BLOCKING_MODIFIERS or key in BLOCKED_KEYS:
            return True
        if kind != QEvent.Type.KeyPress:
            return False
        return bool(self.on_key(event))

    def window_changed(self, event) -> None:
        """From the window's changeEvent: minimised or left → back to the front."""
        if not self.active:
            return
        w = self.window
        if event.type() == QEvent.Type.WindowStateChange and w.isMinimized():
            QTimer.singleShot(0, self._reassert)
        elif event.type() == QEvent.Type.ActivationChange and not w.isActiveWindow():
            QTimer.singleShot(300, self._reassert)

    def _reassert(self) -> None:
        w = self.window
        if self.active and w.isVisible():
            if not w.isFullScreen() and w.windowState() & Qt.WindowState.WindowMinimized:
                w.showFullScreen()
            w.raise_()
            w.activateWindow()
