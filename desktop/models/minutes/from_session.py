"""The minutes of a training day, filled in from what the program knows of the session: its
date, place and hours, the consultant, and the counts (present of those listed, tested,
passed), so that the minutes and the session's results say the same."""
from __future__ import annotations

import datetime as _dt

from ..db import Store
from ..quiz import results, sessions
from ..unit import get_profile
from .templates import get_template


def session_to_record(store: Store, today: _dt.date | None = None) -> sessions.Session | None:
    """The training day a new training minutes most likely records: the latest one held on or
    before `today` (else the next one planned)."""
    today = today or _dt.date.today()
    found = sessions.list_sessions(store)
    held = [s for s in found if s.day <= today]
    if held:
        return max(held, key=lambda s: (s.date, s.start_time or ""))
    planned = [s for s in found if s.day > today]
    return min(planned, key=lambda s: (s.date, s.start_time or "")) if planned else None


def session_facts(store: Store, session_id: str) -> dict[str, int]:
    """present / listed / tested / passed of a session, as its results list counts them."""
    t = results.session_summary(results.session_results(store, session_id))
    return {"present": t["present"], "listed": t["listed"], "tested": t["submitted"],
            "passed": t["passed"]}


def training_draft(store: Store, session: sessions.Session | None = None, *,
                   today: _dt.date | None = None) -> dict:
    """The "training" template for `session` (by default `session_to_record`): dated the day of
    the session, at its place and hours, its consultant among the participants, its counts in
    the text. Without any session, the bare template (the counts left as "…")."""
    session = session or session_to_record(store, today)
    template = get_template("training")
    profile = get_profile(store)
    if session is None:
        year = (today or _dt.date.today()).year
        return {**template.draft(profile, year=year), "date": (today or _dt.date.today())
                .isoformat()}
    data = template.draft(profile, year=session.day.year,
                          facts=session_facts(store, session.id))
    data.update(date=session.date, place=session.place or data.get("place", ""))
    if session.start_time and session.end_time:
        data.update(start_time=session.start_time, end_time=session.end_time)
    people = []
    for p in data.get("participants", []):
        if p.get("side") == "consultant" and not p.get("name") and session.consultant:
            p = {**p, "name": session.consultant,
                 "organisation": session.consultant_org or p.get("organisation", "")}
        people.append(p)
    data["participants"] = people
    return data
