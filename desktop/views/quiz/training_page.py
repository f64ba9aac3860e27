"""Tập huấn & kiểm tra: the training sessions with the proctor's view, the question bank, the
item analysis and the coverage of the roster, as tabs of one page."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import bank_io
from desktop.models.quiz.common import QUESTIONS, SESSIONS, TOPICS, VERSIONS
from desktop.models.quiz.pictures import TABLE as PICTURES

from ..common import show_error
from ..context import ViewContext
from .bank_panel import BankPanel
from .coverage_panel import CoveragePanel
from .sessions_panel import SessionsPanel
from .stats_panel import StatsPanel

BANK_TABLES = frozenset({TOPICS, QUESTIONS, VERSIONS, PICTURES})   # what the bank tab shows


class TrainingPage(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        try:
            bank_io.ensure_default_bank(ctx.store)    # the first time the quiz is opened
        except IsoDeskError as exc:
            show_error(self, exc)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Training and the awareness test</h2>"))
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("training_tabs")
        self.sessions = SessionsPanel(ctx)
        self.bank = BankPanel(ctx)
        self.stats = StatsPanel(ctx)
        self.coverage = CoveragePanel(ctx)
        self.tabs.addTab(self.sessions, self.tr("Sessions and results"))
        self.tabs.addTab(self.bank, self.tr("Question bank"))
        self.tabs.addTab(self.stats, self.tr("Item analysis"))
        self.tabs.addTab(self.coverage, self.tr("Roster coverage"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        ctx.data_changed.connect(self._data_changed)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if hasattr(page, "on_shown"):
            page.on_shown()

    def _data_changed(self, tables: frozenset[str]) -> None:
        quiz = any(t.startswith("quiz_") for t in tables)
        if quiz or "staff" in tables:
            self.coverage.reload()
            self.sessions.proctor.reload(keep_selection=True)
        if quiz:
            self.stats.reload_scopes()
        if SESSIONS in tables:
            self.sessions.reload()
        if tables & BANK_TABLES:
            self.bank.reload()

    def show_part(self, key: str) -> QWidget:
        """Show the tab `key`: "sessions", "bank", "stats" or "coverage"."""
        panel = {"sessions": self.sessions, "bank": self.bank, "stats": self.stats,
                 "coverage": self.coverage}.get(key)
        if panel is not None:
            self.tabs.setCurrentWidget(panel)
        return panel or self

    def on_shown(self) -> None:
        self.sessions.proctor.reload(keep_selection=True)
