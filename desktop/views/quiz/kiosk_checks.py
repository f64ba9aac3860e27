"""Before the kiosk opens (started by the proctor, or reopened after a power cut): can this PC be
locked for a test? The kiosk refuses to open when the keyboard lock can't be set, and the proctor
is told about a screen lock that Windows will apply whatever the program asks."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..common import confirm, show_error
from .kiosk import platform


def keyboard_lock_message() -> str:
    return QCoreApplication.translate(
        "KioskChecks",
        "The test kiosk was not opened: the keyboard of this PC could not be locked, so "
        "Alt+Tab, the Windows key and Ctrl+Esc would still work during the test. Restart the PC "
        "and open the kiosk again. If it happens again, ask the administrator: antivirus "
        "software or a Windows policy may be blocking it. The details are in the program's "
        "log.")


def screen_lock_message(minutes: int) -> str:
    return QCoreApplication.translate(
        "KioskChecks",
        "Windows on this PC locks the screen after %1 minutes without a key press or a mouse "
        "move (a setting of this PC or the office's policy); the program cannot prevent that. A "
        "person who reads a question for long would see the screen lock and need the Windows "
        "password. Ask the administrator to switch it off for the test day, or stay near to "
        "unlock it. Open the kiosk anyway?").replace("%1", str(minutes))


def pc_ready_for_kiosk(parent, *, ask_screen_lock: bool = True) -> bool:
    """True when the kiosk may open on this PC; otherwise the proctor was told why not.
    `ask_screen_lock` is off when the kiosk reopens after a power cut (the proctor was asked
    when it first opened, and whoever sits at the PC now may be a person taking the test)."""
    if not platform.keyboard_lock_works():
        show_error(parent, keyboard_lock_message(),
                   QCoreApplication.translate("KioskChecks", "The PC can't be locked"))
        return False
    minutes = platform.screen_lock_minutes() if ask_screen_lock else None
    if minutes is not None:
        return confirm(parent, screen_lock_message(minutes),
                       QCoreApplication.translate("KioskChecks", "Windows locks the screen"),
                       yes=QCoreApplication.translate("KioskChecks", "Open the kiosk"),
                       no=QCoreApplication.translate("KioskChecks", "Cancel"))
    return True
