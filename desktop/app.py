"""Starting the GUI: QApplication, translators, the data file, setup, a kiosk left running,
sign-in, main window.

GUI wiring only: the rules live in desktop.models.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any, Callable

import desktop.views.qt_import  # noqa: F401  (first: PySide6 without its import hook)
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop.i18n import translation_files
from desktop.models.db import DB_FILENAME, Store, keep_wal_aside
from desktop.models.errors import DatabaseDamaged, DataMissing, IsoDeskError, WalDamaged
from desktop.models.settings import get_setting
from desktop.models.unit import get_profile
from desktop.paths import resource
from desktop.views import collector
from desktop.views.translate import tr


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    collector.install(app)  # Qt objects in cycles are freed on the UI thread only
    app.setApplicationName("ISO Desk")
    app.setOrganizationName("isodesk")
    app.setApplicationDisplayName("ISO Desk")
    icon = resource("icons", "isodesk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    return app


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load every .qm of the language (ours and Qt's own strings); remove the old ones first."""
    for old in getattr(app, "_isodesk_translators", []):
        app.removeTranslator(old)
    installed = []
    for qm in translation_files(language):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi"
                               else QLocale.Language.English))
    app._isodesk_translators = installed
    return installed


def open_data(data_dir: Path, *, splash: QWidget | None = None, opening=None) -> Store | None:
    """Open the data file; when it is missing, emptied or damaged, say so and offer to restore
    the latest good backup (or, for a damaged write-ahead log, to open what can be read).

    The file is opened and checked on a thread of its own while the UI thread loads the sign-in;
    without a `splash` already on screen, one is shown when the opening takes longer than
    SPLASH_AFTER_MS (a large file's full check, a migration with its backup copy, a slow disk),
    and closed once the file is open. `opening` (`datafile.Opening`): the file's opening begun
    earlier, before Qt was loaded, whose outcome the first attempt takes."""
    # (imported here: the checks and the migrations are not needed before Qt is up)
    from desktop.models.datafile import open_store, restore_backup

    path = Path(data_dir) / DB_FILENAME
    shown: list[QWidget] = [] if splash is None else [splash]
    try:
        while True:
            try:
                early, opening = opening, None   # (a retry opens the file anew)
                if early is not None and early.path == path:
                    return _off_the_ui_thread(early.result, shown)
                if early is not None:
                    early.discard()
                return _off_the_ui_thread(lambda: open_store(path), shown)
            except DatabaseDamaged as exc:
                from PySide6.QtWidgets import QMessageBox   # (only when there is something to say)

                _close_made_here(shown, splash)
                action = _ask_about_damage(exc)
                if action is None:
                    return None
                if action == "readable":
                    kept = keep_wal_aside(path)
                    QMessageBox.information(None, tr("Opening what can be read"), tr(
                        "The damaged journal was kept as %1. Check the latest work and enter "
                        "again what is missing.").replace("%1", kept.name))
                    continue
                aside = restore_backup(path, exc.backup)
                text = (tr("The backup %1 was restored. The damaged file was kept as %2.")
                        .replace("%2", aside.name) if aside is not None
                        else tr("The backup %1 was restored."))
                QMessageBox.information(None, tr("Restored"), text.replace("%1", exc.backup.name))
            except IsoDeskError as exc:
                from PySide6.QtWidgets import QMessageBox

                _close_made_here(shown, splash)
                QMessageBox.critical(None, "ISO Desk", exc.message)
                return None
    finally:
        if splash is None:   # the one shown while the file was opened (the caller closes its own)
            _close_made_here(shown, splash)


def _close_made_here(shown: list[QWidget], given: QWidget | None) -> None:
    """Close the splash before a message or the sign-in: the caller's own (then not shown
    again), or the one shown while the file was opened (another may come for a retry)."""
    for window in shown:
        window.close()
    if given is None:
        shown.clear()


# An opening that takes longer than this shows the splash. A quicker one goes straight to the
# sign-in: the splash costs a normal start about a third of a bare window's whole start, and one
# that flashes up for a moment before the sign-in (a busy PC) is worse than none.
SPLASH_AFTER_MS = 500


def _off_the_ui_thread(work: Callable[[], Any], shown: list[QWidget]) -> Any:
    """Run `work()` on a thread of its own and return its result (or raise its error) here.
    Meanwhile the UI thread imports the sign-in's module, then waits in an event loop; when
    `shown` is empty and the work is still running after SPLASH_AFTER_MS, the splash is shown
    (and added to `shown`)."""
    import time

    from desktop.views.thread_result import ThreadResult

    started = time.monotonic()
    job = ThreadResult(work, "isodesk-open")
    import desktop.views.login  # noqa: F401  (what comes next, loaded meanwhile)

    if job.done:
        return job.wait()

    def show_splash() -> None:
        if job.done or shown:
            return
        from desktop.views.startup import StartupSplash

        splash = StartupSplash()
        shown.append(splash)
        splash.show()
        splash.step(tr("Opening the data file…"))

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_splash)
    waited = int((time.monotonic() - started) * 1000)
    timer.start(max(0, SPLASH_AFTER_MS - waited))
    try:
        return job.wait()
    finally:
        timer.stop()


def _ask_about_damage(exc: DatabaseDamaged) -> str | None:
    """"restore", "readable" or None (quit), as the user chooses."""
    from PySide6.QtWidgets import QMessageBox

    title = tr("The data is missing") if isinstance(exc, DataMissing) else \
        tr("The data file is damaged")
    box = QMessageBox(QMessageBox.Icon.Critical, title, exc.message,
                      QMessageBox.StandardButton.NoButton)
    box.setObjectName("data_problem_box")
    choices = {}
    if exc.backup is not None:
        choices[box.addButton(tr("Restore the latest backup"),
                              QMessageBox.ButtonRole.AcceptRole)] = "restore"
    if isinstance(exc, WalDamaged):
        choices[box.addButton(tr("Open what can be read"),
                              QMessageBox.ButtonRole.DestructiveRole)] = "readable"
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return choices.get(box.clickedButton())


def install_excepthook(data_dir: Path) -> None:
    """An error nobody expected is logged and shown; the program keeps running."""
    import logging
    import traceback

    from desktop.logs import setup_logging

    log_path = setup_logging(data_dir)
    log = logging.getLogger("isodesk.gui")

    def hook(kind, value, tb):
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        from desktop.views.common import show_error

        if isinstance(value, IsoDeskError):
            show_error(None, value)
        else:
            show_error(None, tr("An unexpected error occurred; the details were written to %1. "
                                "Your saved work is safe.").replace("%1", str(log_path)))

    sys.excepthook = hook


_preloading: threading.Thread | None = None


def preload_main_window(*, province: bool = False) -> threading.Thread:
    """While the person types their password, import what the main window shows first (its
    module, its first page, every model that gives the overview a figure) on a thread of its own,
    so that signing in waits for the password check and the window, not for Python's imports.
    Only modules are loaded there (no widget is made off the UI thread); an import the UI
    thread needs meanwhile waits for the thread's, as Python's import lock has it."""
    global _preloading
    if _preloading is None:
        def load():
            try:
                import desktop.views.main_window  # noqa: F401
                from desktop.views.section_pages import PAGES
                from desktop.views.sections import SECTIONS

                first = sys.modules[PAGES[SECTIONS[0].key]().__module__]
                if hasattr(first, "preload"):  # a section that picks its page when shown
                    first.preload(province=province)
                import desktop.models.figures  # noqa: F401 (every model the overview reads)
            except Exception:  # the UI thread imports it again and reports what went wrong
                import logging

                logging.getLogger("isodesk.gui").exception("preloading the main window")
            finally:
                from desktop.logs import keep_rotating

                keep_rotating()   # the log file's rotation, which the sign-in did not wait for

        # PySide6 makes the Python enums of Qt's `Qt` namespace when it is first named, and two
        # threads naming it at once can see it half made (`Qt.CursorShape` missing in the
        # sign-in): made here, on the UI thread, before the thread that names it starts.
        from PySide6.QtCore import Qt  # noqa: F401

        _preloading = threading.Thread(target=load, name="isodesk-preload")
        _preloading.start()
    return _preloading


def backup_at_session_end(app: QGuiApplication, store: Store):
    """Windows ends the process soon after a shutdown or a logoff is announced, before
    `app.exec()` returns and the store's exit backup is taken: the backup is taken when the
    session's end is announced (WM_QUERYENDSESSION, Qt's `commitDataRequest`) instead. Returns
    the slot (the tests call it)."""
    import logging

    from desktop.models.db import KEEP_EXIT_BACKUPS, prune_backups

    def backup(_manager=None) -> Path | None:
        if store._closed:
            return None
        try:
            made = store.backup("exit")
            prune_backups(store.backup_dir, "exit", KEEP_EXIT_BACKUPS)
        except Exception:  # noqa: BLE001  (the session ends anyway; the log says why)
            logging.getLogger("isodesk.gui").exception("no backup at the end of the session")
            return None
        logging.getLogger("isodesk.gui").info("backup at the end of the Windows session: %s",
                                              made.name)
        return made

    app.commitDataRequest.connect(backup)
    return backup


def run_gui(data_dir: Path, *, demo: bool = False,
            prepare: Callable[[Callable[[str], None]], Any] | None = None,
            opening=None) -> int:
    """The GUI from start to exit. `prepare(progress)` is long work to do before the data file
    is opened (making the demo), run off the UI thread while the splash shows its progress.
    `opening`: the data file's opening begun before Qt was loaded (`cli._open_early`)."""
    try:
        return _run_gui(data_dir, demo=demo, prepare=prepare, opening=opening)
    finally:
        if opening is not None:
            opening.discard()   # (taken by the sign-in's start, or closed: a start that ended)


def _run_gui(data_dir: Path, *, demo: bool, prepare, opening) -> int:
    import logging

    from desktop import __version__
    from desktop.crashlog import RunLog
    from desktop.display import missing_display

    problem = missing_display()
    if problem:   # Qt would end the process with a core dump and an English message
        sys.stderr.write(f"isodesk: {problem}\n")
        return 2
    app = make_application()
    install_excepthook(data_dir)
    run_log = RunLog(data_dir)
    unclean = run_log.begin()
    log = logging.getLogger("isodesk.gui")
    log.info("ISO Desk %s started on %s", __version__, data_dir)
    # Windows ends the process soon after a shutdown is announced: not a crash.
    app.commitDataRequest.connect(lambda _manager: run_log.note_session_end())
    try:
        code = _run(app, Path(data_dir), demo=demo, prepare=prepare, unclean=unclean,
                    opening=opening)
    except BaseException:
        run_log.record_exception()
        raise
    log.info("ISO Desk ended normally (exit code %s)", code)
    run_log.end()
    return code


def _main_window(store: Store, user, demo: bool):
    from desktop.views.context import ViewContext
    from desktop.views.main_window import MainWindow

    return MainWindow(ViewContext(store, user, demo=demo))


def _notice_unclean_end(unclean) -> None:
    """The notice that the previous run ended without a clean exit (its module loaded only
    then)."""
    if unclean:
        from desktop.views.startup import show_unclean_end

        show_unclean_end(None, unclean)


def _remember_folders(data_dir: Path) -> None:
    """The file dialogs' last folders, kept per data folder (set before any dialog can open)."""
    from desktop.views.files import remember_in

    remember_in(data_dir)


def _run(app: QApplication, data_dir: Path, *, demo: bool, prepare, unclean,
         opening=None) -> int:
    # Each screen's module is imported when it is first shown: the sign-in comes sooner when it
    # waits only for its own (tests/views/test_startup_imports.py keeps it so). A normal start
    # shows no splash: the sign-in is the first window (see open_data).
    install_translators(app, "vi")        # until the data file says which language
    splash = None
    if prepare is not None or not (data_dir / DB_FILENAME).exists():
        # long work before the file opens (preparing a data folder, making a new office's file
        # and its tables): the splash at once, with its steps
        from desktop.views.startup import StartupSplash, prepare_in_background

        splash = StartupSplash()
        splash.show()
        if prepare is not None:
            try:
                prepare_in_background(splash, prepare)
            except Exception as exc:  # said to the person, and logged; nothing half-made opened
                import logging

                logging.getLogger("isodesk.gui").exception("preparing %s failed", data_dir)
                splash.close()
                from desktop.views.common import show_error

                show_error(None, exc)
                return 1
        splash.step(tr("Opening the data file…"))
    store = open_data(data_dir, splash=splash,
                      opening=opening if splash is None and prepare is None else None)
    if store is None:
        return 1
    QTimer.singleShot(0, lambda: _remember_folders(data_dir))   # once a window is on screen
    language = get_setting(store, "language", "vi")
    if language != "vi":
        install_translators(app, language)
    backup_at_session_end(app, store)
    if splash is not None:
        splash.close()
    try:
        admin = None
        if get_profile(store) is None:
            _notice_unclean_end(unclean)
            from desktop.views.setup_wizard import SetupWizard

            wizard = SetupWizard(store)
            if not wizard.exec():
                return 0
            admin = wizard.admin
        else:
            # A test was running when the program stopped (a crash, a power cut): back to the
            # kiosk first; signing in comes once the proctor has left it with the PIN.
            from desktop.views.quiz.recovery import kiosk_before_login

            kiosk_before_login(store)
            _notice_unclean_end(unclean)
        hint = None
        if demo:
            from desktop.demo import DEMO_PASSWORD

            profile = get_profile(store)
            if profile is not None and profile.is_province:
                hint = tr("Demo province. Accounts: admin (administrator), iso (ISO team); "
                          "password: %1").replace("%1", DEMO_PASSWORD)
            else:
                hint = tr("Demo data. Accounts: admin (administrator), iso (ISO team), tuvan "
                          "(consultant), giamthi (proctor); password: %1").replace(
                    "%1", DEMO_PASSWORD)
        user = prepared = None
        while True:
            if admin is not None:
                user, admin = admin, None
            elif user is None:
                from desktop.views.login import LoginDialog

                # the main window is made (hidden) while the password is checked on a thread;
                # the dialog hands it on only when the password is right
                login = LoginDialog(store, hint=hint, username="admin" if demo else "",
                                    prepare=lambda who: _main_window(store, who, demo))
                profile = get_profile(store)
                at_province = profile is not None and profile.is_province
                # once the sign-in is on screen
                QTimer.singleShot(0, lambda: preload_main_window(province=at_province))
                if not login.exec():
                    return 0
                user, prepared = login.user, login.prepared
            from desktop.views.sections import STARTUP_HOOKS

            window = prepared if prepared is not None else _main_window(store, user, demo)
            prepared = None
            window.ctx.user = user   # the account as stored after the sign-in
            ctx = window.ctx
            window.show()
            window.raise_()
            window.activateWindow()   # the sign-in had the focus: hand it to the window
            for hook in STARTUP_HOOKS:
                hook(ctx, window)
            from desktop.logs import keep_rotating

            keep_rotating()   # in case the sign-in (and its preload) was not shown: a new office
            app.exec()
            if window.wants_rebuild:  # language changed: same user, new translators
                install_translators(app, get_setting(store, "language", "vi"))
                continue
            if not window.wants_logout:
                return 0
            user = None
    finally:
        store.close(clean=True)
