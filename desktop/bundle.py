"""What the one-folder bundle (build.spec) leaves out, and the version information of its
executables. Kept here, without PyInstaller, so that the tests can check it on any platform.

- Qt's own translations (`.qm`) have no Vietnamese (ours, resources/i18n/qtbase_vi.qm, stand in);
  PySide6 puts them in `PySide6/Qt/translations` on Linux and macOS but in `PySide6/translations`
  on Windows, and both are left out (about 14 MB).
- The virtual-keyboard input plugin drags in Qt Quick and QML (≈ 17 MB) that nothing else uses.
- The version resource (`VS_VERSION_INFO`): Windows shows it in the file's properties, and
  SmartScreen and antivirus programs look for it; an executable without one looks like a
  throw-away tool.
"""
from __future__ import annotations

import re

DROPPED_BINARIES = ("virtualkeyboard", "Qt6VirtualKeyboard", "Qt6Quick", "Qt6Qml",
                    "Qt6QuickWidgets")
QT_TRANSLATION_FOLDERS = ("PySide6/Qt/translations/", "PySide6/translations/")

COMPANY = "ISO Desk"
PRODUCT = "ISO Desk"
COPYRIGHT = "© ISO Desk"


def _normal(path: str) -> str:
    return path.replace("\\", "/").lower()


def keep_binary(dest: str) -> bool:
    return not any(d.lower() in _normal(dest) for d in DROPPED_BINARIES)


def keep_data(dest: str) -> bool:
    """False for Qt's translation files, wherever the platform's PySide6 keeps them."""
    dest = _normal(dest)
    return not any(dest.startswith(folder.lower()) for folder in QT_TRANSLATION_FOLDERS)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" -> (0, 1, 0, 0); a pre-release tail ("1.2.0rc1") is dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    numbers = [n for n in numbers if n < 65536]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_info_text(name: str, version: str, description: str, *, file_name: str) -> str:
    """A version file in the format PyInstaller's `EXE(version=…)` reads."""
    numbers = version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)

    def s(key: str, value: str) -> str:
        return f"        StringStruct({key!r}, {value!r}),"

    strings = "\n".join([
        s("CompanyName", COMPANY), s("FileDescription", description),
        s("FileVersion", dotted), s("InternalName", name), s("LegalCopyright", COPYRIGHT),
        s("OriginalFilename", file_name), s("ProductName", PRODUCT),
        s("ProductVersion", version)])
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042a04b0', [
{strings}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x042a, 1200])])
  ]
)
"""
