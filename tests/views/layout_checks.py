"""What the layout audit looks for on one window (see `layout_audit`): text cut, rows squeezed,
horizontal scroll bars, tables too narrow or too short, overlapping widgets, a window larger than
the screen or naming the program in its title. Each check returns `Problem`s."""
from __future__ import annotations

import re
from dataclasses import dataclass

@dataclass
class Problem:
    where: str      # the screen: "training/bank", "dialog:sign"
    widget: str     # objectName or class, with the path of parents
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.where}] {self.kind}: {self.widget} — {self.detail}"


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
        elif re.search(r"(^|[^&])&\w", text) and not _is_rich(label):
            problems.append(Problem(where, _name(label), "stray &",
                                    f"a shortcut mark with no field to go to: {text!r}"))
        need = _text_width(label, text, _is_rich(label))
        if need > room_w + 1:
            problems.append(Problem(where, _name(label), "text cut",
                                    f"needs {need} px wide, has {room_w}: "
                                    f"{_plain(label.text())[:60]!r}"))
    return problems


def _plain(text: str) -> str:
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
        if area.property("scrolls_sideways"):   # a wide table of figures, by design
            continue
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
