"""What every page is given: the store, the signed-in user, the unit, and a change signal."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.models import audit
from desktop.models.db import Store
from desktop.models.unit import UnitProfile, get_profile
from desktop.models.users import User


class ViewContext(QObject):
    """Passed to every page instead of a global application object.

    `data_changed(tables)` says which tables changed (a frozenset of table names: "staff",
    "minutes_revisions", "iso_documents"…), so that every page showing their records refreshes
    itself. It is emitted in one place only, `announce_changes`, which reads what changed from
    the database's audit log (views/operation.py explains when it is called).
    """

    data_changed = Signal(object)
    navigate = Signal(str)  # ask the main window to show a section by key
    language_changed = Signal(str)  # the main window is rebuilt in the new language

    def __init__(self, store: Store, user: User | None, *, demo: bool = False, parent=None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.demo = demo
        self._profile: UnitProfile | None = None
        self._seen = audit.last_seq(store)   # the audit entries announced so far

    @property
    def profile(self) -> UnitProfile | None:
        if self._profile is None:
            self._profile = get_profile(self.store)
        return self._profile

    def refresh_profile(self) -> None:
        self._profile = None
        self.announce_changes()

    def announce_changes(self, *unjournaled: str) -> frozenset[str]:
        """Tell the pages what changed since the last announcement: the tables of the audit
        log's new entries, and `unjournaled`, tables written without an entry (only those
        declared in `audit.UNJOURNALED`). Emits `data_changed` once, when anything changed."""
        unknown = set(unjournaled) - set(audit.UNJOURNALED)
        if unknown:
            raise ValueError(f"{sorted(unknown)}: their changes are in the audit log; "
                             "only the tables of audit.UNJOURNALED are named")
        self._seen, tables = audit.tables_changed_since(self.store, self._seen)
        tables = tables | frozenset(unjournaled)
        if "unit_profile" in tables:
            self._profile = None
        if tables:
            self.data_changed.emit(tables)
        return tables

    def can(self, permission: str) -> bool:
        return self.user is None or self.user.can(permission)
