"""The test over the office network, in the proctor's view: start serving the session to browsers
(address, port, letting everyone on the list in), the join page for the projector, letting people
in (or moving a running test to another device), and ending the test for everyone.

The server (`desktop.web.server`) runs on threads of its own with its own database connection;
this panel only calls the model (`desktop.models.quiz.web`) with the window's connection.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout,
    QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.models.datafile import open_store
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import web

from ..common import confirm, show_error, show_info


class LanStartDialog(QDialog):
    """Where to serve: one of this PC's network addresses and a port."""

    def __init__(self, addresses: list[str], auto_admit: bool, parent=None):
        super().__init__(parent)
        from desktop.web.server import DEFAULT_PORT

        self.setObjectName("lan_start_dialog")
        self.setWindowTitle(self.tr("Test over the office network"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Everyone takes the test at the same time in the browser of their "
                               "phone or computer, on the office network. Nothing is installed "
                               "on their devices and no internet is needed."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QComboBox()
        self.address.setObjectName("lan_address")
        for a in addresses or ["127.0.0.1"]:
            self.address.addItem(a, a)
        form.addRow(self.tr("Address of this PC:"), self.address)
        self.port = QSpinBox()
        self.port.setObjectName("lan_port")
        self.port.setRange(1025, 65535)
        self.port.setValue(DEFAULT_PORT)
        form.addRow(self.tr("Port:"), self.port)
        self.auto = QCheckBox(self.tr("Let everyone on the attendance list in without asking me"))
        self.auto.setObjectName("lan_auto_admit")
        self.auto.setChecked(auto_admit)
        form.addRow("", self.auto)
        layout.addLayout(form)
        if not addresses:
            warn = QLabel(self.tr("This PC has no office network address now: only this PC "
                                  "could open the test. Connect it to the office network first."))
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b00020;")
            layout.addWidget(warn)
        firewall = QLabel(self.tr("On Windows, the first time, a \"Windows Security Alert\" may "
                                  "ask whether ISO Desk may receive connections: tick \"Private "
                                  "networks\" (the office network), leave \"Public networks\" "
                                  "unticked, and click \"Allow access\". If it was cancelled, "
                                  "ask the administrator to allow isodesk.exe in Windows "
                                  "Defender Firewall."))
        firewall.setObjectName("lan_firewall_help")
        firewall.setWordWrap(True)
        layout.addWidget(firewall)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class LanPanel(QWidget):
    """`selected()` gives the staff id chosen in the proctor's list (or None)."""

    changed = Signal()

    def __init__(self, store, selected: Callable[[], str | None], parent=None):
        super().__init__(parent)
        self.store = store
        self.selected = selected
        self.session = None
        self.running = None
        self.join_screen = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.start_button = self._button(row, self.tr("Test over the office network…"),
                                         "lan_start", self.start)
        self.stop_button = self._button(row, self.tr("Stop serving browsers"), "lan_stop",
                                        self.stop)
        self.address = QLabel()
        self.address.setObjectName("lan_url")
        self.address.setStyleSheet("font-weight: bold;")
        row.addWidget(self.address)
        row.addStretch(1)
        layout.addLayout(row)
        # Two buttons a row: the proctor's pane is narrow beside the list of sessions.
        self.controls = QWidget()
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (text, name, slot) in enumerate((
                (self.tr("Join page (projector)"), "lan_join_page", self.show_join),
                (self.tr("End the test for everyone…"), "lan_end", self.end_for_all),
                (self.tr("Let in / move here"), "lan_admit", self.admit_selected),
                (self.tr("Let in everyone waiting"), "lan_admit_all", self.admit_all))):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, f=slot: f())
            grid.addWidget(b, i // 2, i % 2)
        self.auto = QCheckBox(self.tr("Let in everyone on the list"))
        self.auto.setObjectName("lan_auto")
        self.auto.toggled.connect(self.set_auto)
        grid.addWidget(self.auto, 2, 0, 1, 2)
        layout.addWidget(self.controls)
        self.watch = QTimer(self)
        self.watch.setInterval(2000)
        self.watch.timeout.connect(self._watch)
        app = QCoreApplication.instance()
        if app is not None:        # the program ends: the browsers are no longer served
            app.aboutToQuit.connect(self.stop)
        self._show_state()

    def _button(self, row, text: str, name: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        row.addWidget(b)
        return b

    def set_session(self, session) -> None:
        self.session = session
        self._show_state()

    def _serving_this(self) -> bool:
        return self.running is not None and self.session is not None and \
            self.running.app.session.id == self.session.id

    def _show_state(self) -> None:
        serving = self.running is not None
        self.start_button.setVisible(not serving)
        self.start_button.setEnabled(self.session is not None)
        self.stop_button.setVisible(serving)
        self.controls.setVisible(self._serving_this())
        if serving:
            self.address.setText(self.tr("Browsers open: %1").replace("%1", self.url))
            test = web.test_state(self.store, self.running.app.session.id)
            self.auto.blockSignals(True)
            self.auto.setChecked(bool(test and test["auto_admit"]))
            self.auto.blockSignals(False)
        else:
            self.address.clear()

    # --- serving ---------------------------------------------------------------------------------

    def start(self, host: str | None = None, port: int | None = None,
              auto_admit: bool | None = None) -> bool:
        """Serve the session to browsers (asks where, unless told)."""
        from desktop.web.quiz_app import QuizWebApp
        from desktop.web.server import Running, join_url, lan_addresses

        if self.session is None or self.running is not None:
            return False
        if self.session.status != "open":
            show_error(self, self.tr("This session is closed. Reopen it to run the test."))
            return False
        if host is None:
            test = web.test_state(self.store, self.session.id)
            dlg = LanStartDialog(lan_addresses(), bool(test and test["auto_admit"]), self)
            if not dlg.exec():
                return False
            host, port, auto_admit = (dlg.address.currentData(), dlg.port.value(),
                                      dlg.auto.isChecked())
        app_store = None
        try:
            web.open_test(self.store, self.session.id)
            if auto_admit is not None:
                web.set_auto_admit(self.store, self.session.id, auto_admit)
            app_store = open_store(self.store.path, actor=self.store.actor, migrate=False)
            self.running = Running(QuizWebApp(app_store, self.session.id), host, port or 0)
        except IsoDeskError as exc:
            show_error(self, exc)
            return False
        except OSError as exc:
            if app_store is not None:
                app_store.close(clean=False)
            show_error(self, self.tr("The port %1 could not be opened (%2). Choose another port, "
                                     "or close the program that uses it.")
                       .replace("%1", str(port)).replace("%2", exc.strerror or str(exc)))
            return False
        self.url = join_url(host, self.running.port)
        self.watch.start()
        self._show_state()
        self.changed.emit()
        return True

    def stop(self) -> None:
        if self.running is None:
            return
        running, self.running = self.running, None
        running.stop()
        running.app.store.close(clean=False)
        self.watch.stop()
        if self.join_screen is not None:
            self.join_screen.close()
        self._show_state()
        self.changed.emit()

    def _watch(self) -> None:
        if self.running is not None and self.running.app.closed:
            self.stop()
            show_info(self, self.tr("The session was closed: the browsers are no longer served."))

    def show_join(self) -> None:
        from .join_screen import JoinScreen

        if self.running is None:
            return
        if self.join_screen is not None:
            self.join_screen.close()
        self.join_screen = JoinScreen(self.store, self.running.app.session, self.url)
        self.join_screen.showFullScreen()

    # --- people ---------------------------------------------------------------------------------

    def _waiting_device(self, staff_id: str) -> str | None:
        devices = [d for d in web.devices(self.store, self.session.id)
                   if d["staff_id"] == staff_id and d["state"] == web.WAITING]
        return devices[-1]["token_hash"] if devices else None

    def admit_selected(self) -> None:
        staff_id = self.selected()
        digest = self._waiting_device(staff_id) if staff_id else None
        if digest is None:
            show_info(self, self.tr("Choose a person whose device is waiting to be let in."))
            return
        try:
            web.admit(self.store, digest)
        except IsoDeskError as exc:
            show_error(self, exc)
        self.changed.emit()

    def admit_all(self) -> None:
        for d in web.devices(self.store, self.session.id):
            if d["state"] == web.WAITING:
                try:
                    web.admit(self.store, d["token_hash"])
                except IsoDeskError:
                    continue
        self.changed.emit()

    def set_auto(self, on: bool) -> None:
        if self.session is not None:
            web.set_auto_admit(self.store, self.session.id, on)
            self.changed.emit()

    def end_for_all(self, *, ask: bool = True) -> int | None:
        if self.session is None:
            return None
        if ask and not confirm(self, self.tr("End the test for everyone now? Every test not "
                                             "submitted yet is submitted as it stands, as when "
                                             "the time is up.")):
            return None
        n = web.end_test(self.store, self.session.id)
        self.changed.emit()
        show_info(self, self.tr("The test was ended: %1 tests were submitted.")
                  .replace("%1", str(n)))
        return n
