"""Dialogs of the sync section: trusting a new key, accepting a changed one, a district."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from desktop.models.errors import IsoDeskError, ValidationError
from sync.peers import Peer, accept_changed_key, add_district, update_district

from ..common import FieldErrors, keep_whole, show_error


class TrustKeyDialog(QDialog):
    """The first package of a district: compare the fingerprint by phone before trusting it.
    `exec()` gives MATCH, MISMATCH, SKIP, or 0 when the officer stops (the list goes on with
    the next district after the first three)."""

    MATCH, MISMATCH, SKIP = 1, 2, 3

    def __init__(self, name: str, code: str, fingerprint: str, parent=None, *,
                 position: tuple[int, int] | None = None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.setWindowTitle(self.tr("New district key"))
        layout = QVBoxLayout(self)
        if position is not None:
            where = QLabel(self.tr("District %1/%2 with a new key")
                           .replace("%1", str(position[0])).replace("%2", str(position[1])))
            where.setObjectName("trust_position")
            layout.addWidget(where)
        text = QLabel(self.tr(
            "<p>This is the first package of <b>%1</b> (%2). Before trusting it, call the "
            "district and ask them to read the key fingerprint shown in their Sync → Enrolment "
            "tab. It must be exactly:</p>").replace("%1", name).replace("%2", code))
        text.setWordWrap(True)
        layout.addWidget(text)
        fp = QLabel(fingerprint)
        fp.setObjectName("fingerprint")
        fp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fp.setStyleSheet("font-size: 20pt; font-family: monospace; font-weight: bold;")
        layout.addWidget(fp)
        self.buttons = QDialogButtonBox()
        for name_, text_, code_, role in (
                ("trust_ok", self.tr("It matches — trust"), self.MATCH,
                 QDialogButtonBox.ButtonRole.AcceptRole),
                ("trust_mismatch", self.tr("It does not match"), self.MISMATCH,
                 QDialogButtonBox.ButtonRole.DestructiveRole),
                ("trust_skip", self.tr("Skip"), self.SKIP, QDialogButtonBox.ButtonRole.ActionRole),
                ("trust_stop", self.tr("Stop"), 0, QDialogButtonBox.ButtonRole.RejectRole)):
            b = self.buttons.addButton(text_, role)
            b.setObjectName(name_)
            b.clicked.connect(lambda _c=False, c=code_: self.done(c))
        self.ok = self.buttons.findChild(QPushButton, "trust_ok")
        self.ok.setAutoDefault(False)  # a key is trusted only by a deliberate click
        layout.addWidget(self.buttons)


class AcceptKeyDialog(QDialog):
    """A district's key changed: the administrator types the fingerprint read over the phone."""

    def __init__(self, store, peer: Peer, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store, self.peer = store, peer
        self.setWindowTitle(self.tr("Changed key of %1").replace("%1", peer.code))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "<p>The packages of <b>%1</b> are now signed with a different key (a new computer "
            "or a reinstall?). Old fingerprint: %2.</p><p>Call the district, ask them to read "
            "their new fingerprint, and type it here. It is accepted only if it matches the key "
            "received.</p>").replace("%1", peer.name).replace("%2", peer.fingerprint or "—"))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.fingerprint = QLineEdit()
        self.fingerprint.setObjectName("typed_fingerprint")
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form.addRow(self.tr("New fingerprint:"), self.fingerprint)
        form.addRow("", self.errors.label_for("fingerprint"))
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Accept the new key"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("accept_key_ok")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            accept_changed_key(self.store, self.peer.code, self.fingerprint.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        super().accept()


class DistrictDialog(QDialog):
    def __init__(self, store, peer: Peer | None = None, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store, self.peer = store, peer
        self.saved: Peer | None = None
        self.setWindowTitle(self.tr("District") if peer else self.tr("Add a district"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit(peer.code if peer else "")
        self.code.setObjectName("district_code")
        self.code.setPlaceholderText("BHXHST")
        self.code.setReadOnly(peer is not None)
        self.name = QLineEdit(peer.name if peer else "")
        self.name.setObjectName("district_name")
        self.name.setPlaceholderText("Bảo hiểm xã hội huyện Sông Trà")
        self.email = QLineEdit(peer.email if peer else "")
        self.email.setObjectName("district_email")
        form.addRow(self.tr("Unit code:"), self.code)
        form.addRow("", self.errors.label_for("code"))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow("", self.errors.label_for("name"))
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow("", self.errors.label_for("email"))
        self.fingerprint = QLineEdit((peer.fingerprint or "") if peer else "")
        self.fingerprint.setObjectName("district_fingerprint")
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        trusted = peer is not None and peer.sign_key is not None
        self.fingerprint.setReadOnly(trusted)
        self.fingerprint.setToolTip(self.tr(
            "The key is trusted: a new key is accepted in the list of districts.") if trusted
            else self.tr("Optional: the fingerprint the district reads from its Sync → "
                         "Enrolment tab. Its first package then goes in without a key check "
                         "when its key matches."))
        form.addRow(self.tr("Key fingerprint:"), self.fingerprint)
        form.addRow("", self.errors.label_for("fingerprint"))
        layout.addLayout(form)
        layout.addWidget(self.errors.label_for(""))
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("district_save")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            if self.peer is None:
                self.saved = add_district(self.store, self.code.text(), self.name.text(),
                                          self.email.text(), self.fingerprint.text())
            else:
                self.saved = update_district(
                    self.store, self.peer.code, name=self.name.text(), email=self.email.text(),
                    fingerprint=None if self.fingerprint.isReadOnly() else self.fingerprint.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        super().accept()
