"""Demo minutes of the fictional district: the training day's (confirmed), a document review
(signed by its author, awaiting confirmation) and the second internal audit round's (a draft).

The training minutes are those of the demo's training day, filled from it as the program fills
any training minutes (same day, place, hours, attendance, tested and passed); the people are
named with the positions and ISO team roles of the roster and the team list."""
from __future__ import annotations

import datetime as _dt
import random

from desktop.output.minutes_pdf import confirmed_pdf_renderer
from desktop.models import minutes as M
from desktop.models.db import Store
from desktop.models.minutes.from_session import training_draft
from desktop.models.quiz import sessions
from desktop.models.unit import get_profile

from .people import (
    CONSULTANT, CONSULTANT_ORG, DEMO_PASSWORD, DIRECTOR, ISO_SECRETARY, SECOND_CONSULTANT,
    position_in_minutes,
)

# Days back from today of the minutes that do not record the training day: the document review,
# and the second internal audit round (the ISO records' demo holds it 25 days ago).
DOCUMENT_REVIEW_DAYS = 20
AUDIT_DAYS = 24


def _people() -> list[dict]:
    unit = [DIRECTOR, "Trương Thị Mỹ Dung", ISO_SECRETARY, "Trần Thị Hồng Nhung"]
    return ([{"side": "unit", "name": n, "position": position_in_minutes(n)} for n in unit]
            + [{"side": "consultant", "name": n, "position": "Chuyên gia tư vấn",
                "organisation": CONSULTANT_ORG} for n in (CONSULTANT, SECOND_CONSULTANT)])


def build(store: Store, rng: random.Random) -> None:
    profile = get_profile(store)
    team = profile.team_name
    today = _dt.date.today()
    held = sessions.list_sessions(store)
    plans = []
    if held:   # the demo's training day (made before the minutes)
        plans.append(("training", training_draft(store, held[0]), "confirmed"))
    for key, days, state in (("document_review", DOCUMENT_REVIEW_DAYS, "signed"),
                             ("internal_audit", AUDIT_DAYS, "draft")):
        day = today - _dt.timedelta(days=days)
        plans.append((key, {**M.get_template(key).draft(profile, year=day.year),
                            "date": day.isoformat()}, state))
    for key, data, state in plans:
        day = _dt.date.fromisoformat(data["date"])
        data.update(chair=DIRECTOR, secretary=CONSULTANT, participants=_people())
        for item in data.get("action_items", []):
            item["due"] = (day + _dt.timedelta(days=rng.choice((7, 14, 30)))).isoformat()
        rev = M.create(store, data, template=key)
        if state in ("signed", "confirmed"):
            M.sign(store, rev.minutes_id, "tuvan", DEMO_PASSWORD, "author", team_name=team)
        if state == "confirmed":
            M.sign(store, rev.minutes_id, "iso", DEMO_PASSWORD, "confirm", team_name=team,
                   pdf_renderer=confirmed_pdf_renderer(team))
