"""What the one-folder bundle (build.spec) leaves out, and the version information of its
executables. Kept here, without PyInstaller, so that the tests can check it on any platform.

- Qt's own translations (`.qm`) have no Vietnamese (ours, resources/i18n/qtbase_vi.qm, stand in);
  PySide6 puts them in `PySide6/Qt/translations` on Linux and macOS but in `PySide6/translations`
  on Windows, and both are left out (about 14 MB).
- The virtual-keyboard input plugin drags in Qt Quick and QML (≈ 17 MB) that nothing else uses.
- Qt's platform plugins other than the ones it is shown with (Windows; xcb, offscreen and minimal
  on Linux): Wayland (its client library and shell, decoration and graphics plugins), EGLFS,
  LinuxFB, VNC, Vulkan display; the GTK and desktop-portal platform themes (the GTK one alone
  brings GTK 3, GDK, Pango, Cairo, ATK and their fonts and accessibility libraries, ≈ 20 MB on
  Linux); evdev input, network-information and TLS plugins (the program makes no Qt network
  connection); image formats no question picture or icon is in (TIFF, TGA, WBMP, ICNS, PDF as
  an image).
- Pillow's AVIF, Tk and colour-management parts: reportlab and openpyxl read the question
  pictures (PNG, JPEG, GIF, WebP, BMP) through Pillow for the printed papers and the Excel
  exports, so Pillow itself stays; nothing reads AVIF, shows Tk or converts colour profiles.
- Qt's software OpenGL (`opengl32sw.dll`, ≈ 20 MB on Windows): no widget draws through OpenGL.
- Python's CJK codecs (≈ 1.5 MB): the program reads UTF-8, the Windows code pages and the
  Vietnamese legacy encodings (`models/vnlegacy`), none of which they provide.
- On Linux and macOS the two programs below are the same console executable: one is kept and
  `isodesk-cli` is a link to it (on Windows they differ in subsystem, so both are built).
- The version resource (`VS_VERSION_INFO`): Windows shows it in the file's properties, and
  SmartScreen and antivirus programs look for it; an executable without one looks like a
  throw-away tool.
"""
from __future__ import annotations

import re

DROPPED_BINARIES = ("virtualkeyboard", "Qt6VirtualKeyboard", "Qt6Quick", "Qt6Qml",
                    "Qt6QuickWidgets",
                    # Qt plugins and libraries of platforms, themes and services not used
                    "plugins/platforms/libqwayland", "plugins/platforms/libqeglfs",
                    "plugins/platforms/libqlinuxfb", "plugins/platforms/libqminimalegl",
                    "plugins/platforms/libqvnc", "plugins/platforms/libqvkkhrdisplay",
                    "plugins/platformthemes/", "plugins/wayland-", "plugins/egldeviceintegrations/",
                    "plugins/generic/", "plugins/networkinformation/", "plugins/tls/",
                    "plugins/imageformats/libqtiff", "plugins/imageformats/libqtga",
                    "plugins/imageformats/libqwbmp", "plugins/imageformats/libqicns",
                    "plugins/imageformats/libqpdf", "plugins/imageformats/qtiff",
                    "plugins/imageformats/qtga", "plugins/imageformats/qwbmp",
                    "plugins/imageformats/qicns", "plugins/imageformats/qpdf",
                    "Qt6WaylandClient", "Qt6WlShellIntegration", "Qt6EglFSDeviceIntegration",
                    "Qt6EglFsKmsSupport",
                    # Qt's software OpenGL for Windows machines without a driver: no widget of
                    # the program draws through OpenGL
                    "opengl32sw",
                    # Pillow: AVIF, Tk and colour management
                    "PIL/_avif", "PIL/_imagingtk", "pillow.libs/libavif", "PIL/_imagingcms",
                    "pillow.libs/liblcms2",
                    # Python's Chinese, Japanese and Korean codecs (a file in one of those
                    # encodings is refused as undecodable, as any unknown encoding is)
                    "lib-dynload/_codecs_", "lib-dynload/_multibytecodec")
# Libraries that only the GTK platform theme loads (Linux; matched by file name).
GTK_ONLY = ("libgtk-3.", "libgdk-3.", "libatk-1.0.", "libatk-bridge-2.0.", "libatspi.",
            "libepoxy.", "libcairo.", "libcairo-gobject.", "libgdk_pixbuf-2.0.", "libpango-1.0.",
            "libpangocairo-1.0.", "libpangoft2-1.0.", "libharfbuzz.", "libgraphite2.",
            "libthai.", "libdatrie.", "libfribidi.", "libpixman-1.", "libwayland-",
            "libXcursor.", "libXi.", "libXrandr.", "libXinerama.", "libXcomposite.",
            "libXdamage.", "libXfixes.", "libgio-2.0.", "libgmodule-2.0.", "libmount.",
            "libblkid.", "libselinux.")
QT_TRANSLATION_FOLDERS = ("PySide6/Qt/translations/", "PySide6/translations/")

COMPANY = "ISO Desk"
PRODUCT = "ISO Desk"
COPYRIGHT = "© ISO Desk"


def _normal(path: str) -> str:
    return path.replace("\\", "/").lower()


def keep_binary(dest: str) -> bool:
    dest = _normal(dest)
    name = dest.rsplit("/", 1)[-1]
    if "/" not in dest and any(name.startswith(g.lower()) for g in GTK_ONLY):
        return False
    return not any(d.lower() in dest for d in DROPPED_BINARIES)


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
