"""The proctor's documents as operations, with real widgets: the slips' progress window, Stop
(no file, nothing changed), and the paper variants' what-changed refreshing the session list."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from desktop.models import users
from desktop.models.quiz import papers, results
from desktop.views import operation, pdf_preview
from desktop.views.context import ViewContext
from desktop.views.quiz import proctor_view

from .conftest import make_session
from .test_screens import finish

WAIT = 30_000


@pytest.fixture
def ctx(qstore):
    return ViewContext(qstore, users.find_user(qstore, "iso"))


@pytest.fixture
def previews(monkeypatch):
    shown = []
    monkeypatch.setattr(pdf_preview, "offer_preview", lambda _p, path: shown.append(path))
    monkeypatch.setattr(operation, "SHOW_AFTER_MS", 0)
    return shown


def test_slips_show_progress_and_stop_leaves_no_file(qtbot, qstore, ctx, previews, tmp_path,
                                                      monkeypatch):
    s = make_session(qstore)
    finish(s.id, qstore)
    view = proctor_view.ProctorView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.set_session(s.id)
    reading, go = threading.Event(), threading.Event()
    real = results.attempt_evidence

    def slow_evidence(store, attempt_id):   # the work waits after its first step
        out = real(store, attempt_id)
        reading.set()
        go.wait(WAIT / 1000)
        return out

    monkeypatch.setattr(results, "attempt_evidence", slow_evidence)
    before = qstore.scalar("SELECT count(*) FROM audit_log")
    op = view.slips_pdf(tmp_path / "phieu.pdf")
    assert reading.wait(WAIT / 1000)
    qtbot.waitUntil(lambda: view.findChild(QWidget, "operation_progress") is not None
                    and view.findChild(QWidget, "operation_progress").isVisible(), timeout=WAIT)
    window = view.findChild(QWidget, "operation_progress")
    bar = window.findChild(QProgressBar, "operation_bar")
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT)   # it knows its size
    qtbot.mouseClick(window.findChild(QPushButton, "operation_stop"), Qt.MouseButton.LeftButton)
    go.set()
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    assert op.outcome == "cancelled"
    assert not (tmp_path / "phieu.pdf").exists() and previews == []
    assert qstore.scalar("SELECT count(*) FROM audit_log") == before
    monkeypatch.setattr(results, "attempt_evidence", real)
    again = view.slips_pdf(tmp_path / "phieu.pdf")   # the next one runs to the end
    qtbot.waitUntil(lambda: again.finished, timeout=WAIT)
    assert again.outcome == "done" and previews == [tmp_path / "phieu.pdf"]


def test_printed_variants_are_announced_and_the_list_refreshes(qtbot, qstore, ctx, previews,
                                                               tmp_path):
    s = make_session(qstore, questions=5)
    view = proctor_view.ProctorView(ctx)
    qtbot.addWidget(view)
    view.set_session(s.id)
    changed = []
    ctx.data_changed.connect(changed.append)
    op = view.print_variants(2, tmp_path / "de.pdf")
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    assert op.outcome == "done" and len(changed) == 1 and "quiz_paper_variants" in changed[0]
    assert len(papers.list_variants(qstore, s.id)) == 2
    assert previews == [tmp_path / "de.pdf"]
