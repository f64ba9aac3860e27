"""Create or edit a training session: when and where, who trained, the three parts, the attendance
list picked from the roster, the test settings and the proctor's PIN."""
from __future__ import annotations

from PySide6.QtCore import QDate, QTime, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTabWidget,
    QTimeEdit, QVBoxLayout, QWidget,
)

from desktop.models.db import Store
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.quiz import bank, sessions
from desktop.models.staff import StaffRepository

from ..common import FieldErrors, fit_to_screen, scrolling, show_error
from ..tables import MULTI, ItemsModel, SearchProxy, make_table

HALF_DAY = sessions.HALF_DAY_MINUTES


class RosterModel(ItemsModel):
    """The roster with a tick for who attends."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Attends"), self.tr("Full name"), self.tr("Staff code"),
                        self.tr("Department")]
        self.ticked: set[str] = set()
        self.locked: set[str] = set()   # people with an attempt can't be taken off

    def display(self, p, column: int) -> str:
        return ["", p.full_name, p.staff_code, p.department][column]

    def sort_key(self, p, column: int):
        from desktop.models.vntext import person_sort_key
        if column == 1:
            return person_sort_key(p.full_name)
        if column == 0:
            return (p.id not in self.ticked, person_sort_key(p.full_name))
        return super().sort_key(p, column)

    def flags(self, index):
        base = super().flags(index)
        if index.column() == 0 and self.items[index.row()].id not in self.locked:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if self.items[index.row()].id in self.ticked
                    else Qt.CheckState.Unchecked)
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            pid = self.items[index.row()].id
            if pid in self.locked:
                return False
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self.ticked.add(pid)
            else:
                self.ticked.discard(pid)
            self.dataChanged.emit(index, index)
            return True
        return False

    def set_all(self, ids, ticked: bool) -> None:
        for pid in ids:
            if ticked:
                self.ticked.add(pid)
            elif pid not in self.locked:
                self.ticked.discard(pid)
        self.cells_changed(0, 0)


class SessionDialog(QDialog):
    def __init__(self, store: Store, session: sessions.Session | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.session = session
        self.saved: sessions.Session | None = None
        self.locked_settings = bool(session and sessions.has_attempts(store, session.id))
        self.setWindowTitle(self.tr("Edit training session") if session
                            else self.tr("New training session"))
        fit_to_screen(self, 860, 640)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._general_tab()), self.tr("Session"))
        self.tabs.addTab(self._attendance_tab(), self.tr("Attendance"))
        self.tabs.addTab(scrolling(self._test_tab()), self.tr("Test settings"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors.label_for(""))
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save_session")
        save.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()
        self._update_duration()

    # --- tabs -------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        w = QWidget()
        outer = QVBoxLayout(w)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.date = QDateEdit()
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDate(QDate.currentDate())
        self.place = QLineEdit()
        self.place.setObjectName("place")
        times = QHBoxLayout()
        self.start = QTimeEdit(QTime(7, 30))
        self.start.setObjectName("start_time")
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(11, 30))
        self.end.setObjectName("end_time")
        self.end.setDisplayFormat("HH:mm")
        times.addWidget(QLabel(self.tr("from")))
        times.addWidget(self.start)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.end)
        times.addStretch(1)
        self.duration_note = QLabel()
        self.duration_note.setObjectName("duration_warning")
        self.duration_note.setWordWrap(True)
        self.consultant = QLineEdit()
        self.consultant.setObjectName("consultant")
        self.consultant_org = QLineEdit()
        self.iso_rep = QLineEdit()
        self.iso_rep.setObjectName("iso_representative")
        self.part_dvd = QCheckBox(self.tr("1. The VSS DVD was shown (general awareness, the "
                                          "framework model, the sector's procedures)"))
        self.part_dvd.setObjectName("part_dvd")
        self.part_guidance = QCheckBox(self.tr("2. The consultant's guidance and questions and "
                                               "answers"))
        self.part_guidance.setObjectName("part_guidance")
        self.part_test = QCheckBox(self.tr("3. The awareness test"))
        self.part_test.setObjectName("part_test")
        self.part_test.setChecked(True)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow("", self.errors.label_for("title"))
        form.addRow(self.tr("Date:"), self.date)
        form.addRow("", self.errors.label_for("date"))
        form.addRow(self.tr("Place:"), self.place)
        form.addRow("", self.errors.label_for("place"))
        form.addRow(self.tr("Time:"), times)
        form.addRow("", self.errors.label_for("end_time"))
        form.addRow("", self.duration_note)
        form.addRow(self.tr("Consultant:"), self.consultant)
        form.addRow(self.tr("Consultant's organisation:"), self.consultant_org)
        form.addRow(self.tr("ISO team representative:"), self.iso_rep)
        form.addRow(self.tr("Parts done:"), self.part_dvd)
        form.addRow("", self.part_guidance)
        form.addRow("", self.part_test)
        form.addRow(self.tr("Notes:"), self.notes)
        self.start.timeChanged.connect(self._update_duration)
        self.end.timeChanged.connect(self._update_duration)
        return w

    def _attendance_tab(self) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        bar = QHBoxLayout()
        self.roster_search = QLineEdit()
        self.roster_search.setObjectName("roster_search")
        self.roster_search.setPlaceholderText(self.tr("Search by name, code or department"))
        self.roster_search.setClearButtonEnabled(True)
        bar.addWidget(self.roster_search, 1)
        for text, name, ticked in ((self.tr("Tick all shown"), "tick_all", True),
                                   (self.tr("Untick all shown"), "untick_all", False)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, t=ticked: self._tick_shown(t))
            bar.addWidget(b)
        layout.addLayout(bar)
        self.roster = RosterModel(self)
        self.roster_proxy = SearchProxy(parent=self)
        # a list with a tick box a row: ticking is not editing, the list stays read-only
        self.roster_table = make_table("roster_table", self.roster_proxy, source=self.roster,
                                       stretch=1, sort=(1, Qt.SortOrder.AscendingOrder),
                                       selection=MULTI)
        layout.addWidget(self.roster_table, 1)
        self.attend_count = QLabel()
        self.attend_count.setObjectName("attend_count")
        layout.addWidget(self.attend_count)
        self.roster_search.textChanged.connect(self.roster_proxy.set_query)
        self.roster.dataChanged.connect(self._count)
        return w

    def _test_tab(self) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        if self.locked_settings:
            note = QLabel(self.tr("People have already taken this test, so its settings can no "
                                  "longer change."))
            note.setStyleSheet("color: #a15c00;")
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.questions = QSpinBox()
        self.questions.setObjectName("questions")
        self.questions.setRange(1, 200)
        self.pass_mark = QDoubleSpinBox()
        self.pass_mark.setObjectName("pass_mark")
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setDecimals(0)
        self.pass_mark.setSuffix(" %")
        self.time_limit = QSpinBox()
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(0, 300)
        self.time_limit.setSpecialValueText(self.tr("no limit"))
        self.time_limit.setSuffix(self.tr(" min"))
        self.attempts = QSpinBox()
        self.attempts.setObjectName("attempts_allowed")
        self.attempts.setRange(1, 10)
        self.shuffle_q = QCheckBox(self.tr("Shuffle the order of the questions"))
        self.shuffle_o = QCheckBox(self.tr("Shuffle the order of the options"))
        self.include_historical = QCheckBox(self.tr("Also draw historical questions (about the "
                                                    "2020 conversion plan)"))
        self.include_historical.setObjectName("include_historical")
        self.feedback = QComboBox()
        self.feedback.setObjectName("feedback")
        self.feedback.addItem(self.tr("The score only"), "score")
        self.feedback.addItem(self.tr("The score, the right answers and the explanations"),
                              "answers")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        form.addRow(self.tr("Questions per paper:"), self.questions)
        form.addRow("", self.errors.label_for("questions"))
        form.addRow(self.tr("Pass mark:"), self.pass_mark)
        form.addRow("", self.errors.label_for("pass_mark"))
        form.addRow(self.tr("Time limit:"), self.time_limit)
        form.addRow(self.tr("Attempts allowed:"), self.attempts)
        form.addRow("", self.shuffle_q)
        form.addRow("", self.shuffle_o)
        form.addRow("", self.include_historical)
        form.addRow(self.tr("After submitting, show:"), self.feedback)
        form.addRow(self.tr("Proctor's PIN (4–8 digits):"), self.pin)
        form.addRow("", self.errors.label_for("pin"))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Blueprint: how many questions of each topic (0 = drawn "
                                        "from the other topics in proportion to their size).")))
        self.blueprint_form = QFormLayout()
        self.blueprint: dict[str, QSpinBox] = {}
        counts = bank.bank_counts(self.store)
        every = bank.bank_counts(self.store, include_historical=True)
        for t in bank.list_topics(self.store, include_retired=False):
            spin = QSpinBox()
            spin.setObjectName(f"blueprint_{t.code}")
            spin.setRange(0, max(0, every.get(t.code, 0)))
            self.blueprint[t.code] = spin
            self.blueprint_form.addRow(self.tr("%1 (%n question(s) in the bank):", "",
                                               counts.get(t.code, 0))
                                       .replace("%1", t.name), spin)
            spin.valueChanged.connect(self._blueprint_sum)
        layout.addLayout(self.blueprint_form)
        self.blueprint_note = QLabel()
        self.blueprint_note.setObjectName("blueprint_note")
        layout.addWidget(self.blueprint_note)
        layout.addWidget(self.errors.label_for("blueprint"))
        layout.addStretch(1)
        self.questions.valueChanged.connect(self._blueprint_sum)
        for widget in [self.questions, self.pass_mark, self.time_limit, self.attempts,
                       self.shuffle_q, self.shuffle_o, self.include_historical, self.feedback,
                       *self.blueprint.values()]:
            widget.setEnabled(not self.locked_settings)
        return w

    # --- data -------------------------------------------------------------------------------

    def _load(self) -> None:
        s = self.session
        settings = s.settings if s else dict(sessions.DEFAULT_SETTINGS)
        people = StaffRepository(self.store).list(include_inactive=False)
        self.roster.set_items(people)
        if s:
            self.title.setText(s.title)
            self.date.setDate(QDate.fromString(s.date, "yyyy-MM-dd"))
            self.place.setText(s.place)
            if s.start_time:
                self.start.setTime(QTime.fromString(s.start_time, "HH:mm"))
            if s.end_time:
                self.end.setTime(QTime.fromString(s.end_time, "HH:mm"))
            self.consultant.setText(s.consultant)
            self.consultant_org.setText(s.consultant_org)
            self.iso_rep.setText(s.iso_representative)
            self.part_dvd.setChecked(s.part_dvd)
            self.part_guidance.setChecked(s.part_guidance)
            self.part_test.setChecked(s.part_test)
            self.notes.setPlainText(s.notes)
            self.roster.ticked = {r["staff_id"] for r in sessions.attendance(self.store, s.id)}
            from desktop.models.quiz.results import session_results
            self.roster.locked = {r.staff_id for r in session_results(self.store, s.id)
                                  if r.attempts}
            self.pin.setPlaceholderText(self.tr("unchanged") if sessions.has_pin(self.store, s.id)
                                        else "")
        else:
            profile = None
            from desktop.models.unit import get_profile
            profile = get_profile(self.store)
            if profile and profile.name:
                self.place.setText(self.tr("Meeting hall of %1").replace("%1", profile.name))
            self.roster.ticked = {p.id for p in people}
            self.title.setText(self.tr("ISO 9001:2015 awareness training"))
        self.questions.setValue(int(settings["questions"]))
        self.pass_mark.setValue(float(settings["pass_mark"]))
        self.time_limit.setValue(int(settings.get("time_limit_min") or 0))
        self.attempts.setValue(int(settings["attempts_allowed"]))
        self.shuffle_q.setChecked(bool(settings["shuffle_questions"]))
        self.shuffle_o.setChecked(bool(settings["shuffle_options"]))
        self.include_historical.setChecked(bool(settings.get("include_historical")))
        self.feedback.setCurrentIndex(max(0, self.feedback.findData(settings["feedback"])))
        for code, n in (settings.get("blueprint") or {}).items():
            if code in self.blueprint:
                self.blueprint[code].setValue(int(n))
        self._count()
        self._blueprint_sum()

    def _count(self, *_args) -> None:
        self.attend_count.setText(self.tr("%1 of %n people attend.", "", self.roster.rowCount())
                                  .replace("%1", str(len(self.roster.ticked))))

    def _tick_shown(self, ticked: bool) -> None:
        ids = [self.roster_proxy.object_at(r).id for r in range(self.roster_proxy.rowCount())]
        self.roster.set_all(ids, ticked)
        self._count()

    def _update_duration(self) -> None:
        minutes = self.start.time().secsTo(self.end.time()) // 60
        if minutes <= 0:
            self.duration_note.setStyleSheet("color: #b00020;")
            self.duration_note.setText(self.tr("The end must be after the start."))
        elif minutes < HALF_DAY:
            self.duration_note.setStyleSheet("color: #a15c00;")
            self.duration_note.setText(self.tr("Warning: %1 h %2 min is less than half a day; the "
                                               "training should last at least 4 hours.")
                                       .replace("%1", str(minutes // 60))
                                       .replace("%2", f"{minutes % 60:02d}"))
        else:
            self.duration_note.setStyleSheet("color: #555;")
            self.duration_note.setText(self.tr("%1 h %2 min.").replace("%1", str(minutes // 60))
                                       .replace("%2", f"{minutes % 60:02d}"))

    def _blueprint_sum(self, *_args) -> None:
        total = sum(s.value() for s in self.blueprint.values())
        self.blueprint_note.setText(self.tr("Set by topic: %1 of %n question(s); the rest is "
                                            "drawn from the other topics.", "",
                                            self.questions.value())
                                    .replace("%1", str(total)))

    def values(self) -> dict:
        return {
            "title": self.title.text(), "date": self.date.date().toString("yyyy-MM-dd"),
            "place": self.place.text(), "start_time": self.start.time().toString("HH:mm"),
            "end_time": self.end.time().toString("HH:mm"), "consultant": self.consultant.text(),
            "consultant_org": self.consultant_org.text(),
            "iso_representative": self.iso_rep.text(), "part_dvd": self.part_dvd.isChecked(),
            "part_guidance": self.part_guidance.isChecked(),
            "part_test": self.part_test.isChecked(), "notes": self.notes.toPlainText(),
            "settings": {
                "questions": self.questions.value(), "pass_mark": self.pass_mark.value(),
                "time_limit_min": self.time_limit.value() or None,
                "attempts_allowed": self.attempts.value(),
                "shuffle_questions": self.shuffle_q.isChecked(),
                "shuffle_options": self.shuffle_o.isChecked(),
                "include_historical": self.include_historical.isChecked(),
                "feedback": self.feedback.currentData(),
                "blueprint": {c: s.value() for c, s in self.blueprint.items() if s.value()}},
        }

    def save(self) -> None:
        self.errors.clear()
        pin = self.pin.text().strip()
        try:
            if not self.title.text().strip():
                raise ValidationError({"title": self.tr("Give the session a title, for example "
                                                        "“ISO 9001:2015 awareness training”.")})
            if pin and not pin.isdigit() or pin and not 4 <= len(pin) <= 8:
                raise ValidationError({"pin": self.tr("The PIN has 4 to 8 digits.")})
            with self.store.atomic():
                values = self.values()
                if self.session is None:
                    self.saved = sessions.create_session(self.store, values,
                                                         staff_ids=sorted(self.roster.ticked))
                else:
                    if self.locked_settings:
                        values.pop("settings")
                    self.saved = sessions.update_session(self.store, self.session.id, values,
                                                         expected_version=self.session.version)
                    sessions.set_attendance(self.store, self.session.id, sorted(self.roster.ticked))
                if pin:
                    sessions.set_pin(self.store, self.saved.id, pin)
        except ValidationError as exc:
            self.errors.show(exc)
            for field, tab in (("title", 0), ("date", 0), ("place", 0), ("end_time", 0), ("questions", 2),
                               ("blueprint", 2), ("pass_mark", 2), ("pin", 2)):
                if field in exc.errors:
                    self.tabs.setCurrentIndex(tab)
                    break
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.accept()
