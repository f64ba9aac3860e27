"""Figures that parts of the program report about a unit, for the overview, the yearly report and
the province's side-by-side view.

`PROVIDERS` names every part's provider, in the order they are shown; a provider takes
`(store, *, unit_code, year, today)` and returns a JSON-ready dict (`figure_providers`).
"""
from __future__ import annotations

import datetime as _dt

from .db import Store
from .figure_providers import Provider, staff_subject_to_test  # noqa: F401 (read from here)
from .iso.figures import records_summary
from .minutes.summary import minutes_summary
from .quiz.coverage import training_coverage
from .staff import staff_figures

PROVIDERS: dict[str, Provider] = {
    "staff": staff_figures,
    "records": records_summary,
    "minutes": minutes_summary,
    "training": training_coverage,
}


def provider_names() -> list[str]:
    """The names of every provider."""
    return list(PROVIDERS)


def collect(store: Store, *, unit_code: str | None = None, year: int | None = None,
            today: _dt.date | None = None, only: list[str] | None = None) -> dict[str, dict]:
    unit = unit_code or store.unit_code
    day = today or _dt.date.today()
    return {name: fn(store, unit_code=unit, year=year, today=day)
            for name, fn in PROVIDERS.items() if only is None or name in only}
