"""Internal audits: the programme of a year, its rounds, and what each round found (a finding can
open a nonconformity)."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
    QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError
from desktop.models.iso.audits import CONDUCTED_BY, FINDING_KINDS, Audit, AuditRepository, Finding
from desktop.models.iso.nonconformities import NonconformityRepository

from ..common import compact_combo, confirm, show_error, show_info
from ..flow import FlowLayout
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import DateEdit, FormDialog, TextEdit, date_text, select_where, selected_item
from .labels import label


def _combo(group, codes, current=None) -> QComboBox:
    box = QComboBox()
    for code in codes:
        box.addItem(label(group, code), code)
    if current:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ProgrammeDialog(FormDialog):
    def __init__(self, repo: AuditRepository, programme=None, parent=None):
        super().__init__(self.tr("Audit programme"), parent)
        self.repo = repo
        self.programme = p = programme
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(p.year if p else _dt.date.today().year)
        self.add("year", self.tr("Year:"), self.year)
        self.title_edit = self.add("title", self.tr("Title:"), QLineEdit(
            p.title if p else self.tr("Internal audit programme %1").replace(
                "%1", str(self.year.value()))))
        self.objective = self.add("objective", self.tr("Objective and criteria:"),
                                  TextEdit(p.objective if p else ""))
        self.approved_by = self.add("approved_by", self.tr("Approved by:"),
                                    QLineEdit(p.approved_by if p else ""))
        self.approved_on = self.add("approved_on", self.tr("Approved on:"),
                                    DateEdit(p.approved_on if p else None))
        self.finish()

    def on_save(self):
        values = {"year": self.year.value(), "title": self.title_edit.text(),
                  "objective": self.objective.value(), "approved_by": self.approved_by.text(),
                  "approved_on": self.approved_on.value()}
        if self.programme is None:
            return self.repo.add_programme(values)
        return self.repo.update_programme(self.programme.id, values)


class AuditDialog(FormDialog):
    def __init__(self, repo: AuditRepository, programme_id: str, audit: Audit | None = None,
                 parent=None):
        super().__init__(self.tr("Audit round %1").replace("%1", str(audit.round_no)) if audit
                         else self.tr("New audit round"), parent, width=600)
        self.repo = repo
        self.programme_id = programme_id
        self.audit = a = audit
        self.start = self.add("start_on", self.tr("From:"), DateEdit(a.start_on if a else None))
        self.end = self.add("end_on", self.tr("To:"), DateEdit(a.end_on if a else None))
        self.by = self.add("conducted_by", self.tr("Audited by:"),
                           _combo("conducted_by", CONDUCTED_BY,
                                  a.conducted_by if a else "internal"))
        self.lead = self.add("lead_auditor", self.tr("Lead auditor:"),
                             QLineEdit(a.lead_auditor if a else ""))
        self.auditors = self.add("auditors", self.tr("Auditors:"),
                                 TextEdit(a.auditors if a else ""))
        self.scope = self.add("scope", self.tr("Scope (departments, procedures):"),
                              TextEdit(a.scope if a else ""))
        self.conclusion = self.add("conclusion", self.tr("Conclusion:"),
                                   TextEdit(a.conclusion if a else ""))
        self.finish()

    def on_save(self):
        values = {"programme_id": self.programme_id, "start_on": self.start.value(),
                  "end_on": self.end.value(), "conducted_by": self.by.currentData(),
                  "lead_auditor": self.lead.text(), "auditors": self.auditors.value(),
                  "scope": self.scope.value(), "conclusion": self.conclusion.value()}
        if self.audit is None:
            return self.repo.add_audit(values)
        return self.repo.update_audit(self.audit.id, values, expected_version=self.audit.version)


class FindingDialog(FormDialog):
    def __init__(self, repo: AuditRepository, audit: Audit, finding: Finding | None = None,
                 parent=None):
        super().__init__(self.tr("Finding of round %1").replace("%1", str(audit.round_no)),
                         parent, width=560)
        self.repo = repo
        self.audit = audit
        self.finding = f = finding
        self.kind = self.add("kind", self.tr("Kind:"),
                             _combo("finding", FINDING_KINDS, f.kind if f else "minor"))
        self.clause = self.add("clause", self.tr("Clause of the standard:"),
                               QLineEdit(f.clause if f else ""))
        self.clause.setPlaceholderText(self.tr("e.g. 7.5.3"))
        self.department = self.add("department", self.tr("Department:"),
                                   QLineEdit(f.department if f else ""))
        self.description = self.add("description", self.tr("What was found:"),
                                    TextEdit(f.description if f else "", lines=4))
        self.finish()

    def on_save(self):
        values = {"kind": self.kind.currentData(), "clause": self.clause.text(),
                  "department": self.department.text(), "description": self.description.value()}
        if self.finding is None:
            return self.repo.add_finding(self.audit.id, values)
        return self.repo.update_finding(self.finding.id, values)


class AuditsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = AuditRepository(ctx.store)
        self.editable = editable = ctx.can("edit_records")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Programme:")))
        self.programme = QComboBox()
        self.programme.setObjectName("audit_programme")
        compact_combo(self.programme, 20)
        top.addWidget(self.programme, 1)
        self.buttons: dict[str, QPushButton] = {}
        self._button(top, "programme_add", self.tr("New programme…"), self.add_programme,
                     editable)
        self._button(top, "programme_edit", self.tr("Edit programme…"), self.edit_programme,
                     editable)
        layout.addLayout(top)
        self.programme_info = QLabel()
        self.programme_info.setObjectName("programme_info")
        self.programme_info.setWordWrap(True)
        layout.addWidget(self.programme_info)

        rounds = QGroupBox(self.tr("Audit rounds"))
        rl = QVBoxLayout(rounds)
        bar = QHBoxLayout()
        for name, text, slot in (("audit_add", self.tr("Add round…"), self.add_audit),
                                 ("audit_edit", self.tr("Edit round…"), self.edit_audit),
                                 ("audit_delete", self.tr("Delete round"), self.delete_audit)):
            self._button(bar, name, text, slot, editable)
        bar.addStretch(1)
        rl.addLayout(bar)
        self.audit_model = ItemsModel([
            Column(self.tr("Round"), lambda a: str(a.round_no), lambda a: a.round_no,
                   align_right=True),
            Column(self.tr("From"), lambda a: date_text(a.start_on), lambda a: a.start_on),
            Column(self.tr("To"), lambda a: date_text(a.end_on), lambda a: a.end_on),
            Column(self.tr("Audited by"), lambda a: label("conducted_by", a.conducted_by)),
            Column(self.tr("Lead auditor"), lambda a: a.lead_auditor),
            Column(self.tr("Scope"), lambda a: " ".join(a.scope.split())),
            Column(self.tr("Findings"), lambda a: str(len(a.findings)), lambda a: len(a.findings),
                   align_right=True),
        ], self, tooltip=lambda a: a.conclusion)
        self.audit_proxy = SearchProxy(lambda a: (a.lead_auditor, a.scope, a.auditors), self)
        self.audit_table = make_table("audits_table", self.audit_proxy, source=self.audit_model,
                                      stretch=5)
        self.audit_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.audit_table.doubleClicked.connect(lambda _i: self.edit_audit() if editable else None)
        rl.addWidget(self.audit_table)

        findings = QGroupBox(self.tr("Findings of the selected round"))
        fl = QVBoxLayout(findings)
        bar = FlowLayout()   # wraps on a narrow screen
        for name, text, slot in (("finding_add", self.tr("Add finding…"), self.add_finding),
                                 ("finding_edit", self.tr("Edit…"), self.edit_finding),
                                 ("finding_delete", self.tr("Delete"), self.delete_finding),
                                 ("finding_nc", self.tr("Open a nonconformity"), self.open_nc)):
            self._button(bar, name, text, slot, editable)
        self.buttons["finding_show_nc"] = self._button(bar, "finding_show_nc",
                                                       self.tr("Show its nonconformity"),
                                                       self.show_nc, True)
        bar.addStretch(1)
        fl.addLayout(bar)
        self.finding_model = ItemsModel([
            Column(self.tr("No."), lambda f: str(f.seq), lambda f: f.seq, align_right=True),
            Column(self.tr("Kind"), lambda f: label("finding", f.kind),
                   lambda f: FINDING_KINDS.index(f.kind)),
            Column(self.tr("Clause"), lambda f: f.clause),
            Column(self.tr("Department"), lambda f: f.department),
            Column(self.tr("What was found"), lambda f: " ".join(f.description.split())),
            Column(self.tr("Nonconformity"), lambda f: self._nc_codes.get(f.nc_id, "")),
        ], self, tooltip=lambda f: f.description)
        self.finding_proxy = SearchProxy(lambda f: (f.description, f.department), self)
        self.finding_table = make_table("findings_table", self.finding_proxy,
                                        source=self.finding_model, stretch=4)
        self.finding_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.finding_table.doubleClicked.connect(lambda _i: self.edit_finding() if editable
                                                 else None)
        fl.addWidget(self.finding_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(rounds)
        splitter.addWidget(findings)
        layout.addWidget(splitter, 1)
        self._nc_codes: dict[str, str] = {}
        self.programme.currentIndexChanged.connect(self._programme_changed)
        self.audit_table.selectionModel().selectionChanged.connect(self._audit_changed)
        self.finding_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def _button(self, bar, name, text, slot, visible) -> QPushButton:
        btn = QPushButton(text)
        btn.setObjectName(name)
        btn.clicked.connect(lambda _c=False: slot())
        btn.setVisible(visible)
        bar.addWidget(btn)
        self.buttons[name] = btn
        return btn

    # --- data -------------------------------------------------------------------------------

    def reload(self, programme_id: str | None = None) -> None:
        keep = programme_id or self.programme.currentData()
        self._nc_codes = {n.id: n.code for n in NonconformityRepository(self.ctx.store).list()}
        self.programmes = self.repo.programmes()
        self.programme.blockSignals(True)
        self.programme.clear()
        for p in self.programmes:
            self.programme.addItem(f"{p.year} — {p.title}", p.id)
        if keep:
            self.programme.setCurrentIndex(max(0, self.programme.findData(keep)))
        self.programme.blockSignals(False)
        self._programme_changed()

    def current_programme(self):
        pid = self.programme.currentData()
        return next((p for p in self.programmes if p.id == pid), None)

    def _programme_changed(self, *_args) -> None:
        p = self.current_programme()
        if p is None:
            self.programme_info.setText(self.tr("No audit programme yet. Start with \"New "
                                                "programme…\" (one per year)."))
            self.audit_model.set_items([])
        else:
            info = p.objective or ""
            if p.approved_by:
                info += ("\n" if info else "") + self.tr("Approved by %1 on %2")\
                    .replace("%1", p.approved_by).replace("%2", date_text(p.approved_on))
            self.programme_info.setText(info)
            self.audit_model.set_items(p.audits)
            if p.audits:
                self.audit_table.selectRow(0)
        self._audit_changed()

    def selected_audit(self) -> Audit | None:
        return selected_item(self.audit_table, self.audit_model, self.audit_proxy)

    def selected_finding(self) -> Finding | None:
        return selected_item(self.finding_table, self.finding_model, self.finding_proxy)

    def _audit_changed(self, *_args) -> None:
        a = self.selected_audit()
        self.finding_model.set_items(a.findings if a else [])
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        p, a, f = self.current_programme(), self.selected_audit(), self.selected_finding()
        self.buttons["programme_edit"].setEnabled(p is not None)
        self.buttons["audit_add"].setEnabled(p is not None)
        self.buttons["audit_edit"].setEnabled(a is not None)
        self.buttons["audit_delete"].setEnabled(a is not None)
        self.buttons["finding_add"].setEnabled(a is not None)
        self.buttons["finding_edit"].setEnabled(f is not None)
        self.buttons["finding_delete"].setEnabled(f is not None and not f.nc_id)
        self.buttons["finding_nc"].setEnabled(f is not None and not f.nc_id)
        self.buttons["finding_show_nc"].setEnabled(f is not None and bool(f.nc_id))

    def select_id(self, audit_id: str) -> None:
        for p in self.programmes:
            if any(a.id == audit_id for a in p.audits):
                self.programme.setCurrentIndex(self.programme.findData(p.id))
                select_where(self.audit_table, self.audit_model, self.audit_proxy,
                             lambda a: a.id == audit_id)
                return

    def _changed(self, programme_id=None, audit_id=None, finding_id=None) -> None:
        self.ctx.announce_changes()
        self.reload(programme_id)
        if audit_id:
            select_where(self.audit_table, self.audit_model, self.audit_proxy,
                         lambda a: a.id == audit_id)
        if finding_id:
            select_where(self.finding_table, self.finding_model, self.finding_proxy,
                         lambda f: f.id == finding_id)

    # --- actions ----------------------------------------------------------------------------

    def add_programme(self) -> None:
        dlg = ProgrammeDialog(self.repo, None, self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_programme(self) -> None:
        p = self.current_programme()
        if p is not None and ProgrammeDialog(self.repo, p, self).exec():
            self._changed(p.id)

    def add_audit(self) -> None:
        p = self.current_programme()
        if p is None:
            return
        dlg = AuditDialog(self.repo, p.id, None, self)
        if dlg.exec():
            self._changed(p.id, dlg.saved.id)

    def edit_audit(self) -> None:
        a = self.selected_audit()
        if a is not None and AuditDialog(self.repo, a.programme_id, a, self).exec():
            self._changed(a.programme_id, a.id)

    def delete_audit(self) -> None:
        a = self.selected_audit()
        if a is None or not confirm(self, self.tr("Delete audit round %1 and its findings?")
                                    .replace("%1", str(a.round_no)), danger=True):
            return
        try:
            self.repo.remove_audit(a.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed(a.programme_id)

    def add_finding(self) -> None:
        a = self.selected_audit()
        if a is None:
            return
        dlg = FindingDialog(self.repo, a, None, self)
        if dlg.exec():
            self._changed(a.programme_id, a.id, dlg.saved.id)

    def edit_finding(self) -> None:
        a, f = self.selected_audit(), self.selected_finding()
        if a is not None and f is not None and FindingDialog(self.repo, a, f, self).exec():
            self._changed(a.programme_id, a.id, f.id)

    def delete_finding(self) -> None:
        a, f = self.selected_audit(), self.selected_finding()
        if f is None or not confirm(self, self.tr("Delete this finding?"), danger=True):
            return
        try:
            self.repo.remove_finding(f.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed(a.programme_id, a.id)

    def open_nc(self) -> None:
        a, f = self.selected_audit(), self.selected_finding()
        if f is None:
            return
        try:
            nc = NonconformityRepository(self.ctx.store).add_from_finding(f.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed(a.programme_id, a.id, f.id)
        show_info(self, self.tr("Nonconformity %1 was opened. Plan its corrective action in the "
                                "Nonconformities tab.").replace("%1", nc.code))

    def show_nc(self) -> None:
        f = self.selected_finding()
        if f is not None and f.nc_id:
            self.ctx.navigate.emit(f"records/nc#{f.nc_id}")
