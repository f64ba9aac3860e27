"""Every file dialog of the program: opening, saving, choosing a folder.

Each opens in the folder used last for the same kind of file ("staff-excel", "minutes-pdf",
"sync-package"…), or else in the user's Documents folder — never in the working folder. Given a
bare file name to suggest, Qt started there: the program's own folder, Program Files, or
System32 when Windows started ISO Desk at logon. The last folders are kept per data folder in
`dialogs.ini` (`remember_in`), so they survive a restart; until then, for the session only.

The dialogs are the system's own (on Windows, in the language of Windows); elsewhere Qt draws
them, in the program's language (`resources/i18n/qtbase_vi.ts`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_session: dict[str, str] = {}
_settings: QSettings | None = None


def remember_in(data_dir: Path | None) -> None:
    """Keep the last folders in `data_dir/dialogs.ini` (None: for this session only)."""
    global _settings
    _settings = None if data_dir is None else QSettings(
        str(Path(data_dir) / "dialogs.ini"), QSettings.Format.IniFormat)


def documents_folder() -> Path:
    """The user's Documents folder (platformdirs), or the home folder when there is none."""
    try:
        from platformdirs import user_documents_path

        folder = user_documents_path()
    except Exception:   # an unusual profile: no known Documents folder
        folder = Path.home()
    return folder if folder.is_dir() else Path.home()


def last_folder(kind: str) -> Path | None:
    value = _settings.value(f"folders/{kind}") if _settings is not None else _session.get(kind)
    if not value:
        return None
    folder = Path(str(value))
    return folder if folder.is_dir() else None   # a USB stick since pulled out, a deleted folder


def start_folder(kind: str) -> Path:
    return last_folder(kind) or documents_folder()


def _remember(kind: str, folder: Path) -> None:
    _session[kind] = str(folder)
    if _settings is not None:
        _settings.setValue(f"folders/{kind}", str(folder))
        _settings.sync()


def _chosen(kind: str, path: str, *, is_folder: bool = False) -> str:
    if path:
        _remember(kind, Path(path) if is_folder else Path(path).parent)
    return path


def open_file(parent: QWidget | None, title: str, kind: str, filters: str = "") -> str:
    """A file to read ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    return _chosen(kind, path)


def open_files(parent: QWidget | None, title: str, kind: str, filters: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind)), filters)
    if paths:
        _chosen(kind, paths[0])
    return list(paths)


def save_file(parent: QWidget | None, title: str, kind: str, name: str,
              filters: str = "") -> str:
    """Where to write a file suggested as `name` (a bare name: put in the start folder)."""
    suggested = Path(name)
    if not suggested.is_absolute():
        suggested = start_folder(kind) / suggested.name
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return _chosen(kind, path)


def choose_folder(parent: QWidget | None, title: str, kind: str, start: str = "") -> str:
    """A folder (or a drive's root); `start` wins when given (a drive chosen in the page)."""
    folder = QFileDialog.getExistingDirectory(parent, title, start or str(start_folder(kind)))
    return _chosen(kind, folder, is_folder=True)
