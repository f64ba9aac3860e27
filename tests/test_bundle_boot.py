"""The bundle's bootstrap imports ctypes only when the program does (desktop/bundle_boot.py), and
the hooks PyInstaller's bootstrap installs on ctypes' library loaders are still installed then."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop import bundle_boot

ROOT = Path(__file__).resolve().parents[1]
BUNDLE_EXE = ROOT / "dist" / "isodesk" / ("isodesk.exe" if sys.platform == "win32" else "isodesk")


def _pyinstaller_bootstrap() -> Path:
    import PyInstaller

    return Path(PyInstaller.__file__).parent / "loader" / f"{bundle_boot.BOOTSTRAP_NAME}.py"


def test_the_pinned_pyinstaller_bootstrap_is_the_one_rewritten():
    source = _pyinstaller_bootstrap().read_text(encoding="utf-8")
    rewritten = bundle_boot.lazy_ctypes_bootstrap(source)
    assert rewritten is not None, "PyInstaller's bootstrap changed: desktop/bundle_boot.py"
    assert "pyimod03_ctypes.install()" in source.split(bundle_boot.EAGER)[0] + bundle_boot.EAGER
    compile(rewritten, bundle_boot.BOOTSTRAP_NAME, "exec")
    # the eager lines are gone, everything else is PyInstaller's own, in order
    assert bundle_boot.EAGER not in rewritten
    before, after = source.split(bundle_boot.EAGER)
    assert rewritten.startswith(before) and rewritten.endswith(after)


def test_another_bootstrap_is_left_alone(tmp_path):
    assert bundle_boot.lazy_ctypes_bootstrap("import sys\n") is None
    other = tmp_path / "pyiboot01_bootstrap.py"
    other.write_text("import sys\n", encoding="utf-8")
    scripts = [("pyiboot01_bootstrap", str(other), "PYSOURCE"),
               ("main", str(tmp_path / "main.py"), "PYSOURCE")]
    kept, replaced = bundle_boot.replace_bootstrap(scripts, tmp_path / "boot")
    assert not replaced and kept == scripts


def test_replace_bootstrap_writes_the_rewritten_script_in_place_of_pyinstallers(tmp_path):
    scripts = [("pyiboot01_bootstrap", str(_pyinstaller_bootstrap()), "PYSOURCE"),
               ("pyi_rth_something", "/x/hook.py", "PYSOURCE"),
               ("__main__", "/x/main.py", "PYSOURCE")]
    result, replaced = bundle_boot.replace_bootstrap(scripts, tmp_path / "boot")
    assert replaced
    assert [s[0] for s in result] == [s[0] for s in scripts]      # same names, same order
    assert result[1:] == scripts[1:]
    written = Path(result[0][1])
    assert written.parent == tmp_path / "boot"
    assert "_CtypesHooksWhenImported" in written.read_text(encoding="utf-8")


# The rewritten lines run in a fresh interpreter (ctypes not imported yet), with a stand-in for
# PyInstaller's pyimod03_ctypes that installs its hook the same way (a subclass of ctypes.CDLL).
PROBE = """
import sys, types
calls = []
fake = types.ModuleType("pyimod03_ctypes")
def install():
    import ctypes
    calls.append(sorted(n for n in sys.modules if n == "ctypes" or n.startswith("ctypes.")))
    class PyInstallerCDLL(ctypes.CDLL):
        pass
    ctypes.CDLL = PyInstallerCDLL
fake.install = install
sys.modules["pyimod03_ctypes"] = fake

def _pyi_bootstrap():
{lazy}
_pyi_bootstrap()
assert "ctypes" not in sys.modules, "imported at start"
assert not calls
import json                      # other imports go by untouched
assert not calls and "ctypes" not in sys.modules
import ctypes
assert len(calls) == 1, calls    # the hooks, once the module has run
assert ctypes.CDLL.__name__ == "PyInstallerCDLL"
import ctypes.util               # its sub-modules import as before
import ctypes
assert len(calls) == 1
assert not any(type(f).__name__ == "type" and f.__name__ == "_CtypesHooksWhenImported"
               for f in sys.meta_path), "the finder stays in the import path"
print("lazy ctypes ok", calls[0])
"""


def test_ctypes_hooks_are_installed_when_ctypes_is_first_imported():
    code = PROBE.replace("{lazy}", textwrap.indent(textwrap.dedent(bundle_boot.LAZY), "    "))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "lazy ctypes ok ['ctypes', 'ctypes._endian']" in result.stdout


def test_the_finder_gives_way_when_ctypes_is_missing():
    code = PROBE.split("_pyi_bootstrap()\n")[0].replace(
        "{lazy}", textwrap.indent(textwrap.dedent(bundle_boot.LAZY), "    ")) + textwrap.dedent("""
        _pyi_bootstrap()
        class Nowhere:                         # a Python without ctypes
            @staticmethod
            def find_spec(name, path=None, target=None):
                return None
        sys.meta_path[:] = [f for f in sys.meta_path if getattr(f, "__name__", "") ==
                            "_CtypesHooksWhenImported"] + [Nowhere]
        try:
            import ctypes
        except ImportError:
            print("missing as before")
        """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "missing as before" in result.stdout


@pytest.mark.skipif(not BUNDLE_EXE.exists(), reason="no bundle built (python dev.py bundle)")
def test_the_built_bundle_carries_the_rewritten_bootstrap():
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(BUNDLE_EXE))
    code = archive.extract(bundle_boot.BOOTSTRAP_NAME)
    import marshal

    code = marshal.loads(code) if isinstance(code, bytes) else code

    def names(co) -> set[str]:
        found = set(co.co_names) | {c for c in co.co_consts if isinstance(c, str)}
        for const in co.co_consts:
            if hasattr(const, "co_names"):
                found |= names(const)
        return found

    assert "_CtypesHooksWhenImported" in names(code)


def test_the_selftest_checks_the_hooks_in_a_bundle(monkeypatch):
    from desktop.cli.selftest import _check_native_calls

    assert _check_native_calls() == "native calls ok (ctypes)"
    monkeypatch.setattr(sys, "frozen", True, raising=False)   # a bundle whose hooks are missing
    with pytest.raises(RuntimeError, match="hooks on ctypes"):
        _check_native_calls()
    import ctypes

    class PyInstallerCDLL(ctypes.CDLL):
        pass

    monkeypatch.setattr(ctypes, "CDLL", PyInstallerCDLL)
    assert _check_native_calls() == "native calls ok (ctypes, the bundle's library hooks)"


def _archive_entry(reader, name: str) -> bytes:
    """The raw (still zlib-wrapped) bytes of a PYZ entry."""
    _kind, offset, length = reader.toc[name]
    with open(reader._filename, "rb") as fh:
        fh.seek(reader._start_offset + offset)
        return fh.read(length)


def test_the_start_modules_are_stored_and_the_others_compressed(tmp_path):
    import marshal
    import zlib

    from PyInstaller.archive.writers import ZlibArchiveWriter
    from PyInstaller.loader.pyimod01_archive import ZlibArchiveReader

    sources = {}
    for name in ("hot", "cold"):
        path = tmp_path / f"{name}.py"
        path.write_text(f"NAME = {name!r}\n" + "TABLE = " + repr(list(range(400))) + "\n",
                        encoding="utf-8")
        sources[name] = path
    code = {n: compile(p.read_text(encoding="utf-8"), str(p), "exec") for n, p in sources.items()}
    entries = [(n, str(p), "PYMODULE") for n, p in sources.items()]
    archive = tmp_path / "test.pyz"
    bundle_boot.store_uncompressed(frozenset({"hot"}))
    try:
        ZlibArchiveWriter(str(archive), entries, code_dict=code)
    finally:
        bundle_boot.store_uncompressed(frozenset())
    reader = ZlibArchiveReader(str(archive))
    for name in ("hot", "cold"):                 # both read back as PyInstaller reads them
        namespace: dict = {}
        exec(reader.extract(name), namespace)
        assert namespace["NAME"] == name and namespace["TABLE"][-1] == 399
    hot, cold = _archive_entry(reader, "hot"), _archive_entry(reader, "cold")
    raw = len(zlib.decompress(hot))
    assert len(hot) > raw                        # stored: the bytecode itself, with zlib's frame
    assert len(cold) < raw / 2                   # compressed as before
    assert marshal.loads(zlib.decompress(hot)).co_filename.endswith("hot.py")
    # the writer is PyInstaller's own again once the list is empty
    again = tmp_path / "again.pyz"
    ZlibArchiveWriter(str(again), entries, code_dict=code)
    assert len(_archive_entry(ZlibArchiveReader(str(again)), "hot")) < raw / 2


def test_the_list_of_start_modules_reads_names_and_skips_comments(tmp_path):
    listing = tmp_path / "start.txt"
    listing.write_text("# a comment\n\ndesktop.app\n  json.decoder  # why\n", encoding="utf-8")
    assert bundle_boot.start_modules(listing) == {"desktop.app", "json.decoder"}
    assert "desktop.views.login" in bundle_boot.start_modules()


@pytest.mark.skipif(not BUNDLE_EXE.exists(), reason="no bundle built (python dev.py bundle)")
def test_the_built_bundle_stores_the_start_modules_uncompressed():
    from PyInstaller.archive.readers import CArchiveReader
    from PyInstaller.loader.pyimod01_archive import ZlibArchiveReader

    archive = CArchiveReader(str(BUNDLE_EXE))
    entry = archive.toc["PYZ.pyz"]
    reader = ZlibArchiveReader(f"{BUNDLE_EXE}?{archive._start_offset + entry[0]}")
    import zlib

    for name in ("desktop.views.login", "desktop.models.db", "json.decoder"):
        data = _archive_entry(reader, name)
        assert len(data) > len(zlib.decompress(data)), name        # stored
    for name in ("reportlab.pdfgen.canvas", "desktop.views.main_window"):
        data = _archive_entry(reader, name)
        assert len(data) < len(zlib.decompress(data)) / 1.5, name  # compressed
