"""What the one-folder bundle leaves out (desktop/bundle.py, used by build.spec): the platforms,
themes, services and image formats the program does not use, the system libraries the host
provides, PyInstaller's run-time hooks the program does not need, and nothing it needs."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import bundle


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/plugins/tls/qschannelbackend.dll",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/plugins/imageformats/qtiff.dll",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "libgtk-3.so.0", "libpango-1.0.so.0", "libcairo.so.2", "libgio-2.0.so.0",
    "PIL/_avif.cpython-311-x86_64-linux-gnu.so", "pillow.libs/libavif-c6062d5f.so.16.4.2",
    "PIL/_imagingcms.cpython-311-x86_64-linux-gnu.so", "pillow.libs/liblcms2-88eaba2f.so.2.0.19",
    "PySide6/opengl32sw.dll",
    "python3.11/lib-dynload/_codecs_jp.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_multibytecodec.cpython-311-x86_64-linux-gnu.so",
    # the system libraries the host provides, as it does for an installed PySide6
    "libstdc++.so.6", "libgcc_s.so.1",
    "libX11.so.6", "libX11-xcb.so.1", "libXext.so.6", "libXau.so.6", "libxcb-cursor.so.0",
    "libxcb-xkb.so.1", "libxkbcommon.so.0", "libxkbcommon-x11.so.0",
    "libfontconfig.so.1", "libfreetype.so.6", "libpng16.so.16", "libexpat.so.1",
    "libbrotlidec.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libgobject-2.0.so.0",
    "libpcre2-8.so.0", "libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libzstd.so.1",
    "libgssapi_krb5.so.2", "libkrb5.so.3", "libcom_err.so.2",
    "libcups.so.2", "libgnutls.so.30", "libunistring.so.2", "libp11-kit.so.0", "libgmp.so.10",
    "libavahi-client.so.3", "libjpeg.so.62",
])
def test_left_out(dest):
    assert not bundle.keep_binary(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",   # the bundled --selftest runs on it
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so",     # question pictures may be WebP
    "PySide6/Qt/plugins/imageformats/libqgif.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Charts.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",        # QtCharts links it
    # what Python's own modules link: the build machine's versions, not every host's
    "libpython3.11.so.1.0", "libssl.so.3", "libcrypto.so.3", "libsqlite3.so.0", "libffi.so.8",
    "liblzma.so.5", "libbz2.so.1.0", "libz.so.1", "libuuid.so.1",
    # Qt's own ICU, and Pillow's own libraries (their names start like system ones)
    "PySide6/Qt/lib/libicudata.so.73", "PySide6/Qt/lib/libicuuc.so.73",
    "pillow.libs/libxcb-9065bb12.so.1.1.0", "pillow.libs/libXau-154567c4.so.6.0.0",
    "pillow.libs/libzstd-40ad5e7e.so.1.5.7",
    "PIL/_webp.cpython-311-x86_64-linux-gnu.so", "pillow.libs/libwebp-51b0b3f7.so.7.2.0",
    "cryptography/hazmat/bindings/_rust.abi3.so",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
    "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/unicodedata.cpython-311-x86_64-linux-gnu.so",
])
def test_kept(dest):
    assert bundle.keep_binary(dest)


@pytest.mark.parametrize("name", ["pyi_rth_inspect", "pyi_rth_pkgutil", "pyi_rth_multiprocessing"])
def test_runtime_hooks_left_out(name):
    assert not bundle.keep_script(name)


@pytest.mark.parametrize("name", ["pyiboot01_bootstrap", "pyi_rth_pyside6",
                                  "pyi_rth_cryptography_openssl", "__main__"])
def test_runtime_hooks_kept(name):
    assert bundle.keep_script(name)


def test_modules_left_out_are_not_imported_by_the_program():
    """The bundle has no QtNetwork or readline module: no module of the program may import
    them (it would fail only in the bundle)."""
    import re

    root = Path(__file__).resolve().parent.parent
    names = "|".join(re.escape(m.rsplit(".", 1)[-1]) for m in bundle.EXCLUDED_MODULES)
    pattern = re.compile(rf"^\s*(from\s+[\w.]+\s+import\s+[^\n]*|from\s+|import\s+)"
                         rf"[\w.]*\b({names})\b", re.M)
    users = [str(p.relative_to(root)) for folder in ("desktop", "sync")
             for p in (root / folder).rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert users == []
    assert {"PySide6.QtNetwork", "readline"} <= set(bundle.EXCLUDED_MODULES)


DIST = Path(__file__).resolve().parent.parent / "dist" / "isodesk" / "_internal"
# What PyInstaller itself never collects (glibc, the graphics stack, libxcb): PyInstaller's
# depend/dylib.py, and the xcb libraries Qt's own requirements name.
PYINSTALLER_LEAVES = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libutil.so",
                      "libresolv.so", "ld-linux", "libGL.so", "libEGL.so", "libOpenGL.so",
                      "libGLX.so", "libxcb.so", "libxcb-icccm.so", "libxcb-keysyms.so")


@pytest.mark.skipif(not sys.platform.startswith("linux") or not DIST.is_dir()
                    or not shutil.which("readelf"),
                    reason="a Linux bundle built by `python dev.py bundle`, and readelf")
def test_built_bundle_needs_from_the_host_only_what_it_leaves_to_it():
    """Every library a file of the built bundle links is in the bundle, or is one the host
    provides by the rules above: a library left out that Python's own modules need (OpenSSL,
    SQLite…) would fail here instead of on a user's machine."""
    present = {p.name for p in DIST.rglob("*.so*")}
    missing = {}
    for path in DIST.rglob("*.so*"):
        if path.is_symlink():
            continue
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                             env={**os.environ, "LC_ALL": "C"}).stdout
        for line in out.splitlines():
            if "(NEEDED)" not in line:
                continue
            name = line.split("[", 1)[1].rstrip("]")
            if name in present or name.startswith(PYINSTALLER_LEAVES):
                continue
            if not bundle.keep_binary(name):   # left to the host on purpose
                continue
            missing.setdefault(name, []).append(str(path.relative_to(DIST)))
    assert not missing


@pytest.mark.skipif(not sys.platform.startswith("linux") or not DIST.is_dir(),
                    reason="a Linux bundle built by `python dev.py bundle`")
def test_built_bundle_has_no_link_to_a_file_left_out():
    dangling = [p.name for p in DIST.iterdir() if p.is_symlink() and not p.exists()]
    assert dangling == []
