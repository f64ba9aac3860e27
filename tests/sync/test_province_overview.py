"""At the province, "Tổng quan" shows its districts (the figures of "Tổng hợp các huyện", late
in colour), and the read-only view of one district speaks the words of the district's pages."""
from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.staff import StaffRepository
from desktop.views.context import ViewContext
from desktop.views.iso.labels import label
from desktop.views.overview import overview_page
from desktop.views.overview.province import ProvinceOverviewPage
from desktop.views.sync import district_fields
from sync import exporter, importer
from sync.overview import district_overview, province_totals

from .conftest import second_district

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def _records(district):
    today = _dt.date.today()
    StaffRepository(district).add({"staff_code": "CB9", "full_name": "Lê Văn Tám",
                                   "active": False})
    docs = DocumentRepository(district)
    d = docs.add({"code": "QT-01", "title": "Quy trình thu", "kind": "internal_procedure"})
    docs.advance(d.id, "approved", approver="Giám đốc", on=today - _dt.timedelta(days=20))
    docs.advance(d.id, "in_force", on=today - _dt.timedelta(days=10))
    ncs = NonconformityRepository(district)
    nc = ncs.add({"description": "Sai mẫu", "source": "complaint",
                  "detected_on": today - _dt.timedelta(days=30)})
    ncs.advance(nc.id, "planned", {"cause": "C", "corrective_action": "A", "owner": "Ô. Ba",
                                   "due_on": today - _dt.timedelta(days=2),
                                   "planned_on": today - _dt.timedelta(days=25)})


def _send(pair, store, first=True):
    [up] = exporter.export_packages(store, pair.usb)
    [summary] = importer.import_file(pair.province, up.copied_to, trust_new_sender=first)
    assert summary.status == "ok", summary.messages


def test_the_provinces_overview_shows_its_districts(qtbot, pair):
    pair.staff(3)
    _records(pair.district)
    _send(pair, pair.district)
    quiet = second_district(pair)   # enrolled, never sent anything: late
    page = overview_page(ViewContext(pair.province, None))
    qtbot.addWidget(page)
    assert isinstance(page, ProvinceOverviewPage)
    rows = district_overview(pair.province, year=page.table.year.value())
    assert [r.code for r in page.table.rows] == [r.code for r in rows]
    totals = province_totals(rows)
    assert page.totals == totals
    assert (totals["districts"], totals["received_late"], totals["nc_open"],
            totals["nc_overdue"], totals["staff_subject"]) == (2, 1, 1, 1, 3)
    cards = page.cards
    assert cards["districts"].value.text() == "1/2" and cards["districts"].tone == "bad"
    assert cards["nc"].value.text() == "1" and cards["nc"].tone == "bad"
    assert "1" in cards["nc"].detail.text()
    assert cards["training"].value.text() == "0%" and cards["training"].tone == "bad"
    assert cards["report"].value.text() == "0/2"
    assert "Tất cả đã đạt" not in " ".join(c.detail.text() for c in cards.values())
    # the chart of documents counts the districts' documents
    assert page.totals["documents_by_state"].get("in_force") == 1
    # a card sorts the districts' table by what it counts, most late first
    cards["nc"].activated.emit()
    header = page.table.view.horizontalHeader()
    col = header.sortIndicatorSection()
    assert page.table.model.columns[col].header == page.table.tr("Overdue NCs")
    assert page.table.proxy.index(0, 0).data() == pair.district.unit_code
    quiet.close(clean=False)


def test_a_district_page_at_a_district_is_its_own(qtbot, store):
    from desktop.views.overview.page import OverviewPage

    page = overview_page(ViewContext(store, None))
    qtbot.addWidget(page)
    assert isinstance(page, OverviewPage)


def test_the_district_view_speaks_as_the_districts_pages(qtbot, pair):
    """Headers and values in Vietnamese, as the district's own pages show them."""
    from desktop.views.sync.overview import OverviewPanel

    pair.staff(2)
    _records(pair.district)
    _send(pair, pair.district)
    panel = OverviewPanel(ViewContext(pair.province, None))
    qtbot.addWidget(panel)
    panel.view.selectRow(0)
    panel.open_district()
    dlg = panel.data_dialog
    tabs = {dlg.tabs.tabText(i).rsplit(" (", 1)[0]: dlg.tabs.widget(i)
            for i in range(dlg.tabs.count())}

    def table(title):
        model = tabs[title].model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(model.columnCount())]
        cells = [[model.index(r, c).data() for c in range(model.columnCount())]
                 for r in range(model.rowCount())]
        return headers, cells

    tr = QCoreApplication.translate
    headers, cells = table("Tài liệu")
    assert headers[:3] == [tr("DocumentsTab", "Code"), tr("DocumentsTab", "Rev."),
                           tr("DocumentsTab", "Title")]
    assert "code" not in headers and "state" not in headers and "Code" not in headers
    state = headers.index(tr("DocumentsTab", "State"))
    assert cells[0][state] == label("doc_state", "in_force") == "Đang hiệu lực"
    assert cells[0][headers.index(tr("DocumentsTab", "Kind"))] == label("doc_kind",
                                                                         "internal_procedure")
    headers, cells = table("Sự không phù hợp")
    assert "detected_on" not in headers
    source = cells[0][headers.index(tr("NcTab", "Source"))]
    assert source == label("nc_source", "complaint") and source != "complaint"
    found = cells[0][headers.index(tr("NcTab", "Found on"))]
    assert found.count("/") == 2   # dd/mm/yyyy
    headers, cells = table("Cán bộ")
    status = [row[headers.index(tr("StaffTableModel", "Status"))] for row in cells]
    assert tr("StaffTableModel", "Left") in status and "0" not in status and "1" not in status
    dlg.search.setText("le van tam")
    assert tabs["Cán bộ"].model().rowCount() == 1
    dlg.close()


def test_every_word_of_the_district_view_is_a_translated_word_of_a_page():
    translated = set()
    for ts in I18N.glob("*_vi.ts"):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.get("type") not in ("unfinished", "vanished",
                                                             "obsolete") and (tr.text or ""):
                    translated.add((name, msg.findtext("source")))
    missing = [w for w in district_fields.words_used() if w not in translated]
    assert not missing, missing
