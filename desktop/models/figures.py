"""Figures that parts of the program report about a unit, for the overview, the yearly report and
the province's side-by-side view.

Each part registers its provider in `desktop.models.figure_providers` (`@figure_provider("name")`);
`collect` asks every provider, after importing every model module (`registry.load_all`).
"""
from __future__ import annotations

import datetime as _dt

from .db import Store
from .figure_providers import PROVIDERS, staff_subject_to_test  # noqa: F401 (read from here)


def provider_names() -> list[str]:
    """The names of every registered provider (after importing every model module)."""
    from .registry import load_all

    load_all()
    return list(PROVIDERS)


def collect(store: Store, *, unit_code: str | None = None, year: int | None = None,
            today: _dt.date | None = None, only: list[str] | None = None) -> dict[str, dict]:
    from .registry import load_all

    load_all()
    unit = unit_code or store.unit_code
    day = today or _dt.date.today()
    return {name: fn(store, unit_code=unit, year=year, today=day)
            for name, fn in PROVIDERS.items() if only is None or name in only}
