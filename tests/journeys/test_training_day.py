"""The training day from start to end, as the proctor and a staff member do it, on the real
program: sign in to the demo, open the kiosk, take the test, leave the kiosk with the PIN, sign
out, quit. The program must end with exit code 0 and leave its exit backup (leaving the kiosk
used to end it with a segmentation fault)."""
from __future__ import annotations

import shutil

import pytest

from desktop.demo import DEMO_PASSWORD
from desktop.demo.quiz import DEMO_PIN
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, list_backups
from desktop.models.quiz import results, sessions

from .driver import Program

pytestmark = pytest.mark.slow


def untested_person(folder):
    store = open_store(folder / DB_FILENAME)
    try:
        session = sessions.list_sessions(store)[0]
        rows = results.session_results(store, session.id)
        person = next(r for r in rows if r.status == "not_started" and r.present)
        return session.id, person.staff_code, person.staff_id
    finally:
        store.close(clean=False)


def test_training_day_from_sign_in_to_quit(x_server, tmp_path, _demo_template):
    folder = tmp_path / "demo"
    shutil.copytree(_demo_template, folder)
    session_id, code, staff_id = untested_person(folder)
    backups_before = set(list_backups(folder / "backups"))

    with Program(x_server, ["demo", "--data-dir", str(folder)], tmp_path / "run") as app:
        app.click(app.wait_for(name="password", window="LoginDialog", timeout=300))
        app.type_text(DEMO_PASSWORD).key("Return")

        app.click(app.wait_for(cls="QListWidgetItem", key="training", timeout=120))
        app.click(app.wait_for(name="start_kiosk"))

        # A staff member finds their name by staff code and takes the whole test by keyboard.
        app.wait_for(name="name_search", window="kiosk")
        app.click(app.find(name="name_search")).type_text(code).key("Return")
        app.click(app.wait_for(name="confirm_yes", window="kiosk"))
        app.wait_for(name="question_text", window="kiosk")
        for _question in range(200):                 # bounded: the test has at most 200
            if app.find(name="review_submit", window="kiosk"):
                break
            app.key("1", "Return")
        app.click(app.wait_for(name="review_submit", window="kiosk"))
        app.click(app.wait_for(name="submit_check_yes", window="kiosk"))
        app.click(app.wait_for(name="result_done", window="kiosk"))

        # The proctor leaves the kiosk with the PIN.
        app.click(app.wait_for(name="proctor_button", window="kiosk"))
        app.click(app.wait_for(name="pin_field", window="kiosk")).type_text(DEMO_PIN)
        app.key("Return")
        app.click(app.wait_for(name="menu_exit", window="kiosk"))
        app.wait_window("KioskWindow", gone=True)

        # Still running, the main window back: sign out, then quit from the sign-in.
        app.click(app.wait_for(cls="QListWidgetItem", key="overview"))
        app.wait_for(name="page_overview")
        app.key("ctrl+l")
        app.click(app.wait_for(name="quit", window="LoginDialog"))
        assert app.wait_exit(120) == 0, app.text_output()

    store = open_store(folder / DB_FILENAME)
    try:
        row = next(r for r in results.session_results(store, session_id)
                   if r.staff_id == staff_id)
        assert row.status == "submitted" and row.score is not None
    finally:
        store.close(clean=False)
    new = set(list_backups(folder / "backups")) - backups_before
    assert [b for b in new if "exit" in b.name], sorted(p.name for p in new)
    logs = folder / "logs"
    assert not list(logs.glob("run-*.log")) and not list(logs.glob("crash-*.log"))
