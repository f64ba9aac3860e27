"""What the one-folder bundle leaves out (desktop/bundle.py, used by build.spec): the platforms,
themes, services and image formats the program does not use, and nothing it needs."""
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
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libfreetype.so.6", "libfontconfig.so.1",
    "PIL/_webp.cpython-311-x86_64-linux-gnu.so", "pillow.libs/libwebp-51b0b3f7.so.7.2.0",
    "cryptography/hazmat/bindings/_rust.abi3.so",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
    "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/unicodedata.cpython-311-x86_64-linux-gnu.so",
])
def test_kept(dest):
    assert bundle.keep_binary(dest)
