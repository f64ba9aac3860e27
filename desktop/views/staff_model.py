"""Qt item models for the staff roster."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.staff import StaffMember
from desktop.views.common import refilter
from desktop.models.vntext import collation_key, matches, person_sort_key


def _birth(value: str) -> str:
    """A stored date of birth as shown: 12/05/1980, or the year alone."""
    if len(value) == 10:
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    return value


class StaffTableModel(QAbstractTableModel):
    CODE, NAME, POSITION, DEPARTMENT, PHONE, ACTIVE, EMAIL, RANK, BIRTH, GENDER = range(10)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[StaffMember] = []
        self.headers = [self.tr("Staff code"), self.tr("Full name"), self.tr("Position"),
                        self.tr("Department"), self.tr("Phone"), self.tr("Status"),
                        self.tr("Email"), self.tr("Grade / title"), self.tr("Date of birth"),
                        self.tr("Gender")]

    def set_people(self, people: list[StaffMember]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def member(self, row: int) -> StaffMember:
        return self.people[row]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.people[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            state = self.tr("Working") if p.active else self.tr("Left")
            if p.active and p.exempt:
                state = self.tr("Working, not subject to the test")
            return [p.staff_code, p.full_name, p.position, p.department, p.phone,
                    state, p.email, p.rank, _birth(p.birth_date),
                    {"nam": self.tr("Male"), "nu": self.tr("Female")}.get(p.gender, "")][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ACTIVE and p.exempt:
            return self.tr("Not subject to the awareness test: %1").replace("%1", p.exempt_reason)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if col == self.NAME:
                return person_sort_key(p.full_name)
            if col == self.BIRTH:
                return (p.birth_date,)
            if col == self.ACTIVE:
                return (0 if p.active else 1,)
            return collation_key(self.data(index) or "")
        if role == Qt.ItemDataRole.ForegroundRole and not p.active:
            return QBrush(QColor("#888888"))
        return None


class StaffFilterProxy(QSortFilterProxyModel):
    """Search ignoring diacritics (đ = d); sort in Vietnamese order (by given name for names)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""
        self.show_inactive = True
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_query(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "query", text))

    def set_show_inactive(self, show: bool) -> None:
        refilter(self, lambda: setattr(self, "show_inactive", show))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model: StaffTableModel = self.sourceModel()
        p = model.member(row)
        if not self.show_inactive and not p.active:
            return False
        return matches(self.query, p.full_name, p.staff_code, p.department, p.position)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a = left.data(Qt.ItemDataRole.UserRole)
        b = right.data(Qt.ItemDataRole.UserRole)
        return a < b
