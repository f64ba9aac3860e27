"""Hồ sơ ISO: one tab per register. `show_part("nc")` (or "nc#<id>") opens a tab (and selects a
record); the overview and the evidence links use it."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.models.iso.reviews import ReviewRepository

from ..common import snug_tabs

# Each tab's module is imported when the tab is first shown: a zero-argument loader returns
# its class, called with (ctx, parent).


def _team_tab():
    from .team_tab import TeamTab
    return TeamTab


def _documents_tab():
    from .documents_tab import DocumentsTab
    return DocumentsTab


def _policy_tab():
    from .policy_tab import PolicyTab
    return PolicyTab


def _plan_tab():
    from .plan_tab import PlanTab
    return PlanTab


def _audits_tab():
    from .audits_tab import AuditsTab
    return AuditsTab


def _nc_tab():
    from .nc_tab import NcTab
    return NcTab


def _reviews_tab():
    from .reviews_tab import ReviewsTab
    return ReviewsTab


def _report_tab():
    from .report_tab import ReportTab
    return ReportTab


PARTS = [  # key, loader of the tab's class
    ("team", _team_tab),
    ("documents", _documents_tab),
    ("policy", _policy_tab),
    ("plan", _plan_tab),
    ("audits", _audits_tab),
    ("nc", _nc_tab),
    ("reviews", _reviews_tab),
    ("report", _report_tab),
]
# Which tab shows which table, to refresh it when another page changed that table.
_AUDITS = ("iso_audit_programmes", "iso_audits", "iso_audit_findings")
_NCS = ("iso_nonconformities", "iso_nc_plans")
TABLES = {"team": ("iso_team_members", "iso_team_decisions", "staff"),
          "documents": ("iso_documents", "iso_document_files"),
          "policy": ("iso_policies",),
          "plan": ("iso_plan_templates", "iso_plan_items", "iso_plan_evidence", "iso_documents",
                   *_AUDITS, "iso_reviews"),
          "audits": (*_AUDITS, *_NCS), "nc": _NCS,
          "reviews": ("iso_reviews",), "report": ()}


class IsoRecordsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("<h2>ISO records</h2>"))
        layout.addWidget(head)
        self.banner = QLabel()
        self.banner.setObjectName("records_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fde7e9; color: #b00020; padding: 6px; "
                                  "border-radius: 4px;")
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("records_tabs")
        snug_tabs(self.tabs)
        titles = {"team": self.tr("ISO team"), "documents": self.tr("Documents"),
                  "policy": self.tr("Policy and objectives"),
                  "plan": self.tr("Conversion plan"), "audits": self.tr("Internal audits"),
                  "nc": self.tr("Nonconformities"), "reviews": self.tr("Management reviews"),
                  "report": self.tr("Yearly report")}
        self.keys = [key for key, _ in PARTS]
        self.parts: dict[str, QWidget] = {}
        for key, _ in PARTS:
            self.tabs.addTab(QWidget(), titles[key])  # built when first shown
        self._loaders = dict(PARTS)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.stale: set[str] = set()
        ctx.data_changed.connect(self._data_changed)
        self._tab_changed(0)
        self._update_banner()

    def part(self, key: str) -> QWidget:
        if key not in self.parts:
            widget = self._loaders[key]()(self.ctx, self)
            widget.setObjectName(f"part_{key}")
            index = self.keys.index(key)
            title = self.tabs.tabText(index)
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            old.deleteLater()
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self.parts[key] = widget
        return self.parts[key]

    def _tab_changed(self, index: int) -> None:
        if index < 0:
            return
        key = self.keys[index]
        widget = self.part(key)
        if key in self.stale and hasattr(widget, "reload"):
            self.stale.discard(key)
            widget.reload()

    def show_part(self, name: str) -> QWidget:
        """"nc", or "nc#<record id>" to select that record too."""
        key, _, record_id = name.partition("#")
        if key not in self.keys:
            return self
        widget = self.part(key)
        self.tabs.setCurrentIndex(self.keys.index(key))
        if record_id and hasattr(widget, "select_id"):
            QTimer.singleShot(0, lambda: widget.select_id(record_id))
        return widget

    def _data_changed(self, changed: frozenset[str]) -> None:
        for key, tables in TABLES.items():
            if changed.intersection(tables):
                self.stale.add(key)  # reloaded when shown next (the tab that made it already did)
        self._update_banner()

    def on_shown(self) -> None:
        self._update_banner()
        index = self.tabs.currentIndex()
        key = self.keys[index]
        if key in self.stale and key in self.parts and hasattr(self.parts[key], "reload"):
            self.stale.discard(key)
            self.parts[key].reload()

    def _update_banner(self) -> None:
        reminder = ReviewRepository(self.ctx.store).reminder()
        if reminder["review_state"] == "due_today":
            self.banner.setText(self.tr("Reminder: the last management review was 12 months ago "
                                        "today; a review is due today. Record it in the "
                                        "\"Management reviews\" tab."))
            self.banner.show()
        elif reminder["review_due"]:
            self.banner.setText(self.tr("Reminder: no management review was held in the last 12 "
                                        "months. Record one in the \"Management reviews\" tab."))
            self.banner.show()
        else:
            self.banner.hide()
