"""The Overview page: a card per figure of every registered provider, colours for what is late,
the charts, and the list behind each figure."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.models import figures
from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.plan import PlanRepository
from desktop.views.context import ViewContext
from desktop.views.overview.page import OverviewPage
from desktop.views.overview.widgets import TONES

TODAY = dt.date.today()


def days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def records(store):
    docs = DocumentRepository(store)
    for code in ("QT-01", "QT-02"):
        d = docs.add({"code": code, "title": f"Quy trình {code}", "kind": "internal_procedure"})
        docs.approve(d.id, approver="Giám đốc", approved_on=days(-20))
        docs.put_in_force(d.id, effective_on=days(-10))
    docs.add({"code": "BM-01", "title": "Biểu mẫu", "kind": "form"})
    ncs = NonconformityRepository(store)
    late = ncs.add({"description": "Hồ sơ trả chậm", "detected_on": days(-30)})
    ncs.advance(late.id, "planned", {"cause": "c", "corrective_action": "a", "owner": "Hà",
                                     "due_on": days(-2), "planned_on": days(-29)})
    ncs.add({"description": "Thiếu chữ ký", "detected_on": days(-1)})
    plan = PlanRepository(store)
    plan.add({"title": "Mốc đã xong", "due_on": days(-40), "status": "done",
              "completed_on": days(-41)})
    plan.add({"title": "Mốc quá hạn", "due_on": days(-5)})
    plan.add({"title": "Mốc sắp tới", "due_on": days(20)})
    return store


@pytest.fixture
def page(qtbot, records, admin):
    ctx = ViewContext(records, admin)
    p = OverviewPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 900)
    p.show()
    return p


def test_cards_of_every_provider(qtbot, records, admin, fake_providers):
    p = OverviewPage(ViewContext(records, admin))
    qtbot.addWidget(p)
    assert set(p.cards) == {"training", "nc", "plan", "documents", "report", "review",
                            "minutes"}
    training = p.cards["training"]
    assert training.value.text() == "83%"  # 33 of 40
    assert "33" in training.caption.text() and "40" in training.caption.text()
    assert training.tone == "warn"
    assert "2" in training.detail.text()
    assert p.cards["minutes"].value.text() == "2"
    assert p.cards["minutes"].tone == "warn"
    assert p.cards["nc"].value.text() == "2" and p.cards["nc"].tone == "bad"
    assert p.cards["plan"].value.text() == "1/3" and p.cards["plan"].tone == "bad"
    assert p.cards["documents"].value.text() == "2"
    assert p.cards["review"].tone == "bad"  # no review recorded
    assert not p.training_chart.isHidden()
    slices = {s.label().split(":")[0]: s.value() for s in p.training_chart.series.slices()}
    assert list(slices.values()) == [33, 2, 5]


def test_without_training_and_minutes_the_other_cards_show(qtbot, records, admin,
                                                          without_providers):
    p = OverviewPage(ViewContext(records, admin))
    qtbot.addWidget(p)
    assert "training" not in p.cards and "minutes" not in p.cards
    assert {"nc", "plan", "documents", "report", "review", "staff"} <= set(p.cards)
    assert p.training_chart.isHidden()
    assert all(card.value.text() for card in p.cards.values())  # no empty card


def test_an_unknown_provider_gets_a_plain_card(qtbot, records, admin, monkeypatch):
    monkeypatch.setitem(figures.PROVIDERS, "sync",
                        lambda store, **kw: {"packages_sent": 4, "packages_waiting": 1})
    p = OverviewPage(ViewContext(records, admin))
    qtbot.addWidget(p)
    card = p.cards["other_sync"]
    assert card.value.text() == "4" and "packages_waiting: 1" in card.detail.text()
    assert not card.clickable


def test_each_figure_opens_its_list(qtbot, page, fake_providers):
    page.refresh()
    qtbot.mouseClick(page.cards["training"], Qt.MouseButton.LeftButton)
    dialog = page.list_dialog
    assert dialog.model.rowCount() == 2
    assert [dialog.model.item(r)["full_name"] for r in range(2)] == ["Bùi Thanh Tâm",
                                                                    "Nguyễn Thị Yến"]
    dialog.close()
    qtbot.mouseClick(page.cards["nc"], Qt.MouseButton.LeftButton)
    assert page.list_dialog.model.rowCount() == 2
    first = page.list_dialog.model.item(0)
    assert first.description == "Hồ sơ trả chậm"  # the overdue one comes first
    page.list_dialog.close()
    page.cards["nc"].detail_activated.emit()  # "1 overdue"
    assert page.list_dialog.model.rowCount() == 1
    with qtbot.waitSignal(page.ctx.navigate) as nav:
        page.list_dialog._open(first)
    assert nav.args == [f"records/nc#{first.id}"]
    qtbot.mouseClick(page.cards["plan"], Qt.MouseButton.LeftButton)
    assert page.list_dialog.model.rowCount() == 3
    page.list_dialog.close()
    page.documents_chart.sets[0].clicked.emit(0)  # the "draft" bar
    assert [d.code for d in page.list_dialog.model.items] == ["BM-01"]
    page.list_dialog.close()
    with qtbot.waitSignal(page.ctx.navigate) as nav:
        qtbot.mouseClick(page.cards["minutes"], Qt.MouseButton.LeftButton)
    assert nav.args == ["minutes"]
    with qtbot.waitSignal(page.ctx.navigate) as nav:
        page.cards["report"].setFocus()
        qtbot.keyClick(page.cards["report"], Qt.Key.Key_Return)
    assert nav.args == ["records/report"]


def test_search_in_a_list_ignores_accents(qtbot, page, fake_providers):
    page.refresh()
    dialog = page.open_not_passed()
    qtbot.keyClicks(dialog.search, "yen")
    assert dialog.proxy.rowCount() == 1


def test_refreshes_when_records_change(qtbot, page):
    assert page.cards["documents"].value.text() == "2"
    d = DocumentRepository(page.ctx.store).add({"code": "QT-09", "title": "X", "kind": "form"})
    DocumentRepository(page.ctx.store).approve(d.id, approver="GĐ", approved_on=days(-1))
    DocumentRepository(page.ctx.store).put_in_force(d.id, effective_on=days(0))
    page.ctx.announce_changes()
    assert page.cards["documents"].value.text() == "3"


def test_late_report_is_red_and_a_final_one_green(qtbot, records, admin):
    from desktop.models.iso.annual_report import ReportRepository

    late = dt.date(2026, 11, 20)  # five days after the default deadline, 15/11
    p = OverviewPage(ViewContext(records, admin), today=late)
    qtbot.addWidget(p)
    card = p.cards["report"]
    assert card.value.text() == "5" and card.tone == "bad"
    assert card.value.styleSheet() == f"color: {TONES['bad']};"
    assert "15/11/2026" in card.caption.text()
    repo = ReportRepository(records)
    r = repo.save(2026, {"sections": [{"title": "Tình hình"}], "report_on": "2026-11-14",
                         "signer_name": "Phạm Quốc Hùng"})
    repo.finalise(r.id, {})
    p.refresh()
    card = p.cards["report"]
    assert card.value.text() == "360" and card.tone == "neutral"  # next year's deadline
