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
- Linux system libraries that PyInstaller collects from the build machine but that the host
  provides (`HOST_LIBRARIES`, below, says library by library why). The rule is that of the
  PySide6 wheels themselves: they ship Qt and ICU but take everything else Qt links against from
  the system, so an installed `isodesk` already runs on the host's X11, xcb, xkbcommon, fontconfig,
  FreeType, GLib, D-Bus, Kerberos, CUPS and C++ runtime; the bundle asks no more of the host than
  that. glibc and libGL/libxcb are left out by PyInstaller itself for the same reason; AppImage's
  "excludelist" is the same convention. What Python's own modules link (OpenSSL, SQLite, libffi,
  liblzma, bzip2, zlib, libuuid) stays: those come from the build machine's Python and their
  versions differ between distributions.
- PySide6's QtNetwork module and `readline` (`EXCLUDED_MODULES`), which the program never imports.
- PyInstaller's run-time hooks for `inspect`, `pkgutil` and `multiprocessing`
  (`DROPPED_RUNTIME_HOOKS`): each imports its module before the program's first line (≈ 20 ms of a
  start), for cases the program never meets — no source files are shipped for `inspect` to find,
  no module of the bundle is listed with `pkgutil.iter_modules` (the registries name their
  modules), and no process is started through `multiprocessing`.
- On Linux and macOS the two programs below are the same console executable: one is kept and
  `isodesk-cli` is a link to it (on Windows they differ in subsystem, so both are built).
- On Windows, the console `isodesk-cli.exe` carries no copy of the program's Python archive
  (≈ 8 MB): its own holds one small module, and its first run-time hook makes it import
  everything from the archive inside `isodesk.exe` (`shared_archive_files`, below;
  desktop/shared_archive.py says how).
- The version resource (`VS_VERSION_INFO`): Windows shows it in the file's properties, and
  SmartScreen and antivirus programs look for it; an executable without one looks like a
  throw-away tool.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

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
# System libraries the host provides (Linux; matched by file name at the top of `_internal`).
HOST_LIBRARIES = (
    # The C++ runtime: every library linking it is from a manylinux_2_34 wheel (Qt, shiboken),
    # built to use the host's (GLIBCXX_3.4.29 at most; any system with glibc 2.34 has it). A
    # bundled copy older than the host's breaks the host's OpenGL driver (Mesa's LLVM needs the
    # newer one, and libGL always comes from the host).
    "libstdc++.", "libgcc_s.",
    # X11 and Qt's xcb platform: libxcb and libGL come from the host already (PyInstaller never
    # collects them), and Qt's xcb plugin needs xcb-icccm and xcb-keysyms that it never collected
    # either, so Qt's X11 requirements (doc.qt.io, "Qt for X11 Requirements") are the host's.
    # libGL's own package depends on libX11; libXau, libXdmcp (with libbsd and libmd) are
    # libxcb's; xkbcommon reads the host's keyboard data.
    "libX11.", "libX11-xcb.", "libXext.", "libXrender.", "libXau.", "libXdmcp.", "libbsd.",
    "libmd.", "libxcb-", "libxkbcommon.", "libxkbcommon-x11.",
    # Fonts: fontconfig reads the host's /etc/fonts (a bundled one older than the configuration
    # warns and may find no fonts); FreeType with PNG and Brotli, and expat, are its and Qt's.
    "libfontconfig.", "libfreetype.", "libpng16.", "libexpat.", "libbrotlicommon.",
    "libbrotlidec.",
    # GLib (Qt's event loop; every desktop has it) with PCRE2, and libgobject, which nothing left
    # in the bundle loads.
    "libglib-2.0.", "libgthread-2.0.", "libgobject-2.0.", "libpcre2-8.",
    # D-Bus (Qt's accessibility and input methods) talks to the host's bus; libsystemd must match
    # the host's, with its gcrypt, gpg-error, lz4, libcap and zstd (which Qt Core links too).
    "libdbus-1.", "libsystemd.", "libgcrypt.", "libgpg-error.", "liblz4.", "libcap.",
    "libzstd.",
    # Kerberos: Qt Network links GSSAPI (Qt Pdf links Qt Network); the program makes no Qt
    # network connection, so only the loading needs it, as an installed PySide6 does.
    "libgssapi_krb5.", "libkrb5.", "libk5crypto.", "libkrb5support.", "libcom_err.",
    "libkeyutils.",
    # CUPS, only for Qt's CUPS print plugin: printing needs the host's CUPS anyway (its server,
    # printers and configuration), and where libcups is missing Qt leaves the plugin out and the
    # program prints to PDF as before. GnuTLS and its libraries, and Avahi, are libcups'.
    "libcups.", "libgnutls.", "libunistring.", "libidn2.", "libp11-kit.", "libtasn1.",
    "libnettle.", "libhogweed.", "libgmp.", "libavahi-client.", "libavahi-common.",
    # libjpeg: GdkPixbuf (GTK, left out above) brought it; Pillow and Qt's JPEG plugin carry
    # their own.
    "libjpeg.",
)
# Python modules left out: PySide6's QtNetwork module (the program makes no Qt network
# connection; Qt Pdf links libQt6Network, which stays) and readline (the line editing of an
# interactive Python prompt, with libreadline and libtinfo: ≈ 0.6 MB; the command line reads
# passwords through getpass, which does not use it).
EXCLUDED_MODULES = ["PySide6.QtNetwork", "readline"]
# PyInstaller's run-time hooks the program does not need (matched by name; build.spec).
DROPPED_RUNTIME_HOOKS = ("pyi_rth_inspect", "pyi_rth_pkgutil", "pyi_rth_multiprocessing")
QT_TRANSLATION_FOLDERS = ("PySide6/Qt/translations/", "PySide6/translations/")

COMPANY = "ISO Desk"
PRODUCT = "ISO Desk"
COPYRIGHT = "© ISO Desk"


def _normal(path: str) -> str:
    return path.replace("\\", "/").lower()


def keep_binary(dest: str) -> bool:
    dest = _normal(dest)
    name = dest.rsplit("/", 1)[-1]
    if "/" not in dest and any(name.startswith(g.lower()) for g in GTK_ONLY + HOST_LIBRARIES):
        return False
    return not any(d.lower() in dest for d in DROPPED_BINARIES)


def keep_script(name: str) -> bool:
    """False for the run-time hooks left out (`DROPPED_RUNTIME_HOOKS`)."""
    return name not in DROPPED_RUNTIME_HOOKS


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


# The console program's Python archive on Windows (build.spec; desktop/shared_archive.py).
SHARED_ARCHIVE_HOOK = "pyi_rth_isodesk_shared_archive"
SHARED_ARCHIVE_MODULE = "isodesk_shared_archive"   # desktop/shared_archive.py under this name
ARCHIVE_STAMP_MODULE = "isodesk_archive_stamp"


def build_digest(pure: list) -> str:
    """A digest of the Python version and of every module (name, kind, source bytes): the same
    sources give the same digest."""
    digest = hashlib.sha256(sys.version.encode())
    for name, src, typecode in sorted(pure, key=lambda entry: entry[0]):
        digest.update(f"{name}\0{typecode}\0".encode())
        if src and src != "-" and Path(src).is_file():
            digest.update(Path(src).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def shared_archive_files(folder: Path, pure: list, executable: str, root: Path):
    """Writes into `folder` (the build's work folder) the build stamp, for the windowed program's
    archive, and the console program's first run-time hook, which refuses an archive whose stamp
    is not the one it carries. Returns, as PyInstaller's TOC entries, the stamp, the console
    program's archive (desktop/shared_archive.py only) and the hook."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    build = build_digest(pure)
    stamp = folder / f"{ARCHIVE_STAMP_MODULE}.py"
    stamp.write_text(f'"""The build this archive is of (desktop/bundle.py)."""\n'
                     f"BUILD = {build!r}\n", encoding="utf-8")
    hook = folder / f"{SHARED_ARCHIVE_HOOK}.py"
    hook.write_text(
        "# The console program's first run-time hook: its modules come from the windowed\n"
        "# program's archive (desktop/shared_archive.py; written by build.spec, desktop/bundle.py)\n"
        f"import {SHARED_ARCHIVE_MODULE}\n"
        f"{SHARED_ARCHIVE_MODULE}.install({build!r}, {executable!r})\n"
        f"del {SHARED_ARCHIVE_MODULE}\n", encoding="utf-8")
    cli_archive = [(SHARED_ARCHIVE_MODULE, str(Path(root) / "desktop" / "shared_archive.py"),
                    "PYMODULE")]
    return ((ARCHIVE_STAMP_MODULE, str(stamp), "PYMODULE"), cli_archive,
            (SHARED_ARCHIVE_HOOK, str(hook), "PYSOURCE"))
