"""The Sync section with real widgets (offscreen): district sends, province imports a folder,
trusts the key, sees its districts side by side, exports Excel, opens a district read-only."""
from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.models import users
from desktop.views.context import ViewContext
from desktop.views.sync import province as province_view
from desktop.views.sync.page import SyncPage
from sync import exporter

from .conftest import second_district


def test_district_sends_and_province_imports(qtbot, pair, fake_providers, monkeypatch, tmp_path,
                                             english):
    import desktop.views.sync.district as dv
    import desktop.views.sync.overview as ovm

    shown = []
    for mod in (dv, ovm, province_view):   # what the pages tell the person, kept
        for name, say in (("show_info", lambda _w, text, *_a: shown.append(text)),
                          ("show_error", lambda _w, err, *_a: shown.append(str(err)))):
            if hasattr(mod, name):
                monkeypatch.setattr(mod, name, say)
    pair.staff(5)
    admin = users.find_user(pair.district, "admin")
    dpage = SyncPage(ViewContext(pair.district, admin), None)
    qtbot.addWidget(dpage)
    send = dpage.panels["send"]
    assert send.pending_label.text().startswith("Records: 9 not sent")
    send.choose_folder(folder=str(pair.usb))
    send.export_btn.click()
    qtbot.waitUntil(lambda: send.last_result is not None, timeout=20000)
    assert (pair.usb / "BHXHTEST-00001.isosync").is_file()
    assert send.packages.rowCount() == 1
    records_panel = dpage.panels["records"]
    records_panel.refresh()
    records_panel.state.setCurrentIndex(records_panel.state.findData("sent"))
    assert records_panel.proxy.rowCount() == 9

    other = second_district(pair)
    exporter.export_packages(other, pair.usb)
    ppage = SyncPage(ViewContext(pair.province, None), None)
    qtbot.addWidget(ppage)
    imp = ppage.panels["import"]
    imp.add_paths([str(pair.usb)])
    imp.preview_btn.click()
    qtbot.waitUntil(lambda: imp.model.rowCount() == 2, timeout=20000)
    assert {imp.model.index(r, 3).data() for r in range(2)} == {"Preview — key to check"}
    assert imp.totals.text().startswith("Preview — nothing written. 2 packages: 2 with a key")
    seen = []

    def matches(dialog):
        seen.append(dialog.findChild(QLabel, "trust_position").text())
        return province_view.TrustKeyDialog.MATCH

    monkeypatch.setattr(province_view.TrustKeyDialog, "exec", matches)
    imp.trust_selected()  # both new districts one after the other, then one import
    assert seen == ["District 1/2 with a new key", "District 2/2 with a new key"]
    qtbot.waitUntil(lambda: "2 can be imported" in imp.totals.text(), timeout=20000)
    imp.import_btn.click()
    qtbot.waitUntil(lambda: not any(s.dry_run for s in imp.summaries), timeout=20000)
    assert "2 packages: 2 imported" in imp.totals.text()
    assert {imp.model.index(r, 3).data() for r in range(2)} == {"Imported"}
    # the acknowledgements are written off the interface thread; the pages hear of the districts
    acks, heard = tmp_path / "acks", []
    acks.mkdir()
    ppage.ctx.data_changed.connect(heard.append)
    writing = imp.write_acks(folder=str(acks))
    qtbot.waitUntil(lambda: writing.finished, timeout=20000)
    assert writing.outcome == "done" and len(heard) == 1 and "sync_peers" in heard[0]
    assert len(list(acks.iterdir())) == 2
    assert shown[-1].startswith("2 acknowledgements written to")

    ov = ppage.panels["overview"]
    ov.refresh()
    headers = [ov.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
               or ov.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(ov.model.columnCount())]
    assert "Training coverage" in headers and "Overdue NCs" in headers
    assert ov.model.rowCount() == 2
    nc_col = headers.index("Overdue NCs")
    row_test = [r for r in range(2) if ov.model.item(r).code == "BHXHTEST"][0]
    assert ov.model.colour_name(row_test, nc_col) == "late"
    ov.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert ov.proxy.index(0, 0).data() == "BHXHTEST"
    out = tmp_path / "tong-hop.xlsx"
    ov.export_excel(path=str(out))
    ws = load_workbook(out).active
    assert ws.cell(row=4, column=2).value == "District"
    assert ws.cell(row=5, column=1).value == "BHXHTEST"
    assert ws.cell(row=5, column=nc_col + 1).fill.fgColor.rgb.endswith("F8D7DA")
    ov.view.selectRow(0)
    ov.open_district()
    dlg = ov.data_dialog
    assert any(dlg.tabs.tabText(i).startswith("Cán bộ (5)") for i in range(dlg.tabs.count()))
    dlg.close()
    other.close(clean=False)
