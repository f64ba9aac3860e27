"""Save a picture of each screen of the running program into docs/screenshots/.

    python dev.py screenshots

Builds the demo district in a temporary folder, opens the sign-in dialog, the first-start wizard
and every section of the main window, and grabs each (offscreen, no display needed).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.app import install_translators, make_application
    from desktop.demo import create_demo
    from desktop.models import users
    from desktop.models.db import DB_FILENAME, open_store
    from desktop.views.context import ViewContext
    from desktop.views.login import LoginDialog
    from desktop.views.main_window import MainWindow
    from desktop.views.sections import SECTIONS
    from desktop.views.setup_wizard import SetupWizard

    app = make_application(["isodesk"])
    language = sys.argv[1] if len(sys.argv) > 1 else "vi"
    install_translators(app, language)
    OUT.mkdir(parents=True, exist_ok=True)
    made = []

    def grab(widget, name):
        for _ in range(3):
            QApplication.processEvents()
        path = OUT / f"{name}.png"
        widget.grab().save(str(path))
        made.append(path)

    with tempfile.TemporaryDirectory(prefix="isodesk-shots-") as tmp:
        empty = open_store(Path(tmp) / "new" / DB_FILENAME)
        wizard = SetupWizard(empty)
        wizard.resize(720, 520)
        wizard.show()
        grab(wizard, "00-setup-wizard")
        wizard.close()
        empty.close(clean=False)

        create_demo(Path(tmp) / "demo")
        store = open_store(Path(tmp) / "demo" / DB_FILENAME)
        login = LoginDialog(store, hint="admin / demo1234", username="admin")
        login.show()
        grab(login, "01-sign-in")
        login.close()
        ctx = ViewContext(store, users.find_user(store, "admin"), demo=True)
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        for i, section in enumerate(SECTIONS, start=2):
            window.show_section(section.key)
            grab(window, f"{i:02d}-{section.key}")
        lan_screens(window, store, grab)
        window.close()
        store.close(clean=False)
        new_office(Path(tmp) / "new-office", grab)
    for p in made:
        print(p.relative_to(ROOT))
    return 0


def lan_screens(window, store, grab) -> None:
    """The test over the office network: the proctor's live list with a device waiting, and
    the join page for the projector (served on 127.0.0.1 only)."""
    import http.client
    import re
    import urllib.parse

    from desktop.models.quiz import results, sessions
    from desktop.views.quiz.join_screen import JoinScreen
    from desktop.views.quiz.sessions_panel import SessionsPanel

    open_sessions = [s for s in sessions.list_sessions(store) if s.status == "open"]
    if not open_sessions:
        return
    window.show_section("training")
    panel = window.findChildren(SessionsPanel)[0]
    panel.select(open_sessions[0].id)
    lan = panel.proctor.lan
    lan.start(host="127.0.0.1", port=0, auto_admit=False)
    conn = http.client.HTTPConnection("127.0.0.1", lan.running.port, timeout=10)
    conn.request("GET", "/", headers={"User-Agent": "Android 10 Chrome/90"})
    r = conn.getresponse()
    cookie = r.getheader("Set-Cookie").split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', r.read().decode()).group(1)
    person = next(r for r in results.session_results(store, open_sessions[0].id)
                  if r.status == "not_started")
    body = urllib.parse.urlencode({"csrf": csrf, "staff": person.staff_id})
    conn.request("POST", "/confirm", body=body, headers={
        "Cookie": cookie, "User-Agent": "Android 10 Chrome/90",
        "Content-Type": "application/x-www-form-urlencoded"})
    conn.getresponse().read()
    panel.proctor.reload()
    panel.proctor.select_staff(person.staff_id)
    grab(window, "09-lan-proctor")
    join = JoinScreen(store, open_sessions[0], lan.url.replace("127.0.0.1", "192.168.1.20"))
    join.resize(1366, 768)
    join.show()
    grab(join, "10-lan-join")
    join.close()
    lan.stop()


def new_office(folder: Path, grab) -> None:
    """The first day of a new office at 1366×768: the overview with its "Getting started"
    checklist and no false alarm, and lists that are still empty."""
    from desktop.models import users
    from desktop.models.db import DB_FILENAME, open_store
    from desktop.models.setup_hooks import run_setup_hooks
    from desktop.models.unit import UnitProfile, save_profile
    from desktop.views.context import ViewContext
    from desktop.views.main_window import MainWindow

    store = open_store(folder / DB_FILENAME, actor="setup")
    with store.atomic():
        save_profile(store, UnitProfile(
            code="BHXHTN", name="Bảo hiểm xã hội huyện Tân Nguyên", level="district",
            parent_code="BHXHLG", parent_name="Bảo hiểm xã hội tỉnh Lam Giang",
            place="Tân Nguyên"))
        users.create_user(store, "admin", "Nguyễn Văn Quang", "admin", "mat-khau-moi-1",
                          position="Giám đốc")
        run_setup_hooks(store)
    window = MainWindow(ViewContext(store, users.find_user(store, "admin")))
    window.resize(1366, 768)
    window.show()
    for name, section in (("20-new-office-overview", "overview"),
                          ("21-new-office-staff", "staff"),
                          ("22-new-office-training", "training"),
                          ("23-new-office-sync", "sync")):
        window.show_section(section)
        grab(window, name)
    window.close()
    store.close(clean=False)


if __name__ == "__main__":
    raise SystemExit(main())
