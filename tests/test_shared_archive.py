"""The Windows console program's shared Python archive (desktop/shared_archive.py), on real
PyInstaller archives written by PyInstaller's own writers: finding the package at the end of an
executable (signed or not), refusing a missing, cut-short, damaged, other-Python or other-build
one with a clear message, and PyInstaller's own importer switched to the shared archive in a
frozen-like process (its loader modules, the way the program loader runs them)."""
import ast
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller")
from PyInstaller.archive.writers import CArchiveWriter, ZlibArchiveWriter  # noqa: E402
from PyInstaller.building.utils import get_code_object  # noqa: E402
from PyInstaller.loader import pyimod01_archive  # noqa: E402

from desktop import bundle, shared_archive  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOADER = Path(pyimod01_archive.__file__).parent
STUB = b"MZ" + bytes(range(256)) * 40   # stands in for the program loader's code


def make_exe(tmp: Path, name: str, modules: dict[str, str], *, build: str | None = "b1",
             signature: bytes = b"") -> Path:
    """An executable as PyInstaller makes it: a stub, then a package holding a start-up script
    and a PYZ of `modules` (with the build stamp unless `build` is None), then (optionally) a
    signature."""
    work = tmp / f"{name}.work"
    work.mkdir()
    entries = []
    sources = dict(modules)
    if build is not None:
        sources[bundle.ARCHIVE_STAMP_MODULE] = f'"""The build."""\nBUILD = {build!r}\n'
    for module, source in sorted(sources.items()):
        path = work / f"{module}.py"
        path.write_text(source, encoding="utf-8")
        entries.append((module, str(path), "PYMODULE"))
    pyz = work / "PYZ-00.pyz"
    ZlibArchiveWriter(str(pyz), entries, code_dict={
        module: get_code_object(module, path, optimize=0) for module, path, _kind in entries})
    script = work / "boot.py"
    script.write_text("pass\n")
    pkg = work / "package.pkg"
    CArchiveWriter(str(pkg), [("pyi-contents-directory _internal", "", False, "o"),
                              ("PYZ-00.pyz", str(pyz), False, "z"),
                              ("boot", str(script), True, "s")], "python311.dll")
    exe = tmp / name
    exe.write_bytes(STUB + pkg.read_bytes() + signature)
    return exe


@pytest.fixture()
def pair(tmp_path):
    """isodesk.exe with the program's modules and the stamp, isodesk-cli.exe with one small
    module."""
    gui = make_exe(tmp_path, "isodesk.exe", {"shared_probe": "WHERE = 'shared'\n"})
    cli = make_exe(tmp_path, "isodesk-cli.exe", {"own_only": "WHERE = 'own'\n"}, build=None)
    return gui, cli


def open_shared(gui: Path, build: str = "b1"):
    return shared_archive.open_shared(str(gui), build, pyimod01_archive.ZlibArchiveReader)


def test_finds_the_pyz_of_a_package_appended_to_an_executable(pair):
    gui, _cli = pair
    offset = shared_archive.pyz_location(str(gui))
    assert offset >= len(STUB)
    assert gui.read_bytes()[offset:offset + 4] == b"PYZ\0"
    reader = pyimod01_archive.ZlibArchiveReader(str(gui), offset, check_pymagic=True)
    assert set(reader.toc) == {"shared_probe", bundle.ARCHIVE_STAMP_MODULE}
    start, version, toc = shared_archive.read_package(str(gui))
    assert version == sys.version_info[0] * 100 + sys.version_info[1]
    assert [(name, kind) for name, *_rest, kind in toc] == [
        ("pyi-contents-directory _internal", "o"), ("PYZ-00.pyz", "z"), ("boot", "s")]
    assert start == len(STUB)


def test_a_signature_appended_after_the_build_changes_nothing(tmp_path):
    # Authenticode puts its certificate table after the package; the cookie is searched for
    # backwards from the end, over several read chunks
    plain = make_exe(tmp_path, "plain.exe", {"m": "X = 1\n"})
    signed = make_exe(tmp_path, "signed.exe", {"m": "X = 1\n"},
                      signature=os.urandom(3 * shared_archive.CHUNK + 123))
    assert shared_archive.pyz_location(str(signed)) == shared_archive.pyz_location(str(plain))


def test_the_same_build_is_accepted_and_its_modules_read(pair):
    gui, cli = pair
    shared, offset = open_shared(gui)
    assert offset == shared_archive.pyz_location(str(gui))
    namespace = {}
    exec(shared.extract("shared_probe"), namespace)
    assert namespace["WHERE"] == "shared"


def test_another_build_is_refused(tmp_path):
    gui = make_exe(tmp_path, "isodesk.exe", {"shared_probe": "WHERE = 'x'\n"}, build="b2")
    with pytest.raises(shared_archive.ArchiveError) as caught:
        open_shared(gui, "b1")
    assert "bản dựng khác" in caught.value.vi and "another build" in caught.value.en


def test_an_archive_without_a_stamp_is_refused(tmp_path):
    gui = make_exe(tmp_path, "isodesk.exe", {"m": "BUILD = 'b1'\n"}, build=None)
    with pytest.raises(shared_archive.ArchiveError) as caught:
        open_shared(gui)
    assert "another build" in caught.value.en


def test_a_missing_executable_is_named(tmp_path):
    with pytest.raises(shared_archive.ArchiveError) as caught:
        shared_archive.pyz_location(str(tmp_path / "isodesk.exe"))
    assert "không tìm thấy" in caught.value.vi and "was not found" in caught.value.en
    assert "isodesk.exe" in caught.value.vi


def cut_points(size: int, pkg_start: int, pyz: int) -> list[int]:
    return [0, 1, len(STUB) // 2, pkg_start, pyz + 5, pyz + 100, size // 2, size - 200,
            size - shared_archive.COOKIE.size, size - 10, size - 1]


def test_every_cut_short_executable_is_refused_as_damaged(pair):
    gui, _cli = pair
    data = gui.read_bytes()
    pyz = shared_archive.pyz_location(str(gui))
    for cut in cut_points(len(data), len(STUB), pyz):
        gui.write_bytes(data[:cut])
        with pytest.raises(shared_archive.ArchiveError) as caught:
            shared_archive.pyz_location(str(gui))
        assert "bị hỏng" in caught.value.vi and "is damaged" in caught.value.en, cut


def cookie_at(data: bytes) -> int:
    return data.rfind(shared_archive.COOKIE_MAGIC)


def patched(data: bytes, at: int, value: bytes) -> bytes:
    return data[:at] + value + data[at + len(value):]


@pytest.mark.parametrize("field, value, words", [
    (8, struct.pack("!I", 0xFFFFFF00), "is damaged"),            # package longer than the file
    (12, struct.pack("!I", 0x7FFFFFFF), "is damaged"),           # TOC beyond the package
    (16, struct.pack("!I", 0x7FFFFFFF), "is damaged"),           # TOC length
    (20, struct.pack("!I", 310), "built for Python 3.10"),       # another Python
    (24, b"\0" * 64, "is damaged"),                              # no Python library named
])
def test_a_damaged_cookie_is_refused(pair, field, value, words):
    gui, _cli = pair
    data = gui.read_bytes()
    gui.write_bytes(patched(data, cookie_at(data) + field, value))
    with pytest.raises(shared_archive.ArchiveError) as caught:
        shared_archive.pyz_location(str(gui))
    assert words in caught.value.en


def test_a_damaged_table_of_contents_is_refused(pair):
    gui, _cli = pair
    data = gui.read_bytes()
    _, _length, toc_offset, _toc_length, _v, _lib = shared_archive.COOKIE.unpack_from(
        data, cookie_at(data))
    toc_at = len(STUB) + toc_offset
    for value in (struct.pack("!I", 3), struct.pack("!I", 0x7FFF0000)):   # entry length
        gui.write_bytes(patched(data, toc_at, value))
        with pytest.raises(shared_archive.ArchiveError) as caught:
            shared_archive.pyz_location(str(gui))
        assert "is damaged" in caught.value.en


def test_a_damaged_pyz_is_refused(pair):
    gui, _cli = pair
    data = gui.read_bytes()
    pyz = shared_archive.pyz_location(str(gui))
    cases = [(patched(data, pyz, b"PYX\0"), "is damaged"),
             (patched(data, pyz + 4, b"\x00\x00\r\n"), "another Python version"),
             (patched(data, pyz + 8, struct.pack("!i", 3)), "is damaged"),
             (patched(data, pyz + 8, struct.pack("!i", -9)), "is damaged")]
    toc_at = pyz + struct.unpack("!i", data[pyz + 8:pyz + 12])[0]
    cases.append((patched(data, toc_at, b"\xff\xff\xff\xff"), "is damaged"))   # no marshal
    for damaged, words in cases:
        gui.write_bytes(damaged)
        with pytest.raises(shared_archive.ArchiveError) as caught:
            open_shared(gui)
        assert words in caught.value.en


def test_the_message_is_vietnamese_then_english():
    error = shared_archive.ArchiveError("không tìm thấy C:\\ISO Desk\\isodesk.exe",
                                        "C:\\ISO Desk\\isodesk.exe was not found")
    text = shared_archive.message(error, "isodesk-cli", "isodesk.exe")
    assert text.index("Hãy cài lại ISO Desk") < text.index("Reinstall ISO Desk")
    assert text.index("không tìm thấy") < text.index("was not found")
    assert text.splitlines()[0] == "isodesk-cli: không tìm thấy C:\\ISO Desk\\isodesk.exe."
    assert "isodesk.exe cùng thư mục" in text


# --- PyInstaller's importer, switched in a frozen-like process ------------------------------

FROZEN = """
import sys
sys.path.insert(0, {loader!r})
sys.path.insert(0, {root!r})
sys._MEIPASS = {meipass!r}
sys.path.append(sys._MEIPASS)
sys.executable = {executable!r}
from desktop import shared_archive
sys._pyinstaller_pyz = "{cli}?%d" % shared_archive.pyz_location({cli!r})
import pyimod02_importers
pyimod02_importers.install()
sys.modules.pop("ctypes", None)
import own_only
try:
    import shared_probe
except ImportError:
    print("before: not found")
shared_archive.install("b1", "isodesk.exe")
import shared_probe
import ctypes
print("after:", shared_probe.WHERE, shared_probe.__loader__.__class__.__name__)
print("installed:", shared_archive.installed)
print("ctypes hook:", ctypes.CDLL.__name__)
print("finders:", sorted({{type(f).__name__ for f in sys.path_importer_cache.values()
                          if f is not None and getattr(f, "_pyz_archive", None) is not None
                          and f._pyz_archive is not pyimod02_importers.pyz_archive}}))
"""


def run_frozen(tmp_path: Path, cli: Path) -> subprocess.CompletedProcess:
    meipass = tmp_path / "_internal"
    meipass.mkdir(exist_ok=True)
    script = FROZEN.format(loader=str(LOADER), root=str(ROOT), meipass=str(meipass),
                           executable=str(cli), cli=str(cli))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_the_importer_reads_the_shared_archive_once_installed(pair, tmp_path):
    gui, cli = pair
    result = run_frozen(tmp_path, cli)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "before: not found" in lines              # the console program's own archive
    assert "after: shared PyiFrozenLoader" in lines  # then isodesk.exe's, through PyInstaller
    assert f"installed: {gui}?{shared_archive.pyz_location(str(gui))}" in lines
    assert "ctypes hook: PyInstallerCDLL" in lines   # PyInstaller's ctypes hooks, installed late
    assert "finders: []" in lines                    # no finder left on the small archive


@pytest.mark.parametrize("damage", ["missing", "cut", "other build"])
def test_the_console_program_exits_with_the_message_and_no_traceback(pair, tmp_path, damage):
    gui, cli = pair
    if damage == "missing":
        gui.unlink()
    elif damage == "cut":
        gui.write_bytes(gui.read_bytes()[:-300])
    else:
        other = tmp_path / "other"
        other.mkdir()
        make_exe(other, "isodesk.exe", {"shared_probe": "WHERE = 'x'\n"}, build="b9")
        (other / "isodesk.exe").replace(gui)
    result = run_frozen(tmp_path, cli)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "before: not found" in result.stdout and "after:" not in result.stdout
    vi, en = result.stderr.index("Hãy cài lại ISO Desk"), result.stderr.index("Reinstall")
    assert vi < en
    assert result.stderr.startswith(f"{cli.stem}: ")
    assert {"missing": "không tìm thấy", "cut": "bị hỏng",
            "other build": "bản dựng khác"}[damage] in result.stderr


def test_the_linux_bundle_has_the_same_package_format():
    exe = ROOT / "dist" / "isodesk" / "isodesk"
    if not exe.exists():
        pytest.skip("no Linux bundle built here (python dev.py bundle)")
    offset = shared_archive.pyz_location(str(exe))
    reader = pyimod01_archive.ZlibArchiveReader(str(exe), offset, check_pymagic=True)
    assert "desktop.shared_archive" in reader.toc and "desktop.cli" in reader.toc


def test_the_build_digest_follows_every_source_byte(tmp_path):
    a = tmp_path / "a.py"
    a.write_text("X = 1\n")
    pure = [("a", str(a), "PYMODULE"), ("ns", "-", "PYMODULE")]
    first = bundle.build_digest(pure)
    assert first == bundle.build_digest(list(reversed(pure))) and len(first) == 64
    a.write_text("X = 2\n")
    assert bundle.build_digest(pure) != first


def hook_arguments(hook_path: str) -> list:
    tree = ast.parse(Path(hook_path).read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert [ast.unparse(call.func) for call in calls] == [
        f"{bundle.SHARED_ARCHIVE_MODULE}.install"]
    return [ast.literal_eval(arg) for arg in calls[0].args]


def test_the_built_hook_accepts_the_built_stamp_only(tmp_path):
    source = tmp_path / "program.py"
    source.write_text("X = 1\n")
    pure = [("program", str(source), "PYMODULE")]
    stamp, archive, hook = bundle.shared_archive_files(tmp_path / "work", pure, "isodesk.exe",
                                                       ROOT)
    assert archive == [(bundle.SHARED_ARCHIVE_MODULE, str(ROOT / "desktop" / "shared_archive.py"),
                        "PYMODULE")]
    assert stamp[0] == bundle.ARCHIVE_STAMP_MODULE == shared_archive.STAMP_MODULE
    assert hook[0] == bundle.SHARED_ARCHIVE_HOOK and hook[2] == "PYSOURCE"
    assert bundle.SHARED_ARCHIVE_MODULE == shared_archive.MODULE_NAME
    build, executable = hook_arguments(hook[1])
    assert executable == "isodesk.exe"
    gui = make_exe(tmp_path, "isodesk.exe", {
        "program": "X = 1\n", stamp[0]: Path(stamp[1]).read_text(encoding="utf-8")}, build=None)
    open_shared(gui, build)
    source.write_text("X = 2\n")   # another build of the program
    rebuilt = bundle.shared_archive_files(tmp_path / "work2", pure, "isodesk.exe", ROOT)
    assert hook_arguments(rebuilt[2][1])[0] != build
    with pytest.raises(shared_archive.ArchiveError):
        open_shared(gui, hook_arguments(rebuilt[2][1])[0])
