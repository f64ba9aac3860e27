"""Cài đặt: the unit, accounts, language, and the data file."""
from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QTabWidget,
    QVBoxLayout, QWidget,
)

from desktop.i18n import LANGUAGES
from desktop.models import anchors, users
from desktop.models.anchor_check import check_chain
from desktop.models.db import list_backups, quick_check
from desktop.models.errors import ValidationError
from desktop.models.settings import get_setting, set_setting
from desktop.models.unit import DEFAULT_LEVEL_NAMES, UnitProfile, save_profile

from .common import (
    FieldErrors, attempt, button_row, show_error, show_info,
)
from .context import ViewContext
from .operation import run_operation
from .users_view import UsersPanel


class UnitPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        p = ctx.profile
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit(p.code if p else "")
        self.code.setObjectName("unit_code")
        self.name = QLineEdit(p.name if p else "")
        self.name.setObjectName("unit_name")
        self.parent_code = QLineEdit((p.parent_code or "") if p else "")
        self.parent_name = QLineEdit((p.parent_name or "") if p else "")
        self.place = QLineEdit((p.place or "") if p else "")
        self.place.setObjectName("place")
        form.addRow(self.tr("Unit code:"), self.code)
        form.addRow("", self.errors.label_for("code"))
        form.addRow(self.tr("Unit name:"), self.name)
        form.addRow("", self.errors.label_for("name"))
        form.addRow(self.tr("Parent unit code:"), self.parent_code)
        form.addRow(self.tr("Parent unit name:"), self.parent_name)
        form.addRow(self.tr("Place (for the date line):"), self.place)
        layout.addLayout(form)
        names = QGroupBox(self.tr("Names of the levels (units were reorganised in 2025)"))
        nform = QFormLayout(names)
        self.level_edits: dict[str, QLineEdit] = {}
        labels = {"district": self.tr("District level:"), "province": self.tr("Province level:"),
                  "national": self.tr("National agency:"),
                  "district_team": self.tr("District ISO team:"),
                  "province_team": self.tr("Province ISO steering committee:")}
        for key, label in labels.items():
            edit = QLineEdit((p.level_names.get(key) if p else "") or "")
            edit.setPlaceholderText(DEFAULT_LEVEL_NAMES[key])
            self.level_edits[key] = edit
            nform.addRow(label, edit)
        layout.addWidget(names)
        layout.addWidget(self.errors.label_for(""))
        save = QPushButton(self.tr("Save unit details"))
        save.setObjectName("save_unit")
        save.clicked.connect(self.save)
        save.setEnabled(ctx.can("settings"))
        layout.addWidget(save)
        layout.addStretch(1)

    def save(self):
        p = self.ctx.profile
        profile = UnitProfile(code=self.code.text(), name=self.name.text(), level=p.level,
                              parent_code=self.parent_code.text(),
                              parent_name=self.parent_name.text(), place=self.place.text(),
                              level_names={k: e.text() for k, e in self.level_edits.items()})
        if attempt(self, lambda: save_profile(self.ctx.store, profile), self.errors) is attempt.FAILED:
            return
        self.ctx.refresh_profile()
        show_info(self, self.tr("The unit details were saved."))


class PreferencesPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        current = get_setting(ctx.store, "language", "vi")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self.save_language)
        form.addRow(self.tr("Language:"), self.language)
        layout.addLayout(form)
        pw = QGroupBox(self.tr("My password"))
        pform = QFormLayout(pw)
        self.old_pw = QLineEdit()
        self.old_pw.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pw = QLineEdit()
        self.new_pw.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pw2 = QLineEdit()
        self.new_pw2.setObjectName("new_password_again")
        self.new_pw2.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = FieldErrors()
        pform.addRow(self.tr("Current password:"), self.old_pw)
        pform.addRow(self.tr("New password:"), self.new_pw)
        pform.addRow(self.tr("New password again:"), self.new_pw2)
        pform.addRow("", self.errors.label_for("password"))
        change = QPushButton(self.tr("Change my password"))
        change.clicked.connect(self.change_password)
        pform.addRow(change)
        pw.setVisible(ctx.user is not None)
        layout.addWidget(pw)
        layout.addStretch(1)

    def save_language(self):
        language = self.language.currentData()
        set_setting(self.ctx.store, "language", language)
        # The main window is rebuilt in the new language, still signed in, after this slot.
        QTimer.singleShot(0, lambda: self.ctx.language_changed.emit(language))

    def change_password(self):
        if self.new_pw.text() != self.new_pw2.text():
            self.errors.show(ValidationError({"password": self.tr(
                "The two passwords differ. Type the same password twice.")}))
            return
        done = attempt(self, lambda: users.change_own_password(
            self.ctx.store, self.ctx.user.id, self.old_pw.text(), self.new_pw.text()), self.errors)
        if done is attempt.FAILED:
            return
        self.old_pw.clear()
        self.new_pw.clear()
        self.new_pw2.clear()
        show_info(self, self.tr("Your password was changed."))


class DataPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setObjectName("data_info")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        row, _ = button_row([("backup_now", self.tr("Back up now"), self.backup_now),
                             ("check_data", self.tr("Check the data file"), self.check),
                             ("open_folder", self.tr("Open the data folder"), self.open_folder)])
        layout.addLayout(row)
        layout.addStretch(1)
        self.refresh()

    def refresh(self):
        store = self.ctx.store
        backups = list_backups(store.backup_dir)
        last = backups[-1].name if backups else self.tr("none yet")
        self.info.setText(self.tr("Data file: %1\nBackups: %2 in %3 (latest: %4). A backup is made "
                                  "at every normal exit; the last 10 are kept.")
                          .replace("%1", str(store.path)).replace("%2", str(len(backups)))
                          .replace("%3", str(store.backup_dir)).replace("%4", last))

    def backup_now(self):
        made = self.ctx.store.backup("manual")
        anchors.checkpoint(self.ctx.store, "manual")
        self.refresh()
        show_info(self, self.tr("Backup saved: %1").replace("%1", str(made)))

    def check(self):
        """What `isodesk db check` does: every page, the audit chain and its anchors (backups,
        signed checkpoints, sync heads), on a connection of its own off the UI thread."""
        path = self.ctx.store.path

        def job(job):
            problem = quick_check(path)
            report = check_chain(job.store)
            return problem, report.ok, report.message

        def done(result):
            problem, ok, message = result
            if problem is None and ok:
                show_info(self, self.tr("The data file is sound. %1").replace("%1", message))
            else:
                show_error(self, " ".join(x for x in (problem, message) if x))

        run_operation(self, job, done, store=self.ctx.store,
                      text=self.tr("Checking the data file…"))

    def open_folder(self):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.store.data_dir)))


class SettingsPage(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Settings</h2>")))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.addTab(UnitPanel(ctx), self.tr("Unit"))
        if ctx.can("manage_users"):
            self.tabs.addTab(UsersPanel(ctx), self.tr("Accounts"))
        self.tabs.addTab(PreferencesPanel(ctx), self.tr("Language and password"))
        self.tabs.addTab(DataPanel(ctx), self.tr("Data and backups"))
        layout.addWidget(self.tabs)
