"""The province's side-by-side table of its districts, its Excel copy, and one district's
records shown read-only."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton,
    QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.models import figures
from desktop.models.errors import IsoDeskError
from sync.labels import table_title
from sync.overview import (
    district_overview, district_records, district_summary, write_overview_xlsx,
)

from ..common import show_error, show_info
from ..iso.labels import label as iso_label
from ..context import ViewContext
from ..files import save_file
from ..flow import FlowLayout
from . import district_fields
from .common import key_state_text, selected_item, short_time
from ..tables import Column, ItemsModel, SearchProxy, make_table, number_sort


def report_status_label(value) -> str:
    """The annual report's state (none / draft / final) as the ISO part names it."""
    return iso_label("report_status", str(value)) or str(value)


def _number(value):
    """A figure as a number for a spreadsheet cell (an empty cell when there is none)."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _pct(value) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


NAME_COLUMN = 1


def short_name(name: str) -> str:
    """A district's name without the words all of them share (“huyện Sông Trà”)."""
    for prefix in ("Bảo hiểm xã hội ", "BHXH "):
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


class DistrictProxy(SearchProxy):
    """Rows headed by the district's name (kept in sight when scrolling sideways)."""

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount() and \
                role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.object_at(section)
            return short_name(row.name) if role == Qt.ItemDataRole.DisplayRole else \
                f"{row.name} ({row.code})"
        return super().headerData(section, orientation, role)


class OverviewPanel(QWidget):
    """Tổng hợp các huyện: one row per district. `rows` holds what the table shows;
    `refreshed` is emitted after each refresh (the province's "Tổng quan" adds them up)."""

    refreshed = Signal()

    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        layout = QVBoxLayout(self)
        bar = FlowLayout()   # wraps on a narrow screen
        bar.addWidget(QLabel(self.tr("Year:")))
        self.year = QSpinBox()
        self.year.setObjectName("overview_year")
        self.year.setRange(2015, 2100)
        self.year.setValue(_dt.date.today().year)
        bar.addWidget(self.year)
        self.search = QLineEdit()
        self.search.setObjectName("overview_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search a district (accents optional)"))
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 34)
        bar.addWidget(self.search)
        bar.add_stretch()
        self.open_btn = QPushButton(self.tr("Open district data…"))
        self.open_btn.setObjectName("open_district")
        self.open_btn.clicked.connect(self.open_district)
        bar.addWidget(self.open_btn)
        excel = QPushButton(self.tr("Export to Excel…"))
        excel.setObjectName("overview_excel")
        excel.clicked.connect(self.export_excel)
        bar.addWidget(excel)
        layout.addLayout(bar)
        self.model = ItemsModel([], blanks_last=True)
        self.proxy = DistrictProxy(lambda r: [r.code, r.name])
        self.proxy.setSourceModel(self.model)
        self.view = make_table("overview_table", self.proxy, sideways=True)
        # the district stays in sight when the figures are scrolled: its name heads the row
        self.view.verticalHeader().show()
        self.view.doubleClicked.connect(lambda _i: self.open_district())
        layout.addWidget(self.view, 1)
        legend = QLabel(self.tr("Red: late (no package for too long, overdue actions, report "
                                "past 15/11, changed key). Yellow: to watch (held packages, "
                                "quarantined records, staff not yet tested, report due soon)."))
        legend.setObjectName("overview_legend")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.search.textChanged.connect(self.proxy.set_query)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def columns(self) -> list[Column]:
        flag = lambda key: (lambda r: r.flags.get(key))  # noqa: E731
        cols = [
            Column(self.tr("Code"), lambda r: r.code, tooltip=lambda r: r.name),
            Column(self.tr("District"), lambda r: r.name),
            Column(self.tr("Last package"), lambda r: r.applied_through or "", short=self.tr("Pkg"),
                   sort=lambda r: r.applied_through, align_right=True),
            Column(self.tr("Received on"), lambda r: short_time(r.last_received_at)[:10],
                   short=self.tr("Received"),
                   sort=lambda r: r.last_received_at or "", colour=flag("received")),
            Column(self.tr("Days ago"), lambda r: r.days_since, short=self.tr("Days"),
                   sort=lambda r: number_sort(r.days_since), align_right=True,
                   colour=flag("received")),
            Column(self.tr("Held"), lambda r: r.held or "", sort=lambda r: r.held,
                   colour=flag("held"), align_right=True),
            Column(self.tr("Quarantined"), lambda r: r.quarantined or "", short=self.tr("Quar."),
                   sort=lambda r: r.quarantined, colour=flag("quarantined"), align_right=True),
            Column(self.tr("Key"), lambda r: key_state_text(r.key_state), colour=flag("key")),
        ]
        have = figures.provider_names()
        if "staff" in have:
            cols.append(Column(self.tr("Staff"), lambda r: r.figure("staff", "active"),
                               sort=lambda r: number_sort(r.figure("staff", "active")),
                               align_right=True))
        if "training" in have:
            cols += [
                Column(self.tr("Training coverage"), lambda r: _pct(r.coverage),
                       short=self.tr("Tested"),
                       sort=lambda r: number_sort(r.coverage), colour=flag("coverage"),
                       align_right=True),
                Column(self.tr("Pass rate"), lambda r: _pct(r.figure("training", "pass_rate")),
                       short=self.tr("Passed"),
                       sort=lambda r: number_sort(r.figure("training", "pass_rate")),
                       align_right=True)]
        if "minutes" in have:
            cols += [
                Column(self.tr("Minutes confirmed"), lambda r: r.figure("minutes", "confirmed"),
                       short=self.tr("Minutes"),
                       sort=lambda r: number_sort(r.figure("minutes", "confirmed")),
                       align_right=True),
                Column(self.tr("Awaiting confirmation"),
                       lambda r: r.figure("minutes", "awaiting_confirmation"),
                       short=self.tr("To confirm"),
                       sort=lambda r: number_sort(r.figure("minutes", "awaiting_confirmation")),
                       colour=flag("awaiting_confirmation"), align_right=True)]
        if "records" in have:
            cols += [
                Column(self.tr("Open NCs"), lambda r: r.figure("records", "nc_open"),
                       short=self.tr("NCs open"),
                       sort=lambda r: number_sort(r.figure("records", "nc_open")),
                       align_right=True),
                Column(self.tr("Overdue NCs"), lambda r: r.figure("records", "nc_overdue"),
                       short=self.tr("NCs late"),
                       sort=lambda r: number_sort(r.figure("records", "nc_overdue")),
                       colour=flag("nc_overdue"), align_right=True),
                Column(self.tr("Conversion progress"), lambda r: _pct(r.progress),
                       short=self.tr("Progress"),
                       sort=lambda r: number_sort(r.progress), align_right=True),
                Column(self.tr("Overdue plan steps"),
                       lambda r: r.figure("records", "plan_overdue"),
                       short=self.tr("Steps late"),
                       sort=lambda r: number_sort(r.figure("records", "plan_overdue")),
                       colour=flag("plan_overdue"), align_right=True),
                Column(self.tr("Report"), lambda r: self._report(r.figure("records",
                                                                          "report_status")),
                       colour=flag("report_status"))]
        return cols

    def _numbers(self) -> dict[str, tuple]:
        """Header → (value, number format) of the columns the Excel copy holds as numbers."""
        def fig(provider, key):
            return lambda r: r.figure(provider, key)
        return {
            self.tr("Last package"): (lambda r: r.applied_through or None, "0"),
            self.tr("Days ago"): (lambda r: r.days_since, "0"),
            self.tr("Held"): (lambda r: r.held, "0"),
            self.tr("Quarantined"): (lambda r: r.quarantined, "0"),
            self.tr("Staff"): (fig("staff", "active"), "0"),
            self.tr("Training coverage"): (lambda r: r.coverage, "0%"),
            self.tr("Pass rate"): (fig("training", "pass_rate"), "0%"),
            self.tr("Minutes confirmed"): (fig("minutes", "confirmed"), "0"),
            self.tr("Awaiting confirmation"): (fig("minutes", "awaiting_confirmation"), "0"),
            self.tr("Open NCs"): (fig("records", "nc_open"), "0"),
            self.tr("Overdue NCs"): (fig("records", "nc_overdue"), "0"),
            self.tr("Conversion progress"): (lambda r: r.progress, "0%"),
            self.tr("Overdue plan steps"): (fig("records", "plan_overdue"), "0"),
        }

    def _report(self, value) -> str:
        return report_status_label(value) if value else ""

    def refresh(self) -> None:
        self.model.set_columns(self.columns())
        self.rows = district_overview(self.ctx.store, year=self.year.value())
        self.model.set_items(self.rows)
        self.view.setColumnHidden(NAME_COLUMN, True)  # shown as the row's header (Excel: a column)
        self.refreshed.emit()

    def sort_by(self, key: str) -> None:
        """Sort the districts by a column ("received", "coverage", "nc_overdue",
        "plan_overdue", "report", "awaiting"), the most late first."""
        header = {"received": self.tr("Days ago"), "coverage": self.tr("Training coverage"),
                  "nc_overdue": self.tr("Overdue NCs"),
                  "plan_overdue": self.tr("Overdue plan steps"), "report": self.tr("Report"),
                  "awaiting": self.tr("Awaiting confirmation")}.get(key)
        for c, column in enumerate(self.model.columns):
            if column.header == header:
                self.view.sortByColumn(c, Qt.SortOrder.AscendingOrder if key == "coverage"
                                       else Qt.SortOrder.DescendingOrder)
                self.view.setFocus()
                return

    def open_district(self) -> None:
        row = selected_item(self.view)
        if row is None:
            show_error(self, self.tr("Select a district in the table first."))
            return
        self.data_dialog = DistrictDataDialog(self.ctx, row.code, row.name, self)
        self.data_dialog.show()

    def export_excel(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Export to Excel"), "districts-excel",
                             f"tong-hop-huyen-{self.year.value()}.xlsx",
                             self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        headers = [c.header for c in self.model.columns]
        numbers = self._numbers()
        formats = [numbers[h][1] if h in numbers else "" for h in headers]
        rows, colours = [], []
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            item = self.model.item(src)
            rows.append([_number(numbers[h][0](item)) if h in numbers else
                         self.model.index(src, c).data() for c, h in enumerate(headers)])
            colours.append([self.model.colour_name(src, c) or "" for c in range(len(headers))])
        profile = self.ctx.profile
        title = self.tr("Districts of %1 — year %2").replace(
            "%1", profile.name if profile else "").replace("%2", str(self.year.value()))
        subtitle = self.tr("Made on %1").replace("%1", _dt.date.today().strftime("%d/%m/%Y"))
        try:
            write_overview_xlsx(Path(path), title, headers, rows, colours, subtitle,
                                formats=formats)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))


class DistrictDataDialog(QDialog):
    """One district's records as received: read-only, searchable, each kind on its tab."""

    def __init__(self, ctx: ViewContext, code: str, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 — data received (read-only)").replace("%1", name))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        text = "\n".join(district_summary(figures.collect(ctx.store, unit_code=code)))
        head = QLabel(self.tr("<b>%1</b> (%2). Copies received from the district cannot be "
                              "changed here.").replace("%1", name).replace("%2", code))
        head.setWordWrap(True)
        layout.addWidget(head)
        fig_label = QLabel(text)
        fig_label.setObjectName("district_figures")
        fig_label.setWordWrap(True)
        layout.addWidget(fig_label)
        self.search = QLineEdit()
        self.search.setObjectName("district_data_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search (accents optional)"))
        layout.addWidget(self.search)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("district_tabs")
        self.proxies = []
        data = {table: district_records(ctx.store, code, table) for table in district_fields.TABLES}
        lookups = district_fields.Lookups(
            staff={r["id"]: r for r in data.get("staff", [])},
            sessions={r["id"]: r for r in data.get("quiz_sessions", [])})
        for table, rows in data.items():   # each kind as the district's page shows it
            if not rows:
                continue
            model = ItemsModel(district_fields.columns(table, lookups), blanks_last=True)
            model.set_items(rows)
            proxy = SearchProxy(lambda r, t=table: [f.text(r, lookups)
                                                    for f in district_fields.TABLES[t]])
            proxy.setSourceModel(model)
            view = make_table(f"district_{table}", proxy)
            self.proxies.append(proxy)
            self.tabs.addTab(view, f"{table_title(table)} ({len(rows)})")
        if not self.proxies:
            self.tabs.addTab(QLabel(self.tr("Nothing received from this district yet.")), "—")
        layout.addWidget(self.tabs, 1)
        self.search.textChanged.connect(lambda t: [p.set_query(t) for p in self.proxies])
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

