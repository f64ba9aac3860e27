"""The register of minutes (sổ biên bản): the latest revision of each minutes, with its
signers, filtered by year, status and a search that the command line and the minutes page share
(number, subject, people, and the content code printed on any of its revisions)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..db import Store
from ..vntext import matches
from . import fields as F
from .canonical import short_hash
from .printed import parse_printed
from .repository import _latest_rows, _year_of


@dataclass
class RegisterEntry:
    minutes_id: str
    revision_id: str
    revision_no: int
    number: str
    subject: str
    date: str
    status: str
    origin_unit: str
    place: str
    chair: str
    author: str = ""
    confirmed_by: str = ""
    signed_at: str = ""
    confirmed_at: str = ""
    updated_at: str = ""
    secretary: str = ""
    content_hashes: tuple[str, ...] = field(default_factory=tuple)  # of its signed revisions

    @property
    def year(self) -> int:
        return _year_of({"meeting_date": self.date, "created_at": self.updated_at})

    @property
    def status_label(self) -> str:
        return F.STATUS_LABELS_VI.get(self.status, self.status)

    def matches(self, query: str | None) -> bool:
        """The register's search: every word in the number, subject, place, chair, secretary or
        a signer's name (accents optional), or a printed content code, full hash or QR text of
        one of its signed revisions."""
        ref = parse_printed(query)
        if ref is not None and any(h.startswith(ref.digest) for h in self.content_hashes):
            return True
        return matches(query, self.number, self.subject, self.place, self.chair, self.secretary,
                       self.author, self.confirmed_by,
                       *(short_hash(h) for h in self.content_hashes), *self.content_hashes)

    def public(self) -> dict:
        return {"minutes_id": self.minutes_id, "revision_id": self.revision_id,
                "revision": self.revision_no, "number": self.number, "subject": self.subject,
                "date": self.date, "status": self.status, "origin_unit": self.origin_unit,
                "author": self.author, "confirmed_by": self.confirmed_by,
                "content_codes": [short_hash(h) for h in self.content_hashes]}


def register(store: Store, *, unit_code: str | None = None, year: int | None = None,
             status: str | None = None, query: str = "") -> list[RegisterEntry]:
    """The latest revision of every minutes (this unit's unless `unit_code`; "*" = all units),
    newest first."""
    unit = None if unit_code == "*" else (unit_code or store.unit_code)
    rows = _latest_rows(store, unit)
    sigs: dict[str, dict[str, dict]] = {}
    hashes: dict[str, list[str]] = {}
    if rows:
        for s in store.query("SELECT revision_id, meaning, full_name, signed_at "
                             "FROM minutes_signatures WHERE deleted = 0"):
            sigs.setdefault(s["revision_id"], {})[s["meaning"]] = s
        for h in store.query("SELECT minutes_id, content_sha256 FROM minutes_revisions "
                             "WHERE deleted = 0 AND coalesce(content_sha256, '') != '' "
                             "ORDER BY revision_no"):
            hashes.setdefault(h["minutes_id"], []).append(h["content_sha256"])
    out = []
    for r in rows:
        s = sigs.get(r["id"], {})
        entry = RegisterEntry(
            r["minutes_id"], r["id"], r["revision_no"], r["number"], r["subject"],
            r["meeting_date"], r["status"], r["origin_unit"], r["place"], r["chair"],
            author=s.get("author", {}).get("full_name", ""),
            confirmed_by=s.get("confirm", {}).get("full_name", ""),
            signed_at=s.get("author", {}).get("signed_at", ""),
            confirmed_at=s.get("confirm", {}).get("signed_at", ""),
            updated_at=r["updated_at"], secretary=r["secretary"],
            content_hashes=tuple(hashes.get(r["minutes_id"], ())))
        if year is not None and entry.year != year:
            continue
        if status and entry.status != status:
            continue
        if query and not entry.matches(query):
            continue
        out.append(entry)
    out.sort(key=lambda e: (e.date or e.updated_at[:10], e.number), reverse=True)
    return out


def years(store: Store, unit_code: str | None = None) -> list[int]:
    return sorted({e.year for e in register(store, unit_code=unit_code)}, reverse=True)
