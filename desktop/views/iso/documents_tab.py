"""The document register: versions, their life (draft → approved → in force → obsolete), files,
history, and Excel import/export."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.output.iso.documents_xlsx import export_documents, read_documents, write_template
from desktop.models.errors import IsoDeskError
from desktop.models.iso import document_import
from desktop.models.iso.documents import (
    KINDS, STANDARDS, STATES, Document, DocumentRepository, revision_key,
)
from desktop.models.vntext import collation_key

from ..common import confirm, show_error, show_info
from ..operation import run_operation
from ..files import open_file, save_file
from ..flow import FlowLayout
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import (
    GREEN_TEXT, GREY_TEXT, ORANGE_TEXT, date_text, iso_key, select_where, selected_item,
)
from .document_dialogs import (
    DocumentDialog, FilesDialog, HistoryDialog, ImportPreviewDialog, TransitionDialog,
)
from .labels import label

STATE_COLOURS = {"draft": (None, ORANGE_TEXT), "approved": (None, "#1f5fa8"),
                 "in_force": (None, GREEN_TEXT), "obsolete": (None, GREY_TEXT)}


class DocumentsTab(QWidget):
    import_done = Signal(dict)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = DocumentRepository(ctx.store)
        self.editable = editable = ctx.can("edit_records")
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("doc_search")
        self.search.setPlaceholderText(self.tr("Search by code, title, department or approver"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 2)
        self.state = self._filter_combo("doc_state_filter", self.tr("All states"), "doc_state",
                                        STATES)
        self.kind = self._filter_combo("doc_kind_filter", self.tr("All kinds"), "doc_kind", KINDS)
        self.standard = self._filter_combo("doc_standard_filter", self.tr("Both standards"),
                                           "standard", STANDARDS)
        for box in (self.state, self.kind, self.standard):
            filters.addWidget(box)
            box.currentIndexChanged.connect(self._filter)
        layout.addLayout(filters)

        bar = FlowLayout()   # wraps on a narrow screen
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
                ("doc_add", self.tr("New…"), self.add_document),
                ("doc_edit", self.tr("Edit…"), self.edit_document),
                ("doc_approve", self.tr("Approve…"), lambda: self.transition("approved")),
                ("doc_in_force", self.tr("Put in force…"), lambda: self.transition("in_force")),
                ("doc_obsolete", self.tr("Make obsolete…"), lambda: self.transition("obsolete")),
                ("doc_to_draft", self.tr("Back to draft"), self.back_to_draft),
                ("doc_new_version", self.tr("New version"), self.new_version),
                ("doc_delete", self.tr("Delete draft"), self.delete_draft)):
            self.buttons[name] = self._button(bar, name, text, slot, editable)
        self.buttons["doc_files"] = self._button(bar, "doc_files", self.tr("Files…"),
                                                 self.files, True)
        self.buttons["doc_history"] = self._button(bar, "doc_history", self.tr("History…"),
                                                   self.history, True)
        layout.addLayout(bar)

        self.model = ItemsModel([
            Column(self.tr("Code"), lambda d: d.code,
                   lambda d: (collation_key(d.code), revision_key(d.revision))),
            Column(self.tr("Rev."), lambda d: d.revision, lambda d: revision_key(d.revision)),
            Column(self.tr("Title"), lambda d: d.title),
            Column(self.tr("Kind"), lambda d: label("doc_kind", d.kind)),
            Column(self.tr("ISO 9001"), lambda d: d.standard),
            Column(self.tr("State"), self._state_text, lambda d: STATES.index(d.state)),
            Column(self.tr("Approved on"), lambda d: date_text(d.approved_on),
                   lambda d: iso_key(d.approved_on)),
            Column(self.tr("In force from"), lambda d: date_text(d.effective_on),
                   lambda d: iso_key(d.effective_on)),
            Column(self.tr("Department"), lambda d: d.department),
            Column(self.tr("Files"), lambda d: str(len(d.files)) if d.files else "",
                   lambda d: len(d.files), align_right=True),
        ], self, colour=lambda d: STATE_COLOURS.get(d.state, (None, None)),
            tooltip=self._tooltip)
        self.proxy = SearchProxy(lambda d: (d.code, d.title, d.department, d.approver), self)
        self.table = make_table("documents_table", self.proxy, source=self.model, stretch=2)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_document() if editable
                                         else self.history())
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("documents_count")
        self.count.setWordWrap(True)      # on two lines on a narrow screen
        bottom.addWidget(self.count, 1)
        self._button(bottom, "doc_import", self.tr("Import from Excel…"), self.import_excel,
                     editable)
        self._button(bottom, "doc_export", self.tr("Export to Excel…"), self.export_excel, True)
        self._button(bottom, "doc_template", self.tr("Save Excel template…"), self.save_template,
                     True)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _state_text(self, d: Document) -> str:
        if d.state == "obsolete" and d.obsolete_on:
            return self.tr("%1 from %2").replace("%1", label("doc_state", d.state))\
                .replace("%2", date_text(d.obsolete_on))
        return label("doc_state", d.state)

    def _tooltip(self, d: Document) -> str:
        lines = [f"{d.code} ({d.revision}) — {d.title}", label("standard", d.standard)]
        if d.approver:
            lines.append(self.tr("Approved by %1 on %2").replace("%1", d.approver)
                         .replace("%2", date_text(d.approved_on)))
        if d.obsolete_reason:
            lines.append(d.obsolete_reason)
        if d.note:
            lines.append(d.note)
        return "\n".join(lines)

    def _filter_combo(self, name, all_text, group, codes) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(all_text, None)
        for code in codes:
            box.addItem(label(group, code), code)
        return box

    def _button(self, bar, name, text, slot, visible) -> QPushButton:
        btn = QPushButton(text)
        btn.setObjectName(name)
        btn.clicked.connect(lambda _checked=False: slot())
        btn.setVisible(visible)
        bar.addWidget(btn)
        return btn

    # --- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.model.set_items(self.repo.list())
        self._filter()

    def select_id(self, doc_id: str) -> None:
        if not select_where(self.table, self.model, self.proxy, lambda d: d.id == doc_id):
            for box in (self.state, self.kind, self.standard):
                box.setCurrentIndex(0)
            self.search.clear()
            select_where(self.table, self.model, self.proxy, lambda d: d.id == doc_id)

    def set_state_filter(self, state: str | None) -> None:
        self.state.setCurrentIndex(max(0, self.state.findData(state)))

    def _filter(self, *_args) -> None:
        state, kind, std = (self.state.currentData(), self.kind.currentData(),
                            self.standard.currentData())
        self.proxy.set_predicate(lambda d: (state is None or d.state == state)
                                 and (kind is None or d.kind == kind)
                                 and (std is None or d.standard == std))
        self.proxy.set_query(self.search.text())
        counts = self.repo.counts_by_state()
        self.count.setText(self.tr("Showing %1 of %2 versions — in force: %3, draft: %4, "
                                   "approved: %5, obsolete: %6")
                           .replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(len(self.model.items)))
                           .replace("%3", str(counts["in_force"]))
                           .replace("%4", str(counts["draft"]))
                           .replace("%5", str(counts["approved"]))
                           .replace("%6", str(counts["obsolete"])))
        self._selection_changed()

    def selected(self) -> Document | None:
        return selected_item(self.table, self.model, self.proxy)

    def _selection_changed(self, *_args) -> None:
        d = self.selected()
        allowed = self.repo.steps(d) if d else ()   # the register's one rule
        enabled = {
            "doc_edit": d is not None and d.state != "obsolete",
            "doc_approve": "approved" in allowed,
            "doc_in_force": "in_force" in allowed,
            "doc_obsolete": "obsolete" in allowed,
            "doc_to_draft": "draft" in allowed,
            "doc_new_version": d is not None and self.repo.new_version_refusal(d) is None,
            "doc_delete": d is not None and d.state == "draft",
            "doc_files": d is not None,
            "doc_history": d is not None,
        }
        for name, on in enabled.items():
            self.buttons[name].setEnabled(on)

    def _changed(self, doc_id: str | None = None) -> None:
        self.ctx.announce_changes()
        self.reload()
        if doc_id:
            select_where(self.table, self.model, self.proxy, lambda d: d.id == doc_id)

    # --- actions ----------------------------------------------------------------------------

    def add_document(self) -> None:
        dlg = DocumentDialog(self.repo, None, self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_document(self) -> None:
        d = self.selected()
        if d is None or d.state == "obsolete":
            return
        dlg = DocumentDialog(self.repo, d, self)
        if dlg.exec():
            self._changed(d.id)

    def transition(self, to_state: str) -> None:
        d = self.selected()
        if d is None:
            return
        approver = ""
        if self.ctx.user is not None:
            approver = self.ctx.user.full_name
        dlg = TransitionDialog(self.repo, d, to_state, approver, self)
        if dlg.exec():
            self._changed(d.id)

    def back_to_draft(self) -> None:
        d = self.selected()
        if d is None or not confirm(self, self.tr("Withdraw the approval of %1 (%2) and make it "
                                                  "a draft again?").replace("%1", d.code)
                                    .replace("%2", d.revision)):
            return
        self._do(lambda: self.repo.return_to_draft(d.id, expected_version=d.version), d.id)

    def new_version(self) -> None:
        d = self.selected()
        if d is None:
            return
        try:
            new = self.repo.new_version(d.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed(new.id)
        DocumentDialog(self.repo, new, self).exec()
        self._changed(new.id)

    def delete_draft(self) -> None:
        d = self.selected()
        if d is None or not confirm(self, self.tr("Delete the draft %1 (%2)?")
                                    .replace("%1", d.code).replace("%2", d.revision),
                                    danger=True):
            return
        self._do(lambda: self.repo.remove(d.id), None)

    def _do(self, fn, select_id) -> None:
        try:
            fn()
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed(select_id)

    def files(self) -> None:
        d = self.selected()
        if d is None:
            return
        dlg = FilesDialog(self.repo, d, self)
        dlg.exec()
        if dlg.changed:
            self._changed(d.id)

    def history(self) -> None:
        d = self.selected()
        if d is not None:
            HistoryDialog(self.repo, d, self).exec()

    # --- Excel ------------------------------------------------------------------------------

    def import_excel(self, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Import the register from Excel"), "documents-excel",
                             self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        source = Path(path)

        def check(job):
            rows, converted = read_documents(source)
            job.check()
            plan = document_import.plan_import(job.store, rows)
            plan.converted_cells = converted
            return plan

        run_operation(self, check, lambda plan: self._preview_import(source, plan),
                      store=self.ctx.store, cancellable=True,
                      text=self.tr("Reading %1…").replace("%1", source.name))

    def _preview_import(self, path: Path, plan) -> None:
        self.import_preview = ImportPreviewDialog(plan, path.name, self)
        self.import_preview.accepted.connect(lambda: self._apply_import(plan))
        self.import_preview.open()

    def _apply_import(self, plan) -> None:
        def write(job):
            result = document_import.apply_import(job.store, plan)
            return result

        def done(result) -> None:
            self.reload()
            self.import_done.emit(result)
            show_info(self, self.tr("Imported: %1 added, %2 updated, %3 older versions made "
                                    "obsolete.").replace("%1", str(result["added"]))
                      .replace("%2", str(result["updated"]))
                      .replace("%3", str(result["superseded"])))

        run_operation(self, write, done, store=self.ctx.store, ctx=self.ctx,
                      text=self.tr("Importing…"))

    def export_excel(self, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Export the register to Excel"), "documents-excel",
                             "danh-muc-tai-lieu.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        docs = self.repo.list()
        unit = self.ctx.profile.name if self.ctx.profile else ""
        run_operation(self, lambda _job: export_documents(Path(path), docs, unit),
                      lambda _r: show_info(self, self.tr("Saved %1").replace("%1", str(path))),
                      text=self.tr("Writing the register…"))

    def save_template(self, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Save the Excel template"), "documents-excel",
                             "mau-danh-muc-tai-lieu.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        try:
            write_template(Path(path))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))
