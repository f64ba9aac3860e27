"""The pieces of the overview: a figure card (a big number that opens the list behind it), the two
charts (QtCharts), and the list dialog a figure opens."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QPieSeries, QStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout,
)

from desktop.views.common import fit_to_screen
from desktop.views.tables import Column, ItemsModel, SearchProxy, make_table

TONES = {"ok": "#1e7b34", "warn": "#c77700", "bad": "#c62828", "neutral": "#1f5fa8",
         "muted": "#6b7280"}


class FigureCard(QFrame):
    """A big number with a caption and a detail line; click (or Enter) opens what is behind it.
    The detail line may be a link of its own (e.g. "2 overdue" opens only the overdue ones)."""

    activated = Signal()
    detail_activated = Signal()

    def __init__(self, key: str, title: str, parent=None, *, clickable: bool = True):
        super().__init__(parent)
        self.key = key
        self.clickable = clickable
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # about 24 characters of the caption: four cards side by side on a 1366-pixel screen
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 24 + 38, 140)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel(title)
        self.title.setObjectName(f"card_{key}_title")
        self.title.setStyleSheet("color: #4b5563; font-size: 11pt; font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.value = QLabel()
        self.value.setObjectName(f"card_{key}_value")
        font = QFont(self.font())
        font.setPointSize(30)
        font.setBold(True)
        self.value.setFont(font)
        layout.addWidget(self.value)
        self.caption = QLabel()
        self.caption.setObjectName(f"card_{key}_caption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #374151; font-size: 10.5pt;")
        layout.addWidget(self.caption)
        self.detail = QLabel()
        self.detail.setObjectName(f"card_{key}_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.linkActivated.connect(lambda _link: self.detail_activated.emit())
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.tone = "neutral"
        self._restyle()

    def set_values(self, value: str, caption: str, *, tone: str = "neutral",
                   detail: str = "", detail_tone: str = "muted", detail_link: bool = False
                   ) -> None:
        self.value.setText(value)
        self._fit_value()
        self.caption.setText(caption)
        colour = TONES.get(detail_tone, TONES["muted"])
        if detail and detail_link:
            self.detail.setText(f"<a href='#' style='color:{colour}; font-weight:bold'>"
                                f"{detail}</a>")
        elif detail:
            self.detail.setText(f"<span style='color:{colour}; font-weight:bold'>{detail}</span>")
        else:
            self.detail.clear()
        self.detail.setVisible(bool(detail))
        self.tone = tone
        self._restyle()
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for its title and caption wrapped at the card's narrowest: the layouts
        around it count minimum heights, which leave wrapped text out."""
        layout = self.layout()
        layout.activate()
        self.setMinimumHeight(max(140, layout.totalHeightForWidth(self.minimumWidth())))

    def _fit_value(self) -> None:
        """The big figure in the largest size (up to 30 pt) that fits the card's narrowest
        width: a date such as 28/10/2026 is shown whole, smaller."""
        margins = self.layout().contentsMargins()
        room = self.minimumWidth() - margins.left() - margins.right() - 8
        font = QFont(self.value.font())
        for size in (30, 26, 22, 18, 16, 14):
            font.setPointSize(size)
            if QFontMetrics(font).horizontalAdvance(self.value.text()) <= room:
                break
        self.value.setFont(font)

    def _restyle(self) -> None:
        colour = TONES.get(self.tone, TONES["neutral"])
        self.value.setStyleSheet(f"color: {colour};")
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: white; border: 1px solid #d8dee8; "
            f"border-left: 6px solid {colour}; border-radius: 6px; }}"
            f"QFrame#{self.objectName()}:focus {{ border: 2px solid #1f5fa8; "
            f"border-left: 6px solid {colour}; }}")

    def mousePressEvent(self, event) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                              Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = chart.titleFont()
    font.setPointSize(11)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(6, 6, 6, 6))
    return chart


class _EmptyNote(QLabel):
    """A line over a chart that has nothing to show yet, saying so (instead of an empty ring or
    bars of nothing)."""

    def __init__(self, view: QChartView, name: str):
        super().__init__(view)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: #4b5563; font-size: 10.5pt; background: white;")
        self.hide()

    def place(self) -> None:
        view = self.parentWidget()
        self.setGeometry(8, 40, max(0, view.width() - 16), max(0, view.height() - 48))


class TrainingChart(QChartView):
    """Active staff: passed / tested but not passed / not tested yet. A slice opens the list.

    The three slices are made once and only their values change: a refresh never deletes a
    slice (a refresh may come while a slice is still delivering its click)."""

    slice_clicked = Signal(str)
    KEYS = ("passed", "failed", "untested")
    COLOURS = {"passed": "#1e7b34", "failed": "#c77700", "untested": "#9ca3af"}

    def __init__(self, title: str, labels: dict[str, str], parent=None, *,
                 empty_text: str = ""):
        super().__init__(parent)
        self.setObjectName("chart_training")
        self.labels = labels
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setMaximumHeight(320)
        self.setChart(_chart(title))
        self.series = QPieSeries()
        self.series.setHoleSize(0.5)
        self.slices = {}
        for key in self.KEYS:
            piece = self.series.append(self.labels[key], 0)
            piece.setColor(QColor(self.COLOURS[key]))
            piece.setLabelVisible(False)
            piece.clicked.connect(lambda k=key: self.slice_clicked.emit(k))
            self.slices[key] = piece
        self.chart().addSeries(self.series)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart().legend().setShowToolTips(True)
        self.empty = _EmptyNote(self, "chart_training_empty")
        self.empty.setText(empty_text)

    def set_counts(self, counts: dict[str, int]) -> None:
        for key, piece in self.slices.items():
            n = counts.get(key, 0)
            piece.setValue(n)
            piece.setLabel(f"{self.labels[key]}: {n}")
        nothing = not any(counts.get(key, 0) for key in self.KEYS)
        self.chart().legend().setVisible(not nothing)
        self.empty.setVisible(nothing and bool(self.empty.text()))
        self.empty.place()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.empty.place()


def axis_steps(top: int) -> tuple[int, int]:
    """(upper end, step) of a count axis: whole numbers only, at most about five steps, so that
    a top of 1 reads 0, 1 and not 0, 0, 0, 1."""
    top = max(0, int(top))
    step = 1
    while top > step * 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top <= step * 5:
                break
    upper = max(step, -(-top // step) * step)
    return upper, step


class DocumentsChart(QChartView):
    """Documents by state as bars, one colour per state; a bar opens the list of that state.

    The bars are made once and only their values change (see `TrainingChart`)."""

    bar_clicked = Signal(str)
    COLOURS = {"draft": "#c77700", "approved": "#1f5fa8", "in_force": "#1e7b34",
               "obsolete": "#9ca3af"}

    def __init__(self, title: str, states: list[tuple[str, str]], parent=None, *,
                 empty_text: str = ""):
        super().__init__(parent)
        self.setObjectName("chart_documents")
        self.states = states
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setMaximumHeight(320)
        chart = _chart(title)
        self.setChart(chart)
        chart.legend().hide()
        series = QStackedBarSeries()
        self.sets: list[QBarSet] = []
        for i, (code, text) in enumerate(self.states):
            bar = QBarSet(text)
            bar.setColor(QColor(self.COLOURS.get(code, "#1f5fa8")))
            bar.setLabelColor(QColor("white"))
            bar.append([0] * len(self.states))
            bar.clicked.connect(lambda _index, c=code: self.bar_clicked.emit(c))
            series.append(bar)
            self.sets.append(bar)
        series.setLabelsVisible(False)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([text for _, text in self.states])
        font = axis_x.labelsFont()
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))
        axis_x.setLabelsFont(font)
        axis_x.setTruncateLabels(False)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        self.axis_y.setTickAnchor(0)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(self.axis_y)
        self.empty = _EmptyNote(self, "chart_documents_empty")
        self.empty.setText(empty_text)

    def set_counts(self, counts: dict[str, int]) -> None:
        for i, (code, _text) in enumerate(self.states):
            self.sets[i].replace(i, counts.get(code, 0))
        upper, step = axis_steps(max([0] + [counts.get(code, 0) for code, _ in self.states]))
        self.axis_y.setRange(0, upper)
        self.axis_y.setTickInterval(step)
        nothing = not any(counts.get(code, 0) for code, _ in self.states)
        self.empty.setVisible(nothing and bool(self.empty.text()))
        self.empty.place()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.empty.place()


class ListDialog(QDialog):
    """The list behind a figure: searchable, sortable; a row (or the button) opens it where it is
    kept."""

    def __init__(self, title: str, columns: list[Column], items: list, parent=None, *,
                 search: Callable[[Any], tuple] = lambda x: (),
                 colour: Callable[[Any], tuple] | None = None,
                 open_text: str = "", on_open: Callable[[Any | None], None] | None = None,
                 empty_text: str = ""):
        super().__init__(parent)
        self.setObjectName("figure_list")
        self.setWindowTitle(title)
        fit_to_screen(self, 1060, 540)
        self.on_open = on_open
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{title}</b>")
        layout.addWidget(head)
        self.search = QLineEdit()
        self.search.setObjectName("list_search")
        self.search.setPlaceholderText(self.tr("Search (accents optional)"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = ItemsModel(columns, self, colour=colour)
        self.model.set_items(items)
        self.proxy = SearchProxy(search, self)
        self.table = make_table("list_table", self.proxy, source=self.model, stretch=min(
            2, len(columns) - 1))
        layout.addWidget(self.table, 1)
        self.count = QLabel(self.tr("%n item(s)", "", len(items)))
        self.count.setObjectName("list_count")
        if not items and empty_text:
            self.count.setText(empty_text)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        if on_open is not None and open_text:
            self.open_button = buttons.addButton(open_text, QDialogButtonBox.ButtonRole.ActionRole)
            self.open_button.setObjectName("list_open")
            self.open_button.clicked.connect(lambda: self._open(None))
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.table.doubleClicked.connect(
            lambda index: self._open(self.model.item(self.proxy.mapToSource(index).row())))

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self.count.setText(self.tr("%1 of %n item(s)", "", self.model.rowCount())
                           .replace("%1", str(self.proxy.rowCount())))

    def _open(self, item) -> None:
        if self.on_open is None:
            return
        self.accept()
        self.on_open(item)
