"""Dialogs of the roster: add/edit a staff member, and the import preview."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit,
    QTableView, QVBoxLayout,
)

from desktop.models.staff import ImportPlan, StaffMember, StaffRepository

from .common import FieldErrors, attempt, fit_to_screen
from .tables import ImportPreviewModel


class StaffDialog(QDialog):
    """Add a staff member, or edit one (`member` given)."""

    def __init__(self, repo: StaffRepository, member: StaffMember | None = None, parent=None):
        super().__init__(parent)
        self.repo = repo
        self.member = member
        self.saved: StaffMember | None = None
        self.setWindowTitle(self.tr("Edit staff member") if member else self.tr("Add staff member"))
        self.setMinimumWidth(480)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        labels = [("staff_code", self.tr("Staff code:")), ("full_name", self.tr("Full name:")),
                  ("position", self.tr("Position:")), ("department", self.tr("Department:")),
                  ("phone", self.tr("Phone:")), ("email", self.tr("Email:"))]
        for name, label in labels:
            edit = QLineEdit(getattr(member, name, "") if member else "")
            edit.setObjectName(name)
            self.fields[name] = edit
            form.addRow(label, edit)
            form.addRow("", self.errors.label_for(name))
        self.active = QCheckBox(self.tr("Currently working here"))
        self.active.setObjectName("active")
        self.active.setChecked(member.active if member else True)
        form.addRow("", self.active)
        self.exempt = QCheckBox(self.tr("Not subject to the awareness test (not counted in the "
                                        "training coverage)"))
        self.exempt.setObjectName("exempt")
        self.exempt.setChecked(bool(member and member.exempt))
        self.exempt_reason = QLineEdit(member.exempt_reason if member else "")
        self.exempt_reason.setObjectName("exempt_reason")
        self.exempt_reason.setPlaceholderText(self.tr("Reason, for example: contract guard"))
        self.exempt_reason.setEnabled(self.exempt.isChecked())
        self.exempt.toggled.connect(self.exempt_reason.setEnabled)
        form.addRow("", self.exempt)
        form.addRow(self.tr("Reason:"), self.exempt_reason)
        form.addRow("", self.errors.label_for("exempt_reason"))
        layout.addLayout(form)
        layout.addWidget(self.errors.label_for(""))
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save")
        save.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        data = {k: w.text() for k, w in self.fields.items()}
        data["active"] = self.active.isChecked()
        data["exempt"] = self.exempt.isChecked()
        data["exempt_reason"] = self.exempt_reason.text() if self.exempt.isChecked() else ""
        return data

    def save(self) -> None:
        if self.member is None:
            saved = attempt(self, lambda: self.repo.add(self.values()), self.errors)
        else:
            saved = attempt(self, lambda: self.repo.update(
                self.member.id, self.values(), expected_version=self.member.version), self.errors)
        if saved is not attempt.FAILED:
            self.saved = saved
            self.accept()


class ImportPreviewDialog(QDialog):
    """Shows, row by row, what an import will do; nothing is written until the user confirms."""

    def __init__(self, plan: ImportPlan, file_name: str, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import preview — %1").replace("%1", file_name))
        fit_to_screen(self, 900, 560)
        layout = QVBoxLayout(self)
        s = plan.summary()
        summary = QLabel(self.tr("Add: %1 · Update: %2 · Unchanged or empty: %3 · Refused: %4")
                         .replace("%1", str(s["added"])).replace("%2", str(s["updated"]))
                         .replace("%3", str(s["skipped"])).replace("%4", str(len(s["errors"]))))
        summary.setObjectName("import_summary")
        summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(summary)
        if plan.converted_cells:
            cells = ", ".join(c["cell"] for c in plan.converted_cells[:12])
            if len(plan.converted_cells) > 12:
                cells += "…"
            note = QLabel(self.tr("%1 cells were written in an old Vietnamese font encoding (TCVN3 "
                                  "or VNI) and have been converted to Unicode: %2")
                          .replace("%1", str(len(plan.converted_cells))).replace("%2", cells))
            note.setObjectName("converted_note")
            note.setWordWrap(True)
            layout.addWidget(note)
        if s["errors"]:
            warn = QLabel(self.tr("Refused rows are not imported. Correct them in the Excel file and "
                                  "import it again; the other rows can go in now."))
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b00020;")
            layout.addWidget(warn)
        table = QTableView()
        table.setObjectName("preview_table")
        self.model = ImportPreviewModel(
            plan, [self.tr("Row"), self.tr("What will happen"), self.tr("Staff code"),
                   self.tr("Full name"), self.tr("Department"), self.tr("Details")],
            ["staff_code", "full_name", "department"],
            {"add": self.tr("Add"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged"),
             "skip": self.tr("Skip"), "refuse": self.tr("Refused")}, self)
        table.setModel(self.model)
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.resizeColumnsToContents()
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox()
        n = s["added"] + s["updated"]
        self.import_button = buttons.addButton(
            self.tr("Import %1 rows").replace("%1", str(n)), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("do_import")
        self.import_button.setEnabled(n > 0)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
