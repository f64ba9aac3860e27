"""The province's import tab and the sync tables: what a province officer sees at 1366×768."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.views.sync.common import make_table
from desktop.views.tables import Column, ItemsModel, SearchProxy


def test_tables_keep_the_model_order_without_indicator(qtbot):
    model = ItemsModel([Column("Name", lambda x: x)])
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    view = make_table("t", proxy)
    qtbot.addWidget(view)
    model.set_items(["a", "c", "b"])
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "c", "b"]
    assert view.horizontalHeader().sortIndicatorSection() == -1
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "b", "c"]
