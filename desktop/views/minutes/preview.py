"""Preview a minutes as it will print, with or without all its copies, in the program's PDF
preview (`views.pdf_preview`): the PDF is made on the thread pool, so the window never freezes."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from desktop.output import minutes_pdf
from desktop.models import minutes as M
from desktop.models.errors import IsoDeskError

from ..common import show_error
from ..operation import run_operation
from ..context import ViewContext
from ..pdf_preview import PdfPreviewDialog


class PreviewDialog(PdfPreviewDialog):
    def __init__(self, ctx: ViewContext, revision_id: str, parent=None):
        self.ctx = ctx
        self.rev = M.load_revision(ctx.store, revision_id)
        self.check = M.verify_revision(ctx.store, self.rev)
        self.team = M.team_name_of(ctx.store)
        super().__init__(None, "", self.default_name(), parent, save_kind="minutes-pdf",
                         size=(900, 980))
        self.setObjectName("minutes_preview")
        self.setWindowTitle(self.tr("Minutes %1 — preview").replace("%1", self.rev.number))
        self.print_title = self.tr("Print minutes %1").replace("%1", self.rev.number)
        self.copies = QCheckBox(self.tr("All %1 copies").replace("%1", str(self.rev.copies)))
        self.copies.setObjectName("preview_all_copies")
        self.copies.setChecked(True)
        self.copies.toggled.connect(self.render)
        self.bar.insertWidget(0, self.copies)
        self.render()

    def default_name(self) -> str:
        safe = "".join(c if c.isalnum() else "-" for c in self.rev.number)
        return f"bien-ban-{safe}.pdf"

    # --- rendering off the UI thread ----------------------------------------------------------
    def render(self) -> None:
        self._ready(False)
        self.status.setText(self.tr("Preparing the document…"))
        rev, check, team, copies = self.rev, self.check, self.team, self.copies.isChecked()

        def work(_job) -> tuple[bytes, int, int]:
            from io import BytesIO

            buf = BytesIO()
            result = minutes_pdf.render(rev, buf, team_name=team, check=check, copies=copies)
            return buf.getvalue(), result.pages, result.pages_per_copy

        run_operation(self, work, self._rendered, on_error=self._render_failed)

    def _rendered(self, result) -> None:
        data, pages, per_copy = result
        self.show_pdf(data)
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

    def _render_failed(self, exc: Exception) -> None:
        if isinstance(exc, IsoDeskError):
            self.status.setText(exc.message)
        else:
            self.status.setText(self.tr("The document could not be prepared. Close this window "
                                        "and try again; if it happens again, tell the "
                                        "administrator."))
        self.status.setStyleSheet("color: #b00020;")
        show_error(self, exc)
