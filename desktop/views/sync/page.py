"""Đồng bộ: the district's or the province's side, in tabs."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ..context import ViewContext


class SyncPage(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        profile = ctx.profile
        province = profile is not None and profile.is_province
        title = QLabel(self.tr("<h2>Sync with the districts</h2>") if province
                       else self.tr("<h2>Sync with the province</h2>"))
        layout.addWidget(title)
        if ctx.demo:
            layout.addWidget(self._demo_note(province))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.panels: dict[str, QWidget] = {}
        if province:
            from .districts import DistrictsPanel
            from .overview import OverviewPanel
            from .province import ImportPanel, QuarantinePanel

            self._add("overview", OverviewPanel(ctx), self.tr("Districts side by side"))
            self._add("import", ImportPanel(ctx), self.tr("Import packages"))
            self._add("districts", DistrictsPanel(ctx), self.tr("Districts and keys"))
            self._add("quarantine", QuarantinePanel(ctx), self.tr("Quarantine"))
        else:
            from .district import RecordStatesPanel, SendPanel
            from .setup import EmailPanel, EnrolPanel

            self._add("send", SendPanel(ctx), self.tr("Send"))
            self._add("records", RecordStatesPanel(ctx), self.tr("Record status"))
            self._add("enrol", EnrolPanel(ctx), self.tr("Enrolment"))
            self._add("email", EmailPanel(ctx), self.tr("E-mail"))
        layout.addWidget(self.tabs, 1)

    def _demo_note(self, province: bool) -> QLabel:
        """Where the other side of the demo is, and how to try a package end to end."""
        from desktop.demo.province import DEMO_PROVINCE, province_dir

        if province:
            text = self.tr("Demo: the demo district (Sông Trà) sends its packages here. Start it "
                           "with “isodesk demo” (from the source: “python dev.py demo”), write "
                           "a package to a folder there, then import that folder in “Import "
                           "packages”.")
        else:
            text = self.tr("Demo: this district is enrolled with the demo province (%1), whose "
                           "data is in %2. Write a package to a folder here (“Choose "
                           "folder…”), then open the province with “isodesk demo --province” "
                           "(from the source: “python dev.py demo --province”) and import it "
                           "there.").replace("%1", DEMO_PROVINCE.name).replace(
                "%2", str(province_dir(self.ctx.store.data_dir)))
        note = QLabel(text)
        note.setObjectName("sync_demo_note")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setStyleSheet("background: #fff4e0; color: #5c3b00; padding: 6px; "
                           "border-radius: 4px;")
        return note

    def show_part(self, key: str) -> QWidget:
        """Show the tab `key` ("send", "enrol", "email", "districts"…)."""
        panel = self.panels.get(key)
        if panel is not None:
            self.tabs.setCurrentWidget(panel)
        return panel or self

    def _add(self, key: str, panel: QWidget, title: str) -> None:
        panel.setObjectName(f"sync_{key}")
        self.panels[key] = panel
        self.tabs.addTab(panel, title)
