"""The demo district's minutes: one confirmed, one awaiting confirmation, one draft."""
from __future__ import annotations

from desktop.demo import create_demo
from desktop.models import minutes as M
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME


def test_demo_minutes(tmp_path):
    create_demo(tmp_path)
    store = open_store(tmp_path / DB_FILENAME)
    try:
        entries = M.register(store)
        assert sorted(e.status for e in entries) == ["confirmed", "draft", "signed"]
        for e in entries:
            assert M.verify_minutes(store, e.minutes_id)["valid"]
        confirmed = next(e for e in entries if e.status == "confirmed")
        rev = M.latest_revision(store, confirmed.minutes_id)
        assert rev.pdf_sha256 and {s["username"] for s in rev.signatures} == {"tuvan", "iso"}
        assert M.minutes_summary(store, unit_code="BHXHST")["awaiting_confirmation"] == 1
    finally:
        store.close(clean=False)
