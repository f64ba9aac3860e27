"""Files on Windows: a preview never holds its PDF, atomic renames wait out an antivirus, OS
errors are told by their Windows code, the data folder may hold "#" and "%", the key file is
written in binary, the bundle leaves Qt's translations out on every platform."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop import bundle
from desktop.models import atomic, oserrors
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, quick_check

from .test_streams import held_files

ROOT = Path(__file__).resolve().parents[2]


def win_error(code: int, number: int = errno.EACCES) -> OSError:
    """An OSError as Python raises it on Windows (errno mapped, winerror kept)."""
    exc = PermissionError(number, "Access is denied") if number == errno.EACCES \
        else OSError(number, "error")
    exc.winerror = code
    return exc


def test_the_quiz_preview_reads_its_pdf_into_memory(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from desktop.output.writing import write_bytes
    from desktop.output.pdf import selftest_pdf
    from desktop.views.pdf_preview import offer_preview

    pdf = tmp_path / "ket-qua.pdf"
    selftest_pdf(pdf)
    window = QWidget()
    qtbot.addWidget(window)
    preview = offer_preview(window, pdf)
    assert preview.page_count() == 1
    assert held_files(tmp_path) == []
    write_bytes(pdf, b"%PDF-1.4 saved again under the same name")   # the user saves again
    assert preview.page_count() == 1


@pytest.mark.parametrize("code,words", [
    (21, "rút ra"), (1167, "rút ra"), (31, "rút ra"),         # not ready, not connected, failure
    (19, "chống ghi"), (32, "chương trình khác"), (112, "đầy"), (5, "không có quyền"),
])
def test_usb_errors_are_told_by_their_windows_code(code, words):
    from sync.transport import disk_message

    number = errno.ENOSPC if code == 112 else errno.EACCES
    text = disk_message(win_error(code, number), Path("E:/goi.isosync"))
    assert words in text
    if code != 19:
        assert "chống ghi" not in text and "chỉ đọc" not in text


def test_os_reasons_without_a_windows_code_use_errno():
    assert oserrors.kind(OSError(errno.ENOSPC, "full")) == "full"
    assert oserrors.kind(OSError(errno.EROFS, "ro")) == "read_only"
    assert "đầy" in oserrors.reason(OSError(errno.ENOSPC, "full"))
    assert oserrors.reason(OSError(9999, "odd")) == "lỗi hệ thống (mã 9999)"


def test_renames_wait_out_a_file_held_for_a_moment(tmp_path, monkeypatch):
    src, dst = tmp_path / "a.partial", tmp_path / "a"
    src.write_bytes(b"new")
    real, failures, slept = os.replace, [win_error(32), win_error(5)], []

    def flaky(a, b):
        if failures:
            raise failures.pop(0)
        real(a, b)

    monkeypatch.setattr(atomic.os, "replace", flaky)
    atomic.replace(src, dst, sleep=slept.append)
    assert dst.read_bytes() == b"new" and len(slept) == 2


def test_renames_give_up_after_about_two_seconds(tmp_path, monkeypatch):
    slept = []

    def held(a, b):
        raise win_error(32)

    monkeypatch.setattr(atomic.os, "replace", held)
    with pytest.raises(PermissionError):
        atomic.replace(tmp_path / "a", tmp_path / "b", sleep=slept.append)
    assert 1.5 <= sum(slept) <= 3


def test_other_errors_are_not_retried(tmp_path, monkeypatch):
    slept = []
    monkeypatch.setattr(atomic.os, "replace", lambda a, b: (_ for _ in ()).throw(
        win_error(19)))
    with pytest.raises(PermissionError):
        atomic.replace(tmp_path / "a", tmp_path / "b", sleep=slept.append)
    assert slept == []


def test_every_atomic_write_renames_through_the_one_helper():
    """`os.replace`/`os.rename`/`Path.replace`/`Path.rename` of a file appear only in
    desktop/models/atomic.py."""
    import ast

    offenders = []
    for folder in ("desktop", "sync"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "desktop/models/atomic.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and node.func.attr in ("replace", "rename"):
                    target = node.func.value
                    if isinstance(target, ast.Name) and target.id == "os":
                        offenders.append(f"{rel}:{node.lineno}")
                    elif (len(node.args) == 1 and not node.keywords
                          and not isinstance(node.args[0], ast.Constant)
                          and _looks_like_path(target)):
                        offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def _looks_like_path(node) -> bool:
    import ast

    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    if isinstance(node, ast.Call):
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    return any(w in name.lower() for w in ("path", "tmp", "dest", "target", "file", "side",
                                           "with_name", "with_suffix"))


@pytest.mark.parametrize("folder", ["Dữ liệu #1", "ISO %41 2025", "a?b#c%20d"])
def test_a_data_folder_with_hash_or_percent_opens(tmp_path, folder):
    data = tmp_path / folder
    store = open_store(data / DB_FILENAME)
    store.close(clean=False)
    assert quick_check(data / DB_FILENAME) is None
    open_store(data / DB_FILENAME).close(clean=False)   # the second start checks the file
    # a cut URI ("…/Dữ liệu " before the "#") made and checked a stray empty file instead
    assert [p.name for p in tmp_path.iterdir()] == [folder]


def test_the_key_file_is_opened_in_binary_mode(store, monkeypatch):
    """A descriptor opened without O_BINARY is in text mode on Windows: a 0x0A byte of the key
    is written as 0x0D 0x0A and the key file reads back as damaged."""
    from sync import keys

    seen = []
    real_open = os.open
    monkeypatch.setattr(keys.os, "O_BINARY", 0x8000, raising=False)
    monkeypatch.setattr(keys.os, "open", lambda path, flags, mode=0o777: (
        seen.append(flags), real_open(path, flags & ~0x8000, mode))[1])
    (store.data_dir / keys.WRAP_FILE).unlink(missing_ok=True)
    keys._KeyFileProtector(store.data_dir).wrap(b"secret", b"label")
    assert seen and all(flags & 0x8000 for flags in seen)


@pytest.mark.parametrize("dest,kept", [
    ("PySide6/Qt/translations/qtbase_de.qm", False),      # Linux, macOS
    ("PySide6\\translations\\qtbase_de.qm", False),       # Windows
    ("PySide6/translations/qt_help_fr.qm", False),
    ("resources/i18n/qtbase_vi.qm", True),                # ours
    ("PySide6/plugins/platforms/qwindows.dll", True),
])
def test_the_bundle_leaves_qts_translations_out_on_every_platform(dest, kept):
    assert bundle.keep_data(dest) is kept


def test_build_spec_uses_those_rules_and_gives_the_exes_a_version():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "bundle.keep_data(d[0])" in spec and "bundle.keep_binary(b[0])" in spec
    assert spec.count("version=version_file(") == 2


def test_version_information_of_the_executables():
    import ast

    text = bundle.version_info_text("isodesk", "0.1.0rc2", "ISO Desk — hồ sơ",
                                    file_name="isodesk.exe")
    tree = ast.parse(text.split("\n", 1)[1], mode="eval")
    strings = {n.args[0].value: n.args[1].value for n in ast.walk(tree)
               if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "StringStruct"}
    assert strings["FileVersion"] == "0.1.0.2" and strings["ProductVersion"] == "0.1.0rc2"
    assert strings["OriginalFilename"] == "isodesk.exe"
    assert strings["FileDescription"] == "ISO Desk — hồ sơ"
    assert bundle.version_tuple("1.2.3") == (1, 2, 3, 0)


def test_quiz_printing_renders_off_the_ui_thread_at_a_sane_resolution(qtbot, tmp_path,
                                                                      monkeypatch):
    """It used to render 600-dpi pages (≈ 140 MB each) on the UI thread."""
    import threading

    from pypdf import PdfReader
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from desktop.output.pdf import selftest_pdf
    from desktop.views.pdf_preview import offer_preview

    pdf = tmp_path / "ket-qua.pdf"
    selftest_pdf(pdf)
    window = QWidget()
    qtbot.addWidget(window)
    preview = offer_preview(window, pdf)
    renders = []
    real_render = QPdfDocument.render
    monkeypatch.setattr(QPdfDocument, "render", lambda self, page, size, *a: (
        renders.append((threading.current_thread(), size.width())),
        real_render(self, page, size, *a))[1])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = preview.print_document(printer)
    qtbot.waitUntil(lambda: job.finished, timeout=30000)
    assert job.result == 1 and len(PdfReader(tmp_path / "printed.pdf").pages) == 1
    (thread, width), = renders
    assert thread is not threading.main_thread()
    assert width <= 8.3 * 300 + 1          # A4 at 300 dpi at most


def test_the_kiosk_results_file_is_synced_and_a_failure_is_told(store, tmp_path, monkeypatch):
    from desktop.models.quiz import kiosk_files
    from desktop.models.quiz.common import QuizError

    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    kiosk_files._write(tmp_path / "usb" / "ket-qua.isoresults", {"a": "Bảo hiểm"})
    assert synced and (tmp_path / "usb" / "ket-qua.isoresults").exists()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(QuizError) as err:
        kiosk_files._write(blocker / "ket-qua.isoresults", {"a": 1})
    assert "Không ghi được tệp ket-qua.isoresults" in err.value.message
    assert "làm lại" in err.value.message
