"""Figures about a unit's minutes for the overview, the yearly report and the province view (the
"minutes" provider of `desktop.models.figures`)."""
from __future__ import annotations

from ..db import Store
from .register import register


def minutes_summary(store: Store, *, unit_code: str, year: int | None = None,
                    today=None) -> dict:
    """Counts over the latest revision of each minutes of `unit_code` (in `year` when given):
    drafts, signed by the author and awaiting confirmation, confirmed; and the date of the latest
    confirmed minutes."""
    entries = register(store, unit_code=unit_code, year=year)
    confirmed = [e for e in entries if e.status == "confirmed"]
    return {
        "total": len(entries),
        "draft": sum(1 for e in entries if e.status == "draft"),
        "awaiting_confirmation": sum(1 for e in entries if e.status == "signed"),
        "confirmed": len(confirmed),
        "latest_confirmed": max((e.date for e in confirmed if e.date), default=None),
    }
