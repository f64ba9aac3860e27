"""Nhân sự: the staff roster page."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.output.roster_xlsx import export_roster, read_roster, write_template
from desktop.models.errors import IsoDeskError
from desktop.models.staff import StaffMember, StaffRepository

from .common import empty_hint, show_error, show_info
from .context import ViewContext
from .files import open_file, save_file
from .flow import FlowLayout
from .operation import run_operation
from .staff_dialogs import ImportPreviewDialog, StaffDialog
from .staff_model import StaffTableModel, staff_search
from .tables import make_table


class StaffPage(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = StaffRepository(ctx.store)
        editable = ctx.can("edit_staff")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Staff</h2>"))
        layout.addWidget(title)

        bar = QHBoxLayout()
        actions = FlowLayout()
        self.search = QLineEdit()
        self.search.setObjectName("staff_search")
        self.search.setPlaceholderText(
            self.tr("Search by name, code or department (accents optional)"))
        self.search.setMinimumWidth(380)
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.show_inactive = QCheckBox(self.tr("Show inactive"))
        self.show_inactive.setObjectName("show_inactive")
        self.show_inactive.setChecked(True)
        bar.addWidget(self.show_inactive)
        bar.addStretch(1)
        self.add_btn = self._button(actions, "add_staff", self.tr("Add…"), self.add_member, editable)
        self.edit_btn = self._button(actions, "edit_staff", self.tr("Edit…"), self.edit_member, editable)
        self.toggle_btn = self._button(actions, "toggle_active", self.tr("Deactivate"),
                                       self.toggle_active, editable)
        self.import_btn = self._button(actions, "import_staff", self.tr("Import from Excel…"),
                                       self.import_excel, editable)
        self.export_btn = self._button(actions, "export_staff", self.tr("Export to Excel…"),
                                       self.export_excel, True)
        self.template_btn = self._button(actions, "save_template", self.tr("Save Excel template…"),
                                         self.save_template, True)
        layout.addLayout(bar)
        layout.addLayout(actions)

        self.model = StaffTableModel(self)
        self.proxy = staff_search(self)
        # on a narrow screen the details go first (they stay in the edit dialog)
        self.table = make_table(
            "staff_table", self.proxy, source=self.model, stretch=StaffTableModel.DEPARTMENT,
            sort=(StaffTableModel.NAME, Qt.SortOrder.AscendingOrder),
            optional=[StaffTableModel.EMAIL, StaffTableModel.GENDER, StaffTableModel.BIRTH,
                      StaffTableModel.PHONE, StaffTableModel.RANK])
        self.table.doubleClicked.connect(lambda _i: self.edit_member() if editable else None)
        layout.addWidget(self.table, 1)
        if editable:
            self.empty = empty_hint(
                self.table, self.tr("No staff on the list yet. Import the office's staff list "
                                    "from Excel (\"Save Excel template…\" gives a sheet to fill "
                                    "in), or add people one by one with \"Add…\"."),
                button=self.tr("Import the staff list from Excel…"),
                on_click=self.import_excel, model=self.model)
        else:
            self.empty = empty_hint(self.table, self.tr(
                "No staff on the list yet: an administrator imports the staff list."),
                model=self.model)
        self.count_label = QLabel()
        self.count_label.setObjectName("staff_count")
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._filter)
        self.show_inactive.toggled.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.data_changed.connect(self._on_data_changed)
        self.reload()

    def _button(self, bar, name, text, slot, enabled) -> QPushButton:
        btn = QPushButton(text)
        btn.setObjectName(name)
        btn.clicked.connect(slot)
        btn.setVisible(enabled)
        bar.addWidget(btn)
        return btn

    # --- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.model.set_items(self.repo.list())
        self._filter()

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if "staff" in tables:
            self.reload()

    def _filter(self) -> None:
        self.proxy.set_query(self.search.text())
        self.proxy.set_predicate(None if self.show_inactive.isChecked() else lambda p: p.active)
        total = self.model.rowCount()
        active = sum(1 for p in self.model.items if p.active)
        self.count_label.setText(self.tr("Showing %1 of %2 staff (%3 active)")
                                 .replace("%1", str(self.proxy.rowCount()))
                                 .replace("%2", str(total)).replace("%3", str(active)))
        self._selection_changed()

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.item(self.proxy.mapToSource(rows[0]).row())

    def _selection_changed(self, *_args) -> None:
        member = self.selected()
        self.edit_btn.setEnabled(member is not None)
        self.toggle_btn.setEnabled(member is not None)
        self.toggle_btn.setText(self.tr("Reactivate") if member is not None and not member.active
                                else self.tr("Deactivate"))

    def select_code(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, StaffTableModel.CODE)
            if idx.data() == code:
                self.table.selectRow(row)
                return

    # --- actions ----------------------------------------------------------------------------

    def add_member(self) -> None:
        dlg = StaffDialog(self.repo, parent=self)
        if dlg.exec():
            self.ctx.announce_changes()
            self.select_code(dlg.saved.staff_code)

    def edit_member(self) -> None:
        member = self.selected()
        if member is None:
            return
        dlg = StaffDialog(self.repo, member, parent=self)
        if dlg.exec():
            self.ctx.announce_changes()
            self.select_code(dlg.saved.staff_code)

    def toggle_active(self) -> None:
        member = self.selected()
        if member is None:
            return
        try:
            self.repo.set_active(member.id, not member.active)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.ctx.announce_changes()
        self.select_code(member.staff_code)

    def import_excel(self, _checked=False, path: str | None = None,
                     sheet: str | None = None) -> None:
        """Read the list off the UI thread (a large or hostile file must not freeze the
        window), then show the preview; picking another sheet there reads that sheet."""
        if path is None:
            path = open_file(self, self.tr("Import staff from Excel"), "staff-excel",
                             self.tr("Excel files (*.xlsx)"))
        if not path:
            return

        def read(job):   # the file read and checked against the roster on a connection aside
            roster = read_roster(Path(path), sheet=sheet)
            job.check()
            plan = StaffRepository(job.store).plan_import(roster.rows)
            plan.converted_cells = roster.converted
            plan.file_notes = roster.notes()
            return roster, plan

        self.import_operation = run_operation(
            self, read, lambda out: self._preview_import(path, *out), store=self.ctx.store,
            cancellable=True, text=self.tr("Reading %1…").replace("%1", Path(path).name))

    def _preview_import(self, path: str, roster, plan) -> None:
        self.preview = ImportPreviewDialog(plan, Path(path).name, self, roster=roster)
        result = self.preview.exec()
        if result == ImportPreviewDialog.SHEET_CHOSEN:
            self.import_excel(path=path, sheet=self.preview.chosen_sheet)
            return
        if not result:
            return
        accept_good = self.preview.accept_good

        def write(job):
            result = StaffRepository(job.store).apply_import(plan, accept_good=accept_good)
            return result

        def done(result):
            show_info(self, self.tr("Imported: %1 added, %2 updated. Rows refused: %3.")
                      .replace("%1", str(result["added"])).replace("%2", str(result["updated"]))
                      .replace("%3", str(len(result["errors"]))))

        self.import_operation = run_operation(self, write, done, store=self.ctx.store,
                                              ctx=self.ctx, text=self.tr("Importing…"))

    def export_excel(self, _checked=False, path: str | None = None):
        """Write the roster to an Excel file as an operation (returned; None when no file was
        chosen)."""
        if path is None:
            path = save_file(self, self.tr("Export staff to Excel"), "staff-excel",
                             "danh-sach-can-bo.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return None
        profile = self.ctx.profile
        unit = profile.name if profile else ""

        def write(job):
            people = StaffRepository(job.store).list()
            return export_roster(Path(path), people, unit, progress=job.progress)

        return run_operation(
            self, write, lambda _r: show_info(self, self.tr("Saved %1").replace("%1", str(path))),
            store=self.ctx.store, cancellable=True, text=self.tr("Writing the staff list…"))

    def save_template(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Save the Excel template"), "staff-excel",
                             "mau-danh-sach-can-bo.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        try:
            write_template(Path(path))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))
