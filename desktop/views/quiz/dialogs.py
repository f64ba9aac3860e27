"""Small dialogs of the proctor's view: the PIN, picking a person, an attempt's answers, the
paper variants to print."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
)

from desktop.models.db import Store
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.quiz import kiosk, sessions
from desktop.models.staff import StaffMember

from ..common import FieldErrors, fit_to_screen, keep_whole, show_error, tr
from ..tables import ItemsModel, SearchProxy, make_table
from .kiosk.widgets import PictureStrip
from .table_models import pct


def _buttons(dialog: QDialog, ok_text: str, name: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(name)
    ok.setDefault(True)
    box.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    box.rejected.connect(dialog.reject)
    return box


class PinDialog(QDialog):
    """Set the proctor's PIN of a session (typed twice)."""

    def __init__(self, store: Store, session_id: str, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store = store
        self.session_id = session_id
        self.setWindowTitle(self.tr("Proctor's PIN"))
        self.errors = FieldErrors()
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The PIN lets the proctor leave the test mode, resume an "
                              "interrupted test and add people at the kiosk. Keep it to "
                              "yourself."))
        note.setWordWrap(True)   # on two lines rather than a dialog as wide as the screen
        layout.addWidget(note)
        form = QFormLayout()
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.again = QLineEdit()
        self.again.setObjectName("pin_again")
        for edit in (self.pin, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(8)
        form.addRow(self.tr("PIN (4–8 digits):"), self.pin)
        form.addRow(self.tr("Again:"), self.again)
        form.addRow("", self.errors.label_for("pin"))
        layout.addLayout(form)
        box = _buttons(self, self.tr("Set the PIN"), "set_pin")
        box.accepted.connect(self.save)
        layout.addWidget(box)

    def save(self) -> None:
        if self.pin.text() != self.again.text():
            self.errors.show(ValidationError({"pin": self.tr("The two PINs are not the same.")}))
            return
        try:
            sessions.set_pin(self.store, self.session_id, self.pin.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.accept()


class StaffListModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Full name"), self.tr("Staff code"), self.tr("Department")]

    def display(self, p: StaffMember, column: int) -> str:
        return [p.full_name, p.staff_code, p.department][column]

    def sort_key(self, p, column: int):
        from desktop.models.vntext import person_sort_key
        return person_sort_key(p.full_name) if column == 0 else super().sort_key(p, column)


class PickStaffDialog(QDialog):
    """Choose one person from a list (search ignores diacritics)."""

    def __init__(self, people: list[StaffMember], title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 620, 480)
        self.chosen: StaffMember | None = None
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("pick_search")
        self.search.setPlaceholderText(self.tr("Name or staff code"))
        layout.addWidget(self.search)
        self.model = StaffListModel(self)
        self.model.set_items(people)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("pick_table", self.proxy, source=self.model, stretch=0,
                                sort=(0, Qt.SortOrder.AscendingOrder))
        self.table.doubleClicked.connect(lambda _i: self.choose())
        layout.addWidget(self.table, 1)
        box = _buttons(self, self.tr("Choose"), "choose")
        box.accepted.connect(self.choose)
        layout.addWidget(box)
        self.search.textChanged.connect(self._filter)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.proxy.object_at(rows[0].row())
        self.accept()


class EvidenceModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("No."), self.tr("Question as shown"), self.tr("Chosen"),
                        self.tr("Right answer"), self.tr("Result")]

    def display(self, it: dict, column: int) -> str:
        return [str(it["position"]), it["text"].replace("\n", " "), it["chosen"] or "—",
                it["right"], self.tr("Right") if it["correct"] else self.tr("Wrong")][column]

    def sort_key(self, it: dict, column: int):
        return it["position"] if column == 0 else super().sort_key(it, column)

    def foreground(self, it: dict, column: int):
        return "#1e7b34" if it["correct"] else "#b00020"


class EvidenceDialog(QDialog):
    """An attempt's answers, exactly as the person saw the questions and options."""

    def __init__(self, evidence: dict, parent=None):
        super().__init__(parent)
        e = evidence
        self.setWindowTitle(self.tr("Answers of %1").replace("%1", e["full_name"]))
        fit_to_screen(self, 900, 560)
        layout = QVBoxLayout(self)
        if e["status"] == "submitted":
            head = self.tr("Attempt %1: %2 of %3 right (%4%) — %5.").replace("%1", str(e["number"])) \
                .replace("%2", str(e["score"])).replace("%3", str(e["max_score"])) \
                .replace("%4", pct(e["percent"])) \
                .replace("%5", self.tr("passed") if e["passed"] else self.tr("not passed"))
        else:
            head = self.tr("Attempt %1: not submitted yet.").replace("%1", str(e["number"]))
        if e["mode"] == "paper":
            how = self.tr("On paper, variant %1.").replace("%1", e["variant"] or "")
        elif e.get("channel") == "web":
            how = self.tr("Over the office network: %1.").replace("%1", e["kiosk"])
        elif kiosk.names_a_machine(e["kiosk"]):       # "Máy 1": named once, not "máy Máy 1"
            how = self.tr("On %1.").replace("%1", e["kiosk"])
        else:
            how = self.tr("On the kiosk %1.").replace("%1", e["kiosk"] or "").replace(" .", ".")
        label = QLabel(head + " " + how + " " + self.tr("Paper seed: %1.").replace(
            "%1", str(e["seed"])))
        label.setObjectName("evidence_head")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.model = EvidenceModel(self)
        self.model.set_items(e["items"])
        table = make_table("evidence_table", self.model, stretch=1, sortable=False)
        table.setWordWrap(True)
        layout.addWidget(table, 1)
        self.detail = QLabel()
        self.detail.setObjectName("evidence_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.detail)
        self.detail_pictures = PictureStrip((320, 180))
        self.detail_pictures.setObjectName("evidence_pictures")
        layout.addWidget(self.detail_pictures)
        table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show(e["items"][cur.row()]))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout.addWidget(box)

    def _show(self, it: dict) -> None:
        question_pictures, option_pictures = it.get("pictures") or ((), [])
        lines = []
        for i, o in enumerate(it["options"]):
            count = len(option_pictures[i]) if i < len(option_pictures) else 0
            lines.append(f"{chr(65 + i)}. {o}" + (" " + self.tr("[%1 pictures]").replace(
                "%1", str(count)) if count else ""))
        self.detail.setText(f"{it['position']}. {it['text']}\n" + "\n".join(lines))
        self.detail_pictures.set_pictures(list(question_pictures)
                                          + [p for ps in option_pictures for p in ps])


class VariantsDialog(QDialog):
    """How many paper variants to print, and whether to print the answer key too."""

    def __init__(self, existing: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print paper variants"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Each variant has the questions and options in its own order, an "
                              "answer grid and its code. Variants printed before are printed "
                              "again exactly the same."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.count = QSpinBox()
        self.count.setObjectName("variant_count")
        self.count.setRange(1, 26)
        self.count.setValue(max(existing, 4))
        self.key = QCheckBox(self.tr("Also save the answer key (a separate PDF, for the proctor "
                                     "only)"))
        self.key.setObjectName("with_key")
        self.key.setChecked(True)
        form.addRow(self.tr("Number of variants:"), self.count)
        form.addRow("", self.key)
        layout.addLayout(form)
        box = _buttons(self, self.tr("Save the PDF…"), "print_variants")
        box.accepted.connect(self.accept)
        layout.addWidget(box)


def safe(parent, fn, *args, **kw):
    """Run fn; show a domain error and return None instead of raising."""
    try:
        return fn(*args, **kw)
    except IsoDeskError as exc:
        show_error(parent, exc)
        return None
