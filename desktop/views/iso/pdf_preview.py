"""Previewing a generated PDF in the program (QtPdf), printing it with the system's print dialog,
or saving it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QVBoxLayout,
)

from desktop.documents.output import write_bytes
from desktop.models.errors import IsoDeskError

from ..common import fit_to_screen, show_error, show_info
from ..files import save_file


class PdfPreviewDialog(QDialog):
    def __init__(self, data: bytes, title: str, file_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 900)
        self.data = data
        self.file_name = file_name
        self.printed: int | None = None
        layout = QVBoxLayout(self)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        self.pages.setObjectName("pdf_pages")
        layout.addWidget(self.pages)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setObjectName("pdf_save")
        save.clicked.connect(lambda: self.save_as())
        printing = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        printing.setObjectName("pdf_print")
        printing.clicked.connect(lambda _c=False: self.print_document())
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def save_as(self, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Save the PDF"), "records-pdf", self.file_name,
                             self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            write_bytes(Path(path), self.data)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))

    def print_document(self, printer=None):
        """Ask with the system's print dialog (unless a printer is given), then print on the
        thread pool, page by page (the print job of the minutes preview)."""
        from PySide6.QtCore import QThreadPool
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..minutes.preview import PrintJob

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.file_name)
            dialog = QPrintDialog(printer, self)
            dialog.setMinMax(1, max(1, self.page_count()))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        self._printer = printer  # kept alive while the job runs
        job = PrintJob(self.data, printer)
        self.print_job = job
        job.signals.progress.connect(lambda n, total: self.pages.setText(
            self.tr("Printing page %1 of %2…").replace("%1", str(n)).replace("%2", str(total))))
        job.signals.done.connect(self._printed)
        job.signals.failed.connect(lambda text: show_error(
            self, self.tr("Printing failed: %1").replace("%1", text)))
        QThreadPool.globalInstance().start(job)
        return job

    def _printed(self, pages: int) -> None:
        self.printed = pages
        self.pages.setText(self.tr("%n page(s) sent to the printer.", "", pages))
