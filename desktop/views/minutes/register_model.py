"""The register of minutes and the revisions of one minutes as lists (`views.tables`)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.models.minutes import RegisterEntry, fields

from ..common import vn_date, vn_datetime
from ..tables import Column, ItemsModel, SearchProxy

ALTERED = "altered"
VALID = "valid"
RED, GREEN, AMBER = "#b00020", "#1b6e20", "#a15c00"


class MinutesTableModel(ItemsModel):
    """One minutes a row: its state in colour, a signature check that failed in bold red."""

    NUMBER, DATE, SUBJECT, STATUS, REVISION, AUTHOR, CONFIRMED, CHECK = range(8)

    def __init__(self, parent=None):
        super().__init__([
            Column(self.tr("Number"), lambda e: e.number,
                   sort=lambda e: (e.year, fields.number_sequence(e.number) or 0, e.number)),
            Column(self.tr("Date"), lambda e: vn_date(e.date), sort=lambda e: (e.date or "",
                                                                               e.number)),
            Column(self.tr("Subject"), lambda e: e.subject, tooltip=lambda e: e.subject),
            Column(self.tr("Status"), self.status_text, sort=lambda e: (
                fields.STATUSES.index(e.status) if e.status in fields.STATUSES else 9,)),
            Column(self.tr("Rev."), lambda e: str(e.revision_no), sort=lambda e: (e.revision_no,)),
            Column(self.tr("Recorded by"), lambda e: e.author,
                   tooltip=lambda e: vn_datetime(e.signed_at) if e.signed_at else None),
            Column(self.tr("Confirmed by"), lambda e: e.confirmed_by,
                   tooltip=lambda e: vn_datetime(e.confirmed_at) if e.confirmed_at else None),
            Column(self.tr("Signature check"), self.check_text),
        ], parent)
        self.integrity: dict[str, str] = {}
        self.unsaved: set[str] = set()

    def set_entries(self, entries: list[RegisterEntry], integrity: dict[str, str],
                    unsaved: set[str]) -> None:
        self.integrity = dict(integrity)
        self.unsaved = set(unsaved)
        self.set_items(entries)

    def entry(self, row: int) -> RegisterEntry:
        return self.items[row]

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

    def _altered(self, e: RegisterEntry, column: int) -> bool:
        return column == self.CHECK and self.integrity.get(e.minutes_id) == ALTERED

    def foreground(self, e: RegisterEntry, column: int) -> str | None:
        if self._altered(e, column):
            return RED
        if column == self.STATUS:
            return {"confirmed": GREEN, "signed": AMBER}.get(e.status)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole:
            if index.isValid() and self._altered(self.items[index.row()], index.column()):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class MinutesFilterProxy(SearchProxy):
    """The register's search (`RegisterEntry.matches`, accents optional) with its status and
    year filters; sorted by the real values."""

    def set_filters(self, query: str, status: str | None, year: int | None) -> None:
        self.set_predicate(lambda e: (not status or e.status == status)
                           and (not year or e.year == year) and e.matches(query))


class RevisionsModel(ItemsModel):
    """The revisions of one minutes with their signatures and the result of their check."""

    REVISION, STATUS, AUTHOR, CONFIRMED, CHECK = range(5)

    def __init__(self, parent=None):
        super().__init__([
            Column(self.tr("Revision"), lambda r: str(r["revision"])),
            Column(self.tr("Status"), lambda r: {
                "draft": self.tr("Draft"), "signed": self.tr("Signed, awaiting confirmation"),
                "confirmed": self.tr("Confirmed")}.get(r["status"], r["status"])),
            Column(self.tr("Recorded by"), lambda r: self._sig(r["author"])),
            Column(self.tr("Confirmed by"), lambda r: self._sig(r["confirm"])),
            Column(self.tr("Signature check"), self.check_text),
        ], parent)

    def _sig(self, sig: dict | None) -> str:
        if not sig:
            return ""
        return f"{sig['full_name']} — {vn_datetime(sig['signed_at'])}"

    def check_text(self, r: dict) -> str:
        if r["valid"]:
            return self.tr("Valid") if r["status"] != "draft" else self.tr("Not signed yet")
        return self.tr("ALTERED after signing")

    def foreground(self, r: dict, column: int) -> str | None:
        return RED if column == self.CHECK and not r["valid"] else None
