"""Whether this PC was left running the kiosk (a crash or a power cut during a test): the one
question the start asks of the quiz before the sign-in, answered without loading the kiosk's
rules (`kiosk`: the PIN, the kiosk's identity, starting and leaving it)."""
from __future__ import annotations

from .. import records
from ..db import Store
from ..settings import get_setting
from .common import SESSIONS

RUNNING_KEY = "quiz.kiosk_running"


def running_state(store: Store) -> dict | None:
    """{"session_id", "since"} when this PC was running the kiosk and did not leave it properly
    (a crash or a power cut), else None."""
    value = get_setting(store, RUNNING_KEY, None)
    if not isinstance(value, dict) or not value.get("session_id"):
        return None
    # the session row itself, not the session with its settings: this runs before the sign-in,
    # which need not wait for the quiz's modules
    if records.get(store, SESSIONS, value["session_id"]) is None:
        return None
    return value
