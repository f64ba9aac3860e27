"""A PDF just made, shown in the program (QtPdf), with the system's print dialog and a button to
open it in the usual PDF reader."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..common import fit_to_screen


class PdfPreview(QDialog):
    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", self.path.name))
        fit_to_screen(self, 820, 900)
        layout = QVBoxLayout(self)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        info = QLabel(self.tr("Saved as %1 (%2 pages).").replace("%1", str(self.path))
                      .replace("%2", str(self.document.pageCount())))
        info.setObjectName("preview_info")
        info.setWordWrap(True)
        row.addWidget(info, 1)
        open_button = QPushButton(self.tr("Open in the PDF reader"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))))
        print_button = QPushButton(self.tr("Print…"))
        print_button.setObjectName("print_pdf")
        print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for b in (open_button, print_button, close):
            row.addWidget(b)
        layout.addLayout(row)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            first = max(1, printer.fromPage() or 1)
            last = min(self.page_count, printer.toPage() or self.page_count)
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                rect = painter.viewport()
                size = self.document.pagePointSize(number - 1)
                scale = min(rect.width() / size.width(), rect.height() / size.height())
                image = self.document.render(number - 1, QSize(int(size.width() * scale),
                                                               int(size.height() * scale)))
                painter.drawImage(0, 0, image)
        finally:
            painter.end()


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
