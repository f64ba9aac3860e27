"""The province's overview of its districts: labels, the Excel copy and one district's data."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.models import figures
from desktop.views.context import ViewContext
from desktop.views.sync.overview import OverviewPanel
from sync import exporter, importer
from sync.overview import district_overview


def _received(pair):
    pair.staff(3)
    [up] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, up.copied_to, trust_new_sender=True)


def _report_final(monkeypatch):
    base = figures.PROVIDERS["records"]

    def final(store, **kw):
        return {**base(store, **kw), "report_status": "final"}

    monkeypatch.setitem(figures.PROVIDERS, "records", final)


def test_final_report_counts_as_done(pair, fake_providers, monkeypatch):
    import datetime as _dt

    _received(pair)
    late = _dt.date(2026, 12, 20)  # after the deadline (15/11)
    [row] = district_overview(pair.province, today=late)
    assert row.flags["report_status"] == "late"  # a draft after the deadline
    _report_final(monkeypatch)
    [row] = district_overview(pair.province, today=late)
    assert row.flags["report_status"] == "ok"


def test_report_column_in_words(qtbot, pair, fake_providers, english, monkeypatch):
    _received(pair)
    panel = OverviewPanel(ViewContext(pair.province, None))
    qtbot.addWidget(panel)
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(panel.model.columnCount())]
    col = headers.index("Report")
    assert panel.model.index(0, col).data() == "Draft"
    _report_final(monkeypatch)
    panel.refresh()
    assert panel.model.index(0, col).data() == "Final"


def test_one_district_read_only_in_words(qtbot, pair, fake_providers, english):
    _received(pair)
    panel = OverviewPanel(ViewContext(pair.province, None))
    qtbot.addWidget(panel)
    panel.view.selectRow(0)
    panel.open_district()
    dlg = panel.data_dialog
    tabs = [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
    assert "Cán bộ (3)" in tabs and not any("user_keys" in t or "Khóa" in t for t in tabs)
    words = dlg.findChild(QLabel, "district_figures").text()
    assert "Kiểm tra nhận thức: 0/3 cán bộ đã kiểm tra" in words
    assert "Báo cáo năm: bản nháp" in words
    assert "{" not in words and "active_staff" not in words
    staff_view = dlg.tabs.widget(tabs.index("Cán bộ (3)"))
    model = staff_view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Full name" in headers and "id" not in headers and "origin_unit" not in headers
    dlg.close()


def test_excel_copy_holds_numbers(qtbot, pair, fake_providers, english, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    import desktop.views.sync.overview as ovm

    monkeypatch.setattr(ovm, "show_info", lambda *_a: None)
    monkeypatch.setattr(ovm, "show_error", lambda _w, err, *_a: pytest.fail(str(err)))
    _received(pair)
    panel = OverviewPanel(ViewContext(pair.province, None))
    qtbot.addWidget(panel)
    out = tmp_path / "tong-hop.xlsx"
    panel.export_excel(path=str(out))
    ws = load_workbook(out).active
    headers = [c.value for c in ws[4]]
    row = {h: ws.cell(row=5, column=i + 1) for i, h in enumerate(headers)}
    assert row["Overdue NCs"].value == 1 and isinstance(row["Overdue NCs"].value, int)
    assert row["Open NCs"].value == 2 and row["Last package"].value == 1
    assert row["Conversion progress"].value == pytest.approx(0.4)
    assert row["Conversion progress"].number_format == "0%"
    assert row["Pass rate"].value is None  # nobody tested yet: an empty cell, not "0%"
    assert row["Code"].value == pair.district.unit_code


def test_overview_fits_1366_and_keeps_the_district_in_sight(qtbot, pair, fake_providers,
                                                            english):
    _received(pair)
    panel = OverviewPanel(ViewContext(pair.province, None))
    qtbot.addWidget(panel)
    panel.resize(1366 - 220, 680)  # the page beside the section list, at 1366×768
    panel.show()
    qtbot.wait(50)
    model, view = panel.model, panel.view
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    tips = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount())]
    assert "NCs late" in headers and "Overdue NCs" in tips  # short header, full text as tip
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    panel.grab().save("/tmp/syncgui/overview.png")
    edges = [view.columnViewportPosition(c) + view.columnWidth(c) for c in shown]
    assert sum(1 for e in edges if e <= view.viewport().width()) >= 13  # of 17 (9 before)
    assert view.verticalHeader().isVisible()
    assert panel.proxy.headerData(0, Qt.Orientation.Vertical) == "huyện Thử Nghiệm"
