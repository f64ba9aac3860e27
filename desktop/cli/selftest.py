"""`isodesk --selftest`: a quick health check of an installed copy (also of the frozen bundle).

Creates a database in a temporary folder, writes and reads records, checks the audit chain,
renders a one-page PDF with the bundled font, and reads its text back through QtPdf (the module
the program previews PDFs with), writes an Excel list and reads it back within bounds with
defusedxml. Exit 0 when all is well.
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
    from desktop.models.db import open_store
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
    from desktop.documents.pdf import register_fonts, selftest_pdf

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

    from desktop.documents.roster_xlsx import export_roster, read_roster
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


def _check_translations() -> str:
    from desktop.i18n import available_languages, translation_files

    files = translation_files("vi")
    if not files:
        raise RuntimeError("no Vietnamese translation (.qm) found")
    return f"translations ok ({', '.join(available_languages())}; {len(files)} vi files)"


def run_selftest() -> int:
    checks = [("database", _check_database), ("pdf", _check_pdf), ("excel", _check_excel),
              ("translations", lambda _f: _check_translations())]
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
