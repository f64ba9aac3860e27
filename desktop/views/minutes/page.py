"""Biên bản làm việc: the register of working minutes (search, filters, export), and the way to
new minutes, the editor, signing, verification and printing."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
    QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from desktop.output.minutes_xlsx import export_register
from desktop.models import minutes as M
from desktop.models.errors import IsoDeskError
from desktop.models.minutes.from_session import training_draft

from ..common import confirm, fit_to_screen, keep_whole, show_error, show_info, vn_datetime
from ..context import ViewContext
from ..files import save_file
from ..flow import FlowLayout
from ..tables import make_table
from .editor import MinutesEditor
from .new_editor import NewMinutesEditor
from .printed_check import PrintedCheckBox
from .register_model import ALTERED, VALID, MinutesFilterProxy, MinutesTableModel, RevisionsModel


class VerifyDialog(QDialog):
    """The result of checking every revision and signature of one minutes."""

    def __init__(self, result: dict, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.result = result
        self.setWindowTitle(self.tr("Signature check — minutes %1").replace("%1", result["number"]))
        fit_to_screen(self, 640, 420)
        layout = QVBoxLayout(self)
        head = QLabel()
        head.setObjectName("verify_headline")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        if result["valid"]:
            head.setText("<h3 style='color:#1b6e20'>" + self.tr(
                "Valid: nothing was changed after signing.") + "</h3>")
        else:
            head.setText("<h3 style='color:#b00020'>" + self.tr(
                "This copy was altered after signing.") + "</h3>")
        layout.addWidget(head)
        text = QTextBrowser()
        text.setObjectName("verify_details")
        parts = []
        for p in result["problems"]:
            parts.append(f"<p style='color:#b00020'>⚠ {p}</p>")
        for sig in result["signatures"]:
            mark = "✔" if sig["valid"] else "✘"
            parts.append(f"<p>{mark} <b>{sig['full_name']}</b> ({sig['position']}) — "
                         f"{sig['meaning_text']}<br>{vn_datetime(sig['signed_at'])} · "
                         + self.tr("key") + f" {sig['key_fingerprint']}</p>")
        for r in result.get("revisions") or []:
            code = f"<b>{M.short_hash(r['content_sha256'])}</b>"
            parts.append("<p>" + self.tr("Revision %1: content code %2")
                         .replace("%1", str(r["revision"])).replace("%2", code)
                         + "<br>" + self.tr("Content hash (SHA-256):")
                         + f" <code>{r['content_sha256']}</code></p>")
        for note in result.get("notes") or []:
            parts.append(f"<p style='color:#555'>{note}</p>")
        text.setHtml("".join(parts))
        layout.addWidget(text, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class MinutesPage(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.editors: dict[str, MinutesEditor] = {}
        can_write = ctx.can("write_minutes")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Working minutes</h2>")))

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("minutes_search")
        self.search.setPlaceholderText(self.tr("Search by number, subject or person "
                                               "(accents optional)"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 2)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for text, value in ((self.tr("All statuses"), None), (self.tr("Drafts"), "draft"),
                            (self.tr("Awaiting confirmation"), "signed"),
                            (self.tr("Confirmed"), "confirmed")):
            self.status_filter.addItem(text, value)
        filters.addWidget(self.status_filter)
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("year_filter")
        filters.addWidget(self.year_filter)
        layout.addLayout(filters)
        self.printed_check = PrintedCheckBox(self.store, self)
        self.printed_check.setObjectName("printed_check")
        self.printed_check.show_minutes.connect(self.show_part)
        layout.addWidget(self.printed_check)

        bar = FlowLayout()
        self.new_button = QPushButton(self.tr("New minutes"))
        self.new_button.setObjectName("new_minutes")
        menu = QMenu(self.new_button)
        self.template_actions = {}
        for template in M.templates():
            action = menu.addAction(template.label)
            action.triggered.connect(lambda _c=False, k=template.key: self.new_minutes(k))
            self.template_actions[template.key] = (action, template.label)
        menu.aboutToShow.connect(self._mark_unsaved_new)
        self.new_button.setMenu(menu)
        self.new_button.setVisible(can_write)
        bar.addWidget(self.new_button)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot, visible in (
            ("open", self.tr("Open"), self.open_selected, True),
            ("sign", self.tr("Sign / confirm…"), self.sign_selected, can_write),
            ("verify", self.tr("Check signatures"), self.verify_selected, True),
            ("preview", self.tr("Preview and print…"), self.preview_selected, True),
            ("export", self.tr("Export to Excel…"), lambda: self.export_excel(), True),
            ("delete", self.tr("Delete draft"), self.delete_selected, can_write),
        ):
            btn = QPushButton(text)
            btn.setObjectName(f"minutes_{name}")
            btn.clicked.connect(slot)
            btn.setVisible(visible)
            bar.addWidget(btn)
            self.buttons[name] = btn
        layout.addLayout(bar)

        self.model = MinutesTableModel(self)
        self.proxy = MinutesFilterProxy(parent=self)
        self.table = make_table("minutes_table", self.proxy, source=self.model,
                                stretch=MinutesTableModel.SUBJECT,
                                sort=(MinutesTableModel.DATE, Qt.SortOrder.DescendingOrder))
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        details = QWidget()
        dlayout = QVBoxLayout(details)
        dlayout.setContentsMargins(0, 0, 0, 0)
        self.details_text = QLabel()
        self.details_text.setObjectName("minutes_details")
        self.details_text.setWordWrap(True)
        self.details_text.setTextFormat(Qt.TextFormat.RichText)
        dlayout.addWidget(self.details_text)
        self.revisions_model = RevisionsModel(self)
        self.revisions = make_table("minutes_revisions", self.revisions_model, sortable=False)
        self.revisions.doubleClicked.connect(self._open_revision_row)
        dlayout.addWidget(self.revisions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("minutes_count")
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.year_filter.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.data_changed.connect(self._on_data_changed)
        self.reload()

    # --- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.selected()
        entries = M.register(self.store)
        integrity = {}
        for e in entries:
            try:
                ok = M.verify_minutes(self.store, e.minutes_id, check_pdf=False)["valid"]
            except IsoDeskError:
                ok = False
            integrity[e.minutes_id] = VALID if ok else ALTERED
        self.model.set_entries(entries, integrity, M.autosave.pending(self.store))
        year = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for y in sorted({e.year for e in entries} | {_dt.date.today().year}, reverse=True):
            self.year_filter.addItem(str(y), y)
        index = self.year_filter.findData(year)
        self.year_filter.setCurrentIndex(max(0, index))
        self.year_filter.blockSignals(False)
        self._filter()
        if selected is not None:
            self.select_minutes(selected.minutes_id)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"staff", "users"} or any(t.startswith("minutes") for t in tables):
            self.reload()

    def on_shown(self) -> None:
        self.reload()

    def _mark_unsaved_new(self) -> list[tuple[str, str]]:
        """Mark in the "New minutes" menu the kinds whose new minutes this person typed and
        never saved (a crash or power cut); returns (kind, when) of each."""
        user = self.ctx.user
        pending = M.autosave.new_pending(self.store, user.username) if user else {}
        marked = []
        for key, (action, label) in self.template_actions.items():
            if key in pending:
                when = vn_datetime(pending[key])
                action.setText(label + " — " + self.tr("unsaved text from %1").replace("%1", when))
                marked.append((label, when))
            else:
                action.setText(label)
        return marked

    def _filter(self) -> None:
        self.proxy.set_filters(self.search.text(), self.status_filter.currentData(),
                               self.year_filter.currentData())
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        altered = sum(1 for v in self.model.integrity.values() if v == ALTERED)
        text = self.tr("Showing %1 of %2 minutes").replace("%1", str(shown)) \
            .replace("%2", str(total))
        if altered:
            text += " — " + self.tr("%1 ALTERED after signing").replace("%1", str(altered))
        unsaved = self._mark_unsaved_new()
        if unsaved:
            text += " — " + self.tr("a new minutes not saved yet (%1): New minutes → %2 "
                                    "brings its text back").replace("%1", unsaved[0][1]) \
                .replace("%2", unsaved[0][0])
        self.count_label.setText(text)
        self._selection_changed()

    def selected(self) -> M.RegisterEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.entry(self.proxy.mapToSource(rows[0]).row())

    def show_part(self, part: str) -> None:
        """`#<minutes id>`: select that minutes in the register (links from other sections)."""
        minutes_id = part.partition("#")[2] or part
        self.search.clear()  # make sure no filter hides it
        self.status_filter.setCurrentIndex(0)
        self.year_filter.setCurrentIndex(0)
        self.select_minutes(minutes_id)

    def select_minutes(self, minutes_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            entry = self.model.entry(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if entry.minutes_id == minutes_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_args) -> None:
        entry = self.selected()
        for name in ("open", "sign", "verify", "preview"):
            self.buttons[name].setEnabled(entry is not None)
        self.buttons["delete"].setEnabled(entry is not None and entry.status == "draft")
        self.buttons["sign"].setEnabled(entry is not None and entry.status != "confirmed")
        if entry is None:
            self.details_text.setText(self.tr("Select a minutes to see its revisions and "
                                              "signatures."))
            self.revisions_model.set_items([])
            return
        rows = []
        for rev in M.history(self.store, entry.minutes_id):
            check = M.verify_revision(self.store, rev, check_pdf=False)
            rows.append({"id": rev.id, "revision": rev.revision_no, "status": rev.status,
                         "author": rev.signature("author"), "confirm": rev.signature("confirm"),
                         "valid": check.valid})
        self.revisions_model.set_items(rows)
        self.details_text.setText(f"<b>{entry.number}</b> — {entry.subject}")

    # --- actions ----------------------------------------------------------------------------
    def new_minutes(self, template_key: str = "blank") -> MinutesEditor | None:
        """An editor for a new minutes from a template: nothing is recorded (no number, nothing
        in the register) until the person saves it."""
        profile = self.ctx.profile
        user = self.ctx.user
        if template_key == "training":   # filled from the training day it records
            data = training_draft(self.store)
        else:
            data = M.get_template(template_key).draft(profile, year=_dt.date.today().year)
            data["date"] = _dt.date.today().isoformat()
        people = []
        for p in data.get("participants", []):
            if not p.get("name") and user is not None and user.role == "consultant":
                p = {**p, "name": user.full_name, "position": user.position or p.get("position")}
            if p.get("name"):
                people.append(p)
        data["participants"] = people
        if user is not None and user.role == "consultant":
            data["secretary"] = user.full_name
        editor = NewMinutesEditor(self.ctx, template_key, data, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        editor.saved.connect(lambda _mid: self.ctx.announce_changes())
        editor.recovery_dropped.connect(lambda: self.ctx.announce_changes("minutes_autosave"))
        editor.created.connect(lambda mid, e=editor: self._created(mid, e))
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def _created(self, minutes_id: str, editor: MinutesEditor) -> None:
        """A new minutes was saved for the first time: it is an ordinary one from now on."""
        self.editors[minutes_id] = editor
        self.ctx.announce_changes()
        self.select_minutes(minutes_id)

    def open_editor(self, revision_id: str) -> MinutesEditor:
        rev = M.load_revision(self.store, revision_id)
        editor = self.editors.get(rev.minutes_id)
        if editor is not None and editor.isVisible():
            if editor.rev.id != revision_id:
                if editor.editable and editor.dirty and not editor.save():
                    editor.raise_()
                    return editor
                editor.load(revision_id)
        else:
            editor = MinutesEditor(self.ctx, revision_id, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            editor.saved.connect(lambda _mid: self.ctx.announce_changes())
            editor.recovery_dropped.connect(
                lambda: self.ctx.announce_changes("minutes_autosave"))
            self.editors[rev.minutes_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def open_selected(self) -> MinutesEditor | None:
        entry = self.selected()
        return self.open_editor(entry.revision_id) if entry else None

    def _open_revision_row(self, index) -> None:
        row = self.revisions_model.item(index.row())
        self.open_editor(row["id"])

    def sign_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        editor = self.open_editor(entry.revision_id)
        editor.sign()

    def verify_selected(self) -> VerifyDialog | None:
        entry = self.selected()
        if entry is None:
            return None
        try:
            result = M.verify_minutes(self.store, entry.minutes_id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return None
        dialog = VerifyDialog(result, self)
        dialog.open()
        return dialog

    def preview_selected(self) -> None:
        from .preview import PreviewDialog

        entry = self.selected()
        if entry is None:
            return
        editor = self.editors.get(entry.minutes_id)
        if editor is not None and editor.isVisible() and editor.dirty and not editor.save():
            return
        PreviewDialog(self.ctx, entry.revision_id, self).exec()

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.status != "draft":
            return
        if entry.revision_no > 1:
            text = self.tr("Discard draft revision %1 of minutes %2? The signed revision before "
                           "it stays.").replace("%1", str(entry.revision_no))
        else:
            text = self.tr("Delete the draft minutes %2? It was never signed.")
        if not confirm(self, text.replace("%2", entry.number), danger=True,
                       yes=self.tr("Delete"), no=self.tr("Keep")):
            return
        editor = self.editors.pop(entry.minutes_id, None)
        if editor is not None:
            editor.dirty = editor.buffered = False
            editor.close()
        try:
            M.discard_draft(self.store, entry.revision_id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.ctx.announce_changes()

    def visible_entries(self) -> list[M.RegisterEntry]:
        return [self.model.entry(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    def export_excel(self, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Export the register to Excel"), "minutes-excel",
                             "so-bien-ban.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        entries = self.visible_entries()
        labels = {VALID: "Hợp lệ", ALTERED: "BỊ SỬA SAU KHI KÝ"}
        integrity = {e.minutes_id: labels.get(self.model.integrity.get(e.minutes_id), "")
                     for e in entries}
        filters = ", ".join(x for x in (self.status_filter.currentText()
                                        if self.status_filter.currentData() else "",
                                        self.year_filter.currentText()
                                        if self.year_filter.currentData() else "",
                                        self.search.text().strip()) if x)
        profile = self.ctx.profile
        try:
            export_register(Path(path), entries, unit_name=profile.name if profile else "",
                            filters=filters, integrity=integrity)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1 (%2 minutes).").replace("%1", str(path))
                  .replace("%2", str(len(entries))))
