"""The form of a working minutes: every field of the issue, in tabs, keyboard-friendly.

The form knows nothing about the database: `state()` gives the fields as a dict (the shape of
`desktop.models.minutes.fields`), `set_state()` fills them, `changed` fires on every edit.
The participants and action items are grids typed into cell by cell (`editor_tables.RowsModel`,
set up by `setup_table`); the attachments are a read-only list made by `views.tables.make_table`.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QTableView, QTabWidget, QTimeEdit, QVBoxLayout,
    QWidget,
)

from desktop.models.errors import ValidationError
from desktop.models.minutes import fields as F

from ..common import FieldErrors, empty_hint
from ..tables import make_table
from .editor_tables import ActionItemsModel, AttachmentsModel, RowsModel, selected_rows, setup_table

FIELD_TAB = {"number": 0, "subject": 0, "date": 0, "start_time": 0, "end_time": 0, "place": 0,
             "chair": 0, "secretary": 0, "participants": 1, "content": 2, "conclusions": 2,
             "action_items": 3, "attachments": 4, "copies": 5, "copy_destinations": 5}


class ListTextEdit(QPlainTextEdit):
    """Plain text with paragraphs and "- " bullet lists: Enter continues a list, Enter on an
    empty bullet ends it."""

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            cursor = self.textCursor()
            line = cursor.block().text()
            stripped = line.lstrip()
            indent = line[:len(line) - len(stripped)]
            if stripped in ("-", "- "):
                cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                    QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                return
            if stripped.startswith("- ") and cursor.atBlockEnd():
                cursor.insertText("\n" + indent + "- ")
                self.ensureCursorVisible()
                return
        super().keyPressEvent(event)

    def _lines(self):
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last = doc.findBlock(cursor.selectionEnd()).blockNumber()
        return [doc.findBlockByNumber(n) for n in range(first, last + 1)]

    def _rewrite(self, fn) -> None:
        blocks = self._lines()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in blocks:
            c = QTextCursor(block)
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            new = fn(block.text())
            if new != block.text():
                c.insertText(new)
        cursor.endEditBlock()

    def toggle_bullets(self) -> None:
        blocks = [b.text() for b in self._lines() if b.text().strip()]
        all_bullets = bool(blocks) and all(t.lstrip().startswith("- ") for t in blocks)

        def fn(text: str) -> str:
            stripped = text.lstrip()
            indent = text[:len(text) - len(stripped)]
            if all_bullets:
                return indent + stripped[2:]
            if not stripped or stripped.startswith("- "):
                return text
            return indent + "- " + stripped

        self._rewrite(fn)

    def indent_lines(self, deeper: bool = True) -> None:
        def fn(text: str) -> str:
            if deeper:
                return ("    " + text) if text.strip() else text
            return text[4:] if text.startswith("    ") else text.lstrip(" ")

        self._rewrite(fn)


class MinutesForm(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self._loading = False
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("minutes_tabs")
        layout.addWidget(self.tabs)
        self._tab_titles = [self.tr("&General"), self.tr("&Participants"), self.tr("C&ontent"),
                            self.tr("&Action items"), self.tr("A&ttachments"),
                            self.tr("Copies and &recipients")]
        for build in (self._general_tab, self._participants_tab, self._content_tab,
                      self._actions_tab, self._attachments_tab, self._copies_tab):
            build()
        layout.addWidget(self.errors.label_for(""))

    # --- building -------------------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"minutes_{name}")
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._edited)
        return edit

    def _people_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"minutes_{name}")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.currentTextChanged.connect(self._edited)
        return combo

    def _general_tab(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.number = self._line("number", self.tr("Automatic, e.g. 05/BB-BHXH…"))
        self.subject = self._line("subject", self.tr("What the working session was about"))
        self.date = QDateEdit()
        self.date.setObjectName("minutes_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.dateChanged.connect(self._edited)
        self.start = QTimeEdit()
        self.start.setObjectName("minutes_start")
        self.end = QTimeEdit()
        self.end.setObjectName("minutes_end")
        times = QHBoxLayout()
        for label, edit in ((self.tr("from"), self.start), (self.tr("to"), self.end)):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self._edited)
            times.addWidget(QLabel(label))
            times.addWidget(edit)
        times.addStretch(1)
        self.place = self._line("place", self.tr("e.g. Meeting room of the office"))
        self.chair = self._people_combo("chair")
        self.secretary = self._people_combo("secretary")
        rows = [
            (self.tr("&Number:"), self.number, "number"),
            (self.tr("&Subject:"), self.subject, "subject"),
            (self.tr("&Date:"), self.date, "date"),
            (self.tr("Time:"), times, "start_time"),
            (self.tr("Pl&ace:"), self.place, "place"),
            (self.tr("C&hair:"), self.chair, "chair"),
            (self.tr("Secretar&y (who records):"), self.secretary, "secretary"),
        ]
        for label, widget, key in rows:
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(key))
            if key == "start_time":
                form.addRow("", self.errors.label_for("end_time"))
        self.tabs.addTab(page, self._tab_titles[0])

    def _table_with_buttons(self, model: RowsModel, name: str, buttons: list[tuple]) -> tuple:
        box = QVBoxLayout()
        bar = QHBoxLayout()
        made = {}
        for obj, text, slot in buttons:
            btn = QPushButton(text)
            btn.setObjectName(obj)
            btn.clicked.connect(slot)
            bar.addWidget(btn)
            made[obj] = btn
        bar.addStretch(1)
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        setup_table(view)
        model.changed.connect(self._edited)
        box.addLayout(bar)
        box.addWidget(view)
        return box, view, made

    def _participants_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        cols = [("name", self.tr("Full name")), ("position", self.tr("Position"))]
        self.unit_model = RowsModel(cols, self, fixed={"side": "unit"})
        self.consultant_model = RowsModel(cols + [("organisation", self.tr("Organisation"))],
                                          self, fixed={"side": "consultant"})
        self.unit_label = QLabel(self.tr("<b>Representatives of the unit</b>"))
        layout.addWidget(self.unit_label)
        box, self.unit_view, self.unit_buttons = self._table_with_buttons(
            self.unit_model, "unit_participants",
            [("add_from_roster", self.tr("Add from the &roster…"), lambda: None),
             ("add_unit_person", self.tr("Add a person"), lambda: self._add(self.unit_model,
                                                                             self.unit_view)),
             ("remove_unit_person", self.tr("Remove"), lambda: self._remove(self.unit_model,
                                                                             self.unit_view))])
        empty_hint(self.unit_view, self.tr("Nobody yet: add people from the roster or type "
                                           "them in."))
        layout.addLayout(box, 1)
        layout.addWidget(QLabel(self.tr("<b>The consultant: organisation and experts</b> "
                                        "(type them in)")))
        box, self.consultant_view, self.consultant_buttons = self._table_with_buttons(
            self.consultant_model, "consultant_participants",
            [("add_consultant", self.tr("Add an expert"),
              lambda: self._add(self.consultant_model, self.consultant_view)),
             ("remove_consultant", self.tr("Remove"),
              lambda: self._remove(self.consultant_model, self.consultant_view))])
        empty_hint(self.consultant_view, self.tr("No expert yet: press “Add an expert”."))
        layout.addLayout(box, 1)
        layout.addWidget(self.errors.label_for("participants"))
        self.tabs.addTab(page, self._tab_titles[1])

    def _add(self, model: RowsModel, view: QTableView, values: dict | None = None) -> None:
        row = model.add_row(values)
        index = model.index(row, 0)
        view.setCurrentIndex(index)
        if not values:
            view.edit(index)

    def _remove(self, model: RowsModel, view: QTableView) -> None:
        model.remove_rows(selected_rows(view))

    def _text_tools(self, edit: ListTextEdit, name: str) -> QHBoxLayout:
        bar = QHBoxLayout()
        for obj, text, tip, slot in (
            (f"{name}_bullets", self.tr("• Bullet list"), self.tr("Ctrl+Shift+L"),
             edit.toggle_bullets),
            (f"{name}_indent", self.tr("→ Indent"), self.tr("Ctrl+]"),
             lambda: edit.indent_lines(True)),
            (f"{name}_outdent", self.tr("← Outdent"), self.tr("Ctrl+["),
             lambda: edit.indent_lines(False)),
        ):
            btn = QPushButton(text)
            btn.setObjectName(obj)
            btn.setToolTip(tip)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.clicked.connect(slot)
            bar.addWidget(btn)
        for keys, slot in (("Ctrl+Shift+L", edit.toggle_bullets),
                           ("Ctrl+]", lambda: edit.indent_lines(True)),
                           ("Ctrl+[", lambda: edit.indent_lines(False))):
            shortcut = QShortcut(QKeySequence(keys), edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        bar.addStretch(1)
        return bar

    def _content_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("One paragraph per line. A line starting with \"- \" is a bullet; "
                              "indent it for a sub-item. Enter continues a list."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.content = ListTextEdit()
        self.content.setObjectName("minutes_content")
        self.conclusions = ListTextEdit()
        self.conclusions.setObjectName("minutes_conclusions")
        for edit in (self.content, self.conclusions):
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._edited)
        layout.addWidget(QLabel(self.tr("<b>Content</b> (what was done and discussed)")))
        layout.addLayout(self._text_tools(self.content, "content"))
        layout.addWidget(self.content, 3)
        layout.addWidget(self.errors.label_for("content"))
        layout.addWidget(QLabel(self.tr("<b>Results and conclusions</b>")))
        layout.addLayout(self._text_tools(self.conclusions, "conclusions"))
        layout.addWidget(self.conclusions, 1)
        layout.addWidget(self.errors.label_for("conclusions"))
        self.tabs.addTab(page, self._tab_titles[2])

    def _actions_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.actions_model = ActionItemsModel(
            [("description", self.tr("What")), ("owner", self.tr("Who")),
             ("due", self.tr("By when (dd/mm/yyyy)"))], self)
        box, self.actions_view, self.action_buttons = self._table_with_buttons(
            self.actions_model, "action_items",
            [("add_action", self.tr("Add an action item"),
              lambda: self._add(self.actions_model, self.actions_view)),
             ("remove_action", self.tr("Remove"),
              lambda: self._remove(self.actions_model, self.actions_view))])
        layout.addLayout(box, 1)
        layout.addWidget(self.errors.label_for("action_items"))
        self.tabs.addTab(page, self._tab_titles[3])

    def _attachments_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.attachment_buttons = {}
        for obj, text in (("add_attachment", self.tr("Attach a file…")),
                          ("save_attachment", self.tr("Save a copy…")),
                          ("remove_attachment", self.tr("Remove"))):
            btn = QPushButton(text)
            btn.setObjectName(obj)
            bar.addWidget(btn)
            self.attachment_buttons[obj] = btn
        bar.addStretch(1)
        layout.addLayout(bar)
        self.attachments_model = AttachmentsModel(self)
        self.attachments_view = make_table("attachments", self.attachments_model, stretch=0,
                                           sortable=False)
        self.attachments_view.setTabKeyNavigation(False)
        empty_hint(self.attachments_view, self.tr("No attached file. Press “Attach a file…” to "
                                                  "add one, for example a scanned list of "
                                                  "signatures."))
        layout.addWidget(self.attachments_view, 1)
        layout.addWidget(self.errors.label_for("attachments"))
        note = QLabel(self.tr("Attached files are kept with the minutes and covered by the "
                              "signatures by their SHA-256 fingerprint."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.tabs.addTab(page, self._tab_titles[4])

    def _copies_tab(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.copies = QSpinBox()
        self.copies.setObjectName("minutes_copies")
        self.copies.setRange(1, F.MAX_COPIES)
        self.copies.valueChanged.connect(self._edited)
        self.destinations = QPlainTextEdit()
        self.destinations.setObjectName("copy_destinations")
        self.destinations.setTabChangesFocus(True)
        self.destinations.textChanged.connect(self._edited)
        self.default_destinations = QPushButton(self.tr("Use the usual three copies"))
        self.default_destinations.setObjectName("default_destinations")
        form.addRow(self.tr("Number of &copies:"), self.copies)
        form.addRow("", self.errors.label_for("copies"))
        form.addRow(QLabel(self.tr("Where each copy goes\n(one line per copy):")),
                    self.destinations)
        form.addRow("", self.default_destinations)
        form.addRow("", self.errors.label_for("copy_destinations"))
        self.tabs.addTab(page, self._tab_titles[5])

    # --- data -----------------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        if not self._loading and not self.read_only:
            self.changed.emit()

    def set_people(self, names: list[str]) -> None:
        for combo in (self.chair, self.secretary):
            text = combo.currentText()
            self._loading, was = True, self._loading
            combo.clear()
            combo.addItems(names)
            combo.setCurrentText(text)
            self._loading = was

    def state(self) -> dict:
        lines = [x.strip() for x in self.destinations.toPlainText().split("\n")]
        return {
            "number": self.number.text(), "subject": self.subject.text(),
            "date": self.date.date().toString("yyyy-MM-dd"),
            "start_time": self.start.time().toString("HH:mm"),
            "end_time": self.end.time().toString("HH:mm"),
            "place": self.place.text(), "chair": self.chair.currentText(),
            "secretary": self.secretary.currentText(),
            "participants": self.unit_model.values() + self.consultant_model.values(),
            "content": self.content.toPlainText(), "conclusions": self.conclusions.toPlainText(),
            "action_items": self.actions_model.values(),
            "copies": self.copies.value(), "copy_destinations": [x for x in lines if x],
        }

    def set_state(self, data: dict) -> None:
        self._loading = True
        try:
            self.number.setText(data.get("number") or "")
            self.subject.setText(data.get("subject") or "")
            day = QDate.fromString(data.get("date") or "", "yyyy-MM-dd")
            self.date.setDate(day if day.isValid() else QDate.currentDate())
            for edit, key in ((self.start, "start_time"), (self.end, "end_time")):
                t = QTime.fromString(data.get(key) or "", "HH:mm")
                edit.setTime(t if t.isValid() else QTime(8, 0))
            self.place.setText(data.get("place") or "")
            self.chair.setCurrentText(data.get("chair") or "")
            self.secretary.setCurrentText(data.get("secretary") or "")
            people = data.get("participants") or []
            self.unit_model.set_rows([p for p in people if p.get("side", "unit") == "unit"])
            self.consultant_model.set_rows([p for p in people if p.get("side") == "consultant"])
            self.content.setPlainText(data.get("content") or "")
            self.conclusions.setPlainText(data.get("conclusions") or "")
            self.actions_model.set_rows(data.get("action_items") or [])
            self.copies.setValue(int(data.get("copies") or 3))
            self.destinations.setPlainText("\n".join(data.get("copy_destinations") or []))
        finally:
            self._loading = False

    def set_ids(self, participant_ids: list[str], action_ids: list[str]) -> None:
        n = len(self.unit_model.rows)
        self.unit_model.set_ids(participant_ids[:n])
        self.consultant_model.set_ids(participant_ids[n:])
        self.actions_model.set_ids(action_ids)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for edit in (self.number, self.subject, self.place):
            edit.setReadOnly(read_only)
        for edit in (self.content, self.conclusions, self.destinations):
            edit.setReadOnly(read_only)
        for widget in (self.date, self.start, self.end, self.copies):
            widget.setReadOnly(read_only)
        for combo in (self.chair, self.secretary):
            combo.lineEdit().setReadOnly(read_only)
            combo.setEnabled(not read_only)
        for model in (self.unit_model, self.consultant_model, self.actions_model):
            model.read_only = read_only
        buttons = [*self.unit_buttons.values(), *self.consultant_buttons.values(),
                   *self.action_buttons.values(), self.default_destinations,
                   self.attachment_buttons["add_attachment"],
                   self.attachment_buttons["remove_attachment"]]
        for btn in buttons:
            btn.setVisible(not read_only)
        for name in ("content", "conclusions"):
            for suffix in ("bullets", "indent", "outdent"):
                btn = self.findChild(QPushButton, f"{name}_{suffix}")
                if btn is not None:
                    btn.setVisible(not read_only)

    # --- errors ---------------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages beside their fields; tabs with a problem are marked."""
        grouped: dict[str, list[str]] = {}
        for key, message in errors.items():
            field = key.split("[", 1)[0].split(".", 1)[0]
            grouped.setdefault(field, []).append(message)
        merged = {k: "\n".join(v) for k, v in grouped.items()}
        if merged:
            self.errors.show(ValidationError(merged))
        else:
            self.errors.clear()
        bad_tabs = {FIELD_TAB.get(k, 0) for k in merged}
        for i, title in enumerate(self._tab_titles):
            self.tabs.setTabText(i, title + (" ⚠" if i in bad_tabs else ""))

    def first_error_tab(self, errors: dict[str, str]) -> int | None:
        tabs = [FIELD_TAB.get(k.split("[", 1)[0].split(".", 1)[0], 0) for k in errors]
        return min(tabs) if tabs else None
