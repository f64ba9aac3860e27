"""The demo as a whole: its parts agree with each other (the training minutes and the training
day, one consultant company, the same roles on the team list and in the minutes), it is enrolled
with a demo province so that a package goes from one to the other, and the proctor's PIN is
shown where the proctor needs it."""
from __future__ import annotations

import json

from desktop.cli import main as cli
from desktop.demo import DEMO_PASSWORD, DEMO_USERS
from desktop.demo.people import CONSULTANT_ORG
from desktop.demo.province import DEMO_PROVINCE, province_dir
from desktop.demo.quiz import DEMO_PIN
from desktop.models import minutes as M
from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.iso.team import TeamRepository, role_label
from desktop.models.quiz import results, sessions
from desktop.models.staff import StaffRepository
from tests.cli_auth import run_cli


def test_the_demo_agrees_with_itself(demo_dir):
    store = open_store(demo_dir / DB_FILENAME)
    try:
        [session] = sessions.list_sessions(store)
        counts = results.session_summary(results.session_results(store, session.id))
        revs = [M.latest_revision(store, e.minutes_id) for e in M.register(store)]
        [minutes] = [r for r in revs if r.subject.startswith("Đào tạo nhận thức")]
        assert minutes.date >= session.date                 # not before the day it records
        assert (f"Số cán bộ tham dự: {counts['present']}/{counts['listed']} người"
                in minutes.content)
        assert f"làm bài kiểm tra: {counts['submitted']} người" in minutes.content
        assert f"trong đó {counts['passed']} người đạt" in minutes.content

        # One consultant company everywhere.
        team = TeamRepository(store).members()
        companies = {session.consultant_org} | {
            p["organisation"] for r in revs for p in r.participants
            if p["side"] == "consultant"} | {m.work_unit for m in team if m.external}
        assert companies == {CONSULTANT_ORG}

        # Whoever is in the ISO team is named with that role in the minutes, and with the
        # position the roster gives.
        roster = {p.full_name: p for p in StaffRepository(store).list()}
        roles = {m.full_name: role_label(m.role) for m in team}
        for rev in revs:
            for p in rev.participants:
                if p["side"] == "unit" and p["name"] in roles:
                    assert f"{roles[p['name']]} Tổ triển khai ISO" in p["position"], p
                    assert p["position"].startswith(roster[p["name"]].position), p
        for username, full_name, _role, position in DEMO_USERS:
            if full_name in roster and full_name not in roles:
                assert position == roster[full_name].position
        admin = users.find_user(store, "admin")
        assert admin.position == roster[admin.full_name].position == "Giám đốc"
    finally:
        store.close(clean=False)


def test_a_package_goes_from_the_demo_district_to_the_demo_province(demo_dir, tmp_path,
                                                                     capsys):
    province = province_dir(demo_dir)
    assert (province / DB_FILENAME).exists()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run_cli(["--data-dir", str(demo_dir), "sync", "export", "--out", str(usb)],
                   password=DEMO_PASSWORD) == 0
    [package] = usb.glob("*.isosync")
    assert run_cli(["--data-dir", str(province), "sync", "import", str(package), "--json"],
                   password=DEMO_PASSWORD) == 0
    capsys.readouterr()
    assert cli(["--data-dir", str(province), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    text = json.dumps(status, ensure_ascii=False)
    assert "BHXHST" in text
    store = open_store(province / DB_FILENAME)
    try:
        assert store.unit_code == DEMO_PROVINCE.code
        assert len(StaffRepository(store).list(unit="BHXHST")) == 40   # the district's roster
    finally:
        store.close(clean=False)


def test_the_proctor_sees_the_demo_pin(qtbot, qapp, demo_dir):
    from desktop.views.context import ViewContext
    from desktop.views.quiz.proctor_view import ProctorView

    store = open_store(demo_dir / DB_FILENAME, actor="admin")
    try:
        view = ProctorView(ViewContext(store, users.find_user(store, "admin"), demo=True))
        qtbot.addWidget(view)
        view.set_session(sessions.list_sessions(store)[0].id)
        assert DEMO_PIN in view.heading.text()
        kiosk = view.start_kiosk(fullscreen=False)
        qtbot.addWidget(kiosk)
        kiosk.ask_pin("menu")
        assert kiosk.pin.demo_note.isVisible() and DEMO_PIN in kiosk.pin.demo_note.text()
        kiosk.leave()
    finally:
        store.close(clean=False)


def test_the_demo_pin_is_shown_only_where_it_opens_the_kiosk(qtbot, qapp, demo_dir):
    """A session made while trying the demo, with a PIN of its own, is not told the demo's PIN;
    nor is the demo's session once its PIN was changed."""
    from desktop.views.context import ViewContext
    from desktop.views.quiz.proctor_view import ProctorView

    store = open_store(demo_dir / DB_FILENAME, actor="admin")
    try:
        [demo] = sessions.list_sessions(store)
        mine = sessions.create_session(store, {
            "title": "Tập huấn lần hai", "date": demo.date, "place": "Phòng họp",
            "settings": {"questions": 5, "pass_mark": 70}})
        sessions.set_pin(store, mine.id, "5678")
        view = ProctorView(ViewContext(store, users.find_user(store, "admin"), demo=True))
        qtbot.addWidget(view)
        view.set_session(mine.id)
        assert DEMO_PIN not in view.heading.text()
        kiosk = view.start_kiosk(fullscreen=False)
        qtbot.addWidget(kiosk)
        kiosk.ask_pin("menu")
        assert not kiosk.pin.demo_note.isVisible()
        kiosk.leave()
        sessions.set_pin(store, demo.id, "9999")
        view.set_session(demo.id)
        assert DEMO_PIN not in view.heading.text()
    finally:
        store.close(clean=False)


def test_real_data_never_shows_a_pin(qtbot, qapp, data_dir):
    from desktop.demo.quiz import DEMO_PIN_SETTING
    from desktop.models.settings import get_setting

    store = open_store(data_dir / DB_FILENAME)
    try:
        assert get_setting(store, DEMO_PIN_SETTING) is None
    finally:
        store.close(clean=False)
