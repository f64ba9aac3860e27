"""Tổng quan at the province: its districts at a glance, not the province's own (empty) records.

The cards add up the same rows as "Tổng hợp các huyện" (`sync.overview.district_overview`, via
the table shown below them, which is that very panel): how many districts are late sending
data, the training coverage of all their staff subject to the test, open and overdue
nonconformities, conversion milestones, yearly reports and minutes awaiting confirmation — red
for what is late, amber for what to watch. A card sorts the table by its column, most late first.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.models.iso._common import vn_date
from desktop.models.iso.documents import STATES
from desktop.views.iso.labels import label
from desktop.views.sync.overview import OverviewPanel
from sync.overview import province_totals

from ..common import scrolling
from .first_steps import FirstStepsPanel
from .widgets import DocumentsChart, FigureCard, TrainingChart

COLUMNS = 3


class ProvinceOverviewPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.cards: dict[str, FigureCard] = {}
        self.totals: dict = {}
        # the page scrolls up and down on a short screen rather than make the window taller
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        outer = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setObjectName("overview_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.heading)
        self.first_steps = FirstStepsPanel(ctx)       # a new province office: what to do first
        self.first_steps.open_step.connect(self.ctx.navigate.emit)
        outer.addWidget(self.first_steps)
        top = QHBoxLayout()
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        for key, title in (("districts", self.tr("Districts sending data")),
                           ("training", self.tr("Training coverage of the districts")),
                           ("nc", self.tr("Open nonconformities in the districts")),
                           ("plan", self.tr("Conversion milestones done")),
                           ("report", self.tr("Yearly reports final")),
                           ("minutes", self.tr("Minutes awaiting confirmation"))):
            card = FigureCard(key, title, self)
            card.activated.connect(lambda k=key: self.sort_table(k))
            card.detail_activated.connect(lambda k=key: self.sort_table(k))
            self.cards[key] = card
            i = len(self.cards) - 1
            self.grid.addWidget(card, i // COLUMNS, i % COLUMNS)
        top.addLayout(self.grid, 1)
        charts = QHBoxLayout()   # below the cards, side by side (beside them, one above the
        #                          other, they made the page taller than a laptop's screen)
        self.training_chart = TrainingChart(
            self.tr("Awareness test of the districts' staff"),
            {"passed": self.tr("Passed"), "failed": self.tr("Tested, not passed"),
             "untested": self.tr("Not tested yet")})
        self.training_chart.slice_clicked.connect(lambda _k: self.sort_table("training"))
        self.documents_chart = DocumentsChart(
            self.tr("The districts' documents by state"),
            [(s, label("doc_state", s)) for s in STATES])
        for chart in (self.training_chart, self.documents_chart):
            charts.addWidget(chart, 1)
        outer.addLayout(top)
        outer.addLayout(charts)
        outer.addWidget(QLabel(self.tr("<b>The districts side by side</b> (as in Sync → "
                                       "Districts side by side)")))
        self.table = OverviewPanel(ctx, self)
        self.table.setObjectName("province_districts")
        self.table.setMinimumHeight(self.fontMetrics().height() * 14)   # some rows in sight
        outer.addWidget(self.table, 1)
        page.addWidget(scrolling(body))
        self.table.refreshed.connect(self.show_totals)
        self.show_totals()

    def on_shown(self) -> None:
        self.table.refresh()

    def refresh(self) -> None:
        self.table.refresh()

    def sort_table(self, key: str) -> None:
        column = {"districts": "received", "training": "coverage", "nc": "nc_overdue",
                  "plan": "plan_overdue", "report": "report", "minutes": "awaiting"}[key]
        self.table.sort_by(column)

    def show_totals(self) -> None:
        self.first_steps.setVisible(self.first_steps.refresh())
        t = self.totals = province_totals(self.table.rows)
        profile = self.ctx.profile
        when = self.tr("as of %1").replace("%1", vn_date(_dt.date.today()))
        year = self.tr("year %1").replace("%1", str(self.table.year.value()))
        title = self.tr("Overview")
        districts = self.tr("%1 districts").replace("%1", str(t["districts"]))
        self.heading.setText(f"<h2>{title}</h2><span style='color:#555'>"
                             f"{profile.name if profile else ''} — {districts} — {year} — "
                             f"{when}</span>")
        n = t["districts"]
        late = t["received_late"]
        self.cards["districts"].set_values(
            f"{n - late}/{n}", self.tr("districts whose data came in time"),
            tone="bad" if late else "ok" if n else "muted",
            detail=self.tr("%1 late or never sent").replace("%1", str(late)) if late
            else self.tr("none late") if n else self.tr("no district yet"),
            detail_tone="bad" if late else "ok", detail_link=bool(late))
        subject, passed = t["staff_subject"], t["passed"]
        share = int(100 * passed / subject + 0.5) if subject else 0
        short = t["coverage_short"]
        self.cards["training"].set_values(
            f"{share}%" if subject else "—",
            self.tr("%1 of %2 staff subject to the test passed").replace("%1", str(passed))
            .replace("%2", str(subject)),
            tone="muted" if not subject else "ok" if share >= 90 else "warn" if share >= 60
            else "bad",
            detail=self.tr("%1 districts not all tested yet").replace("%1", str(short))
            if short else "", detail_tone="warn", detail_link=bool(short))
        overdue, where = t["nc_overdue"], t["nc_overdue_districts"]
        self.cards["nc"].set_values(
            str(t["nc_open"]), self.tr("open in all districts"),
            tone="bad" if overdue else "warn" if t["nc_open"] else "ok",
            detail=self.tr("%1 overdue, in %2 districts").replace("%1", str(overdue))
            .replace("%2", str(where)) if overdue else self.tr("none overdue"),
            detail_tone="bad" if overdue else "ok", detail_link=bool(overdue))
        total, done, steps = t["plan_total"], t["plan_done"], t["plan_overdue"]
        self.cards["plan"].set_values(
            f"{done}/{total}" if total else "—", self.tr("milestones of the districts' plans"),
            tone="muted" if not total else "bad" if steps else "ok" if done == total
            else "neutral",
            detail=self.tr("%1 overdue, in %2 districts").replace("%1", str(steps))
            .replace("%2", str(t["plan_overdue_districts"])) if steps else "",
            detail_tone="bad", detail_link=bool(steps))
        final, reports_late = t["reports_final"], t["reports_late"]
        self.cards["report"].set_values(
            f"{final}/{n}", self.tr("districts whose yearly report is final"),
            tone="bad" if reports_late else "ok" if n and final == n else "neutral",
            detail=self.tr("%1 late").replace("%1", str(reports_late)) if reports_late else "",
            detail_tone="bad", detail_link=bool(reports_late))
        waiting = t["minutes_awaiting"]
        self.cards["minutes"].set_values(
            str(waiting), self.tr("%1 confirmed").replace("%1", str(t["minutes_confirmed"])),
            tone="warn" if waiting else "ok")
        failed = max(0, t["tested"] - passed)
        self.training_chart.set_counts({"passed": passed, "failed": failed,
                                        "untested": max(0, subject - passed - failed)})
        self.documents_chart.set_counts(t["documents_by_state"])
