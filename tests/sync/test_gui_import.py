"""The province's import tab and the sync tables: what a province officer sees at 1366×768."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt

from desktop.views.tables import make_table
from desktop.views.tables import Column, ItemsModel, SearchProxy


def test_tables_keep_the_model_order_without_indicator(qtbot):
    model = ItemsModel([Column("Name", lambda x: x)])
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    view = make_table("t", proxy)
    qtbot.addWidget(view)
    model.set_items(["a", "c", "b"])
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "c", "b"]
    assert view.horizontalHeader().sortIndicatorSection() == -1
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "b", "c"]


# --- the import tab ---------------------------------------------------------------------------

import pytest  # noqa: E402

from desktop.views.context import ViewContext  # noqa: E402
from desktop.views.sync import province as province_view  # noqa: E402
from desktop.views.sync.page import SyncPage  # noqa: E402
from sync import exporter  # noqa: E402
from sync.summary import ImportSummary  # noqa: E402

from sync import status  # noqa: E402

from .conftest import second_district  # noqa: E402
from .test_faults import fresh  # noqa: E402,F401


def _window(qtbot, store):
    from desktop.views.main_window import MainWindow

    win = MainWindow(ViewContext(store, None))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_section("sync")
    page = win.findChild(SyncPage)
    page.tabs.setCurrentWidget(page.panels["import"])
    qtbot.wait(50)
    return win, page.panels["import"]


def _summaries(n, **kw):
    return [ImportSummary("ok", f"BHXH{i:02d}-00001.isosync", sender=f"BHXH{i:02d}", seq=1,
                          **kw) for i in range(n)]


def test_import_table_shows_ten_rows_at_768(qtbot, pair, english):
    win, imp = _window(qtbot, pair.province)
    imp._show(_summaries(30))
    qtbot.wait(50)
    assert not imp.held_box.isVisible()  # nothing held: no empty box
    rows = imp.view.verticalHeader().defaultSectionSize()
    assert imp.view.viewport().height() >= 10 * rows
    assert imp.files.height() <= 5 * imp.files.fontMetrics().lineSpacing()
    win.grab().save("/tmp/syncgui/import-30.png")


def test_key_to_check_is_its_own_category_and_preview_says_so(qtbot, pair, english):
    imp = province_view.ImportPanel(ViewContext(pair.province, None))
    qtbot.addWidget(imp)
    key = ImportSummary("error", "BHXHA-00001.isosync", sender="BHXHA", dry_run=True,
                        error_code="new_sender_key", messages=["first"])
    bad = ImportSummary("error", "BHXHB-00002.isosync", dry_run=True, error_code="damaged",
                        messages=["damaged"])
    imp._show([key, bad, *_summaries(2, dry_run=True)])
    text = imp.totals.text()
    assert text.startswith("Preview — nothing written. 4 packages: 2 can be imported, "
                           "1 with a key to check, 1 would be refused.")
    shown = {imp.model.index(r, 3).data() for r in range(4)}
    assert shown == {"Preview — can be imported", "Preview — key to check",
                     "Preview — would be refused"}
    assert imp.model.colour_name(0, 3) == "warn"  # a key to check is no refusal
    # a header that could not be read names no sender: the file's name is only a hint
    assert imp.model.index(1, 1).data() == "unknown (file name: BHXHB)"
    nameless = ImportSummary("error", "usb-copy.bin", dry_run=True, error_code="damaged",
                             messages=["damaged"])
    imp._show([nameless])
    assert imp.model.index(0, 1).data() == "unknown"


def test_detail_says_what_arrived(qtbot, pair, fake_providers, english):
    pair.staff(5)
    [up] = exporter.export_packages(pair.district, pair.usb)
    from sync import importer

    imp = province_view.ImportPanel(ViewContext(pair.province, None))
    qtbot.addWidget(imp)
    imp._show(importer.import_many(pair.province, [up.copied_to], trust_new_sender=True))
    imp.view.selectRow(0)
    assert imp.model.index(0, 3).data() == "Imported"
    assert "Contents: Cán bộ 5" in imp.detail.toPlainText()
    assert "Cán bộ 5" in imp.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    # the same package again: already imported, in grey, not a warning
    imp._show(importer.import_many(pair.province, [up.copied_to]))
    assert imp.detail.toPlainText() == ""  # the old text went with the old result
    assert imp.model.index(0, 3).data() == "Imported before"
    assert imp.model.colour_name(0, 3) == "muted"
    assert "1 imported before" in imp.totals.text()


def test_new_districts_one_after_the_other(qtbot, pair, fake_providers, english, monkeypatch):
    pair.staff(2)
    exporter.export_packages(pair.district, pair.usb)
    others = [second_district(pair, f"BHXHD{i}", f"BHXH huyện {i}") for i in range(3)]
    for o in others:
        exporter.export_packages(o, pair.usb)
    imp = province_view.ImportPanel(ViewContext(pair.province, None))
    qtbot.addWidget(imp)
    imp.add_paths([str(pair.usb)])
    imp.preview_btn.click()
    qtbot.waitUntil(lambda: imp.model.rowCount() == 4, timeout=20000)
    assert province_view.selected_item(imp.view).error_code == "new_sender_key"
    answers = [province_view.TrustKeyDialog.MATCH, province_view.TrustKeyDialog.MISMATCH,
               province_view.TrustKeyDialog.SKIP, province_view.TrustKeyDialog.MATCH]
    monkeypatch.setattr(province_view.TrustKeyDialog, "exec", lambda self: answers.pop(0))
    imp.trust_selected()
    assert answers == []
    qtbot.waitUntil(lambda: sum(s.status == "ok" for s in imp.summaries) == 2, timeout=20000)
    # after a preview, the trusted districts are previewed again: then one import for all
    assert "4 packages: 2 can be imported, 1 with a key to check, 1 key does not match" \
        in imp.totals.text()
    # the selection is on the district still to be checked
    left = province_view.selected_item(imp.view)
    assert left.error_code == "new_sender_key" and left.sender not in imp.mismatched
    assert imp.trust_btn.isEnabled()
    for o in others:
        o.close(clean=False)


def test_accept_gap_needs_a_held_row_and_names_it(qtbot, pair, fresh, english, monkeypatch):
    from sync import importer

    from .test_faults import acked_chain

    p1, _p2, p3 = acked_chain(pair, 3)
    importer.import_file(fresh, p1.copied_to, trust_new_sender=True)
    imp = province_view.ImportPanel(ViewContext(fresh, None))
    qtbot.addWidget(imp)
    imp._show(importer.import_many(fresh, [p3.copied_to]))
    assert not imp.held_box.isHidden()
    assert imp.model.index(0, 3).data() == "Held (earlier package missing)"
    assert not imp.accept_btn.isEnabled()  # no held row chosen yet
    asked = []
    monkeypatch.setattr(province_view, "confirm", lambda _w, text, *a, **k: asked.append(text))
    imp.held_view.selectRow(0)
    assert imp.accept_btn.isEnabled()
    imp.accept_btn.click()
    assert "(BHXHTEST)" in asked[0] and "No. 2?" in asked[0]
    assert len(status.held_packages(fresh)) == 1  # not confirmed: still held
    monkeypatch.setattr(province_view, "confirm", lambda *a, **k: True)
    imp.accept_btn.click()
    assert not status.held_packages(fresh) and imp.held_box.isHidden()
    fresh.close(clean=False)


def test_package_for_another_province(qtbot, pair, english):
    """A district of another province sent its package here by mistake: the advice is to pass
    it on, not to add the district to this province's list."""
    from desktop.models.unit import UnitProfile
    from sync import importer
    from sync.peers import enroll, export_province_profile, add_district

    from .conftest import make_unit

    folder = pair.tmp / "other-province"
    folder.mkdir()
    other = make_unit(folder, UnitProfile(code="BHXHKHAC", name="BHXH tỉnh Khác",
                                          level="province"))
    add_district(other, "BHXHLA", "BHXH huyện Lạ")
    stray_dir = pair.tmp / "stray"
    stray_dir.mkdir()
    stray = make_unit(stray_dir, UnitProfile(code="BHXHLA", name="BHXH huyện Lạ",
                                             level="district", parent_code="BHXHKHAC",
                                             parent_name="BHXH tỉnh Khác"))
    enroll(stray, export_province_profile(other, pair.tmp / "khac.isoprofile"))
    [p] = exporter.export_packages(stray, pair.usb)
    imp = province_view.ImportPanel(ViewContext(pair.province, None))
    qtbot.addWidget(imp)
    imp._show(importer.import_many(pair.province, [p.copied_to]))
    [s] = imp.summaries
    assert s.error_code == "wrong_recipient"
    assert "gửi cho BHXHKHAC, không phải cho đơn vị này" in s.message
    assert "thêm đơn vị" not in s.message
    assert imp.model.index(0, 1).data() == "BHXHLA"  # the district column from the header
    other.close(clean=False)
    stray.close(clean=False)


def test_engine_messages_name_no_command_and_dates_read_locally(pair):
    from sync import importer

    pair.staff(1)
    [p] = exporter.export_packages(pair.district, pair.usb)
    [first] = importer.import_many(pair.province, [p.copied_to])
    assert first.error_code == "new_sender_key" and first.seq == 1
    assert "--trust" not in first.message and "dòng lệnh" not in first.message
    importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    [again] = importer.import_file(pair.province, p.copied_to)
    assert re.search(r"đã được nhập lúc \d\d/\d\d/\d{4} \d\d:\d\d;", again.message)


def test_fingerprint_given_beforehand_lets_the_first_package_in(qtbot, pair, english):
    from sync import importer
    from sync.keys import public_keys, unit_fingerprint
    from sync.peers import get_peer, update_district

    from desktop.models.errors import ValidationError
    from desktop.views.sync.dialogs import DistrictDialog

    sign, enc = public_keys(pair.district)
    right = unit_fingerprint(sign, enc)
    code = pair.district.unit_code
    dialog = DistrictDialog(pair.province, get_peer(pair.province, code))
    qtbot.addWidget(dialog)
    dialog.fingerprint.setText("1234")
    dialog.accept()
    assert dialog.errors._labels["fingerprint"].text().startswith("Mã khóa gồm 24")
    dialog.fingerprint.setText("0000-0000-0000-0000-0000-0000")  # a wrong one: key to check
    dialog.accept()
    pair.staff(2)
    [p] = exporter.export_packages(pair.district, pair.usb)
    [s] = importer.import_many(pair.province, [p.copied_to])
    assert s.error_code == "new_sender_key" and "khác mã đã khai báo" in s.message
    update_district(pair.province, code, fingerprint=right.replace("-", "").lower())
    [s] = importer.import_many(pair.province, [p.copied_to])
    assert s.status == "ok" and s.imported > 0
    assert get_peer(pair.province, code).trusted
    with pytest.raises(ValidationError):  # once trusted, a new key goes by “accept new key”
        update_district(pair.province, code, fingerprint="0000-0000-0000-0000-0000-0000")
