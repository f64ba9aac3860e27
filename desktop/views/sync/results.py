"""Texts of the import tab: the state of each package (a preview says so on every row), the
totals by kind of result, and what a package brought, by kind of data."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from sync.labels import kinds_text

KEY_TO_CHECK = "new_sender_key"
# The order of the totals.
CATEGORIES = ("ok", "warning", "key", "mismatch", "held", "replay", "refused")
COLOURS = {"ok": "ok", "warning": "warn", "key": "warn", "mismatch": "error", "held": "warn",
           "replay": "muted", "refused": "error"}


def category(s, mismatched=()) -> str:
    """What became of a package: imported, with warnings, key to check, held, already imported
    earlier, refused (a key found not to match by phone is a category of its own)."""
    if s.error_code == KEY_TO_CHECK:
        return "mismatch" if s.sender in mismatched else "key"
    if s.held:
        return "held"
    if s.status == "error":
        return "refused"
    if s.replay:
        return "replay"
    return "warning" if s.status == "warning" else "ok"


def state_text(cat: str, preview: bool) -> str:
    if preview:
        text = {
            "ok": QCoreApplication.translate("ImportResults", "can be imported"),
            "warning": QCoreApplication.translate("ImportResults", "can be imported, with warnings"),
            "key": QCoreApplication.translate("ImportResults", "key to check"),
            "mismatch": QCoreApplication.translate("ImportResults", "key does not match"),
            "held": QCoreApplication.translate("ImportResults", "would be held (earlier package missing)"),
            "replay": QCoreApplication.translate("ImportResults", "imported before"),
            "refused": QCoreApplication.translate("ImportResults", "would be refused"),
        }[cat]
        return QCoreApplication.translate("ImportResults", "Preview — %1").replace("%1", text)
    return {
        "ok": QCoreApplication.translate("ImportResults", "Imported"),
        "warning": QCoreApplication.translate("ImportResults", "Imported, with warnings"),
        "key": QCoreApplication.translate("ImportResults", "Key to check"),
        "mismatch": QCoreApplication.translate("ImportResults", "Key does not match"),
        "held": QCoreApplication.translate("ImportResults", "Held (earlier package missing)"),
        "replay": QCoreApplication.translate("ImportResults", "Imported before"),
        "refused": QCoreApplication.translate("ImportResults", "Refused"),
    }[cat]


def _count_text(cat: str, n: int, preview: bool) -> str:
    if preview:
        text = {
            "ok": QCoreApplication.translate("ImportResults", "%1 can be imported"),
            "warning": QCoreApplication.translate("ImportResults", "%1 with warnings"),
            "key": QCoreApplication.translate("ImportResults", "%1 with a key to check"),
            "mismatch": QCoreApplication.translate("ImportResults", "%1 key does not match"),
            "held": QCoreApplication.translate("ImportResults", "%1 would be held"),
            "replay": QCoreApplication.translate("ImportResults", "%1 imported before"),
            "refused": QCoreApplication.translate("ImportResults", "%1 would be refused"),
        }[cat]
    else:
        text = {
            "ok": QCoreApplication.translate("ImportResults", "%1 imported"),
            "warning": QCoreApplication.translate("ImportResults", "%1 with warnings"),
            "key": QCoreApplication.translate("ImportResults", "%1 with a key to check"),
            "mismatch": QCoreApplication.translate("ImportResults", "%1 key does not match"),
            "held": QCoreApplication.translate("ImportResults", "%1 held"),
            "replay": QCoreApplication.translate("ImportResults", "%1 imported before"),
            "refused": QCoreApplication.translate("ImportResults", "%1 refused"),
        }[cat]
    return text.replace("%1", str(n))


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def totals_text(summaries, mismatched=()) -> str:
    if not summaries:
        return ""
    preview = any(s.dry_run for s in summaries)
    counts = {c: 0 for c in CATEGORIES}
    for s in summaries:
        counts[category(s, mismatched)] += 1
    parts = ", ".join(_count_text(c, n, preview) for c, n in counts.items() if n)
    added = sum(s.imported for s in summaries)
    updated = sum(s.updated for s in summaries)
    quarantined = sum(len(s.quarantined) for s in summaries)
    if preview:
        head = QCoreApplication.translate("ImportResults", "Preview — nothing written. ")
        records = QCoreApplication.translate(
            "ImportResults", "Would add %1 records, update %2, quarantine %3.")
    else:
        head = ""
        records = QCoreApplication.translate(
            "ImportResults", "%1 records added, %2 updated, %3 quarantined.")
    packages = QCoreApplication.translate("ImportResults", "%1 packages: %2.")
    return (head + packages.replace("%1", str(len(summaries))).replace("%2", parts) + " " +
            records.replace("%1", _number(added)).replace("%2", _number(updated))
            .replace("%3", _number(quarantined)))


def contents_text(s) -> str:
    """“Contents: Cán bộ 5, Biên bản 1 …” — what the package brought (or would bring)."""
    kinds = kinds_text(s.tables)
    if not kinds:
        return ""
    return QCoreApplication.translate("ImportResults", "Contents: %1").replace("%1", kinds)


_NAME = re.compile(r"^([A-Z0-9][A-Z0-9_.-]{0,19}?)-\d+\.isosync$", re.IGNORECASE)


def district_of(s) -> str:
    """The sender of a package; for a refused one whose header could not be read, "unknown"
    with the unit code its file name suggests (CODE-00001.isosync), which anyone can rename
    and so is only a hint of where to ask."""
    if s.sender:
        return s.sender
    m = _NAME.match(s.package or "")
    if m:
        return QCoreApplication.translate("ImportResults", "unknown (file name: %1)") \
            .replace("%1", m.group(1).upper())
    return QCoreApplication.translate("ImportResults", "unknown")
