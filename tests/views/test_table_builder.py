"""One way to show a list: `views.tables.make_table` over an `ItemsModel`.

The source of `desktop/views` is read for table views made by hand (`QTableView(`,
`QTableWidget(`, `QTreeView(`, `QTreeWidget(`, or a class built on one) and for item models
written by hand (a class built on Qt's `QAbstract…Model`, `QStandardItemModel` or
`QSortFilterProxyModel`) outside `views/tables.py`; only the places listed below, each with its
reason, may have one. Then `make_table`'s options are checked on real views."""
import ast
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

from desktop.views.tables import MULTI, Column, ItemsModel, SearchProxy, make_table

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "desktop" / "views"
BUILDER = "desktop/views/tables.py"

VIEW_CLASSES = {"QTableView", "QTableWidget", "QTreeView", "QTreeWidget"}
MODEL_CLASSES = {"QAbstractTableModel", "QAbstractItemModel", "QAbstractListModel",
                 "QStandardItemModel", "QSortFilterProxyModel"}

# module → why its table view is not made by make_table
VIEWS_ALLOWED = {
    "desktop/views/minutes/editor_form.py":
        "the participants' and action items' grids are typed into cell by cell (rows added, "
        "moved and removed in place): not read-only lists",
}
# (module, class) → why it is not an ItemsModel / SearchProxy
MODELS_ALLOWED = {
    ("desktop/views/minutes/editor_tables.py", "RowsModel"):
        "the editable cells of those grids",
    ("desktop/views/quiz/kiosk/screens.py", "PeopleListModel"):
        "the kiosk's one-column list of names to sign in with, in a QListView, not a table",
}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _hand_made() -> tuple[dict[str, list[int]], dict[tuple[str, str], int]]:
    """Where a table view is made and where an item model is written, outside the builder."""
    views: dict[str, list[int]] = {}
    models: dict[tuple[str, str], int] = {}
    for path in sorted(VIEWS.rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        if module == BUILDER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in VIEW_CLASSES:
                views.setdefault(module, []).append(node.lineno)
            elif isinstance(node, ast.ClassDef):
                bases = {_name(b) for b in node.bases}
                if bases & VIEW_CLASSES:
                    views.setdefault(module, []).append(node.lineno)
                if bases & MODEL_CLASSES:
                    models[(module, node.name)] = node.lineno
    return views, models


def test_table_views_are_made_by_make_table_but_in_the_listed_places():
    views, _models = _hand_made()
    unexplained = [f"{m}:{line}" for m, lines in views.items() if m not in VIEWS_ALLOWED
                   for line in lines]
    assert unexplained == [], ("a table view made by hand: use views.tables.make_table, or list "
                               "the place with its reason in VIEWS_ALLOWED")
    stale = [m for m in VIEWS_ALLOWED if m not in views]
    assert stale == [], "listed but no longer making a table view by hand: take it off the list"


def test_item_models_are_items_models_but_in_the_listed_places():
    _views, models = _hand_made()
    unexplained = [f"{m}:{line} {name}" for (m, name), line in models.items()
                   if (m, name) not in MODELS_ALLOWED]
    assert unexplained == [], ("an item model written by hand: declare Columns in an ItemsModel "
                               "(search with SearchProxy), or list it with its reason")
    stale = [key for key in MODELS_ALLOWED if key not in models]
    assert stale == [], "listed but gone: take it off the list"


def _docstring(module: str) -> str:
    return ast.get_docstring(ast.parse((ROOT / module).read_text(encoding="utf-8"))) or ""


def test_the_allowed_places_say_why_in_their_docstring():
    for module in VIEWS_ALLOWED:
        assert "make_table" in _docstring(module), module
    for module, _class in MODELS_ALLOWED:
        assert "ItemsModel" in _docstring(module), module


class Row:
    def __init__(self, name: str, n: int):
        self.name, self.n = name, n


def _model() -> ItemsModel:
    model = ItemsModel([Column("Name", lambda r: r.name),
                        Column("Number", lambda r: r.n, sort=lambda r: r.n, align_right=True)])
    model.set_items([Row("Bình", 3), Row("An", 10), Row("Chi", 1)])
    return model


def _shown(view) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_list_sorted_from_the_start_and_by_a_header_click(qtbot):
    view = make_table("numbers", SearchProxy(), source=_model(),
                      sort=(1, Qt.SortOrder.DescendingOrder))
    qtbot.addWidget(view)
    assert view.objectName() == "numbers" and view.isSortingEnabled()
    assert _shown(view) == ["An", "Bình", "Chi"]          # 10, 3, 1
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _shown(view) == ["An", "Bình", "Chi"]
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _shown(view) == ["Chi", "Bình", "An"]
    plain = make_table("plain", SearchProxy(), source=_model())
    qtbot.addWidget(plain)
    assert _shown(plain) == ["Bình", "An", "Chi"]         # the model's order until a click
    assert plain.horizontalHeader().sortIndicatorSection() == -1


def test_a_list_in_its_own_order_is_not_sorted_by_a_header_click(qtbot):
    view = make_table("history", _model(), sortable=False)
    qtbot.addWidget(view)
    view.show()
    assert not view.isSortingEnabled()
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionPosition(1) + 5, header.height() // 2))
    assert _shown(view) == ["Bình", "An", "Chi"]


def test_rows_are_chosen_whole_one_or_several_and_never_edited(qtbot):
    one = make_table("one", _model())
    several = make_table("several", _model(), selection=MULTI, row_padding=10)
    for view in (one, several):
        qtbot.addWidget(view)
        assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        assert view.verticalHeader().isHidden() and view.alternatingRowColors()
        view.selectAll()
    assert len(one.selectionModel().selectedRows()) <= 1
    assert len(several.selectionModel().selectedRows()) == 3
    assert several.verticalHeader().defaultSectionSize() == several.fontMetrics().height() + 10
