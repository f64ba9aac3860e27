"""What an operating-system error means for the user, in Vietnamese.

On Windows `OSError.errno` is a poor guide: Python maps a pulled USB stick (ERROR_NOT_READY,
ERROR_DEVICE_NOT_CONNECTED…), a write-protected stick and a file held by another program or the
antivirus (ERROR_SHARING_VIOLATION) all to EACCES "permission denied", and many others to EINVAL.
Told "the drive is read-only", users throw away good sticks. So the Windows error code
(`exc.winerror`) is read first, and `errno` only when there is none (Linux, macOS).
"""
from __future__ import annotations

import errno

# kind -> Vietnamese reason (to use inside a sentence)
REASONS = {
    "gone": "ổ đĩa không còn kết nối (ổ USB bị rút ra hoặc lỗi)",
    "not_ready": "ổ đĩa chưa sẵn sàng (chưa cắm ổ USB, hoặc ổ đang bận)",
    "io": "lỗi đọc/ghi ổ đĩa (ổ USB có thể bị hỏng)",
    "read_only": "ổ đĩa chỉ cho đọc (ổ USB đang gạt khóa chống ghi)",
    "full": "ổ đĩa đã đầy",
    "busy": "tệp đang được chương trình khác mở (có thể là phần mềm diệt virus)",
    "denied": "không có quyền ghi vào đây",
    "missing": "không có tệp hoặc thư mục này",
    "is_dir": "đây là thư mục, không phải tệp",
    "not_dir": "đường dẫn không phải thư mục",
    "name_too_long": "tên tệp hoặc đường dẫn quá dài",
    "bad_name": "tên tệp có ký tự không được phép",
    "exists": "tệp đã có",
    "network": "không kết nối được thư mục mạng",
}

# Windows system error codes (winerror.h)
_WINERROR = {
    2: "missing", 3: "missing", 15: "gone",             # FILE/PATH_NOT_FOUND, INVALID_DRIVE
    5: "denied", 19: "read_only", 21: "not_ready",       # ACCESS_DENIED, WRITE_PROTECT, NOT_READY
    23: "io", 25: "io", 27: "io", 29: "io", 30: "io", 31: "gone",  # CRC, SEEK, SECTOR, FAULTS
    32: "busy", 33: "busy",                              # SHARING/LOCK_VIOLATION
    39: "full", 112: "full",                             # HANDLE_DISK_FULL, DISK_FULL
    53: "network", 59: "network", 64: "network", 67: "network",  # network paths
    55: "gone", 1167: "gone", 433: "gone", 1006: "gone",  # DEV_NOT_EXIST, DEVICE_NOT_CONNECTED…
    1117: "io", 483: "io",                               # IO_DEVICE, DEVICE_HARDWARE_ERROR
    123: "bad_name", 161: "bad_name",                    # INVALID_NAME, BAD_PATHNAME
    206: "name_too_long", 111: "name_too_long",          # FILENAME_EXCED_RANGE, BUFFER_OVERFLOW
    80: "exists", 183: "exists",                         # FILE_EXISTS, ALREADY_EXISTS
    267: "not_dir",                                      # DIRECTORY
}

_ERRNO = {
    errno.ENOENT: "missing", errno.EACCES: "denied", errno.EPERM: "denied",
    errno.EROFS: "read_only", errno.ENOSPC: "full", errno.EIO: "io", errno.ENODEV: "gone",
    errno.ENXIO: "gone", errno.EBUSY: "busy", errno.ETXTBSY: "busy", errno.EISDIR: "is_dir",
    errno.ENOTDIR: "not_dir", errno.ENAMETOOLONG: "name_too_long", errno.EEXIST: "exists",
    errno.EDQUOT: "full",
}


def kind(exc: BaseException) -> str:
    """One of REASONS' keys, or "other"."""
    code = getattr(exc, "winerror", None)
    if isinstance(code, int) and code in _WINERROR:
        return _WINERROR[code]
    if code is None:
        number = getattr(exc, "errno", None)
        if number in _ERRNO:
            return _ERRNO[number]
    return "other"


def reason(exc: BaseException) -> str:
    """What went wrong, in Vietnamese (never the system's English text)."""
    found = REASONS.get(kind(exc))
    if found:
        return found
    code = getattr(exc, "winerror", None) or getattr(exc, "errno", None)
    return f"lỗi hệ thống{f' (mã {code})' if code else ''}"


def retry_helps(exc: BaseException) -> bool:
    """A file held for a moment (antivirus scanning a new file, the search indexer): Windows
    answers ERROR_SHARING_VIOLATION (32) or ERROR_ACCESS_DENIED (5) to a rename, and the same a
    second later succeeds."""
    return getattr(exc, "winerror", None) in (5, 32, 33)
