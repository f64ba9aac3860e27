"""The grey hint over an empty list: its text and its button never drawn over each other, however
short the list is on a small screen."""
from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from desktop.views.common import empty_hint

TEXT = ("No training session yet: the ISO team plans the day (date, place, the consultant) "
        "and who takes part, then the test runs on the kiosk or in browsers.")


def hint_in_view_of_height(qtbot, height: int):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(0, 3, view))
    label = empty_hint(view, TEXT, button="Plan a training session…", on_click=lambda: None)
    view.resize(700, height)
    view.show()
    qtbot.waitExposed(view)
    return view, label


def test_a_list_tall_enough_shows_the_text_above_the_button(qtbot):
    _view, label = hint_in_view_of_height(qtbot, 300)
    assert label.isVisible() and label.button.isVisible()
    assert label.geometry().bottom() < label.button.geometry().top()
    assert label.button.toolTip() == ""


def test_a_short_list_shows_the_text_wider_then_the_button_alone_with_the_text_as_tooltip(qtbot):
    for height in (120, 100, 90, 80, 70, 60, 50):
        view, label = hint_in_view_of_height(qtbot, height)
        if label.isVisible():
            assert label.geometry().bottom() < label.button.geometry().top(), height
            assert label.button.toolTip() == ""
        else:
            assert label.button.isVisible() and label.button.toolTip() == TEXT, height
        view.close()
    assert not label.isVisible()     # at 50 px there is room for the button only
