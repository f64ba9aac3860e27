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
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TASKBAR = 40   # Windows' task bar takes this much of the screen's height (at 100 %)
# PySide6 6.12 on Python 3.11 drops a reference to None each time a call returns None
# (widget.layout() of a widget without one, label.buddy(), index.data() of an empty role…); the
# walk makes hundreds of thousands of such calls, and None must not run out of references.
_NONE_RESERVE = [None] * 4_000_000


@dataclass
class Problem:
    where: str      # the screen: "training/bank", "dialog:sign"
    widget: str     # objectName or class, with the path of parents
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.where}] {self.kind}: {self.widget} — {self.detail}"


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


# --- the checks ---------------------------------------------------------------------------------

def _name(widget) -> str:
    parts = []
    w = widget
    while w is not None and len(parts) < 4:
        parts.append(w.objectName() or type(w).__name__)
        if w.isWindow():
            break
        w = w.parentWidget()
    return "/".join(reversed(parts))


def _text_width(widget, text: str, rich: bool) -> int:
    from PySide6.QtGui import QTextDocument

    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(widget.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        return int(doc.idealWidth() + 0.999)
    fm = widget.fontMetrics()
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _is_rich(label) -> bool:
    from PySide6.QtGui import Qt

    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    if fmt == Qt.TextFormat.PlainText:
        return False
    return Qt.mightBeRichText(label.text())


def _visible(widget, window) -> bool:
    if not widget.isVisibleTo(window) or widget.width() <= 0 or widget.height() <= 0:
        return False
    return True


def check_labels(window, where: str) -> list[Problem]:
    from PySide6.QtWidgets import QLabel

    problems = []
    for label in window.findChildren(QLabel):
        if not _visible(label, window) or not label.text() or label.pixmap() and not \
                label.pixmap().isNull():
            continue
        if label.objectName() == "empty_hint" or type(label).__name__ == "ElidedLabel":
            continue
        room = label.contentsRect()
        margin = label.margin()
        room_w = room.width() - 2 * margin - max(label.indent(), 0)
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 2:
                problems.append(Problem(where, _name(label), "wrapped text cut",
                                        f"needs {need} px high, has {label.height()}: "
                                        f"{label.text()[:60]!r}"))
            continue
        text = label.text()
        if label.buddy() is not None:   # "&Tên" is shown "Tên", underlined
            text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        need = _text_width(label, text, _is_rich(label))
        if need > room_w + 1:
            problems.append(Problem(where, _name(label), "text cut",
                                    f"needs {need} px wide, has {room_w}: "
                                    f"{_plain(label.text())[:60]!r}"))
    return problems


def _plain(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text)


def check_buttons(window, where: str) -> list[Problem]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton, QComboBox, QGroupBox, QStyle, QStyleOptionComboBox, QToolButton,
    )

    problems = []
    for button in window.findChildren(QAbstractButton):
        if not _visible(button, window) or not button.text():
            continue
        if isinstance(button, QToolButton) and \
                button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            continue
        need = button.sizeHint().width()
        if button.width() + 1 < need:
            problems.append(Problem(where, _name(button), "button text cut",
                                    f"needs {need} px, has {button.width()}: "
                                    f"{button.text()[:50]!r}"))
    for combo in window.findChildren(QComboBox):
        if not _visible(combo, window) or combo.isEditable() or not combo.currentText():
            continue
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt) if hasattr(combo, "initStyleOption") else None
        opt.rect = combo.rect()
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if not combo.itemIcon(combo.currentIndex()).isNull():
            need += combo.iconSize().width() + 4
        if need > field.width() + 1:
            problems.append(Problem(where, _name(combo), "choice cut",
                                    f"needs {need} px, has {field.width()}: "
                                    f"{combo.currentText()[:50]!r}"))
    for box in window.findChildren(QGroupBox):
        if not _visible(box, window) or not box.title():
            continue
        need = box.fontMetrics().horizontalAdvance(box.title()) + 16
        if box.isCheckable():
            need += 20
        if need > box.width():
            problems.append(Problem(where, _name(box), "group title cut",
                                    f"needs {need} px, has {box.width()}: {box.title()!r}"))
    return problems


def check_tabs(window, where: str) -> list[Problem]:
    from PySide6.QtWidgets import QTabBar

    problems = []
    for bar in window.findChildren(QTabBar):
        if not _visible(bar, window):
            continue
        for i in range(bar.count()):
            if not bar.isTabVisible(i):
                continue
            need, has = bar.tabSizeHint(i).width(), bar.tabRect(i).width()
            if has + 1 < need:
                problems.append(Problem(where, _name(bar), "tab title cut",
                                        f"needs {need} px, has {has}: {bar.tabText(i)!r}"))
        total = sum(bar.tabSizeHint(i).width() for i in range(bar.count()) if bar.isTabVisible(i))
        if total > bar.width() + 1:
            problems.append(Problem(where, _name(bar), "tabs scroll",
                                    f"the tabs need {total} px, the bar has {bar.width()}"))
    return problems


MIN_CELL_CHARS = 10  # a cell shows at least this many characters (all of a shorter text:
                     # a date, a code); a longer text cut shorter says nothing useful
MIN_ROWS = 5         # a table with more rows than this shows at least this many


def check_views(window, where: str) -> list[Problem]:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTableView

    problems = []
    for area in window.findChildren(QAbstractScrollArea):
        if not _visible(area, window):
            continue
        bar = area.horizontalScrollBar()
        if bar.isVisible() and bar.maximum() > 0:
            problems.append(Problem(where, _name(area), "horizontal scroll bar",
                                    f"content {bar.maximum()} px wider than "
                                    f"{area.viewport().width()}"))
    for header in window.findChildren(QHeaderView):
        if not _visible(header, window) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        if model is None:
            continue
        style = header.style()
        margin = style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, header)
        fm = header.fontMetrics()
        wraps = bool(header.defaultAlignment().value & Qt.TextFlag.TextWordWrap.value)
        for logical in range(header.count()):
            if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
                continue
            text = model.headerData(logical, Qt.Orientation.Horizontal)
            if not text:
                continue
            text = str(text)
            chrome = 2 * margin
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
                chrome += style.pixelMetric(style.PixelMetric.PM_HeaderMarkSize, None, header)
            room = header.sectionSize(logical) - chrome
            if wraps:
                longest = max(fm.horizontalAdvance(word) for word in text.split() or [""])
                height = fm.boundingRect(QRect(0, 0, max(room, 1), 10_000),
                                         Qt.TextFlag.TextWordWrap, text).height()
                cut = longest > room + 1 or height > header.height() - 2
            else:
                cut = max(fm.horizontalAdvance(line) for line in text.split("\n")) > room + 1
            if cut:
                problems.append(Problem(where, _name(header), "column title cut",
                                        f"{header.sectionSize(logical)} px wide, "
                                        f"{header.height()} px high: {text!r}"))
    for view in window.findChildren(QTableView):
        if not _visible(view, window) or view.model() is None:
            continue
        problems += _check_cells(view, where)
        rows = view.model().rowCount()
        row_height = max(view.verticalHeader().defaultSectionSize(), 1)
        fits = view.viewport().height() // row_height
        if rows > fits and fits < MIN_ROWS:
            problems.append(Problem(where, _name(view), "table too short",
                                    f"shows {fits} of {rows} rows"))
    return problems


def _check_cells(view, where: str) -> list[Problem]:
    from PySide6.QtCore import Qt

    problems = []
    model = view.model()
    fm = view.fontMetrics()
    header = view.horizontalHeader()
    rows = min(model.rowCount(), 40)
    seen = set()
    style = view.style()
    margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    for column in range(model.columnCount()):
        if view.isColumnHidden(column) or column in seen:
            continue
        width = view.columnWidth(column) - margin
        if width <= 0:
            continue
        for row in range(rows):
            if view.isRowHidden(row):
                continue
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if value is None:
                continue
            text = str(value).split("\n")[0]
            if not text or view.wordWrap() and view.rowHeight(row) > fm.height() * 1.8:
                continue
            if fm.horizontalAdvance(text) <= width:
                continue
            shown = len(fm.elidedText(text, view.textElideMode(), width).rstrip("…"))
            if shown < min(len(text), MIN_CELL_CHARS):
                title = model.headerData(column, Qt.Orientation.Horizontal)
                problems.append(Problem(where, _name(view), "cell cut",
                                        f"column {title!r} ({view.columnWidth(column)} px) shows "
                                        f"{shown} characters of {text[:40]!r}"))
                seen.add(column)
                break
    del header
    return problems


def check_overlaps(window, where: str) -> list[Problem]:
    from PySide6.QtWidgets import QWidget

    problems = []
    for parent in [window, *window.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not _visible(parent, window) and parent is not window:
            continue
        items = []
        _layout_widgets(layout, items)
        items = [w for w in items if w.isVisibleTo(window) and w.width() > 0 and w.height() > 0]
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                inter = a.geometry().intersected(b.geometry())
                if inter.width() > 2 and inter.height() > 2:
                    problems.append(Problem(where, _name(a), "overlap",
                                            f"overlaps {_name(b)} by {inter.width()}×"
                                            f"{inter.height()} px"))
    return problems


def _layout_widgets(layout, out: list) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            out.append(item.widget())
        elif item.layout() is not None:
            _layout_widgets(item.layout(), out)


def check_window(window, where: str) -> list[Problem]:
    from PySide6.QtGui import QGuiApplication

    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    problems = []
    name = QGuiApplication.applicationDisplayName()
    if name and name in window.windowTitle():   # Qt adds it: it would show twice
        problems.append(Problem(where, _name(window), "program name in the title",
                                repr(window.windowTitle())))
    # one pixel of rounding when Qt scales (125 %)
    if frame.width() > screen.width() + 1 or frame.height() > screen.height() + 1:
        problems.append(Problem(where, _name(window), "window larger than the screen",
                                f"{frame.width()}×{frame.height()} on a free area of "
                                f"{screen.width()}×{screen.height()}"))
    return problems


def audit(window, where: str) -> list[Problem]:
    return (check_window(window, where) + check_labels(window, where)
            + check_buttons(window, where) + check_tabs(window, where)
            + check_views(window, where) + check_overlaps(window, where))


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
        from desktop.models.db import DB_FILENAME, open_store
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

    def main_window(self) -> None:
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
                name = section.key + state
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
        walk = Walk(demo, Path(args.shots) if args.shots else None,
                    words=args.language != "en")
        walk.main_window()
        if not args.no_dialogs:
            walk.dialogs()
        walk.close()
    return walk.problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling (1.25)")
    parser.add_argument("--font-dpi", type=int, default=96, help="text DPI (120 = 125 %% text)")
    parser.add_argument("--language", default="vi")
    parser.add_argument("--demo", help="copy this demo data folder instead of building one")
    parser.add_argument("--shots", help="save a picture of each screen here")
    parser.add_argument("--no-dialogs", action="store_true")
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
