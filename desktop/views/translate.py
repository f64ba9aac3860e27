"""`tr()` for a visible string outside a class: the translation under the empty context, where
lupdate files free `tr()` calls. A module of its own with nothing but QtCore, so that the GUI's
start (the splash, the data file's notices) uses it before the sign-in without loading
`views.common` (which re-exports it for the pages)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)
