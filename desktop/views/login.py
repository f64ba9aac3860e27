"""The sign-in dialog.

The password check (scrypt, memory-hard by design) runs on a thread of its own; meanwhile the
UI thread makes what is shown after the sign-in (`prepare(user)`: the main window, hidden). It is
handed on only when the password is found right; after a wrong one it is closed and deleted
without ever being shown. The attempt is counted and finished exactly as `users.authenticate`
does it (the lockout is the same).

The password's key is derived while it is typed (`passwords.Deriver`, on a worker thread of its
own: the text as it is at each change, with the salt and parameters of the account typed), so
that the check at the Enter key finds it made or under way. Nothing is compared before the Enter
key, and nothing shown or logged differs with the text typed."""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.models.db import Store
from desktop.models.passwords import Deriver
from desktop.models.unit import get_profile
from desktop.models.users import (
    MIN_PASSWORD, AuthError, User, begin_attempt, finish_attempt, password_recipe,
)

from .thread_result import ThreadResult
from .whole import fit_whole


def _escaped(text: str) -> str:
    """Text shown inside rich text as it is (the `html` module, with its table of entities,
    is more than the sign-in needs)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _coloured(label: QLabel, colour: str) -> None:
    """The label's text in `colour`, through its palette (a style sheet would bring Qt's style
    sheet machinery into the first window: ≈ 5 ms of the start)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent=None, *, hint: str | None = None,
                 username: str = "", prepare: Callable[[User], QWidget] | None = None):
        super().__init__(parent)
        self.store = store
        self.user: User | None = None
        self.prepare = prepare
        self.prepared: QWidget | None = None   # what prepare() made, once the password is right
        self._checking = False
        self.setWindowTitle(self.tr("Sign in"))   # Qt adds " — ISO Desk" itself
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        profile = get_profile(store)
        # rich text, as Qt's automatic format detection sees it (no Qt namespace enum needed:
        # building that namespace is a noticeable part of the start)
        heading = QLabel(f"<h2>ISO Desk</h2><p>{_escaped(profile.name) if profile else ''}</p>")
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
        _coloured(self.error, "#b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        if hint:
            note = QLabel(hint)
            note.setObjectName("login_hint")
            note.setWordWrap(True)
            _coloured(note, "#555555")
            layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("sign_in")
        self.cancel = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setObjectName("quit")
        buttons.accepted.connect(self.try_login)
        self.cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.ok.setDefault(True)
        (self.password if username else self.username).setFocus()
        # a text shorter than any password may be (users.MIN_PASSWORD) is not derived ahead:
        # typed key by key, the worker is then free for the texts that may be the password
        self._deriver = Deriver(shortest=MIN_PASSWORD)
        self._recipe = None
        self._account_changed(self.username.text())
        self.username.textChanged.connect(self._account_changed)
        self.password.textChanged.connect(self._password_changed)
        # Wrapped text (the demo's hint) is never squeezed: the dialog is made tall enough for it
        # at its narrowest, which is the tallest it needs (an error shown later grows it:
        # `_show_error`). Done once here rather than with `keep_whole`'s event filter or an event
        # handler of its own: PySide makes Python's copy of Qt's 179 event types at the first
        # event a Python method is handed, which the first window need not wait for.
        fit_whole(self, width=self.minimumWidth())

    def _account_changed(self, username: str) -> None:
        """The account typed: its stored salt and parameters, for deriving the password's key
        while it is typed (none for an unknown account: nothing is derived)."""
        try:
            self._recipe = password_recipe(self.store, username) if username.strip() else None
        except Exception:  # noqa: BLE001  (the check at the Enter key says what is wrong)
            logging.getLogger("isodesk.gui").exception("reading the account's password recipe")
            self._recipe = None
        self._deriver.want(self.password.text(), self._recipe)

    def _password_changed(self, text: str) -> None:
        self._deriver.want(text, self._recipe)

    def try_login(self) -> None:
        if self._checking:
            return
        if not self.username.text().strip():
            self._show_error(self.tr("Enter your username."))
            self.username.setFocus()
            return
        try:
            attempt = begin_attempt(self.store, self.username.text())
        except AuthError as exc:
            self._refused(exc)
            return
        self._set_checking(True)
        try:
            outcome = self._check_while_preparing(attempt, self.password.text())
        finally:
            self._set_checking(False)
        if isinstance(outcome, BaseException):   # the check itself failed: counted as failed
            self._discard()
            raise outcome
        try:
            self.user = finish_attempt(self.store, attempt, outcome)
        except AuthError as exc:
            self._discard()
            self._refused(exc)
            return
        self.store.actor = self.user.username
        self.accept()

    def _check_while_preparing(self, attempt, password: str):
        """Check the password on a thread while `prepare` makes the next window here; return
        True / False, or the exception the check raised."""
        job = ThreadResult(lambda: attempt.check(password, self._deriver),
                           "isodesk-password-check")
        if self.prepare is not None:
            try:
                self.prepared = self.prepare(attempt.user)
            except Exception:  # made again after the sign-in, where its error is shown
                logging.getLogger("isodesk.gui").exception("preparing the main window")
                self.prepared = None
        try:
            return job.wait()
        except BaseException as exc:  # noqa: BLE001  (the caller counts it as failed)
            return exc

    def _discard(self) -> None:
        """A wrong password: what was made for the account is never shown."""
        if self.prepared is not None:
            self.prepared.close()
            self.prepared.deleteLater()
            self.prepared = None

    def _set_checking(self, checking: bool) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        self._checking = checking
        for widget in (self.username, self.password, self.ok, self.cancel):
            widget.setEnabled(not checking)
        if checking:
            self.error.clear()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _refused(self, exc: AuthError) -> None:
        self._show_error(exc.message)
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if not self._checking:   # not while the password is being checked
            super().reject()

    def done(self, result: int) -> None:
        """Signed in, or left: the key derived ahead is dropped (a derivation under way ends on
        its own thread, which holds nothing of the dialog's)."""
        self._deriver.close()
        super().done(result)

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
