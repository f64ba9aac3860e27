"""Tables over a list of objects: the columns are declared once (header, value, sort key,
colour, alignment, tooltip); `ItemsModel` shows them and `SearchProxy` searches without
diacritics and sorts by each column's own key. `ImportPreviewModel` shows an Excel import plan
row by row. `fit_columns` gives every table of the program its column widths: the long text
column keeps a readable width, short columns (codes, dates, numbers) their full width, on a small
screen as on a large one. `make_table` makes every list view of the program (the places that
make one otherwise are listed, with their reason, in tests/views/test_table_builder.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import (
    QAbstractTableModel, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip

from desktop.models.vntext import collation_key, matches

from .common import refilter

SINGLE = QAbstractItemView.SelectionMode.SingleSelection
MULTI = QAbstractItemView.SelectionMode.ExtendedSelection   # Ctrl or Shift + click

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


class ColumnFitter(QObject):
    """Keeps a table's columns as wide as their content (capped), so that the stretch column (the
    long text) keeps a readable width and no horizontal scroll bar appears while there is room.

    Short columns (names, codes, dates, numbers, states) keep their full width; a header wider
    than its column's content ("Ngày phê duyệt" over a date) wraps onto a second line rather
    than widen the column. When the table is narrow the longer columns shrink first (to about
    the width most of their cells need), then the stretch column gives up its reserve. Widths
    follow the font, so larger text gets wider columns. A cell cut short shows its whole text as
    a tooltip."""

    MAX_CHARS = 30        # no column but the stretch one grows wider than this
    SHORT_CHARS = 24      # a column this narrow (a name, a date, a state) is never cut
    TEXT_CHARS = 15       # a longer column is not cut below this
    STRETCH_CHARS = 28    # room kept for the stretch column, at most 35 % of the table

    def __init__(self, table: QTableView, stretch: int | None = None,
                 fixed: dict[int, int] | None = None, *, sideways: bool = False,
                 optional: list[int] | None = None):
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.fixed = dict(fixed or {})
        self.sideways = sideways
        self.optional = list(optional or [])   # hidden in this order when there is no room
        self.auto_hidden: set[int] = set()
        if sideways:   # a wide table of figures: every column whole, scrolled sideways
            table.setProperty("scrolls_sideways", True)
        self.natural: list[int] = []   # as wide as the content (capped)
        self.floor: list[int] = []     # what most cells need
        self.least: list[int] = []     # short columns whole, long ones about 14 characters
        self.heading: list[int] = []   # the header, wrapped onto two lines
        self.one_line: list[int] = []  # the header on one line
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch is None)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter
                                   | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value))
        table.setWordWrap(False)
        table.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        table.viewport().installEventFilter(self)
        model = table.model()
        if model is not None:
            model.modelReset.connect(self.fit)
            model.layoutChanged.connect(self.fit)
            model.rowsInserted.connect(self.fit)
        self.fit()

    def _chars(self, count: int) -> int:
        return self.table.fontMetrics().averageCharWidth() * count

    def _heading_widths(self, col: int) -> tuple[int, int]:
        """(one line, wrapped at its spaces onto two lines) widths of a column's header."""
        header = self.table.horizontalHeader()
        one_line = header.sectionSizeHint(col)
        text = str(header.model().headerData(col, Qt.Orientation.Horizontal) or "")
        metrics = header.fontMetrics()
        words = text.split()
        if len(words) < 2:
            return one_line, one_line
        chrome = one_line - metrics.horizontalAdvance(text)   # margins, sort arrow
        best = min(max(metrics.horizontalAdvance(" ".join(words[:i])),
                       metrics.horizontalAdvance(" ".join(words[i:])))
                   for i in range(1, len(words)))
        return one_line, min(one_line, best + chrome + 2)

    def fit(self, *_args) -> None:
        table = self.table
        header = table.horizontalHeader()
        self.natural, self.floor, self.least, self.heading, self.one_line = [], [], [], [], []
        for col in self.auto_hidden:   # measured shown (a hidden section has no size hint)
            header.setSectionHidden(col, False)
        for col in range(header.count()):
            one_line, wrapped = self._heading_widths(col)
            if col == self.stretch or (header.isSectionHidden(col)
                                       and col not in self.auto_hidden):
                natural = floor = least = 0
            elif col in self.fixed:
                natural = floor = least = self.fixed[col]
            else:
                content = table.sizeHintForColumn(col)
                natural = min(max(content, one_line), max(self._chars(self.MAX_CHARS), wrapped))
                if max(content, wrapped) <= self._chars(self.SHORT_CHARS):
                    floor = least = max(content, wrapped)
                else:   # as wide as most of its cells (a few long ones are cut), within bounds
                    most = min(self._usual_width(col), self._chars(self.SHORT_CHARS))
                    floor = max(wrapped, min(natural, max(most, self._chars(self.TEXT_CHARS))))
                    least = max(wrapped, min(floor, self._chars(self.TEXT_CHARS)))
                    if self.stretch is not None:   # the extra room goes to the long text
                        natural = floor
                natural = max(natural, floor)
            self.natural.append(natural)
            self.floor.append(floor)
            self.least.append(least)
            self.heading.append(min(wrapped, least))
            self.one_line.append(one_line)
        self.apply()

    def _usual_width(self, col: int, share: float = 0.95, rows: int = 500) -> int:
        """The width that shows `share` of the column's cells whole (of the first `rows`)."""
        model = self.table.model()
        metrics = self.table.fontMetrics()
        style = self.table.style()
        margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None,
                                         self.table) + 1) + 2
        widths = sorted(metrics.horizontalAdvance(str(model.index(row, col).data() or ""))
                        for row in range(min(model.rowCount(), rows)))
        if not widths:
            return 0
        return widths[min(len(widths) - 1, int(len(widths) * share))] + margin

    def apply(self) -> None:
        """Widths by steps, each tried only when the one before doesn't fit: every column as
        wide as its content; long columns narrowed to what most of their cells need; long
        columns to about fourteen characters; the stretch column's reserve given up; at last
        every column towards its header's width."""
        header = self.table.horizontalHeader()
        if len(self.natural) != header.count():
            return
        width = self.table.viewport().width()
        if self.sideways:
            width = max(width, sum(self.natural))
        reserve = least_stretch = 0
        if self.stretch is not None:
            least_stretch = self._chars(12)
            reserve = max(least_stretch, min(self._chars(self.STRETCH_CHARS), int(width * 0.35)))
        hidden = self._hide_optional(width - reserve)   # before the long text is squeezed
        shown = [[0 if col in hidden else w for col, w in enumerate(step)]
                 for step in (self.natural, self.floor, self.least, self.heading)]
        natural, floor, least, heading = shown
        steps = [natural, floor, least]
        sizes = None
        for wide, narrow in zip(steps, steps[1:]):
            if sum(narrow) + reserve <= width:
                sizes = self._between(wide, narrow, width - reserve)
                break
        if sizes is None:
            sizes = self._between(least, heading, width - least_stretch)
        wraps = False
        for col, size in enumerate(sizes):
            if col != self.stretch and not header.isSectionHidden(col):
                header.resizeSection(col, size)
                wraps = wraps or size < self.one_line[col]
        self._header_lines(2 if wraps else 1)

    def _hide_optional(self, room: int) -> set[int]:
        """The optional columns (e-mail, date of birth…) hidden, least wanted first, until the
        others fit at their narrowest; shown again when the table is wide enough."""
        header = self.table.horizontalHeader()
        hidden: set[int] = set()
        for col in self.optional:
            if sum(w for c, w in enumerate(self.least) if c not in hidden) <= room:
                break
            hidden.add(col)
        for col in self.optional:
            if header.isSectionHidden(col) != (col in hidden):
                header.setSectionHidden(col, col in hidden)
        self.auto_hidden = hidden
        return hidden

    @staticmethod
    def _between(wide: list[int], narrow: list[int], room: int) -> list[int]:
        """Each column from `wide` towards `narrow`, by the same share, to fill `room`."""
        extra = sum(w - n for w, n in zip(wide, narrow))
        spare = room - sum(narrow)
        factor = max(0.0, min(1.0, spare / extra)) if extra > 0 else 1.0
        return [n + int((w - n) * factor) for w, n in zip(wide, narrow)]

    def _header_lines(self, lines: int) -> None:
        header = self.table.horizontalHeader()
        if lines == 1:
            header.setMinimumHeight(0)
            return
        one = header.sizeHint().height()
        header.setMinimumHeight(one + header.fontMetrics().lineSpacing() * (lines - 1))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.apply()
        elif event.type() == QEvent.Type.ToolTip:
            return self._cut_cell_tooltip(event)
        return False

    def _cut_cell_tooltip(self, event) -> bool:
        index = self.table.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None:
            return False
        text = str(text)
        room = self.table.visualRect(index).width() - 8
        if self.table.fontMetrics().horizontalAdvance(text) <= room:
            return False
        QToolTip.showText(event.globalPos(), text, self.table.viewport())
        return True


def fit_columns(table: QTableView, stretch: int | None = None, *,
                fixed: dict[int, int] | None = None, sideways: bool = False,
                optional: list[int] | None = None) -> ColumnFitter:
    """Give `table` (its model already set) the program's column widths: `stretch` takes the
    rest of the width, `fixed` columns ({column: width}) start as wide as given. A table of many
    figures (`sideways`) keeps every column whole and scrolls sideways instead. `optional`
    columns are hidden, in that order, when the table is too narrow for them all."""
    fitter = ColumnFitter(table, stretch, fixed, sideways=sideways, optional=optional)
    table._column_fitter = fitter
    return fitter


def make_table(name: str, model, *, source=None, stretch: int | None = None,
               sideways: bool = False, fixed: dict[int, int] | None = None,
               optional: list[int] | None = None,
               sort: tuple[int, Qt.SortOrder] | None = None, sortable: bool = True,
               selection: QAbstractItemView.SelectionMode = SINGLE,
               row_padding: int | None = None) -> QTableView:
    """The program's list view: whole rows, one selected at a time, not edited in place,
    alternating row colours, no row numbers, sorted by a header click (the model's own order
    until one is clicked), column widths from `fit_columns` (`stretch`, `sideways`, `fixed`,
    `optional`). `model` is what the view shows; `source`, when given, is set under it (`model`
    is then its proxy).

    `sort` (column, order) sorts the list from the start; a list whose order means something (an
    import row by row, a history) is not `sortable`. `selection` lets several rows be chosen
    (`MULTI`). With `row_padding` a row is one line of text and that many pixels high."""
    if source is not None:
        model.setSourceModel(source)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    if sortable:
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        if sort is not None:
            view.sortByColumn(*sort)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    fit_columns(view, stretch, fixed=fixed, sideways=sideways, optional=optional)
    if row_padding is not None:
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    return view
