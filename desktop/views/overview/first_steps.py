"""Bắt đầu: the first steps of a new office, on top of the overview until they are all done.

Each step is ticked from the data itself (there is a staff list, an ISO team, a conversion
plan, the province's profile, a training session), never from a stored tick, so a step done
anywhere (the command line, a sync package, another window) shows as done; each has a button
that opens where it is done.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout

from desktop.models.iso.plan import PlanRepository
from desktop.models.iso.team import TeamRepository
from desktop.models.quiz import sessions
from desktop.models.staff import StaffRepository
from sync.peers import list_peers

from ..sections import SECTIONS


@dataclass(frozen=True)
class Step:
    key: str
    done: bool
    target: str           # the section (and part) that opens: "records/team"


def first_steps(store, *, province: bool) -> list[Step]:
    """The steps of a new office in their order, each done or not, from the data."""
    unit = store.unit_code
    staff = Step("staff", StaffRepository(store).count(active_only=False) > 0, "staff")
    team = Step("team", bool(TeamRepository(store).members(unit_code=unit)), "records/team")
    training = Step("training", bool(sessions.list_sessions(store)), "training/sessions")
    if province:   # the plan is the districts' to carry out; the province lists its districts
        linked = any(p.active for p in list_peers(store, "district"))
        return [staff, team, Step("districts", linked, "sync/districts"), training]
    linked = any(p.active for p in list_peers(store, "province"))
    return [staff, team,
            Step("plan", bool(PlanRepository(store).items(unit, with_evidence=False)),
                 "records/plan"),
            Step("enrol", linked, "sync/enrol"), training]


class FirstStepsPanel(QFrame):
    """The checklist; `open_step(target)` asks for the section of a step's button."""

    open_step = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("first_steps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#first_steps { background: #f5f9ff; border: 1px solid #b9cde8;"
                           " border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel()
        self.title.setObjectName("first_steps_title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        self.rows: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}
        self.steps: list[Step] = []

    def texts(self, key: str) -> tuple[str, str, str]:
        """(what to do, how, the button) of a step."""
        profile = self.ctx.profile
        team = profile.team_name if profile else "Tổ triển khai ISO"   # the unit's own name
        return {
            "staff": (self.tr("Import the staff list"),
                      self.tr("The office's staff from its Excel list (a template is there to "
                              "fill in); the test, the team and the minutes use it."),
                      self.tr("Staff list…")),
            "team": (self.tr("Set up the %1").replace("%1", team),
                     self.tr("Who is in the %1, their roles, and the decision that set it up.")
                     .replace("%1", team),
                     self.tr("%1…").replace("%1", team)),
            "plan": (self.tr("Load or receive the conversion plan"),
                     self.tr("The milestones of the move to TCVN ISO 9001:2015: the standard "
                             "plan, or the one the province sends."),
                     self.tr("Conversion plan…")),
            "enrol": (self.tr("Enrol with the province"),
                      self.tr("Import the province's profile file (.isoprofile) so that this "
                              "office can send its records to the province."),
                      self.tr("Enrolment…")),
            "districts": (self.tr("Add the districts"),
                          self.tr("Each district of the province, then give them the "
                                  "province's profile file."),
                          self.tr("Districts…")),
            "training": (self.tr("Plan the training day"),
                         self.tr("The awareness training with its attendance list; the test "
                                 "is then taken on the kiosk or on paper."),
                         self.tr("Training…")),
        }[key]

    def refresh(self) -> bool:
        """Tick what is done; returns whether anything is left to do (the panel is shown only
        then)."""
        profile = self.ctx.profile
        self.steps = first_steps(self.ctx.store, province=bool(profile and profile.is_province))
        allowed = {s.key for s in SECTIONS if s.permission is None or self.ctx.can(s.permission)}
        done = sum(1 for s in self.steps if s.done)
        self.title.setText("<b style='font-size:13pt'>" + self.tr("Getting started") + "</b>"
                           + "&nbsp;&nbsp;<span style='color:#4b5563'>"
                           + self.tr("%1 of %2 steps done. Each step is ticked as soon as it "
                                     "is done.").replace("%1", str(done))
                           .replace("%2", str(len(self.steps))) + "</span>")
        for row, step in enumerate(self.steps):
            if step.key not in self.rows:
                mark, text, button = QLabel(), QLabel(), QPushButton()
                mark.setObjectName(f"step_{step.key}_mark")
                text.setObjectName(f"step_{step.key}")
                text.setWordWrap(True)
                text.setTextFormat(Qt.TextFormat.RichText)
                button.setObjectName(f"step_{step.key}_button")
                button.clicked.connect(lambda _c=False, t=step.target: self.open_step.emit(t))
                self.grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
                self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
                self.grid.addWidget(text, row, 2)
                self.rows[step.key] = (mark, text, button)
            mark, text, button = self.rows[step.key]
            what, how, action = self.texts(step.key)
            mark.setText("✔" if step.done else f"{row + 1}.")
            mark.setStyleSheet("color: #1e7b34; font-size: 14pt; font-weight: bold;"
                               if step.done else "color: #1f5fa8; font-size: 12pt;"
                               " font-weight: bold;")
            mark.setToolTip(self.tr("Done") if step.done else self.tr("Not done yet"))
            colour = "#6b7280" if step.done else "#1f2a38"
            after = " — " + self.tr("done") if step.done else "<br>" + how
            text.setText(f"<span style='color:{colour}'><b>{what}</b>{after}</span>")
            button.setText(action)
            button.setMinimumWidth(button.sizeHint().width())   # the whole text, never cut
            button.setVisible(step.target.partition("/")[0] in allowed)
        return done < len(self.steps)
