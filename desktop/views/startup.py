"""What the program shows while it starts: a splash with a progress line from the first moment
(preparing a data folder takes seconds on a first start), long preparation off the UI thread,
and the notice that the previous run closed unexpectedly."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.crashlog import UncleanEnd
from desktop.paths import resource

from .translate import tr

WIDTH, HEIGHT = 520, 240


def _picture() -> QPixmap:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() \
        if QGuiApplication.primaryScreen() else 1.0
    pixmap = QPixmap(int(WIDTH * ratio), int(HEIGHT * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRect(0, 0, WIDTH, 8), QColor("#1f5fa8"))
    painter.setPen(QColor("#d0d7e2"))
    painter.drawRect(QRect(0, 0, WIDTH - 1, HEIGHT - 1))
    icon = QPixmap(str(resource("icons", "isodesk.png")))
    if not icon.isNull():
        painter.drawPixmap(QRect(32, 48, 72, 72), icon)
    title = QFont(QApplication.font())
    title.setPointSize(22)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(QColor("#1f2a38"))
    painter.drawText(QRect(124, 44, WIDTH - 140, 44), Qt.AlignmentFlag.AlignVCenter, "ISO Desk")
    body = QFont(QApplication.font())
    body.setPointSize(10)
    painter.setFont(body)
    painter.setPen(QColor("#4b5563"))
    painter.drawText(QRect(124, 88, WIDTH - 140, 44),
                     Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                     tr("ISO 9001 records of the unit, the awareness test, the minutes"))
    painter.end()
    return pixmap


def step_text(step: str) -> str:
    """What a named preparation step is, for the splash; any other text is shown as it is."""
    texts = {
        "open": tr("Preparing the data folder…"),
        "people": tr("Making the demo district: the staff…"),
        "minutes": tr("Making the demo district: the minutes…"),
        "iso": tr("Making the demo district: the ISO records…"),
        "quiz": tr("Making the demo district: the training day and its test…"),
        "province": tr("Making the demo province and enrolling the district…"),
    }
    return texts.get(step, step)


class StartupSplash(QWidget):
    """Shown at once; `step(text)` says what is being done (a line at the bottom).

    A plain window of the splash kind rather than a QSplashScreen: Qt 6's QSplashScreen, when
    shown, waits (up to a second) for the window system to report the window mapped, and on X11
    that report comes only once the event loop runs — so every start paused a second there."""

    def __init__(self):
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("startup_splash")
        self.setWindowTitle("ISO Desk")
        self._picture = _picture()
        self._message = ""
        self.setFixedSize(WIDTH, HEIGHT)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def message(self) -> str:
        return self._message

    def step(self, text: str) -> None:
        self._message = step_text(text)
        self.repaint()
        QApplication.processEvents()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        if self._message:
            painter.setPen(QColor("#1f2a38"))
            painter.drawText(self.rect().adjusted(5, 5, -5, -5),
                             Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                             self._message)
        painter.end()


class _Progress(QObject):
    said = Signal(str)


def prepare_in_background(splash: StartupSplash, fn: Callable[[Callable[[str], None]], Any]
                          ) -> Any:
    """Run `fn(progress)` on the thread pool while the splash stays responsive and shows each
    `progress(text)`; return its result, or raise its error, in the UI thread."""
    from .operation import run_operation

    relay = _Progress(splash)
    relay.said.connect(splash.step)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result):
        outcome["result"] = result
        loop.quit()

    def failed(exc):
        outcome["error"] = exc
        loop.quit()

    run_operation(splash, lambda _job: fn(relay.said.emit), done, on_error=failed)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def unclean_end_text(ends: list[UncleanEnd]) -> str:
    last = ends[-1]
    when = last.started.strftime("%H:%M %d/%m/%Y") if last.started else "?"
    text = tr("ISO Desk closed unexpectedly the last time it ran (started at %1). What was saved "
              "before is kept. What is known about it was written to:\n%2").replace(
        "%1", when).replace("%2", str(last.log_path))
    if last.fatal_error:
        text += "\n\n" + last.fatal_error
    if len(ends) > 1:
        text += "\n\n" + tr("This happened %1 times since the program last started normally.") \
            .replace("%1", str(len(ends)))
    return text + "\n\n" + tr("If it happens again, send that file to the administrator.")


def show_unclean_end(parent: QWidget | None, ends: list[UncleanEnd]) -> None:
    if not ends:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, tr("ISO Desk closed unexpectedly"),
                      unclean_end_text(ends), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("unclean_end_notice")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.addButton(tr("Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
