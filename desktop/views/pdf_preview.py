"""The one PDF preview of the program: a PDF shown as it will print (QtPdf), zoomed, printed
through the system's print dialog, saved, or opened in the usual PDF reader.

The PDF is shown from memory, never from an open file: saving again under the same name must
work while the preview is on screen (Windows refuses to replace a file another handle holds).
Printing is an operation (`views.operation.run_operation`, `print_pdf` its work): the pages are
rendered off the interface thread, at most 300 dpi, page by page, its window says which page
prints, and Stop ends it after the current page; the preview stays until the printing has
ended. A preview that makes its PDF itself (the minutes, with or without their copies)
subclasses `PdfPreviewDialog` and calls `show_pdf` when the PDF is ready.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.output.writing import write_bytes
from desktop.models.errors import IsoDeskError
from desktop.models.progress import Cancelled

from .common import fit_to_screen, show_error, show_info
from .files import save_file
from .operation import Operation, run_operation

PRINT_DPI = 300


class PrintFailure(Exception):
    """Why printing stopped: "unreadable" (QtPdf can't read the PDF) or "printer" (the printer
    can't be opened); the dialog says it in the user's language."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def print_pdf(pdf: bytes, printer: QPrinter, job=None, text: str = "") -> int:
    """Render each page of a PDF with QtPdf and paint it on the printer; returns the pages sent.
    Run as an operation's work (QPainter may paint on a QPrinter from a worker thread): `job`
    hears of each page printed (`text` with %1 and %2, the page and the pages to print), and
    after Stop the pages already sent stay sent and the rest are left out."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready:
        raise PrintFailure("unreadable")
    count = doc.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, (printer.toPage() or count) - 1)
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailure("printer")
    printed, total = 0, last - first + 1
    try:
        for page in range(first, last + 1):
            if job is not None and job.cancelled:
                break
            if page > first:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            dpi = min(PRINT_DPI, printer.resolution())
            size_pt = doc.pagePointSize(page)
            size = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
            image: QImage = doc.render(page, size)
            painter.drawImage(target, image)
            printed += 1
            if job is not None:
                try:
                    job.progress(printed, total, text.replace("%1", str(printed))
                                 .replace("%2", str(total)))
                except Cancelled:
                    break
    finally:
        painter.end()
        doc.close()
        buffer.close()
    return printed


class PdfPreviewDialog(QDialog):
    """`data`: the PDF (None until `show_pdf`); `file_name`: the name offered when saving and
    given to the print job; `save_kind`: the kind of file for the save dialog (None: no "Save as
    PDF" button); `saved_at`: the file the PDF was saved to (the status says so, and a button
    opens it in the PDF reader)."""

    def __init__(self, data: bytes | None, title: str, file_name: str, parent=None, *,
                 save_kind: str | None = "records-pdf", saved_at: Path | None = None,
                 size: tuple[int, int] = (820, 900)):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, *size)
        self.data: bytes | None = None
        self.file_name = file_name
        self.save_kind = save_kind
        self.saved_at = Path(saved_at) if saved_at is not None else None
        self.print_title: str | None = None   # the print dialog's title, when not Qt's own
        self.printed: int | None = None
        self.print_job: Operation | None = None   # printing
        self._close_when_printed: int | None = None
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setObjectName("pdf_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.bar = QHBoxLayout()   # a preview may put its own controls first (the minutes' copies)
        self.bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot, shown in (
                ("zoom_out", "−", lambda: self._zoom(1 / 1.25), True),
                ("zoom_in", "+", lambda: self._zoom(1.25), True),
                ("fit", self.tr("Fit width"), self._fit, True),
                ("open", self.tr("Open in the PDF reader"), self.open_in_reader,
                 self.saved_at is not None),
                ("save", self.tr("&Save as PDF…"), lambda: self.save_as(), save_kind is not None),
                ("print", self.tr("&Print…"), lambda: self.print_document(), True),
                ("close", self.tr("Close"), self.reject, True)):
            button = QPushButton(text)
            button.setObjectName(f"pdf_{name}")
            button.clicked.connect(slot)
            button.setVisible(shown)
            self.bar.addWidget(button)
            self.buttons[name] = button
        layout.addLayout(self.bar)
        if data is not None:
            self.show_pdf(data)
        else:
            self._ready(False)

    # --- the document -----------------------------------------------------------------------
    def show_pdf(self, data: bytes) -> None:
        """Show `data` (in place of the PDF shown before), and say how many pages it has."""
        self.data = data
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.page_count()
        if self.saved_at is not None:
            self.status.setText(self.tr("Saved as %1 (%n page(s)).", "", pages)
                                .replace("%1", str(self.saved_at)))
        else:
            self.status.setText(self.tr("%n page(s)", "", pages))
        self._ready(True)

    def _ready(self, ready: bool) -> None:
        for name in ("print", "save"):
            self.buttons[name].setEnabled(ready and (name != "print" or self.print_job is None))

    def page_count(self) -> int:
        return self.document.pageCount()

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def _fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- save and open ----------------------------------------------------------------------
    def save_as(self, path: str | None = None) -> None:
        if self.data is None:
            return
        if path is None:
            path = save_file(self, self.tr("Save the PDF"), self.save_kind or "records-pdf",
                             self.file_name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            write_bytes(Path(path), self.data)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))

    def open_in_reader(self) -> None:
        if self.saved_at is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_at)))

    # --- printing ---------------------------------------------------------------------------
    def print_document(self, printer: QPrinter | None = None) -> Operation | None:
        """Ask with the system's print dialog (unless a printer is given), then print as an
        operation (its window says which page prints, and has Stop)."""
        if self.data is None:
            return None
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.file_name)
            dialog = QPrintDialog(printer, self)
            if self.print_title:
                dialog.setWindowTitle(self.print_title)
            dialog.setMinMax(1, max(1, self.page_count()))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        data, text = self.data, self.tr("Printing page %1 of %2…")
        self.buttons["print"].setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        # the work holds the PDF and the printer, never this window
        self.print_job = run_operation(self, lambda job: print_pdf(data, printer, job, text),
                                       self._printed, on_error=self._print_failed,
                                       text=self.tr("Printing…"), cancellable=True)
        return self.print_job

    def _job_finished(self) -> None:
        self.print_job = None
        self.buttons["print"].setEnabled(self.data is not None)
        if self._close_when_printed is not None:
            self.done(self._close_when_printed)

    def _printed(self, pages: int) -> None:
        self.printed = pages
        self.status.setText(self.tr("Sent %n page(s) to the printer.", "", pages))
        self._job_finished()

    def _print_failed(self, exc: Exception) -> None:
        self._job_finished()
        causes = {
            "unreadable": self.tr("the document could not be read for printing"),
            "printer": self.tr("the printer could not be opened"),
        }
        cause = causes.get(getattr(exc, "reason", "")) or self.tr("an unexpected error occurred")
        show_error(self, self.tr("Printing failed: %1. Check that the printer is on and has "
                                 "paper, then try again.").replace("%1", cause))

    def done(self, result: int) -> None:
        if self.print_job is not None:  # the window closes once the job has finished
            self._close_when_printed = result
            self.status.setText(self.tr("The window closes when printing is finished."))
            return
        self.document.close()
        super().done(result)


def offer_preview(parent, path: Path) -> PdfPreviewDialog | None:
    """Show a PDF just saved in the preview window (not modal); other files get a short
    notice."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        show_info(parent, QCoreApplication.translate("PdfPreviewDialog", "Saved %1")
                  .replace("%1", str(path)))
        return None
    preview = PdfPreviewDialog(path.read_bytes(), QCoreApplication.translate(
        "PdfPreviewDialog", "Preview — %1").replace("%1", path.name), path.name, parent,
        save_kind=None, saved_at=path)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    parent._preview = preview
    preview.show()
    return preview
