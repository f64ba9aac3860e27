"""Templates for the usual working sessions (training day, document review, internal audit round,
management review): they pre-fill the structure of a new minutes. Kept as data in
`resources/minutes/templates.json`."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.paths import resource

from ..unit import UnitProfile


# What a template may leave for the program to fill in from the records ({present}, …).
FACTS = ("present", "listed", "tested", "passed")


@dataclass(frozen=True)
class Template:
    key: str
    label: str
    values: dict = field(default_factory=dict)

    def draft(self, profile: UnitProfile | None, *, year: int,
              facts: dict[str, str] | None = None) -> dict:
        """The template's fields with the unit's names filled in, and the `facts` the program
        knows (FACTS: the training day's counts); a fact not known is left as "…" to fill in."""
        names = {
            "unit_name": profile.name if profile else "đơn vị",
            "team_name": profile.team_name if profile else "Tổ triển khai ISO",
            "place": (profile.place or "") if profile else "",
            "year": str(year),
            **{k: "…" for k in FACTS},
            **{k: str(v) for k, v in (facts or {}).items() if k in FACTS},
        }

        def fill(value):
            if isinstance(value, str):
                for k, v in names.items():
                    value = value.replace("{" + k + "}", v)
                return value
            if isinstance(value, list):
                return [fill(v) for v in value]
            if isinstance(value, dict):
                return {k: fill(v) for k, v in value.items()}
            return value

        keys = ("subject", "place", "start_time", "end_time", "participants", "content",
                "conclusions", "action_items")
        return {k: fill(self.values[k]) for k in keys if k in self.values}


@lru_cache(maxsize=1)
def _load() -> tuple[Template, ...]:
    data = json.loads(resource("minutes", "templates.json").read_text(encoding="utf-8"))
    return tuple(Template(t["key"], t["label"], {k: v for k, v in t.items()
                                                  if k not in ("key", "label")})
                 for t in data["templates"])


def templates() -> list[Template]:
    return list(_load())


def get_template(key: str) -> Template:
    for t in _load():
        if t.key == key:
            return t
    raise KeyError(key)
