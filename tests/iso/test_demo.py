"""The demo district's ISO records look as described, whatever day the demo is made."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.demo import create_demo
from desktop.models import audit, figures
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.iso.audits import AuditRepository
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.team import TeamRepository


@pytest.mark.slow
@pytest.mark.parametrize("today", [dt.date.today(), dt.date(2027, 2, 28)])
def test_demo_records(tmp_path, monkeypatch, today):
    import desktop.demo.iso as demo_iso

    real_build = demo_iso.build
    monkeypatch.setattr(demo_iso, "build", lambda store, rng: real_build(store, rng, today))
    create_demo(tmp_path)
    store = open_store(tmp_path / DB_FILENAME)
    try:
        rec = figures.collect(store, today=today)["records"]
        assert (rec["nc_open"], rec["nc_overdue"], rec["nc_closed"]) == (2, 1, 1)
        assert (rec["plan_total"], rec["plan_done"], rec["plan_overdue"]) == (9, 6, 1)
        assert rec["documents_by_state"] == {"draft": 3, "approved": 1, "in_force": 10,
                                             "obsolete": 2}
        assert rec["review_due"] is False
        team = TeamRepository(store)
        members = team.members()
        assert members[0].full_name == "Phạm Quốc Hùng" and members[0].role == "head"
        assert "Lê Thị Thu Hà" in [m.full_name for m in members]
        assert team.current_decision().number == "112/QĐ-BHXH"
        assert len(AuditRepository(store).audits()) == 2
        stages = sorted(n.stage for n in NonconformityRepository(store).list())
        assert stages == ["closed", "in_progress", "open"]
        assert audit.verify_chain(store).ok
    finally:
        store.close(clean=False)
