"""The yearly report: its sections (configurable), the figures the program fills for the year, the
text people write; saved, reopened, made final; Excel and PDF output."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
    QVBoxLayout, QWidget,
)

from desktop.output.iso.annual_report import write_pdf_report, write_xlsx
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.iso.annual_report import (
    FIGURE_GROUPS, AnnualReport, ReportRepository, Section, reset_section_template,
    save_section_template, section_numbers,
)
from desktop.models.iso.figures import deadline_for, deadline_month_day, set_deadline
from desktop.models.iso.report_data import build_report

from ..common import (
    FieldErrors, compact_combo, confirm, scrolling, show_error, show_info,
)
from ..files import save_file
from ..operation import run_operation
from ..flow import FlowLayout
from ..tables import Column, ItemsModel, make_table
from .common import DateEdit, date_text
from .labels import label


class ReportTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = ReportRepository(ctx.store)
        self.editable = ctx.can("edit_records")
        self.report: AnnualReport | None = None
        self.sections: list[Section] = []
        self.current_row = -1
        self.dirty = False
        self._loading = False
        self.errors = FieldErrors()
        # the form scrolls up and down when the screen is short (1366×768 at 125 %)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(2000, 2100)
        today = _dt.date.today()
        self.year.setValue(today.year)
        top.addWidget(self.year)
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        top.addWidget(self.status, 1)
        self.deadline_btn = QPushButton(self.tr("Change the deadline…"))
        self.deadline_btn.setObjectName("report_deadline")
        self.deadline_btn.clicked.connect(lambda _c=False: self.change_deadline())
        self.deadline_btn.setVisible(ctx.can("settings"))
        top.addWidget(self.deadline_btn)
        layout.addLayout(top)
        actions = FlowLayout()   # wraps on a narrow screen
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot, show in (
                ("report_save", self.tr("Save draft"), self.save, self.editable),
                ("report_final", self.tr("Make final…"), self.make_final, self.editable),
                ("report_reopen", self.tr("Reopen as draft"), self.reopen, self.editable),
                ("report_preview", self.tr("Preview PDF…"), self.preview, True),
                ("report_xlsx", self.tr("Export to Excel…"), lambda: self.export("xlsx"), True),
                ("report_pdf", self.tr("Export to PDF…"), lambda: self.export("pdf"), True)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(show)
            if name == "report_preview":
                actions.add_stretch()
            actions.addWidget(btn)
            self.buttons[name] = btn
        layout.addLayout(actions)

        head = QGroupBox(self.tr("Heading and signature"))
        form = QFormLayout(head)
        self.number = QLineEdit()
        self.number.setObjectName("report_number")
        self.number.setPlaceholderText(self.tr("e.g. 45/BC-BHXH"))
        self.report_on = DateEdit()
        self.report_on.setObjectName("report_on")
        self.recipient = QLineEdit()
        self.recipient.setObjectName("recipient")
        self.signer_title = QLineEdit()
        self.signer_title.setObjectName("signer_title")
        self.signer_name = QLineEdit()
        self.signer_name.setObjectName("signer_name")
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addWidget(QLabel(self.tr("dated")))
        row.addWidget(self.report_on)
        form.addRow(self.tr("Number:"), row)
        form.addRow("", self.errors.label_for("report_on"))
        form.addRow(self.tr("To:"), self.recipient)
        row = QHBoxLayout()
        row.addWidget(self.signer_title)
        row.addWidget(self.signer_name, 2)
        form.addRow(self.tr("Signed by (position, name):"), row)
        form.addRow("", self.errors.label_for("signer_name"))
        layout.addWidget(head)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("<b>Sections</b>")))
        self.section_list = QListWidget()
        self.section_list.setObjectName("section_list")
        self.section_list.setWordWrap(True)       # a long section title on two lines
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ll.addWidget(self.section_list, 1)
        ll.addWidget(self.errors.label_for("sections"))
        grid = FlowLayout()   # wraps on a narrow screen
        for name, text, slot in (("section_add", self.tr("Add…"), self.add_section),
                                 ("section_rename", self.tr("Rename…"), self.rename_section),
                                 ("section_remove", self.tr("Remove"), self.remove_section),
                                 ("section_up", self.tr("Up"), lambda: self.move_section(-1)),
                                 ("section_down", self.tr("Down"), lambda: self.move_section(1)),
                                 ("section_level", self.tr("Part of the one above"),
                                  self.toggle_level)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(self.editable)
            grid.addWidget(btn)
            self.buttons[name] = btn
        ll.addLayout(grid)
        form2 = QFormLayout()
        form2.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # the list under its label
        self.figures_group = QComboBox()
        self.figures_group.setObjectName("section_figures")
        compact_combo(self.figures_group, 20)
        for code in ("",) + FIGURE_GROUPS:
            self.figures_group.addItem(label("figures", code), code)
        form2.addRow(self.tr("Figures shown:"), self.figures_group)
        ll.addLayout(form2)
        tpl = FlowLayout()
        for name, text, slot in (
                ("sections_as_default", self.tr("Use as my default sections"),
                 self.save_as_default),
                ("sections_reset", self.tr("Restore the default sections"), self.restore_default)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(self.editable)
            tpl.addWidget(btn)
            self.buttons[name] = btn
        ll.addLayout(tpl)
        splitter.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.section_title = QLabel()
        self.section_title.setObjectName("section_title")
        self.section_title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.section_title.setWordWrap(True)
        # room for a title on two lines (a splitter does not grow for wrapped text)
        title_font = QFont(self.font())
        title_font.setPointSize(12)
        title_font.setBold(True)
        self.section_title.setMinimumHeight(QFontMetrics(title_font).lineSpacing() * 2 + 4)
        rl.addWidget(self.section_title)
        rl.addWidget(QLabel(self.tr("Figures the program fills for the year:")))
        self.facts_model = ItemsModel([
            Column(self.tr("Figure"), lambda f: ("      " + str(f[0]).lstrip("— "))
                   if str(f[0]).startswith("—") else str(f[0])),
            Column(self.tr("Value"), lambda f: "" if f[1] is None else str(f[1]),
                   align_right=True)], self)
        self.facts = make_table("section_facts", self.facts_model, stretch=0, sortable=False,
                                row_padding=8)
        # five figures in sight; on a short screen the tab scrolls rather than hide them
        self.facts.setMinimumHeight(self.facts.verticalHeader().defaultSectionSize() * 5
                                    + self.facts.horizontalHeader().sizeHint().height() * 2 + 4)
        rl.addWidget(self.facts, 3)
        rl.addWidget(QLabel(self.tr("Text of the section (written by the unit):")))
        self.text = QPlainTextEdit()
        self.text.setObjectName("section_text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        rl.addWidget(self.text, 2)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([450, 550])
        layout.addWidget(splitter, 1)
        outer.addWidget(scrolling(body))

        self.year.valueChanged.connect(self._year_changed)
        self.section_list.currentRowChanged.connect(self._section_changed)
        self.figures_group.currentIndexChanged.connect(self._figures_changed)
        self.text.textChanged.connect(self._mark_dirty)
        for w in (self.number, self.recipient, self.signer_title, self.signer_name,
                  self.report_on):
            w.textChanged.connect(self._mark_dirty)
        self.load(self.year.value())

    # --- loading ------------------------------------------------------------------------------

    def load(self, year: int) -> None:
        self._loading = True
        self.report = self.repo.for_year(year) or self.repo.new_draft(year)
        self.sections = [dataclasses.replace(s) for s in self.report.sections]
        self.data = build_report(self.ctx.store, year, report=self.report)
        r = self.report
        self.number.setText(r.number)
        self.report_on.set_date(r.report_on)
        self.recipient.setText(r.recipient)
        self.signer_title.setText(r.signer_title)
        self.signer_name.setText(r.signer_name)
        self.current_row = -1
        self._fill_sections(0)
        self.errors.clear()
        self.dirty = False
        self._loading = False
        self._update_state()

    def _fill_sections(self, row: int) -> None:
        self.section_list.blockSignals(True)
        self.section_list.clear()
        numbers = section_numbers(self.sections)
        for i, s in enumerate(self.sections, start=1):
            indent = "      " if s.level == 2 else ""
            item = QListWidgetItem(f"{indent}{numbers[i - 1]}. {s.title}")
            if s.figures:
                item.setToolTip(label("figures", s.figures))
            self.section_list.addItem(item)
        self.section_list.blockSignals(False)
        self.current_row = -1
        self.section_list.setCurrentRow(min(row, len(self.sections) - 1))

    def _year_changed(self, year: int) -> None:
        if self.dirty and not confirm(self, self.tr("The report of %1 has changes that are not "
                                                    "saved. Leave them?")
                                      .replace("%1", str(self.report.year)), danger=True):
            self.year.blockSignals(True)
            self.year.setValue(self.report.year)
            self.year.blockSignals(False)
            return
        self.load(year)

    def _store_text(self) -> None:
        if 0 <= self.current_row < len(self.sections):
            self.sections[self.current_row].text = self.text.toPlainText()

    def _section_changed(self, row: int) -> None:
        self._store_text()
        self.current_row = row
        loading, self._loading = self._loading, True
        if 0 <= row < len(self.sections):
            s = self.sections[row]
            self.section_title.setText(f"{section_numbers(self.sections)[row]}. {s.title}")
            self.text.setPlainText(s.text)
            self.figures_group.setCurrentIndex(max(0, self.figures_group.findData(s.figures)))
            self.facts_model.set_items(self.data.facts.get(s.figures, []) if s.figures else [])
        else:
            self.section_title.clear()
            self.text.clear()
            self.facts_model.set_items([])
        self._loading = loading
        self._update_state()

    def _update_state(self) -> None:
        r = self.report
        final = r.is_final
        deadline = deadline_for(self.ctx.store, r.year)
        days = (deadline - _dt.date.today()).days
        status = label("report_status", r.status if r.id else "none")
        text = self.tr("Status: %1 · due before %2").replace("%1", status)\
            .replace("%2", date_text(deadline))
        colour = "#1e7b34" if final else "#b00020" if days < 0 else "#a15c00" if days <= 30 \
            else "#333333"
        if not final:
            text += " · " + (self.tr("%n day(s) left", "", days) if days >= 0
                             else self.tr("%n day(s) late", "", -days))
        if self.dirty:
            text += " · " + self.tr("unsaved changes")
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        editing = self.editable and not final
        for w in (self.number, self.report_on, self.recipient, self.signer_title,
                  self.signer_name):
            w.setReadOnly(not editing)
        self.text.setReadOnly(not editing)
        self.figures_group.setEnabled(editing and self.section_list.currentRow() >= 0)
        for name in ("report_save", "section_add", "section_rename", "section_remove",
                     "section_up", "section_down", "section_level"):
            self.buttons[name].setEnabled(editing)
        self.buttons["report_final"].setEnabled(editing)
        self.buttons["report_reopen"].setEnabled(self.editable and final)

    def _mark_dirty(self, *_args) -> None:
        if not self._loading and not self.report.is_final:
            self.dirty = True
            self._update_state()

    def _figures_changed(self, *_args) -> None:
        row = self.section_list.currentRow()
        if self._loading or not 0 <= row < len(self.sections):
            return
        self.sections[row].figures = self.figures_group.currentData()
        self._store_text()
        self.dirty = True
        self._section_changed(row)

    def change_deadline(self, day_month: str | None = None) -> None:
        """The yearly deadline (a setting of this installation), as dd/mm."""
        month, day = deadline_month_day(self.ctx.store)
        if day_month is None:
            day_month, ok = QInputDialog.getText(
                self, self.tr("Deadline of the yearly report"),
                self.tr("The report is due before (day/month, every year):"),
                text=f"{day:02d}/{month:02d}")
            if not ok:
                return
        parts = day_month.replace("-", "/").replace(".", "/").split("/")
        try:
            set_deadline(self.ctx.store, int(parts[1]), int(parts[0]))
        except (ValueError, IndexError):
            show_error(self, self.tr("Write the deadline as day/month, e.g. 15/11."))
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.ctx.announce_changes()
        self._update_state()

    # --- sections -----------------------------------------------------------------------------

    def add_section(self) -> None:
        title, ok = QInputDialog.getText(self, self.tr("New section"), self.tr("Title:"))
        if ok and title.strip():
            self._store_text()
            self.sections.append(Section(f"custom{len(self.sections) + 1}", title.strip()))
            self.dirty = True
            self._fill_sections(len(self.sections) - 1)

    def rename_section(self) -> None:
        row = self.section_list.currentRow()
        if not 0 <= row < len(self.sections):
            return
        title, ok = QInputDialog.getText(self, self.tr("Rename section"), self.tr("Title:"),
                                         text=self.sections[row].title)
        if ok and title.strip():
            self._store_text()
            self.sections[row].title = title.strip()
            self.dirty = True
            self._fill_sections(row)

    def remove_section(self) -> None:
        row = self.section_list.currentRow()
        if not 0 <= row < len(self.sections) or len(self.sections) == 1:
            return
        if self.sections[row].text and not confirm(self, self.tr("Remove the section \"%1\" and "
                                                                 "its text?")
                                                   .replace("%1", self.sections[row].title),
                                                   danger=True):
            return
        self.current_row = -1
        del self.sections[row]
        self.dirty = True
        self._fill_sections(max(0, row - 1))

    def move_section(self, step: int) -> None:
        row = self.section_list.currentRow()
        other = row + step
        if not (0 <= row < len(self.sections) and 0 <= other < len(self.sections)):
            return
        self._store_text()
        self.sections[row], self.sections[other] = self.sections[other], self.sections[row]
        self.dirty = True
        self._fill_sections(other)

    def toggle_level(self) -> None:
        """A section becomes a numbered part of the section above it (1., 2. under VI.), or a
        section of its own again."""
        row = self.section_list.currentRow()
        if not 1 <= row < len(self.sections):
            return
        self._store_text()
        s = self.sections[row]
        s.level = 1 if s.level == 2 else 2
        self.dirty = True
        self._fill_sections(row)

    def save_as_default(self) -> None:
        self._store_text()
        try:
            save_section_template(self.ctx.store, self.sections)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("New reports will start with these sections."))

    def restore_default(self) -> None:
        if not confirm(self, self.tr("Go back to the program's default sections for new reports? "
                                     "This report keeps its own sections.")):
            return
        reset_section_template(self.ctx.store)
        if not self.report.id:
            self.load(self.report.year)

    # --- saving -------------------------------------------------------------------------------

    def values(self) -> dict:
        self._store_text()
        return {"number": self.number.text(), "report_on": self.report_on.value(),
                "recipient": self.recipient.text(), "signer_title": self.signer_title.text(),
                "signer_name": self.signer_name.text(),
                "sections": [s.as_dict() for s in self.sections]}

    def save(self) -> bool:
        try:
            self.repo.save(self.report.year, self.values(),
                           expected_version=self.report.version if self.report.id else None)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except IsoDeskError as exc:
            show_error(self, exc)
            return False
        self.ctx.announce_changes()
        self.load(self.report.year)
        return True

    def make_final(self) -> None:
        if not confirm(self, self.tr("Make the report of %1 final? Its figures are kept as they "
                                     "are today; to change it later, reopen it as a draft.")
                       .replace("%1", str(self.report.year))):
            return
        if (self.dirty or not self.report.id) and not self.save():
            return
        snapshot = build_report(self.ctx.store, self.report.year, report=self.report).snapshot()
        try:
            self.repo.finalise(self.report.id, snapshot)
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.ctx.announce_changes()
        self.load(self.report.year)

    def reopen(self) -> None:
        if not confirm(self, self.tr("Reopen the report as a draft? The figures will be computed "
                                     "again.")):
            return
        try:
            self.repo.reopen(self.report.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.ctx.announce_changes()
        self.load(self.report.year)

    # --- output -------------------------------------------------------------------------------

    def current_data(self):
        """The report as on screen (unsaved edits included), with its figures."""
        r = self.report
        if not r.is_final:
            v = self.values()
            r = dataclasses.replace(r, number=v["number"], report_on=None, recipient=v["recipient"],
                                    signer_title=v["signer_title"], signer_name=v["signer_name"],
                                    sections=[dataclasses.replace(s) for s in self.sections])
            day = self.report_on.date()
            r.report_on = day.isoformat() if day else None
        return build_report(self.ctx.store, r.year, report=r)

    def export(self, kind: str, path: str | None = None) -> None:
        if path is None:
            filt = self.tr("Excel files (*.xlsx)") if kind == "xlsx" else self.tr(
                "PDF files (*.pdf)")
            path = save_file(self, self.tr("Export the report"), f"report-{kind}",
                             f"bao-cao-iso-{self.report.year}.{kind}", filt)
        if not path:
            return
        data = self.current_data()
        writer = write_xlsx if kind == "xlsx" else write_pdf_report
        run_operation(self, lambda _job: writer(Path(path), data),
                      lambda _r: show_info(self, self.tr("Saved %1").replace("%1", str(path))),
                      text=self.tr("Writing the report…"))

    def preview(self) -> None:
        from ..pdf_preview import PdfPreviewDialog

        data = self.current_data()
        buf = io.BytesIO()

        def build(_job):
            write_pdf_report(buf, data)
            return buf.getvalue()

        def show(pdf: bytes) -> None:
            self.preview_dialog = PdfPreviewDialog(
                pdf, self.tr("Report %1").replace("%1", str(data.year)),
                f"bao-cao-iso-{data.year}.pdf", self)
            self.preview_dialog.open()

        run_operation(self, build, show, text=self.tr("Preparing the preview…"))
