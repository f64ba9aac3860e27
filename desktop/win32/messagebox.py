"""A plain Windows message box, for the moments before (or without) Qt: the windowed program
refusing its arguments, or a file dropped on it."""
from __future__ import annotations

from . import api

MB_OK = 0x0
MB_ICONWARNING = 0x30
MB_SETFOREGROUND = 0x10000


def show(title: str, text: str) -> bool:
    """Show the message and wait for OK; False when there is no Windows to show it on."""
    if not api.available():
        return False
    try:
        api.user32.MessageBoxW(None, text, title, MB_OK | MB_ICONWARNING | MB_SETFOREGROUND)
    except OSError:
        return False
    return True
