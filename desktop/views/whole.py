"""Dialogs that grow to show their wrapped text whole (`keep_whole`).

A module of its own, light to import: the sign-in dialog uses it before anything else of the
interface is loaded."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget


class _WholeHeight(QObject):
    """Keeps its dialog tall enough for its wrapped text (see `keep_whole`)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.Show, QEvent.Type.LayoutRequest,
                            QEvent.Type.Resize) and obj.isVisible():
            self.fit(obj)
        return False

    @staticmethod
    def fit(dialog, width: int | None = None) -> None:
        layout = dialog.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(dialog.width() if width is None else width)
        screen = dialog.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height() - 40)
        if dialog.minimumHeight() != needed:
            dialog.setMinimumHeight(needed)
        if dialog.height() < needed:
            dialog.resize(dialog.width(), needed)


def fit_whole(dialog: QWidget, *, width: int | None = None) -> None:
    """Make `dialog` tall enough now for its wrapped text at `width` (its present width when
    None): for a dialog sized once, at its narrowest, instead of by `keep_whole`'s filter."""
    _WholeHeight.fit(dialog, width)


def keep_whole(dialog: QWidget) -> None:
    """The dialog grows to show its wrapped text whole.

    A label that wraps (a long subject, a fingerprint, the signer's name once typed) needs more
    height when the dialog is narrower than its text, or when its text changes; Qt sizes a
    window by its layout's minimum, which leaves wrapped text out, so rows were squeezed onto
    each other. (Per dialog: a filter on the whole application would cost every event.)"""
    keeper = _WholeHeight(dialog)
    dialog.installEventFilter(keeper)
