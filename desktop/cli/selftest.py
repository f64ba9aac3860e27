"""`isodesk --selftest`: a quick health check of an installed copy (also of the frozen bundle).

Creates a database in a temporary folder, writes and reads records, checks the audit chain,
renders a one-page PDF with the bundled font, and reads its text back through QtPdf (the module
the program previews PDFs with), writes an Excel list and reads it back within bounds with
defusedxml; paints a page through QPrinter (the printing path) and counts the system's printers;
seals a signing key with a password, opens it, signs and verifies; serves a test to browsers on
127.0.0.1 and joins and answers it over HTTP. Exit 0 when all is well.
"""
from __future__ import annotations

import os
import sys
import tempfile
import traceback
import unicodedata
from pathlib import Path


def _check_database(folder: Path) -> str:
    from desktop.models import audit, users
    from desktop.models.datafile import open_store
    from desktop.models.staff import StaffRepository
    from desktop.models.unit import UnitProfile, save_profile

    store = open_store(folder / "selftest.sqlite", actor="selftest")
    try:
        save_profile(store, UnitProfile(code="SELFTEST", name="Đơn vị kiểm tra", level="district"))
        users.create_user(store, "selftest", "Người Kiểm Tra", "admin", "selftest-123")
        StaffRepository(store).add({"staff_code": "T01", "full_name": "Nguyễn Thị Ánh Tuyết"})
        report = audit.verify_chain(store)
        if not report.ok:
            raise RuntimeError(report.message)
        name = StaffRepository(store).by_code("T01").full_name
        if name != "Nguyễn Thị Ánh Tuyết":
            raise RuntimeError(f"read back {name!r}")
    finally:
        store.close(clean=True)
    return f"database ok ({report.entries} audit entries, backup on exit)"


def _check_pdf(folder: Path) -> str:
    from desktop.output.pdf import register_fonts, selftest_pdf

    pdf = folder / "selftest.pdf"
    expected = selftest_pdf(pdf)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    app = QGuiApplication.instance() or QGuiApplication(["isodesk-selftest"])
    # Read from memory, as the previews do: QtPdf keeps a file it loads open until it is
    # destroyed, and Windows then can't delete the temporary folder.
    buffer = QBuffer(app)
    buffer.setData(QByteArray(pdf.read_bytes()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(app)
    try:
        doc.load(buffer)
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
            raise RuntimeError(f"QtPdf could not open the PDF ({doc.status()})")
        text = unicodedata.normalize("NFC", doc.getAllText(0).text())
    finally:
        doc.close()
        buffer.close()
        doc.setParent(None)
        buffer.setParent(None)
    missing = sorted({ch for ch in unicodedata.normalize("NFC", expected)
                      if not ch.isspace() and ch not in text})
    if missing:
        raise RuntimeError("letters not read back from the PDF: " + "".join(missing))
    return f"pdf ok ({register_fonts().source}, {pdf.stat().st_size} bytes, text read back)"


def _check_excel(folder: Path) -> str:
    """An Excel file written and read back through the bounded opener, with openpyxl parsing
    through defusedxml (so the bundle has it)."""
    import openpyxl

    from desktop.output.roster_xlsx import export_roster, read_roster
    from desktop.models.staff import StaffMember

    person = StaffMember("x", "T01", "Nguyễn Thị Ánh Tuyết", "Viên chức", "Tổ Thu", "", "", True,
                         "SELFTEST", 1)
    path = export_roster(folder / "selftest.xlsx", [person])
    rows = read_roster(path).rows
    if [r.values.get("full_name") for r in rows] != ["Nguyễn Thị Ánh Tuyết"]:
        raise RuntimeError("the staff list was not read back")
    if not openpyxl.DEFUSEDXML:
        raise RuntimeError("openpyxl does not parse through defusedxml")
    return "excel ok (bounded reading, defusedxml on)"


def _check_quiz_server(folder: Path) -> str:
    """The browser quiz end to end on 127.0.0.1: serve a session, join, answer, read it back."""
    import http.client
    import json
    import re
    import urllib.parse

    from desktop.models.datafile import open_store
    from desktop.models.quiz import attempts, bank_io, sessions, web
    from desktop.models.staff import StaffRepository
    from desktop.models.unit import UnitProfile, save_profile
    from desktop.web.quiz_app import QuizWebApp
    from desktop.web.server import Running

    store = open_store(folder / "selftest-quiz.sqlite", actor="selftest")
    save_profile(store, UnitProfile(code="SELFTEST", name="Đơn vị kiểm tra", level="district"))
    bank_io.load_bank_file(store)
    person = StaffRepository(store).add({"staff_code": "T01", "full_name": "Lê Thị Thu"})
    s = sessions.create_session(store, {"date": "2025-10-14", "place": "Phòng họp",
                                        "settings": {"questions": 3}}, staff_ids=[person.id])
    web.open_test(store, s.id)
    web.set_auto_admit(store, s.id, True)
    running = Running(QuizWebApp(open_store(store.path, actor="selftest", migrate=False), s.id),
                      "127.0.0.1", 0)
    cookie = ""

    def call(method: str, path: str, data: dict | None = None) -> tuple[int, str, dict]:
        nonlocal cookie
        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
        headers = {"Cookie": cookie, "Accept": "application/json"} if cookie else {}
        body = urllib.parse.urlencode(data, doseq=True) if data is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        text = r.read().decode("utf-8")
        if r.getheader("Set-Cookie"):
            cookie = r.getheader("Set-Cookie").split(";")[0]
        conn.close()
        return r.status, text, dict(r.getheaders())

    try:
        status, page, headers = call("GET", "/")
        if status != 200 or "default-src 'none'" not in headers.get("Content-Security-Policy", ""):
            raise RuntimeError(f"join page: {status}")
        if call("GET", "/static/quiz.js")[0] != 200:
            raise RuntimeError("the page's script is missing from the bundle")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        call("POST", "/confirm", {"csrf": csrf, "staff": person.id})
        status, page, _h = call("GET", "/")
        if 'data-screen="question"' not in page:
            raise RuntimeError("no question page after joining")
        status, text, _h = call("POST", "/answer", {"csrf": csrf, "position": 1, "set": 1,
                                                    "chosen": [0]})
        if status != 200 or not json.loads(text).get("ok"):
            raise RuntimeError(f"answer not saved: {status} {text[:80]}")
    finally:
        running.stop()
        running.app.store.close(clean=False)
    running_attempt = attempts.in_progress(store, session_id=s.id)[0]
    answered = attempts.load_attempt(store, running_attempt["id"]).answered_count
    store.close(clean=False)
    if answered != 1:
        raise RuntimeError(f"{answered} answers read back")
    return "quiz server ok (joined, answered and read back over 127.0.0.1)"


def _check_crypto(_folder: Path) -> str:
    """The keys of signed minutes and sync packages: a key sealed with a password and opened
    again (scrypt, AES-GCM), a signature made and verified, a changed text refused."""
    from desktop.models import crypto

    key = crypto.new_signing_key()
    opened = crypto.decrypt_private_key(crypto.encrypt_private_key(key, "selftest-123"),
                                        "selftest-123")
    public = crypto.public_key_b64(key)
    if crypto.public_key_b64(opened) != public:
        raise RuntimeError("the sealed key did not open to the same key")
    signature = crypto.sign(opened, "Biên bản làm việc".encode())
    if not crypto.verify(public, signature, "Biên bản làm việc".encode()):
        raise RuntimeError("a good signature was refused")
    if crypto.verify(public, signature, "Biên bản làm việc.".encode()):
        raise RuntimeError("a signature of another text was accepted")
    return "crypto ok (Ed25519 signature, key sealed with scrypt and AES-GCM)"


def _check_printing(folder: Path) -> str:
    """A page painted through QPrinter, the printing path of the previews, into a PDF file; and
    the printers Qt finds (through the system's CUPS on Linux, where there is one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    QGuiApplication.instance() or QGuiApplication(["isodesk-selftest"])
    path = folder / "selftest-print.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("QPrinter could not start a page")
    painter.drawText(100, 100, "Biên bản làm việc")
    painter.end()
    if not path.exists() or not path.read_bytes().startswith(b"%PDF"):
        raise RuntimeError("QPrinter wrote no PDF")
    printers = QPrinterInfo.availablePrinterNames()
    return f"printing ok (a page through QPrinter; {len(printers)} printers on this system)"


def _check_translations() -> str:
    from desktop.i18n import available_languages, translation_files

    files = translation_files("vi")
    if not files:
        raise RuntimeError("no Vietnamese translation (.qm) found")
    return f"translations ok ({', '.join(available_languages())}; {len(files)} vi files)"


def _check_native_calls() -> str:
    """ctypes (the Windows API, the kiosk): in the bundle, its hooks on the library loaders are
    installed when it is first imported (desktop/bundle_boot.py), and a call goes through."""
    import ctypes

    if getattr(sys, "frozen", False) and ctypes.CDLL.__name__ != "PyInstallerCDLL":
        raise RuntimeError("the bundle's hooks on ctypes' library loaders are not installed")
    initialized = ctypes.pythonapi.Py_IsInitialized
    initialized.argtypes = []
    initialized.restype = ctypes.c_int
    if initialized() != 1:
        raise RuntimeError("a call through ctypes gave a wrong answer")
    return "native calls ok (ctypes" + (", the bundle's library hooks)" if getattr(
        sys, "frozen", False) else ")")


def _check_archive() -> str:
    """The bundle: which executable's Python archive the program's modules come from (on
    Windows the console program reads the windowed program's: desktop/shared_archive.py)."""
    loader = getattr(sys.modules.get("desktop.cli"), "__loader__", None)
    archive = getattr(getattr(loader, "_pyz_archive", None), "_filename", None)
    if not archive:
        raise RuntimeError(f"desktop.cli was not read from a Python archive ({loader!r})")
    shared = sys.modules.get("isodesk_shared_archive")
    if shared is not None and not (shared.installed or "").startswith(f"{archive}?"):
        raise RuntimeError(f"the shared archive is {shared.installed}, the modules' {archive}")
    return (f"python archive ok (the program's modules from {Path(archive).name}"
            f"{', shared' if shared is not None else ''})")


def run_selftest() -> int:
    checks = [("database", _check_database), ("pdf", _check_pdf), ("excel", _check_excel),
              ("printing", _check_printing), ("crypto", _check_crypto),
              ("quiz server", _check_quiz_server),
              ("translations", lambda _f: _check_translations()),
              ("native calls", lambda _f: _check_native_calls())]
    if getattr(sys, "frozen", False):
        checks.append(("python archive", lambda _f: _check_archive()))
    ok = True
    with tempfile.TemporaryDirectory(prefix="isodesk-selftest-") as tmp:
        for name, fn in checks:
            try:
                sys.stdout.write(f"[ OK ] {fn(Path(tmp))}\n")
            except Exception as exc:  # report every failure, keep going
                ok = False
                sys.stdout.write(f"[FAIL] {name}: {exc}\n")
                traceback.print_exc(file=sys.stderr)
    sys.stdout.write("selftest passed\n" if ok else "selftest FAILED\n")
    return 0 if ok else 1
