"""Pieces shared by the sync panels: the selected row, drives from
QStorageInfo, background work on a connection of its own, and texts for states."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt
from PySide6.QtWidgets import QTableView, QWidget

from desktop.models.db import open_store

from ..common import run_in_background


def selected_item(view: QTableView):
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return rows[0].data(Qt.ItemDataRole.UserRole + 1)


def removable_drives() -> list[tuple[str, str]]:
    """(root path, label) of mounted, writable volumes other than the system one; USB first."""
    system = QStorageInfo.root().rootPath()
    found = []
    for vol in QStorageInfo.mountedVolumes():
        if not vol.isValid() or not vol.isReady() or vol.isReadOnly():
            continue
        root = vol.rootPath()
        fs = bytes(vol.fileSystemType()).decode(errors="replace").lower()
        if root == system or fs in ("tmpfs", "devtmpfs", "proc", "sysfs", "overlay", "squashfs"):
            continue
        likely_usb = fs in ("vfat", "fat32", "exfat", "fat", "msdos") or \
            root.startswith(("/media", "/run/media", "/Volumes"))
        free = vol.bytesAvailable() / 1e9
        name = vol.displayName() or root
        label = QCoreApplication.translate("SyncCommon", "%1 (%2) — %3 GB free").replace("%1", name).replace("%2", root) \
            .replace("%3", f"{free:.1f}")
        found.append((0 if likely_usb else 1, root, label))
    return [(root, label) for _k, root, label in sorted(found)]


def in_background(widget: QWidget, store, work: Callable[[Any], Any],
                  done: Callable[[Any], None], busy: str,
                  on_error: Callable[[Exception], None] | None = None):
    """Run `work(store)` on a connection of its own (never the UI thread's), then `done`."""
    path, actor = store.path, store.actor

    def job():
        own = open_store(path, actor=actor, check=False)
        try:
            return work(own)
        finally:
            own.close(clean=False)

    return run_in_background(widget, job, done, busy_text=busy, on_error=on_error)


def short_time(value: str | None) -> str:
    if not value:
        return ""
    import datetime as _dt

    try:
        return _dt.datetime.fromisoformat(value).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return value


def package_status_text(status: str) -> str:
    return {"created": QCoreApplication.translate("SyncCommon", "Made, not delivered yet"), "sent": QCoreApplication.translate("SyncCommon", "Sent"),
            "acknowledged": QCoreApplication.translate("SyncCommon", "Received by the province"), "held": QCoreApplication.translate("SyncCommon", "Held (gap)"),
            "refused": QCoreApplication.translate("SyncCommon", "Refused"), "applied": QCoreApplication.translate("SyncCommon", "Imported")}.get(status, status)


def record_state_text(state: str) -> str:
    return {"not_sent": QCoreApplication.translate("SyncCommon", "Not sent"), "sent": QCoreApplication.translate("SyncCommon", "Sent"),
            "received": QCoreApplication.translate("SyncCommon", "Received by the province"), "refused": QCoreApplication.translate("SyncCommon", "Refused")}.get(state, state)


def key_state_text(state: str) -> str:
    return {"trusted": QCoreApplication.translate("SyncCommon", "Trusted"), "waiting": QCoreApplication.translate("SyncCommon", "Waiting for the first package"),
            "key_changed": QCoreApplication.translate("SyncCommon", "Key changed — to confirm")}.get(state, state)


def summary_status_text(status: str) -> str:
    return {"ok": QCoreApplication.translate("SyncCommon", "OK"), "warning": QCoreApplication.translate("SyncCommon", "Warning"), "error": QCoreApplication.translate("SyncCommon", "Refused")}.get(status, status)


def as_path(text: str) -> Path:
    return Path(text)
