"""The sign-in dialog."""
from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from desktop.models.db import Store
from desktop.models.unit import get_profile
from desktop.models.users import AuthError, User, authenticate

from .common import keep_whole


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent=None, *, hint: str | None = None,
                 username: str = ""):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store = store
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sign in"))   # Qt adds " — ISO Desk" itself
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        profile = get_profile(store)
        # rich text, as Qt's automatic format detection sees it (no Qt namespace enum needed:
        # building that namespace is a noticeable part of the start)
        heading = QLabel(f"<h2>ISO Desk</h2><p>{html.escape(profile.name) if profile else ''}</p>")
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        if hint:
            note = QLabel(hint)
            note.setObjectName("login_hint")
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("sign_in")
        cancel = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("quit")
        buttons.accepted.connect(self.try_login)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.ok.setDefault(True)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        if not self.username.text().strip():
            self._show_error(self.tr("Enter your username."))
            self.username.setFocus()
            return
        try:
            self.user = authenticate(self.store, self.username.text(), self.password.text())
        except AuthError as exc:
            self._show_error(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.store.actor = self.user.username
        self.accept()

    def _show_error(self, text: str) -> None:
        """The message may take several lines: the dialog grows so that nothing overlaps."""
        self.error.setText(text)
        layout = self.layout()
        layout.invalidate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
            else layout.totalSizeHint().height()
        needed = max(needed, layout.totalMinimumSize().height())
        if self.height() < needed:
            self.resize(self.width(), needed)
