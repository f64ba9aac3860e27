"""The one way to run long work from the interface: an operation.

    run_operation(self, lambda job: quiz_reports.slips_pdf(job.store, sid, path,
                                                           progress=job.progress),
                  on_done=self._saved, store=self.store, ctx=self.ctx,
                  text=self.tr("Writing the slips…"), cancellable=True)

The work runs on the operations' thread pool and is handed a `Job`:
- `job.store`: a database connection of its own to the same file (SQLite in WAL mode lets it
  write while the interface reads), opened when `store=` is given and closed when the work ends.
  The work never touches the interface's connection or a widget.
- `job.progress(done, total)`: the window's bar fills (busy until the work says how much there
  is). When the operation is `cancellable`, the window has a Stop button; after it is pressed the
  next `job.progress` (or `job.check()`) raises `Cancelled`, so the work stops between two whole
  steps and leaves nothing half written.
- What the work changed is not named by it: every change of a record goes to the audit log in
  its own transaction (`models.records`, `models.audit`), so when the operation ends — done,
  stopped or failed midway, since steps already made stay made — `ctx.announce_changes()` reads
  the tables of the entries written since the last announcement and `ctx.data_changed` tells
  every page showing those records to refresh itself. `job.changed(*tables)` remains for the few
  tables written without an entry (`models.audit.UNJOURNALED`: the e-mail outbox's sending state,
  a package delivered again…).

Changes made on the interface thread are announced the same way: the code that made them calls
`self.ctx.announce_changes()` once the edit is done (after the dialog that saved, after the
model call), where it used to name a signal by hand. Nothing says *what* changed but the audit
log, so a page can no longer be left stale by a name forgotten or misspelt; and the main window
announces again whenever a section is shown, so a page shown after another changed records sees
them even where an edit did not announce itself. `ViewContext.announce_changes` is the one place
that emits `data_changed` (a test fails on an emit anywhere else).

Then, on the interface thread: `on_done(result)`, or `on_error(exc)` (by default the error's
Vietnamese message in a box), or `on_cancelled()`. When the window that started the operation
was closed meanwhile, the result is dropped (what changed is still announced while the
context lives) and a cancellable work is told to stop. A finished operation is let go at once,
on the interface thread: the worker gives up its last hold on the job before it says the work
ended, so the work's closure, its result and any window they name are never freed on a worker
thread (where freeing a Qt object ends the program). When the program ends, work that can
stop is told to, and what still runs is waited for (up to QUIT_WAIT_MS).
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import (
    QCoreApplication, QObject, Qt, QThread, QThreadPool, QTimer, Signal, Slot,
)
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.models import audit
from desktop.models.datafile import open_store
from desktop.models.db import Store
from desktop.models.progress import Cancelled

from .common import show_error, tr

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300   # quick work ends before a window flashes up
QUIT_WAIT_MS = 15_000  # how long the program, when it ends, waits for work still running
MIN_THREADS = 4        # a drive that takes half a minute to answer blocks no other operation

_running: dict[int, "Operation"] = {}   # held here until they end, then let go
_numbers = iter(range(1, 2**62))


def running() -> int:
    """How many operations have not ended yet."""
    return len(_running)


class _Relay(QObject):
    """Carries the workers' news to the interface thread: only numbers and text cross, so no
    Python object is ever let go on a worker thread. One for the application, never deleted."""
    progressed = Signal(int)                  # operation (its job keeps the report)
    ended = Signal(int)                       # operation

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.setObjectName("operation_relay")
        self.pool = QThreadPool(self)   # the operations' own: the global one has a thread per core
        self.pool.setMaxThreadCount(max(MIN_THREADS, QThread.idealThreadCount()))
        self.progressed.connect(self._progressed)
        self.ended.connect(self._ended)
        if isinstance(parent, QCoreApplication):
            parent.aboutToQuit.connect(self.quitting)

    @Slot()
    def quitting(self) -> None:
        """The program ends: work that can stop is told to, and what still runs is waited for
        (a while), so no work is cut off halfway through a file or while Python shuts down."""
        for operation in list(_running.values()):
            operation.cancel()
        self.pool.waitForDone(QUIT_WAIT_MS)

    @Slot(int)
    def _progressed(self, number: int) -> None:
        operation = _running.get(number)
        if operation is not None:
            operation._progressed(*operation.job.take_progress())

    @Slot(int)
    def _ended(self, number: int) -> None:
        operation = _running.pop(number, None)
        if operation is not None:
            operation._ended()
        # the operation — its work, its result, the windows it names — is let go here, on the
        # interface thread (a Qt object freed on a worker thread ends the program)


def _relay() -> _Relay:
    app = QCoreApplication.instance()
    relay = app.findChild(_Relay, "operation_relay")
    return relay if relay is not None else _Relay(app)


class Job:
    """What the work is handed, on the worker thread (see the module's docstring)."""

    def __init__(self, number: int, relay: _Relay, work: Callable[["Job"], Any],
                 store: Store | None):
        self.number = number
        self._relay = relay
        self._work = work
        self._source = store
        self.store: Store | None = None
        self._cancel = threading.Event()
        self._changed: list[str] = []
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] = (0, 0, "")
        self._pending = False
        self.outcome: str | None = None   # "done", "failed" or "cancelled"
        self.result: Any = None
        self.error: Exception | None = None
        self.trace = ""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise `Cancelled` when the person asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """`done` of `total` steps made (total 0: not known). Raises `Cancelled` when asked.

        Reports do not pile up: while one waits for the interface, later ones only replace
        what it will read, so the bar shows the latest and the work is never slowed."""
        self.check()
        with self._lock:
            self._latest = (int(done), int(total), text or self._latest[2])
            if self._pending:
                return
            self._pending = True
        self._relay.progressed.emit(self.number)

    def take_progress(self) -> tuple[int, int, str]:
        """On the interface thread: the latest report (done, total, text)."""
        with self._lock:
            self._pending = False
            return self._latest

    def changed(self, *names: str) -> None:
        """Tables the work wrote without an audit entry (`models.audit.UNJOURNALED`)."""
        unknown = set(names) - set(audit.UNJOURNALED)
        if unknown:
            raise ValueError(f"{sorted(unknown)}: their changes are in the audit log")
        with self._lock:
            self._changed += [n for n in names if n not in self._changed]

    def changes(self) -> list[str]:
        with self._lock:
            return list(self._changed)

    def run(self) -> None:
        """On the worker thread: the work, its outcome kept here for the interface thread."""
        try:
            if self._source is not None:
                self.store = open_store(self._source.path, actor=self._source.actor,
                                        migrate=False, check=False)
            try:
                self.result = self._work(self)
            finally:
                if self.store is not None:
                    self.store.close(clean=False)
                self.store = None
        except Cancelled:
            self.outcome = "cancelled"
        except Exception as exc:  # handed to the interface thread
            self.error, self.trace, self.outcome = exc, traceback.format_exc(), "failed"
        else:
            self.outcome = "done"


class _Handoff:
    """What the thread pool holds (and lets go on its thread): a job, given up by the worker
    before it says the work ended, so the job is freed with its operation on the interface
    thread."""

    def __init__(self, job: Job):
        self.job: Job | None = job

    def __call__(self) -> None:
        job, self.job = self.job, None
        job.run()
        relay, number = job._relay, job.number
        del job   # from here on the worker holds nothing but the relay and a number
        relay.ended.emit(number)


def _nothing() -> None:
    pass


class ProgressWindow(QDialog):
    """What the person sees while an operation runs: what happens, a bar, and Stop."""

    def __init__(self, text: str, parent: QWidget | None, *, cancellable: bool):
        super().__init__(parent)
        self.setObjectName("operation_progress")
        self.setWindowTitle(tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.stop_requested: Callable[[], None] = _nothing
        self.ended = False
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        self.label.setObjectName("operation_text")
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setObjectName("operation_bar")
        self.bar.setRange(0, 0)   # busy until the work says how much there is
        layout.addWidget(self.bar)
        self.stop = QPushButton(tr("Stop"))
        self.stop.setObjectName("operation_stop")
        self.stop.setVisible(cancellable)
        self.stop.clicked.connect(self._stop)
        layout.addWidget(self.stop, 0, Qt.AlignmentFlag.AlignRight)
        self._cancellable = cancellable

    def show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat("%p%")   # a share of the whole: a stage's steps or the pages
        if text:
            self.label.setText(text)

    def show_unless_ended(self) -> None:
        if not self.ended:
            self.show()

    def _stop(self) -> None:
        self.stop.setEnabled(False)
        self.stop.setText(tr("Stopping…"))
        self.stop_requested()

    def reject(self) -> None:  # Escape or the window's ✕: stop when the work allows, else wait
        if self._cancellable and self.stop.isEnabled():
            self._stop()


class Operation:
    """One long piece of work started from a window (see the module's docstring)."""

    def __init__(self, parent: QWidget, work: Callable[[Job], Any], *,
                 on_done: Callable[[Any], None] | None = None,
                 store: Store | None = None, ctx=None, text: str | None = None,
                 cancellable: bool = False,
                 on_error: Callable[[Exception], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None):
        self.parent = parent
        self.ctx = ctx
        self.on_done, self.on_error, self.on_cancelled = on_done, on_error, on_cancelled
        self.cancellable = cancellable
        self.finished = False
        self.job = Job(next(_numbers), _relay(), work, store)
        self.window: ProgressWindow | None = None
        if text is not None:
            self.window = ProgressWindow(text, parent, cancellable=cancellable)
            self.window.stop_requested = self.cancel
        self._watch = None
        if cancellable:   # a window closed meanwhile: its work needs not go on
            job = self.job
            self._watch = parent.destroyed.connect(lambda *_a: job.cancel())

    @property
    def outcome(self) -> str | None:
        """"done", "failed" or "cancelled" once ended."""
        return self.job.outcome if self.finished else None

    @property
    def result(self) -> Any:
        return self.job.error if self.job.outcome == "failed" else self.job.result

    def start(self) -> "Operation":
        _running[self.job.number] = self
        if self.window is not None:
            # the window's own slot: what the window holds is let go when it is deleted, and
            # letting the operation go there could delete the window that started it (when the
            # operation held the last reference to it) in the middle of this one's deletion
            QTimer.singleShot(SHOW_AFTER_MS, self.window, self.window.show_unless_ended)
        self.job._relay.pool.start(_Handoff(self.job))
        return self

    def cancel(self) -> None:
        if self.cancellable:
            self.job.cancel()

    # --- on the interface thread ------------------------------------------------------------

    def _alive(self, obj) -> bool:
        return obj is not None and shiboken6.isValid(obj)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._alive(self.window):
            self.window.show_progress(done, total, text)

    def _ended(self) -> None:
        """Close the window, announce what changed, then tell the window that started it."""
        self.finished = True
        outcome, job = self.job.outcome, self.job
        if self._alive(self.window):
            self.window.ended = True
            self.window.hide()   # not close(): that asks the window to stop the work
            self.window.stop_requested = _nothing   # it no longer holds the operation (above)
            self.window.deleteLater()
        self.window = None
        if self._watch is not None and self._alive(self.parent):
            QObject.disconnect(self._watch)
        self._watch = None
        if self._alive(self.ctx):
            self.ctx.announce_changes(*job.changes())
        if outcome == "failed":
            log.warning("operation failed: %s", job.trace)
        if not self._alive(self.parent):
            log.info("operation ended (%s) after its window was closed: result dropped", outcome)
            return
        if outcome == "done":
            if self.on_done is not None:
                self.on_done(job.result)
        elif outcome == "failed":
            if self.on_error is not None:
                self.on_error(job.error)
            else:
                show_error(self.parent, job.error)
        elif self.on_cancelled is not None:
            self.on_cancelled()


def run_operation(parent: QWidget, work: Callable[[Job], Any],
                  on_done: Callable[[Any], None] | None = None, **options) -> Operation:
    """Start `work(job)` as an operation (options as for `Operation`) and return it."""
    return Operation(parent, work, on_done=on_done, **options).start()
