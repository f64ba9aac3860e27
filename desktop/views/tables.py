"""Tables over a list of objects: the columns are declared once (header, value, sort key,
colour, alignment, tooltip); `ItemsModel` shows them and `SearchProxy` searches without
diacritics and sorts by each column's own key. `ImportPreviewModel` shows an Excel import plan
row by row."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.vntext import collation_key, matches

from .common import refilter

# Cell backgrounds by name, for `Column.colour`.
COLOURS = {"late": "#f8d7da", "warn": "#fff3cd", "ok": "#d4edda", "error": "#f8d7da",
           "warning": "#fff3cd", "muted": "#e9ecef"}


def number_sort(value) -> tuple:
    """A sort key that puts a missing number after every number."""
    return (1, 0) if value is None else (0, value)


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any] | None = None   # None: the model's `display` says
    sort: Callable[[Any], Any] | None = None     # None: the text shown, in Vietnamese order
    colour: Callable[[Any], str | None] | None = None   # a name in COLOURS, for the background
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None
    short: str | None = None   # a shorter header shown in the table (`header`: its tooltip)


class ItemsModel(QAbstractTableModel):
    """Rows are objects, columns say how to show and sort them. `colour(item)` gives
    (background, text colour) for a whole row, e.g. red for what is late; `tooltip(item)` a
    tooltip for the row. With `blanks_last`, empty cells sort after the others.

    A subclass may set `headers` only and override `display` (and `sort_key`, `foreground`,
    `search_text`) instead of declaring how each column gets its value."""

    SORT_ROLE = Qt.ItemDataRole.UserRole
    ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: list[Column] | None = None, parent=None, *,
                 colour: Callable[[Any], tuple[str | None, str | None]] | None = None,
                 tooltip: Callable[[Any], str] | None = None, blanks_last: bool = False):
        super().__init__(parent)
        self.columns: list[Column] = list(columns or [])
        self.items: list = []
        self.colour = colour
        self.tooltip = tooltip
        self.blanks_last = blanks_last

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @headers.setter
    def headers(self, names: list[str]) -> None:
        self.columns = [Column(name) for name in names]

    def set_columns(self, columns: list[Column]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def cells_changed(self, first_column: int = 0, last_column: int | None = None) -> None:
        """Say that what the rows show changed (the rows themselves did not): the views repaint
        and a sorting proxy sorts again. This, not a bare `layoutChanged` (which leaves a proxy's
        persistent indexes, a table's selection, pointing at freed memory), is how to refresh
        values computed outside the items."""
        if not self.items or not self.columns:
            return
        last = len(self.columns) - 1 if last_column is None else last_column
        self.dataChanged.emit(self.index(0, first_column), self.index(len(self.items) - 1, last))

    def item(self, row: int):
        return self.items[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.short or col.header
        if role == Qt.ItemDataRole.ToolTipRole and col.short:
            return col.header
        return None

    # What a cell shows; a subclass may override these.

    def display(self, item, column: int) -> str:
        get = self.columns[column].value
        if get is None:
            raise NotImplementedError
        value = get(item)
        return "" if value is None else str(value)

    def sort_key(self, item, column: int):
        col = self.columns[column]
        if col.sort is not None:
            return col.sort(item)
        text = self.display(item, column) or ""
        if self.blanks_last:
            return (1, 0) if not text else (0, collation_key(text))
        return collation_key(text)

    def background(self, item, column: int) -> str | None:
        name = self._colour_name(item, column)
        if name is not None:
            return COLOURS.get(name)
        return self.colour(item)[0] if self.colour else None

    def foreground(self, item, column: int) -> str | None:
        return self.colour(item)[1] if self.colour else None

    def cell_tooltip(self, item, column: int) -> str | None:
        col = self.columns[column]
        if col.tooltip is not None:
            return col.tooltip(item)
        return self.tooltip(item) if self.tooltip else None

    def search_text(self, item) -> list[str]:
        return [self.display(item, c) for c in range(len(self.columns))]

    def _colour_name(self, item, column: int) -> str | None:
        col = self.columns[column]
        return col.colour(item) if col.colour else None

    def colour_name(self, row: int, column: int) -> str | None:
        return self._colour_name(self.items[row], column)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == self.SORT_ROLE:
            return self.sort_key(item, column)
        if role == self.ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = (self.background(item, column) if role == Qt.ItemDataRole.BackgroundRole
                      else self.foreground(item, column))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(item, column)
        return None


class SearchProxy(QSortFilterProxyModel):
    """Search ignoring diacritics over `text_of(item)` (by default the model's `search_text`,
    every cell); an extra `predicate(item)`; sorting by the model's sort keys. The vertical
    header numbers the rows as shown, whatever the sort."""

    def __init__(self, text_of: Callable[[Any], Any] | None = None, parent=None):
        super().__init__(parent)
        self.text_of = text_of
        self.query = ""
        self.predicate: Callable[[Any], bool] | None = None
        self.setSortRole(ItemsModel.SORT_ROLE)

    def set_query(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "query", text))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        refilter(self, lambda: setattr(self, "predicate", predicate))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self.sourceModel()
        item = model.item(row)
        if self.predicate is not None and not self.predicate(item):
            return False
        if not self.query:
            return True
        texts = self.text_of(item) if self.text_of is not None else model.search_text(item)
        return matches(self.query, *texts)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(ItemsModel.SORT_ROLE), right.data(ItemsModel.SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def object_at(self, row: int):
        return self.sourceModel().item(self.mapToSource(self.index(row, 0)).row())


IMPORT_COLOURS = {"add": "#e6f4ea", "update": "#fff4e0", "refuse": "#fde7e9"}


class ImportPreviewModel(ItemsModel):
    """An Excel import plan row by row: the row number, what will happen (`actions` names each
    action), the values of `fields`, the reason; the row coloured by its action. `headers`
    are those of all these columns; with `tooltips` each cell's text is also its tooltip."""

    def __init__(self, plan, headers: list[str], fields: list[str], actions: dict[str, str],
                 parent=None, *, tooltips: bool = False):
        def field(name: str):
            return lambda r: (getattr(r, "data", None) or r.values or {}).get(name) or ""

        getters = [lambda r: r.row_number, lambda r: actions.get(r.action, r.action),
                   *[field(f) for f in fields], lambda r: r.reason]
        super().__init__([Column(h, get) for h, get in zip(headers, getters, strict=True)],
                         parent, colour=lambda r: (IMPORT_COLOURS.get(r.action), None))
        self.plan = plan
        self.tooltips = tooltips
        self.set_items(plan.rows)

    def cell_tooltip(self, item, column: int) -> str | None:
        return self.display(item, column) if self.tooltips else None
