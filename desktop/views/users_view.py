"""Accounts (admin only): add, reset password, unlock, deactivate."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.models import users
from desktop.models.errors import ValidationError

from .common import (
    FieldErrors, attempt, button_row, confirm, keep_whole, role_text, show_info, vn_datetime,
)
from .context import ViewContext
from .tables import Column, ItemsModel, make_table


class UsersModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__([
            Column(self.tr("Username"), lambda u: u.username),
            Column(self.tr("Full name"), lambda u: u.full_name),
            Column(self.tr("Role"), lambda u: role_text(u.role)),
            Column(self.tr("Status"), self.status),
        ], parent)

    def status(self, u: users.User) -> str:
        if not u.active:
            return self.tr("Disabled")
        if u.locked_until:
            return self.tr("Locked until %1").replace("%1", vn_datetime(u.locked_until))
        return self.tr("Active")


class NewUserDialog(QDialog):
    def __init__(self, store, parent=None, *, role: str | None = None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store = store
        self.created: users.User | None = None
        self.setWindowTitle(self.tr("New account"))
        self.setMinimumWidth(420)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("new_full_name")
        self.position = QLineEdit()
        self.position.setObjectName("new_position")
        self.role = QComboBox()
        self.role.setObjectName("new_role")
        self.role.addItem(self.tr("— choose a role —"), None)
        for r in users.ROLES:
            self.role.addItem(role_text(r), r)
        if role:
            self.role.setCurrentIndex(self.role.findData(role))
        self.password = QLineEdit()
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("new_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        rule = QLabel(self.tr("At least %1 characters; no space at the start or the end.")
                      .replace("%1", str(users.MIN_PASSWORD)))
        rule.setObjectName("password_rule")
        rule.setStyleSheet("color: #555;")
        rule.setWordWrap(True)
        form.addRow(self.tr("Username:"), self.username)
        form.addRow("", self.errors.label_for("username"))
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow("", self.errors.label_for("full_name"))
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow("", self.errors.label_for("role"))
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", rule)
        form.addRow(self.tr("Password again:"), self.password2)
        form.addRow("", self.errors.label_for("password"))
        layout.addLayout(form)
        layout.addWidget(self.errors.label_for(""))
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("create_user")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self):
        problems = {}
        if self.role.currentData() is None:
            problems["role"] = self.tr("Choose the role of this account.")
        if self.password.text() != self.password2.text():
            problems["password"] = self.tr("The two passwords differ. Type the same password "
                                           "twice.")
        if problems:
            self.errors.show(ValidationError(problems))
            return
        created = attempt(self, lambda: users.create_user(
            self.store, self.username.text(), self.full_name.text(), self.role.currentData(),
            self.password.text(), position=self.position.text()), self.errors)
        if created is not attempt.FAILED:
            self.created = created
            self.accept()


class UsersPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar, buttons = button_row([("add_user", self.tr("New account…"), self.add_user),
                                   ("reset_password", self.tr("Reset password…"), self.reset_password),
                                   ("unlock_user", self.tr("Clear the wrong-password lock"),
                                    self.unlock),
                                   ("toggle_user", self.tr("Stop / allow the account again"),
                                    self.toggle)])
        buttons["unlock_user"].setToolTip(self.tr(
            "After several wrong passwords an account is locked for a few minutes; this lets "
            "the person sign in again at once."))
        buttons["toggle_user"].setToolTip(self.tr(
            "A stopped account can no longer sign in (for someone who left); its history stays. "
            "Press again to allow it again."))
        layout.addLayout(bar)
        self.model = UsersModel(self)
        self.table = make_table("users_table", self.model, sortable=False)
        layout.addWidget(self.table)
        self.reload()

    def reload(self):
        self.model.set_items(users.list_users(self.ctx.store))

    def selected(self) -> users.User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def add_user(self):
        dlg = NewUserDialog(self.ctx.store, self)
        if dlg.exec():
            self.ctx.announce_changes()
            self.reload()

    def reset_password(self, _checked=False, new_password: str | None = None):
        user = self.selected()
        if user is None:
            show_info(self, self.tr("Select an account first."))
            return
        if new_password is None:
            dlg = QDialog(self)
            dlg.setWindowTitle(self.tr("New password for %1").replace("%1", user.username))
            form = QFormLayout(dlg)
            dlg.setMinimumWidth(420)
            edit = QLineEdit()
            edit.setObjectName("reset_password")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            again = QLineEdit()
            again.setObjectName("reset_password2")
            again.setEchoMode(QLineEdit.EchoMode.Password)
            differ = QLabel()
            differ.setObjectName("reset_password_error")
            differ.setStyleSheet("color: #b00020;")
            differ.setWordWrap(True)
            form.addRow(self.tr("New password:"), edit)
            form.addRow(self.tr("Password again:"), again)
            form.addRow("", differ)
            buttons = QDialogButtonBox()
            buttons.addButton(self.tr("Set password"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)

            def accept_if_same():
                if edit.text() != again.text():
                    differ.setText(self.tr("The two passwords differ. Type the same password "
                                           "twice."))
                    return
                dlg.accept()

            buttons.accepted.connect(accept_if_same)
            buttons.rejected.connect(dlg.reject)
            form.addRow(buttons)

            if not dlg.exec():
                return
            new_password = edit.text()
        if attempt(self, lambda: users.reset_password(self.ctx.store, self.ctx.user, user.id,
                                                      new_password)) is attempt.FAILED:
            return
        self.ctx.announce_changes()
        self.reload()
        show_info(self, self.tr("The password of %1 was reset. A new signature key was made; "
                                "signatures made with the old key stay valid.")
                  .replace("%1", user.username))

    def unlock(self):
        user = self.selected()
        if user is None:
            return
        if attempt(self, lambda: users.unlock(self.ctx.store, self.ctx.user, user.id)) \
                is not attempt.FAILED:
            self.ctx.announce_changes()
            self.reload()

    def toggle(self):
        user = self.selected()
        if user is None:
            return
        if user.active and not confirm(self, self.tr("Disable the account %1? It can be enabled "
                                                     "again later.").replace("%1", user.username)):
            return
        if attempt(self, lambda: users.set_active(self.ctx.store, self.ctx.user, user.id,
                                                  not user.active)) is not attempt.FAILED:
            self.ctx.announce_changes()
            self.reload()
