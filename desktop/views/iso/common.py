"""Pieces the ISO record tabs share: a date field, the selected row of a table, a form
dialog that shows errors beside its fields, and colours."""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable

from PySide6.QtCore import QDate, QSortFilterProxyModel, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMenu,
    QPlainTextEdit, QStyle, QTableView, QVBoxLayout, QWidget, QWidgetAction,
)

from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.iso._common import to_date, vn_date

from ..common import FieldErrors, keep_whole, show_error
from ..tables import ItemsModel

RED = "#fde7e9"
RED_TEXT = "#b00020"
GREEN = "#e6f4ea"
GREEN_TEXT = "#1e7b34"
ORANGE = "#fff4e0"
ORANGE_TEXT = "#a15c00"
GREY_TEXT = "#777777"
BLUE_TEXT = "#1f5fa8"


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy (or picked from a calendar with the button or Alt+Down).

    Empty is allowed: the model decides whether a date is required and says so beside the
    field."""

    def __init__(self, value: str | _dt.date | None = None, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setMaximumWidth(170)
        self.set_date(value)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.pick = QAction(icon, self.tr("Pick a date"), self)
        self.pick.setShortcut(QKeySequence("Alt+Down"))
        self.pick.triggered.connect(self.open_calendar)
        self.addAction(self.pick, QLineEdit.ActionPosition.TrailingPosition)

    def set_date(self, value: str | _dt.date | None) -> None:
        self.setText(vn_date(value) if value else "")

    def value(self) -> str:
        return self.text().strip()

    def date(self) -> _dt.date | None:
        try:
            return to_date(self.value())
        except ValueError:
            return None

    def open_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        current = self.date() or _dt.date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(qdate: QDate) -> None:
            self.set_date(_dt.date(qdate.year(), qdate.month(), qdate.day()))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()


class TextEdit(QPlainTextEdit):
    """Several lines of text; Tab moves on to the next field."""

    def __init__(self, text: str = "", parent=None, *, lines: int = 3):
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)

    def value(self) -> str:
        return self.toPlainText()


def selected_item(table: QTableView, model: ItemsModel, proxy: QSortFilterProxyModel):
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        return None
    return model.item(proxy.mapToSource(rows[0]).row())


def select_where(table: QTableView, model: ItemsModel, proxy: QSortFilterProxyModel,
                 test: Callable[[Any], bool]) -> bool:
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, 0)).row()
        if test(model.item(source)):
            table.selectRow(row)
            table.scrollTo(proxy.index(row, 0))
            return True
    return False


class FormDialog(QDialog):
    """A form whose Save calls `on_save()`; a ValidationError is shown beside its fields (in
    Vietnamese, from the model) and the dialog stays open."""

    saved_signal = Signal(object)

    def __init__(self, title: str, parent=None, *, width: int = 520):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.errors = FieldErrors()
        self.saved = None
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.errors.label_for(""))
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._buttons_added = False

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        self.form.addRow(label, widget)
        self.form.addRow("", self.errors.label_for(name))
        return widget

    def finish(self, save_text: str | None = None) -> None:
        if save_text:
            self.save_button.setText(save_text)
        self.layout_.addWidget(self.buttons)

    def on_save(self):  # overridden
        raise NotImplementedError

    def save(self) -> None:
        try:
            self.saved = self.on_save()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.accept()


def widget_value(widget: QWidget):
    if isinstance(widget, (DateEdit, TextEdit)):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if hasattr(widget, "currentData"):
        return widget.currentData()
    raise TypeError(widget)


def date_text(value) -> str:
    return vn_date(value) if value else ""


def iso_key(value) -> str:
    return value or ""
