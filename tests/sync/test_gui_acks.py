"""Writing the acknowledgements from the province's import panel (real widgets, real files):
Stop between two districts leaves the ones written whole, the rest unwritten; the next run
writes the rest."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.views.context import ViewContext
from desktop.views.sync import province as province_view
from desktop.views.sync.page import SyncPage
from sync import ack, exporter, importer
from sync.peers import list_peers

from .conftest import second_district

WAIT = 20000


def _districts_sent(pair) -> dict:
    """Three districts, each with one package imported at the province: code → its store."""
    pair.staff(2)
    districts = {pair.district.unit_code: pair.district}
    for code, name in (("BHXHBA", "BHXH huyện Ba"), ("BHXHHAI", "BHXH huyện Hai")):
        districts[code] = second_district(pair, code, name)
    for store in districts.values():
        exporter.export_packages(store, pair.usb)
    summaries = importer.import_many(pair.province, [pair.usb], trust_new_sender=True)
    assert sorted(s.status for s in summaries) == ["ok"] * 3, [s.messages for s in summaries]
    return districts


def test_stop_leaves_whole_acknowledgements_and_the_next_run_writes_the_rest(
        qtbot, pair, english, monkeypatch, tmp_path):
    districts = _districts_sent(pair)
    first, second, third = sorted(districts)   # the order the province writes them in
    shown = []
    monkeypatch.setattr(province_view, "show_info", lambda _w, text, *_a: shown.append(text))
    written, two_written, go = [], threading.Event(), threading.Event()
    original = ack.write_atomic

    def writing(dest, **kwargs):   # on the operation's thread
        original(dest, **kwargs)
        written.append(dest.name)
        if len(written) == 2 and not go.is_set():
            two_written.set()
            go.wait(WAIT / 1000)     # Stop is pressed while the second one is being written

    monkeypatch.setattr(ack, "write_atomic", writing)
    page = SyncPage(ViewContext(pair.province, None), None)
    qtbot.addWidget(page)
    panel = page.panels["import"]
    out = tmp_path / "acks"
    out.mkdir()

    op = panel.write_acks(folder=str(out))
    qtbot.waitUntil(two_written.is_set, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.findChild(QWidget, "operation_progress") is not None
                    and panel.findChild(QWidget, "operation_progress").isVisible(),
                    timeout=WAIT)
    stop = panel.findChild(QWidget, "operation_progress").findChild(QPushButton,
                                                                     "operation_stop")
    assert stop.isVisible() and stop.isEnabled()
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    go.set()
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT)
    assert op.outcome == "cancelled"
    assert len(shown) == 1 and shown[0].startswith("Stopped: 2 of 3 acknowledgements written")

    names = sorted(p.name for p in out.iterdir())
    assert names == [ack.ack_name(pair.province.unit_code, first, 1),
                     ack.ack_name(pair.province.unit_code, second, 1)]
    for code, name in ((first, names[0]), (second, names[1])):   # each whole: it reads and counts
        result = ack.import_ack(districts[code], out / name)
        assert (result.ack_seq, result.highest_seq, result.packages) == (1, 1, 1)
    sent = {p.code: p.row["ack_seq_out"] for p in list_peers(pair.province, "district")}
    assert sent == {first: 1, second: 1, third: 0}
    assert not list(pair.province.path.parent.rglob(f"*-ack-{third}-*"))   # nor half of one

    again = panel.write_acks(folder=str(out))
    qtbot.waitUntil(lambda: again.finished, timeout=WAIT)
    assert again.outcome == "done" and shown[-1].startswith("3 ")
    third_ack = out / ack.ack_name(pair.province.unit_code, third, 1)
    result = ack.import_ack(districts[third], third_ack)
    assert (result.ack_seq, result.highest_seq, result.packages) == (1, 1, 1)
    assert len(list(out.iterdir())) == 5
