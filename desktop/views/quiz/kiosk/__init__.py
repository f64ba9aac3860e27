"""The locked test kiosk (window, screens, the proctor's screens, the OS-specific bits)."""
from .window import KioskWindow

__all__ = ["KioskWindow"]
