"""Item analysis (the definitions of Moodle's statistics report): the test's figures, a table of
the questions with their flags, a chart of facility and discriminative efficiency, and the
options each question's answers went to."""
from __future__ import annotations

import math
from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.models.quiz import bank, sessions, stats
from desktop.models.quiz.common import LETTERS

from ..common import compact_combo
from ..context import ViewContext
from ..operation import run_operation
from ..tables import SearchProxy, make_table
from .table_models import ROW_PADDING, ItemStatsModel, pct


CHART_MAX = 20   # more bars leave too little room for their numbers


class StatsPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.result: stats.TestStats | None = None
        self._request = 0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Statistics of:")))
        self.scope = QComboBox()
        self.scope.setObjectName("stats_scope")
        compact_combo(self.scope, 30)
        bar.addWidget(self.scope, 1)
        self.refresh_button = QPushButton(self.tr("Calculate"))
        self.refresh_button.setObjectName("stats_refresh")
        self.refresh_button.clicked.connect(lambda: self.calculate())
        bar.addWidget(self.refresh_button)
        self.search = QLineEdit()
        self.search.setObjectName("stats_search")
        self.search.setPlaceholderText(self.tr("Search a question"))
        bar.addWidget(self.search)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setObjectName("stats_summary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(self.tr(
            "Reliability of the test (KR-20): from 0 to 1, how consistently the test measures "
            "what people know; 0.7 or more is good, below 0.5 the scores say little.\n"
            "Standard error of measurement: by about how many questions a person's score may be "
            "off by chance; a score this close to the pass mark is not a clear result."))
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = ItemStatsModel(self)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("stats_table", self.proxy, source=self.model,
                                stretch=ItemStatsModel.TEXT,
                                sort=(ItemStatsModel.KEY, Qt.SortOrder.AscendingOrder),
                                row_padding=ROW_PADDING)
        self.table.verticalHeader().show()       # row numbers: the chart's labels
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + rows * 3
                                    + 4)
        splitter.addWidget(self.table)
        lower = QSplitter(Qt.Orientation.Horizontal)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Facility and discriminative efficiency per question (%)"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("stats_chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        # readable, but never more than a quarter of a short screen (1366×768 at 125 %)
        screen = self.screen().availableGeometry().height() if self.screen() else 960
        self.chart_view.setMinimumHeight(min(240, screen // 4))
        lower.addWidget(self.chart_view)
        self.help_text = self.tr(
            "The chart shows the first rows of the table: sort or search the table to choose "
            "them. Facility: the share of people who answered right. Discrimination: how well "
            "the question separates those who know the subject from those who don't (below 20% "
            "is weak, negative means the question is probably wrong or misleading). Only first "
            "attempts count.")
        self.detail = QTextBrowser()
        self.detail.setObjectName("stats_detail")
        lower.addWidget(self.detail)
        lower.setSizes([700, 380])
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([rows * 10, 200])   # the table first: ten rows when there is room
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self.proxy.set_query)
        self.search.textChanged.connect(self._chart)
        self.proxy.layoutChanged.connect(self._chart)
        self.scope.currentIndexChanged.connect(lambda _i: self.calculate())
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.reload_scopes()

    def reload_scopes(self) -> None:
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All sessions of the unit"), None)
        for s in sessions.list_sessions(self.store):
            self.scope.addItem(f"{s.day:%d/%m/%Y} — {s.display_title}", s.id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        self.scope.blockSignals(False)

    def on_shown(self) -> None:
        self.reload_scopes()
        self.calculate()

    def calculate(self, *, background: bool = True) -> None:
        session_id = self.scope.currentData()
        unit = self.store.unit_code
        if not background:
            self._show(stats.item_analysis(self.store, session_id=session_id, unit_code=unit))
            return
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Calculating…"))
        path = self.store.path
        self._request += 1
        request = self._request

        def done(result):
            # Only the latest request counts, and only while the panel still exists.
            if isValid(self) and request == self._request:
                self._show(result)

        def failed(exc):
            if isValid(self) and request == self._request:
                self._failed(exc)

        run_operation(self, lambda _job: stats.item_analysis_of_file(
            path, session_id=session_id, unit_code=unit), done, on_error=failed)

    def _failed(self, exc: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(self.tr("The statistics could not be calculated: %1").replace(
            "%1", str(exc)))

    def _show(self, result: stats.TestStats) -> None:
        self.refresh_button.setEnabled(True)
        self.result = result
        self.model.topic_names = {t.code: t.name for t in bank.list_topics(self.store)}
        self.model.set_items(result.items)

        def num(v, digits=2):
            return "—" if v is None else f"{v:.{digits}f}".replace(".", ",")

        if not result.attempts:
            self.summary.setText(self.tr("No submitted attempts yet."))
        else:
            text = self.tr("First attempts: %1 · mean score %2 of %3 (%4%) · standard deviation "
                           "%5 · reliability of the test (KR-20) %6 · standard error of "
                           "measurement %7 questions") \
                .replace("%1", str(result.attempts)).replace("%2", num(result.mean)) \
                .replace("%3", str(result.questions or "—")) \
                .replace("%4", pct(result.mean_percent)).replace("%5", num(result.sd)) \
                .replace("%6", num(result.kr20)).replace("%7", num(result.sem))
            if result.attempts < stats.FEW_ATTEMPTS:
                text += " — " + self.tr("fewer than 30 attempts: read the figures with care.")
            self.summary.setText(text)
        self._chart()
        self._show_detail()

    def _chart(self, *_args) -> None:
        """The questions as the table shows them (its order and search), at most CHART_MAX."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        shown = [self.proxy.object_at(r) for r in range(self.proxy.rowCount())]
        items = shown[:CHART_MAX]
        title = self.tr("Facility and discriminative efficiency per question (%)")
        if len(shown) > CHART_MAX:
            title += " — " + self.tr("rows 1–%1 of %2").replace("%1", str(CHART_MAX)) \
                .replace("%2", str(len(shown)))
        self.chart.setTitle(title)
        facility = QBarSet(self.tr("Facility"))
        facility.setColor(QColor("#1f5fa8"))
        efficiency = QBarSet(self.tr("Discriminative efficiency"))
        efficiency.setColor(QColor("#e08a00"))
        for i in items:
            facility.append(100 * (i.facility or 0))
            efficiency.append(100 * (i.discriminative_efficiency or 0))
        series = QBarSeries()
        series.append(facility)
        series.append(efficiency)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(n) for n in range(1, len(items) + 1)])   # the table's row numbers
        small = axis_x.labelsFont()
        small.setPointSize(7)
        axis_x.setLabelsFont(small)
        axis_x.setLabelsAngle(0)           # row numbers are short: written level
        axis_y = QValueAxis()
        axis_y.setLabelsFont(small)
        low = min([0.0] + [100 * (i.discriminative_efficiency or 0) for i in items])
        axis_y.setRange(max(-100.0, 20 * math.floor(low / 20)), 100.0)
        axis_y.setTickInterval(20)
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setLabelFormat("%d")
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    def _show_detail(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            # the explanation of the figures sits here while no question is chosen (under the
            # table it took two lines from a table that has little height on a laptop)
            self.detail.setHtml("<p style='color:#555'>" + escape(self.tr(
                "Choose a question to see which options its answers went to.")) + "</p>"
                "<p style='color:#555'>" + escape(self.help_text) + "</p>")
            return
        item = self.proxy.object_at(rows[0].row())
        total = max(1, item.attempts)
        lines = []
        for i, option in enumerate(item.options):
            n = item.option_counts.get(str(i), 0)
            mark = " ✔" if i in item.correct else ""
            warn = (" — " + self.tr("nobody chose it")) if i in item.unchosen_options else ""
            lines.append(f"<li>{LETTERS[i]}. {escape(option)}{mark}: <b>{n}</b> "
                         f"({pct(100 * n / total)}%){escape(warn)}</li>")
        if item.kind == "any":
            lines.append("<li><i>" + escape(self.tr("One of several right answers: choosing any "
                                                    "✔ option is right.")) + "</i></li>")
        blank = item.option_counts.get("none", 0)
        no_answer = escape(self.tr("No answer"))
        if blank:
            lines.append(f"<li>{no_answer}: <b>{blank}</b></li>")
        flags = "".join(f"<li>{escape(self.model.flag_text.get(f, f))}</li>" for f in item.flags)
        flags_title = escape(self.tr("Flags"))
        html = f"<p><b>{escape(item.key)}.</b> {escape(item.text)}</p><ul>" + "".join(lines) \
            + "</ul>"
        if flags:
            html += f"<p><b>{flags_title}:</b></p><ul>{flags}</ul>"
        self.detail.setHtml(html)
