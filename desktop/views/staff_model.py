"""The staff roster as a list: its columns, and the search over it."""
from __future__ import annotations

from desktop.models.staff import StaffMember
from desktop.models.vntext import person_sort_key

from .tables import Column, ItemsModel, SearchProxy


def _birth(value: str) -> str:
    """A stored date of birth as shown: 12/05/1980, or the year alone."""
    if len(value) == 10:
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    return value


class StaffTableModel(ItemsModel):
    """One person a row; who left in grey."""

    CODE, NAME, POSITION, DEPARTMENT, PHONE, ACTIVE, EMAIL, RANK, BIRTH, GENDER = range(10)

    def __init__(self, parent=None):
        super().__init__([
            Column(self.tr("Staff code"), lambda p: p.staff_code),
            Column(self.tr("Full name"), lambda p: p.full_name,
                   sort=lambda p: person_sort_key(p.full_name)),
            Column(self.tr("Position"), lambda p: p.position),
            Column(self.tr("Department"), lambda p: p.department),
            Column(self.tr("Phone"), lambda p: p.phone),
            Column(self.tr("Status"), self.state, sort=lambda p: (0 if p.active else 1,),
                   tooltip=self.exempt_tooltip),
            Column(self.tr("Email"), lambda p: p.email),
            Column(self.tr("Grade / title"), lambda p: p.rank),
            Column(self.tr("Date of birth"), lambda p: _birth(p.birth_date),
                   sort=lambda p: (p.birth_date,)),
            Column(self.tr("Gender"),
                   lambda p: {"nam": self.tr("Male"), "nu": self.tr("Female")}.get(p.gender, "")),
        ], parent, colour=lambda p: (None, None if p.active else "#888888"))

    def state(self, p: StaffMember) -> str:
        if p.active and p.exempt:
            return self.tr("Working, not subject to the test")
        return self.tr("Working") if p.active else self.tr("Left")

    def exempt_tooltip(self, p: StaffMember) -> str | None:
        if not p.exempt:
            return None
        return self.tr("Not subject to the awareness test: %1").replace("%1", p.exempt_reason)


def staff_search(parent=None) -> SearchProxy:
    """Search ignoring diacritics (đ = d) in the name, code, department and position."""
    return SearchProxy(lambda p: (p.full_name, p.staff_code, p.department, p.position), parent)
