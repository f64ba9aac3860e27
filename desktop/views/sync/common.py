"""Pieces shared by the sync panels: the selected row, drives from
QStorageInfo, the outbox's sending as an operation's work, and texts for states."""
from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt
from PySide6.QtWidgets import QTableView


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


def send_due(job) -> dict:
    """An operation's work: send the e-mails that are due, on the operation's connection."""
    from sync import mail

    result = mail.send_due(job.store)
    job.changed("sync_outbox", "sync_packages")   # sending state, kept without an audit entry
    return result


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
