"""A kiosk's set-up file and its results file are each one audit entry for rows of many tables:
the pages still hear of every table they wrote."""
from __future__ import annotations

from desktop.models import audit
from desktop.models.quiz import kiosk_files

from .conftest import make_session
from .test_documents_files import take


def test_kiosk_files_name_the_tables_they_wrote(qstore, kiosk_pc, tmp_path):
    s = make_session(qstore, questions=4)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "may.isokiosk", label="Máy 2")
    seen = audit.last_seq(kiosk_pc)
    kiosk_files.import_setup(kiosk_pc, tmp_path / "may.isokiosk")
    seen, tables = audit.tables_changed_since(kiosk_pc, seen)
    assert {"staff", "quiz_questions", "quiz_sessions", "quiz_attendance"} <= tables

    take(kiosk_pc, s.id, "CB002")
    path = kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r.isoresults")["file"]
    seen = audit.last_seq(qstore)
    assert kiosk_files.import_results(qstore, path, session_id=s.id)["merged"] > 0
    _last, tables = audit.tables_changed_since(qstore, seen)
    assert {"quiz_attempts", "quiz_answers", "quiz_sessions"} <= tables
