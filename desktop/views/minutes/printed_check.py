"""“Kiểm tra bản in”: a box on the minutes page that takes what is printed on a paper copy of a
minutes (the content code, the full hash, or the QR code's text typed by a USB barcode scanner,
which ends with Enter) and shows which minutes and revision it is, whether it is current, and
whether its signatures are valid (`desktop.models.minutes.printed`)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser,
    QVBoxLayout, QWidget,
)

from desktop.models import minutes as M
from desktop.models.errors import IsoDeskError

from ..common import fit_to_screen, show_error, vn_datetime

GOOD, WARN, BAD = "#1b6e20", "#a15c00", "#b00020"


class PrintedCheckBox(QWidget):
    """The box: type or scan, then Enter (or the button). `show_minutes(minutes_id)` asks the
    page to select a minutes found."""

    show_minutes = Signal(str)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog: PrintedCheckDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Check a printed copy:"))
        layout.addWidget(label)
        self.edit = QLineEdit()
        self.edit.setObjectName("printed_check_code")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("content code XXXX-XXXX-XXXX-XXXX, full hash, or "
                                             "scan the QR code"))
        self.edit.setToolTip(self.tr("Type the “Mã nội dung” printed under the QR code of a "
                                     "paper copy, or scan the QR code with a barcode scanner, "
                                     "then press Enter."))
        label.setBuddy(self.edit)
        layout.addWidget(self.edit, 1)
        self.button = QPushButton(self.tr("Check"))
        self.button.setObjectName("printed_check_button")
        layout.addWidget(self.button)
        self.edit.returnPressed.connect(self.check)
        self.button.clicked.connect(self.check)

    def check(self) -> "PrintedCheckDialog | None":
        text = self.edit.text().strip()
        if not text:
            self.edit.setFocus()
            return None
        try:
            result = M.check_printed(self.store, text)
        except IsoDeskError as exc:
            show_error(self, exc)
            return None
        self.dialog = PrintedCheckDialog(result, self, own_unit=self.store.unit_code)
        self.dialog.show_minutes.connect(self.show_minutes)
        self.dialog.finished.connect(lambda _r: self._ready_for_next())
        self.dialog.open()
        return self.dialog

    def _ready_for_next(self) -> None:
        """After the answer, the box is cleared and ready for the next scan."""
        self.edit.clear()
        self.edit.setFocus()


class PrintedCheckDialog(QDialog):
    show_minutes = Signal(str)

    def __init__(self, result: dict, parent=None, *, own_unit: str | None = None):
        super().__init__(parent)
        self.result = result
        self.setObjectName("printed_check_dialog")
        self.setWindowTitle(self.tr("Printed copy check"))
        fit_to_screen(self, 680, 460)
        layout = QVBoxLayout(self)
        head = QLabel()
        head.setObjectName("printed_check_headline")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setText(f"<h3 style='color:{self._colour()}'>{escape(self.headline())}</h3>")
        layout.addWidget(head)
        details = QTextBrowser()
        details.setObjectName("printed_check_details")
        details.setHtml(self.details_html())
        layout.addWidget(details, 1)
        buttons = QDialogButtonBox()
        matches = result.get("matches") or []
        # a district's minutes checked at the province are not in the province's own register
        if len(matches) == 1 and matches[0]["origin_unit"] == own_unit:
            show = buttons.addButton(self.tr("Show in the register"),
                                     QDialogButtonBox.ButtonRole.ActionRole)
            show.setObjectName("printed_check_show")
            show.clicked.connect(lambda: (self.show_minutes.emit(matches[0]["minutes_id"]),
                                          self.accept()))
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _colour(self) -> str:
        r = self.result
        if not r["found"] or not r["valid"]:
            return BAD
        if any(not m["current"] or m["status"] == "draft" for m in r["matches"]):
            return WARN
        return GOOD

    def headline(self) -> str:
        r = self.result
        if r.get("kind") is None:
            return self.tr("This is not a code printed on a minutes.")
        if not r["found"]:
            return self.tr("No minutes here has the content of this printed copy.")
        if len(r["matches"]) > 1:
            return self.tr("Several revisions start with this code: type all 16 characters.")
        m = r["matches"][0]
        if not m["valid"]:
            return self.tr("Minutes %1, revision %2: the record here does not check.") \
                .replace("%1", m["number"]).replace("%2", str(m["revision"]))
        if m["status"] == "draft":
            return self.tr("Minutes %1, revision %2: a draft, not signed.") \
                .replace("%1", m["number"]).replace("%2", str(m["revision"]))
        if not m["current"]:
            return self.tr("Minutes %1, revision %2: replaced by revision %3.") \
                .replace("%1", m["number"]).replace("%2", str(m["revision"])) \
                .replace("%3", str(m["superseded_by"]["revision"]))
        return self.tr("Minutes %1, revision %2: current, signatures valid.") \
            .replace("%1", m["number"]).replace("%2", str(m["revision"]))

    def details_html(self) -> str:
        r = self.result
        parts = [f"<p>{escape(r['message'])}</p>"]
        for m in r.get("matches") or []:
            parts.append(f"<p><b>{escape(m['number'])}</b> — {escape(m['subject'])}<br>"
                         + escape(m["unit_name"] or m["origin_unit"]) + "</p>")
            for p in m["problems"]:
                parts.append(f"<p style='color:{BAD}'>⚠ {escape(p)}</p>")
            for sig in m["signatures"]:
                mark = "✔" if sig["valid"] else "✘"
                parts.append(f"<p>{mark} <b>{escape(sig['full_name'])}</b> "
                             f"({escape(sig['position'])}) — {escape(sig['meaning_text'])}<br>"
                             f"{vn_datetime(sig['signed_at'])} · " + self.tr("key")
                             + f" {escape(sig['key_fingerprint'])}</p>")
            parts.append("<p>" + self.tr("Content code:") + f" <b>{m['content_code']}</b><br>"
                         + self.tr("Content hash (SHA-256):")
                         + f" <code>{m['content_sha256']}</code><br>"
                         + self.tr("Minutes id:") + f" <code>{m['minutes_id']}</code></p>")
        return "".join(parts)
