"""The sections of the side navigation (key, title, icon, the permission that shows it), and
hooks run after the main window opens. Each section's page is in `section_pages.PAGES` (a page
may name sections here, as the overview's first steps do, without an import cycle).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Sections", text)


@dataclass(frozen=True)
class Section:
    key: str
    title_source: str          # English source; shown translated
    icon: str                  # a QStyle standard pixmap name
    permission: str | None = None

    @property
    def title(self) -> str:
        return _t(self.title_source)


SECTIONS: list[Section] = [
    Section("overview", QT_TRANSLATE_NOOP("Sections", "Overview"), "SP_ComputerIcon"),
    Section("staff", QT_TRANSLATE_NOOP("Sections", "Staff"), "SP_DirHomeIcon"),
    Section("training", QT_TRANSLATE_NOOP("Sections", "Training & quiz"), "SP_DialogApplyButton"),
    Section("minutes", QT_TRANSLATE_NOOP("Sections", "Minutes"), "SP_FileDialogDetailedView"),
    Section("records", QT_TRANSLATE_NOOP("Sections", "ISO records"), "SP_DirIcon"),
    Section("sync", QT_TRANSLATE_NOOP("Sections", "Sync"), "SP_BrowserReload", "sync"),
    Section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"), "SP_FileDialogInfoView"),
]


def start_outbox_timer(ctx, window) -> None:
    """Packages waiting in the outbox are sent on a timer (desktop.views.sync.outbox)."""
    from desktop.views.sync.outbox import start_outbox_timer

    start_outbox_timer(ctx, window)


# Called with (ctx, main_window) once the main window is shown.
STARTUP_HOOKS: list[Callable[[object, object], None]] = [
    start_outbox_timer,
]
