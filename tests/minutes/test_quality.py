"""Rules of the project applied to the minutes: no Qt below the views, every string translated."""
from __future__ import annotations

import subprocess
import sys

from desktop.i18n import read_ts, ts_path

from ..conftest import ROOT


def test_models_and_documents_do_not_import_qt():
    code = ("import sys; import desktop.models.minutes, desktop.output.minutes_pdf, "
            "desktop.output.minutes_xlsx, desktop.cli.minutes, desktop.demo.minutes; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_every_string_of_the_minutes_screens_has_a_vietnamese_translation():
    messages = read_ts(ts_path("minutes"))
    assert len(messages) > 150
    assert [m["source"] for m in messages if not m["finished"]] == []
    assert (ts_path("minutes").with_suffix(".qm")).exists()


def test_the_screens_show_vietnamese(qtbot, store):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(ts_path("minutes").with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        from desktop.models import users
        from desktop.views.context import ViewContext
        from desktop.views.minutes.page import MinutesPage

        page = MinutesPage(ViewContext(store, users.find_user(store, "tuvan")))
        qtbot.addWidget(page)
        assert page.buttons["verify"].text() == "Kiểm tra chữ ký"
        assert page.new_button.text() == "Lập biên bản mới"
    finally:
        QCoreApplication.removeTranslator(translator)
