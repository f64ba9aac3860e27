"""Dialogs of the nonconformities: the record itself, and each step of its stages."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from desktop.models.iso.nonconformities import (
    SOURCES, Nonconformity, NonconformityRepository, next_stage,
)

from .common import DateEdit, FormDialog, TextEdit, date_text
from .labels import label


class NcDialog(FormDialog):
    """A new nonconformity, or its description and plan (the stage changes by the step
    buttons)."""

    def __init__(self, repo: NonconformityRepository, nc: Nonconformity | None = None,
                 audits: list | None = None, parent=None):
        super().__init__(self.tr("Nonconformity %1").replace("%1", nc.code) if nc
                         else self.tr("New nonconformity"), parent, width=620)
        self.repo = repo
        self.nc = n = nc
        self.source = QComboBox()
        for code in SOURCES:
            self.source.addItem(label("nc_source", code), code)
        self.source.setCurrentIndex(max(0, self.source.findData(n.source if n else "process")))
        self.add("source", self.tr("Source:"), self.source)
        self.audit = QComboBox()
        self.audit.addItem(self.tr("(none)"), None)
        for a in audits or []:
            self.audit.addItem(self.tr("Round %1 of %2").replace("%1", str(a.round_no))
                               .replace("%2", a.start_on[:4]), a.id)
        if n and n.audit_id:
            self.audit.setCurrentIndex(max(0, self.audit.findData(n.audit_id)))
        self.add("audit_id", self.tr("Audit round:"), self.audit)
        self.detected = self.add("detected_on", self.tr("Found on:"),
                                 DateEdit(n.detected_on if n else _dt.date.today()))
        self.department = self.add("department", self.tr("Department:"),
                                   QLineEdit(n.department if n else ""))
        self.description = self.add("description", self.tr("Description:"),
                                    TextEdit(n.description if n else "", lines=4))
        self.correction = self.add("correction", self.tr("Immediate correction:"),
                                   TextEdit(n.correction if n else ""))
        if n is not None and n.stage != "open":
            self.cause = self.add("cause", self.tr("Cause:"), TextEdit(n.cause))
            self.action = self.add("corrective_action", self.tr("Corrective action:"),
                                   TextEdit(n.corrective_action))
            self.owner = self.add("owner", self.tr("Responsible:"), QLineEdit(n.owner))
            self.due = self.add("due_on", self.tr("Due date:"), DateEdit(n.due_on))
        else:
            self.cause = self.action = self.owner = self.due = None
        self.finish()

    def on_save(self):
        values = {"source": self.source.currentData(), "audit_id": self.audit.currentData(),
                  "detected_on": self.detected.value(), "department": self.department.text(),
                  "description": self.description.value(), "correction": self.correction.value()}
        if self.cause is not None:
            values.update(cause=self.cause.value(), corrective_action=self.action.value(),
                          owner=self.owner.text(), due_on=self.due.value())
        if self.nc is None:
            return self.repo.add(values)
        return self.repo.update(self.nc.id, values, expected_version=self.nc.version)


class StepDialog(FormDialog):
    """The next step of a nonconformity, asking for what that step needs."""

    def __init__(self, repo: NonconformityRepository, nc: Nonconformity, parent=None, *,
                 user_name: str = ""):
        self.step = next_stage(nc)
        titles = {"planned": self.tr("Revise the corrective action plan of %1")
                  if nc.awaiting_revision else self.tr("Plan the corrective action of %1"),
                  "in_progress": self.tr("Start the corrective action of %1"),
                  "verified": self.tr("Check the effectiveness of %1"),
                  "closed": self.tr("Close %1")}
        super().__init__(titles[self.step].replace("%1", nc.code), parent, width=600)
        self.repo = repo
        self.nc = nc
        intro = nc.description
        if nc.awaiting_revision:
            intro += "\n\n" + self.tr("The check of %1 found the action not effective; the plan "
                                       "below is kept in the history. Revise it (or keep what "
                                       "still holds) with a new date.").replace(
                "%1", date_text(nc.checked_on))
        self.set_intro(intro)
        self.fields: dict = {}
        today = _dt.date.today()
        if self.step == "planned":
            self.fields["cause"] = self.add("cause", self.tr("Cause:"), TextEdit(nc.cause))
            self.fields["corrective_action"] = self.add(
                "corrective_action", self.tr("Corrective action:"),
                TextEdit(nc.corrective_action))
            self.fields["correction"] = self.add("correction", self.tr("Immediate correction:"),
                                                 TextEdit(nc.correction))
            self.fields["owner"] = self.add("owner", self.tr("Responsible:"), QLineEdit(nc.owner))
            self.fields["due_on"] = self.add("due_on", self.tr("Due date:"), DateEdit(nc.due_on))
            self.fields["planned_on"] = self.add("planned_on", self.tr("Plan made on:"),
                                                 DateEdit(today))
        elif self.step == "in_progress":
            self.form.addRow(self.tr("Corrective action:"), QLabel(nc.corrective_action))
            self.fields["started_on"] = self.add("started_on", self.tr("Work started on:"),
                                                 DateEdit(today))
        elif self.step == "verified":
            self.form.addRow(self.tr("Corrective action:"), QLabel(nc.corrective_action))
            self.fields["effectiveness"] = self.add("effectiveness", self.tr("Result of the "
                                                                             "check:"),
                                                    TextEdit(lines=4))
            self.fields["checked_by"] = self.add("checked_by", self.tr("Checked by:"),
                                                 QLineEdit(user_name))
            self.fields["checked_on"] = self.add("checked_on", self.tr("Checked on:"),
                                                 DateEdit(today))
            self.effective = QCheckBox(self.tr("The action was effective (untick to plan a new "
                                               "action)"))
            self.effective.setObjectName("effective")
            self.effective.setChecked(True)
            self.form.addRow("", self.effective)
        else:
            self.form.addRow(self.tr("Effectiveness:"), QLabel(nc.effectiveness))
            self.fields["closed_on"] = self.add("closed_on", self.tr("Closed on:"),
                                                DateEdit(today))
        self.finish(self.tr("Confirm"))

    def on_save(self):
        values = {name: (w.value() if hasattr(w, "value") else w.text())
                  for name, w in self.fields.items()}
        if self.step == "verified":
            values["effective"] = self.effective.isChecked()
        return self.repo.advance(self.nc.id, self.step, values,
                                 expected_version=self.nc.version)
