"""The working minutes as a PDF in the layout of Nghị định 30/2020/NĐ-CP (Mẫu 1.9, "biên bản").

Heading (agency, number, national name and motto, place and date), the title and the subject,
then the body in order: start time, place, participants of both sides, chair, secretary,
content, results and conclusions, action items, attachments; the closing time and the sentence
with the page count and the copies; two signature columns with the electronic confirmation under
each; "Nơi nhận" and a QR code with the minutes' id and content hash. Drafts carry a "BẢN NHÁP"
watermark. Each copy starts on a new page, marked "Bản số 1/3 — …"; its following pages carry
"Bản số 1/3" in the top margin. No Qt here.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import re
import threading
from dataclasses import dataclass
from typing import BinaryIO, Union

from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.models.errors import IsoDeskError
from desktop.models.minutes import fields as F
from desktop.models.minutes.canonical import short_hash
from desktop.models.minutes.repository import Revision
from desktop.models.minutes.signing import RevisionCheck, revision_hash

from .pdf import (
    PageSetup, SignatureBox, build_copies, header_block, plain, recipients_block,
    register_fonts, signature_parts, styles, text_paragraph, title_block,
)

Target = Union[str, os.PathLike, BinaryIO]
DRAFT_WATERMARK = "BẢN NHÁP"
ALTERED_WATERMARK = "ĐÃ BỊ SỬA SAU KHI KÝ"
SUPERSEDED_WATERMARK = "ĐÃ ĐƯỢC THAY THẾ"


def superseded_banner(revision_no: int) -> str:
    """What every page of a reprinted revision says once a later revision was signed."""
    return f"Đã được thay thế bởi bản sửa đổi {revision_no}"
_BULLET_RE = re.compile(r"^(\s*)([-*•+–])\s+(.*)$")
_VERBS = ("lưu", "gửi", "giao", "chuyển", "nộp", "báo")
_render_lock = threading.Lock()
# The page count of one copy of each minutes rendered lately, by what its layout depends on: a
# preview, the printed copies and an export of the same minutes then lay it out once less (the
# count only saves a build: a wrong one is found and the copies built again).
_pages_seen: dict[tuple, int] = {}
_PAGES_SEEN_MAX = 64


def forget_page_counts() -> None:
    """Forget the page counts of the minutes rendered so far (the next render of each lays
    one copy out first to find its count, as the first render of a minutes does)."""
    with _render_lock:
        _pages_seen.clear()


@dataclass
class RenderResult:
    pages: int            # pages in the file (all copies)
    pages_per_copy: int
    copies: int


# --- characters the font can print -----------------------------------------------------------

def _cmaps() -> list[dict]:
    f = register_fonts()
    return [pdfmetrics.getFont(name).face.charToGlyph for name in (f.regular, f.bold, f.italic)]


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` the document font has no glyph for (emoji, CJK, …)."""
    if not text:
        return []
    maps = _cmaps()
    bad: list[str] = []
    for ch in set(text):
        if ch in "\n\r\t " or ch in bad:
            continue
        if not all(ord(ch) in m for m in maps):
            bad.append(ch)
    return sorted(bad)


def check_printable(rev: Revision) -> None:
    """Refuse, with the field named, a revision the font can't print completely."""
    fields = {
        "Số": rev.number, "Trích yếu": rev.subject, "Địa điểm": rev.place, "Chủ trì": rev.chair,
        "Thư ký": rev.secretary, "Nội dung": rev.content, "Kết luận": rev.conclusions,
        "Tên cơ quan": f"{rev.agency_parent} {rev.agency_name} {rev.locality}",
        "Thành phần tham dự": " ".join(f"{p['name']} {p['position']} {p['organisation']}"
                                       for p in rev.participants),
        "Công việc cần làm": " ".join(f"{a['description']} {a['owner']}" for a in rev.action_items),
        "Nơi nhận": " ".join(rev.destinations),
        "Tài liệu kèm theo": " ".join(a["name"] for a in rev.attachments),
    }
    for label, text in fields.items():
        bad = unprintable(text or "")
        if bad:
            shown = " ".join(f"“{c}” (U+{ord(c):04X})" for c in bad[:5])
            raise IsoDeskError(f"Không in được biên bản số {rev.number}: mục “{label}” có ký tự mà "
                               f"phông chữ của văn bản không có: {shown}. Hãy sửa bản nháp (bỏ "
                               "hoặc thay ký tự đó) rồi in lại.")


# --- the QR code ----------------------------------------------------------------------------

@lru_cache(maxsize=64)
def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    """The dark modules of the QR code of `data` (error correction M), computed once."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(data)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


@lru_cache(maxsize=64)
def _qr_path(data: str, size: float) -> str:
    """The PDF path operators of the QR code of `data` drawn `size` points wide: the same on
    every copy and every build of the same minutes, so made once."""
    modules = qr_modules(data)
    box = size / (len(modules) + 2 * QrCode.BORDER)
    path = PDFPathObject()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                x = (c + QrCode.BORDER) * box
                y = size - (r + QrCode.BORDER + 1) * box
                path.rect(x, y, count * box, box)
            c += count
    return path.getCode()


class _MadePath:
    """A path whose operators are already made (what `Canvas.drawPath` asks a path for)."""

    __slots__ = ("code",)

    def __init__(self, code: str):
        self.code = code

    def getCode(self) -> str:  # noqa: N802 (reportlab's name)
        return self.code


class QrCode(Flowable):
    """A QR code drawn as one filled path (fast, and the same on every copy)."""

    BORDER = 2  # modules of quiet zone on each side

    def __init__(self, data: str, size: float):
        super().__init__()
        self.data = data
        self.size = size
        self.modules = qr_modules(data)

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        return self.size, self.size

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        canv.drawPath(_MadePath(_qr_path(self.data, self.size)), stroke=0, fill=1)
        canv.restoreState()


# --- text helpers ----------------------------------------------------------------------------

def two(n: int) -> str:
    return f"{n:02d}"


def _long_date(value: str) -> str:
    d = F.parse_date(value or "")
    if d is None:
        return "ngày … tháng … năm …"
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def _clock(value: str) -> str:
    t = F.parse_time(value or "")
    if not t:
        return "… giờ …"
    h, m = t.split(":")
    return f"{h} giờ {m}"


def _sentence(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return "…"
    return text if text[-1] in ".!?…" else text + "."


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def copy_phrase(destination: str) -> str:
    """"Lưu tại X" → "lưu tại X"; a bare holder gets "lưu tại"."""
    first = destination.split(" ", 1)[0].lower()
    return _lower_first(destination) if first in _VERBS else f"lưu tại {destination}"


_KEEP_PREFIXES = ("lưu tại ", "lưu ở ", "lưu ")
_SEND_PREFIXES = ("gửi cho ", "gửi về ", "gửi đến ", "gửi tới ", "gửi ", "giao cho ", "giao ",
                  "chuyển cho ", "chuyển về ", "chuyển ", "nộp cho ", "nộp về ", "nộp ",
                  "báo cáo ")
_PURPOSE_RE = re.compile(r"\s+(?=(?:kèm theo|kèm|để)\s)")


@dataclass(frozen=True)
class CopyHolder:
    """Who holds one copy of the minutes: `kept` for a copy kept on file ("lưu tại X"), else a
    copy sent; `holder` is the recipient's name only, `purpose` what goes with it."""
    kept: bool
    holder: str
    purpose: str = ""

    @property
    def recipient_line(self) -> str:
        return f"{self.holder} ({self.purpose})" if self.purpose else self.holder


def copy_holder(destination: str) -> CopyHolder:
    """"Lưu tại Bảo hiểm xã hội tỉnh X" → kept at "Bảo hiểm xã hội tỉnh X"; "Gửi Bảo hiểm xã
    hội Việt Nam kèm báo cáo tổng hợp" → sent to "Bảo hiểm xã hội Việt Nam", purpose "kèm báo
    cáo tổng hợp"."""
    text = " ".join((destination or "").split()).rstrip(";.")
    low = text.lower()
    kept = False
    for prefix in _KEEP_PREFIXES:
        if low.startswith(prefix):
            text, kept = text[len(prefix):], True
            break
    else:
        for prefix in _SEND_PREFIXES:
            if low.startswith(prefix):
                text = text[len(prefix):]
                break
    purpose = ""
    parts = _PURPOSE_RE.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        text, purpose = parts[0], parts[1]
    return CopyHolder(kept, _upper_first(text.strip()), purpose.strip())


def recipient_lines(destinations: list[str], own_names: tuple[str, ...] = ()) -> list[str]:
    """"Nơi nhận" of the copies, one line per copy sent (the recipient only, what goes with it
    in brackets), then the copies kept on file in one "Lưu:" line with their number, so that
    the list and the closing sentence ("lập thành 03 bản…") count the same copies. A copy kept
    by the issuing unit itself is its records office ("VT")."""
    holders = [copy_holder(d) for d in destinations]
    own = {" ".join(n.lower().split()) for n in own_names if n}
    lines = [h.recipient_line for h in holders if not h.kept]
    kept = []
    for h in holders:
        if not h.kept:
            continue
        name = "VT" if " ".join(h.holder.lower().split()) in own | {"đơn vị", ""} else h.holder
        if kept and name.lower().startswith("đơn vị"):   # "…, đơn vị tư vấn"
            name = _lower_first(name)
        kept.append(name)
    if kept:
        count = f" ({len(kept):02d})" if len(kept) > 1 else ""
        lines.append("Lưu: " + ", ".join(dict.fromkeys(kept)) + count)
    return lines


def recipient_of(destination: str) -> str:
    """The holder named in a destination, for "Nơi nhận": "Lưu tại X" → "X"."""
    return copy_holder(destination).recipient_line


def copy_marks(rev: Revision) -> list[str]:
    dests = rev.destinations
    n = rev.copies
    return [f"Bản số {i}/{n} — {dests[i - 1] if i <= len(dests) else 'Lưu tại đơn vị'}"
            for i in range(1, n + 1)]


def _signed_time(value: str) -> str:
    try:
        t = _dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value or ""
    return f"Lúc {t:%H:%M} ngày {t:%d/%m/%Y}"


# --- the story -------------------------------------------------------------------------------

def _text_block(text: str, st: dict) -> list:
    """Paragraphs and bullet lists of a content field (one paragraph per line)."""
    out = []
    for line in (text or "").split("\n"):
        if not line.strip():
            continue
        m = _BULLET_RE.match(line)
        if m:
            indent, body = m.group(1), m.group(3)
            style = st["bullet2"] if len(indent.expandtabs(4)) >= 2 else st["bullet"]
            marker = "+" if style is st["bullet2"] else "-"
            out.append(text_paragraph(f"{marker} {body}", style))
        else:
            out.append(text_paragraph(line.strip(), st["body"]))
    return out


def _label(st: dict, label: str, value: str = "") -> Paragraph:
    return Paragraph(f"<b>{plain(label)}</b> {plain(value)}".rstrip(), st["body"])


def _participants(rev: Revision, st: dict) -> list:
    out = [_label(st, "Thành phần tham dự:")]
    unit = [p for p in rev.participants if p["side"] == "unit"]
    consultant = [p for p in rev.participants if p["side"] == "consultant"]
    orgs = sorted({p["organisation"] for p in consultant if p["organisation"]})
    groups = [
        (f"a) Đại diện {rev.agency_name or 'đơn vị'}:", unit),
        ("b) Đại diện đơn vị tư vấn" + (f" ({', '.join(orgs)})" if orgs else "") + ":",
         consultant),
    ]
    for heading, people in groups:
        out.append(Paragraph(plain(heading), st["body"]))
        if not people:
            out.append(Paragraph("- Không có.", st["bullet"]))
        for i, p in enumerate(people):
            text = with_honorific(p["name"]) + (f", {p['position']}" if p["position"] else "")
            if p["side"] == "consultant" and p["organisation"] and len(orgs) > 1:
                text += f", {p['organisation']}"
            end = "." if i == len(people) - 1 else ";"
            out.append(Paragraph("- " + plain(text + end), st["bullet"]))
    return out


_HONORIFICS = ("ông/bà", "ông", "bà", "đồng chí", "đ/c", "anh", "chị", "thầy", "cô")


def with_honorific(name: str) -> str:
    """"Ông …" or "Bà …" as participants are listed in minutes. Written before the name, it is
    kept; otherwise it follows the middle name where Vietnamese names tell ("Thị": Bà,
    "Văn": Ông), else "Ông/Bà"."""
    name = " ".join((name or "").split())
    low = name.lower()
    if any(low == h or low.startswith(h + " ") for h in _HONORIFICS):
        return name
    middle = [w.lower() for w in name.split()[1:-1]]
    if "thị" in middle:
        return f"Bà {name}"
    if "văn" in middle:
        return f"Ông {name}"
    return f"Ông/Bà {name}"


def _description_parts(text: str, style, width: float, limit: float) -> list[Paragraph]:
    """The description of one action item as paragraphs no taller than `limit` each (a very
    long one is cut between lines, each part becoming a row of its own)."""
    para = Paragraph(plain(text), style)
    parts: list[Paragraph] = []
    while True:
        _w, height = para.wrap(width, limit)
        if height <= limit:
            parts.append(para)
            return parts
        pieces = para.split(width, limit)
        if len(pieces) != 2:  # (cannot be cut: let the table deal with it)
            parts.append(para)
            return parts
        parts.append(pieces[0])
        para = pieces[1]


def _action_table(rev: Revision, st: dict, width: float, page_height: float) -> Table:
    """The action items; rows are never split by the table, so the header is repeated only at
    the top of a new page. A description taller than a third of a page is cut into rows,
    each carrying the item's number, owner and due date."""
    head = [Paragraph(h, st["table_head"]) for h in
            ("TT", "Nội dung công việc", "Người thực hiện", "Thời hạn")]
    rows = [head]
    widths = [10 * mm, width - 10 * mm - 48 * mm - 26 * mm, 48 * mm, 26 * mm]
    text_width = widths[1] - 6  # less the cell padding
    for i, a in enumerate(rev.action_items, start=1):
        due = F.parse_date(a["due"] or "")
        for part in _description_parts(a["description"], st["table_cell"], text_width,
                                       page_height / 3):
            rows.append([
                Paragraph(str(i), st["table_cell_center"]),
                part,
                Paragraph(plain(a["owner"]), st["table_cell"]),
                Paragraph(f"{due:%d/%m/%Y}" if due else "", st["table_cell_center"]),
            ])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def confirm_title(body: str) -> str:
    """"ĐẠI DIỆN TỔ TRIỂN KHAI ISO"; a body named with its unit goes on two lines
    ("ĐẠI DIỆN BAN CHỈ ĐẠO ISO" / "BẢO HIỂM XÃ HỘI TỈNH X")."""
    m = re.match(r"^(.*?ISO)\s+(\S.*)$", body or "")
    return f"ĐẠI DIỆN {m.group(1)}\n{m.group(2)}" if m else f"ĐẠI DIỆN {body}"


def _confirmation(sig: dict | None, valid: bool) -> list[str]:
    if sig is None:
        return ["(Chưa ký điện tử)"]
    if not valid:
        return ["Chữ ký điện tử KHÔNG CÒN HỢP LỆ:", "nội dung đã bị thay đổi sau khi ký"]
    return [f"Đã ký điện tử: {sig['full_name']}", sig["meaning_text"],
            _signed_time(sig["signed_at"]), f"Khóa: {sig['key_fingerprint']}"]


def _signatures(rev: Revision, team_name: str, check: RevisionCheck | None):
    author = rev.signature("author")
    confirm = rev.signature("confirm")
    valid = {s.row["id"]: s.valid for s in (check.signatures if check else [])}
    if check is not None and not check.valid:
        valid = {k: False for k in valid}
    team = team_name
    if confirm is not None:
        # the capacity the confirmer signed in (their own role, bound into the signature)
        team = re.sub(r"^Xác nhận của đại diện\s+", "", confirm["meaning_text"]) or team
    left = SignatureBox(
        title="NGƯỜI LẬP BIÊN BẢN",
        name=(author["full_name"] if author else rev.secretary),
        confirmation=_confirmation(author, valid.get(author["id"], True) if author else True))
    right = SignatureBox(
        title=confirm_title(team),
        name=(confirm["full_name"] if confirm else ""),
        confirmation=_confirmation(confirm, valid.get(confirm["id"], True) if confirm else True))
    return signature_parts(left, right)


def _footer(rev: Revision, digest: str, st: dict, width: float) -> list:
    recipients = recipient_lines(rev.destinations, (rev.agency_name or "",))
    qr_data = f"ISODESK-BB|{rev.minutes_id}|r{rev.revision_no}|{digest}"
    caption = (f"Mã biên bản: {rev.minutes_id}<br/>Bản sửa đổi: {rev.revision_no}<br/>"
               f"Mã nội dung: {short_hash(digest)}")
    qr_cell = [QrCode(qr_data, 22 * mm), Paragraph(caption, st["qr_caption"])]
    table = Table([[recipients_block(recipients, default_archive=False), qr_cell]],
                  colWidths=[width - 62 * mm, 62 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, 4 * mm), table]


def _styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    st = styles()
    st["bullet2"] = ParagraphStyle("bullet2", parent=st["bullet"],
                                   leftIndent=st["bullet"].leftIndent + 8 * mm)
    st["qr_caption"] = ParagraphStyle("qr_caption", parent=st["small"], fontSize=8, leading=9.5,
                                      alignment=1)
    return st


def build_story(rev: Revision, pages: int, *, team_name: str = "Tổ triển khai ISO",
                check: RevisionCheck | None = None, digest: str | None = None) -> list:
    """One copy of the minutes; `pages` is the page count stated in the closing sentence."""
    st = _styles()
    setup = PageSetup()
    width = setup.text_width
    day = F.parse_date(rev.date or "") or _dt.date.today()
    digest = digest or revision_hash(rev)
    story: list = []
    story += header_block(rev.agency_parent, rev.agency_name or "", rev.number or None,
                          rev.locality or "", day)
    story += title_block("BIÊN BẢN", rev.subject or "(Chưa có trích yếu)")
    story.append(_label(st, "Thời gian bắt đầu:",
                        f"{_clock(rev.start_time)}, {_long_date(rev.date)}."))
    story.append(_label(st, "Địa điểm:", _sentence(rev.place)))
    story += _participants(rev, st)
    story.append(_label(st, "Chủ trì:", _sentence(rev.chair)))
    story.append(_label(st, "Thư ký (người ghi biên bản):", _sentence(rev.secretary)))
    story.append(_label(st, "Nội dung:"))
    story += _text_block(rev.content, st) or [Paragraph("Không có.", st["body"])]
    story.append(_label(st, "Kết quả, kết luận:"))
    story += _text_block(rev.conclusions, st) or [Paragraph("Không có.", st["body"])]
    if rev.action_items:
        story.append(_label(st, "Công việc cần thực hiện:"))
        story.append(_action_table(rev, st, width, setup.text_height))
        story.append(Spacer(1, 6))
    if rev.attachments:
        story.append(_label(st, "Tài liệu kèm theo:"))
        for i, a in enumerate(rev.attachments, start=1):
            story.append(Paragraph(plain(f"{i}. {a['name']}"), st["body"]))
    # The closing sentences, the signatures and "Nơi nhận" stay on one page.
    parts = [f"01 bản {copy_phrase(d)}" for d in rev.destinations]
    closing = [
        Paragraph(f"Biên bản kết thúc vào hồi {_clock(rev.end_time)}, {_long_date(rev.date)}.",
                  st["body"]),
        Paragraph(plain(
            f"Biên bản gồm {two(pages)} trang, được lập thành {two(rev.copies)} bản có giá trị "
            f"như nhau" + (": " + "; ".join(parts) if parts else "") + "./."), st["body"]),
        *_signatures(rev, team_name, check),
        *_footer(rev, digest, st, width),
    ]
    story.append(KeepTogether(closing))
    return story


def render(rev: Revision, target: Target, *, team_name: str = "Tổ triển khai ISO",
           check: RevisionCheck | None = None, copies: bool = True) -> RenderResult:
    """Write the PDF of a revision: its copies (each marked) or a single copy. With the
    revision's `check`, a revision altered after signing is watermarked as such, and one that a
    later signed revision replaced says so on every page."""
    check_printable(rev)
    digest = revision_hash(rev)
    watermark = None
    later = check.superseded_by if check is not None else None
    if check is not None and not check.valid:
        watermark = ALTERED_WATERMARK
    elif rev.status == "draft":
        watermark = DRAFT_WATERMARK
    elif later:
        watermark = SUPERSEDED_WATERMARK
    marks = copy_marks(rev) if copies else []
    title = f"Biên bản số {rev.number}: {rev.subject}"
    subject = f"isodesk-minutes {rev.minutes_id} r{rev.revision_no} content-sha256 {digest}"
    with _render_lock:
        pages_per_copy = [0]

        def make_story(n: int) -> list:
            pages_per_copy[0] = n
            return build_story(rev, n, team_name=team_name, check=check, digest=digest)

        seen = (digest, team_name, repr(check), os.environ.get("ISODESK_PDF_FONT"))
        total = build_copies(target, make_story, marks, watermark=watermark, title=title,
                             author=rev.secretary or "", subject=subject,
                             banner=superseded_banner(later) if later else None,
                             pages_guess=_pages_seen.get(seen))
        if len(_pages_seen) >= _PAGES_SEEN_MAX:
            _pages_seen.clear()
        _pages_seen[seen] = pages_per_copy[0]
    return RenderResult(total, pages_per_copy[0], len(marks) or 1)


def render_bytes(rev: Revision, **kw) -> bytes:
    buf = io.BytesIO()
    render(rev, buf, **kw)
    return buf.getvalue()


def confirmed_pdf_renderer(team_name: str):
    """The `pdf_renderer` for `minutes.sign`: the three copies kept with a confirmed minutes."""
    def renderer(rev: Revision) -> bytes:
        return render_bytes(rev, team_name=team_name)
    return renderer
