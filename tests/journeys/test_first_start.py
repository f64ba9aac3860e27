"""The first start of a new office, on the real program: something is on screen at once (the
splash), the first-start wizard (typed in Vietnamese), the overview with its "Getting started"
checklist, a step's button to the staff list that says what to do, and a clean quit."""
from __future__ import annotations

import pytest

from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, list_backups
from desktop.models.unit import get_profile

from .driver import Program, wait_until

pytestmark = pytest.mark.slow


def test_a_new_office_from_the_first_start_to_quit(x_server, tmp_path):
    folder = tmp_path / "office"
    with Program(x_server, ["--data-dir", str(folder)], tmp_path / "run") as app:
        # The very first thing on screen, while the data folder is made: the splash.
        seen: list[str] = []

        def wizard_shown() -> bool:
            shown = [w["cls"] for w in app.windows()]
            seen.extend(c for c in shown if c not in seen)
            return "SetupWizard" in shown
        wait_until(wizard_shown, "the first-start wizard", 300, alive=app.alive)
        # shown first, before the data folder is made (it may be gone before anyone asks)
        assert app.ask("shown")["shown"][0] == "StartupSplash", seen
        wizard = app.wait_for(name="unit_code", window="SetupWizard")
        app.click(wizard).type_text("BHXHTN")
        app.click(app.find(name="unit_name")).type_text("Bảo hiểm xã hội huyện Tân Nguyên")
        app.click(app.find(name="parent_code")).type_text("BHXHLG")
        app.click(app.find(name="parent_name")).type_text("Bảo hiểm xã hội tỉnh Lam Giang")
        app.click(app.find(name="place")).type_text("Tân Nguyên")
        app.key("Return")                                       # Next
        app.click(app.wait_for(name="admin_name")).type_text("Nguyễn Văn Quang")
        app.click(app.find(name="admin_position")).type_text("Giám đốc")
        app.click(app.find(name="admin_password")).type_text("mat-khau-moi-1")
        app.click(app.find(name="admin_password2")).type_text("mat-khau-moi-1")
        app.key("Return")                                       # Finish

        steps = app.wait_for(name="first_steps_title", timeout=120)
        assert "0/5" in steps.text
        app.click(app.wait_for(name="step_staff_button"))
        hint = app.wait_for(name="empty_hint", text="Excel")
        assert app.find(name="empty_action", text="Excel")
        assert "Chưa có cán bộ" in hint.text
        app.key("ctrl+q")
        assert app.wait_exit(120) == 0, app.text_output()

    store = open_store(folder / DB_FILENAME)
    try:
        profile = get_profile(store)
        assert (profile.code, profile.name) == ("BHXHTN", "Bảo hiểm xã hội huyện Tân Nguyên")
    finally:
        store.close(clean=False)
    assert list_backups(folder / "backups", "exit")
