"""A long report is laid out with Python's cycle collection held, and it comes back as it was."""
from __future__ import annotations

import datetime as dt
import gc
import io

import pytest

from desktop.models.iso.report_data import build_report
from desktop.output.iso import annual_report
from desktop.output.pdf.template import collection_held


@pytest.fixture
def collection_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_held_then_turned_back_on(collection_on):
    with collection_held():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_held():
        raise RuntimeError("the build failed")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collection_on):
    gc.disable()     # as the windows' collector keeps it (desktop/views/collector.py)
    with collection_held():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_report_is_made_and_built_with_collection_held(collection_on, store, monkeypatch):
    seen = []
    real_story, real_build = annual_report._story, annual_report.build_official_pdf

    def story(data):
        seen.append(("story", gc.isenabled()))
        return real_story(data)

    def build(*a, **k):
        seen.append(("build", gc.isenabled()))
        return real_build(*a, **k)

    monkeypatch.setattr(annual_report, "_story", story)
    monkeypatch.setattr(annual_report, "build_official_pdf", build)
    buf = io.BytesIO()
    pages = annual_report.write_pdf_report(buf, build_report(store, 2026, today=dt.date(2026, 6, 15)))
    assert pages >= 1 and buf.getvalue().startswith(b"%PDF")
    assert seen == [("story", False), ("build", False)]
    assert gc.isenabled()
