"""A table model over a list of dicts with declared columns, and a proxy that searches without
diacritics and sorts by each column's own key."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from desktop.views.common import refilter
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.vntext import collation_key, matches

COLOURS = {"late": "#f8d7da", "warn": "#fff3cd", "ok": "#d4edda", "error": "#f8d7da",
           "warning": "#fff3cd"}


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    colour: Callable[[Any], str | None] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class ItemsModel(QAbstractTableModel):
    SORT_ROLE = Qt.ItemDataRole.UserRole
    ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.items: list = []

    def set_columns(self, columns: list[Column]) -> None:
        self.beginResetModel()
        self.columns = columns
        self.endResetModel()

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int):
        return self.items[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(item)
            return "" if value is None else str(value)
        if role == self.SORT_ROLE:
            if col.sort is not None:
                return col.sort(item)
            value = col.value(item)
            return (1, 0) if value in (None, "") else (0, collation_key(str(value)))
        if role == self.ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.BackgroundRole and col.colour is not None:
            colour = COLOURS.get(col.colour(item) or "")
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(item)
        return None

    def colour_name(self, row: int, column: int) -> str | None:
        col = self.columns[column]
        return col.colour(self.items[row]) if col.colour else None


def number_sort(value) -> tuple:
    return (1, 0) if value is None else (0, value)


class SearchProxy(QSortFilterProxyModel):
    def __init__(self, text_of: Callable[[Any], list[str]] | None = None, parent=None):
        super().__init__(parent)
        self.query = ""
        self.text_of = text_of
        self.extra: Callable[[Any], bool] | None = None
        self.setSortRole(ItemsModel.SORT_ROLE)

    def set_query(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "query", text))

    def set_extra(self, fn) -> None:
        refilter(self, lambda: setattr(self, "extra", fn))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        item = self.sourceModel().item(row)
        if self.extra is not None and not self.extra(item):
            return False
        if not self.query or self.text_of is None:
            return True
        return matches(self.query, *[t or "" for t in self.text_of(item)])

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(ItemsModel.SORT_ROLE), right.data(ItemsModel.SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
