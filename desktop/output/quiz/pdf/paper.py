"""Printed variants for the paper fallback: the questions with their options in the variant's
order and their pictures, an answer grid to tick, the variant code on every page; and the answer
key for the proctor (kept apart from the papers), where a question with "one of several right
answers" shows each of them ("B / D": either one is right)."""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, Image, Indenter, KeepTogether, PageBreak,
                                Paragraph, Spacer, Table, TableStyle)

from desktop.models.progress import Progress
from desktop.models.quiz.common import LETTERS
from desktop.models.quiz.kinds import right_letters
from desktop.models.quiz.pictures import split
from desktop.models.quiz.sessions import Session

from ...pdf import CopyStart, OfficialDocTemplate, data_table, plain, styles
from ...pdf.official import upper_vn
from ...pdf.template import _write, follow_build
from .common import Heading, session_line

TITLE = "ĐỀ KIỂM TRA NHẬN THỨC"
SUBJECT = "về hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015"
INSTRUCTIONS = ("Đọc kỹ từng câu hỏi. Trả lời bằng cách đánh dấu X vào ô của phương án đúng trong "
                "BẢNG TRẢ LỜI ở cuối đề (mỗi câu một ô; câu ghi \"chọn nhiều\" thì đánh dấu mọi "
                "phương án đúng). Muốn sửa thì khoanh tròn ô đã đánh dấu rồi đánh dấu ô mới.")


def _code_box(code: str, st) -> Table:
    para = Paragraph(f"MÃ ĐỀ: {plain(code)}", st["title"])
    box = Table([[para]], colWidths=[38 * mm], hAlign="RIGHT")
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, black),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def _identity(st) -> list:
    lines = ["Họ và tên: ..................................................................",
             "Mã cán bộ: ......................   Bộ phận: ......................................"]
    return [Paragraph(plain(t), st["body_noindent"]) for t in lines]


def _grid(code: str, count: int, options: list[int], multiple: list[bool], st) -> list:
    """The answer grid: one row per question, one box per option."""
    width = max(options) if options else 4
    head = ["Câu"] + [LETTERS[i] for i in range(width)] + [""]
    rows = [head]
    for n in range(count):
        rows.append([str(n + 1)] + ["" if i < options[n] else "—" for i in range(width)]
                    + ["chọn nhiều" if multiple[n] else ""])
    # Two grids side by side when there are many questions.
    per_col = 25
    chunks = [rows[:1] + rows[1 + i:1 + i + per_col] for i in range(0, count, per_col)]
    tables = []
    for chunk in chunks:
        t = Table(chunk, colWidths=[12 * mm] + [9 * mm] * width + [18 * mm],
                  rowHeights=[7 * mm] * len(chunk))
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), st["table_cell"].fontName, 11),
            ("FONT", (0, 0), (-1, 0), st["table_head"].fontName, 11),
            ("GRID", (0, 0), (-2, -1), 0.6, black),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTSIZE", (-1, 1), (-1, -1), 8)]))
        tables.append(t)
    out = [CondPageBreak(60 * mm), Paragraph(f"BẢNG TRẢ LỜI — MÃ ĐỀ {plain(code)}", st["title"]),
           Spacer(1, 3 * mm)]
    if len(tables) == 1:
        tables[0].hAlign = "CENTER"
        return out + tables
    for i in range(0, len(tables), 2):
        pair = tables[i:i + 2]
        holder = Table([pair], hAlign="CENTER")
        holder.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
        out.append(holder)
    return out


MAX_PICTURE = (120 * mm, 70 * mm)       # width, height of a question's picture on paper
MAX_OPTION_PICTURE = (60 * mm, 35 * mm)


def picture_flowable(p, box: tuple[float, float], st):
    """A picture scaled to fit `box` (never enlarged); a picture whose file is missing or
    unreadable is named instead, so that the paper says what is missing."""
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(p.data))
        w, h = reader.getSize()
    except Exception:  # noqa: BLE001 - missing or damaged file
        return Paragraph(f"<i>[thiếu hình {plain(p.name or p.sha256[:12])}]</i>",
                         st["body_noindent"])
    scale = min(1.0, box[0] / max(w, 1), box[1] / max(h, 1))
    image = Image(io.BytesIO(p.data), width=w * scale, height=h * scale)
    image.hAlign = "LEFT"
    return image


def variant_story(heading: Heading, session: Session, variant: dict, versions: dict) -> list:
    st = styles()
    items = variant["items"]
    out: list = [CopyStart(f"Mã đề {variant['code']}"),
                 Paragraph(plain(upper_vn(heading.unit_name)), st["agency_name"]),
                 Spacer(1, 3 * mm), _code_box(variant["code"], st), Spacer(1, 2 * mm),
                 Paragraph(plain(TITLE), st["title"]), Paragraph(plain(SUBJECT), st["subject"]),
                 Paragraph(plain(session_line(session)), st["small_italic"]), Spacer(1, 4 * mm)]
    out += _identity(st)
    out.append(Paragraph(plain(INSTRUCTIONS), st["body"]))
    counts, multiple = [], []
    for n, it in enumerate(items, start=1):
        v = versions[it.version_id]
        counts.append(len(v["options"]))
        multiple.append(v["multiple"])
        block = [Paragraph(f"<b>Câu {n}.</b> {plain(v['text'])}"
                           + (" <i>(chọn nhiều phương án)</i>" if v["multiple"] else ""),
                           st["body_noindent"])]
        question_pictures, option_pictures = split(v.get("pictures") or [], it.option_order)
        block += [picture_flowable(p, MAX_PICTURE, st) for p in question_pictures]
        for k, idx in enumerate(it.option_order):
            block.append(Paragraph(f"{LETTERS[k]}. {plain(v['options'][idx])}", st["bullet"]))
            for p in option_pictures[k]:
                block += _indented(picture_flowable(p, MAX_OPTION_PICTURE, st))
        out.append(KeepTogether(block))
    out += _grid(variant["code"], len(items), counts, multiple, st)
    return out


def _indented(flowable) -> list:
    """An option's picture, indented under the option's text."""
    return [Indenter(left=12 * mm), flowable, Indenter(left=-12 * mm)]


def build_variants_pdf(path: Path | str, *, heading: Heading, session: Session,
                       variants: list[dict], versions: dict,
                       progress: Progress | None = None) -> int:
    """All variants in one file, each starting on a new page with its own page numbers.
    ``progress``: see ``pdf.template.follow_build``."""
    story: list = []
    for i, variant in enumerate(variants):
        if i:
            story.append(PageBreak())
        story += variant_story(heading, session, variant, versions)
    buf = io.BytesIO()
    doc = OfficialDocTemplate(buf, page_number_from=2, title=TITLE, author=heading.unit_name,
                              subject=session.display_title)
    follow_build(doc, progress)
    doc.build(story)
    _write(path, buf.getvalue())
    return doc.page


def build_answer_key_pdf(path: Path | str, *, heading: Heading, session: Session,
                         variants: list[dict], versions: dict,
                         progress: Progress | None = None) -> int:
    st = styles()
    story: list = [Paragraph(plain(upper_vn(heading.unit_name)), st["agency_name"]),
                   Spacer(1, 4 * mm), Paragraph("ĐÁP ÁN CÁC MÃ ĐỀ", st["title"]),
                   Paragraph(plain(session_line(session)), st["small_italic"]),
                   Paragraph("(Giữ riêng, không phát cùng đề)", st["small_italic"]),
                   Spacer(1, 4 * mm)]
    for variant in variants:
        rows = []
        for n, it in enumerate(variant["items"], start=1):
            v = versions[it.version_id]
            letters = [LETTERS[it.option_order.index(c)] for c in
                       sorted(v["correct"], key=it.option_order.index)]
            right = right_letters(v.get("kind", "single"), letters) if v.get("kind") == "any" \
                else "".join(letters)
            rows.append([str(n), right])
        per = 10
        table_rows = []
        for i in range(0, len(rows), per):
            chunk = rows[i:i + per]
            table_rows.append([f"{chunk[0][0]}–{chunk[-1][0]}", "  ".join(
                f"{n}.{a}" for n, a in chunk)])
        story.append(Paragraph(f"Mã đề {plain(variant['code'])}", st["heading"]))
        if any(versions[it.version_id].get("kind") == "any" for it in variant["items"]):
            story.append(Paragraph("Câu ghi \"B / D\": chọn một trong các phương án đó đều đúng "
                                   "(chọn hai phương án là sai).", st["small_italic"]))
        story.append(data_table(["Câu", "Đáp án"], table_rows, col_widths_mm=[20, 140]))
        story.append(Spacer(1, 4 * mm))
    buf = io.BytesIO()
    doc = OfficialDocTemplate(buf, page_number_from=2, title="Đáp án",
                              author=heading.unit_name, subject=session.display_title)
    follow_build(doc, progress)
    doc.build(story)
    _write(path, buf.getvalue())
    return doc.page
