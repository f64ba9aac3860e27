"""Keying in paper answers fast: staff code, variant, then one letter per question; Enter saves,
grades exactly like the kiosk, and the form is ready for the next paper. A CSV can be imported
too (all rows or none, unless the good rows are chosen)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout,
)

from desktop.output.quiz.formats.answers_csv import read_answers
from desktop.models.db import Store
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import paper_entry, papers
from desktop.models.staff import StaffRepository

from ..common import confirm, fit_to_screen, keep_whole, show_error, show_info
from ..files import open_file
from ..tables import ItemsModel, make_table
from .table_models import pct


class EnteredModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Staff code"), self.tr("Full name"), self.tr("Variant"),
                        self.tr("Score"), "%", self.tr("Result")]

    def display(self, r: dict, column: int) -> str:
        return [r["staff_code"], r["full_name"], r["variant"],
                f"{r['score']}/{r['max_score']}", pct(r["percent"]),
                self.tr("Passed") if r["passed"] else self.tr("Not passed")][column]

    def foreground(self, r: dict, column: int):
        return ("#1e7b34" if r["passed"] else "#b00020") if column >= 3 else None


class PaperEntryDialog(QDialog):
    def __init__(self, store: Store, session_id: str, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store = store
        self.session_id = session_id
        self.entered_any = False
        self.setWindowTitle(self.tr("Enter answers from paper"))
        fit_to_screen(self, 820, 560)
        self.variants = {v["code"]: v for v in papers.list_variants(store, session_id)}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Type the staff code, choose the variant printed on the paper, "
                               "then the letters ticked in the answer grid, one per question "
                               "(\"-\" for a blank, (AC) for several). Enter saves and grades."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        code_row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("entry_code")
        self.code.setMaximumWidth(160)
        self.person = QLabel()
        self.person.setObjectName("entry_person")
        code_row.addWidget(self.code)
        code_row.addWidget(self.person, 1)
        self.variant = QComboBox()
        self.variant.setObjectName("entry_variant")
        for code in sorted(self.variants):
            self.variant.addItem(self.tr("Variant %1").replace("%1", code), code)
        self.answers = QLineEdit()
        self.answers.setObjectName("entry_answers")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(14)
        self.answers.setFont(mono)
        self.progress = QLabel()
        self.progress.setObjectName("entry_progress")
        self.message = QLabel()
        self.message.setObjectName("entry_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.tr("Staff code:"), code_row)
        form.addRow(self.tr("Variant:"), self.variant)
        form.addRow(self.tr("Answers:"), self.answers)
        form.addRow("", self.progress)
        form.addRow("", self.message)
        layout.addLayout(form)
        self.model = EnteredModel(self)
        table = make_table("entered_table", self.model, stretch=1, sortable=False)
        layout.addWidget(QLabel(self.tr("Entered in this window:")))
        layout.addWidget(table, 1)
        bottom = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Import a CSV file…"))
        self.csv_button.setObjectName("entry_csv")
        self.csv_button.clicked.connect(lambda: self.import_csv())
        bottom.addWidget(self.csv_button)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.code.textChanged.connect(self._person)
        self.answers.textChanged.connect(self._progress)
        self.variant.currentIndexChanged.connect(self._progress)
        self.answers.returnPressed.connect(self.save_one)
        self.code.returnPressed.connect(self.answers.setFocus)
        self.setTabOrder(self.code, self.variant)
        self.setTabOrder(self.variant, self.answers)
        if not self.variants:
            self.message.setText(self.tr("No paper variants yet: print them first."))
        self._progress()

    def _person(self, text: str) -> None:
        p = StaffRepository(self.store).by_code(text) if text.strip() else None
        self.person.setText(f"{p.full_name} — {p.department}" if p else
                            (self.tr("not on the roster") if text.strip() else ""))

    def _progress(self, *_args) -> None:
        variant = self.variants.get(self.variant.currentData())
        if not variant:
            self.progress.clear()
            return
        n = len(variant["items"])
        text = self.answers.text().replace(" ", "")
        typed = 0
        depth = False
        for ch in text:
            if ch in "([":
                depth = True
                typed += 1
            elif ch in ")]":
                depth = False
            elif not depth:
                typed += 1
        self.progress.setText(self.tr("%1 of %n question(s) typed", "", n)
                              .replace("%1", str(typed)))

    def save_one(self) -> None:
        row = paper_entry.EntryRow(1, self.code.text(), self.variant.currentData() or "",
                                   self.answers.text())
        try:
            plan = paper_entry.plan_entries(self.store, self.session_id, [row])
            if plan.rejected:
                self.message.setText(plan.rejected[0]["message"])
                return
            result = paper_entry.apply_entries(self.store, self.session_id, plan)
        except IsoDeskError as exc:
            self.message.setText(exc.message)
            return
        self.entered_any = True
        self.message.clear()
        self.model.set_items(self.model.items + [{**r, "variant": r["variant"]}
                                                 for r in result["results"]])
        self.code.clear()
        self.answers.clear()
        self.code.setFocus()

    def import_csv(self, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Answers from paper (CSV)"), "paper-answers",
                             self.tr("CSV files (*.csv *.txt)"))
        if not path:
            return
        try:
            rows, problems = read_answers(Path(path))
            plan = paper_entry.plan_entries(self.store, self.session_id, rows)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        plan.rejected = sorted(problems + plan.rejected, key=lambda r: r["line"])
        accept_good = False
        if plan.rejected:
            line_text = self.tr("Line %1: %2")
            lines = "\n".join("• " + line_text.replace("%1", str(r["line"]))
                              .replace("%2", r["message"]) for r in plan.rejected[:15])
            text = self.tr("%n row(s) are wrong and nothing was entered:", "",
                           len(plan.rejected)) + "\n" + lines
            if not plan.entries:
                show_error(self, text)
                return
            accept_good = confirm(self, text + "\n\n" + self.tr(
                "Enter the %1 good rows now and leave out the wrong ones?").replace(
                "%1", str(len(plan.entries))), yes=self.tr("Enter the good rows"),
                no=self.tr("Cancel"))
            if not accept_good:
                return
        result = paper_entry.apply_entries(self.store, self.session_id, plan,
                                           accept_good=accept_good)
        self.entered_any = self.entered_any or bool(result["entered"])
        self.model.set_items(self.model.items + result["results"])
        show_info(self, self.tr("%n paper(s) entered and graded.", "", result["entered"]))
