"""Dialogs of the document register: a version's details, a step of its life, its attached files,
its history, and the import preview."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout,
)

from desktop.output.writing import write_bytes
from desktop.models.errors import IsoDeskError
from desktop.models.iso.document_import import DocImportPlan
from desktop.models.iso.documents import KINDS, STANDARDS, Document, DocumentRepository

from ..common import actor_text, confirm, empty_hint, fit_to_screen, show_error, vn_datetime
from ..files import open_file, save_file
from ..tables import Column, ImportPreviewModel, ItemsModel, make_table
from .common import DateEdit, FormDialog, TextEdit, date_text
from .labels import label

FIELD_NAMES = {  # for the history: each field's name, translated in the HistoryModel context
    "code": QT_TRANSLATE_NOOP("HistoryModel", "code"),
    "title": QT_TRANSLATE_NOOP("HistoryModel", "title"),
    "kind": QT_TRANSLATE_NOOP("HistoryModel", "kind"),
    "standard": QT_TRANSLATE_NOOP("HistoryModel", "standard"),
    "revision": QT_TRANSLATE_NOOP("HistoryModel", "revision"),
    "state": QT_TRANSLATE_NOOP("HistoryModel", "state"),
    "approver": QT_TRANSLATE_NOOP("HistoryModel", "approver"),
    "approved_on": QT_TRANSLATE_NOOP("HistoryModel", "approval date"),
    "effective_on": QT_TRANSLATE_NOOP("HistoryModel", "date in force"),
    "obsolete_on": QT_TRANSLATE_NOOP("HistoryModel", "date obsolete"),
    "obsolete_reason": QT_TRANSLATE_NOOP("HistoryModel", "reason"),
    "department": QT_TRANSLATE_NOOP("HistoryModel", "department"),
    "note": QT_TRANSLATE_NOOP("HistoryModel", "note"),
}


def combo(group: str, codes, current: str | None) -> QComboBox:
    box = QComboBox()
    for code in codes:
        box.addItem(label(group, code), code)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class DocumentDialog(FormDialog):
    """A new document (a draft) or the details of a version. After approval the code, revision,
    kind and standard are fixed (the model says so if they are changed)."""

    def __init__(self, repo: DocumentRepository, doc: Document | None = None, parent=None):
        super().__init__(self.tr("Edit document") if doc else self.tr("New document"), parent,
                         width=600)
        self.repo = repo
        self.doc = doc
        d = doc
        self.code = self.add("code", self.tr("Code:"), QLineEdit(d.code if d else ""))
        self.code.setPlaceholderText(self.tr("the unit's own numbering, e.g. QT-TN-01"))
        self.title_edit = self.add("title", self.tr("Title:"), QLineEdit(d.title if d else ""))
        self.kind = self.add("kind", self.tr("Kind:"),
                             combo("doc_kind", KINDS, d.kind if d else "internal_procedure"))
        self.standard = self.add("standard", self.tr("Standard:"),
                                 combo("standard", STANDARDS, d.standard if d else "2015"))
        self.revision = self.add("revision", self.tr("Revision:"),
                                 QLineEdit(d.revision if d else "01"))
        self.department = self.add("department", self.tr("Owning department:"),
                                   QLineEdit(d.department if d else ""))
        self.note = self.add("note", self.tr("Note:"), TextEdit(d.note if d else ""))
        if d is not None and d.state != "draft":
            for w in (self.code, self.kind, self.standard, self.revision):
                w.setEnabled(False)
            self.set_intro(self.tr("This version is %1: its code, revision, kind and standard "
                                   "are fixed. Make a new version to change them.")
                           .replace("%1", label("doc_state", d.state).lower()))
        if d is not None and d.state == "obsolete":
            for w in (self.title_edit, self.department):
                w.setEnabled(False)
        self.finish()

    def on_save(self):
        values = {"code": self.code.text(), "title": self.title_edit.text(),
                  "kind": self.kind.currentData(), "standard": self.standard.currentData(),
                  "revision": self.revision.text(), "department": self.department.text(),
                  "note": self.note.value()}
        if self.doc is None:
            return self.repo.add(values)
        return self.repo.update(self.doc.id, values, expected_version=self.doc.version)


class TransitionDialog(FormDialog):
    """One step of a version's life: approve, put in force, make obsolete."""

    def __init__(self, repo: DocumentRepository, doc: Document, to_state: str, approver: str = "",
                 parent=None):
        titles = {"approved": self.tr("Approve %1"), "in_force": self.tr("Put %1 in force"),
                  "obsolete": self.tr("Make %1 obsolete")}
        super().__init__(titles[to_state].replace("%1", f"{doc.code} ({doc.revision})"), parent)
        self.repo = repo
        self.doc = doc
        self.to_state = to_state
        self.approver = None
        self.reason = None
        if to_state == "approved":
            self.approver = self.add("approver", self.tr("Approved by:"), QLineEdit(approver))
            self.approver.setPlaceholderText(self.tr("full name and position"))
            self.when = self.add("approved_on", self.tr("Approval date:"),
                                 DateEdit(_dt.date.today()))
        elif to_state == "in_force":
            self.set_intro(self.tr("Older versions of %1 that are in force become obsolete on "
                                   "this date.").replace("%1", doc.code))
            self.when = self.add("effective_on", self.tr("In force from:"),
                                 DateEdit(_dt.date.today()))
        else:
            self.set_intro(self.tr("An obsolete version can never come back in force; to use the "
                                   "document again, make a new version."))
            self.when = self.add("obsolete_on", self.tr("Obsolete from:"),
                                 DateEdit(_dt.date.today()))
            self.reason = self.add("reason", self.tr("Reason:"), QLineEdit())
        self.finish(self.tr("Confirm"))

    def on_save(self):
        return self.repo.advance(
            self.doc.id, self.to_state, on=self.when.value(),
            approver=self.approver.text() if self.approver else "",
            reason=self.reason.text() if self.reason else "")


class FilesDialog(QDialog):
    """The files attached to a version: add, open, save a copy, remove."""

    def __init__(self, repo: DocumentRepository, doc: Document, parent=None):
        super().__init__(parent)
        self.repo = repo
        self.doc = doc
        self.changed = False
        self.setWindowTitle(self.tr("Files of %1 (%2)").replace("%1", doc.code)
                            .replace("%2", doc.revision))
        fit_to_screen(self, 560, 360)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("file_list")
        empty_hint(self.list, self.tr("No file attached to this version yet.")
                   + (" " + self.tr("Press “Attach a file…” to add the signed scan or the Word "
                                    "file.") if doc.state != "obsolete" else ""))
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        writable = doc.state != "obsolete"
        for name, text, slot, show in (
                ("file_add", self.tr("Attach a file…"), self.add_file, writable),
                ("file_open", self.tr("Open the file"), self.open_file, True),
                ("file_save", self.tr("Save a copy…"), self.save_copy, True),
                ("file_remove", self.tr("Remove"), self.remove_file, writable)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(show)
            row.addWidget(btn)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for f in self.repo.files(self.doc.id):
            item = QListWidgetItem(f"{f.file_name}  ({f.size:,} B, {vn_datetime(f.created_at)})")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.list.addItem(item)

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_file(self, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Attach a file"), "attachment")
        if not path:
            return
        try:
            self.repo.attach_file(self.doc.id, Path(path))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.changed = True
        self.reload()

    def open_file(self) -> None:
        file_id = self._selected()
        if not file_id:
            return
        import tempfile

        try:
            name, data = self.repo.file_bytes(file_id)
            target = Path(tempfile.mkdtemp(prefix="isodesk-")) / name
            write_bytes(target, data)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def save_copy(self, path: str | None = None) -> None:
        file_id = self._selected()
        if not file_id:
            return
        try:
            name, data = self.repo.file_bytes(file_id)
            if path is None:
                path = save_file(self, self.tr("Save a copy"), "attachment", name)
            if path:
                write_bytes(Path(path), data)
        except IsoDeskError as exc:
            show_error(self, exc)

    def remove_file(self) -> None:
        file_id = self._selected()
        if not file_id or not confirm(self, self.tr("Remove this file from the document? The "
                                                    "history keeps a record of it."), danger=True):
            return
        try:
            self.repo.detach(file_id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.changed = True
        self.reload()


class HistoryModel(ItemsModel):
    """A document's audit entries, oldest first; each cell's text is also its tooltip."""

    def __init__(self, entries: list[dict], parent=None):
        super().__init__([Column(self.tr("When"), lambda e: vn_datetime(e["at"])),
                          Column(self.tr("Who"), lambda e: actor_text(e["actor"])),
                          Column(self.tr("What changed"), self.describe)], parent)
        self.set_items(entries)

    def cell_tooltip(self, e: dict, column: int) -> str:
        return self.display(e, column)

    def describe(self, e: dict) -> str:
        new, old = e.get("new") or {}, e.get("old") or {}
        if e["subject"] == "file":
            name = (new or old).get("file_name", "")
            return (self.tr("File attached: %1") if e["action"] == "insert"
                    else self.tr("File removed: %1")).replace("%1", name)
        if e["action"] == "insert":
            return self.tr("Version %1 created as %2").replace("%1", new.get("revision", ""))\
                .replace("%2", label("doc_state", new.get("state")).lower())
        if e["action"] == "delete":
            return self.tr("Draft deleted")
        parts = []
        for key, value in new.items():
            before = old.get(key)
            if key == "state":
                before, value = label("doc_state", before), label("doc_state", value)
            elif key == "kind":
                before, value = label("doc_kind", before), label("doc_kind", value)
            elif key.endswith("_on"):
                before, value = date_text(before), date_text(value)
            name = QCoreApplication.translate("HistoryModel", FIELD_NAMES.get(key, key))
            parts.append(f"{name}: {before or '—'} → {value or '—'}")
        return "; ".join(parts)


class HistoryDialog(QDialog):
    def __init__(self, repo: DocumentRepository, doc: Document, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of %1 (%2)").replace("%1", doc.code)
                            .replace("%2", doc.revision))
        fit_to_screen(self, 820, 420)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Every change is kept in the audit log and cannot be edited."))
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.model = HistoryModel(repo.history(doc.id), self)
        layout.addWidget(make_table("history_table", self.model, stretch=2, sortable=False), 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)


class ImportPreviewDialog(QDialog):
    """What the import would do, row by row. With any error, nothing can be imported."""

    def __init__(self, plan: DocImportPlan, file_name: str, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import preview — %1").replace("%1", file_name))
        fit_to_screen(self, 960, 560)
        layout = QVBoxLayout(self)
        s = plan.summary()
        summary = QLabel(self.tr("Add: %1 · Update: %2 · Unchanged: %3 · Older versions made "
                                 "obsolete: %4 · Errors: %5")
                         .replace("%1", str(s["added"])).replace("%2", str(s["updated"]))
                         .replace("%3", str(s["unchanged"])).replace("%4", str(s["superseded"]))
                         .replace("%5", str(len(s["errors"]))))
        summary.setObjectName("import_summary")
        summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(summary)
        if s["errors"]:
            warn = QLabel(self.tr("Nothing is imported while a row has an error. Correct the rows "
                                  "marked in red in the Excel file (the row numbers are Excel's) "
                                  "and import it again."))
            warn.setObjectName("import_errors_note")
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b00020;")
            layout.addWidget(warn)
        if plan.converted_cells:
            note = QLabel(self.tr("%1 cells in an old Vietnamese font encoding (TCVN3 or VNI) were "
                                  "converted to Unicode.").replace(
                "%1", str(len(plan.converted_cells))))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.model = ImportPreviewModel(
            plan, [self.tr("Row"), self.tr("What will happen"), self.tr("Code"),
                   self.tr("Revision"), self.tr("Title"), self.tr("Details")],
            ["code", "revision", "title"],
            {"add": self.tr("Add"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged"),
             "skip": self.tr("Empty row"), "refuse": self.tr("Error")}, self, tooltips=True)
        table = make_table("import_table", self.model, stretch=5, sortable=False)
        table.setWordWrap(True)   # the reasons whole, on as many lines as they need
        table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
        table.resizeRowsToContents()
        self.table = table
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox()
        n = s["added"] + s["updated"]
        self.import_button = buttons.addButton(self.tr("Import %n row(s)", "", n),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("do_import")
        self.import_button.setEnabled(plan.ok and (n > 0 or s["superseded"] > 0))
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # the messages wrap once the columns have their widths
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)
