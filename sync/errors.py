"""Refusals of the sync machinery, each with a Vietnamese message saying what to do."""
from __future__ import annotations

from desktop.models.errors import IsoDeskError


class SyncError(IsoDeskError):
    """A package, profile or acknowledgement that cannot be used; nothing was changed."""

    code = "refused"

    def __init__(self, message: str, *, code: str | None = None, **details):
        super().__init__(message)
        if code:
            self.code = code
        self.details = details


class NotAPackage(SyncError):
    code = "not_a_package"


class DamagedPackage(SyncError):
    """Truncated, altered or badly formed: the signature, a chunk or a hash does not match."""

    code = "damaged"


class WrongRecipient(SyncError):
    code = "wrong_recipient"


class UnknownSender(SyncError):
    code = "unknown_sender"


class NewSenderKey(SyncError):
    """A listed unit's first package: its key must be compared by phone before it is trusted."""

    code = "new_sender_key"

    def __init__(self, message: str, *, sender: str, fingerprint: str, sign_key: str,
                 enc_key: str):
        super().__init__(message, sender=sender, fingerprint=fingerprint)
        self.sender = sender
        self.fingerprint = fingerprint
        self.sign_key = sign_key
        self.enc_key = enc_key


class SenderKeyChanged(SyncError):
    code = "sender_key_changed"

    def __init__(self, message: str, *, sender: str, fingerprint: str, old_fingerprint: str):
        super().__init__(message, sender=sender, fingerprint=fingerprint,
                         old_fingerprint=old_fingerprint)
        self.sender = sender
        self.fingerprint = fingerprint
        self.old_fingerprint = old_fingerprint


class NewerFormat(SyncError):
    code = "newer_version"


class SequenceConflict(SyncError):
    code = "sequence_reused"


class LimitExceeded(SyncError):
    code = "limit_exceeded"


class NotEnrolled(SyncError):
    code = "not_enrolled"


class DiskError(SyncError):
    code = "disk_error"


class UnexpectedError(SyncError):
    """Something no check foresaw went wrong with one file: it is refused (and, once its sender
    is known, recorded as refused so the acknowledgement says so); the other files go on."""

    code = "unexpected"


def safe_text(text: str, limit: int = 1000) -> str:
    """Text that can be stored and shown whatever came in (a lone surrogate is written as its
    escape), cut at `limit` characters."""
    return str(text).encode("utf-8", "backslashreplace").decode("utf-8")[:limit]


def unexpected(name: str, exc: BaseException) -> UnexpectedError:
    detail = safe_text(f"{exc.__class__.__name__}: {exc}", 300)
    return UnexpectedError(
        f"Tệp {safe_text(name, 200)} không nhập được vì một lỗi không lường trước ({detail}). "
        "Không có gì bị thay đổi và các tệp khác vẫn được nhập. Hãy đề nghị đơn vị gửi lại gói; "
        "nếu lỗi lặp lại, hãy báo cho người hỗ trợ kỹ thuật kèm tệp này.")
