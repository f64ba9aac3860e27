"""The first day of a new office: the "Getting started" checklist ticked from the data, no red
alarm for figures that only mean "nothing entered yet", empty lists that say what to do with the
button that does it, and deadlines that are never in the past when called "next"."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop.models import users
from desktop.models.iso.figures import next_deadline, records_summary, upcoming_deadline
from desktop.models.iso.plan import PlanRepository
from desktop.models.iso.reviews import ReviewRepository
from desktop.models.iso.team import TeamRepository
from desktop.models.quiz import sessions
from desktop.models.staff import StaffRepository
from desktop.models.unit import setup_day
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow


def set_up_on(store, when: dt.datetime) -> None:
    """The day the office began keeping its records here."""
    store.execute("UPDATE unit_profile SET created_at = ? WHERE id = 1",
                  (when.astimezone().isoformat(timespec="seconds"),))


@pytest.fixture
def new_office(store):
    set_up_on(store, dt.datetime.now())
    return store


def test_a_new_office_owes_no_report_and_no_review_for_the_time_before_it(store):
    set_up_on(store, dt.datetime(2026, 11, 20, 9, 0))
    today = dt.date(2026, 11, 25)
    assert setup_day(store, today=today) == dt.date(2026, 11, 20)
    s = records_summary(store, unit_code=store.unit_code, today=today)
    assert (s["report_deadline"], s["days_to_report"]) == ("2027-11-15", 355)  # not 10 days late
    assert (s["review_due"], s["review_state"], s["review_due_by"]) == (False, "not_yet",
                                                                    "2027-11-20")
    assert ReviewRepository(store).reminder(today)["message"] == ""
    # The same office a year on is behind on both.
    later = dt.date(2027, 11, 25)
    s = records_summary(store, unit_code=store.unit_code, today=later)
    assert (s["report_deadline"], s["days_to_report"], s["review_due"]) == ("2027-11-15", -10,
                                                                            True)
    # A new office that has begun this year's report is late with it, as the report itself
    # and the province's overview say (the overview no longer counts down to next year's)
    from desktop.models.iso.annual_report import ReportRepository

    draft = ReportRepository(store).save(2026, {"sections": [{"title": "Tình hình"}],
                                                "report_on": "24/11/2026",
                                                "signer_name": "Phạm Quốc Hùng"})
    s = records_summary(store, unit_code=store.unit_code, today=today)
    assert (s["report_deadline"], s["days_to_report"], s["report_status"]) == (
        "2026-11-15", -10, "draft")
    ReportRepository(store).finalise(draft.id, {})
    assert next_deadline(store, today) == dt.date(2027, 11, 15)
    store.execute("UPDATE iso_annual_reports SET deleted = 1")
    # One set up before the deadline and without a final report is late, as before.
    set_up_on(store, dt.datetime(2026, 1, 5, 9, 0))
    assert next_deadline(store, today) == dt.date(2026, 11, 15)
    # Another unit's figures (the province's copies) know nothing of its set-up: as before.
    assert setup_day(store, "BHXHKHAC", today) is None


def test_the_next_deadline_is_never_in_the_past(store):
    for today in (dt.date(2026, 1, 1), dt.date(2026, 11, 15), dt.date(2026, 11, 16),
                  dt.date(2026, 12, 31)):
        assert upcoming_deadline(store, today) >= today


def test_the_command_line_never_calls_a_past_date_next(data_dir, capsys):
    from desktop.cli import main

    assert main(["--data-dir", str(data_dir), "report", "deadline", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert dt.date.fromisoformat(out["next"]) >= dt.date.today()


@pytest.fixture
def window(qtbot, qapp, new_office):
    w = MainWindow(ViewContext(new_office, users.find_user(new_office, "admin")))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def steps_done(page) -> dict[str, bool]:
    return {s.key: s.done for s in page.first_steps.steps}


def test_the_overview_of_a_new_office_says_what_to_do_first_and_raises_no_alarm(window, new_office):
    store = new_office
    page = window.show_section("overview")
    panel = page.first_steps
    assert panel.isVisible()
    assert steps_done(page) == {"staff": False, "team": False, "plan": False, "enrol": False,
                                "training": False}
    # Nothing entered yet is not an alarm.
    assert [k for k, card in page.cards.items() if card.tone == "bad"
            or "#c62828" in card.detail.text()] == []
    assert page.cards["training"].value.text() == "—"
    assert page.cards["report"].value.text().isdigit()        # days until, not days late
    assert page.training_chart.empty.isVisible() and page.documents_chart.empty.isVisible()
    axis = page.documents_chart.axis_y
    assert (axis.min(), axis.max(), axis.tickInterval()) == (0, 1, 1)   # 0, 1: not 0, 0, 0, 1

    # Each step is ticked as soon as the data says it is done, wherever it was done.
    person = StaffRepository(store).add({"staff_code": "CB001", "full_name": "Nguyễn Văn An"})
    window.ctx.announce_changes()
    assert steps_done(page)["staff"] and panel.findChild(QLabel, "step_staff_mark").text() == "✔"
    TeamRepository(store).add({"staff_id": person.id, "role": "head"})
    PlanRepository(store).load_template_set()
    sessions.create_session(store, {"date": dt.date.today().isoformat(), "place": "Hội trường",
                                    "settings": {"questions": 5, "pass_mark": 50}},
                            staff_ids=[person.id])
    window.ctx.announce_changes()
    assert steps_done(page) == {"staff": True, "team": True, "plan": True, "enrol": False,
                                "training": True}
    assert page.cards["training"].tone == "bad"   # a training was held: now the figure counts

    # A step's button opens where it is done.
    panel.findChild(QPushButton, "step_enrol_button").click()
    sync = window.stack.currentWidget()
    assert sync.objectName() == "page_sync" and sync.tabs.currentWidget() is sync.panels["enrol"]


def test_empty_lists_say_what_to_do_and_offer_the_button(window, monkeypatch):
    from desktop.views import files
    from desktop.views.quiz import sessions_panel

    staff = window.show_section("staff")
    hint = staff.table.viewport().findChild(QLabel, "empty_hint")
    assert hint.isVisible() and "Excel" in hint.text()
    asked = []
    monkeypatch.setattr(files.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (asked.append(a[1]), ("", ""))[1])
    hint.button.click()
    assert asked                                      # the import asks for the file
    staff.search.setText("không ai có tên này")       # a search with no match is not "empty"
    assert hint.isVisible()

    training = window.show_section("training")
    hint = training.sessions.table.viewport().findChild(QLabel, "empty_hint")
    assert hint.isVisible() and hint.button is not None
    opened = []
    monkeypatch.setattr(sessions_panel.SessionDialog, "exec", lambda self: opened.append(self))
    hint.button.click()
    assert opened

    sync = window.show_section("sync")
    send = sync.panels["send"]
    packages = send.packages_view.viewport().findChild(QLabel, "empty_hint")
    outbox = send.outbox_view.viewport().findChild(QLabel, "empty_hint")
    assert packages.isVisible() and packages.button.isVisible()     # not enrolled yet
    assert outbox.isVisible() and outbox.text()
    packages.button.click()
    assert sync.tabs.currentWidget() is sync.panels["enrol"]
    QApplication.processEvents()
def test_the_checklist_goes_once_everything_is_done(qtbot, qapp, demo_dir):
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME

    store = open_store(demo_dir / DB_FILENAME, actor="admin")
    try:
        w = MainWindow(ViewContext(store, users.find_user(store, "admin"), demo=True))
        qtbot.addWidget(w)
        w.show()
        page = w.show_section("overview")
        assert all(steps_done(page).values()) and not page.first_steps.isVisible()
        w.close()
    finally:
        store.close(clean=False)




def test_a_new_province_office_has_its_own_first_steps(qtbot, qapp, tmp_path):
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.unit import UnitProfile, save_profile
    from sync.keys import ensure_unit_keys
    from sync.peers import add_district

    store = open_store(tmp_path / "tinh" / DB_FILENAME, actor="setup")
    try:
        with store.atomic():
            save_profile(store, UnitProfile(code="BHXHLG", name="Bảo hiểm xã hội tỉnh Lam Giang",
                                            level="province", place="Lam Giang"))
            users.create_user(store, "admin", "Hoàng Minh Tuấn", "admin", "mat-khau-tinh-1")
            ensure_unit_keys(store)
        w = MainWindow(ViewContext(store, users.find_user(store, "admin")))
        qtbot.addWidget(w)
        w.show()
        page = w.show_section("overview")
        assert page.first_steps.isVisible()
        assert steps_done(page) == {"staff": False, "team": False, "districts": False,
                                    "training": False}
        add_district(store, "BHXHST", "Bảo hiểm xã hội huyện Sông Trà")
        page.refresh()
        assert steps_done(page)["districts"]
        page.first_steps.findChild(QPushButton, "step_districts_button").click()
        sync = w.stack.currentWidget()
        assert sync.tabs.currentWidget() is sync.panels["districts"]
        w.close()
    finally:
        store.close(clean=False)
