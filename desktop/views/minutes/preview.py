"""Preview a minutes as it will print (QtPdf), print it through the system's print dialog, or save
it as a PDF file. Rendering and printing run on the thread pool: the window never freezes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer, QByteArray, QIODevice, QObject, QRunnable, QSize, QThreadPool, Signal, Slot,
)
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
)

from desktop.documents import minutes_pdf
from desktop.models import minutes as M
from desktop.models import oserrors
from desktop.models.errors import IsoDeskError

from ..common import fit_to_screen, run_in_background, show_error, show_info
from ..context import ViewContext
from ..files import save_file

PRINT_DPI = 300


class _PrintSignals(QObject):
    progress = Signal(int, int)
    done = Signal(int)
    failed = Signal(str)


class PrintFailure(Exception):
    """Why a print job stopped: "unreadable" (QtPdf can't read the PDF) or "printer" (the
    printer can't be opened); the dialog says it in the user's language."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class PrintJob(QRunnable):
    """Render each page of a PDF with QtPdf and paint it on the printer, off the UI thread
    (QPainter may paint on a QPrinter from a worker thread)."""

    def __init__(self, pdf: bytes, printer: QPrinter):
        super().__init__()
        self.pdf = pdf
        self.printer = printer
        self.signals = _PrintSignals()
        self.cancelled = False
        self.setAutoDelete(False)

    @Slot()
    def run(self) -> None:
        try:
            self.signals.done.emit(self._print())
        except PrintFailure as exc:  # reported on the UI thread
            self.signals.failed.emit(exc.reason)
        except Exception:  # noqa: BLE001 (anything else: said plainly on the UI thread)
            self.signals.failed.emit("")

    def _print(self) -> int:
        buffer = QBuffer()
        buffer.setData(QByteArray(self.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        doc = QPdfDocument()
        doc.load(buffer)
        if doc.status() != QPdfDocument.Status.Ready:
            raise PrintFailure("unreadable")
        count = doc.pageCount()
        first, last = 0, count - 1
        if self.printer.printRange() == QPrinter.PrintRange.PageRange and self.printer.fromPage():
            first = max(0, self.printer.fromPage() - 1)
            last = min(count - 1, (self.printer.toPage() or count) - 1)
        self.printer.setFullPage(True)
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        painter = QPainter()
        if not painter.begin(self.printer):
            raise PrintFailure("printer")
        printed = 0
        try:
            for page in range(first, last + 1):
                if self.cancelled:
                    break
                if page > first:
                    self.printer.newPage()
                target = self.printer.pageLayout().fullRectPixels(self.printer.resolution())
                dpi = min(PRINT_DPI, self.printer.resolution())
                size_pt = doc.pagePointSize(page)
                size = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
                image: QImage = doc.render(page, size)
                painter.drawImage(target, image)
                printed += 1
                self.signals.progress.emit(printed, last - first + 1)
        finally:
            painter.end()
            doc.close()
            buffer.close()
        return printed


class PreviewDialog(QDialog):
    def __init__(self, ctx: ViewContext, revision_id: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rev = M.load_revision(ctx.store, revision_id)
        self.check = M.verify_revision(ctx.store, self.rev)
        self.team = M.team_name_of(ctx.store)
        self.pdf: bytes | None = None
        self.print_job: PrintJob | None = None
        self.setObjectName("minutes_preview")
        self.setWindowTitle(self.tr("Minutes %1 — preview").replace("%1", self.rev.number))
        fit_to_screen(self, 900, 980)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.copies = QCheckBox(self.tr("All %1 copies").replace("%1", str(self.rev.copies)))
        self.copies.setObjectName("preview_all_copies")
        self.copies.setChecked(True)
        self.copies.toggled.connect(self.render)
        bar.addWidget(self.copies)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("zoom_out", "−", lambda: self._zoom(1 / 1.25)),
                                 ("zoom_in", "+", lambda: self._zoom(1.25)),
                                 ("fit", self.tr("Fit width"), self._fit),
                                 ("print", self.tr("&Print…"), lambda: self.print_pdf()),
                                 ("cancel_print", self.tr("Stop printing"), self.cancel_print),
                                 ("save_pdf", self.tr("&Save as PDF…"), lambda: self.save_pdf()),
                                 ("close", self.tr("Close"), self.reject)):
            btn = QPushButton(text)
            btn.setObjectName(f"preview_{name}")
            btn.clicked.connect(slot)
            bar.addWidget(btn)
            self.buttons[name] = btn
        bar.insertStretch(1, 1)
        self.buttons["cancel_print"].setVisible(False)
        self._close_when_printed: int | None = None
        layout.addLayout(bar)
        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("preview_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)
        self._buffer: QBuffer | None = None
        self.render()

    # --- rendering off the UI thread ----------------------------------------------------------
    def render(self) -> None:
        for name in ("print", "save_pdf"):
            self.buttons[name].setEnabled(False)
        self.status.setText(self.tr("Preparing the document…"))
        rev, check, team, copies = self.rev, self.check, self.team, self.copies.isChecked()

        def work() -> tuple[bytes, int, int]:
            from io import BytesIO

            buf = BytesIO()
            result = minutes_pdf.render(rev, buf, team_name=team, check=check, copies=copies)
            return buf.getvalue(), result.pages, result.pages_per_copy

        run_in_background(self, work, self._rendered, on_error=self._render_failed)

    def _rendered(self, result) -> None:
        data, pages, per_copy = result
        self.pdf = data
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        text = self.tr("%n page(s) (%2 per copy).", "", pages).replace("%2", str(per_copy))
        if self.rev.status == "draft":
            text += " " + self.tr("Draft: printed with a “BẢN NHÁP” watermark.")
        elif self.check.superseded_by:
            text += " " + self.tr("Revision %1 replaced this one: every page says so.").replace(
                "%1", str(self.check.superseded_by))
        if not self.check.valid:
            text = self.tr("<b>This copy was altered after signing.</b> ") + text
            self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)
        for name in ("print", "save_pdf"):
            self.buttons[name].setEnabled(True)

    def _render_failed(self, exc: Exception) -> None:
        if isinstance(exc, IsoDeskError):
            self.status.setText(exc.message)
        else:
            self.status.setText(self.tr("The document could not be prepared. Close this window "
                                        "and try again; if it happens again, tell the "
                                        "administrator."))
        self.status.setStyleSheet("color: #b00020;")
        show_error(self, exc)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def _fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- save and print -----------------------------------------------------------------------
    def default_name(self) -> str:
        safe = "".join(c if c.isalnum() else "-" for c in self.rev.number)
        return f"bien-ban-{safe}.pdf"

    def save_pdf(self, path: str | None = None) -> None:
        if self.pdf is None:
            return
        if path is None:
            path = save_file(self, self.tr("Save the minutes as PDF"), "minutes-pdf",
                             self.default_name(), self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            show_error(self, self.tr("Could not write %1: %2. Close the file if it is open, or "
                                     "choose another folder.").replace("%1", str(path))
                       .replace("%2", oserrors.reason(exc)))
            return
        show_info(self, self.tr("Saved %1").replace("%1", str(path)))

    def print_pdf(self, printer: QPrinter | None = None) -> PrintJob | None:
        """Ask with the system's print dialog (unless a printer is given), then print."""
        if self.pdf is None:
            return None
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.default_name())
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print minutes %1").replace("%1", self.rev.number))
            dialog.setMinMax(1, self.document.pageCount())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        self._printer = printer  # kept alive while the job runs
        job = PrintJob(self.pdf, printer)
        self.print_job = job
        self.buttons["print"].setEnabled(False)
        self.buttons["cancel_print"].setVisible(True)
        job.signals.progress.connect(lambda n, total: self.status.setText(
            self.tr("Printing page %1 of %2…").replace("%1", str(n)).replace("%2", str(total))))
        job.signals.done.connect(self._printed)
        job.signals.failed.connect(self._print_failed)
        QThreadPool.globalInstance().start(job)
        return job

    def cancel_print(self) -> None:
        if self.print_job is not None:
            self.print_job.cancelled = True
            self.status.setText(self.tr("Stopping after the current page…"))

    def _job_finished(self) -> None:
        self.print_job = None
        self.buttons["print"].setEnabled(True)
        self.buttons["cancel_print"].setVisible(False)
        if self._close_when_printed is not None:
            self.done(self._close_when_printed)

    def _printed(self, pages: int) -> None:
        self.status.setText(self.tr("Sent %n page(s) to the printer.", "", pages))
        self._job_finished()

    def _print_failed(self, reason: str) -> None:
        self._job_finished()
        causes = {
            "unreadable": self.tr("the document could not be read for printing"),
            "printer": self.tr("the printer could not be opened"),
        }
        cause = causes.get(reason) or self.tr("an unexpected error occurred")
        show_error(self, self.tr("Printing failed: %1. Check that the printer is on and has "
                                 "paper, then try again.").replace("%1", cause))

    def done(self, result: int) -> None:
        if self.print_job is not None:  # the window closes once the job has finished
            self._close_when_printed = result
            self.status.setText(self.tr("The window closes when printing is finished."))
            return
        self.document.close()
        super().done(result)
