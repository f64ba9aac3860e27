"""The operation runner with real widgets: progress, Stop, what changed, errors, closed windows,
and where the finished work is let go."""
from __future__ import annotations

import gc
import threading
import weakref

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QWidget

from desktop.models import users
from desktop.models.errors import IsoDeskError
from desktop.models.staff import StaffRepository
from desktop.views import operation
from desktop.views.context import ViewContext
from desktop.views.operation import run_operation

WAIT = 20_000   # ms: generous for a loaded machine; the conditions end the waits


@pytest.fixture(autouse=True)
def _boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(operation, "SHOW_AFTER_MS", 0)
    return shown


@pytest.fixture
def ctx(store):
    return ViewContext(store, users.find_user(store, "admin"))


def _window(qtbot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def _progress_window(parent):
    return parent.findChild(QWidget, "operation_progress")


def test_progress_is_shown_and_the_window_goes_when_done(qtbot):
    parent = _window(qtbot)
    reported, go, got = threading.Event(), threading.Event(), []

    def work(job):
        job.progress(3, 10)
        reported.set()
        go.wait(WAIT / 1000)
        return "xong"

    op = run_operation(parent, work, got.append, text="Đang làm…")
    qtbot.waitUntil(lambda: _progress_window(parent) is not None
                    and _progress_window(parent).isVisible(), timeout=WAIT)
    bar = _progress_window(parent).findChild(QProgressBar, "operation_bar")
    qtbot.waitUntil(lambda: bar.maximum() == 10 and bar.value() == 3, timeout=WAIT)
    assert not _progress_window(parent).findChild(QPushButton, "operation_stop").isVisible()
    go.set()
    qtbot.waitUntil(lambda: got == ["xong"], timeout=WAIT)
    assert op.outcome == "done"
    assert op not in operation._running.values()
    window = _progress_window(parent)
    assert window is None or not window.isVisible()


def test_stop_ends_the_work_and_leaves_the_data_unchanged(qtbot, ctx, store):
    parent = _window(qtbot)
    go, outcomes, changed = threading.Event(), [], []
    ctx.data_changed.connect(changed.append)

    names = ["An", "Bình", "Chi", "Dũng", "Hà"]

    def work(job):   # five people in one transaction, Stop possible between two
        repo = StaffRepository(job.store)
        with job.store.atomic():
            for i in range(5):
                repo.add({"staff_code": f"OP{i}", "full_name": f"Nguyễn Văn {names[i]}"})
                job.progress(i + 1, 5)
                if i == 1:
                    go.wait(WAIT / 1000)
        return "all"

    op = run_operation(parent, work, outcomes.append, store=store, ctx=ctx, text="Thêm…",
                       cancellable=True, on_cancelled=lambda: outcomes.append("stopped"))
    qtbot.waitUntil(lambda: _progress_window(parent) is not None
                    and _progress_window(parent).findChild(QProgressBar).value() == 2,
                    timeout=WAIT)
    stop = _progress_window(parent).findChild(QPushButton, "operation_stop")
    assert stop.isVisible()
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    go.set()
    qtbot.waitUntil(lambda: outcomes == ["stopped"], timeout=WAIT)
    assert op.outcome == "cancelled"
    assert StaffRepository(store).count(active_only=False) == 0
    assert changed == []   # nothing was written, so nothing is announced


def test_what_changed_refreshes_the_page_showing_it(qtbot, ctx, store):
    from desktop.views.staff_view import StaffPage

    page = StaffPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    changed = []
    ctx.data_changed.connect(changed.append)

    def work(job):
        StaffRepository(job.store).add({"staff_code": "M1", "full_name": "Trần Thị Mới"})

    run_operation(page, work, store=store, ctx=ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert changed == [{"staff"}]   # read from the audit log: the work named nothing


def test_an_error_shows_its_vietnamese_message(qtbot, _boxes):
    parent = _window(qtbot)

    def work(_job):
        raise IsoDeskError("Không đọc được tệp. Hãy chọn lại tệp khác.")

    op = run_operation(parent, work, text="Đang đọc…")
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    assert _boxes == ["Không đọc được tệp. Hãy chọn lại tệp khác."]
    assert op.outcome == "failed"


def test_a_file_error_says_which_file_and_what_to_do(qtbot, _boxes, tmp_path):
    """A folder that is not there (mistyped, a USB stick pulled out): the message names the path
    and the cause in Vietnamese, never "an unexpected error" with the system's English text."""
    parent = _window(qtbot)
    missing = tmp_path / "phieu-ket-qua.pdf" / "slips.pdf"

    def work(_job):
        missing.write_bytes(b"%PDF")

    op = run_operation(parent, work, text="Đang ghi…")
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    [text] = _boxes
    assert text.startswith(f"Không dùng được tệp hoặc thư mục {missing}: không có tệp hoặc "
                           "thư mục này.")
    assert "ổ USB vẫn cắm" in text and "No such file" not in text and "ngoài dự kiến" not in text
    assert op.outcome == "failed" and not missing.exists()


def test_a_window_closed_meanwhile_drops_the_result_and_stops_the_work(qtbot, _boxes):
    parent = QWidget()
    parent.show()
    started, go, got, stopped = threading.Event(), threading.Event(), [], []

    def work(job):
        started.set()
        go.wait(WAIT / 1000)
        stopped.append(job.cancelled)
        job.check()
        return "late"

    op = run_operation(parent, work, got.append, text="Đang làm…", cancellable=True)
    assert started.wait(WAIT / 1000)
    parent.close()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent), timeout=WAIT)
    go.set()
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    assert stopped == [True] and op.outcome == "cancelled"
    assert got == [] and _boxes == []
    assert op not in operation._running.values()


def test_the_finished_work_is_let_go_on_the_interface_thread(qtbot):
    parent = _window(qtbot)
    freed_on: list[str] = []

    class Held:   # what a work's closure holds: a window, a model…
        pass

    held, result = Held(), Held()
    weakref.finalize(held, lambda: freed_on.append(threading.current_thread().name))
    weakref.finalize(result, lambda: freed_on.append(threading.current_thread().name))
    box = [result]
    del result

    def work(_job, held=held):
        return box.pop()

    op = run_operation(parent, work, text="…")
    del held, work
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    del op
    gc.collect()
    qtbot.waitUntil(lambda: len(freed_on) == 2, timeout=WAIT)
    assert set(freed_on) == {threading.main_thread().name}


def test_the_program_ending_stops_what_can_stop_and_waits_for_it(qtbot):
    parent = _window(qtbot)
    started, steps = threading.Event(), []

    def work(job):   # would run for ever unless told to stop
        started.set()
        while True:
            steps.append(1)
            job.progress(len(steps), 0)
            threading.Event().wait(0.01)

    op = run_operation(parent, work, cancellable=True)
    assert started.wait(WAIT / 1000)
    operation._relay().quitting()   # what the application's aboutToQuit runs
    assert op.job.outcome == "cancelled"   # ended before quitting returned
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
