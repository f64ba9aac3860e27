"""Editable tables of the minutes editor (participants, action items), the attachments list, and
the dialog that picks participants from the staff roster.

The participants and action items are grids typed into cell by cell (rows added, moved and
removed in place), so `RowsModel` is a model of its own with editable cells, not an `ItemsModel`,
and its views are set up by `setup_table`, not `views.tables.make_table` (read-only lists)."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableView,
    QVBoxLayout,
)

from desktop.models.vntext import clean, person_sort_key

from ..common import fit_to_screen
from ..tables import MULTI, Column, ItemsModel, SearchProxy, make_table


class RowsModel(QAbstractTableModel):
    """Rows of dicts, one column per key, edited in place. `changed` after every edit."""

    changed = Signal()

    def __init__(self, columns: list[tuple[str, str]], parent=None, *, fixed: dict | None = None):
        super().__init__(parent)
        self.columns = columns
        self.fixed = dict(fixed or {})
        self.rows: list[dict] = []
        self.read_only = False

    # -- data in and out ---------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def values(self) -> list[dict]:
        return [{**r, **self.fixed} for r in self.rows]

    def set_ids(self, ids: list[str]) -> None:
        """After a save: the ids the stored rows got, in the same order."""
        for row, rid in zip(self.rows, ids):
            row["id"] = rid

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return str(section + 1)

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def display(self, key: str, value) -> str:
        return "" if value is None else str(value)

    def parse(self, key: str, text: str):
        return clean(text) or ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.columns[index.column()][0]
        value = self.rows[index.row()].get(key, "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole):
            return self.display(key, value)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        key = self.columns[index.column()][0]
        new = self.parse(key, str(value or ""))
        if self.rows[index.row()].get(key) == new:
            return False
        self.rows[index.row()][key] = new
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    # -- editing -------------------------------------------------------------------------------
    def add_row(self, values: dict | None = None) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append({k: "" for k, _ in self.columns} | dict(values or {}))
        self.endInsertRows()
        self.changed.emit()
        return row

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        self.changed.emit()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return row
        self.beginResetModel()
        self.rows[row], self.rows[target] = self.rows[target], self.rows[row]
        self.endResetModel()
        self.changed.emit()
        return target


class ActionItemsModel(RowsModel):
    """Action items; the due date is shown and typed as dd/mm/yyyy, kept as YYYY-MM-DD."""

    def display(self, key, value):
        if key == "due" and value:
            try:
                return _dt.date.fromisoformat(value).strftime("%d/%m/%Y")
            except ValueError:
                return str(value)
        return super().display(key, value)

    def parse(self, key, text):
        text = clean(text) or ""
        if key == "due" and text:
            for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y"):
                try:
                    return _dt.datetime.strptime(text, fmt).date().isoformat()
                except ValueError:
                    continue
        return text


def setup_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(90)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setDefaultSectionSize(26)


def selected_rows(view: QTableView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedRows()}
                  | {i.row() for i in view.selectionModel().selectedIndexes()})


def _size(a: dict) -> str:
    size = a["size"]
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, size // 1024)} KB"


class AttachmentsModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__([Column(self.tr("File"), lambda a: a["name"]),
                          Column(self.tr("Size"), _size),
                          Column(self.tr("SHA-256 (start)"), lambda a: a["sha256"][:16])],
                         parent)


class _PeopleModel(ItemsModel):
    def __init__(self, people: list[dict], parent=None):
        super().__init__([Column(self.tr("Full name"), lambda p: p["name"]),
                          Column(self.tr("Position"), lambda p: p["position"]),
                          Column(self.tr("Department"), lambda p: p["department"])], parent)
        self.set_items(people)


class RosterPicker(QDialog):
    """Pick people of the unit (the staff roster and the ISO team accounts) as participants."""

    def __init__(self, people: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add participants of the unit"))
        fit_to_screen(self, 640, 520)
        self.people = sorted(people, key=lambda p: person_sort_key(p["name"]))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Select one or more people (Ctrl or Shift + click), then press "
                              "Add. Type to search; accents are optional."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.search = QLineEdit()
        self.search.setObjectName("roster_search")
        self.search.setPlaceholderText(self.tr("Search by name, position or department"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = _PeopleModel(self.people, self)
        self.proxy = SearchProxy(lambda p: (p["name"], p["position"], p["department"]), self)
        self.table = make_table("roster_table", self.proxy, source=self.model, stretch=0,
                                sortable=False, selection=MULTI)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("roster_add")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)

    def select_names(self, names: list[str]) -> None:
        """Select the people with these names (keyboard users and tests)."""
        selection = self.table.selectionModel()
        selection.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data() in names:
                selection.select(index, selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)

    def chosen(self) -> list[dict]:
        rows = sorted({self.proxy.mapToSource(i).row()
                       for i in self.table.selectionModel().selectedRows()})
        return [self.people[r] for r in rows]
