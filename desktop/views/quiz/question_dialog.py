"""Edit a question of the bank (a used question gets a new version), the topics, and a
question's versions."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout,
    QInputDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.models.db import Store
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.quiz import bank, wording
from desktop.models.quiz.common import LETTERS, MAX_OPTIONS
from desktop.models.quiz.kinds import TRUE_FALSE_OPTIONS

from ..common import FieldErrors, fit_to_screen, scrolling, show_error, vn_datetime
from ..tables import ItemsModel, make_table
from .question_pictures import PicturesEditor, kind_combo


class QuestionDialog(QDialog):
    def __init__(self, store: Store, question: bank.Question | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.question = question
        self.saved: bank.Question | None = None
        self.new_version = False
        self.setWindowTitle(self.tr("Edit question %1").replace("%1", question.key) if question
                            else self.tr("New question"))
        fit_to_screen(self, 760, 720)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        if question and question.used:
            note = QLabel(self.tr("This question has already been on a paper. Saving a change "
                                  "makes version %1; attempts keep the version they showed.")
                          .replace("%1", str(question.version_no + 1)))
            note.setObjectName("version_note")
            note.setWordWrap(True)
            note.setStyleSheet("color: #a15c00;")
            layout.addWidget(note)
        form = QFormLayout()
        self.topic = QComboBox()
        self.topic.setObjectName("topic")
        for t in bank.list_topics(store, include_retired=False):
            self.topic.addItem(t.name, t.code)
            self.topic.setItemData(self.topic.count() - 1,
                                   self.tr("Topic code: %1").replace("%1", t.code),
                                   Qt.ItemDataRole.ToolTipRole)
        self.clause = QLineEdit()
        self.clause.setObjectName("clause")
        self.clause.setPlaceholderText(self.tr("for example 7.3 a"))
        self.difficulty = QComboBox()
        self.difficulty.setObjectName("difficulty")
        for value, text in ((1, self.tr("1 — easy")), (2, self.tr("2 — medium")),
                            (3, self.tr("3 — hard"))):
            self.difficulty.addItem(text, value)
        self.text = QPlainTextEdit()
        self.text.setObjectName("question_text")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        form.addRow(self.tr("Topic:"), self.topic)
        form.addRow("", self.errors.label_for("topic"))
        form.addRow(self.tr("Clause:"), self.clause)
        form.addRow("", self.errors.label_for("clause"))
        form.addRow(self.tr("Difficulty:"), self.difficulty)
        self.kind = kind_combo(self)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow("", self.errors.label_for("kind"))
        form.addRow(self.tr("Question:"), self.text)
        form.addRow("", self.errors.label_for("text"))
        names = wording.level_names(store)
        hint = QLabel(self.tr("Unit names: write %1 or %2 (and %3, %4 for the ISO teams); they "
                              "are shown as this unit's level names, now “%5” and “%6”.")
                      .replace("%1", "{BHXH huyện}").replace("%2", "{BHXH tỉnh}")
                      .replace("%3", "{Tổ triển khai ISO}").replace("%4", "{Ban Chỉ đạo ISO}")
                      .replace("%5", names["district"]).replace("%6", names["province"]))
        hint.setObjectName("placeholder_hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Options (tick every right one; in your own words, never "
                                        "the standard's text):")))
        grid = QGridLayout()
        self.option_edits: list[QLineEdit] = []
        self.correct_boxes: list[QCheckBox] = []
        for i in range(MAX_OPTIONS):
            box = QCheckBox(self.tr("right"))
            box.setObjectName(f"correct_{i}")
            edit = QLineEdit()
            edit.setObjectName(f"option_{i}")
            grid.addWidget(QLabel(LETTERS[i] + "."), i, 0)
            grid.addWidget(edit, i, 1)
            grid.addWidget(box, i, 2)
            self.option_edits.append(edit)
            self.correct_boxes.append(box)
        holder = QWidget()
        holder.setLayout(grid)
        layout.addWidget(scrolling(holder), 1)   # the options scroll on a short screen
        layout.addWidget(self.errors.label_for("options"))
        layout.addWidget(self.errors.label_for("correct"))
        layout.addWidget(self.errors.label_for("weights"))
        self.pictures = PicturesEditor(store, question.pictures if question else [],
                                       len(question.options) if question else 4, self)
        layout.addWidget(self.pictures)
        layout.addWidget(self.errors.label_for("pictures"))
        form2 = QFormLayout()
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("explanation")
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(80)
        form2.addRow(self.tr("Explanation:"), self.explanation)
        self.historical = QCheckBox(self.tr("Historical question (about a plan that is over): "
                                            "new papers leave it out unless the session "
                                            "includes historical questions"))
        self.historical.setObjectName("historical")
        form2.addRow("", self.historical)
        layout.addLayout(form2)
        layout.addWidget(self.errors.label_for(""))
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save_question")
        save.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if question:
            self.topic.setCurrentIndex(max(0, self.topic.findData(question.topic_code)))
            self.clause.setText(question.clause)
            self.difficulty.setCurrentIndex(max(0, self.difficulty.findData(question.difficulty)))
            self.text.setPlainText(question.text)
            for i, option in enumerate(question.options):
                self.option_edits[i].setText(option)
                self.correct_boxes[i].setChecked(i in question.correct)
            self.explanation.setPlainText(question.explanation)
            self.historical.setChecked(question.historical)
            self.kind.setCurrentIndex(max(0, self.kind.findData(question.kind)))
        else:
            self.difficulty.setCurrentIndex(1)
        for edit in self.option_edits:
            edit.textChanged.connect(self._options_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def values(self) -> dict:
        options = [e.text() for e in self.option_edits]
        while options and not options[-1].strip():
            options.pop()
        return {"topic_code": self.topic.currentData() or "", "clause": self.clause.text(),
                "difficulty": self.difficulty.currentData(), "text": self.text.toPlainText(),
                "options": options,
                "correct": [i for i, b in enumerate(self.correct_boxes)
                            if b.isChecked() and i < len(options)],
                "explanation": self.explanation.toPlainText(),
                "historical": self.historical.isChecked(), "kind": self.kind.currentData(),
                "pictures": self.pictures.values()}

    def _options_changed(self, *_args) -> None:
        filled = [i for i, e in enumerate(self.option_edits) if e.text().strip()]
        self.pictures.set_option_count((max(filled) + 1) if filled else 0)

    def _kind_changed(self, *_args) -> None:
        """True / false: the two options are the stored words Đúng and Sai (data, as in every
        question file), filled in when the options are still empty."""
        if self.kind.currentData() == "truefalse" and not any(
                e.text().strip() for e in self.option_edits):
            for edit, word in zip(self.option_edits, TRUE_FALSE_OPTIONS):
                edit.setText(word)

    def save(self) -> None:
        try:
            if self.question is None:
                self.saved = bank.add_question(self.store, self.values())
            else:
                self.saved, self.new_version = bank.update_question(
                    self.store, self.question.id, self.values(),
                    expected_version=self.question.row_version)
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.accept()


class TopicsModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Name"), self.tr("Code"), self.tr("Active questions"),
                        self.tr("State")]
        self.counts: dict[str, int] = {}

    def cell_tooltip(self, t: bank.Topic, column: int) -> str | None:
        return t.name if column == 0 else (t.code if column == 1 else None)

    def display(self, t: bank.Topic, column: int) -> str:
        return [t.name, t.code, str(self.counts.get(t.code, 0)),
                self.tr("Retired") if t.retired else self.tr("In use")][column]


class TopicsDialog(QDialog):
    """Add, rename and retire topics."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Topics"))
        fit_to_screen(self, 780, 460)
        layout = QVBoxLayout(self)
        self.model = TopicsModel(self)
        # the code narrow, the full code in its tooltip
        self.table = make_table("topics_table", self.model, stretch=0, fixed={1: 140},
                                sortable=False)
        layout.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setObjectName("topic_name")
        self.name.setPlaceholderText(self.tr("Name of the topic"))
        self.code = QLineEdit()
        self.code.setObjectName("topic_code")
        self.code.setPlaceholderText(self.tr("Short code, no accents"))
        self.code.setToolTip(self.tr("A short code without accents or spaces (for example CSCL), "
                                     "used in question files; it cannot change later."))
        self.code.setMaximumWidth(170)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("add_topic")
        add.clicked.connect(self.add)
        form.addWidget(self.name, 1)
        form.addWidget(self.code)
        form.addWidget(add)
        layout.addLayout(form)
        self.errors = FieldErrors()
        layout.addWidget(self.errors.label_for("name"))
        layout.addWidget(self.errors.label_for("code"))
        row = QHBoxLayout()
        rename = QPushButton(self.tr("Rename…"))
        rename.setObjectName("rename_topic")
        rename.clicked.connect(lambda: self.rename())
        retire = QPushButton(self.tr("Retire / restore"))
        retire.setObjectName("retire_topic")
        retire.clicked.connect(self.toggle)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(rename)
        row.addWidget(retire)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.model.counts = bank.bank_counts(self.store)
        self.model.set_items(bank.list_topics(self.store))

    def selected(self) -> bank.Topic | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def add(self) -> None:
        try:
            bank.add_topic(self.store, self.code.text(), self.name.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        self.code.clear()
        self.name.clear()
        self.reload()

    def rename(self, name: str | None = None) -> None:
        t = self.selected()
        if t is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename the topic"), self.tr("Name:"),
                                            text=t.name)
            if not ok:
                return
        try:
            bank.update_topic(self.store, t.id, name=name)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.reload()

    def toggle(self) -> None:
        t = self.selected()
        if t is None:
            return
        try:
            bank.update_topic(self.store, t.id, retired=not t.retired)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.reload()


class VersionsModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Version"), self.tr("Saved"), self.tr("Question"),
                        self.tr("Right answer")]

    def display(self, v: dict, column: int) -> str:
        right = ", ".join(f"{LETTERS[i]}. {v['options'][i]}" for i in v["correct"])
        return [str(v["number"]), vn_datetime(v["updated_at"]),
                v["text"].replace("\n", " "), right][column]


class VersionsDialog(QDialog):
    def __init__(self, store: Store, question: bank.Question, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Versions of %1").replace("%1", question.key))
        fit_to_screen(self, 820, 360)
        layout = QVBoxLayout(self)
        self.model = VersionsModel(self)
        self.model.set_items(bank.versions_of(store, question.id))
        table = make_table("versions_table", self.model, stretch=2, sortable=False)
        table.setWordWrap(True)   # the question and its right answer whole
        layout.addWidget(table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        table.resizeRowsToContents()
