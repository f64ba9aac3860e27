"""The 2008 → 2015 conversion plan: milestones in a table and on a timeline; overdue ones in red;
evidence linked to minutes, documents, audits and reviews."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.iso.plan import EVIDENCE_KINDS, STATUSES, PlanItem, PlanRepository

from ..common import confirm, fit_to_screen, show_error, show_info
from ..flow import FlowLayout
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import (
    GREEN_TEXT, RED, RED_TEXT, DateEdit, FormDialog, TextEdit, date_text, iso_key, select_where,
    selected_item,
)
from .labels import label
from .timeline import PlanTimeline

EVIDENCE_PARTS = {"document": "documents", "audit": "audits", "review": "reviews"}


class PlanItemDialog(FormDialog):
    def __init__(self, repo: PlanRepository, item: PlanItem | None = None, parent=None):
        super().__init__(self.tr("Edit milestone") if item else self.tr("New milestone"), parent,
                         width=600)
        self.repo = repo
        self.item = item
        i = item
        self.seq = QSpinBox()
        self.seq.setRange(0, 999)
        self.seq.setSpecialValueText(self.tr("next"))
        self.seq.setValue(i.seq if i else 0)
        self.add("seq", self.tr("No.:"), self.seq)
        self.title_edit = self.add("title", self.tr("Milestone:"), QLineEdit(i.title if i else ""))
        self.description = self.add("description", self.tr("Description:"),
                                    TextEdit(i.description if i else ""))
        self.due = self.add("due_on", self.tr("Due date:"), DateEdit(i.due_on if i else None))
        self.responsible = self.add("responsible", self.tr("Responsible:"),
                                    QLineEdit(i.responsible if i else ""))
        self.status = QComboBox()
        for code in STATUSES:
            self.status.addItem(label("plan_status", code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(i.status if i else "pending")))
        self.add("status", self.tr("Status:"), self.status)
        self.completed = self.add("completed_on", self.tr("Done on:"),
                                  DateEdit(i.completed_on if i else None))
        self.note = self.add("note", self.tr("Note:"), TextEdit(i.note if i else ""))
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.finish()

    def _status_changed(self, *_args) -> None:
        done = self.status.currentData() == "done"
        self.completed.setEnabled(done)
        if done and not self.completed.value():
            self.completed.set_date(_dt.date.today())

    def on_save(self):
        values = {"seq": self.seq.value() or None, "title": self.title_edit.text(),
                  "description": self.description.value(), "due_on": self.due.value(),
                  "responsible": self.responsible.text(), "status": self.status.currentData(),
                  "completed_on": self.completed.value(), "note": self.note.value()}
        if self.item is None:
            return self.repo.add(values)
        return self.repo.update(self.item.id, values, expected_version=self.item.version)


class DoneDialog(FormDialog):
    def __init__(self, repo: PlanRepository, item: PlanItem, parent=None):
        super().__init__(self.tr("Mark as done: %1").replace("%1", item.title), parent)
        self.repo = repo
        self.item = item
        self.when = self.add("completed_on", self.tr("Done on:"), DateEdit(_dt.date.today()))
        self.finish(self.tr("Mark as done"))

    def on_save(self):
        return self.repo.set_status(self.item.id, "done", self.when.value())


class EvidenceDialog(QDialog):
    """The evidence of one milestone: what is linked, linking more, unlinking, opening."""

    def __init__(self, repo: PlanRepository, item: PlanItem, ctx, editable: bool, parent=None):
        super().__init__(parent)
        self.repo = repo
        self.item = item
        self.ctx = ctx
        self.editable = editable
        self.changed = False
        self.setWindowTitle(self.tr("Evidence: %1").replace("%1", item.title))
        fit_to_screen(self, 640, 420)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("evidence_list")
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.open_btn = QPushButton(self.tr("Show it"))
        self.open_btn.setObjectName("evidence_open")
        self.open_btn.clicked.connect(self.open_selected)
        row.addWidget(self.open_btn)
        self.unlink_btn = QPushButton(self.tr("Unlink"))
        self.unlink_btn.setObjectName("evidence_unlink")
        self.unlink_btn.clicked.connect(self.unlink)
        self.unlink_btn.setVisible(editable)
        row.addWidget(self.unlink_btn)
        row.addStretch(1)
        layout.addLayout(row)
        add = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("evidence_kind")
        for code in EVIDENCE_KINDS:
            self.kind.addItem(label("evidence", code), code)
        self.target = QComboBox()
        self.target.setObjectName("evidence_target")
        self.target.setMinimumWidth(280)
        self.free_label = QLineEdit()
        self.free_label.setObjectName("evidence_label")
        self.free_label.setPlaceholderText(self.tr("number and date of the minutes"))
        self.link_btn = QPushButton(self.tr("Link"))
        self.link_btn.setObjectName("evidence_link")
        self.link_btn.clicked.connect(self.link)
        for w in (self.kind, self.target, self.free_label, self.link_btn):
            w.setVisible(editable)
            add.addWidget(w)
        layout.addLayout(add)
        self.error = QLabel()
        self.error.setObjectName("evidence_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.kind.currentIndexChanged.connect(self._fill_targets)
        self._fill_targets()
        self.reload()

    def _fill_targets(self, *_args) -> None:
        self.target.clear()
        candidates = self.repo.candidates(self.kind.currentData())
        for target_id, text in candidates:
            self.target.addItem(text, target_id)
        free = self.kind.currentData() == "minutes" and not candidates
        self.target.setVisible(not free and self.editable)
        self.free_label.setVisible(free and self.editable)

    def reload(self) -> None:
        self.item = self.repo.get(self.item.id)
        self.list.clear()
        for e in self.item.evidence:
            text = f"{label('evidence', e.kind)}: {e.label}"
            if not e.found and e.kind != "minutes":
                text += " " + self.tr("(no longer here)")
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, e)
            self.list.addItem(entry)

    def _selected(self):
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def link(self) -> None:
        kind = self.kind.currentData()
        free = not self.target.isVisibleTo(self)
        target = self.free_label.text().strip() if free else self.target.currentData()
        try:
            self.repo.link(self.item.id, kind, target or "",
                           self.free_label.text() if free else "")
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.error.clear()
        self.free_label.clear()
        self.changed = True
        self.reload()

    def unlink(self) -> None:
        e = self._selected()
        if e is None:
            return
        self.repo.unlink(e.id)
        self.changed = True
        self.reload()

    def open_selected(self) -> None:
        e = self._selected()
        if e is None:
            return
        part = EVIDENCE_PARTS.get(e.kind)
        self.accept()
        self.ctx.navigate.emit(f"records/{part}#{e.target_id}" if part
                               else f"minutes/#{e.target_id}")


class LoadPlanDialog(FormDialog):
    def __init__(self, repo: PlanRepository, parent=None):
        super().__init__(self.tr("Load a starting plan"), parent, width=640)
        self.repo = repo
        self.set_intro(self.tr("The milestones of the chosen set are copied into the plan; then "
                               "set the unit's own dates and who is responsible."))
        self.sets = QComboBox()
        self.sets.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sets.setMinimumContentsLength(40)
        for s in repo.template_sets():
            text = (self.tr("%1 — %n milestone(s) (from %3)", "", len(s["milestones"]))
                    .replace("%1", s["set_title"]).replace("%3", s["origin_name"]))
            self.sets.addItem(text, (s["set_code"], s["origin_unit"]))
            self.sets.setItemData(self.sets.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        view = self.sets.view()
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setMinimumWidth(min(900, view.sizeHintForColumn(0) + 30))
        self.add("set", self.tr("Milestone set:"), self.sets)
        self.set_name = QLabel()
        self.set_name.setObjectName("set_full_name")
        self.set_name.setWordWrap(True)
        self.set_name.setStyleSheet("color: #555;")
        self.form.addRow("", self.set_name)
        self.sets.currentIndexChanged.connect(self._show_name)
        self._show_name()
        self.start = self.add("start", self.tr("First milestone due on:"), DateEdit())
        self.start.setToolTip(self.tr("Leave empty to keep the dates of the set. With a date, "
                                      "the other milestones move with it and keep their gaps."))
        self.finish(self.tr("Load"))

    def _show_name(self, *_args) -> None:
        self.set_name.setText(self.sets.currentText())
        self.sets.setToolTip(self.sets.currentText())

    def on_save(self):
        code, origin = self.sets.currentData()
        return self.repo.load_template_set(code, origin, start=self.start.value() or None)


class PublishDialog(FormDialog):
    """A province sends its plan down as a milestone set its districts can load."""

    def __init__(self, repo: PlanRepository, parent=None):
        super().__init__(self.tr("Send the plan to the units below"), parent)
        self.repo = repo
        self.set_intro(self.tr("The milestones of this plan become a set the units below can "
                               "load as their starting plan. Sending again under the same code "
                               "replaces the set."))
        year = _dt.date.today().year
        self.code = self.add("set_code", self.tr("Code of the set:"), QLineEdit(f"KH-{year}"))
        self.title_edit = self.add("set_title", self.tr("Name of the set:"), QLineEdit())
        self.finish(self.tr("Send"))

    def on_save(self):
        return self.repo.publish_template_set(self.code.text(), self.title_edit.text())


class PlanTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = PlanRepository(ctx.store)
        self.editable = editable = ctx.can("edit_records")
        self.today = _dt.date.today()
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("plan_summary")
        self.summary.setStyleSheet("font-size: 13pt;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        bar = FlowLayout()   # wraps on a narrow screen
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot, show in (
                ("plan_load", self.tr("Load starting plan…"), self.load_plan, editable),
                ("plan_add", self.tr("Add…"), self.add_item, editable),
                ("plan_edit", self.tr("Edit…"), self.edit_item, editable),
                ("plan_done", self.tr("Mark done…"), self.mark_done, editable),
                ("plan_evidence", self.tr("Evidence…"), self.evidence, True),
                ("plan_delete", self.tr("Delete"), self.delete_item, editable),
                ("plan_publish", self.tr("Send to the units below…"), self.publish,
                 editable and bool(ctx.profile and ctx.profile.is_province))):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(show)
            bar.addWidget(btn)
            self.buttons[name] = btn
        layout.addLayout(bar)

        self.model = ItemsModel([
            Column(self.tr("No."), lambda i: str(i.seq), lambda i: i.seq, align_right=True),
            Column(self.tr("Milestone"), lambda i: i.title),
            Column(self.tr("Due"), lambda i: date_text(i.due_on), lambda i: iso_key(i.due_on)),
            Column(self.tr("Responsible"), lambda i: i.responsible),
            Column(self.tr("Status"), self._status_text, lambda i: (
                0 if i.overdue(self.today) else 1 + STATUSES.index(i.status))),
            Column(self.tr("Done on"), lambda i: date_text(i.completed_on),
                   lambda i: iso_key(i.completed_on)),
            Column(self.tr("Evidence"), lambda i: "; ".join(e.label for e in i.evidence)),
        ], self, colour=self._colour, tooltip=lambda i: i.description)
        self.proxy = SearchProxy(lambda i: (i.title, i.responsible), self)
        self.table = make_table("plan_table", self.proxy, source=self.model, stretch=1)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_item() if editable
                                         else self.evidence())
        self.timeline = PlanTimeline()
        self.timeline.current_changed.connect(self._select_id)
        self.timeline.item_activated.connect(self._activate_id)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        rows = self.table.verticalHeader().defaultSectionSize()
        # the table first (seven rows when there is room), the timeline scrolls below it
        splitter.setSizes([self.table.horizontalHeader().sizeHint().height() + rows * 7, 160])
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _status_text(self, item: PlanItem) -> str:
        text = label("plan_status", item.status)
        if item.overdue(self.today):
            days = (self.today - _dt.date.fromisoformat(item.due_on)).days
            return self.tr("%1 — overdue %n day(s)", "", days).replace("%1", text)
        if item.done_late():
            return self.tr("%1 (late)").replace("%1", text)
        return text

    def _colour(self, item: PlanItem):
        if item.overdue(self.today):
            return RED, RED_TEXT
        if item.status == "done":
            return None, GREEN_TEXT
        return None, None

    def reload(self) -> None:
        self.today = _dt.date.today()
        items = self.repo.items()
        self.model.set_items(items)
        self.timeline.set_items(sorted(items, key=lambda i: (i.seq, i.due_on)), self.today)
        done = sum(1 for i in items if i.status == "done")
        overdue = sum(1 for i in items if i.overdue(self.today))
        if not items:
            text = self.tr("The plan is empty. Load the starting plan of the conversion "
                           "(appendix III of the VSS plan) or add milestones.")
        else:
            text = self.tr("%1 of %n milestone(s) done", "", len(items)).replace("%1", str(done))
            if overdue:
                text += " · <span style='color:#b00020; font-weight:bold'>" + \
                    self.tr("%1 overdue").replace("%1", str(overdue)) + "</span>"
        self.summary.setText(text)
        self._selection_changed()

    def selected(self) -> PlanItem | None:
        return selected_item(self.table, self.model, self.proxy)

    def select_id(self, item_id: str) -> None:
        self._select_id(item_id)

    def _select_id(self, item_id: str) -> None:
        select_where(self.table, self.model, self.proxy, lambda i: i.id == item_id)

    def _activate_id(self, item_id: str) -> None:
        self._select_id(item_id)
        if self.editable:
            self.edit_item()
        else:
            self.evidence()

    def _selection_changed(self, *_args) -> None:
        item = self.selected()
        for name in ("plan_edit", "plan_evidence", "plan_delete"):
            self.buttons[name].setEnabled(item is not None)
        self.buttons["plan_done"].setEnabled(item is not None and item.status != "done")
        if item is not None:
            self.timeline.select_id(item.id)

    def _changed(self, item_id=None) -> None:
        self.ctx.announce_changes()
        self.reload()
        if item_id:
            self._select_id(item_id)

    def load_plan(self) -> None:
        if LoadPlanDialog(self.repo, self).exec():
            self._changed()

    def add_item(self) -> None:
        dlg = PlanItemDialog(self.repo, None, self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_item(self) -> None:
        item = self.selected()
        if item is not None and PlanItemDialog(self.repo, item, self).exec():
            self._changed(item.id)

    def mark_done(self) -> None:
        item = self.selected()
        if item is not None and DoneDialog(self.repo, item, self).exec():
            self._changed(item.id)

    def evidence(self) -> None:
        item = self.selected()
        if item is None:
            return
        dlg = EvidenceDialog(self.repo, item, self.ctx, self.editable, self)
        dlg.exec()
        if dlg.changed:
            self._changed(item.id)

    def publish(self) -> None:
        dlg = PublishDialog(self.repo, self)
        if dlg.exec():
            self.ctx.announce_changes()
            show_info(self, self.tr("The plan was saved as the milestone set %1; the units below "
                                    "receive it with the next sync.")
                      .replace("%1", dlg.saved["set_code"]))

    def delete_item(self) -> None:
        item = self.selected()
        if item is None or not confirm(self, self.tr("Delete the milestone \"%1\"?")
                                       .replace("%1", item.title), danger=True):
            return
        try:
            self.repo.remove(item.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed()
