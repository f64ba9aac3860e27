"""The training sessions: the list above, the proctor's view of the chosen one below (its list
of people gets the whole width); new, edit, close, delete; opening a kiosk setup file on a kiosk
PC."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import kiosk_files, results, sessions

from ..common import AnnouncesOwnEdits, confirm, empty_hint, show_error, show_info
from ..context import ViewContext
from ..files import open_file
from ..flow import FlowLayout
from ..tables import SearchProxy, make_table
from .proctor_view import ProctorView
from .session_dialog import SessionDialog
from .table_models import ROW_PADDING, SessionsModel


class SessionsPanel(AnnouncesOwnEdits, QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        manage = ctx.can("manage_quiz")
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = FlowLayout()
        self.new_button = self._button(bar, self.tr("New session…"), "new_session",
                                       lambda: self.new_session(), manage)
        self.edit_button = self._button(bar, self.tr("Edit…"), "edit_session",
                                        lambda: self.edit_session(), manage)
        self.close_button = self._button(bar, self.tr("Close"), "close_session",
                                         self.toggle_status, manage)
        self.delete_button = self._button(bar, self.tr("Delete"), "delete_session",
                                          self.delete_session, manage)
        self.open_setup_button = QPushButton(self.tr("Open a kiosk setup file…"))
        self.open_setup_button.setObjectName("open_setup")
        self.open_setup_button.setToolTip(self.tr("On a kiosk PC: load the session prepared on "
                                                  "the main PC"))
        self.open_setup_button.clicked.connect(lambda: self.open_setup())
        bar.add_stretch()
        bar.addWidget(self.open_setup_button)
        left_layout.addLayout(bar)
        self.model = SessionsModel(self)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("sessions_table", self.proxy, source=self.model,
                                stretch=SessionsModel.TITLE,
                                sort=(SessionsModel.DATE, Qt.SortOrder.DescendingOrder),
                                row_padding=ROW_PADDING)
        self.table.doubleClicked.connect(lambda _i: self.edit_session() if manage else None)
        left_layout.addWidget(self.table, 1)
        if manage:
            empty_hint(self.table, self.tr("No training session yet. Plan the training day: its "
                                           "date, place and who attends; the test is then "
                                           "taken on the kiosk or on paper."),
                       button=self.tr("Plan the training day…"),
                       on_click=lambda: self.new_session(), model=self.model)
        else:
            empty_hint(self.table, self.tr("No training session yet: the ISO team plans it."),
                       model=self.model)
        # a few sessions in sight; the people of the chosen one below, across the whole width
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + rows
                                    + 4)
        splitter.addWidget(left)
        self.proctor = ProctorView(ctx)
        self.proctor.changed.connect(self._refresh_counts)
        splitter.addWidget(self.proctor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        screen = self.screen().availableGeometry().height() if self.screen() else 800
        shown = 3 if screen >= 650 else 2 if screen >= 560 else 1   # 1280×720 at 125 %: 1
        top = bar.sizeHint().height() + self.table.horizontalHeader().sizeHint().height() \
            + int(rows * shown) + 12
        splitter.setSizes([top, 1000])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _button(self, bar, text, name, slot, visible) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        b.setVisible(visible)
        bar.addWidget(b)
        return b

    def reload(self, select: str | None = None) -> None:
        if self._own_edit:
            return   # reloaded by `_announce_own` itself, once
        current = select or (self.selected().id if self.selected() else None)
        items = sessions.list_sessions(self.store)
        self._counts(items)
        self.model.set_items(items)
        if current is None and self.proxy.rowCount():
            current = self.proxy.object_at(0).id
        if current:
            self.select(current)
        self._selection_changed()

    def _counts(self, items) -> None:
        counts = {}
        for s in items:
            t = results.session_summary(results.session_results(self.store, s.id))
            counts[s.id] = (t["listed"], t["submitted"], t["passed"])
        self.model.counts = counts

    def _refresh_counts(self) -> None:
        # Only the counts' cells change: dataChanged. A bare layoutChanged (without
        # layoutAboutToBeChanged) left the sort proxy's indexes dangling and crashed the
        # program at the next event after the proctor's list changed.
        self._counts(self.model.items)
        self.model.cells_changed(SessionsModel.TESTED, SessionsModel.TESTED)

    def selected(self) -> sessions.Session | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.object_at(rows[0].row()) if rows else None

    def select(self, session_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).id == session_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_args) -> None:
        s = self.selected()
        for b in (self.edit_button, self.close_button, self.delete_button):
            b.setEnabled(s is not None)
        self.close_button.setText(self.tr("Reopen") if s and s.status == "closed"
                                  else self.tr("Close"))
        if (s.id if s else None) != (self.proctor.session.id if self.proctor.session else None):
            self.proctor.set_session(s.id if s else None)

    def new_session(self) -> SessionDialog:
        dlg = SessionDialog(self.store, parent=self)
        if dlg.exec() and dlg.saved:
            self._announce_own(select=dlg.saved.id)
        return dlg

    def edit_session(self) -> None:
        s = self.selected()
        if s is None:
            return
        dlg = SessionDialog(self.store, s, parent=self)
        if dlg.exec():
            self._announce_own(select=s.id)
            self.proctor.set_session(s.id)

    def toggle_status(self) -> None:
        s = self.selected()
        if s is None:
            return
        closing = s.status == "open"
        if closing and not confirm(self, self.tr("Close this session? Nobody can take its test "
                                                 "any more (it can be reopened).")):
            return
        sessions.set_status(self.store, s.id, "closed" if closing else "open")
        self._announce_own(select=s.id)
        self.proctor.set_session(s.id)

    def delete_session(self) -> None:
        s = self.selected()
        if s is None:
            return
        if not confirm(self, self.tr("Delete the session of %1? This cannot be undone.")
                       .replace("%1", s.day.strftime("%d/%m/%Y")), danger=True):
            return
        try:
            sessions.delete_session(self.store, s.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.reload()   # first: the proctor's view lets the session go
        self._announce_own(reload=False)

    def open_setup(self, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Kiosk setup file"), "kiosk-file",
                             self.tr("Kiosk setup files (*.isokiosk)"))
        if not path:
            return
        try:
            out = kiosk_files.import_setup(self.store, Path(path))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._announce_own(select=out["session_id"])
        show_info(self, self.tr("This PC is ready as \"%1\". Start the test kiosk from the "
                                "session below; afterwards export this PC's results from "
                                "the Kiosk PCs menu.").replace("%1", out["label"]))
