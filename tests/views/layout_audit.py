"""Looking at every screen the way a small laptop shows it, and saying what doesn't fit.

Real widgets, offscreen. The screen is set up before the QApplication exists (the offscreen
platform's configuration file gives its size and DPI; `QT_SCALE_FACTOR` gives Windows' display
scaling), so one process checks one screen:

    python -m tests.views.layout_audit --screen 1366x768 [--scale 1.25] [--font-dpi 120] \
        [--shots DIR] [--json]

The demo district is built in a temporary folder (or `--demo DIR` is copied); the main window is
opened at the size the program gives it, every section and every tab (and tabs inside tabs) is
shown, and then the main dialogs. What is detected:
- a label, button, check box, group box title or tab whose text is wider than its room (elision
  off: Qt cuts such text silently), or a word-wrapped label shorter than its text needs;
- a table header narrower than its title (on one line, or wrapped onto the lines the header
  has), a cell that shows fewer than 10 characters (all of a shorter one: a date, a code), a
  table with room for fewer than 5 of its rows;
- a horizontal scroll bar on a page or a dialog at its default size;
- two widgets of one layout that overlap;
- a window larger than the screen's free area, or a main window that changed size by itself when
  a page opened;
- a string asked for while a screen was built or shown that no translation answers (ours or
  Qt's own: a button of a message box, a key name in a menu).
`tests/views/test_layout_fit.py` runs it for each screen and fails on any problem.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from tests.views.layout_checks import Problem, audit  # noqa: F401 - `audit` for callers

ROOT = Path(__file__).resolve().parents[2]
TASKBAR = 40   # Windows' task bar takes this much of the screen's height (at 100 %)
# PySide6 6.12 on Python 3.11 drops a reference to None each time a call returns None
# (widget.layout() of a widget without one, label.buddy(), index.data() of an empty role…); the
# walk makes hundreds of thousands of such calls, and None must not run out of references.
_NONE_RESERVE = [None] * 4_000_000


def configure_screen(width: int, height: int, scale: float = 1.0, font_dpi: int = 96) -> Path:
    """Prepare the offscreen platform for a `width`×`height` screen (before QApplication):
    `scale` is Windows' display scaling (everything larger, `QT_SCALE_FACTOR`), `font_dpi` its
    text size alone (`QT_FONT_DPI`; 120 is 125 %). The task bar is left out of the height, as
    Windows leaves it out of the free area."""
    config = {"synchronousWindowSystemEvents": True, "windowFrameMargins": True,
              "screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                           "height": height - round(TASKBAR * scale), "logicalDpi": 96,
                           "logicalBaseDpi": 96, "dpr": 1}]}
    path = Path(tempfile.mkdtemp(prefix="isodesk-screen-")) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
    for name, value, default in (("QT_SCALE_FACTOR", scale, 1.0),
                                 ("QT_FONT_DPI", font_dpi, 96)):
        if value != default:
            os.environ[name] = str(value)
        else:
            os.environ.pop(name, None)
    return path


# --- walking the program ------------------------------------------------------------------------

def settle(rounds: int = 4) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def tab_states(page):
    """Yield a name for each state of the page's tabs (each tab of each QTabWidget, nested)."""
    from PySide6.QtWidgets import QTabWidget

    def visible_tabs():
        return [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]

    done = set()

    def walk(prefix: str):
        tabs = [t for t in visible_tabs() if id(t) not in done]
        if not tabs:
            yield prefix
            return
        widget = tabs[0]
        done.add(id(widget))
        for i in range(widget.count()):
            widget.setCurrentIndex(i)
            settle()
            name = widget.objectName() or "tabs"
            yield from walk(f"{prefix}/{name}:{i}")
        done.discard(id(widget))
        widget.setCurrentIndex(0)
        settle()

    yield from walk("")


class Untranslated:
    """A translator asked before the real ones: notes every string nobody translates (ours and
    Qt's own), so a screen that speaks English is reported with the layout problems.

    PySide's `self.tr` asks for a string under each class of the object's ancestry in turn
    (the dialog's own class, then its base class, then QWidget…): a string counts as missing
    only when no context answered for it."""

    # error strings that image readers and writers keep without showing them (screenshots,
    # pictures of the user guide)
    NOT_SHOWN = ("QImageWriter", "QImageReader", "QTgaFile")

    def __init__(self, app):
        from PySide6.QtCore import QCoreApplication, QTranslator

        real = list(getattr(app, "_isodesk_translators", []))
        self.missing: dict[str, str] = {}
        self.answered: set[str] = set()
        walk = self

        class Recorder(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                if not source or not real or (context or "") in walk.NOT_SHOWN:
                    return None
                if any(t.translate(context, source, disambiguation, n) for t in real):
                    walk.answered.add(source)
                else:
                    walk.missing.setdefault(source, context or "")
                return None

            def isEmpty(self):  # noqa: N802
                return False

        self.recorder = Recorder()
        QCoreApplication.installTranslator(self.recorder)

    def take(self) -> list[tuple[str, str]]:
        found = sorted((context, source) for source, context in self.missing.items()
                       if source not in self.answered)
        self.missing.clear()
        self.answered.clear()
        return found


class Walk:
    """The demo district opened in the main window, walked page by page."""

    def __init__(self, demo_dir: Path, shots: Path | None = None, user: str = "admin", *,
                 words: bool = True):
        from desktop.models import users
        from desktop.models.datafile import open_store
        from desktop.models.db import DB_FILENAME
        from desktop.views.context import ViewContext

        self.store = open_store(Path(demo_dir) / DB_FILENAME)
        self.ctx = ViewContext(self.store, users.find_user(self.store, user), demo=True)
        self.shots = shots
        self.problems: list[Problem] = []
        self.count = 0
        from PySide6.QtWidgets import QApplication

        # in English, the source language, nothing is translated but the plural forms
        self.words = Untranslated(QApplication.instance()) if words else None

    def shot(self, widget, name: str) -> None:
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            safe = name.replace("/", "_").replace(":", "-").strip("_")
            widget.grab().save(str(self.shots / f"{self.count:03d}-{safe}.png"))
        self.count += 1

    def look(self, widget, name: str) -> None:
        settle()
        self.problems += audit(widget, name)
        for context, source in self.words.take() if self.words else []:
            self.problems.append(Problem(name, context, "untranslated", repr(source)))
        self.shot(widget, name)

    def main_window(self, prefix: str = "") -> None:
        from desktop.views.main_window import MainWindow

        window = MainWindow(self.ctx)
        window.show()
        settle()
        size = window.size()
        self.window = window
        for section in window.sections:
            page = window.show_section(section.key)
            settle()
            for state in tab_states(page):
                name = prefix + section.key + state
                if window.size() != size:
                    self.problems.append(Problem(name, "MainWindow", "window resized itself",
                                                 f"{size.width()}×{size.height()} → "
                                                 f"{window.width()}×{window.height()}"))
                    size = window.size()
                self.look(window, name)

    def dialogs(self) -> None:
        from .layout_dialogs import DIALOGS

        for name, factory in DIALOGS.items():
            dialog = factory(self)
            if dialog is None:
                continue
            dialog.show()
            settle()
            self.look(dialog, f"dialog:{name}")
            after = getattr(dialog, "_audit_after", None)
            if after is not None:
                after()
                settle()
                self.look(dialog, f"dialog:{name}:after")
            dialog.close()
            dialog.deleteLater()
            settle()

    def close(self) -> None:
        self.window.close()
        self.store.close(clean=False)


def run(args) -> list[Problem]:
    width, height = (int(v) for v in args.screen.lower().split("x"))
    configure_screen(width, height, args.scale, args.font_dpi)
    os.environ["ISODESK_PDF_FONT"] = "liberation"
    sys.path.insert(0, str(ROOT))
    from desktop.app import install_translators, make_application

    app = make_application(["isodesk"])
    install_translators(app, args.language)
    with tempfile.TemporaryDirectory(prefix="isodesk-layout-") as tmp:
        demo = Path(tmp) / "demo"
        if args.demo:
            shutil.copytree(args.demo, demo)
        else:
            from desktop.demo import create_demo

            create_demo(demo)
        shots = Path(args.shots) if args.shots else None
        walk = Walk(demo, shots, words=args.language != "en")
        walk.main_window()
        if not args.no_dialogs:
            walk.dialogs()
        walk.close()
        problems = walk.problems
        if not args.no_province:   # the province's own pages (its sync side)
            walk = Walk(province_folder(Path(tmp) / "province"), shots,
                        words=args.language != "en")
            walk.main_window("province:")
            walk.close()
            problems += walk.problems
    return problems


def province_folder(folder: Path) -> Path:
    """A province unit with three districts on its list (the demo is a district)."""
    from desktop.models import users
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.unit import UnitProfile, save_profile
    from sync.keys import ensure_unit_keys
    from sync.peers import add_district

    store = open_store(folder / DB_FILENAME, actor="setup")
    with store.atomic():
        save_profile(store, UnitProfile(code="BHXHLG", name="Bảo hiểm xã hội tỉnh Lam Giang",
                                        level="province", place="Lam Giang"))
        users.create_user(store, "admin", "Nguyễn Văn Tỉnh", "admin", "matkhau-tinh")
        ensure_unit_keys(store)
    for code, name in (("BHXHST", "Bảo hiểm xã hội huyện Sông Trà"),
                       ("BHXHDB", "Bảo hiểm xã hội huyện Đồng Bằng"),
                       ("BHXHKV1", "Bảo hiểm xã hội khu vực I")):
        add_district(store, code, name, f"{code.lower()}@example.vn")
    store.close(clean=False)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling (1.25)")
    parser.add_argument("--font-dpi", type=int, default=96, help="text DPI (120 = 125 %% text)")
    parser.add_argument("--language", default="vi")
    parser.add_argument("--demo", help="copy this demo data folder instead of building one")
    parser.add_argument("--shots", help="save a picture of each screen here")
    parser.add_argument("--no-dialogs", action="store_true")
    parser.add_argument("--no-province", action="store_true", help="only the demo district")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    problems = run(args)
    if args.json:
        print(json.dumps([asdict(p) for p in problems], ensure_ascii=False))
    else:
        for p in problems:
            print(p)
        print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)   # PySide6 may crash tearing its objects down at exit; the answer is given
