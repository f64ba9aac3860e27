"""Layout pieces of an administrative document per Nghị định 30/2020/NĐ-CP, Phụ lục I.

Flowables and helpers only; the page template (margins, page numbers, watermark, copies) is in
``template.py``. Text given to these helpers is plain text: it is escaped for reportlab's
paragraph markup here. Body paragraphs built by callers with ``styles()`` may use markup.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .fonts import FontSet, register_fonts

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ARCHIVE_LINE = "Lưu: VT, Hồ sơ."

HEADER_SIZE = 12.5  # agency names, national name
NUMBER_SIZE = 13.0
MOTTO_SIZE = 13.5
BODY_SIZE = 13.5
TITLE_SIZE = 14.0
SIGNING_SPACE = 25 * mm


@dataclass(frozen=True)
class PageSetup:
    """A4 portrait; margins within Nghị định 30's ranges (top/bottom 20–25, left 30–35, right
    15–20 mm)."""

    pagesize: tuple[float, float] = A4
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0

    @property
    def top(self) -> float:
        return self.top_mm * mm

    @property
    def bottom(self) -> float:
        return self.bottom_mm * mm

    @property
    def left(self) -> float:
        return self.left_mm * mm

    @property
    def right(self) -> float:
        return self.right_mm * mm

    @property
    def text_width(self) -> float:
        return self.pagesize[0] - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.pagesize[1] - self.top - self.bottom


# ---------------------------------------------------------------------------------------------
# Dates and numbers


def vn_date(d: date | datetime) -> str:
    """05/01/2026"""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def vn_datetime(dt: datetime) -> str:
    """05/01/2026 16:32"""
    return f"{vn_date(dt)} {dt.hour:02d}:{dt.minute:02d}"


def format_place_date(place: str, day: date) -> str:
    """"Ngọc Lặc, ngày 05 tháng 01 năm 2026": day < 10 and months 1–2 get a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year:04d}"
    place = place.strip()
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def doc_number(seq: int, kind: str = "BB", issuer: str = "BHXH") -> str:
    """The number part of "Số:", e.g. 5 → "05/BB-BHXH" (no spaces around "/" and "-")."""
    return f"{seq:02d}/{kind.strip()}-{issuer.strip()}"


def blank_number(kind: str, issuer: str) -> str:
    """The number part of "Số:" for a document not numbered yet: room to write the number by
    hand before the kind and issuer ("Số:       /BC-BHXHST")."""
    return "\u00a0" * 8 + f"/{kind.strip()}-{issuer.strip()}"


def upper_vn(text: str) -> str:
    return unicodedata.normalize("NFC", text).upper()


def plain(text: str) -> str:
    """Plain text made safe for a Paragraph: escaped, NFC, line breaks kept."""
    return escape(unicodedata.normalize("NFC", text)).replace("\n", "<br/>")


# ---------------------------------------------------------------------------------------------
# Styles


def _style(name: str, font: str, size: float, **kw) -> ParagraphStyle:
    kw.setdefault("leading", round(size * 1.2, 2))
    return ParagraphStyle(name, fontName=font, fontSize=size, **kw)


def styles(fonts: FontSet | None = None) -> dict[str, ParagraphStyle]:
    """Fresh paragraph styles in the document font (callers may change their copy)."""
    f = fonts or register_fonts()
    dash = stringWidth("- ", f.regular, BODY_SIZE)
    body = _style(
        "body", f.regular, BODY_SIZE, alignment=TA_JUSTIFY, firstLineIndent=1.27 * cm,
        spaceAfter=6,
    )
    c = TA_CENTER
    return {
        "body": body,
        "body_noindent": ParagraphStyle("body_noindent", parent=body, firstLineIndent=0),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=1.27 * cm + dash, firstLineIndent=-dash,
        ),
        "heading": _style(
            "heading", f.bold, BODY_SIZE, alignment=TA_LEFT, firstLineIndent=1.27 * cm,
            spaceBefore=3, spaceAfter=6, keepWithNext=1,
        ),
        "small": _style("small", f.regular, 10),
        "small_italic": _style("small_italic", f.italic, 10),
        "recipients_title": _style("recipients_title", f.bold_italic, 12),
        "recipient": _style("recipient", f.regular, 11),
        "table_cell": _style("table_cell", f.regular, 12),
        "table_cell_right": _style("table_cell_right", f.regular, 12, alignment=2),
        "table_cell_center": _style("table_cell_center", f.regular, 12, alignment=c),
        "table_head": _style("table_head", f.bold, 12, alignment=c),
        "agency_parent": _style("agency_parent", f.regular, HEADER_SIZE, alignment=c),
        "agency_name": _style("agency_name", f.bold, HEADER_SIZE, alignment=c),
        "number": _style("number", f.regular, NUMBER_SIZE, alignment=c),
        "national": _style("national", f.bold, HEADER_SIZE, alignment=c),
        "motto": _style("motto", f.bold, MOTTO_SIZE, alignment=c),
        "place_date": _style("place_date", f.italic, MOTTO_SIZE, alignment=c),
        "title": _style("title", f.bold, TITLE_SIZE, alignment=c),
        "subject": _style("subject", f.bold, TITLE_SIZE, alignment=c),
        "sign_title": _style("sign_title", f.bold, 13, alignment=c),
        "sign_subtitle": _style("sign_subtitle", f.italic, 13, alignment=c),
        "sign_name": _style("sign_name", f.bold, 13, alignment=c),
        "sign_confirmation": _style("sign_confirmation", f.regular, 9.5, alignment=c),
    }


# ---------------------------------------------------------------------------------------------
# Flowables


class Rule(Flowable):
    """A horizontal line centred in the space it gets.

    ``text_width`` is the width of the text the rule belongs under (in points); the line is
    ``fraction`` of it, never wider than the space available.
    """

    def __init__(self, text_width: float, fraction: float = 1.0, thickness: float = 0.6,
                 space_before: float = 3.5, space_after: float = 3.0, min_length: float = 0.0):
        super().__init__()
        self.text_width = text_width
        self.fraction = fraction
        self.thickness = thickness
        self.space_before = space_before
        self.space_after = space_after
        self.min_length = min_length
        self._avail = 0.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        self._avail = availWidth
        return availWidth, self.space_before + self.thickness + self.space_after

    @property
    def length(self) -> float:
        text = min(self.text_width, self._avail) if self._avail else self.text_width
        length = max(text * self.fraction, self.min_length)
        return min(length, self._avail) if self._avail else length

    def draw(self):
        y = self.space_after + self.thickness / 2
        x0 = (self._avail - self.length) / 2
        self.canv.saveState()
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.length, y)
        self.canv.restoreState()


def balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` on one line when it fits in ``width``, else on two lines of about the same
    length, broken between words ("BẢO HIỂM XÃ HỘI / TỈNH LAM GIANG", as agency names are
    set, not "BẢO HIỂM XÃ HỘI TỈNH LAM / GIANG"); longer names are left to the wrapping."""
    words = text.split()
    if stringWidth(text, font, size) <= width or len(words) < 2:
        return [text]
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    fitting = [pair for pair in splits
               if max(stringWidth(line, font, size) for line in pair) <= width]
    if not fitting:
        return [text]
    return list(min(fitting, key=lambda pair: max(stringWidth(line, font, size)
                                                  for line in pair)))


def header_columns(setup: PageSetup | None = None, fonts: FontSet | None = None
                   ) -> tuple[float, float]:
    """Widths of the left (agency) and right (national name) header columns."""
    setup = setup or PageSetup()
    f = fonts or register_fonts()
    total = setup.text_width
    right = max(stringWidth(NATIONAL_NAME, f.bold, HEADER_SIZE) + 5 * mm, total * 0.55)
    right = min(right, total * 0.65)
    return total - right, right


def header_block(agency_parent: str, agency_name: str, number: str | None, place: str,
                 day: date, motto: bool = True, *, setup: PageSetup | None = None
                 ) -> list[Flowable]:
    """The two-column heading: agency and number on the left, national name, motto and the
    place-and-date line on the right."""
    f = register_fonts()
    st = styles(f)
    left_w, right_w = header_columns(setup, f)
    name = upper_vn(agency_name)

    left: list[Flowable] = []
    if agency_parent.strip():
        parent = balanced_lines(upper_vn(agency_parent), f.regular, HEADER_SIZE, left_w)
        left.append(Paragraph(plain("\n".join(parent)), st["agency_parent"]))
    lines = balanced_lines(name, f.bold, HEADER_SIZE, left_w)
    left.append(Paragraph(plain("\n".join(lines)), st["agency_name"]))
    name_w = min(max(stringWidth(line, f.bold, HEADER_SIZE) for line in lines), left_w)
    left.append(Rule(name_w, fraction=1 / 3, min_length=15 * mm))

    right: list[Flowable] = []
    if motto:
        right.append(Paragraph(plain(NATIONAL_NAME), st["national"]))
        right.append(Paragraph(plain(MOTTO), st["motto"]))
        right.append(Rule(stringWidth(MOTTO, f.bold, MOTTO_SIZE)))

    number_cell = Paragraph(f"Số: {plain(number)}", st["number"]) if number else ""
    date_cell = Paragraph(plain(format_place_date(place, day)), st["place_date"])
    table = Table(
        [[left, right], [number_cell, date_cell]],
        colWidths=[left_w, right_w],
        hAlign="CENTER",
    )
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), f.regular, HEADER_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 3),
    ]))
    return [table, Spacer(1, 8 * mm)]


def title_block(title: str = "BIÊN BẢN", subtitle: str | None = None) -> list[Flowable]:
    """The document kind in bold capitals, the subject line under it and a short rule."""
    f = register_fonts()
    st = styles(f)
    out: list[Flowable] = [Paragraph(plain(upper_vn(title)), st["title"])]
    if subtitle and subtitle.strip():
        out.append(Paragraph(plain(subtitle.strip()), st["subject"]))
        width = stringWidth(subtitle.strip(), f.bold, TITLE_SIZE)
    else:
        width = stringWidth(upper_vn(title), f.bold, TITLE_SIZE)
    out.append(Rule(width, fraction=1 / 3, min_length=25 * mm))
    out.append(Spacer(1, 5 * mm))
    return out


@dataclass
class SignatureBox:
    """One signature column: position (bold capitals), a hint, the signing space, the name, and
    optional lines of an electronic confirmation printed small under the name. A line break
    ("\\n") in ``title`` gives e.g. "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"."""

    title: str
    subtitle: str | None = "(Ký, ghi rõ họ tên)"
    name: str = ""
    confirmation: list[str] | None = field(default=None)

    def flowables(self, st: dict[str, ParagraphStyle]) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(plain(upper_vn(self.title)), st["sign_title"])]
        if self.subtitle:
            out.append(Paragraph(plain(self.subtitle), st["sign_subtitle"]))
        out.append(Spacer(1, SIGNING_SPACE))
        out.append(Paragraph(plain(self.name) if self.name else "", st["sign_name"]))
        for line in self.confirmation or []:
            out.append(Paragraph(plain(line), st["sign_confirmation"]))
        return out


def recipients_block(items: list[str], *, default_archive: bool = True) -> list[Flowable]:
    """"Nơi nhận:" then "- …;" per recipient, ending with "- Lưu: VT, Hồ sơ." (or the "Lưu"
    item given; none when `default_archive` is False and no item starts with "Lưu")."""
    st = styles()
    lines: list[str] = []
    archive: str | None = None
    for raw in items:
        text = unicodedata.normalize("NFC", raw).strip()
        if text.startswith("-"):
            text = text[1:].strip()
        text = text.rstrip(";.").strip()
        if not text:
            continue
        if text.lower().startswith("lưu"):
            archive = text + "."
        else:
            lines.append(text + ";")
    if archive or default_archive:
        lines.append(archive or ARCHIVE_LINE)
    elif lines:
        lines[-1] = lines[-1][:-1] + "."
    out: list[Flowable] = [Paragraph("Nơi nhận:", st["recipients_title"])]
    out += [Paragraph("- " + plain(line), st["recipient"]) for line in lines]
    return out


def signature_block(left: SignatureBox | None, right: SignatureBox | None,
                    recipients: list[str] | None = None, *, width: float | None = None
                    ) -> Flowable:
    """Two columns of signatures (or "Nơi nhận:" bottom left and the signature on the right,
    as Nghị định 30 lays it out). Never split across pages."""
    return KeepTogether(signature_parts(left, right, recipients, width=width))


def signature_parts(left: SignatureBox | None, right: SignatureBox | None,
                    recipients: list[str] | None = None, *, width: float | None = None
                    ) -> list[Flowable]:
    """The flowables of `signature_block`, for a caller that keeps them together with more
    (a KeepTogether inside a KeepTogether always reports "too tall" and forces a new page)."""
    f = register_fonts()
    st = styles(f)
    total = width or PageSetup().text_width
    if left is None and recipients is not None:
        left_cell: list[Flowable] | str = recipients_block(recipients)
        widths = [total * 0.42, total * 0.58]
        recipients = None
    else:
        left_cell = left.flowables(st) if left else ""
        widths = [total / 2, total / 2]
    right_cell = right.flowables(st) if right else ""
    table = Table([[left_cell, right_cell]], colWidths=widths, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), f.regular, 13),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
    ]))
    parts: list[Flowable] = [Spacer(1, 4 * mm), table]
    if recipients is not None:
        parts += [Spacer(1, 6 * mm), *recipients_block(recipients)]
    return parts


def qr_flowable(data: str, size_mm: float = 22) -> Drawing:
    """A QR code (error correction M) as a square drawing of ``size_mm``."""
    widget = QrCodeWidget(data, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    size = size_mm * mm
    sx, sy = size / (x1 - x0), size / (y1 - y0)
    drawing = Drawing(size, size, transform=[sx, 0, 0, sy, -x0 * sx, -y0 * sy])
    drawing.initialFontName = register_fonts().regular  # else Helvetica is referenced
    drawing.initialFontSize = 10
    drawing.add(widget)
    return drawing
