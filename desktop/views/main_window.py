"""The main window: side navigation, the pages, and the status bar."""
from __future__ import annotations


from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QStyle,
    QWidget,
)

from .common import fit_to_screen, role_text
from .context import ViewContext
from .help_view import install_help_menu
from .placeholder import PlaceholderPage
from .section_pages import PAGES
from .sections import SECTIONS, Section


NAV_WIDTH = 210
COMPACT_BELOW = 1150   # a window narrower than this (1366×768 at 125 %) shows the icons only


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.wants_logout = False
        self.wants_rebuild = False
        self._pages: dict[str, QWidget] = {}
        profile = ctx.profile
        # the unit's name; Qt adds the program's name ("… — ISO Desk") to every window title
        title = profile.name if profile else ""
        if ctx.demo:
            title = (title + self.tr(" (demo data)")).strip()
        self.setWindowTitle(title)
        if fit_to_screen(self, 1200, 760):
            # a small laptop screen (1366×768, or larger text): every pixel for the pages
            self.setWindowState(Qt.WindowState.WindowMaximized)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.compact_nav = False
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setStyleSheet(
            "QListWidget { background: #f2f5f9; border: none; border-right: 1px solid #d0d7e2;"
            " font-size: 11pt; } QListWidget::item { padding: 10px 8px; }"
            " QListWidget::item:selected { background: #1f5fa8; color: white; }")
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.sections: list[Section] = [s for s in SECTIONS
                                        if s.permission is None or ctx.can(s.permission)]
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, section.title)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit
        # The icons come right after the window is on screen: on Linux each one is looked up in
        # the desktop's icon theme (some 20 ms of work apiece), which the window need not wait for
        # (nor the sign-in, which makes this window before showing it: see showEvent).
        self._icons_set = False
        self.nav.currentRowChanged.connect(self._show_row)
        ctx.navigate.connect(self.show_section)
        ctx.language_changed.connect(self._rebuild_for_language)

        user = ctx.user
        who = f"{user.full_name} ({role_text(user.role)})" if user else ""
        self.user_label = QLabel(who)
        self.statusBar().addPermanentWidget(self.user_label)
        if ctx.demo:
            demo = QLabel(self.tr("Demo data: a fictional province") if profile
                          and profile.is_province else self.tr("Demo data: a fictional district"))
            demo.setStyleSheet("color: #a15c00; font-weight: bold;")
            self.statusBar().addWidget(demo)

        logout = QAction(self.tr("Sign out"), self)
        logout.setShortcut(QKeySequence("Ctrl+L"))
        logout.triggered.connect(self.sign_out)
        self.addAction(logout)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(logout)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        install_help_menu(self, ctx)
        self.nav.setCurrentRow(0)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._icons_set:
            self._icons_set = True
            QTimer.singleShot(0, self, self._set_icons)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._set_compact_nav(self.width() < COMPACT_BELOW)

    def _set_compact_nav(self, compact: bool) -> None:
        """On a narrow window (a small screen at 125 %) the navigation shows its icons only,
        each with its title as a tooltip, and leaves the pages 150 pixels more."""
        if compact == self.compact_nav:
            return
        self.compact_nav = compact
        for row, section in enumerate(self.sections):
            item = self.nav.item(row)
            item.setText("" if compact else section.title)
            item.setToolTip(section.title if compact else "")
        icon = self.nav.iconSize().width()
        self.nav.setFixedWidth(icon + 34 if compact else NAV_WIDTH)

    def _set_icons(self) -> None:
        for row, section in enumerate(self.sections):
            item = self.nav.item(row)
            if item is not None:
                item.setIcon(self.style().standardIcon(
                    getattr(QStyle.StandardPixmap, section.icon)))

    def _build_page(self, section: Section) -> QWidget:
        load = PAGES.get(section.key)
        if load is None:
            return PlaceholderPage(section.title)
        return load()(self.ctx, self)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        section = self.sections[row]
        page = self._pages.get(section.key)
        if page is None:
            page = self._build_page(section)
            page.setObjectName(f"page_{section.key}")
            old = self.stack.widget(row)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(row, page)
            self._pages[section.key] = page
        self.stack.setCurrentIndex(row)
        self.ctx.announce_changes()   # what was changed and not yet announced, as it shows
        if hasattr(page, "on_shown"):
            page.on_shown()

    def show_section(self, key: str) -> QWidget:
        """Show a section by key; "records/nc" also asks the page to show its part "nc" (pages
        that have parts implement `show_part(name)`)."""
        key, _, part = key.partition("/")
        for row, section in enumerate(self.sections):
            if section.key == key:
                self.nav.setCurrentRow(row)
                page = self._pages[key]
                if part and hasattr(page, "show_part"):
                    page.show_part(part)
                return page
        raise KeyError(key)

    def page(self, key: str) -> QWidget:
        return self.show_section(key)

    def _rebuild_for_language(self, _language: str) -> None:
        self.wants_rebuild = True
        self.close()

    def sign_out(self) -> None:
        self.wants_logout = True
        self.close()
