"""Demo data of the quiz: an awareness training of the demo district where most staff took the
test (a few did not pass, a few have not been tested yet), two of them on paper."""
from __future__ import annotations

import datetime as _dt
import math
import random

from desktop.models.db import Store
from desktop.models.quiz import attempts, bank, bank_io, paper_entry, papers, sessions
from desktop.models.settings import get_setting, set_setting
from desktop.models.staff import StaffRepository

from .people import CONSULTANT, CONSULTANT_ORG, ISO_SECRETARY

DEMO_PIN = "1234"
DEMO_PIN_SETTING = "demo_pin"   # set in the demo's data only
DEMO_PIN_HASH_SETTING = "demo_pin_hash"   # the demo session's PIN as set by the demo
NOT_TESTED = 4
FAILING = 4
ON_PAPER = 2


def demo_pin(store: Store, session_id: str | None) -> str | None:
    """The demo's PIN, to be shown to whoever tries the demo, for the demo's own session while
    its PIN is still the demo's; None for a session made since (it has a PIN of its own), after
    the PIN was changed, and in real data."""
    pin = get_setting(store, DEMO_PIN_SETTING)
    if not pin or not session_id:
        return None
    expected = get_setting(store, DEMO_PIN_HASH_SETTING)
    if expected is None:   # a demo made before this setting: its one session
        return pin
    return pin if sessions.pin_hash(store, session_id) == expected else None


def _session_day(today: _dt.date | None = None) -> _dt.date:
    """Six weeks ago, but in this year (so that this year's figures show the session)."""
    today = today or _dt.date.today()
    return today - _dt.timedelta(days=min(42, (today - _dt.date(today.year, 1, 1)).days))


def build(store: Store, rng: random.Random) -> None:
    bank_io.ensure_default_bank(store)
    available = sum(bank.bank_counts(store).values())
    if available < 5:
        return  # no question bank shipped: nothing to show
    people = StaffRepository(store).list(include_inactive=False)
    session = sessions.create_session(store, {
        "title": "Tập huấn nhận thức HTQLCL theo TCVN ISO 9001:2015",
        "date": _session_day().isoformat(), "place": "Hội trường BHXH huyện Sông Trà",
        "start_time": "07:30", "end_time": "11:30", "consultant": CONSULTANT,
        "consultant_org": CONSULTANT_ORG,
        "iso_representative": ISO_SECRETARY, "part_dvd": True, "part_guidance": True,
        "part_test": True,
        "notes": f"Dữ liệu mẫu. Mã PIN giám sát: {DEMO_PIN}.",
        "settings": {"questions": min(20, available), "pass_mark": 70, "time_limit_min": 30,
                     "attempts_allowed": 1, "shuffle_questions": True, "shuffle_options": True,
                     "feedback": "answers"},
    }, staff_ids=[p.id for p in people])
    sessions.set_pin(store, session.id, DEMO_PIN)
    # Demo data only: the kiosk and the proctor's view show the PIN, so that whoever tries the
    # demo can leave the kiosk.
    set_setting(store, DEMO_PIN_SETTING, DEMO_PIN)
    set_setting(store, DEMO_PIN_HASH_SETTING, sessions.pin_hash(store, session.id))
    order = list(people)
    rng.shuffle(order)
    # order[:NOT_TESTED] are left untested
    failing = {p.id for p in order[NOT_TESTED:NOT_TESTED + FAILING]}
    on_paper = order[NOT_TESTED + FAILING:NOT_TESTED + FAILING + ON_PAPER]
    kiosk_people = order[NOT_TESTED + FAILING + ON_PAPER:] + \
        [p for p in order[NOT_TESTED:NOT_TESTED + FAILING]]
    for person in kiosk_people:
        a = attempts.start_attempt(store, session.id, person.id, seed=rng.getrandbits(40),
                                   kiosk_label="Máy 1")
        n = len(a.items)
        if person.id in failing:
            right = rng.randint(math.ceil(0.3 * n), math.ceil(0.6 * n))
        else:
            right = rng.randint(math.ceil(0.75 * n), n)
        # Harder questions are the ones people more often get wrong.
        weights = [rng.random() * item.difficulty for item in a.items]
        wrong_positions = {a.items[i].position for i in
                           sorted(range(n), key=lambda i: -weights[i])[:n - right]}
        for item in a.items:
            if item.position not in wrong_positions:   # one of them when any one is enough
                choice = list(item.correct_options)[:1 if item.kind == "any" else None]
            else:
                wrong = [i for i in range(len(item.options)) if i not in item.correct_options]
                choice = [rng.choice(wrong)]
            attempts.answer(store, a, item.position, choice,
                            elapsed_ms=(item.position * rng.randint(20, 70)) * 1000)
        attempts.submit(store, a, elapsed_ms=n * 45_000)
    variants = papers.ensure_variants(store, session.id, 2)
    rows = []
    for n, person in enumerate(on_paper):
        variant = variants[n % len(variants)]
        versions = bank.get_versions(store, [it.version_id for it in variant["items"]])
        letters = ""
        for it in variant["items"]:
            v = versions[it.version_id]
            right = v["correct"][:1] if v.get("kind") == "any" else v["correct"]
            shown = sorted(it.option_order.index(i) for i in right)
            group = "".join(chr(65 + k) for k in shown)
            letters += group if len(group) == 1 else f"({group})"
        rows.append(paper_entry.EntryRow(n + 1, person.staff_code, variant["code"], letters))
    plan = paper_entry.plan_entries(store, session.id, rows)
    paper_entry.apply_entries(store, session.id, plan, accept_good=True)

