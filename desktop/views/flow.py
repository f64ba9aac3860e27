"""A row of buttons that wraps onto a second line when the window is narrow.

A long QHBoxLayout of buttons makes its page as wide as all the buttons together: on a small
laptop screen (1366×768, or 125 % text) the main window then grows past the screen when the page
opens. `FlowLayout` lays its widgets out left to right and starts a new line when the next one
does not fit, so its minimum width is that of its widest widget.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Widgets left to right, wrapping; `add_stretch()` pushes the widgets after it to the right
    end of their line (as `QHBoxLayout.addStretch` does in a single row; one such point)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._breaks: set[int] = set()    # indexes of items that begin the right-hand group
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # QLayout's interface

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        self._breaks = {b - 1 if b > index else b for b in self._breaks if b != index}
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One line of everything: what the row asks for when there is room."""
        width = height = 0
        visible = [i for i in self._items if not i.isEmpty()]
        for item in visible:
            hint = item.sizeHint()
            width += hint.width()
            height = max(height, hint.height())
        width += self._gap(Qt.Orientation.Horizontal) * max(0, len(visible) - 1)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # Building

    def add_stretch(self) -> None:
        """The widgets added after this go to the right end of the (last) line."""
        self._breaks.add(len(self._items))

    def addStretch(self, _factor: int = 1) -> None:  # noqa: N802 - QHBoxLayout's name
        self.add_stretch()

    def addSpacing(self, _size: int) -> None:  # noqa: N802 - QHBoxLayout's name
        """A wrapping row keeps the usual gap between its widgets, groups included."""

    def addLayout(self, layout: QLayout) -> None:  # noqa: N802
        holder = QWidget()
        holder.setLayout(layout)
        layout.setContentsMargins(0, 0, 0, 0)
        self.addWidget(holder)

    # Laying out

    def _gap(self, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (QStyle.PixelMetric.PM_LayoutHorizontalSpacing
                  if orientation == Qt.Orientation.Horizontal
                  else QStyle.PixelMetric.PM_LayoutVerticalSpacing)
        gap = parent.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        hgap, vgap = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        lines: list[list[tuple[int, QLayoutItem]]] = [[]]
        x = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            width = min(item.sizeHint().width(), area.width()) if area.width() > 0 else \
                item.sizeHint().width()
            if lines[-1] and x + width > area.width():
                lines.append([])
                x = 0
            lines[-1].append((index, item))
            x += width + hgap
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(self._height(item, area.width()) for _i, item in line)
            if apply:
                self._place_line(line, area, y, height, hgap)
            y += height + vgap
        return y - vgap - rect.y() + m.bottom() if any(lines) else m.top() + m.bottom()

    def _place_line(self, line, area: QRect, y: int, height: int, hgap: int) -> None:
        first_right = min(self._breaks) if self._breaks else None
        split = next((pos for pos, (index, _item) in enumerate(line)
                      if first_right is not None and index >= first_right), len(line))
        x = area.x()
        for _index, item in line[:split]:
            x = self._place(item, x, y, height, area) + hgap
        right = line[split:]
        if right:
            total = sum(min(i.sizeHint().width(), area.width()) for _k, i in right) \
                + hgap * (len(right) - 1)
            x = max(x, area.right() + 1 - total)
            for _index, item in right:
                x = self._place(item, x, y, height, area) + hgap

    @staticmethod
    def _height(item: QLayoutItem, room: int) -> int:
        """A word-wrapped label cut to the line's width gets the height of its wrapped text."""
        width = min(item.sizeHint().width(), room) if room > 0 else item.sizeHint().width()
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return item.sizeHint().height()

    @classmethod
    def _place(cls, item: QLayoutItem, x: int, y: int, height: int, area: QRect) -> int:
        hint = item.sizeHint()
        width = min(hint.width(), area.width())
        policy = item.widget().sizePolicy() if item.widget() is not None else None
        h = height if policy is not None and policy.verticalPolicy() != \
            QSizePolicy.Policy.Fixed else cls._height(item, area.width())
        item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(width, h)))
        return x + width
