"""Coverage of the whole roster: who has been trained and tested, and above all who has never
passed a test (what the province checks)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.output.quiz.results_xlsx import write_coverage
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import coverage

from ..common import show_error, show_info
from ..context import ViewContext
from ..files import save_file
from ..tables import MULTI, SearchProxy, make_table
from .table_models import ROW_PADDING, CoverageModel, pct


class CoveragePanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("coverage_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("coverage_search")
        self.search.setPlaceholderText(self.tr("Search by name, code or department"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.state = QComboBox()
        self.state.setObjectName("coverage_state")
        self.state.addItem(self.tr("Everyone"), None)
        self.state.addItem(self.tr("Never passed a test"), "not_passed")
        self.state.addItem(self.tr("Not trained yet"), "not_trained")
        self.state.addItem(self.tr("Attended but not tested"), "not_tested")
        self.state.addItem(self.tr("Tested but not passed"), "failed")
        self.state.addItem(self.tr("Passed"), "passed")
        self.state.addItem(self.tr("Not subject to the test"), "exempt")
        bar.addWidget(self.state, 1)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export_coverage")
        self.export_button.clicked.connect(lambda: self.export())
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = CoverageModel(self)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("coverage_table", self.proxy, source=self.model,
                                stretch=CoverageModel.DEPARTMENT,
                                sort=(CoverageModel.NAME, Qt.SortOrder.AscendingOrder),
                                selection=MULTI, row_padding=ROW_PADDING)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self.proxy.set_query)
        self.state.currentIndexChanged.connect(self._filter)
        self.reload()

    def on_shown(self) -> None:
        self.reload()

    def reload(self) -> None:
        rows = coverage.roster_coverage(self.store)
        self.model.set_items(rows)
        f = coverage.training_coverage(self.store, unit_code=self.store.unit_code)
        text = self.tr("%1 staff subject to the test · trained: %2 · tested: %3 · passed: %4 "
                       "(%5% of those tested) · never passed: %6")
        if f["exempt"]:
            text += " · " + self.tr("%1 not subject to the test (not counted)") \
                .replace("%1", str(f["exempt"]))
        self.summary.setText(text
                             .replace("%1", str(f["subject_staff"]))
                             .replace("%2", str(f["trained"]))
                             .replace("%3", str(f["tested"])).replace("%4", str(f["passed"]))
                             .replace("%5", pct(100 * f["pass_rate"]) if f["pass_rate"] is not None
                                      else "—")
                             .replace("%6", str(len(f["not_passed"]))))
        self._filter()

    def _filter(self, *_args) -> None:
        wanted = self.state.currentData()
        if wanted is None:
            self.proxy.set_predicate(None)
        elif wanted == "not_passed":
            self.proxy.set_predicate(lambda r: r.state not in ("passed", "exempt"))
        else:
            self.proxy.set_predicate(lambda r, w=wanted: r.state == w)

    def shown_rows(self) -> list[coverage.CoverageRow]:
        return [self.proxy.object_at(r) for r in range(self.proxy.rowCount())]

    def export(self, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Export the coverage"), "training-excel",
                             "bao-phu-tap-huan.xlsx", self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        profile = self.ctx.profile
        try:
            write_coverage(Path(path), self.shown_rows(), profile.name if profile else "")
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))
