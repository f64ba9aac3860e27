"""A timeline of the conversion plan, painted by hand: one row per milestone, a diamond at its due
date, a dot when it was done, a red bar from the due date to today for what is overdue, and a line
for today."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.models.iso.plan import PlanItem

from .common import date_text
from .labels import label

COLOURS = {"done": QColor("#1e7b34"), "in_progress": QColor("#1f5fa8"),
           "pending": QColor("#8a8a8a"), "overdue": QColor("#c62828"),
           "today": QColor("#e07b00")}


def _months_between(a: _dt.date, b: _dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


class PlanTimeline(QWidget):
    item_activated = Signal(str)     # a milestone's id: open it
    current_changed = Signal(str)    # a milestone's id: it was selected here

    ROW_H = 28
    TOP = 44
    LABEL_W = 330

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("plan_timeline")
        self.items: list[PlanItem] = []
        self.today = _dt.date.today()
        self.current = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(self.TOP + 3 * self.ROW_H)

    def set_items(self, items: list[PlanItem], today: _dt.date | None = None) -> None:
        self.items = list(items)
        self.today = today or _dt.date.today()
        self.current = min(self.current, len(self.items) - 1)
        self.updateGeometry()
        self.update()

    def select_id(self, item_id: str) -> None:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                self.current = i
                self.update()
                return

    def sizeHint(self) -> QSize:
        return QSize(900, self.TOP + max(3, len(self.items)) * self.ROW_H + 12)

    # --- geometry -----------------------------------------------------------------------------

    def date_range(self) -> tuple[_dt.date, _dt.date]:
        days = [_dt.date.fromisoformat(i.due_on) for i in self.items]
        days += [_dt.date.fromisoformat(i.completed_on) for i in self.items if i.completed_on]
        days.append(self.today)
        start, end = min(days), max(days)
        start = _dt.date(start.year, start.month, 1)
        end = (_dt.date(end.year + (end.month == 12), end.month % 12 + 1, 1))
        return start, end

    def x_for(self, day: _dt.date) -> float:
        start, end = self.date_range()
        span = max(1, (end - start).days)
        width = max(10, self.width() - self.LABEL_W - 16)
        return self.LABEL_W + (day - start).days / span * width

    def row_at(self, y: float) -> int:
        row = int((y - self.TOP) // self.ROW_H)
        return row if 0 <= row < len(self.items) else -1

    def status_key(self, item: PlanItem) -> str:
        return "overdue" if item.overdue(self.today) else item.status

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.items:
            p.setPen(QColor("#666666"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No milestones yet: load the starting plan or add milestones."))
            return
        self._paint_axis(p)
        for row, item in enumerate(self.items):
            self._paint_row(p, row, item)
        self._paint_today(p)
        self._paint_legend(p)

    def _paint_axis(self, p: QPainter) -> None:
        start, end = self.date_range()
        months = _months_between(start, end)
        step = 1 if months <= 14 else 3 if months <= 40 else 12
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        p.setFont(small)
        grid = QPen(QColor("#e3e7ee"))
        bottom = self.TOP + len(self.items) * self.ROW_H
        day = start
        while day <= end:
            if (day.month - 1) % step == 0:
                x = self.x_for(day)
                p.setPen(grid)
                p.drawLine(QPointF(x, self.TOP - 4), QPointF(x, bottom))
                p.setPen(QColor("#555555"))
                text = str(day.year) if step == 12 else f"{day.month:02d}/{day.year}"
                p.drawText(QPointF(x + 3, self.TOP - 8), text)
            day = _dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        p.setFont(self.font())

    def _paint_row(self, p: QPainter, row: int, item: PlanItem) -> None:
        y = self.TOP + row * self.ROW_H
        mid = y + self.ROW_H / 2
        if row == self.current:
            p.fillRect(QRectF(0, y, self.width(), self.ROW_H), QColor("#dbe8f7"))
        elif row % 2:
            p.fillRect(QRectF(0, y, self.width(), self.ROW_H), QColor("#f7f9fc"))
        key = self.status_key(item)
        colour = COLOURS[key]
        metrics = QFontMetrics(self.font())
        text = metrics.elidedText(f"{item.seq}. {item.title}", Qt.TextElideMode.ElideRight,
                                  self.LABEL_W - 12)
        p.setPen(COLOURS["overdue"] if key == "overdue" else QColor("#222222"))
        p.drawText(QRectF(6, y, self.LABEL_W - 8, self.ROW_H),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        due_x = self.x_for(_dt.date.fromisoformat(item.due_on))
        if key == "overdue":
            today_x = self.x_for(self.today)
            p.fillRect(QRectF(due_x, mid - 4, max(0.0, today_x - due_x), 8),
                       QColor(198, 40, 40, 90))
        if item.status == "done" and item.completed_on:
            done_x = self.x_for(_dt.date.fromisoformat(item.completed_on))
            if item.done_late():
                p.setPen(QPen(QColor("#e07b00"), 2))
                p.drawLine(QPointF(due_x, mid), QPointF(done_x, mid))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(COLOURS["done"]))
            p.drawEllipse(QPointF(done_x, mid), 6, 6)
        diamond = QPainterPath()
        diamond.moveTo(due_x, mid - 7)
        diamond.lineTo(due_x + 7, mid)
        diamond.lineTo(due_x, mid + 7)
        diamond.lineTo(due_x - 7, mid)
        diamond.closeSubpath()
        p.setPen(QPen(colour.darker(130), 1))
        p.setBrush(QBrush(colour if item.status != "done" else QColor("white")))
        p.drawPath(diamond)

    def _paint_today(self, p: QPainter) -> None:
        x = self.x_for(self.today)
        bottom = self.TOP + len(self.items) * self.ROW_H
        pen = QPen(COLOURS["today"], 2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, self.TOP - 2), QPointF(x, bottom))
        p.setPen(COLOURS["today"])
        text = self.tr("Today")
        w = QFontMetrics(self.font()).horizontalAdvance(text)
        p.drawText(QPointF(min(x - w / 2, self.width() - w - 4), bottom + 14), text)

    def _paint_legend(self, p: QPainter) -> None:
        x = 6
        y = 14
        for key, text in (("pending", label("plan_status", "pending")),
                          ("in_progress", label("plan_status", "in_progress")),
                          ("done", label("plan_status", "done")),
                          ("overdue", self.tr("Overdue"))):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(COLOURS[key]))
            p.drawEllipse(QPointF(x + 5, y - 4), 5, 5)
            p.setPen(QColor("#333333"))
            p.drawText(QPointF(x + 14, y), text)
            x += 22 + QFontMetrics(self.font()).horizontalAdvance(text)

    # --- interaction --------------------------------------------------------------------------

    def _select(self, row: int) -> None:
        if row < 0:
            return
        self.current = row
        self.update()
        self.current_changed.emit(self.items[row].id)

    def mousePressEvent(self, event) -> None:
        self._select(self.row_at(event.position().y()))
        self.setFocus()

    def mouseDoubleClickEvent(self, event) -> None:
        row = self.row_at(event.position().y())
        if row >= 0:
            self.item_activated.emit(self.items[row].id)

    def mouseMoveEvent(self, event) -> None:
        row = self.row_at(event.position().y())
        if row < 0:
            QToolTip.hideText()
            return
        item = self.items[row]
        lines = [f"{item.seq}. {item.title}",
                 self.tr("Due: %1").replace("%1", date_text(item.due_on)),
                 self.tr("Status: %1").replace("%1", label("plan_status", item.status))]
        if item.completed_on:
            lines.append(self.tr("Done on: %1").replace("%1", date_text(item.completed_on)))
        if item.overdue(self.today):
            lines.append(self.tr("Overdue by %n day(s)", "",
                                 (self.today - _dt.date.fromisoformat(item.due_on)).days))
        QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down and self.items:
            self._select(min(len(self.items) - 1, self.current + 1))
        elif key == Qt.Key.Key_Up and self.items:
            self._select(max(0, self.current - 1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current >= 0:
            self.item_activated.emit(self.items[self.current].id)
        else:
            super().keyPressEvent(event)
