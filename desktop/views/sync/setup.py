"""Enrolment with the province (district side), the unit's own key, and the e-mail settings."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError, ValidationError
from sync import mail
from sync.errors import SenderKeyChanged
from sync.keys import own_fingerprint
from sync.peers import enroll, list_peers

from ..common import FieldErrors, confirm, show_error, show_info
from ..context import ViewContext
from ..files import open_file


class EnrolPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setObjectName("enrol_info")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.own = QLabel()
        self.own.setObjectName("own_fingerprint")
        self.own.setWordWrap(True)
        layout.addWidget(self.own)
        btn = QPushButton(self.tr("Import the province profile…"))
        btn.setObjectName("import_profile")
        btn.clicked.connect(self.import_profile)
        btn.setEnabled(ctx.can("settings") or ctx.can("sync"))
        layout.addWidget(btn)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        peers = [p for p in list_peers(self.ctx.store, "province") if p.active]
        if peers:
            p = peers[0]
            self.info.setText(self.tr(
                "<h3>%1 (%2)</h3><p>Key fingerprint of the province: <b>%3</b><br>"
                "Mailbox for packages: %4<br>Enrolled on %5.</p>")
                .replace("%1", p.name).replace("%2", p.code)
                .replace("%3", p.fingerprint or "").replace("%4", p.email or "—")
                .replace("%5", (p.row["trusted_at"] or "")[:10]))
        else:
            self.info.setText(self.tr(
                "<h3>Not enrolled</h3><p>Ask the province for its profile file (.isoprofile) "
                "and import it here. Compare the key fingerprint it shows with the province by "
                "phone.</p>"))
        self.own.setText(self.tr("This unit's key fingerprint (read it to the province when "
                                 "they receive your first package): <b>%1</b>")
                         .replace("%1", own_fingerprint(self.ctx.store)))

    def import_profile(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Province profile"), "province-profile",
                             self.tr("Province profile (*.isoprofile)"))
        if not path:
            return
        try:
            peer = enroll(self.ctx.store, Path(path))
        except SenderKeyChanged as exc:
            if not confirm(self, self.tr(
                    "This profile has a different key (new fingerprint %1, old %2). Accept it "
                    "only after checking the new fingerprint with the province by phone. "
                    "Accept the new key?").replace("%1", exc.fingerprint)
                    .replace("%2", exc.old_fingerprint), danger=True):
                return
            try:
                peer = enroll(self.ctx.store, Path(path), accept_changed_key=True)
            except IsoDeskError as exc2:
                show_error(self, exc2)
                return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.ctx.announce_changes()
        show_info(self, self.tr("Enrolled with %1. Check this key fingerprint with the "
                                "province by phone: %2").replace("%1", peer.name)
                  .replace("%2", peer.fingerprint or ""))


class EmailPanel(QWidget):
    """SMTP settings for sending packages from the program."""

    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        cfg = mail.smtp_settings(ctx.store)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Sending e-mail (SMTP)"))
        form = QFormLayout(box)
        self.host = QLineEdit(cfg["host"])
        self.host.setObjectName("smtp_host")
        self.host.setPlaceholderText("smtp.gmail.com")
        self.port = QSpinBox()
        self.port.setObjectName("smtp_port")
        self.port.setRange(1, 65535)
        self.port.setValue(cfg["port"])
        self.security = QComboBox()
        self.security.setObjectName("smtp_security")
        for key, label in (("starttls", self.tr("STARTTLS (port 587)")),
                           ("ssl", self.tr("SSL/TLS (port 465)")),
                           ("none", self.tr("None (inside the office network only)"))):
            self.security.addItem(label, key)
        self.security.setCurrentIndex(max(0, self.security.findData(cfg["security"])))
        self.username = QLineEdit(cfg["username"])
        self.username.setObjectName("smtp_username")
        self.password = QLineEdit()
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("(unchanged)") if cfg["has_password"] else "")
        self.sender = QLineEdit(cfg["sender"])
        self.sender.setObjectName("smtp_sender")
        form.addRow(self.tr("Server:"), self.host)
        form.addRow("", self.errors.label_for("host"))
        form.addRow(self.tr("Port:"), self.port)
        form.addRow("", self.errors.label_for("port"))
        form.addRow(self.tr("Security:"), self.security)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Sender address:"), self.sender)
        form.addRow("", self.errors.label_for("sender"))
        layout.addWidget(box)
        if sys.platform == "win32":
            kept = self.tr("The password is kept on this computer only, protected by the "
                           "Windows account. Packages are encrypted: the mail server cannot "
                           "read them.")
        else:   # no Windows account here: the unit's key file protects it (sync/keys.py)
            kept = self.tr("The password is kept on this computer only, encrypted with a key "
                           "file of the data folder that backups do not contain. Packages are "
                           "encrypted: the mail server cannot read them.")
        note = QLabel(kept)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.errors.label_for(""))
        save = QPushButton(self.tr("Save e-mail settings"))
        save.setObjectName("save_smtp")
        save.clicked.connect(self.save)
        save.setEnabled(ctx.can("settings") or ctx.can("sync"))
        layout.addWidget(save)
        layout.addStretch(1)

    def save(self) -> None:
        try:
            mail.save_smtp_settings(
                self.ctx.store, host=self.host.text(), port=self.port.value(),
                security=self.security.currentData(), username=self.username.text(),
                sender=self.sender.text(), password=self.password.text() or None)
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.errors.clear()
        self.password.clear()
        show_info(self, self.tr("The e-mail settings were saved."))
