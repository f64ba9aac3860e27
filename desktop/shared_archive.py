"""One Python archive for the two Windows programs: `isodesk-cli.exe` imports the program from
the archive inside `isodesk.exe`.

PyInstaller appends to each executable its own package (a "CArchive") holding the start-up
modules and a PYZ, the zlib archive of every pure-Python module (≈ 8 MB). The windowed
`isodesk.exe` keeps its full PYZ, with the build's stamp (`isodesk_archive_stamp`: a digest of
every module's source, desktop/bundle.py). The console `isodesk-cli.exe` is built (build.spec)
with a PYZ holding this module only, under the name `isodesk_shared_archive`; its first run-time
hook, written by the build with the stamp's digest in it, calls `install()`, which

1. finds the package at the end of `isodesk.exe` (beside the running executable) the way
   PyInstaller's own program loader finds its own: the cookie, searched for backwards from the
   end of the file (so that an Authenticode signature added after the build changes nothing),
   then the table of contents and its PYZ entry;
2. checks that archive: it is whole, made for this Python version (the cookie's version and the
   bytecode's magic number), and its build stamp is the console program's, so that no module is
   ever run from two different builds;
3. makes PyInstaller's importer read from it (`pyimod02_importers.pyz_archive`) and forgets the
   finders that had read the small archive's table of contents, then installs PyInstaller's
   ctypes hooks, which the start-up tried and skipped because `ctypes` was not in the small
   archive (so nothing before this hook was imported from it but this module).

The package is read when the program starts rather than from an offset written at build time:
an executable signed, given a resource or replaced after the build is still read right, and it
costs one open of the file with two reads (the last 8 KB hold the cookie and the table of
contents; then the PYZ's header): ≈ 0.1 ms on Linux, ≈ 0.65 ms under Wine, where opening a
file alone takes ≈ 0.5 ms. PyInstaller's reader then reads the PYZ's table of contents, as it did the
console program's own before.

When `isodesk.exe` is missing, damaged, or from another build or Python, the console program says
so on stderr, in Vietnamese then in English, and exits with 1 (no traceback). That message is
written before any of the program's modules can be imported, Qt's translations included, so it
is not looked up through `tr()`: it is the one text that carries both languages itself.

Only the standard library's built-in modules and PyInstaller's start-up modules are imported here
(no `from __future__`, no package): it runs before the importer can read anything else.
"""
import os
import struct
import sys

COOKIE_MAGIC = b"MEI\014\013\012\013\016"
COOKIE = struct.Struct("!8sIIII64s")   # magic, package length, TOC offset and length, Python
TOC_ENTRY = struct.Struct("!IIIIBc")   # entry length, offset, length, full length, zlib?, type
PYZ_MAGIC = b"PYZ\0"
PYZ_HEADER = 12                        # magic, bytecode magic, TOC offset
PYZ_TYPECODE = b"z"
CHUNK = 8192

MODULE_NAME = "isodesk_shared_archive"   # this module in the console program's own archive
STAMP_MODULE = "isodesk_archive_stamp"   # in isodesk.exe's: BUILD, a digest of the sources

# Where the shared archive is, once installed (the self-test reports it): "path?offset".
installed = None


class ArchiveError(Exception):
    """What is wrong with the shared archive, in Vietnamese and in English."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi = vi
        self.en = en


def _damaged(path: str, vi: str, en: str) -> ArchiveError:
    return ArchiveError(f"{path} bị hỏng ({vi})", f"{path} is damaged ({en})")


def python_version() -> int:
    """The version as PyInstaller's cookie writes it: 311 for Python 3.11."""
    return sys.version_info[0] * 100 + sys.version_info[1]


def bytecode_magic() -> bytes:
    import _frozen_importlib_external   # built in; importlib itself may not be importable yet

    return _frozen_importlib_external.MAGIC_NUMBER


class _Tail:
    """An open file and its last chunk read so far: the cookie and, in PyInstaller's packages,
    the table of contents before it are read from that one chunk (a file operation costs more
    than the parsing, under Wine ≈ 0.5 ms an open)."""

    def __init__(self, fp):
        self.fp = fp
        self.start = 0
        self.data = b""

    def read(self, at: int, length: int) -> bytes:
        if self.start <= at and at + length <= self.start + len(self.data):
            return self.data[at - self.start:at - self.start + length]
        self.fp.seek(at)
        return self.fp.read(length)

    def find_cookie(self) -> int:
        """The offset of the last cookie magic in the file, or -1: searched from the end
        backwards in chunks overlapping by the magic's length less one, as PyInstaller's program
        loader does."""
        end = self.fp.seek(0, os.SEEK_END)
        while end >= len(COOKIE_MAGIC):
            start = max(end - CHUNK, 0)
            self.fp.seek(start)
            self.start, self.data = start, self.fp.read(end - start)
            found = self.data.rfind(COOKIE_MAGIC)
            if found != -1:
                return start + found
            if start == 0:
                break
            end = start + len(COOKIE_MAGIC) - 1
        return -1


def _open(path: str):
    try:
        return open(path, "rb", buffering=0)
    except FileNotFoundError:
        raise ArchiveError(f"không tìm thấy {path}", f"{path} was not found") from None
    except OSError as exc:
        raise ArchiveError(f"không mở được {path} ({exc.strerror or exc})",
                           f"cannot open {path} ({exc.strerror or exc})") from None


def _unreadable(path: str, exc: OSError) -> ArchiveError:
    return ArchiveError(f"không đọc được {path} ({exc.strerror or exc})",
                        f"cannot read {path} ({exc.strerror or exc})")


def read_package(path: str) -> tuple[int, int, list[tuple[str, int, int, int, str]]]:
    """The package appended to an executable: (its start in the file, its Python version, its
    table of contents as (name, absolute offset, length, compressed, typecode) in the package's
    order). Raises ArchiveError for a missing, unreadable or damaged file."""
    with _open(path) as fp:
        try:
            return _read_package(_Tail(fp), path)
        except OSError as exc:
            raise _unreadable(path, exc) from None


def _read_package(tail: _Tail, path: str):
    cookie_at = tail.find_cookie()
    if cookie_at < 0:
        raise _damaged(path, "không có phần chương trình Python", "no Python archive in it")
    cookie = tail.read(cookie_at, COOKIE.size)
    if len(cookie) < COOKIE.size:
        raise _damaged(path, "phần chương trình Python bị cắt cụt", "its archive is cut short")
    _, length, toc_offset, toc_length, version, libname = COOKIE.unpack(cookie)
    end = cookie_at + COOKIE.size
    start = end - length
    if not libname.strip(b"\0") or start < 0 or toc_offset + toc_length > length - COOKIE.size:
        raise _damaged(path, "phần đầu của gói chương trình không hợp lệ",
                       "its archive's header is not valid")
    data = tail.read(start + toc_offset, toc_length)
    if len(data) != toc_length:
        raise _damaged(path, "mục lục bị cắt cụt", "its table of contents is cut short")
    toc = []
    at = 0
    while at < len(data):
        if at + TOC_ENTRY.size > len(data):
            raise _damaged(path, "mục lục không hợp lệ", "its table of contents is not valid")
        size, offset, stored, _full, compressed, typecode = TOC_ENTRY.unpack_from(data, at)
        if size < TOC_ENTRY.size or at + size > len(data) or offset + stored > toc_offset:
            raise _damaged(path, "mục lục không hợp lệ", "its table of contents is not valid")
        name = data[at + TOC_ENTRY.size:at + size].rstrip(b"\0").decode("utf-8", "replace")
        toc.append((name, start + offset, stored, compressed, typecode.decode("latin-1")))
        at += size
    return start, version, toc


def pyz_location(path: str) -> int:
    """The offset in `path` of the PYZ its program loads, checked: the package is whole, made for
    this Python, and its PYZ entry is stored as is and starts with the PYZ header of this
    Python's bytecode."""
    with _open(path) as fp:
        try:
            return _pyz_location(_Tail(fp), path)
        except OSError as exc:
            raise _unreadable(path, exc) from None


def _pyz_location(tail: _Tail, path: str) -> int:
    _start, version, toc = _read_package(tail, path)
    if version != python_version():
        mine = f"{sys.version_info[0]}.{sys.version_info[1]}"
        theirs = f"{version // 100}.{version % 100}"
        raise ArchiveError(f"{path} được đóng gói cho Python {theirs}, không phải Python {mine}",
                           f"{path} was built for Python {theirs}, not Python {mine}")
    entries = [e for e in toc if e[4] == PYZ_TYPECODE.decode()]
    if not entries:
        raise _damaged(path, "không có kho mô-đun Python", "no module archive in it")
    _name, offset, stored, compressed, _type = entries[0]
    if compressed or stored < PYZ_HEADER:
        raise _damaged(path, "kho mô-đun Python không hợp lệ", "its module archive is not valid")
    header = tail.read(offset, PYZ_HEADER)
    if header[:4] != PYZ_MAGIC:
        raise _damaged(path, "kho mô-đun Python không hợp lệ", "its module archive is not valid")
    if header[4:8] != bytecode_magic():
        raise ArchiveError(f"{path} được đóng gói cho một phiên bản Python khác",
                           f"{path} was built for another Python version")
    (toc_at,) = struct.unpack("!i", header[8:12])
    if not PYZ_HEADER <= toc_at < stored:
        raise _damaged(path, "kho mô-đun Python không hợp lệ", "its module archive is not valid")
    return offset


def _other_build(path: str) -> ArchiveError:
    return ArchiveError(f"{path} thuộc một bản dựng khác của ISO Desk",
                        f"{path} is from another build of ISO Desk")


def open_shared(path: str, build: str, reader_class):
    """A reader (`reader_class`: PyInstaller's ZlibArchiveReader) of the PYZ in `path`, and the
    PYZ's offset in the file, after checking that its build stamp is `build`, the running
    program's (written into its run-time hook by build.spec)."""
    offset = pyz_location(path)
    try:
        shared = reader_class(path, offset, check_pymagic=True)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    except Exception:  # noqa: BLE001  (the TOC does not unmarshal)
        raise _damaged(path, "mục lục mô-đun không đọc được",
                       "its module table cannot be read") from None
    try:
        stamp = shared.extract(STAMP_MODULE)
    except KeyError:
        raise _other_build(path) from None
    except Exception:  # noqa: BLE001  (zlib or marshal: the entry's bytes are wrong)
        raise _damaged(path, "dấu bản dựng không đọc được", "its build stamp cannot be read") \
            from None
    if build not in getattr(stamp, "co_consts", ()):
        raise _other_build(path)
    return shared, offset


def use(shared, importers) -> None:
    """Make PyInstaller's importer (`importers`: pyimod02_importers) read `shared`."""
    importers.pyz_archive = shared
    if hasattr(importers, "_pyz_tree"):
        importers._pyz_tree = None      # the package tree of the small archive, if built
    for key, finder in list(sys.path_importer_cache.items()):
        if isinstance(finder, importers.PyiFrozenFinder):
            del sys.path_importer_cache[key]   # each holds the archive it was made with


def message(error: ArchiveError, program: str, executable: str) -> str:
    """The lines said when the shared archive can't be used."""
    return (f"{program}: {error.vi}.\n"
            f"    Hãy cài lại ISO Desk: {program} chạy bằng phần chương trình Python nằm trong "
            f"{executable} cùng thư mục.\n"
            f"{program}: {error.en}.\n"
            f"    Reinstall ISO Desk: {program} runs on the Python archive inside {executable} "
            f"in the same folder.\n")


def install(build: str, executable: str) -> None:
    """The console program's run-time hook: use the archive of `executable` (the windowed
    program, beside the running one) if its stamp is `build`, or exit."""
    global installed
    import pyimod01_archive
    import pyimod02_importers

    path = os.path.join(os.path.dirname(os.path.abspath(sys.executable)), executable)
    try:
        shared, offset = open_shared(path, build, pyimod01_archive.ZlibArchiveReader)
    except ArchiveError as exc:
        fail(exc, executable)
    use(shared, pyimod02_importers)
    installed = f"{path}?{offset}"
    if "ctypes" not in sys.modules:
        import pyimod03_ctypes

        pyimod03_ctypes.install()


def fail(error: ArchiveError, executable: str) -> None:
    program = os.path.splitext(os.path.basename(sys.executable))[0]
    stream = sys.stderr
    if stream is not None:
        try:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass
        stream.write(message(error, program, executable))
        stream.flush()
    raise SystemExit(1)
