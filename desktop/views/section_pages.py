"""The page of each section of the side navigation, imported when it is first shown: the GUI's
start waits for no page but the first (tests/views/test_startup_imports.py keeps it so).

Each section's key names a zero-argument loader, a function with a plain `from … import …`
inside that returns the page's class (or a function that returns the page); that is called with
`(ctx: ViewContext, parent)`. A section without an entry shows a placeholder.
"""
from __future__ import annotations

from typing import Callable

# A page's factory: called with (ctx, parent), returns the page widget.
PageFactory = Callable[..., object]


def _overview() -> PageFactory:
    from desktop.views.overview import overview_page
    return overview_page


def _staff() -> PageFactory:
    from desktop.views.staff_view import StaffPage
    return StaffPage


def _training() -> PageFactory:
    from desktop.views.quiz.training_page import TrainingPage
    return TrainingPage


def _minutes() -> PageFactory:
    from desktop.views.minutes.page import MinutesPage
    return MinutesPage


def _records() -> PageFactory:
    from desktop.views.iso.page import IsoRecordsPage
    return IsoRecordsPage


def _sync() -> PageFactory:
    from desktop.views.sync.page import SyncPage
    return SyncPage


def _settings() -> PageFactory:
    from desktop.views.settings_view import SettingsPage
    return SettingsPage


PAGES: dict[str, Callable[[], PageFactory]] = {
    "overview": _overview,
    "staff": _staff,
    "training": _training,
    "minutes": _minutes,
    "records": _records,
    "sync": _sync,
    "settings": _settings,
}
