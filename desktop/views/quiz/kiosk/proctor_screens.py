"""The proctor's screens inside the kiosk: the PIN, the proctor's menu, picking a person."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.models.vntext import matches

from .screens import CENTER, PeopleListModel, is_enter
from .widgets import BASE_PT, SMALL_PT, TITLE_PT, PinPad, button, label


class PinScreen(QWidget):
    """Ask for the proctor's PIN. The kiosk decides what a right PIN opens."""

    submitted = Signal(str)
    back = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pin_screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.addStretch(1)
        self.title = label("", TITLE_PT, bold=True, align=CENTER, name="pin_title")
        self.text = label("", BASE_PT, align=CENTER, name="pin_text")
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(16)
        self.pad = PinPad()
        self.pad.submitted.connect(self.submitted.emit)
        layout.addWidget(self.pad)
        self.message = label("", BASE_PT, align=CENTER, role="bad", name="pin_message")
        layout.addWidget(self.message)
        self.demo_note = label("", SMALL_PT, align=CENTER, role="muted", name="pin_demo_note")
        self.demo_note.hide()
        layout.addWidget(self.demo_note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.back_button = button(self.tr("← Back"), "pin_back")
        self.back_button.clicked.connect(self.back.emit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def set_demo_pin(self, pin: str | None) -> None:
        """In the demo's data only: say the PIN under the pad (whoever tries the demo has to
        leave the kiosk somehow)."""
        self.demo_note.setText(self.tr("Demo data: the PIN is %1.").replace("%1", str(pin))
                               if pin else "")
        self.demo_note.setVisible(bool(pin))

    def ask(self, title: str, text: str, *, can_go_back: bool = True) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.message.clear()
        self.back_button.setVisible(can_go_back)
        self.pad.set_enabled(True)
        self.pad.reset()

    def refuse(self, message: str, *, locked: bool) -> None:
        self.message.setText(message)
        self.pad.set_enabled(not locked)
        self.pad.reset()

    def handle_key(self, event) -> bool:
        if is_enter(event.key()):
            if self.pad.field.isEnabled():
                self.pad.submit()
            return True
        if event.key() == Qt.Key.Key_Backspace and not self.pad.field.text() \
                and self.back_button.isVisible():
            self.back.emit()
            return True
        if not self.pad.field.hasFocus() and self.pad.field.isEnabled():
            self.pad.field.setFocus()
        return False


class ProctorMenuScreen(QWidget):
    """What the proctor can do once the PIN was right."""

    resume = Signal(str)        # attempt id
    add_person = Signal()
    retake = Signal()
    exit_kiosk = Signal()
    back = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("proctor_menu")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 40, 160, 40)
        layout.setSpacing(14)
        layout.addWidget(label(self.tr("Proctor"), TITLE_PT, bold=True, align=CENTER))
        self.status = label("", SMALL_PT, align=CENTER, role="muted", name="proctor_status")
        layout.addWidget(self.status)
        self.running_title = label(self.tr("Unfinished tests on this PC (choose one to resume):"),
                                   BASE_PT)
        layout.addWidget(self.running_title)
        self.running = QVBoxLayout()
        layout.addLayout(self.running)
        for text, name, signal in (
                (self.tr("Add a person to the attendance list…"), "menu_add", self.add_person),
                (self.tr("Allow a person to take the test again…"), "menu_retake", self.retake),
                (self.tr("Leave the test mode"), "menu_exit", self.exit_kiosk),
                (self.tr("← Back to the welcome screen"), "menu_back", self.back)):
            b = button(text, name)
            b.clicked.connect(signal.emit)
            layout.addWidget(b)
        layout.addStretch(1)
        self._resume_buttons: list = []

    def set_running(self, attempts: list[dict]) -> None:
        for b in self._resume_buttons:
            b.deleteLater()
        self._resume_buttons = []
        self.running_title.setVisible(bool(attempts))
        for a in attempts:
            b = button(self.tr("Resume: %1 (%2)").replace("%1", a["full_name"])
                       .replace("%2", a["staff_code"]), f"resume_{a['staff_code']}",
                       primary=True)
            b.clicked.connect(lambda _c=False, aid=a["id"]: self.resume.emit(aid))
            self.running.addWidget(b)
            self._resume_buttons.append(b)

    def handle_key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Backspace:
            self.back.emit()
            return True
        return False


class PickPersonScreen(QWidget):
    """Search a list of people and choose one."""

    picked = Signal(str)
    back = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pick_person")
        self.people: list[dict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 40, 120, 30)
        self.title = label("", TITLE_PT, bold=True, align=CENTER, name="pick_title")
        layout.addWidget(self.title)
        self.search = QLineEdit()
        self.search.setObjectName("pick_search")
        self.search.setMinimumHeight(60)
        self.search.setPlaceholderText(self.tr("Name or staff code"))
        layout.addWidget(self.search)
        self.model = PeopleListModel(self)
        self.list = QListView()
        self.list.setObjectName("pick_list")
        self.list.setModel(self.model)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.clicked.connect(lambda i: self.picked.emit(i.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.list, 1)
        self.message = label("", BASE_PT, align=CENTER, name="pick_message")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.back_button = button(self.tr("← Back"), "pick_back")
        self.back_button.clicked.connect(self.back.emit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.search.textChanged.connect(self._filter)

    def ask(self, title: str, people: list[dict], message: str = "") -> None:
        self.title.setText(title)
        self.people = people
        self.message.setText(message)
        self.search.clear()
        self._filter()
        self.search.setFocus()

    def _filter(self) -> None:
        q = self.search.text().strip()
        shown = [p for p in self.people
                 if matches(q, p["full_name"]) or p["staff_code"] == q.upper()]
        self.model.set_items(shown)
        if shown:
            self.list.setCurrentIndex(self.model.index(0))

    def handle_key(self, event) -> bool:
        key = event.key()
        rows = self.model.rowCount()
        current = self.list.currentIndex().row()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.list.setCurrentIndex(self.model.index(max(0, min(rows - 1, current + step))))
            return True
        if is_enter(key) and rows and current >= 0:
            self.picked.emit(self.model.items[current]["staff_id"])
            return True
        if key == Qt.Key.Key_Backspace and not self.search.text():
            self.back.emit()
            return True
        return False

    def current(self) -> QModelIndex:
        return self.list.currentIndex()
