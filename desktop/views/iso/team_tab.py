"""The ISO team: members (from the roster or outside), the decision that set it up, and the list
VSS asks for in Excel and PDF."""
from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from desktop.output.iso.team_list import (
    export_team_pdf, export_team_xlsx, team_list_data, team_story,
)
from desktop.models.errors import IsoDeskError
from desktop.models.iso.team import ROLES, TeamMember, TeamRepository, member_sort_key
from desktop.models.staff import StaffRepository
from desktop.models.vntext import person_sort_key

from ..common import confirm, show_error, show_info
from ..operation import run_operation
from ..files import save_file
from ..flow import FlowLayout
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import DateEdit, FormDialog, TextEdit, date_text, select_where, selected_item
from .labels import label


def role_combo(current: str = "member") -> QComboBox:
    combo = QComboBox()
    for code in ROLES:
        combo.addItem(label("role", code), code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class MemberDialog(FormDialog):
    """Add someone from outside the roster, or edit any member."""

    def __init__(self, repo: TeamRepository, member: TeamMember | None = None, parent=None):
        super().__init__(self.tr("Edit team member") if member else
                         self.tr("Add a member from outside the unit"), parent)
        self.repo = repo
        self.member = member
        m = member
        self.full_name = self.add("full_name", self.tr("Full name:"),
                                  QLineEdit(m.full_name if m else ""))
        self.position = self.add("position", self.tr("Position:"),
                                 QLineEdit(m.position if m else ""))
        self.work_unit = self.add("work_unit", self.tr("Unit:"),
                                  QLineEdit(m.work_unit if m else ""))
        self.work_unit.setPlaceholderText(self.tr("e.g. the consultant's company"))
        self.phone = self.add("phone", self.tr("Phone:"), QLineEdit(m.phone if m else ""))
        self.email = self.add("email", self.tr("Email:"), QLineEdit(m.email if m else ""))
        self.role = self.add("role", self.tr("Role in the team:"),
                             role_combo(m.role if m else "member"))
        self.duties = self.add("duties", self.tr("Duties:"), TextEdit(m.duties if m else ""))
        if m and m.staff_id:
            self.set_intro(self.tr("This member is on the staff roster; \"Refresh from roster\" "
                                   "copies the roster's name, position and phone again."))
        self.finish()

    def on_save(self):
        values = {"full_name": self.full_name.text(), "position": self.position.text(),
                  "work_unit": self.work_unit.text(), "phone": self.phone.text(),
                  "email": self.email.text(), "role": self.role.currentData(),
                  "duties": self.duties.value()}
        if self.member is None:
            return self.repo.add(values)
        return self.repo.update(self.member.id, values, expected_version=self.member.version)


class RosterMemberDialog(FormDialog):
    """Add a person of the staff roster: pick them, give the role."""

    def __init__(self, repo: TeamRepository, store, parent=None):
        super().__init__(self.tr("Add a member from the staff roster"), parent)
        self.repo = repo
        taken = {m.staff_id for m in repo.members() if m.staff_id}
        self.people = [p for p in StaffRepository(store).list(include_inactive=False)
                       if p.id not in taken]
        self.people.sort(key=lambda p: person_sort_key(p.full_name))
        self.search = QLineEdit()
        self.search.setObjectName("roster_search")
        self.search.setPlaceholderText(self.tr("Type to find (accents optional)"))
        self.form.addRow(self.tr("Find:"), self.search)
        self.person = self.add("staff_id", self.tr("Staff member:"), QComboBox())
        self.role = self.add("role", self.tr("Role in the team:"), role_combo())
        self.duties = self.add("duties", self.tr("Duties:"), TextEdit())
        self.search.textChanged.connect(self._fill)
        self._fill()
        if not self.people:
            self.set_intro(self.tr("Everyone on the roster is already in the team, or the roster "
                                   "is empty (see Staff)."))
        self.finish(self.tr("Add"))

    def _fill(self) -> None:
        from desktop.models.vntext import matches

        self.person.clear()
        for p in self.people:
            if matches(self.search.text(), p.full_name, p.staff_code, p.department):
                self.person.addItem(f"{p.full_name} — {p.position or p.department} "
                                    f"({p.staff_code})", p.id)

    def on_save(self):
        staff_id = self.person.currentData()
        if not staff_id:
            from desktop.models.errors import ValidationError

            raise ValidationError({"staff_id": self.tr("Choose a staff member.")})
        return self.repo.add({"staff_id": staff_id, "role": self.role.currentData(),
                              "duties": self.duties.value()})


class DecisionDialog(FormDialog):
    def __init__(self, repo: TeamRepository, decision=None, parent=None):
        super().__init__(self.tr("Decision setting up the team"), parent)
        self.repo = repo
        self.decision = decision
        d = decision
        self.number = self.add("number", self.tr("Decision number:"),
                               QLineEdit(d.number if d else ""))
        self.number.setPlaceholderText(self.tr("e.g. 112/QĐ-BHXH"))
        self.signed_on = self.add("signed_on", self.tr("Signed on:"),
                                  DateEdit(d.signed_on if d else None))
        self.signer = self.add("signer", self.tr("Signed by:"), QLineEdit(d.signer if d else ""))
        self.summary = self.add("summary", self.tr("Summary:"), TextEdit(d.summary if d else ""))
        self.finish()

    def on_save(self):
        values = {"number": self.number.text(), "signed_on": self.signed_on.value(),
                  "signer": self.signer.text(), "summary": self.summary.value()}
        if self.decision is None:
            return self.repo.add_decision(values)
        return self.repo.update_decision(self.decision.id, values)


class TeamTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = TeamRepository(ctx.store)
        editable = ctx.can("edit_records")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.decision_label = QLabel()
        self.decision_label.setObjectName("team_decision")
        self.decision_label.setWordWrap(True)
        top.addWidget(self.decision_label, 1)
        self.decision_btn = self._button(top, "record_decision", self.tr("Record a decision…"),
                                         self.record_decision, editable)
        self.edit_decision_btn = self._button(top, "edit_decision", self.tr("Correct it…"),
                                              self.edit_decision, editable)
        layout.addLayout(top)

        bar = FlowLayout()   # wraps on a narrow screen
        self.search = QLineEdit()
        self.search.setObjectName("team_search")
        self.search.setPlaceholderText(self.tr("Search by name, position or unit"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 32)
        bar.addWidget(self.search)
        self._button(bar, "add_from_roster", self.tr("Add from roster…"), self.add_from_roster,
                     editable)
        self._button(bar, "add_external", self.tr("Add from outside…"), self.add_external,
                     editable)
        self.edit_btn = self._button(bar, "edit_member", self.tr("Edit…"), self.edit_member,
                                     editable)
        self.refresh_btn = self._button(bar, "refresh_member", self.tr("Refresh from roster"),
                                        self.refresh_member, editable)
        self.remove_btn = self._button(bar, "remove_member", self.tr("Remove"),
                                       self.remove_member, editable)
        layout.addLayout(bar)

        self.model = ItemsModel([
            Column(self.tr("Role"), lambda m: label("role", m.role),
                   lambda m: member_sort_key(m)),
            Column(self.tr("Full name"), lambda m: m.full_name, lambda m: person_sort_key(
                m.full_name)),
            Column(self.tr("Position"), lambda m: m.position),
            Column(self.tr("Unit"), lambda m: m.work_unit),
            Column(self.tr("Phone"), lambda m: m.phone),
            Column(self.tr("Email"), lambda m: m.email),
            Column(self.tr("From"), self._origin_text),
        ], self, colour=lambda m: ("#fff3cd", None) if m.has_left
            else (None, "#555555") if m.external else (None, None))
        self.proxy = SearchProxy(lambda m: (m.full_name, m.position, m.work_unit), self)
        self.table = make_table("team_table", self.proxy, source=self.model, stretch=1)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_member() if editable else None)
        layout.addWidget(self.table, 1)

        bottom = FlowLayout()   # wraps on a narrow screen
        self.count = QLabel()
        self.count.setObjectName("team_count")
        bottom.addWidget(self.count)
        bottom.add_stretch()
        self.as_attachment = QCheckBox(self.tr("As the attachment of the decision"))
        self.as_attachment.setObjectName("team_as_attachment")
        self.as_attachment.setToolTip(self.tr(
            "Printed under “(Kèm theo Quyết định số …)”, without a number, date or signature of "
            "its own. Otherwise the list is a document of its own, with its number line, "
            "signature and recipients, to send to VSS."))
        bottom.addWidget(self.as_attachment)
        self._button(bottom, "team_preview", self.tr("Preview the list…"), self.preview, True)
        self._button(bottom, "team_export_xlsx", self.tr("Export to Excel…"),
                     lambda: self.export("xlsx"), True)
        self._button(bottom, "team_export_pdf", self.tr("Export to PDF…"),
                     lambda: self.export("pdf"), True)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self.proxy.set_query)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _origin_text(self, m: TeamMember) -> str:
        if m.external:
            return self.tr("outside the unit")
        if m.has_left:
            return self.tr("staff roster — no longer working here")
        return self.tr("staff roster")

    def _button(self, bar, name, text, slot, visible) -> QPushButton:
        btn = QPushButton(text)
        btn.setObjectName(name)
        btn.clicked.connect(lambda _checked=False: slot())
        btn.setVisible(visible)
        bar.addWidget(btn)
        return btn

    def reload(self) -> None:
        self.model.set_items(self.repo.members())
        decision = self.repo.current_decision()
        if decision:
            text = self.tr("Set up by decision No. %1 of %2").replace("%1", decision.number)\
                .replace("%2", date_text(decision.signed_on))
            if decision.signer:
                text += self.tr(", signed by %1").replace("%1", decision.signer)
        else:
            text = self.tr("No decision setting up the team has been recorded yet.")
        self.decision_label.setText(f"<b>{text}</b>")
        self.edit_decision_btn.setEnabled(decision is not None)
        self.as_attachment.setEnabled(decision is not None)   # an attachment of what, else?
        if decision is None:
            self.as_attachment.setChecked(False)
        n = len(self.model.items)
        text = self.tr("%n member(s)", "", n)
        left = sum(1 for m in self.model.items if m.has_left)
        if left:
            text += " — " + self.tr("%1 no longer working at the unit").replace("%1", str(left))
        self.count.setText(text)
        self._selection_changed()

    def selected(self) -> TeamMember | None:
        return selected_item(self.table, self.model, self.proxy)

    def _selection_changed(self, *_args) -> None:
        m = self.selected()
        self.edit_btn.setEnabled(m is not None)
        self.remove_btn.setEnabled(m is not None)
        self.refresh_btn.setEnabled(m is not None and not m.external)

    def _changed(self, member_id: str | None = None) -> None:
        self.ctx.announce_changes()
        self.reload()
        if member_id:
            select_where(self.table, self.model, self.proxy, lambda m: m.id == member_id)

    def add_from_roster(self) -> None:
        dlg = RosterMemberDialog(self.repo, self.ctx.store, self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def add_external(self) -> None:
        dlg = MemberDialog(self.repo, None, self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_member(self) -> None:
        m = self.selected()
        if m is None:
            return
        dlg = MemberDialog(self.repo, m, self)
        if dlg.exec():
            self._changed(m.id)

    def refresh_member(self) -> None:
        m = self.selected()
        if m is None:
            return
        try:
            self.repo.refresh_from_roster(m.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed(m.id)

    def remove_member(self) -> None:
        m = self.selected()
        if m is None or not confirm(self, self.tr("Remove %1 from the team?")
                                    .replace("%1", m.full_name), danger=True):
            return
        try:
            self.repo.remove(m.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed()

    def record_decision(self) -> None:
        if DecisionDialog(self.repo, None, self).exec():
            self._changed()

    def edit_decision(self) -> None:
        decision = self.repo.current_decision()
        if decision and DecisionDialog(self.repo, decision, self).exec():
            self._changed()

    # --- the list for VSS -------------------------------------------------------------------

    def export(self, kind: str, path: str | None = None) -> None:
        if path is None:
            name = "danh-sach-to-iso." + kind
            filt = self.tr("Excel files (*.xlsx)") if kind == "xlsx" else self.tr(
                "PDF files (*.pdf)")
            path = save_file(self, self.tr("Export the ISO team list"), "team-list", name, filt)
        if not path:
            return
        data = team_list_data(self.ctx.store, attachment=self.as_attachment.isChecked())
        try:
            data.check_exportable()
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        left = data.members_who_left
        if left and not confirm(self, self.tr(
                "The list includes %n people who no longer work at the unit: %2. Remove them "
                "from the team (and record the decision) before sending the list. Export it "
                "anyway?", "", len(left)).replace(
                    "%2", ", ".join(m.full_name for m in left)),
                yes=self.tr("Export anyway"), no=self.tr("Cancel"), danger=True):
            return
        writer = export_team_xlsx if kind == "xlsx" else export_team_pdf
        run_operation(self, lambda _job: writer(Path(path), data),
                      lambda _r: show_info(self, self.tr("Saved %1").replace("%1", str(path))),
                      text=self.tr("Writing the list…"))

    def preview(self) -> None:
        from desktop.output.pdf import build_official_pdf

        from ..pdf_preview import PdfPreviewDialog

        data = team_list_data(self.ctx.store, _dt.date.today(),
                              attachment=self.as_attachment.isChecked())
        buf = io.BytesIO()
        try:
            build_official_pdf(buf, team_story(data), title=data.title)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.preview_dialog = PdfPreviewDialog(buf.getvalue(), self.tr("ISO team list"),
                                               "danh-sach-to-iso.pdf", self)
        self.preview_dialog.open()
