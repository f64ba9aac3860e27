"""The locked test kiosk (window, screens, the proctor's screens, the OS-specific bits).

`KioskWindow` is imported when first asked for: the start-up's check for a kiosk left running
uses `platform` alone, and the sign-in should not wait for the kiosk's screens."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .window import KioskWindow

__all__ = ["KioskWindow"]


def __getattr__(name: str):
    if name == "KioskWindow":
        from .window import KioskWindow

        return KioskWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
