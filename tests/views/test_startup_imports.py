"""Starting the GUI loads only what it shows: the sign-in waits for no PDF, Excel or key library,
no page and no chart (the main window's own modules load on a thread of their own once the
sign-in is on screen); the main window, once signed in, loads its first page and nothing else.

Each check runs the real start (`desktop.cli.main` with no subcommand) in a fresh process, so
that `sys.modules` holds exactly what that start imported.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.views.section_pages import PAGES as SECTION_PAGES
from desktop.views.sections import SECTIONS
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]

# Loaded when first used, never by the start.
HEAVY = ("reportlab", "openpyxl", "cryptography", "PIL", "sqlite_utils", "defusedxml",
         "PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "desktop.output", "sync",
         "email", "importlib.metadata")
# Loaded by other starts or later, never before the sign-in shows.
LAZY = ("uuid", "platform", "desktop.models.ownership", "desktop.models.synced_tables",
        "desktop.models.quiz.kiosk", "desktop.cli.context", "desktop.cli.parser",
        "desktop.cli.roles")
# The module of each page of the side navigation (the first one, the overview, is shown at once).
PAGES = tuple(SECTION_PAGES[s.key]().__module__ for s in SECTIONS if s.key in SECTION_PAGES)

CHILD = r"""
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

stage, password = sys.argv[2], sys.argv[3]
real_exec = QDialog.exec

def loaded():
    return sorted(sys.modules)

def report(what, widget):
    import builtins
    hooked = getattr(builtins.__import__, "__name__", "") == "__feature_import__"
    print(json.dumps({"what": what, "visible": widget.isVisible(), "modules": loaded(),
                      "import": "PySide6's hook" if hooked else "plain"}))
    sys.stdout.flush()
    os._exit(0)

def exec_(self):
    if type(self).__name__ != "LoginDialog":
        return real_exec(self)
    self.show()
    if stage == "sign-in":  # what the sign-in waited for (the next screen loads after it)
        report("sign-in", self)
    QApplication.processEvents()
    self.username.setText("admin")
    self.password.setText(password)
    self.try_login()
    return 1 if self.user is not None else 0

QDialog.exec = exec_

def main_window_shown():
    for w in QApplication.topLevelWidgets():
        if type(w).__name__ == "MainWindow" and w.isVisible():
            report("main", w)
    QTimer.singleShot(10, main_window_shown)

_app_exec = QApplication.exec

def app_exec(*args):
    QTimer.singleShot(0, main_window_shown)
    return _app_exec(*args)

QApplication.exec = app_exec
from desktop.cli import main
sys.argv = ["isodesk", "--data-dir", sys.argv[1]]
sys.exit(main())
"""


def _start(data_dir: Path, stage: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(data_dir), stage, PASSWORD], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the GUI did not reach the {stage}: {out.stdout}\n{out.stderr}"
    return json.loads(lines[-1])


def _offenders(modules: list[str], names) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_the_sign_in_waits_for_nothing_it_does_not_show(data_dir):
    seen = _start(data_dir, "sign-in")
    assert seen["what"] == "sign-in" and seen["visible"]
    assert _offenders(seen["modules"], HEAVY + PAGES) == []
    assert "desktop.views.main_window" not in seen["modules"]
    assert "desktop.views.login" in seen["modules"]
    # the interface's shared pieces (their first use of Qt's enums is a noticeable cost) and the
    # rotating log handler (sockets, pickling, queues) come once the sign-in is on screen
    assert _offenders(seen["modules"], ("desktop.views.common", "logging.handlers")) == []
    # nor what the sign-in has no use for: record ids are written without `uuid` (which imports
    # `platform` on Linux), the synced tables' rules load with the first write, the kiosk's rules
    # only when a kiosk was left running, and the command line's context, parser words and
    # account rules with a command
    assert _offenders(seen["modules"], LAZY) == []
    assert seen["import"] == "plain"   # PySide6's import hook is gone (desktop.views.qt_import)


def test_the_bundle_stores_every_module_of_the_sign_in_uncompressed(data_dir):
    """desktop/start_modules.txt lists what the start loads before the sign-in shows; the bundle
    stores those modules uncompressed (desktop/bundle_boot.py). A module added to the start and
    not to the list would be inflated at every start again."""
    from desktop.bundle_boot import start_modules

    seen = _start(data_dir, "sign-in")
    missing = sorted(set(seen["modules"]) - start_modules() - {"__main__"})
    assert missing == [], "add these to desktop/start_modules.txt: " + " ".join(missing)


def test_the_main_window_loads_its_first_page_only(data_dir):
    seen = _start(data_dir, "main")
    assert seen["what"] == "main" and seen["visible"]
    assert PAGES[0] in seen["modules"]
    others = [p for p in PAGES if p != PAGES[0]]
    # the overview draws charts, and its first steps read the links with the province or the
    # districts through sync.peers (whose package imports its signing library)
    heavy = tuple(h for h in HEAVY if h not in ("PySide6.QtCharts", "sync", "cryptography"))
    assert _offenders(seen["modules"], heavy + tuple(others)) == []
