"""The proctor's side of the test over the office network, with real widgets: serving a session,
the live list (web and kiosk people together), letting a device in, moving a running test to
another device, the join page with its QR code, ending the test for everyone; and
`isodesk quiz serve` headless."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models import users
from desktop.models.quiz import attempts, sessions, web
from desktop.views import common
from desktop.views.context import ViewContext
from desktop.views.quiz import lan_panel, proctor_view
from desktop.views.quiz.join_screen import JoinScreen
from desktop.views.quiz.table_models import PeopleModel
from tests.conftest import PASSWORD

from .conftest import make_session, staff_ids
from .web_helpers import Client, screen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def view(qtbot, qstore, monkeypatch):
    said = []
    for module in (common, proctor_view, lan_panel):
        monkeypatch.setattr(module, "show_info", lambda _p, text, *a, **k: said.append(text),
                            raising=False)
        monkeypatch.setattr(module, "show_error",
                            lambda _p, err, *a, **k: said.append(f"ERROR {err}"), raising=False)
        monkeypatch.setattr(module, "confirm", lambda *a, **k: True, raising=False)
    v = proctor_view.ProctorView(ViewContext(qstore, users.find_user(qstore, "iso")))
    qtbot.addWidget(v)
    v.said = said
    yield v
    v.lan.stop()


def status_of(v, code: str) -> str:
    for row in range(v.proxy.rowCount()):
        person = v.proxy.object_at(row)
        if person.staff_code == code:
            return v.model.display(person, PeopleModel.STATUS) + " | " + \
                v.model.display(person, PeopleModel.WHERE)
    raise AssertionError(code)


def test_serve_let_in_watch_move_and_end(qtbot, qstore, view):
    s = make_session(qstore, questions=4)
    view.set_session(s.id)
    assert view.lan.start(host="127.0.0.1", port=0, auto_admit=False)
    assert view.lan.stop_button.isVisibleTo(view) and "127.0.0.1" in view.lan.address.text()
    phone = Client(view.lan.running.port)
    assert screen(phone.join("CB002")) == "waiting"
    kiosk_attempt = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB003"],
                                           kiosk_label="Máy 1")
    attempts.save_progress(qstore, kiosk_attempt, 1, 0)
    view.reload()
    assert status_of(view, "CB002").startswith("Chờ cho vào") and "Android" in \
        status_of(view, "CB002")
    assert status_of(view, "CB003").startswith("Đang làm bài (0/4)") and "Máy 1" in \
        status_of(view, "CB003")
    view.select_staff(staff_ids(qstore)["CB002"])
    view.lan.admit_selected()
    assert screen(phone.get()) == "question"
    phone.answer(1, 0)
    view.reload()
    assert status_of(view, "CB002").startswith("Đang làm bài (1/4)")
    # a flat battery: the same person on a PC waits; the proctor moves the test there
    pc = Client(view.lan.running.port, agent="Mozilla/5.0 (Windows NT 10.0) Edg/120")
    assert screen(pc.join("CB002")) == "waiting"
    view.reload()
    assert "thiết bị khác đang chờ làm tiếp" in status_of(view, "CB002")
    view.select_staff(staff_ids(qstore)["CB002"])
    view.lan.admit_selected()
    assert screen(pc.get()) == "question"
    # the join page for the projector: the address and its QR code
    join = JoinScreen(qstore, view.session, view.lan.url)
    qtbot.addWidget(join)
    assert "127.0.0.1" in join.address.text() and join.qr.modules
    image = join.qr.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()
    # the end, for everyone (web and kiosk)
    assert view.lan.end_for_all() == 2
    assert attempts.load_attempt(qstore, kiosk_attempt.id).submitted
    assert any("2" in t for t in view.said)
    view.lan.stop()
    assert view.lan.running is None and view.lan.start_button.isVisibleTo(view)


def test_auto_admit_and_a_closed_session_stops_serving(qtbot, qstore, view):
    s = make_session(qstore, questions=3)
    view.set_session(s.id)
    assert view.lan.start(host="127.0.0.1", port=0, auto_admit=True)
    assert view.lan.auto.isChecked()
    c = Client(view.lan.running.port)
    assert screen(c.join("CB005")) == "question"
    sessions.set_status(qstore, s.id, "closed")
    view.lan.running.app.last_check = -1e9
    view.lan.running.app.sweep()
    view.lan._watch()
    assert view.lan.running is None
    assert any("đã đóng" in t for t in view.said)


def test_quiz_serve_headless(qstore, qdata_dir):
    s = make_session(qstore, questions=3)
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(qdata_dir), "quiz", "serve",
         "--session", s.id[:8], "--host", "127.0.0.1", "--port", "0", "--admit-listed",
         "--json", "--user", "giamthi", "--password-stdin"], cwd=ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdin.write(PASSWORD + "\n")      # the proctor's account, as the windows ask for
    proc.stdin.close()
    try:
        started = json.loads(proc.stdout.readline())
        assert started["session_id"] == s.id and started["urls"] == [
            f"http://127.0.0.1:{started['port']}/"]
        c = Client(started["port"])
        assert screen(c.join("CB001")) == "question"
        assert c.answer(1, 0)["ok"]
        sessions.set_status(qstore, s.id, "closed")        # serving stops with the session
        assert proc.wait(timeout=60) == 0
        assert "đã đóng" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert web.test_state(qstore, s.id)["auto_admit"] == 1
