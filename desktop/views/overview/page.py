"""Tổng quan: what a director needs to see in ten seconds. Big numbers, red for what is late, two
charts; every figure opens the list behind it.

The figures come from `desktop.models.figures.collect`: one card group per registered provider.
"training" and "minutes" are read by their documented keys; a provider that is absent simply
has no card; one this page does not know gets a plain card with its numbers.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desktop.models import figures as figure_registry
from desktop.models.iso._common import vn_date
from desktop.models.iso.documents import STATES, DocumentRepository, revision_key
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.plan import PlanRepository
from desktop.models.vntext import collation_key, person_sort_key
from desktop.views.iso.common import RED, RED_TEXT, date_text, iso_key
from desktop.views.iso.labels import label
from desktop.views.tables import Column

from .first_steps import FirstStepsPanel
from .widgets import DocumentsChart, FigureCard, ListDialog, TrainingChart

COLUMNS = 4
KNOWN = ("training", "records", "minutes", "staff")


class OverviewPage(QWidget):
    def __init__(self, ctx, parent=None, *, today: _dt.date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.fixed_today = today  # for tests and demonstrations; normally the real date
        self.figures: dict = {}
        self.cards: dict[str, FigureCard] = {}
        self.today = _dt.date.today()
        self._stale = False
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("overview_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(self.heading, 1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("overview_refresh")
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        outer.addLayout(head)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.first_steps = FirstStepsPanel(ctx)
        self.first_steps.open_step.connect(self.ctx.navigate.emit)
        self.body.addWidget(self.first_steps)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        for col in range(COLUMNS):
            self.grid.setColumnStretch(col, 1)
        self.body.addLayout(self.grid)
        charts = QHBoxLayout()
        self.training_chart = TrainingChart(
            self.tr("Awareness test of the staff subject to it"),
            {"passed": self.tr("Passed"), "failed": self.tr("Tested, not passed"),
             "untested": self.tr("Not tested yet")},
            empty_text=self.tr("Nothing to show yet: the chart fills in once the staff list is "
                               "imported and the test has been taken."))
        self.training_chart.slice_clicked.connect(self._training_slice)
        self.documents_chart = DocumentsChart(
            self.tr("Documents by state"), [(s, label("doc_state", s)) for s in STATES],
            empty_text=self.tr("No document in the register yet: add them or import the list "
                               "under ISO records → Documents."))
        self.documents_chart.bar_clicked.connect(self.open_documents)
        charts.addWidget(self.training_chart, 1)
        charts.addWidget(self.documents_chart, 1)
        self.body.addLayout(charts)
        self.body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    # --- refreshing -------------------------------------------------------------------------

    def on_shown(self) -> None:
        if self._stale or self.today != (self.fixed_today or _dt.date.today()):
            self.refresh()

    def _data_changed(self, _tables: frozenset[str]) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.today = self.fixed_today or _dt.date.today()
        self.figures = figure_registry.collect(self.ctx.store, today=self.today)
        profile = self.ctx.profile
        title = self.tr("Overview")
        when = self.tr("as of %1").replace("%1", vn_date(self.today))
        self.heading.setText(f"<h2>{title}</h2><span style='color:#555'>"
                             f"{profile.name if profile else ''} — {when}</span>")
        self.first_steps.setVisible(self.first_steps.refresh())
        for card in self.cards.values():
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        figs = self.figures
        if "training" in figs:
            self._training_card(figs["training"], figs.get("staff", {}))
        if "records" in figs:
            self._records_cards(figs["records"])
        if "minutes" in figs:
            self._minutes_card(figs["minutes"])
        if "staff" in figs and "training" not in figs:
            self._staff_card(figs["staff"])
        for name, values in figs.items():
            if name not in KNOWN and isinstance(values, dict):
                self._generic_card(name, values)
        self._place_cards()
        self.training_chart.setVisible("training" in figs)
        if "training" in figs:
            t = figs["training"]
            active = figure_registry.staff_subject_to_test(t)
            passed = t.get("passed", 0)
            failed = max(0, t.get("tested", 0) - passed)
            self.training_chart.set_counts({"passed": passed, "failed": failed,
                                            "untested": max(0, active - passed - failed)})
        self.documents_chart.setVisible("records" in figs)
        if "records" in figs:
            self.documents_chart.set_counts(figs["records"]["documents_by_state"])

    def _columns(self) -> int:
        """Four cards a row when they fit side by side (a 1366-pixel screen), fewer when not."""
        card = next(iter(self.cards.values()), None)
        if card is None:
            return COLUMNS
        # the page's own width (its scroll area is resized after it): less the margins and a
        # vertical scroll bar
        m, b = self.layout().contentsMargins(), self.body.contentsMargins()
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        room = self.width() - m.left() - m.right() - b.left() - b.right() - bar - 6
        spacing = self.grid.horizontalSpacing()
        return max(1, min(COLUMNS, (room + spacing) // (card.minimumWidth() + spacing)))

    def _place_cards(self) -> None:
        columns = self._columns()
        for i, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, i // columns, i % columns)
        for col in range(COLUMNS):
            self.grid.setColumnStretch(col, 1 if col < columns else 0)
        self._placed_columns = columns

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.cards and self._columns() != getattr(self, "_placed_columns", None):
            for card in self.cards.values():
                self.grid.removeWidget(card)
            self._place_cards()

    def _card(self, key: str, title: str, on_click=None, on_detail=None) -> FigureCard:
        card = FigureCard(key, title, self, clickable=on_click is not None)
        if on_click is not None:
            card.activated.connect(on_click)
        if on_detail is not None:
            card.detail_activated.connect(on_detail)
        self.cards[key] = card
        return card

    # --- cards ------------------------------------------------------------------------------

    def _training_card(self, t: dict, staff: dict) -> None:
        # coverage counts the staff subject to the test ("không thuộc diện kiểm tra" left out)
        active = figure_registry.staff_subject_to_test(t, staff.get("active", 0))
        passed = t.get("passed", 0) or 0
        missing = len(t.get("not_passed") or [])
        card = self._card("training", self.tr("Training coverage"), self.open_not_passed,
                          self.open_not_passed)
        if not active:   # nothing entered yet: no figure, no alarm, what to do
            card.activated.disconnect()
            card.activated.connect(lambda: self.ctx.navigate.emit("staff"))
            if staff.get("active"):
                card.set_values("—", self.tr("nobody on the roster is subject to the test"),
                                tone="muted")
            else:
                card.set_values("—", self.tr("no staff on the roster yet"), tone="muted",
                                detail=self.tr("import the staff list first"),
                                detail_tone="muted")
            return
        share = int(100 * passed / active + 0.5)
        text = self.tr("%1 of %2 staff subject to the test passed the awareness test") \
            .replace("%1", str(passed)).replace("%2", str(active))
        if t.get("exempt"):
            text += " " + self.tr("(%1 not subject to it)").replace("%1", str(t["exempt"]))
        if not t.get("sessions"):   # staff, but no training day held yet: nothing is late
            card.set_values(f"{share}%", text, tone="muted",
                            detail=self.tr("no training session yet"), detail_tone="muted")
            return
        tone = "ok" if share >= 90 else "warn" if share >= 60 else "bad"
        card.set_values(f"{share}%", text, tone=tone,
                        detail=self.tr("%1 not passed yet").replace("%1", str(missing))
                        if missing else self.tr("Everyone has passed"),
                        detail_tone="bad" if missing else "ok", detail_link=bool(missing))

    def _records_cards(self, r: dict) -> None:
        card = self._card("nc", self.tr("Open nonconformities"), lambda: self.open_nc("open"),
                          lambda: self.open_nc("overdue"))
        card.set_values(str(r["nc_open"]), self.tr("%1 closed").replace("%1", str(r["nc_closed"])),
                        tone="bad" if r["nc_overdue"] else "warn" if r["nc_open"] else "ok",
                        detail=self.tr("%1 overdue").replace("%1", str(r["nc_overdue"]))
                        if r["nc_overdue"] else self.tr("none overdue"),
                        detail_tone="bad" if r["nc_overdue"] else "ok",
                        detail_link=bool(r["nc_overdue"]))
        total, done, late = r["plan_total"], r["plan_done"], r["plan_overdue"]
        card = self._card("plan", self.tr("Conversion milestones done"), self.open_plan,
                          self.open_plan)
        if total:
            card.set_values(f"{done}/{total}", self.tr("milestones of the 2008 → 2015 "
                                                        "conversion plan"),
                            tone="bad" if late else "ok" if done == total else "neutral",
                            detail=self.tr("%n milestone(s) overdue", "", late)
                            if late else self.tr("no milestone overdue"),
                            detail_tone="bad" if late else "ok",
                            detail_link=bool(late))
        else:
            card.set_values("—", self.tr("no conversion plan yet"), tone="muted")
        by_state = r["documents_by_state"]
        card = self._card("documents", self.tr("Documents in force"),
                          lambda: self.open_documents("in_force"))
        card.set_values(str(by_state.get("in_force", 0)),
                        self.tr("draft %1 · approved %2 · obsolete %3")
                        .replace("%1", str(by_state.get("draft", 0)))
                        .replace("%2", str(by_state.get("approved", 0)))
                        .replace("%3", str(by_state.get("obsolete", 0))), tone="neutral")
        days = r["days_to_report"]
        status = r["report_status"]
        card = self._card("report", self.tr("Yearly report"),
                          lambda: self.ctx.navigate.emit("records/report"))
        deadline = date_text(r["report_deadline"])
        if status == "final":
            card.set_values("✓", self.tr("report of %1 is final (due %2)")
                            .replace("%1", r["report_deadline"][:4]).replace("%2", deadline),
                            tone="ok")
        elif days >= 0:
            card.set_values(str(days), self.tr("days until the deadline %1").replace(
                "%1", deadline),
                tone="bad" if days <= 7 else "warn" if days <= 30 else "neutral",
                detail=label("report_status", status),
                detail_tone="warn" if status == "draft" else "muted")
        else:
            card.set_values(str(-days), self.tr("days late: the report was due on %1")
                            .replace("%1", deadline),
                            tone="bad", detail=label("report_status", status),
                            detail_tone="bad")
        card = self._card("review", self.tr("Management review"),
                          lambda: self.ctx.navigate.emit("records/reviews"))
        last = r["last_review"]
        if r.get("review_state") == "not_yet":   # a new office: the first one is not due yet
            due_by = r.get("review_due_by")
            card.set_values("—", self.tr("no management review recorded yet"), tone="muted",
                            detail=self.tr("the first one is due by %1").replace(
                                "%1", vn_date(due_by)) if due_by else "",
                            detail_tone="muted")
            return
        state = r.get("review_state") or ("overdue" if r["review_due"] else "ok")
        tone = {"ok": "ok", "due_today": "warn"}.get(state, "bad")
        detail = {"ok": self.tr("held within the last 12 months"),
                  "due_today": self.tr("12 months ago today: a review is due today")}.get(
            state, self.tr("a review is due (none in 12 months)"))
        card.set_values(vn_date(last) if last else "—",
                        self.tr("last management review") if last
                        else self.tr("no management review recorded"),
                        tone=tone, detail=detail, detail_tone=tone)

    def _minutes_card(self, m: dict) -> None:
        waiting = m.get("awaiting_confirmation", 0) or 0
        card = self._card("minutes", self.tr("Minutes awaiting confirmation"),
                          lambda: self.ctx.navigate.emit("minutes"))
        card.set_values(str(waiting), self.tr("%1 minutes in all, %2 confirmed")
                        .replace("%1", str(m.get("total", 0))).replace(
                            "%2", str(m.get("confirmed", 0))),
                        tone="warn" if waiting else "ok",
                        detail=self.tr("%1 being written").replace("%1", str(m.get("draft", 0)))
                        if m.get("draft") else "")

    def _staff_card(self, s: dict) -> None:
        card = self._card("staff", self.tr("Active staff"),
                          lambda: self.ctx.navigate.emit("staff"))
        card.set_values(str(s.get("active", 0)), self.tr("%1 on the roster, %2 inactive")
                        .replace("%1", str(s.get("total", 0)))
                        .replace("%2", str(s.get("inactive", 0))))

    def _generic_card(self, name: str, values: dict) -> None:
        numbers = [(k, v) for k, v in values.items() if isinstance(v, (int, float))
                   and not isinstance(v, bool)]
        if not numbers:
            return
        card = self._card(f"other_{name}", name, None)
        first_key, first = numbers[0]
        card.set_values(str(first), first_key, detail=" · ".join(
            f"{k}: {v}" for k, v in numbers[1:4]))

    # --- the lists behind the figures ---------------------------------------------------------

    def _show(self, dialog: ListDialog) -> ListDialog:
        self.list_dialog = dialog
        dialog.open()
        return dialog

    def open_not_passed(self) -> ListDialog | None:
        t = self.figures.get("training")
        if t is None:
            return None
        people = sorted(t.get("not_passed") or [],
                        key=lambda p: person_sort_key(p.get("full_name", "")))
        return self._show(ListDialog(
            self.tr("Active staff who have not passed the awareness test"),
            [Column(self.tr("Staff code"), lambda p: p.get("staff_code", "")),
             Column(self.tr("Full name"), lambda p: p.get("full_name", ""),
                    lambda p: person_sort_key(p.get("full_name", ""))),
             Column(self.tr("Department"), lambda p: p.get("department", ""))],
            people, self, search=lambda p: (p.get("full_name"), p.get("staff_code"),
                                            p.get("department")),
            open_text=self.tr("Open Training"),
            on_open=lambda _p: self.ctx.navigate.emit("training"),
            empty_text=self.tr("Everyone has passed.")))

    def _training_slice(self, key: str) -> None:
        self.open_not_passed()

    def open_nc(self, which: str = "open") -> ListDialog:
        repo = NonconformityRepository(self.ctx.store)
        items = repo.list(open_only=True) if which == "open" else repo.list(
            overdue_on=self.today)
        items.sort(key=lambda n: (not n.overdue(self.today), n.due_on or "9999"))
        title = self.tr("Open nonconformities") if which == "open" else self.tr(
            "Overdue nonconformities")
        return self._show(ListDialog(
            title,
            [Column(self.tr("Code"), lambda n: n.code),
             Column(self.tr("Found on"), lambda n: date_text(n.detected_on),
                    lambda n: n.detected_on),
             Column(self.tr("Description"), lambda n: " ".join(n.description.split())),
             Column(self.tr("Responsible"), lambda n: n.owner),
             Column(self.tr("Due"), lambda n: date_text(n.due_on), lambda n: iso_key(n.due_on)),
             Column(self.tr("Stage"), lambda n: label("nc_stage", n.stage))],
            items, self, search=lambda n: (n.code, n.description, n.owner, n.department),
            colour=lambda n: (RED, RED_TEXT) if n.overdue(self.today) else (None, None),
            open_text=self.tr("Open in ISO records"),
            on_open=lambda n: self.ctx.navigate.emit(
                "records/nc" + (f"#{n.id}" if n is not None else ""))))

    def open_plan(self) -> ListDialog:
        items = PlanRepository(self.ctx.store).items()
        return self._show(ListDialog(
            self.tr("Conversion plan milestones"),
            [Column(self.tr("No."), lambda i: str(i.seq), lambda i: i.seq),
             Column(self.tr("Milestone"), lambda i: i.title),
             Column(self.tr("Due"), lambda i: date_text(i.due_on), lambda i: i.due_on),
             Column(self.tr("Responsible"), lambda i: i.responsible),
             Column(self.tr("Status"), lambda i: self.tr("Overdue") if i.overdue(self.today)
                    else label("plan_status", i.status)),
             Column(self.tr("Done on"), lambda i: date_text(i.completed_on),
                    lambda i: iso_key(i.completed_on))],
            items, self, search=lambda i: (i.title, i.responsible),
            colour=lambda i: (RED, RED_TEXT) if i.overdue(self.today) else (None, None),
            open_text=self.tr("Open in ISO records"),
            on_open=lambda i: self.ctx.navigate.emit(
                "records/plan" + (f"#{i.id}" if i is not None else ""))))

    def open_documents(self, state: str = "in_force") -> ListDialog:
        docs = DocumentRepository(self.ctx.store).list(state=state)
        return self._show(ListDialog(
            self.tr("Documents: %1").replace("%1", label("doc_state", state).lower()),
            [Column(self.tr("Code"), lambda d: d.code,
                    lambda d: (collation_key(d.code), revision_key(d.revision))),
             Column(self.tr("Rev."), lambda d: d.revision),
             Column(self.tr("Title"), lambda d: d.title),
             Column(self.tr("Kind"), lambda d: label("doc_kind", d.kind)),
             Column(self.tr("In force from"), lambda d: date_text(d.effective_on),
                    lambda d: iso_key(d.effective_on)),
             Column(self.tr("Department"), lambda d: d.department)],
            docs, self, search=lambda d: (d.code, d.title, d.department),
            open_text=self.tr("Open in ISO records"),
            on_open=lambda d: self.ctx.navigate.emit(
                "records/documents" + (f"#{d.id}" if d is not None else ""))))
