"""Previewing a generated PDF in the program (QtPdf), printing it with the system's print dialog,
or saving it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout,
)

from desktop.documents.iso._files import write_bytes
from desktop.models.errors import IsoDeskError

from ..common import show_error, show_info


class PdfPreviewDialog(QDialog):
    def __init__(self, data: bytes, title: str, file_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 900)
        self.data = data
        self.file_name = file_name
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
        self.pages = QLabel(self.tr("%1 pages").replace("%1", str(self.document.pageCount())))
        self.pages.setObjectName("pdf_pages")
        layout.addWidget(self.pages)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setObjectName("pdf_save")
        save.clicked.connect(lambda: self.save_as())
        printing = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        printing.setObjectName("pdf_print")
        printing.clicked.connect(self.print_document)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def save_as(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the PDF"), self.file_name,
                                                  self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            write_bytes(Path(path), self.data)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, self.tr("The printer could not be started."))
            return
        try:
            first = True
            for page in range(self.document.pageCount()):
                if not first:
                    printer.newPage()
                first = False
                rect = painter.viewport()
                size = self.document.pagePointSize(page).toSize()
                size.scale(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = self.document.render(page, QSize(size.width(), size.height()))
                painter.drawImage(rect.topLeft(), image)
        finally:
            painter.end()
