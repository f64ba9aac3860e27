"""Qt table models of the quiz screens (sessions, people of a session, questions, item statistics,
roster coverage)."""
from __future__ import annotations

from desktop.models.quiz.bank import Question
from desktop.models.quiz.coverage import CoverageRow
from desktop.models.quiz.results import PersonResult
from desktop.models.quiz.sessions import Session
from desktop.models.quiz import wording
from desktop.models.quiz.stats import ItemStats
from desktop.models.quiz.web import LiveRow
from desktop.models.vntext import person_sort_key

from ..tables import ItemsModel

GREEN, RED, AMBER, GREY = "#1e7b34", "#b00020", "#a15c00", "#777777"


def pct(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


ROW_PADDING = 10   # the quiz lists' rows: one line of text and this much (`make_table`)


class SessionsModel(ItemsModel):
    DATE, TITLE, PLACE, TESTED, STATUS = range(5)

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Date"), self.tr("Session"), self.tr("Place"),
                        self.tr("Tested"), self.tr("Status")]
        self.counts: dict[str, tuple[int, int, int]] = {}

    def display(self, s: Session, column: int) -> str:
        listed, tested, passed = self.counts.get(s.id, (0, 0, 0))
        return [s.day.strftime("%d/%m/%Y"), s.title or self.tr("Awareness training"), s.place,
                f"{tested}/{listed}",
                self.tr("Open") if s.status == "open" else self.tr("Closed")][column]

    def sort_key(self, s: Session, column: int):
        if column == self.DATE:
            return s.date
        return super().sort_key(s, column)


class PeopleModel(ItemsModel):
    """The people of a session: their result, and live, where each one is (a kiosk PC or a
    browser), waiting to be let in, working (answered n/N, last answer), disconnected."""

    NAME, CODE, DEPARTMENT, STATUS, SCORE, PERCENT, RESULT, ATTEMPTS, WHERE = range(9)

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Full name"), self.tr("Staff code"), self.tr("Department"),
                        self.tr("Status"), self.tr("Score"), "%", self.tr("Result"),
                        self.tr("Attempts"), self.tr("Device · last answer")]
        self.status_text = {"not_started": self.tr("Not started"),
                            "in_progress": self.tr("In progress"),
                            "submitted": self.tr("Submitted")}
        self.live_text = {"waiting": self.tr("Waiting to be let in"),
                          "working": self.tr("Working"),
                          "disconnected": self.tr("Disconnected")}
        self.live: dict[str, LiveRow] = {}

    def display(self, r: PersonResult, column: int) -> str:
        live = self.live.get(r.staff_id)
        if column == self.WHERE:
            if live is None or not live.where:
                return ""
            text = live.where
            if live.last_answer_at and live.state in ("working", "disconnected"):
                text += " · " + live.last_answer_at[11:19]
            return text
        if column == self.STATUS and live is not None and live.state in self.live_text:
            text = self.live_text[live.state]
            if live.state != "waiting" and live.answered is not None:
                text += f" ({live.answered}/{live.total})"
            if live.moving:
                text += " — " + self.tr("another device waits to take over")
            return text
        if column == self.STATUS:
            text = self.status_text[r.status]
            if r.status == "in_progress" and r.answered is not None:
                text += f" ({r.answered}/{r.max_score})"
            if not r.present:
                text = self.tr("Absent")
            return text
        if column == self.SCORE:
            return f"{r.score}/{r.max_score}" if r.score is not None else ""
        if column == self.PERCENT:
            return pct(r.percent)
        if column == self.RESULT:
            if r.passed is None:
                return ""
            return self.tr("Passed") if r.passed else self.tr("Not passed")
        if column == self.ATTEMPTS:
            return str(r.attempts) if r.attempts else ""
        return [r.full_name, r.staff_code, r.department][column]

    def sort_key(self, r: PersonResult, column: int):
        if column == self.NAME:
            return person_sort_key(r.full_name)
        if column in (self.SCORE, self.PERCENT):
            return -1.0 if r.percent is None else r.percent
        if column == self.ATTEMPTS:
            return r.attempts
        return super().sort_key(r, column)

    def foreground(self, r: PersonResult, column: int):
        if column in (self.RESULT, self.PERCENT, self.SCORE) and r.passed is not None:
            return GREEN if r.passed else RED
        live = self.live.get(r.staff_id)
        if column == self.STATUS and live is not None and live.state in ("waiting",
                                                                         "disconnected"):
            return RED if live.state == "disconnected" else AMBER
        if column == self.STATUS and r.status == "in_progress":
            return AMBER
        if not r.present:
            return GREY
        return None


class QuestionsModel(ItemsModel):
    KEY, TOPIC, CLAUSE, DIFFICULTY, TEXT, VERSION, STATE = range(7)

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Key"), self.tr("Topic"), self.tr("Clause"),
                        self.tr("Difficulty"), self.tr("Question"), self.tr("Version"),
                        self.tr("State")]
        self.levels = {1: self.tr("Easy"), 2: self.tr("Medium"), 3: self.tr("Hard")}
        self.names: dict | None = None     # the unit's level names, filled into the wording

    def display(self, q: Question, column: int) -> str:
        state = self.tr("Retired") if q.retired else (self.tr("In use") if q.used
                                                      else self.tr("Not used yet"))
        if q.historical and not q.retired:
            state = self.tr("Historical") + " · " + state
        return [q.key, q.topic_name or q.topic_code, q.clause, self.levels.get(q.difficulty, ""),
                wording.fill(q.text, self.names).replace("\n", " "), str(q.version_no),
                state][column]

    def cell_tooltip(self, q: Question, column: int) -> str | None:
        if column == self.TOPIC:
            return f"{q.topic_name} — " + self.tr("Topic code: %1").replace("%1", q.topic_code)
        return super().cell_tooltip(q, column)

    def sort_key(self, q: Question, column: int):
        if column == self.KEY:
            from desktop.models.quiz.bank import _key_order
            return _key_order(q.key)
        if column in (self.DIFFICULTY, self.VERSION):
            return q.difficulty if column == self.DIFFICULTY else q.version_no
        return super().sort_key(q, column)

    def foreground(self, q: Question, column: int):
        return GREY if q.retired else None

    def search_text(self, q: Question) -> list[str]:
        return [q.key, q.topic_code, q.topic_name, q.clause, q.text, *q.options,
                wording.fill(q.text, self.names)]


class ItemStatsModel(ItemsModel):
    KEY, TEXT, TOPIC, ATTEMPTS, FACILITY, DISCRIMINATION, EFFICIENCY, FLAGS = range(8)

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Key"), self.tr("Question"), self.tr("Topic"), self.tr("Attempts"),
                        self.tr("Facility %"), self.tr("Discrimination %"),
                        self.tr("Discriminative efficiency %"), self.tr("Flags")]
        self.flag_text = {
            "negative_discrimination": self.tr("Negative discrimination"),
            "low_discrimination": self.tr("Low discrimination"),
            "unchosen_option": self.tr("A wrong option nobody chose"),
            "few_attempts": self.tr("Fewer than 30 attempts")}
        self.topic_names: dict[str, str] = {}   # topic code -> name, filled by the panel

    def display(self, i: ItemStats, column: int) -> str:
        def p100(v):
            return "" if v is None else pct(100 * v)
        return [i.key, i.text.replace("\n", " "), self.topic_names.get(i.topic, i.topic),
                str(i.attempts), p100(i.facility),
                p100(i.discrimination_index), p100(i.discriminative_efficiency),
                "; ".join(self.flag_text.get(f, f) for f in i.flags)][column]

    def sort_key(self, i: ItemStats, column: int):
        if column == self.KEY:
            return (min(i.slots) if i.slots else 0, i.key)
        if column in (self.ATTEMPTS, self.FACILITY, self.DISCRIMINATION, self.EFFICIENCY):
            v = [i.attempts, i.facility, i.discrimination_index,
                 i.discriminative_efficiency][column - self.ATTEMPTS]
            return -9.0 if v is None else float(v)
        return super().sort_key(i, column)

    def foreground(self, i: ItemStats, column: int):
        if column == self.DISCRIMINATION and i.discrimination_index is not None:
            if i.discrimination_index < 0:
                return RED
        if column == self.FLAGS and ("negative_discrimination" in i.flags
                                     or "low_discrimination" in i.flags):
            return RED
        return None

    def cell_tooltip(self, i: ItemStats, column: int) -> str | None:
        if column == self.TOPIC:
            return f"{self.topic_names.get(i.topic, i.topic)} — " \
                + self.tr("Topic code: %1").replace("%1", i.topic)
        return super().cell_tooltip(i, column)

    def search_text(self, i: ItemStats) -> list[str]:
        return [i.key, i.topic, self.topic_names.get(i.topic, ""), i.text]


class CoverageModel(ItemsModel):
    NAME, CODE, DEPARTMENT, SESSIONS, ATTEMPTS, BEST, STATE, LAST = range(8)

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Full name"), self.tr("Staff code"), self.tr("Department"),
                        self.tr("Sessions attended"), self.tr("Tests taken"),
                        self.tr("Best %"), self.tr("State"), self.tr("Last session")]
        self.states = {"passed": self.tr("Passed"), "failed": self.tr("Not passed yet"),
                       "not_tested": self.tr("Attended, not tested"),
                       "not_trained": self.tr("Not trained yet"),
                       "exempt": self.tr("Not subject to the test")}

    def display(self, r: CoverageRow, column: int) -> str:
        last = ""
        if r.last_date:
            y, m, d = r.last_date.split("-")
            last = f"{d}/{m}/{y}"
        state = self.states[r.state]
        if r.exempt and r.exempt_reason:
            state += f" ({r.exempt_reason})"
        return [r.full_name, r.staff_code, r.department, str(r.sessions_attended),
                str(r.attempts), pct(r.best_percent), state, last][column]

    def sort_key(self, r: CoverageRow, column: int):
        if column == self.NAME:
            return person_sort_key(r.full_name)
        if column in (self.SESSIONS, self.ATTEMPTS):
            return r.sessions_attended if column == self.SESSIONS else r.attempts
        if column == self.BEST:
            return -1.0 if r.best_percent is None else r.best_percent
        if column == self.LAST:
            return r.last_date or ""
        return super().sort_key(r, column)

    def foreground(self, r: CoverageRow, column: int):
        if column == self.STATE:
            if r.state == "exempt":
                return GREY
            return GREEN if r.state == "passed" else (RED if r.state == "failed" else AMBER)
        return GREY if r.state == "exempt" else None
