"""Save a picture of each screen of the running program into docs/screenshots/, as a 1366×768
laptop shows them, and the pictures of the user guide into resources/guide/img/.

    python dev.py screenshots [en]

Builds the demo district in a temporary folder, opens the sign-in dialog, the first-start
wizard, every section and tab of the main window, the main dialogs (signing a minutes, the PIN,
Qt's file dialog in Vietnamese, the user guide, About), and grabs each (offscreen, no display
needed). The guide's pictures are the same screens, made smaller.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
GUIDE_IMG = ROOT / "resources" / "guide" / "img"
GUIDE_WIDTH = 960   # the guide's pictures: readable, and small in the installed program

# name in docs/screenshots → name in the guide (the pictures the guide shows)
GUIDE_PICTURES = {
    "02-overview": "tong-quan", "04-training": "buoi-tap-huan",
    "40-pin": "ma-pin", "05-minutes": "bien-ban", "41-sign": "ky-bien-ban",
    "42-sign-filled": "ky-bien-ban-da-nhap", "07-sync": "gui-di",
    "39-sync-enrol": "dang-ky", "43-file-dialog": "hop-chon-tep",
}


def main() -> int:
    from tests.views.layout_audit import configure_screen, settle

    configure_screen(1366, 768)
    os.environ.setdefault("ISODESK_PDF_FONT", "liberation")
    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtWidgets import QFileDialog, QTabWidget

    from desktop.app import install_translators, make_application
    from desktop.demo import create_demo
    from desktop.models import minutes as M
    from desktop.models import users
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.quiz import sessions
    from desktop.views.context import ViewContext
    from desktop.views.help_view import AboutDialog, GuideWindow
    from desktop.views.login import LoginDialog
    from desktop.views.main_window import MainWindow
    from desktop.views.minutes.sign_dialog import SignDialog
    from desktop.views.quiz.dialogs import PinDialog
    from desktop.views.setup_wizard import SetupWizard
    from tests.gui_helpers import type_text

    app = make_application(["isodesk"])
    language = sys.argv[1] if len(sys.argv) > 1 else "vi"
    install_translators(app, language)
    OUT.mkdir(parents=True, exist_ok=True)
    made = []

    def grab(widget, name):
        settle(6)
        path = OUT / f"{name}.png"
        widget.grab().save(str(path))
        made.append(path)
        if name in GUIDE_PICTURES and language == "vi":
            GUIDE_IMG.mkdir(parents=True, exist_ok=True)
            image = widget.grab().toImage()
            if image.width() > GUIDE_WIDTH:
                image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            # 256 colours: a third of the size, the text as sharp at this size
            image = image.convertToFormat(image.Format.Format_Indexed8,
                                          Qt.ImageConversionFlag.ThresholdDither)
            image.save(str(GUIDE_IMG / f"{GUIDE_PICTURES[name]}.png"))

    with tempfile.TemporaryDirectory(prefix="isodesk-shots-") as tmp:
        empty = open_store(Path(tmp) / "new" / DB_FILENAME)
        wizard = SetupWizard(empty)
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
        window.show()
        screens = [
            ("overview", "02-overview"), ("staff", "03-staff"),
            ("training", "04-training"), ("training/bank", "30-training-bank"),
            ("training/stats", "31-training-item-analysis"),
            ("training/coverage", "32-training-coverage"), ("minutes", "05-minutes"),
            ("records/team", "06-records"), ("records/documents", "33-records-documents"),
            ("records/plan", "34-records-plan"), ("records/audits", "35-records-audits"),
            ("records/nc", "36-records-nonconformities"), ("records/report", "37-records-report"),
            ("settings", "08-settings"), ("sync", "07-sync"),
            ("sync/records", "38-sync-records"), ("sync/enrol", "39-sync-enrol"),
        ]
        for key, name in screens:
            section, _, part = key.partition("/")
            page = window.show_section(section)
            tabs = [t for t in (getattr(page, "tabs", None),) if t is not None]
            if part and tabs:
                _show_tab(tabs[0], part)
            grab(window, name)
        lan_screens(window, store, grab)
        window.show_section("training")

        session = sessions.list_sessions(store)[0]
        pin = PinDialog(store, session.id, window)
        pin.show()
        grab(pin, "40-pin")
        pin.close()
        draft = next(e for e in M.register(store) if e.status == "draft")
        sign = SignDialog(ctx, draft.revision_id, window)
        sign.show()
        grab(sign, "41-sign")
        type_text(sign.username, "tuvan")
        type_text(sign.password, "demo1234")
        sign.agree.setChecked(True)
        grab(sign, "42-sign-filled")
        sign.close()
        documents = Path(tmp) / "Tài liệu"
        documents.mkdir()
        for name in ("bao-cao-iso-2026.pdf", "so-bien-ban.xlsx", "danh-sach-can-bo.xlsx"):
            (documents / name).write_bytes(b"x" * 20_000)
        files = QFileDialog(window, "Lưu danh sách ra Excel", str(documents))
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        files.setNameFilters(["Tệp Excel (*.xlsx)"])
        files.selectFile("danh-sach-can-bo.xlsx")
        files.resize(820, 480)
        files.show()
        grab(files, "43-file-dialog")
        files.close()
        guide = GuideWindow(window)
        guide.show()
        grab(guide, "44-user-guide")
        guide.close()
        about = AboutDialog(ctx, window)
        about.show()
        grab(about, "45-about")
        about.findChild(QTabWidget, "about_tabs").setCurrentIndex(1)
        QThreadPool.globalInstance().waitForDone()   # the list of components, read aside
        grab(about, "46-about-licences")
        about.close()
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
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.unit import UnitProfile, save_profile
    from desktop.views.context import ViewContext
    from desktop.views.main_window import MainWindow
    from sync.keys import ensure_unit_keys

    store = open_store(folder / DB_FILENAME, actor="setup")
    with store.atomic():
        save_profile(store, UnitProfile(
            code="BHXHTN", name="Bảo hiểm xã hội huyện Tân Nguyên", level="district",
            parent_code="BHXHLG", parent_name="Bảo hiểm xã hội tỉnh Lam Giang",
            place="Tân Nguyên"))
        users.create_user(store, "admin", "Nguyễn Văn Quang", "admin", "mat-khau-moi-1",
                          position="Giám đốc")
        ensure_unit_keys(store)
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
def _show_tab(tabs, part: str) -> None:
    """Show the tab of an ISO-records, training or sync part by its key."""
    page = tabs.parentWidget()
    while page is not None and not hasattr(page, "show_part") and not hasattr(page, "panels") \
            and not hasattr(page, "stats"):
        page = page.parentWidget()
    if hasattr(page, "show_part"):
        page.show_part(part)
    elif hasattr(page, "panels"):
        tabs.setCurrentWidget(page.panels[part])
    else:
        tabs.setCurrentWidget(getattr(page, part))


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)   # PySide6 may crash tearing its objects down at exit; the pictures are saved
