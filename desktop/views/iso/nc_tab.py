"""Nonconformities and corrective actions, with their stages shown as steps and one button for
the next step (the model refuses a step whose conditions are not met)."""
from __future__ import annotations

import datetime as _dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout,
    QWidget,
)

from desktop.models.errors import IsoDeskError
from desktop.models.iso.audits import AuditRepository
from desktop.models.iso.nonconformities import (
    STAGES, Nonconformity, NonconformityRepository, next_stage,
)

from ..common import confirm, show_error
from ..flow import FlowLayout
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import (
    GREEN_TEXT, GREY_TEXT, RED, RED_TEXT, date_text, iso_key, select_where, selected_item,
)
from .labels import label
from .nc_dialogs import NcDialog, StepDialog


class StageSteps(QWidget):
    """The five stages in a row; those passed in green, the current one highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = FlowLayout(self, spacing=4)   # wraps on a narrow screen
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels = []
        for i, stage in enumerate(STAGES):
            if i:
                arrow = QLabel("→")
                arrow.setStyleSheet(f"color: {GREY_TEXT};")
                layout.addWidget(arrow)
            lab = QLabel(label("nc_stage", stage))
            lab.setObjectName(f"step_{stage}")
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(lab)
            layout.addWidget(lab)

    def set_stage(self, stage: str | None) -> None:
        current = STAGES.index(stage) if stage in STAGES else -1
        for i, lab in enumerate(self.labels):
            if i < current or (i == current and stage == "closed"):
                style = f"color: white; background: {GREEN_TEXT};"
            elif i == current:
                style = "color: white; background: #1f5fa8; font-weight: bold;"
            else:
                style = f"color: {GREY_TEXT}; background: #eef1f5;"
            lab.setStyleSheet(style + " padding: 4px 8px; border-radius: 4px;")


class NcTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = NonconformityRepository(ctx.store)
        self.editable = editable = ctx.can("edit_records")
        self.today = _dt.date.today()
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("nc_search")
        self.search.setPlaceholderText(self.tr("Search by code, description, department or "
                                               "responsible person"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 2)
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("nc_filter")
        self.stage_filter.addItem(self.tr("All"), "all")
        self.stage_filter.addItem(self.tr("Not closed"), "open")
        self.stage_filter.addItem(self.tr("Overdue"), "overdue")
        for stage in STAGES:
            self.stage_filter.addItem(label("nc_stage", stage), stage)
        filters.addWidget(self.stage_filter)
        self.year = QComboBox()
        self.year.setObjectName("nc_year")
        filters.addWidget(self.year)
        layout.addLayout(filters)

        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("nc_add", self.tr("New…"), self.add_nc),
                                 ("nc_edit", self.tr("Edit…"), self.edit_nc),
                                 ("nc_step", self.tr("Next step…"), self.next_step),
                                 ("nc_delete", self.tr("Delete"), self.delete_nc)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(editable)
            bar.addWidget(btn)
            self.buttons[name] = btn
        bar.addStretch(1)
        layout.addLayout(bar)

        self.model = ItemsModel([
            Column(self.tr("Code"), lambda n: n.code, lambda n: n.code),
            Column(self.tr("Found on"), lambda n: date_text(n.detected_on),
                   lambda n: n.detected_on),
            Column(self.tr("Description"), lambda n: " ".join(n.description.split())),
            Column(self.tr("Department"), lambda n: n.department),
            Column(self.tr("Responsible"), lambda n: n.owner),
            Column(self.tr("Due"), lambda n: date_text(n.due_on), lambda n: iso_key(n.due_on)),
            Column(self.tr("Stage"), self._stage_text, lambda n: STAGES.index(n.stage)),
            Column(self.tr("Closed on"), lambda n: date_text(n.closed_on),
                   lambda n: iso_key(n.closed_on)),
        ], self, colour=self._colour, tooltip=lambda n: n.description)
        self.proxy = SearchProxy(lambda n: (n.code, n.description, n.department, n.owner),
                                       self)
        self.table = make_table("nc_table", self.proxy, source=self.model, stretch=2)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_nc() if editable else None)

        detail = QFrame()
        detail.setFrameShape(QFrame.Shape.StyledPanel)
        dl = QVBoxLayout(detail)
        self.steps = StageSteps()
        dl.addWidget(self.steps)
        self.detail = QLabel()
        self.detail.setObjectName("nc_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        dl.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([380, 260])
        layout.addWidget(splitter, 1)
        self.count = QLabel()
        self.count.setObjectName("nc_count")
        layout.addWidget(self.count)

        self.search.textChanged.connect(self._filter)
        self.stage_filter.currentIndexChanged.connect(self._filter)
        self.year.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _stage_text(self, n: Nonconformity) -> str:
        text = label("nc_stage", n.stage)
        if n.overdue(self.today):
            text = self.tr("%1 — overdue").replace("%1", text)
        return text

    def _colour(self, n: Nonconformity):
        if n.overdue(self.today):
            return RED, RED_TEXT
        if n.stage == "closed":
            return None, GREY_TEXT
        return None, None

    # --- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.today = _dt.date.today()
        items = self.repo.list()
        self.model.set_items(items)
        keep = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for y in sorted({n.detected_on[:4] for n in items}, reverse=True):
            self.year.addItem(y, y)
        self.year.setCurrentIndex(max(0, self.year.findData(keep)))
        self.year.blockSignals(False)
        self._filter()
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)

    def set_filter(self, key: str) -> None:
        self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(key)))

    def _filter(self, *_args) -> None:
        key, year = self.stage_filter.currentData(), self.year.currentData()

        def keep(n: Nonconformity) -> bool:
            if year and n.detected_on[:4] != year:
                return False
            if key == "open":
                return n.is_open
            if key == "overdue":
                return n.overdue(self.today)
            return key == "all" or n.stage == key

        self.proxy.set_predicate(keep)
        self.proxy.set_query(self.search.text())
        items = self.model.items
        self.count.setText(self.tr("Showing %1 of %2 — not closed: %3, overdue: %4")
                           .replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(len(items)))
                           .replace("%3", str(sum(1 for n in items if n.is_open)))
                           .replace("%4", str(sum(1 for n in items if n.overdue(self.today)))))
        self._selection_changed()

    def selected(self) -> Nonconformity | None:
        return selected_item(self.table, self.model, self.proxy)

    def select_id(self, nc_id: str) -> None:
        if not select_where(self.table, self.model, self.proxy, lambda n: n.id == nc_id):
            self.set_filter("all")
            self.search.clear()
            select_where(self.table, self.model, self.proxy, lambda n: n.id == nc_id)

    def _selection_changed(self, *_args) -> None:
        n = self.selected()
        self.steps.set_stage(n.stage if n else None)
        self.buttons["nc_edit"].setEnabled(n is not None and n.stage != "closed")
        self.buttons["nc_delete"].setEnabled(n is not None and n.stage == "open")
        step_text = {"planned": self.tr("Revise the plan…") if n and n.awaiting_revision
                     else self.tr("Plan corrective action…"),
                     "in_progress": self.tr("Start the work…"),
                     "verified": self.tr("Check effectiveness…"),
                     "closed": self.tr("Close…")}
        step = next_stage(n) if n else None
        self.buttons["nc_step"].setEnabled(step is not None)
        self.buttons["nc_step"].setText(step_text.get(step, self.tr("Next step…")))
        self.detail.setText(self._detail_html(n) if n else
                            self.tr("Select a nonconformity to see its details."))

    def _detail_html(self, n: Nonconformity) -> str:
        rows = [(self.tr("Source"), label("nc_source", n.source)),
                (self.tr("Found on"), date_text(n.detected_on)),
                (self.tr("Description"), n.description),
                (self.tr("Immediate correction"), n.correction),
                (self.tr("Cause"), n.cause),
                (self.tr("Corrective action"), n.corrective_action),
                (self.tr("Responsible"), n.owner),
                (self.tr("Due date"), date_text(n.due_on)),
                (self.tr("Plan made on"), date_text(n.planned_on)),
                (self.tr("Work started on"), date_text(n.started_on)),
                (self.tr("Effectiveness check"), n.effectiveness),
                (self.tr("Checked by / on"), " ".join(x for x in (n.checked_by,
                                                                 date_text(n.checked_on)) if x)),
                (self.tr("Closed on"), date_text(n.closed_on))]
        body = "".join(f"<tr><td style='color:#555; padding-right:12px'>{escape(k)}</td>"
                       f"<td>{escape(v).replace(chr(10), '<br>')}</td></tr>"
                       for k, v in rows if v)
        head = f"<b>{escape(n.code)}</b>"
        if n.overdue(self.today):
            head += f" <span style='color:{RED_TEXT}; font-weight:bold'>" + \
                escape(self.tr("overdue")) + "</span>"
        if n.awaiting_revision:
            head += f" <span style='color:{RED_TEXT}'>" + escape(self.tr(
                "the action was not effective: revise the plan")) + "</span>"
        return f"{head}<table>{body}</table>{self._plans_html(n)}"

    def _plans_html(self, n: Nonconformity) -> str:
        """The plans a check found not effective, each with its dates (the history)."""
        earlier = [p for p in self.repo.plans(n.id) if not p.current]
        if not earlier:
            return ""
        items = []
        for p in earlier:
            title = self.tr("Plan %1").replace("%1", str(p.round))
            due = self.tr("due %1").replace("%1", date_text(p.due_on) or "—")
            dates = self.tr("planned %1, started %2, checked %3 by %4") \
                .replace("%1", date_text(p.planned_on) or "—") \
                .replace("%2", date_text(p.started_on) or "—") \
                .replace("%3", date_text(p.checked_on) or "—").replace("%4", p.checked_by)
            failed = self.tr("not effective:")
            items.append(f"<li><b>{escape(title)}</b>: {escape(p.corrective_action)} "
                         f"({escape(p.owner)}; {escape(due)})<br>{escape(dates)}<br>"
                         f"<i>{escape(failed)} {escape(p.result)}</i></li>")
        return ("<p><b>" + escape(self.tr("Earlier plans, found not effective")) + "</b></p><ul>"
                + "".join(items) + "</ul>")

    def _changed(self, nc_id=None) -> None:
        self.ctx.announce_changes()
        self.reload()
        if nc_id:
            self.select_id(nc_id)

    # --- actions ----------------------------------------------------------------------------

    def _audits(self):
        return AuditRepository(self.ctx.store).audits()

    def add_nc(self) -> None:
        dlg = NcDialog(self.repo, None, self._audits(), self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_nc(self) -> None:
        n = self.selected()
        if n is not None and n.stage != "closed" and NcDialog(self.repo, n, self._audits(),
                                                              self).exec():
            self._changed(n.id)

    def next_step(self) -> None:
        n = self.selected()
        if n is None or n.stage == "closed":
            return
        user = self.ctx.user.full_name if self.ctx.user else ""
        if StepDialog(self.repo, n, self, user_name=user).exec():
            self._changed(n.id)

    def delete_nc(self) -> None:
        n = self.selected()
        if n is None or not confirm(self, self.tr("Delete %1? Use this only for an entry made by "
                                                  "mistake.").replace("%1", n.code), danger=True):
            return
        try:
            self.repo.remove(n.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed()
