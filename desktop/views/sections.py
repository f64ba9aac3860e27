"""The sections of the side navigation, and hooks run after the main window opens.

A section is built lazily from "module:Class" (or "module:function" that returns the page); it
takes `(ctx: ViewContext, parent)`.
Parts of the program replace a placeholder by pointing its entry at their page.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Sections", text)


@dataclass(frozen=True)
class Section:
    key: str
    title_source: str          # English source; shown translated
    icon: str                  # a QStyle standard pixmap name
    factory: str | None        # "module:Class", None = not built yet
    permission: str | None = None

    @property
    def title(self) -> str:
        return _t(self.title_source)


SECTIONS: list[Section] = [
    Section("overview", QT_TRANSLATE_NOOP("Sections", "Overview"), "SP_ComputerIcon", "desktop.views.overview:overview_page"),
    Section("staff", QT_TRANSLATE_NOOP("Sections", "Staff"), "SP_DirHomeIcon", "desktop.views.staff_view:StaffPage"),
    Section("training", QT_TRANSLATE_NOOP("Sections", "Training & quiz"), "SP_DialogApplyButton", "desktop.views.quiz.training_page:TrainingPage"),
    Section("minutes", QT_TRANSLATE_NOOP("Sections", "Minutes"), "SP_FileDialogDetailedView", "desktop.views.minutes.page:MinutesPage"),
    Section("records", QT_TRANSLATE_NOOP("Sections", "ISO records"), "SP_DirIcon", "desktop.views.iso.page:IsoRecordsPage"),
    Section("sync", QT_TRANSLATE_NOOP("Sections", "Sync"), "SP_BrowserReload", "desktop.views.sync.page:SyncPage", "sync"),
    Section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"), "SP_FileDialogInfoView", "desktop.views.settings_view:SettingsPage"),
]

# "module:function" called with (ctx, main_window) once the main window is shown.
STARTUP_HOOKS: list[str] = [
    "desktop.views.sync.outbox:start_outbox_timer",
]
