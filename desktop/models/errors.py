"""Errors the program explains to its users (messages in Vietnamese)."""
from __future__ import annotations

from pathlib import Path


class IsoDeskError(Exception):
    """A refusal or failure with a message for the user: what is wrong and what to do."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(IsoDeskError):
    """Input that breaks a rule. `errors` maps a field name to its message."""

    def __init__(self, errors: dict[str, str] | str):
        if isinstance(errors, str):
            errors = {"": errors}
        self.errors = errors
        text = "; ".join(errors.values())
        super().__init__(text, field=next(iter(errors)) if len(errors) == 1 else None)


class NotFound(IsoDeskError):
    pass


class PermissionDenied(IsoDeskError):
    pass


class ReadOnlyRecord(IsoDeskError):
    """A record that belongs to another unit (a copy received by sync) or is locked."""


class ConcurrentChange(IsoDeskError):
    pass


class DatabaseDamaged(IsoDeskError):
    def __init__(self, path: Path, detail: str, backup: Path | None):
        self.path = path
        self.detail = detail
        self.backup = backup
        hint = (
            f" Có thể khôi phục bản sao lưu gần nhất ({backup.name})."
            if backup
            else " Không tìm thấy bản sao lưu nào còn dùng được."
        )
        super().__init__(f"Tệp dữ liệu {path.name} bị hỏng ({detail}).{hint}")


class DataMissing(DatabaseDamaged):
    """The data file is gone or empty although this folder held data (backups, checkpoints):
    never treated as a new installation."""

    def __init__(self, path: Path, detail: str, backup: Path | None):
        self.path = path
        self.detail = detail
        self.backup = backup
        hint = (f" Có thể khôi phục bản sao lưu gần nhất ({backup.name})." if backup else
                " Không tìm thấy bản sao lưu nào còn dùng được; nếu muốn bắt đầu lại từ đầu, "
                "hãy chuyển thư mục dữ liệu sang chỗ khác.")
        IsoDeskError.__init__(self, f"Không thấy dữ liệu: {detail}.{hint}")


class WalDamaged(DatabaseDamaged):
    """The write-ahead log holds committed changes that SQLite would drop on opening."""

    def __init__(self, path: Path, detail: str, backup: Path | None):
        self.path = path
        self.detail = detail
        self.backup = backup
        hint = (f" Có thể mở tệp với phần còn đọc được (nhật ký hỏng được giữ lại bên cạnh), "
                f"hoặc khôi phục bản sao lưu gần nhất ({backup.name})." if backup else
                " Có thể mở tệp với phần còn đọc được (nhật ký hỏng được giữ lại bên cạnh).")
        IsoDeskError.__init__(self, f"Tệp dữ liệu {path.name}: {detail}.{hint}")
