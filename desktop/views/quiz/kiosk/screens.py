"""The screens a staff member goes through: welcome (find your name), confirm, the questions one
per screen, the review page, the last check before submitting, and the result.

The names to sign in with are one column of large type in a `QListView`, not a table, so their
model is a `QAbstractListModel` and not an `ItemsModel`."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLineEdit, QListView, QProgressBar, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from desktop.models.quiz import taking
from desktop.models.quiz.common import LETTERS

from .widgets import (BASE_PT, QUESTION_PT, SMALL_PT, TITLE_PT, OptionWidget, PictureStrip,
                      button, label, repolish)

MAX_OPTIONS = len(LETTERS)
CENTER = Qt.AlignmentFlag.AlignCenter


def option_for_key(key: int, count: int) -> int | None:
    """1–8 or A–H (as many as the question has options) → the shown option's index."""
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_8:
        index = key - Qt.Key.Key_1
    elif Qt.Key.Key_A <= key <= Qt.Key.Key_H:
        index = key - Qt.Key.Key_A
    else:
        return None
    return index if index < count else None


def is_enter(key: int) -> bool:
    return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PeopleListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[dict] = []

    def set_items(self, items: list[dict]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p["label"]
        if role == Qt.ItemDataRole.UserRole:
            return p["staff_id"]
        return None


class WelcomeScreen(QWidget):
    """Find your name (diacritics don't matter) or type your staff code."""

    chosen = Signal(str)
    proctor = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.listed: list[taking.Person] = []
        self.others: list[taking.Person] = []
        self.item = lambda p: {"staff_id": p.staff_id, "label": p.full_name}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 20)
        layout.setSpacing(16)
        self.title = label(self.tr("ISO 9001:2015 AWARENESS TEST"), TITLE_PT, bold=True,
                           align=CENTER, name="welcome_title")
        self.subtitle = label("", BASE_PT, align=CENTER, name="welcome_subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(12)
        layout.addWidget(label(self.tr("Type your name or your staff code, then choose your name "
                                       "in the list."), BASE_PT, align=CENTER))
        self.search = QLineEdit()
        self.search.setMinimumHeight(64)
        self.search.setObjectName("name_search")
        self.search.setPlaceholderText(self.tr("Your name (accents not needed) or your staff code"))
        layout.addWidget(self.search)
        self.model = PeopleListModel(self)
        self.list = QListView()
        self.list.setObjectName("name_list")
        self.list.setModel(self.model)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.clicked.connect(self._clicked)
        layout.addWidget(self.list, 1)
        self.hint = label("", SMALL_PT, align=CENTER, role="muted", name="welcome_hint")
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.proctor_button = button(self.tr("For the proctor"), "proctor_button", quiet=True)
        self.proctor_button.clicked.connect(self.proctor.emit)
        row.addWidget(self.proctor_button)
        layout.addLayout(row)
        self.search.textChanged.connect(self._filter)

    def set_header(self, subtitle: str) -> None:
        self.subtitle.setText(subtitle)

    def set_people(self, listed: list[taking.Person], others: list[taking.Person],
                   item) -> None:
        """The people to find; `item` makes a list entry (staff_id, label) of a person."""
        self.listed, self.others, self.item = listed, others, item
        self._filter()

    def reset(self) -> None:
        self.search.clear()
        self._filter()
        self.search.setFocus()

    def _filter(self) -> None:
        query = self.search.text().strip()
        not_listed = self.tr("(not on the list: ask the proctor)")
        shown = []
        for p in taking.find_people(self.listed, self.others, query):
            entry = self.item(p)
            if not p.listed:
                entry = {**entry, "label": entry["label"] + "  " + not_listed}
            shown.append(entry)
        self.model.set_items(shown)
        if shown:
            self.list.setCurrentIndex(self.model.index(0))
            self.hint.setText(self.tr("Press Enter or click your name."))
        else:
            self.hint.setText(self.tr("No name matches. Check the spelling, or ask the proctor.")
                              if query else "")

    def _clicked(self, index: QModelIndex) -> None:
        self.chosen.emit(index.data(Qt.ItemDataRole.UserRole))

    def handle_key(self, event) -> bool:
        key = event.key()
        rows = self.model.rowCount()
        current = self.list.currentIndex().row()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.list.setCurrentIndex(self.model.index(max(0, min(rows - 1, current + step))))
            return True
        if is_enter(key):
            if rows and current >= 0:
                self.chosen.emit(self.model.items[current]["staff_id"])
            return True
        if not self.search.hasFocus():
            self.search.setFocus()
        return False


class MessageScreen(QWidget):
    """A title, a message and one or two buttons."""

    accepted = Signal()
    rejected = Signal()

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 60, 120, 60)
        layout.addStretch(1)
        self.title = label("", TITLE_PT, bold=True, align=CENTER, name=f"{name}_title")
        self.text = label("", BASE_PT + 2, align=CENTER, name=f"{name}_text")
        layout.addWidget(self.title)
        layout.addSpacing(20)
        layout.addWidget(self.text)
        layout.addSpacing(40)
        row = QHBoxLayout()
        row.addStretch(1)
        self.no = button("", f"{name}_no")
        self.yes = button("", f"{name}_yes", primary=True)
        self.no.clicked.connect(self.rejected.emit)
        self.yes.clicked.connect(self.accepted.emit)
        row.addWidget(self.no)
        row.addSpacing(30)
        row.addWidget(self.yes)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_message(self, title: str, text: str, yes: str, no: str | None = None) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.yes.setText(yes)
        self.no.setVisible(bool(no))
        self.no.setText(no or "")

    def handle_key(self, event) -> bool:
        key = event.key()
        if is_enter(key):
            self.accepted.emit()
            return True
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Left) and self.no.isVisible():
            self.rejected.emit()
            return True
        return False


class ConfirmScreen(MessageScreen):
    """"Is this you?": name, department, staff code and the test's rules."""

    def show_confirmation(self, c: taking.Confirmation) -> None:
        rules = self.tr("The test has %1 questions. You pass with %2% right answers.") \
            .replace("%1", str(c.questions)).replace("%2", f"{c.pass_mark:g}")
        if c.time_limit_min:
            rules += " " + self.tr("You have %1 minutes.").replace("%1", str(c.time_limit_min))
        rules += "\n\n" + self.tr("Each answer is saved as soon as you choose it.")
        p = c.person
        who = p.full_name + (f"\n{p.department}" if p.department else "") + "\n" + \
            self.tr("Staff code: %1").replace("%1", p.staff_code)
        self.show_message(self.tr("Is this you?"), who + "\n\n" + rules,
                          self.tr("Yes, start the test"), self.tr("No, go back"))


class SubmitCheckScreen(MessageScreen):
    """The last check before submitting."""

    def ask(self, missing: int) -> None:
        text = self.tr("After submitting you cannot change your answers.")
        if missing:
            text = self.tr("%1 questions are not answered yet.").replace("%1", str(missing)) \
                + " " + text
        self.show_message(self.tr("Submit your test?"), text, self.tr("Submit"), self.tr("Back"))


class QuestionScreen(QWidget):
    """One question: its text, the options, progress, a quiet timer, flag, move, review."""

    option_clicked = Signal(int)
    prev_clicked = Signal()
    next_clicked = Signal()
    flag_clicked = Signal()
    review_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("question_screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 24, 60, 20)
        layout.setSpacing(14)
        top = QHBoxLayout()
        self.number = label("", BASE_PT, bold=True, wrap=False, name="question_number")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%v of %m answered"))
        self.timer = label("", SMALL_PT, wrap=False, role="muted", name="timer",
                           align=Qt.AlignmentFlag.AlignRight)
        self.flag_mark = label("", SMALL_PT, wrap=False, name="flag_mark")
        top.addWidget(self.number)
        top.addSpacing(20)
        top.addWidget(self.progress, 1)
        top.addSpacing(20)
        top.addWidget(self.flag_mark)
        top.addWidget(self.timer)
        layout.addLayout(top)
        self.text = label("", QUESTION_PT, bold=True, name="question_text")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.text)
        self.hint = label("", SMALL_PT, role="muted", name="question_hint")
        layout.addWidget(self.hint)
        holder = QWidget()
        holder.setObjectName("scroll_body")
        options = QVBoxLayout(holder)
        options.setSpacing(12)
        options.setContentsMargins(0, 0, 0, 0)
        self.pictures = PictureStrip((900, 340))
        self.pictures.setObjectName("question_pictures")
        options.addWidget(self.pictures)
        self.options: list[OptionWidget] = []
        for i in range(MAX_OPTIONS):
            w = OptionWidget(i)
            w.clicked.connect(self.option_clicked.emit)
            options.addWidget(w)
            self.options.append(w)
        options.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(scroll, 1)
        self.keys_help = label(self.tr("Keys: 1–4 or A–D choose, ↑ ↓ move, Enter goes to the next "
                                       "question, ← → previous / next."), SMALL_PT, role="muted",
                               align=CENTER)
        layout.addWidget(self.keys_help)
        bottom = QHBoxLayout()
        self.prev = button(self.tr("← Previous"), "prev_button")
        self.flag = button(self.tr("Flag for review"), "flag_button")
        self.next = button(self.tr("Next →"), "next_button", primary=True)
        self.review = button(self.tr("Review and submit"), "review_button")
        for b, sig in ((self.prev, self.prev_clicked), (self.flag, self.flag_clicked),
                       (self.next, self.next_clicked), (self.review, self.review_clicked)):
            b.clicked.connect(sig.emit)
        bottom.addWidget(self.prev)
        bottom.addWidget(self.flag)
        bottom.addStretch(1)
        bottom.addWidget(self.review)
        bottom.addWidget(self.next)
        layout.addLayout(bottom)
        self.count = 0
        self.position = 1
        self.chosen: set[int] = set()
        self.focus: int | None = None

    def show_item(self, position: int, total: int, text: str, options: list[str], *,
                  multiple: bool, chosen: set[int], focus: int | None, flagged: bool,
                  answered: int, pictures: tuple | None = None) -> None:
        """`pictures`: (the question's, each shown option's), as `AttemptItem.shown_pictures`."""
        question_pictures, option_pictures = pictures or ((), [])
        self.position, self.chosen, self.focus = position, set(chosen), focus
        self.number.setText(self.tr("Question %1 of %2").replace("%1", str(position))
                            .replace("%2", str(total)))
        self.progress.setMaximum(total)
        self.progress.setValue(answered)
        self.text.setText(text)
        self.pictures.set_pictures(question_pictures)
        self.hint.setText(self.tr("Choose ALL the right options (more than one).") if multiple
                          else self.tr("Choose one option."))
        self.count = len(options)
        for i, w in enumerate(self.options):
            if i < len(options):
                w.set_option(LETTERS[i], options[i], multiple=multiple,
                             pictures=option_pictures[i] if i < len(option_pictures) else ())
                w.set_state(chosen=i in chosen, focused=i == focus)
                w.setVisible(True)
            else:
                w.setVisible(False)
        letters = f"A–{LETTERS[len(options) - 1]}"
        self.keys_help.setText(self.tr("Keys: 1–%1 or %2 choose, ↑ ↓ move, Enter goes to the next "
                                       "question, ← → previous / next.")
                               .replace("%1", str(len(options))).replace("%2", letters))
        self.prev.setEnabled(position > 1)
        self.next.setText(self.tr("Next →") if position < total else self.tr("Review →"))
        self.set_flagged(flagged)

    def set_selection(self, chosen: set[int], focus: int | None) -> None:
        self.chosen, self.focus = set(chosen), focus
        for i in range(self.count):
            self.options[i].set_state(chosen=i in chosen, focused=i == focus)

    def set_flagged(self, flagged: bool) -> None:
        self.flag.setText(self.tr("Remove the flag") if flagged else self.tr("Flag for review"))
        self.flag_mark.setText(self.tr("⚑ Flagged") if flagged else "")

    def set_answered(self, answered: int) -> None:
        self.progress.setValue(answered)

    def set_timer(self, text: str, warn: bool) -> None:
        self.timer.setText(text)
        self.timer.setProperty("role", "bad" if warn else "muted")
        repolish(self.timer)

    def set_time_left(self, left: int | None) -> None:
        """A quiet timer: minutes, then seconds in the last minute (red from 5 minutes)."""
        if left is None:
            self.set_timer("", warn=False)
        elif left < 60_000:
            self.set_timer(self.tr("%1 s left").replace("%1", str(left // 1000)), True)
        else:
            self.set_timer(self.tr("%1 min left").replace("%1", str((left + 59_999) // 60_000)),
                           warn=left < 5 * 60_000)

    def handle_key(self, event) -> bool:
        """1–8 / A–H choose; ↑ ↓ move the focus, Space or Enter choose it; Enter on a chosen
        option (or with no focus) goes on; ← → previous / next."""
        key = event.key()
        index = option_for_key(key, self.count)
        if index is not None:
            self.option_clicked.emit(index)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.count:
            step = 1 if key == Qt.Key.Key_Down else -1
            start = self.focus if self.focus is not None else (-1 if step > 0 else self.count)
            self.set_selection(self.chosen, max(0, min(self.count - 1, start + step)))
        elif key == Qt.Key.Key_Space and self.focus is not None:
            self.option_clicked.emit(self.focus)
        elif is_enter(key):
            if self.focus is not None and self.focus not in self.chosen:
                self.option_clicked.emit(self.focus)
            else:
                self.next_clicked.emit()
        elif key == Qt.Key.Key_Left:
            if self.position > 1:
                self.prev_clicked.emit()
        elif key == Qt.Key.Key_Right:
            self.next_clicked.emit()
        else:
            return False
        return True


class ReviewScreen(QWidget):
    """Every question as a numbered box: answered, not answered, flagged. Click to go back."""

    go_to = Signal(int)
    back = Signal()
    submit = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("review_screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 30)
        layout.addWidget(label(self.tr("Review your answers"), TITLE_PT, bold=True, align=CENTER))
        self.summary = label("", BASE_PT, align=CENTER, name="review_summary")
        layout.addWidget(self.summary)
        layout.addWidget(label(self.tr("Click a number to go back to that question. Blue: "
                                       "answered; white: not answered; ⚑: flagged for review."),
                               SMALL_PT, role="muted", align=CENTER))
        self.grid_holder = QWidget()
        self.grid_holder.setObjectName("scroll_body")
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setSpacing(10)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.back_button = button(self.tr("← Back to the questions"), "review_back")
        self.submit_button = button(self.tr("Submit my test"), "review_submit", primary=True)
        self.back_button.clicked.connect(self.back.emit)
        self.submit_button.clicked.connect(self.submit.emit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.submit_button)
        layout.addLayout(row)
        self.boxes: list[QPushButton] = []

    def show_items(self, states: list[tuple[bool, bool]]) -> None:
        """states: (answered, flagged) per question. The boxes are made once per paper length
        and then only updated: the review is shown after every last answer, and making thirty
        styled buttons each time was most of that answer's time."""
        if len(self.boxes) != len(states):
            for b in self.boxes:
                self.grid.removeWidget(b)
                b.deleteLater()
            self.boxes = []
            for i in range(len(states)):
                b = button(f"{i + 1}", f"review_box_{i + 1}")
                b.setMinimumSize(110, 64)
                b.clicked.connect(lambda _c=False, p=i + 1: self.go_to.emit(p))
                self.grid.addWidget(b, i // 8, i % 8)
                self.boxes.append(b)
        for i, ((answered, flagged), b) in enumerate(zip(states, self.boxes)):
            b.setText(f"{i + 1}" + (" ⚑" if flagged else ""))
            if b.property("primary") != answered:
                b.setProperty("primary", answered)
                repolish(b)
        missing = sum(1 for a, _f in states if not a)
        flagged = sum(1 for _a, f in states if f)
        text = self.tr("Answered %1 of %2 questions.").replace(
            "%1", str(len(states) - missing)).replace("%2", str(len(states)))
        if missing:
            text += " " + self.tr("%1 not answered yet.").replace("%1", str(missing))
        if flagged:
            text += " " + self.tr("%1 flagged for review.").replace("%1", str(flagged))
        self.summary.setText(text)

    def handle_key(self, event) -> bool:
        if is_enter(event.key()):
            self.submit.emit()
            return True
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Backspace):
            self.back.emit()
            return True
        return False


class ResultScreen(QWidget):
    """The score, passed or not, and (when the session says so) the right answers."""

    done = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("result_screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 30)
        self.name = label("", BASE_PT + 2, align=CENTER, name="result_name")
        self.score = label("", TITLE_PT + 6, bold=True, align=CENTER, name="result_score")
        self.verdict = label("", TITLE_PT, bold=True, align=CENTER, name="result_verdict")
        layout.addWidget(self.name)
        layout.addWidget(self.score)
        layout.addWidget(self.verdict)
        self.details_holder = QWidget()
        self.details_holder.setObjectName("scroll_body")
        self.details = QVBoxLayout(self.details_holder)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.details_holder)
        layout.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.done_button = button(self.tr("Finish"), "result_done", primary=True)
        self.done_button.clicked.connect(self.done.emit)
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_result(self, view: taking.ResultView) -> None:
        name = view.full_name
        if view.reason == "timeout":
            name += " — " + self.tr("time is up, the test was submitted.")
        elif view.reason == "proctor":
            name += " — " + self.tr("the proctor ended the test, it was submitted.")
        self.name.setText(name)
        self.score.setText(self.tr("%1 of %2 right (%3%)").replace("%1", str(view.score))
                           .replace("%2", str(view.max_score))
                           .replace("%3", f"{view.percent:.0f}"))
        self.verdict.setText(self.tr("PASSED") if view.passed else self.tr("NOT PASSED"))
        self.verdict.setProperty("role", "ok" if view.passed else "bad")
        repolish(self.verdict)
        while self.details.count():
            item = self.details.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.scroll.setVisible(view.show_answers)
        for line in view.lines:
            mark = self.tr("Right") if line.correct else self.tr("Wrong")
            head = label(f"{line.position}. {line.text}", BASE_PT - 2, bold=True)
            body = self.tr("Your answer: %1 — %2. Right answer: %3") \
                .replace("%1", line.chosen or self.tr("no answer")).replace("%2", mark) \
                .replace("%3", line.right_text)
            self.details.addWidget(head)
            self.details.addWidget(label(body, SMALL_PT, role="ok" if line.correct else "bad"))
            if line.explanation:
                self.details.addWidget(label(line.explanation, SMALL_PT, role="muted"))
            self.details.addSpacing(12)
        if view.show_answers:
            self.details.addStretch(1)

    def handle_key(self, event) -> bool:
        key = event.key()
        if is_enter(key):
            self.done.emit()
            return True
        bar = self.scroll.verticalScrollBar()
        steps = {Qt.Key.Key_Down: bar.singleStep() * 3, Qt.Key.Key_Up: -bar.singleStep() * 3,
                 Qt.Key.Key_PageDown: bar.pageStep(), Qt.Key.Key_PageUp: -bar.pageStep()}
        if key in steps:
            bar.setValue(bar.value() + steps[key])
            return True
        return False
