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
        window.close()
        store.close(clean=False)
    for p in made:
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
