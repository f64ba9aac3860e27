"""The question bank: search, filter by topic, edit (a used question gets a new version),
retire, topics, versions, import with a dry run, export, the Excel template."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QSplitter,
    QTextBrowser, QVBoxLayout, QWidget,
)

from desktop.output.quiz.formats import export_bank, read_questions
from desktop.output.quiz.formats.xlsx import write_template
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import bank, bank_io, wording
from desktop.models.quiz.common import LETTERS

from ..common import (AnnouncesOwnEdits, compact_combo, confirm, empty_hint, show_error,
                      show_info)
from ..files import open_file, save_file
from ..flow import FlowLayout
from ..context import ViewContext
from ..operation import run_operation
from ..tables import SearchProxy, make_table
from .import_dialog import ImportPreviewDialog
from .question_dialog import QuestionDialog, TopicsDialog, VersionsDialog
from .table_models import ROW_PADDING, QuestionsModel

IMPORT_FILTER = "(*.gift *.txt *.xml *.xlsx *.aiken *.json)"


class BankPanel(AnnouncesOwnEdits, QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        manage = ctx.can("manage_quiz")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("bank_search")
        self.search.setPlaceholderText(self.tr("Search the questions (accents optional)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.topic = QComboBox()
        self.topic.setObjectName("topic_filter")
        compact_combo(self.topic)
        bar.addWidget(self.topic, 1)
        self.show_retired = QCheckBox(self.tr("Show retired"))
        self.show_retired.setObjectName("show_retired")
        bar.addWidget(self.show_retired)
        layout.addLayout(bar)
        actions = FlowLayout()   # wraps on a narrow screen
        self.new_button = self._button(actions, self.tr("New…"), "new_question",
                                       self.new_question, manage)
        self.edit_button = self._button(actions, self.tr("Edit…"), "edit_question",
                                        self.edit_question, manage)
        self.retire_button = self._button(actions, self.tr("Retire"), "retire_question",
                                          self.toggle_retired, manage)
        self.delete_button = self._button(actions, self.tr("Delete"), "delete_question",
                                          self.delete_question, manage)
        self.versions_button = self._button(actions, self.tr("Versions…"), "question_versions",
                                            self.show_versions, True)
        self.topics_button = self._button(actions, self.tr("Topics…"), "edit_topics",
                                          self.edit_topics, manage)
        actions.add_stretch()
        files = QPushButton(self.tr("Import / export"))
        files.setObjectName("bank_files")
        menu = QMenu(files)
        for text, slot, allowed in (
                (self.tr("Import questions (GIFT, Aiken, Moodle XML, Excel)…"),
                 lambda: self.import_file(), manage),
                (self.tr("Export the bank…"), lambda: self.export_file(), True),
                (self.tr("Save the Excel template…"), lambda: self.save_template(), True),
                (self.tr("Add the missing default questions"), self.load_default, manage)):
            if allowed:
                menu.addAction(text).triggered.connect(lambda _c=False, s=slot: s())
        files.setMenu(menu)
        actions.addWidget(files)
        layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = QuestionsModel(self)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("questions_table", self.proxy, source=self.model,
                                stretch=QuestionsModel.TEXT,
                                sort=(QuestionsModel.KEY, Qt.SortOrder.AscendingOrder),
                                row_padding=ROW_PADDING)
        self.table.doubleClicked.connect(lambda _i: self.edit_question() if manage else None)
        splitter.addWidget(self.table)
        if manage:
            empty_hint(self.table, self.tr(
                "The question bank is empty. Add the program's default questions, or import "
                "your own (GIFT, Aiken, Moodle XML, Excel) with \"Import / export\"."),
                button=self.tr("Add the default questions"), on_click=self.load_default,
                model=self.model)
        else:
            empty_hint(self.table, self.tr("The question bank is empty: the ISO team loads the "
                                           "questions."), model=self.model)
        self.preview = QTextBrowser()
        self.preview.setObjectName("question_preview")
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 200])
        layout.addWidget(splitter, 1)
        self.count = QLabel()
        self.count.setObjectName("bank_count")
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._filter)
        self.topic.currentIndexChanged.connect(self._filter)
        self.show_retired.toggled.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _button(self, bar, text, name, slot, visible) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        b.setVisible(visible)
        bar.addWidget(b)
        return b

    # --- data -------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        if self._own_edit:
            return   # reloaded by `_announce_own` itself, once
        current = select or (self.selected().id if self.selected() else None)
        code = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("All topics"), None)
        for t in bank.list_topics(self.store):
            self.topic.addItem(t.name, t.code)
            self.topic.setItemData(self.topic.count() - 1,
                                   self.tr("Topic code: %1").replace("%1", t.code),
                                   Qt.ItemDataRole.ToolTipRole)
        self.topic.setCurrentIndex(max(0, self.topic.findData(code)))
        self.topic.blockSignals(False)
        self.model.names = wording.level_names(self.store)   # shown as the kiosk shows them
        self.model.set_items(bank.list_questions(self.store))
        self._filter()
        if current:
            self.select(current)

    def _filter(self, *_args) -> None:
        code = self.topic.currentData()
        retired = self.show_retired.isChecked()
        self.proxy.set_predicate(lambda q: (retired or not q.retired)
                                 and (code is None or q.topic_code == code))
        self.proxy.set_query(self.search.text())
        active = sum(1 for q in self.model.items if not q.retired and not q.historical)
        self.count.setText(self.tr("Showing %1 of %n question(s) (%3 in use for new papers).", "",
                                   len(self.model.items))
                           .replace("%1", str(self.proxy.rowCount()))
                           .replace("%3", str(active)))
        self._selection_changed()

    def selected(self) -> bank.Question | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.object_at(rows[0].row()) if rows else None

    def select(self, question_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).id == question_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_args) -> None:
        q = self.selected()
        for b in (self.edit_button, self.retire_button, self.delete_button,
                  self.versions_button):
            b.setEnabled(q is not None)
        self.retire_button.setText(self.tr("Restore") if q and q.retired else self.tr("Retire"))
        self.delete_button.setEnabled(q is not None and not q.used and q.version_no == 1)
        self.preview.setHtml(self._preview_html(q) if q else "")

    def _preview_html(self, q: bank.Question) -> str:
        from html import escape
        raw = q
        q = q.shown(wording.level_names(self.store))    # as the kiosk and the papers show it
        options = "".join(
            f"<li>{'<b>' if i in q.correct else ''}{LETTERS[i]}. {escape(o)}"
            f"{' ✔</b>' if i in q.correct else ''}</li>" for i, o in enumerate(q.options))
        meta = self.tr("Topic %1 · clause %2 · version %3").replace("%1", escape(q.topic_name)) \
            .replace("%2", escape(q.clause or "—")).replace("%3", str(q.version_no))
        expl = f"<p><i>{escape(q.explanation)}</i></p>" if q.explanation else ""
        notes = []
        if raw.historical:
            notes.append(self.tr("Historical question: new papers leave it out unless the "
                                 "training session includes historical questions."))
        if raw.text != q.text or raw.options != q.options or raw.explanation != q.explanation:
            notes.append(self.tr("Unit names are filled in from the unit profile (Settings)."))
        note = "".join(f"<p style='color:#555'>{escape(n)}</p>" for n in notes)
        return (f"<p><b>{escape(q.key)}.</b> {escape(q.text)}</p>"
                f"<ul style='list-style: none'>{options}</ul>{expl}<p style='color:#555'>{meta}</p>"
                f"{note}")

    # --- editing ------------------------------------------------------------------------------

    def new_question(self) -> None:
        if not bank.list_topics(self.store, include_retired=False):
            show_info(self, self.tr("Add a topic first (Topics…)."))
            return
        dlg = QuestionDialog(self.store, parent=self)
        if dlg.exec() and dlg.saved:
            self._announce_own(select=dlg.saved.id)

    def edit_question(self) -> None:
        q = self.selected()
        if q is None:
            return
        dlg = QuestionDialog(self.store, q, parent=self)
        if dlg.exec() and dlg.saved:
            self._announce_own(select=q.id)

    def toggle_retired(self) -> None:
        q = self.selected()
        if q is None:
            return
        try:
            bank.set_retired(self.store, q.id, not q.retired)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._announce_own(select=q.id)

    def delete_question(self) -> None:
        q = self.selected()
        if q is None or not confirm(self, self.tr("Delete question %1?").replace("%1", q.key),
                                    danger=True):
            return
        try:
            bank.delete_question(self.store, q.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._announce_own()

    def show_versions(self) -> None:
        q = self.selected()
        if q is not None:
            VersionsDialog(self.store, q, self).exec()

    def edit_topics(self) -> None:
        TopicsDialog(self.store, self).exec()
        self._announce_own()

    # --- files ----------------------------------------------------------------------------------

    def import_file(self, path: str | None = None) -> None:
        """Read the file off the UI thread (a large or hostile file must not freeze the
        window), then show the dry run; the result of a confirmed import is `last_import`."""
        if path is None:
            path = open_file(self, self.tr("Import questions"), "questions",
                             self.tr("Question files") + " " + IMPORT_FILTER)
        if not path:
            return
        self.last_import = None

        def read(job):   # parsed and checked against the bank on a connection aside
            parsed = read_questions(Path(path))
            return bank_io.plan_import(job.store, parsed, progress=job.progress)

        self.import_operation = run_operation(
            self, read, lambda plan: self._preview(path, plan), store=self.store,
            cancellable=True, text=self.tr("Reading %1…").replace("%1", Path(path).name))

    def _preview(self, path: str, plan) -> None:
        self.import_preview = ImportPreviewDialog(plan, Path(path).name, self)
        if not self.import_preview.exec():
            return
        accept_good = self.import_preview.accept_good

        def write(job):   # one transaction: stopped midway, nothing is written
            result = bank_io.apply_import(job.store, plan, accept_good=accept_good,
                                          progress=job.progress)
            return result

        def done(result):
            self.reload()
            self.last_import = result
            show_info(self, self.tr("%n question(s) imported.", "", result["imported"]))

        self.import_operation = run_operation(
            self, write, done, store=self.store, ctx=self.ctx, cancellable=True,
            text=self.tr("Importing the questions…"))

    def export_file(self, path: str | None = None) -> dict | None:
        if path is None:
            path = save_file(
                self, self.tr("Export the bank"), "questions", "ngan-hang-cau-hoi.gift",
                self.tr("GIFT (*.gift);;Moodle XML (*.xml);;Excel (*.xlsx);;Aiken (*.aiken);;"
                        "ISO Desk (*.json)"))
        if not path:
            return None
        code = self.topic.currentData()
        try:
            out = export_bank(self.store, Path(path), topic=code,
                              include_retired=self.show_retired.isChecked())
        except IsoDeskError as exc:
            show_error(self, exc)
            return None
        text = self.tr("%n question(s) written to %2.", "", out["written"]) \
            .replace("%2", out["file"])
        if out["skipped"]:
            text += " " + self.tr("%1 could not be written in this format.").replace(
                "%1", str(len(out["skipped"])))
        show_info(self, text)
        return out

    def save_template(self, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Save the Excel template"), "questions",
                             "mau-cau-hoi.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        try:
            write_template(Path(path), {t.code: t.name for t in bank.list_topics(self.store)})
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))

    def load_default(self) -> None:
        try:
            out = bank_io.load_bank_file(self.store)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.reload()
        show_info(self, self.tr("Questions added: %1; topics added: %2; already there: %3.")
                  .replace("%1", str(out["questions"])).replace("%2", str(out["topics"]))
                  .replace("%3", str(out["skipped"])))
