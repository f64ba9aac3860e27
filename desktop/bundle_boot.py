"""The bundle's bootstrap script, with `ctypes` imported when the program first imports it.

PyInstaller's bootstrap (`pyiboot01_bootstrap`, the first code a bundled start runs) imports
`ctypes` to install its hooks on `ctypes.CDLL` and the other library loaders (so that a library
named by its bare file name is looked for in the bundle first). ISO Desk imports `ctypes` only for
the Windows API (`desktop.win32`) and the kiosk, so on Linux and macOS every start paid for an
import it never used (≈ 8 ms of a start to the sign-in). `lazy_ctypes_bootstrap` rewrites the
bootstrap script so that the same hooks are installed right after `ctypes` is first imported,
before anything can use it: a finder first in `sys.meta_path` takes the `ctypes` spec from the
finders after it, removes itself, and has the module's loader install the hooks once the module
has run. Nothing else of the bootstrap changes.

The build (build.spec) writes the rewritten script into its work folder and puts it in the place
of PyInstaller's (in the PYZ object's `dependencies`, which the executables take it from). If PyInstaller's script no longer has the lines this replaces (another
version), the build keeps PyInstaller's own script and says so; `tests/test_bundle_boot.py` fails
for the pinned version, and checks the rewritten script's hooks on a real import.

Kept here, without PyInstaller, so that the tests can check it on any platform.
"""
from __future__ import annotations

from pathlib import Path

BOOTSTRAP_NAME = "pyiboot01_bootstrap"

# PyInstaller's lines (6.x) installing the hooks at start.
EAGER = """\
    # Install the hooks for ctypes
    import pyimod03_ctypes  # noqa: E402
    pyimod03_ctypes.install()
"""

LAZY = """\
    # Install the hooks for ctypes when ctypes is first imported (ISO Desk's build: a start that
    # never uses ctypes does not import it)
    class _CtypesHooksWhenImported:
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name != 'ctypes':
                return None
            try:
                sys.meta_path.remove(_CtypesHooksWhenImported)
            except ValueError:
                pass
            for finder in sys.meta_path:
                find = getattr(finder, 'find_spec', None)
                spec = find(name, path, target) if find is not None else None
                if spec is not None:
                    break
            else:
                return None
            if spec.loader is None or not hasattr(spec.loader, 'exec_module'):
                return spec
            run_module = spec.loader.exec_module

            def exec_module(module):
                run_module(module)
                import pyimod03_ctypes
                pyimod03_ctypes.install()

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, _CtypesHooksWhenImported)
"""


def lazy_ctypes_bootstrap(source: str) -> str | None:
    """PyInstaller's bootstrap script with the ctypes hooks installed at ctypes' first import;
    None when the script does not have the lines replaced (another PyInstaller)."""
    if source.count(EAGER) != 1:
        return None
    return source.replace(EAGER, LAZY)


def replace_bootstrap(scripts: list[tuple], folder: Path) -> tuple[list[tuple], bool]:
    """`scripts` (a TOC of (name, path, typecode): the PYZ object's `dependencies`, which hold the
    bootstrap modules and script) with PyInstaller's bootstrap script replaced by the rewritten
    one, written into `folder`; and whether it was replaced."""
    result, replaced = [], False
    for name, path, typecode in scripts:
        if name == BOOTSTRAP_NAME and not replaced:
            text = lazy_ctypes_bootstrap(Path(path).read_text(encoding="utf-8"))
            if text is not None:
                folder.mkdir(parents=True, exist_ok=True)
                written = folder / f"{BOOTSTRAP_NAME}.py"
                written.write_text(text, encoding="utf-8")
                path, replaced = str(written), True
        result.append((name, path, typecode))
    return result, replaced


# --- The modules of the start, stored uncompressed -------------------------------------------
#
# PyInstaller's Python archive (PYZ) compresses every module with zlib, and the bundled start
# inflates each module it imports: for the ≈ 100 modules of the archive loaded before the sign-in
# shows (2.3 MB of bytecode) that took ≈ 15 ms on the reference machine, and the bundle's start to
# the sign-in was ≈ 30 ms slower than the installed package's (which reads plain .pyc files).
# Stored uncompressed (zlib level 0: still a zlib stream, which PyInstaller's reader inflates as
# before, by copying) they cost ≈ 1.3 MB of the bundle; the whole archive stored would cost 11.7
# MB, more than the bundle's size target leaves. The list is `desktop/start_modules.txt`.

START_MODULES_FILE = Path(__file__).with_name("start_modules.txt")


def start_modules(path: Path = START_MODULES_FILE) -> frozenset[str]:
    """The module names listed in `path` (one per line; # comments)."""
    names = (line.split("#", 1)[0].strip() for line in
             path.read_text(encoding="utf-8").splitlines())
    return frozenset(n for n in names if n)


def store_uncompressed(names: frozenset[str]) -> None:
    """Have PyInstaller's PYZ writer store the modules `names` uncompressed (zlib level 0) and
    compress the others as before. Called by build.spec before the PYZ is written."""
    from PyInstaller.archive import writers

    writer = writers.ZlibArchiveWriter
    original = getattr(writer, "_isodesk_original_write_entry", None)
    if original is None:
        original = writer._write_entry.__func__
        writer._isodesk_original_write_entry = original

    class _Stored(writer):
        _COMPRESSION_LEVEL = 0

    def _write_entry(cls, fp, entry, code_dict):
        return original(_Stored if entry[0] in names else cls, fp, entry, code_dict)

    writer._write_entry = classmethod(_write_entry)
