"""Dialogs of the roster: add/edit a staff member, and the import preview."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QVBoxLayout,
)

from desktop.models.staff import ImportPlan, StaffMember, StaffRepository

from .common import FieldErrors, attempt, fit_to_screen, keep_whole
from .import_gate import BadRowsGate
from .tables import ImportPreviewModel, make_table


class StaffDialog(QDialog):
    """Add a staff member, or edit one (`member` given)."""

    def __init__(self, repo: StaffRepository, member: StaffMember | None = None, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
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
    """Shows, row by row, what an import will do; nothing is written until the user confirms.

    It names the sheet read (and lets the person pick another visible sheet that has a list:
    the dialog then closes with `SHEET_CHOSEN` and `chosen_sheet`), the hidden sheets left
    alone, the columns not used and the rows that are not people."""

    SHEET_CHOSEN = 2

    def __init__(self, plan: ImportPlan, file_name: str, parent=None, *, roster=None):
        super().__init__(parent)
        self.plan = plan
        self.chosen_sheet: str | None = None
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
        if roster is not None:
            self._file_notes(layout, roster)
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
        self.model = ImportPreviewModel(
            plan, [self.tr("Row"), self.tr("What will happen"), self.tr("Staff code"),
                   self.tr("Full name"), self.tr("Department"), self.tr("Details")],
            ["staff_code", "full_name", "department"],
            {"add": self.tr("Add"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged"),
             "skip": self.tr("Skip"), "refuse": self.tr("Refused")}, self)
        table = make_table("preview_table", self.model, stretch=5, sortable=False)
        layout.addWidget(table, 1)
        n = s["added"] + s["updated"]
        self.gate = BadRowsGate(n, len(s["errors"]), self)
        layout.addWidget(self.gate)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("Import %n row(s)", "", n), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("do_import")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.gate.changed.connect(lambda _on: self._update(n))
        self._update(n)

    def _update(self, n: int) -> None:
        self.import_button.setEnabled(n > 0 and self.gate.allows())

    @property
    def accept_good(self) -> bool:
        return self.gate.accept_good

    def _file_notes(self, layout, roster) -> None:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sheet read:")))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_choice")
        self.sheet_combo.addItems([roster.sheet] + list(roster.other_sheets))
        self.sheet_combo.setEnabled(bool(roster.other_sheets))
        self.sheet_combo.currentTextChanged.connect(self._sheet_changed)
        row.addWidget(self.sheet_combo)
        row.addWidget(QLabel(self.tr("header on row %1").replace(
            "%1", ", ".join(str(r) for r in roster.header_rows))), 1)
        layout.addLayout(row)
        notes = []
        if roster.other_sheets:
            notes.append(self.tr("Other visible sheets have a list too: pick one above to read "
                                 "it instead."))
        if roster.hidden_sheets:
            notes.append(self.tr("Hidden sheets not read: %1.").replace(
                "%1", ", ".join(roster.hidden_sheets)))
        if roster.unused_columns:
            notes.append(self.tr("Columns not used: %1.").replace(
                "%1", "; ".join(roster.unused_columns)))
        if roster.set_aside:
            notes.append(self.tr("Rows that are not people: %1.").replace(
                "%1", roster.set_aside_text()))
        if notes:
            label = QLabel("\n".join(notes))
            label.setObjectName("file_notes")
            label.setWordWrap(True)
            layout.addWidget(label)

    def _sheet_changed(self, name: str) -> None:
        self.chosen_sheet = name
        self.done(self.SHEET_CHOSEN)
