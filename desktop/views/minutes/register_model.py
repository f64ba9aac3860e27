"""Qt item models of the register of minutes and of the revisions of one minutes."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.minutes import RegisterEntry, fields
from desktop.models.vntext import collation_key

from ..common import refilter, vn_date, vn_datetime

ALTERED = "altered"
VALID = "valid"


class MinutesTableModel(QAbstractTableModel):
    NUMBER, DATE, SUBJECT, STATUS, REVISION, AUTHOR, CONFIRMED, CHECK = range(8)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[RegisterEntry] = []
        self.integrity: dict[str, str] = {}
        self.unsaved: set[str] = set()
        self.headers = [self.tr("Number"), self.tr("Date"), self.tr("Subject"),
                        self.tr("Status"), self.tr("Rev."), self.tr("Recorded by"),
                        self.tr("Confirmed by"), self.tr("Signature check")]

    def set_entries(self, entries: list[RegisterEntry], integrity: dict[str, str],
                    unsaved: set[str]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.integrity = dict(integrity)
        self.unsaved = set(unsaved)
        self.endResetModel()

    def entry(self, row: int) -> RegisterEntry:
        return self.entries[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def status_text(self, e: RegisterEntry) -> str:
        text = {"draft": self.tr("Draft"), "signed": self.tr("Signed, awaiting confirmation"),
                "confirmed": self.tr("Confirmed")}.get(e.status, e.status)
        if e.revision_id in self.unsaved:
            text += self.tr(" (unsaved typing kept)")
        return text

    def check_text(self, e: RegisterEntry) -> str:
        state = self.integrity.get(e.minutes_id)
        if state == ALTERED:
            return self.tr("ALTERED after signing")
        if state == VALID and e.status != "draft":
            return self.tr("Valid")
        if state == VALID:
            return self.tr("Not signed yet")
        return ""

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [e.number, vn_date(e.date), e.subject, self.status_text(e),
                      str(e.revision_no), e.author, e.confirmed_by, self.check_text(e)]
            if role == Qt.ItemDataRole.ToolTipRole:
                if col == self.AUTHOR and e.signed_at:
                    return vn_datetime(e.signed_at)
                if col == self.CONFIRMED and e.confirmed_at:
                    return vn_datetime(e.confirmed_at)
                return values[col] if col == self.SUBJECT else None
            return values[col]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if col == self.NUMBER:
                return (e.year, fields.number_sequence(e.number) or 0, e.number)
            if col == self.DATE:
                return (e.date or "", e.number)
            if col == self.REVISION:
                return (e.revision_no,)
            if col == self.STATUS:
                return (fields.STATUSES.index(e.status) if e.status in fields.STATUSES else 9,)
            return collation_key(self.data(index) or "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.CHECK and self.integrity.get(e.minutes_id) == ALTERED:
                return QBrush(QColor("#b00020"))
            if col == self.STATUS and e.status == "confirmed":
                return QBrush(QColor("#1b6e20"))
            if col == self.STATUS and e.status == "signed":
                return QBrush(QColor("#a15c00"))
        if role == Qt.ItemDataRole.FontRole and col == self.CHECK \
                and self.integrity.get(e.minutes_id) == ALTERED:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class MinutesFilterProxy(QSortFilterProxyModel):
    """Search ignoring diacritics; filter by status and year; sort by the real values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""
        self.status: str | None = None
        self.year: int | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filters(self, query: str, status: str | None, year: int | None) -> None:
        def change():
            self.query, self.status, self.year = query, status, year

        refilter(self, change)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model: MinutesTableModel = self.sourceModel()
        e = model.entry(row)
        if self.status and e.status != self.status:
            return False
        if self.year and e.year != self.year:
            return False
        return e.matches(self.query)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        return left.data(Qt.ItemDataRole.UserRole) < right.data(Qt.ItemDataRole.UserRole)


class RevisionsModel(QAbstractTableModel):
    """The revisions of one minutes with their signatures and the result of their check."""

    REVISION, STATUS, AUTHOR, CONFIRMED, CHECK = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.headers = [self.tr("Revision"), self.tr("Status"), self.tr("Recorded by"),
                        self.tr("Confirmed by"), self.tr("Signature check")]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _sig(self, sig: dict | None) -> str:
        if not sig:
            return ""
        return f"{sig['full_name']} — {vn_datetime(sig['signed_at'])}"

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            status = {"draft": self.tr("Draft"), "signed": self.tr("Signed, awaiting confirmation"),
                      "confirmed": self.tr("Confirmed")}.get(r["status"], r["status"])
            if r["valid"]:
                check = self.tr("Valid") if r["status"] != "draft" else self.tr("Not signed yet")
            else:
                check = self.tr("ALTERED after signing")
            return [str(r["revision"]), status, self._sig(r["author"]),
                    self._sig(r["confirm"]), check][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.CHECK \
                and not r["valid"]:
            return QBrush(QColor("#b00020"))
        return None
