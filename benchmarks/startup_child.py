"""Started as a separate process by bench_startup: shows a window and prints "shown" as soon as
it is on screen. `bare`: an empty PySide6 window. `isodesk`: the program's main window on a data
folder (the same steps as `run_gui` after sign-in)."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(mode: str, data_dir: str | None) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QWidget()
        window.resize(1200, 760)
    else:
        from desktop.app import install_translators, make_application, open_data
        from desktop.models import users
        from desktop.models.settings import get_setting
        from desktop.views.context import ViewContext
        from desktop.views.main_window import MainWindow

        app = make_application(sys.argv[:1])
        store = open_data(Path(data_dir))
        install_translators(app, get_setting(store, "language", "vi"))
        ctx = ViewContext(store, users.find_user(store, "admin"))
        window = MainWindow(ctx)
    window.show()

    def done():
        sys.stdout.write("shown\n")
        sys.stdout.flush()
        app.quit()

    QTimer.singleShot(0, done)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
