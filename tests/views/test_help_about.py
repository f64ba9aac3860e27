"""Help ▸ User guide (Vietnamese, with pictures, read offline) and Help ▸ About (version, data
folder, licences of what the program ships); window titles name the program once."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from desktop.models import users
from desktop.paths import resource
from desktop.views.context import ViewContext
from desktop.views.help_view import AboutDialog, GuideWindow, guide_path, open_about, open_guide
from desktop.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(w)
    return w


def test_the_help_menu_offers_the_guide_on_f1_and_about(window):
    from PySide6.QtGui import QAction

    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    guide, about = actions["help_guide"], actions["help_about"]
    assert guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert guide.text() == "Hướng dẫn sử dụng" and about.text() == "Giới thiệu ISO Desk"
    menus = [m.title() for m in window.menuBar().findChildren(QMenu)]
    assert "&Trợ giúp" in menus


def test_the_guide_opens_in_vietnamese_with_its_pictures(window, qtbot):
    guide = open_guide(window)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    for heading in ("Hướng dẫn sử dụng ISO Desk", "Tổ chức ngày tập huấn",
                    "Lập và ký biên bản làm việc", "Gửi dữ liệu lên Bảo hiểm xã hội tỉnh"):
        assert heading in text
    assert open_guide(window) is guide            # one window, raised again


def test_every_picture_and_link_of_the_guide_is_there():
    html = guide_path().read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) >= 8
    for src in pictures:
        image = QImage(str((guide_path().parent / src).resolve()))
        assert not image.isNull(), src
        assert (guide_path().parent / src).resolve().is_relative_to(resource("guide"))
    anchors = set(re.findall(r'<a name="([^"]+)"', html))
    assert set(re.findall(r'<a href="#([^"]+)"', html)) <= anchors


def test_a_missing_guide_is_said_not_shown_blank(window, qtbot, monkeypatch, tmp_path):
    from desktop.views import help_view

    monkeypatch.setattr(help_view, "guide_path", lambda: tmp_path / "none" / "index.html")
    guide = GuideWindow(window)
    qtbot.addWidget(guide)
    assert "thiếu tài liệu hướng dẫn" in guide.browser.toPlainText()


def test_about_names_the_version_the_data_folder_and_every_licence(window, qtbot, store):
    from desktop import __version__

    dialog = open_about(window, window.ctx)
    qtbot.addWidget(dialog)
    about = dialog.findChild(QLabel, "about_text")
    assert __version__ in about.text() and str(store.data_dir) in about.text()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)   # read off the UI thread
    names = {c.name.lower(): c for c in dialog.model.items}
    for wanted in ("qt", "python", "sqlite", "pyside6_essentials", "reportlab", "openpyxl",
                   "cryptography", "sqlite-utils", "platformdirs"):
        assert wanted in names, wanted
        assert names[wanted].licence_text().strip(), wanted
    fonts = next(c for c in dialog.model.items if c.name.startswith("Liberation"))
    assert fonts.licence == "OFL-1.1" and "SIL OPEN FONT LICENSE" in fonts.licence_text().upper()
    assert "LGPL" in names["qt"].licence and "LESSER GENERAL PUBLIC" in names["qt"].licence_text()
    row = next(r for r in range(dialog.proxy.rowCount())
               if dialog.proxy.object_at(r).name == "openpyxl")
    dialog.table.selectRow(row)
    assert "openpyxl" in dialog.text.toPlainText() and "MIT" in dialog.text.toPlainText()


def test_the_frozen_build_carries_the_guide_and_the_licences():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec          # guide, licences, fonts
    assert "copy_metadata(NAME, recursive=True)" in spec             # the libraries' licences
    for part in (("guide", "vi", "index.html"), ("licenses", "LGPL-3.0.txt"),
                 ("fonts", "LICENSE-LiberationFonts-OFL.txt")):
        assert resource(*part).exists(), part


def test_window_titles_name_the_program_once(window, store, qtbot):
    from desktop.views.login import LoginDialog
    from desktop.views.setup_wizard import SetupWizard

    login = LoginDialog(store)
    wizard = SetupWizard(store)
    about = AboutDialog(window.ctx, window)
    for w in (login, wizard, about):
        qtbot.addWidget(w)
    for w in (window, login, wizard, about):   # Qt adds "— ISO Desk" to every title
        assert "ISO Desk" not in w.windowTitle(), w.windowTitle()
    assert window.windowTitle() == window.ctx.profile.name
