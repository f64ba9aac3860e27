"""The Help menu: the user guide (Vietnamese, with pictures, shipped in `resources/guide/` and
read offline) and About (version, data folder, what the program is built from and its licences).
"""
from __future__ import annotations

import platform
import sys

from PySide6.QtCore import QUrl, Qt, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget,
    QTextBrowser, QVBoxLayout, QWidget,
)

from desktop import __version__
from desktop.licenses import Component, components
from desktop.paths import resource

from .common import fit_to_screen, tr
from .operation import run_operation
from .tables import Column, ItemsModel, SearchProxy, make_table

GUIDE = ("guide", "vi", "index.html")


def guide_path():
    return resource(*GUIDE)


class GuideWindow(QWidget):
    """The user guide in a window of its own, beside the program (F1)."""

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("user_guide")
        self.setWindowTitle(self.tr("User guide"))
        fit_to_screen(self, 980, 760)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path().parent)])
        back = QPushButton(self.tr("Back"))
        back.setObjectName("guide_back")
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        home = QPushButton(self.tr("Contents"))
        home.setObjectName("guide_home")
        home.clicked.connect(self.browser.home)
        bar.addWidget(back)
        bar.addWidget(home)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        page = guide_path()
        if page.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(page)))
        else:   # a damaged installation: say so, never a blank window
            self.browser.setPlainText(self.tr(
                "The user guide is missing from this installation (%1). Install ISO Desk again.")
                .replace("%1", str(page)))

    def show_part(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)


class LicenceModel(ItemsModel):
    def __init__(self, items: list[Component], parent=None):
        super().__init__([Column(self.tr("Component"), lambda c: c.name),
                          Column(self.tr("Version"), lambda c: c.version),
                          Column(self.tr("Licence"), lambda c: c.licence)], parent)
        self.set_items(items)


class AboutDialog(QDialog):
    """Version, data folder, and the licences of everything the program ships."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About"))
        fit_to_screen(self, 860, 600)
        layout = QVBoxLayout(self)
        tabs = QTabWidget()
        tabs.setObjectName("about_tabs")
        tabs.addTab(self._program_tab(ctx), self.tr("ISO Desk"))
        tabs.addTab(self._licences_tab(), self.tr("Licences"))
        layout.addWidget(tabs, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("about_close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _program_tab(self, ctx) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.data_dir = ctx.store.data_dir
        rows = [
            (self.tr("Version"), __version__),
            (self.tr("Unit"), ctx.profile.name if ctx.profile else "—"),
            (self.tr("Data folder"), str(self.data_dir)),
            (self.tr("Built with"), f"Python {platform.python_version()}, Qt {qVersion()}, "
                                    f"PySide6 {_pyside_version()}"),
            (self.tr("Operating system"), f"{platform.system()} {platform.release()} "
                                f"({platform.machine() or sys.platform})"),
        ]
        html = ("<h2>ISO Desk</h2><p>" + _escape(self.tr(
            "The ISO 9001 quality-system records of a Vietnam Social Security office, kept on "
            "this computer: staff, the ISO team, documents, the conversion plan, audits, "
            "nonconformities, reviews, the yearly report, the awareness test and the working "
            "minutes; packages to the province.")) + "</p><table cellspacing='6'>"
            + "".join(f"<tr><td><b>{_escape(k)}:</b></td><td>{_escape(v)}</td></tr>"
                      for k, v in rows) + "</table>")
        text = QLabel(html)
        text.setObjectName("about_text")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        folder = QPushButton(self.tr("Open the data folder"))
        folder.setObjectName("open_data_folder")
        folder.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.data_dir))))
        row = QHBoxLayout()
        row.addWidget(folder)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _licences_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("ISO Desk is built from these components; each keeps its own "
                              "licence. Choose one to read its licence."))
        note.setWordWrap(True)
        layout.addWidget(note)
        # reading every library's metadata takes about half a second: off the UI thread
        self.model = LicenceModel([], self)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("licences_table", self.proxy, source=self.model, stretch=2,
                                sortable=False)
        self.text = QTextBrowser()
        self.text.setObjectName("licence_text")
        self.text.setOpenExternalLinks(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 220])
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_licence())
        self.text.setPlainText(self.tr("Reading the list of components…"))
        qt_version = qVersion()
        run_operation(self, lambda _job: components(qt_version), self._licences_read)
        return page

    def _licences_read(self, items: list[Component]) -> None:
        self.model.set_items(items)
        self.table.selectRow(0)

    def _show_licence(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        c: Component = self.proxy.object_at(rows[0].row())
        head = f"<h3>{_escape(c.name)} {_escape(c.version)}</h3><p>{_escape(c.licence)}"
        if c.licence_url:
            head += f" — <a href='{c.licence_url}'>{_escape(c.licence_url)}</a>"
        if c.url and c.url != c.licence_url:
            head += f"<br><a href='{c.url}'>{_escape(c.url)}</a>"
        body = c.licence_text() or self.tr("The licence text is at the address above.")
        self.text.setHtml(head + "</p><pre style='white-space: pre-wrap'>" + _escape(body)
                          + "</pre>")


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


def install_help_menu(window, ctx) -> None:
    """Help ▸ User guide (F1), About ISO Desk — on the main window's menu bar."""
    menu = window.menuBar().addMenu(tr("&Help"))
    guide = QAction(tr("User guide"), window)
    guide.setObjectName("help_guide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: open_guide(window))
    menu.addAction(guide)
    about = QAction(tr("About ISO Desk"), window)
    about.setObjectName("help_about")
    about.triggered.connect(lambda: open_about(window, ctx))
    menu.addAction(about)
    window.addAction(guide)


def open_guide(window, anchor: str = "") -> GuideWindow:
    guide = getattr(window, "_guide_window", None)
    if guide is None:
        guide = GuideWindow(window)
        window._guide_window = guide
    guide.show()
    guide.raise_()
    if anchor:
        guide.show_part(anchor)
    return guide


def open_about(window, ctx) -> AboutDialog:
    dialog = AboutDialog(ctx, window)
    window._about_dialog = dialog
    dialog.open()
    return dialog
