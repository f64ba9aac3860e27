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
