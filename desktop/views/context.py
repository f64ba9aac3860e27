"""What every page is given: the store, the signed-in user, the unit, and a change signal."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.models.db import Store
from desktop.models.unit import UnitProfile, get_profile
from desktop.models.users import User


class ViewContext(QObject):
    """Passed to every page instead of a global application object.

    `data_changed(table)` is emitted after a page changes records, so that other pages
    (the overview, lists) refresh themselves.
    """

    data_changed = Signal(str)
    navigate = Signal(str)  # ask the main window to show a section by key
    language_changed = Signal(str)  # the main window is rebuilt in the new language

    def __init__(self, store: Store, user: User | None, *, demo: bool = False, parent=None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.demo = demo
        self._profile: UnitProfile | None = None

    @property
    def profile(self) -> UnitProfile | None:
        if self._profile is None:
            self._profile = get_profile(self.store)
        return self._profile

    def refresh_profile(self) -> None:
        self._profile = None
        self.data_changed.emit("unit_profile")

    def can(self, permission: str) -> bool:
        return self.user is None or self.user.can(permission)
