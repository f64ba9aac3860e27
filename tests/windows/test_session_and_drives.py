"""The end of a Windows session takes the exit backup; drives are listed off the UI thread."""
from __future__ import annotations

import threading

from desktop.models import users
from desktop.models.datafile import open_store
from desktop.views.context import ViewContext


def test_a_backup_is_taken_when_windows_ends_the_session(qapp, store):
    from desktop.app import backup_at_session_end

    slot = backup_at_session_end(qapp, store)
    made = slot(None)      # what Qt's commitDataRequest calls at WM_QUERYENDSESSION
    assert made is not None and made.name.endswith("-exit.sqlite")
    copy = open_store(made, migrate=False)
    try:
        assert copy.scalar("SELECT count(*) FROM users") == 4
    finally:
        copy.close(clean=False)
    store.close(clean=False)
    assert slot(None) is None     # a closed store: nothing to do, no error


def test_drives_are_listed_off_the_ui_thread(qtbot, store, monkeypatch):
    from desktop.views.sync import district as district_view

    threads = []

    def slow_drives():
        threads.append(threading.current_thread())
        return [("E:/", "KINGSTON (E:/) — 7.5 GB free")]

    monkeypatch.setattr(district_view, "removable_drives", slow_drives)
    panel = district_view.SendPanel(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: getattr(panel, "drives_listed", False), timeout=10000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert panel.drive.count() == 1 and panel.drive.itemData(0) == "E:/"


def test_drives_found_after_the_panel_closed_are_dropped_quietly(qtbot, store, monkeypatch):
    """The list comes back from the thread pool; the window may be gone by then (pytest-qt
    fails the test on an exception in the event loop)."""
    import shiboken6
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop.views.sync import district as district_view

    release = threading.Event()

    def slow_drives():
        release.wait(10)
        return [("E:/", "USB (E:/)")]

    monkeypatch.setattr(district_view, "removable_drives", slow_drives)
    panel = district_view.SendPanel(ViewContext(store, users.find_user(store, "admin")))
    panel.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(panel), timeout=5000)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10000)
    QApplication.processEvents()   # the job's queued "done" is delivered now
