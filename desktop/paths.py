"""Where things live: the bundled resources and the user's data folder.

No Qt here: used by the models, the documents and the command line alike.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ISO Desk"
APP_SLUG = "isodesk"
ENV_DATA_DIR = "ISODESK_DATA_DIR"


def resources_dir() -> Path:
    """The `resources/` folder, in a source checkout and inside a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """The user's data folder: `ISODESK_DATA_DIR`, else the platform's user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_SLUG, appauthor=False, roaming=False)


def demo_data_dir() -> Path:
    """The demo district's own folder, never the real data folder."""
    from platformdirs import user_data_path

    return user_data_path(APP_SLUG, appauthor=False) / "demo"
