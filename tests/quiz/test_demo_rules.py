"""The demo district's training, and the project's rules applied to the quiz code."""
from __future__ import annotations

import datetime as _dt
import subprocess
import sys

from desktop.demo import create_demo
from desktop.demo.quiz import _session_day
from desktop.i18n import read_ts, ts_path
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.quiz import results, sessions
from desktop.models.quiz.coverage import training_coverage

from ..conftest import ROOT


def test_demo_training_session(tmp_path):
    create_demo(tmp_path)
    store = open_store(tmp_path / DB_FILENAME)
    try:
        [s] = sessions.list_sessions(store)
        assert s.day.year == _dt.date.today().year and sessions.has_pin(store, s.id)
        f = training_coverage(store, unit_code="BHXHST", year=s.day.year)
        assert f["active_staff"] == 39 and f["trained"] == 39
        assert f["tested"] == 35 and 1 <= f["tested"] - f["passed"] <= 6
        rows = results.session_results(store, s.id)
        assert sum(1 for r in rows if r.status == "not_started") == 4
        assert sum(1 for r in rows if r.mode == "paper") == 2
    finally:
        store.close(clean=False)


def test_demo_session_stays_in_this_year():
    assert _session_day(_dt.date(2026, 1, 3)) == _dt.date(2026, 1, 1)
    assert _session_day(_dt.date(2026, 11, 25)) == _dt.date(2026, 10, 14)


def test_models_documents_and_commands_do_not_import_qt():
    code = ("import sys; import desktop.models.quiz, desktop.models.quiz.kiosk_files, "
            "desktop.models.quiz.stats, desktop.output.quiz.reports, "
            "desktop.output.quiz.formats, desktop.cli.quiz, desktop.demo.quiz; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_every_string_of_the_quiz_screens_is_translated():
    messages = read_ts(ts_path("quiz"))
    assert len(messages) > 350
    assert [m["source"] for m in messages if not m["finished"]] == []
    assert ts_path("quiz").with_suffix(".qm").exists()
