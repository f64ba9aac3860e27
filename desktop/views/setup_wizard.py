"""First run: declare the unit and create the administrator's account."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage,
)

from desktop.models import users
from desktop.models.db import Store
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.unit import UnitProfile, save_profile, validate_profile

from .common import FieldErrors, show_error


class UnitPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your unit"))
        self.setSubTitle(self.tr("Which office does this computer keep the ISO records of? "
                                 "The unit code appears in minutes numbers and sync packages and "
                                 "cannot be changed once records exist."))
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.level = QComboBox()
        self.level.setObjectName("level")
        self.level.addItem(self.tr("District office (BHXH huyện / cơ sở)"), "district")
        self.level.addItem(self.tr("Province office (BHXH tỉnh / khu vực)"), "province")
        self.code = QLineEdit()
        self.code.setObjectName("unit_code")
        self.code.setPlaceholderText("BHXHST")
        self.name = QLineEdit()
        self.name.setObjectName("unit_name")
        self.name.setPlaceholderText("Bảo hiểm xã hội huyện Sông Trà")
        self.parent_code = QLineEdit()
        self.parent_code.setObjectName("parent_code")
        self.parent_name = QLineEdit()
        self.parent_name.setObjectName("parent_name")
        self.parent_name.setPlaceholderText("Bảo hiểm xã hội tỉnh Lam Giang")
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setPlaceholderText("Sông Trà")
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Unit code:"), self.code)
        form.addRow("", self.errors.label_for("code"))
        form.addRow(self.tr("Unit name:"), self.name)
        form.addRow("", self.errors.label_for("name"))
        form.addRow(self.tr("Parent unit code:"), self.parent_code)
        form.addRow("", self.errors.label_for("parent_code"))
        form.addRow(self.tr("Parent unit name:"), self.parent_name)
        form.addRow(self.tr("Place (for the date line):"), self.place)
        form.addRow(self.errors.label_for(""))

    def profile(self) -> UnitProfile:
        return UnitProfile(code=self.code.text(), name=self.name.text(),
                           level=self.level.currentData(), parent_code=self.parent_code.text(),
                           parent_name=self.parent_name.text(), place=self.place.text())

    def validatePage(self) -> bool:
        try:
            validate_profile(self.profile())
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        self.errors.clear()
        return True


class AdminPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator adds the other accounts (ISO team, consultant, "
                                 "proctor) and resets forgotten passwords."))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.username.setObjectName("admin_user")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_name")
        self.position = QLineEdit()
        self.position.setObjectName("admin_position")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("admin_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username:"), self.username)
        form.addRow("", self.errors.label_for("username"))
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow("", self.errors.label_for("full_name"))
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.password2)
        form.addRow("", self.errors.label_for("password"))
        layout.addLayout(form)
        layout.addWidget(self.errors.label_for(""))
        note = QLabel(self.tr("Keep this password safe: it also protects your electronic "
                              "signature key."))
        note.setWordWrap(True)
        layout.addWidget(note)


class SetupWizard(QWizard):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.admin: users.User | None = None
        self.setWindowTitle(self.tr("First start"))   # Qt adds " — ISO Desk" itself
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.unit_page = UnitPage()
        self.admin_page = AdminPage()
        self.addPage(self.unit_page)
        self.addPage(self.admin_page)
        self.setMinimumSize(640, 480)

    def accept(self) -> None:
        from sync.keys import ensure_unit_keys   # (crypto loaded when a unit is set up)

        page = self.admin_page
        page.errors.clear()
        if page.password.text() != page.password2.text():
            page.errors.show(ValidationError({"password": self.tr(
                "The two passwords differ. Type the same password twice.")}))
            return
        try:
            with self.store.atomic():
                save_profile(self.store, self.unit_page.profile())
                self.admin = users.create_user(self.store, page.username.text(),
                                               page.full_name.text(), "admin",
                                               page.password.text(),
                                               position=page.position.text())
                ensure_unit_keys(self.store)   # the unit's signing and encryption keys
        except ValidationError as exc:
            page.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.store.actor = self.admin.username
        super().accept()
