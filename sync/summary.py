"""The account of one imported package (GUI, `--json`, the acknowledgement)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import NewSenderKey, SenderKeyChanged, SyncError


PREVIEW_NOTE = "Xem trước: chưa có gì được ghi."


@dataclass
class ImportSummary:
    status: str
    package: str
    sender: str | None = None
    seq: int | None = None
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    quarantined: list[dict] = field(default_factory=list)
    gaps: list[dict] = field(default_factory=list)
    package_id: str | None = None
    from_seq: int | None = None
    dry_run: bool = False
    held: bool = False
    replay: bool = False
    messages: list[str] = field(default_factory=list)
    tables: dict[str, dict] = field(default_factory=dict)
    reconciliation: dict[str, dict] = field(default_factory=dict)
    error_code: str | None = None
    fingerprint: str | None = None
    sender_name: str | None = None

    def as_json(self) -> dict:
        return {
            "status": self.status, "package": self.package, "sender": self.sender,
            "seq": self.seq, "imported": self.imported, "updated": self.updated,
            "ignored": self.ignored, "deleted": self.deleted,
            "quarantined": [{"table": q["table"], "id": q["id"], "reason": q["reason"]}
                            for q in self.quarantined],
            "gaps": self.gaps,
            "package_id": self.package_id, "from_seq": self.from_seq, "dry_run": self.dry_run,
            "held": self.held, "replay": self.replay, "message": self.message,
            "tables": self.tables, "reconciliation": self.reconciliation,
            "error": self.error_code, "fingerprint": self.fingerprint,
        }

    @property
    def message(self) -> str:
        """The messages, after a note that a preview wrote nothing (which is no warning)."""
        preview = [PREVIEW_NOTE] if self.dry_run and self.status != "error" else []
        return " ".join(preview + self.messages)


def error_summary(path: Path, exc: SyncError, **extra) -> ImportSummary:
    s = ImportSummary("error", Path(path).name, messages=[exc.message], error_code=exc.code,
                      **extra)
    details = getattr(exc, "details", {}) or {}
    s.sender = details.get("sender") if isinstance(details.get("sender"), str) else None
    s.seq = details.get("seq") if isinstance(details.get("seq"), int) else None
    s.package_id = details.get("package_id") if isinstance(details.get("package_id"), str) \
        else None
    if isinstance(exc, (NewSenderKey, SenderKeyChanged)):
        s.sender = exc.sender
        s.fingerprint = exc.fingerprint
    return s
