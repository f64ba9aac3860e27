"""A PDF just made, shown in the program (QtPdf), with the system's print dialog and a button to
open it in the usual PDF reader.

The file is read into memory and shown from there, never held open: saving the results again
under the same name must work while the preview is on screen (Windows refuses to replace a file
another handle holds). Printing renders the pages on the thread pool (the print job of the other
previews), at most 300 dpi."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, QThreadPool, QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..common import fit_to_screen, show_error

_PRINTING: set = set()  # jobs running: kept alive even when their preview closes first


class PdfPreview(QDialog):
    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", self.path.name))
        fit_to_screen(self, 820, 900)
        layout = QVBoxLayout(self)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.path.read_bytes()))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.print_job = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        info = QLabel(self.tr("Saved as %1 (%n page(s)).", "", self.document.pageCount())
                      .replace("%1", str(self.path)))
        info.setObjectName("preview_info")
        info.setWordWrap(True)
        row.addWidget(info, 1)
        open_button = QPushButton(self.tr("Open in the PDF reader"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))))
        print_button = QPushButton(self.tr("Print…"))
        print_button.setObjectName("print_pdf")
        print_button.clicked.connect(lambda _checked=False: self.print_document())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for b in (open_button, print_button, close):
            row.addWidget(b)
        layout.addLayout(row)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self, printer=None):
        """Ask with the system's print dialog (unless a printer is given), then print on the
        thread pool."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..minutes.preview import PrintJob

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.path.name)
            dialog = QPrintDialog(printer, self)
            dialog.setMinMax(1, max(1, self.page_count))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        job = PrintJob(bytes(self.buffer.data()), printer)  # the job keeps the printer
        self.print_job = job
        _PRINTING.add(job)
        job.signals.done.connect(lambda _n: _PRINTING.discard(job))
        job.signals.failed.connect(lambda _r: _PRINTING.discard(job))
        job.signals.failed.connect(self._print_failed)
        QThreadPool.globalInstance().start(job)
        return job

    def _print_failed(self, _reason: str) -> None:
        show_error(self, self.tr("Printing failed. Check that the printer is on and has paper, "
                                 "then try again."))


def offer_preview(parent, path: Path) -> PdfPreview | None:
    """Show a PDF in the preview window (not modal); other files get a short notice."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        from ..common import show_info
        show_info(parent, QCoreApplication.translate("PdfPreview", "Saved %1")
                  .replace("%1", str(path)))
        return None
    preview = PdfPreview(path, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    parent._preview = preview
    preview.show()
    return preview
