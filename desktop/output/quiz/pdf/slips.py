"""A result slip per person: the score and result, and every question with the option chosen and
the right one (the attempt's answers as evidence), one person per page. A slip printed while the
person's test still runs (the room takes it in browsers while the proctor prints) shows what was
chosen so far, never the right answers."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.models.progress import Progress
from desktop.models.quiz.kiosk import machine_phrase
from desktop.models.quiz.sessions import Session

from ...pdf import (SignatureBox, build_official_pdf, data_table, plain, register_fonts,
                   signature_block, styles)
from ...pdf.official import upper_vn
from .common import Heading, session_line, vn_number

TITLE = "PHIẾU KẾT QUẢ KIỂM TRA NHẬN THỨC"
SUBJECT = "về hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015"


def _heading(heading: Heading, st) -> Table:
    left = [Paragraph(plain(upper_vn(heading.parent_name)), st["agency_parent"]),
            Paragraph(plain(upper_vn(heading.unit_name)), st["agency_name"])]
    table = Table([[left]], colWidths=[95 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def slip_story(heading: Heading, session: Session, evidence: dict) -> list:
    st = styles()
    out: list = [_heading(heading, st), Spacer(1, 6 * mm),
                 Paragraph(plain(TITLE), st["title"]), Paragraph(plain(SUBJECT), st["subject"]),
                 Spacer(1, 5 * mm)]
    e = evidence
    lines = [f"Họ và tên: {e['full_name']}\u00a0\u00a0·\u00a0\u00a0Mã cán bộ: {e['staff_code']}",
             f"Bộ phận: {e['department'] or '—'}", session_line(session)]
    if e["status"] == "submitted":
        result = "ĐẠT" if e["passed"] else "CHƯA ĐẠT"
        lines.append(f"Kết quả: đúng {e['score']}/{e['max_score']} câu "
                     f"({vn_number(e['percent'])}%) — {result}.")
    else:                       # still running (a room in browsers): no key, no marks
        lines.append("Bài làm chưa nộp: phiếu chưa ghi đáp án và kết quả.")
    if e["mode"] == "paper":
        how = "làm trên giấy, mã đề " + (e["variant"] or "")
    elif e.get("channel") == "web":
        how = f"làm qua mạng nội bộ: {e['kiosk'] or 'trình duyệt'}"
    else:
        how = f"làm trên {machine_phrase(e['kiosk'])}"
    lines.append(f"Lần làm bài: {e['number']} ({how}).")
    out += [Paragraph(plain(t), st["body_noindent"]) for t in lines]
    done = e["status"] == "submitted"
    rows = [[str(i["position"]), i["chosen"] or "—", i["right"] if done else "—",
             ("Đúng" if i["correct"] else "Sai") if done else "—"] for i in e["items"]]
    half = (len(rows) + 1) // 2
    headers = ["Câu", "Đã chọn", "Đáp án", "Kết quả"]
    left = data_table(headers, rows[:half], col_widths_mm=[12, 22, 22, 20])
    parts = [left]
    if rows[half:]:
        parts.append(data_table(headers, rows[half:], col_widths_mm=[12, 22, 22, 20]))
    grid = Table([parts], colWidths=[82 * mm] * len(parts), hAlign="CENTER")
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 2),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    out += [Spacer(1, 3 * mm), grid]
    out.append(signature_block(SignatureBox("NGƯỜI DỰ KIỂM TRA", name=e["full_name"]),
                               SignatureBox("CHUYÊN GIA TƯ VẤN", name=session.consultant)))
    return out


def build_slips_pdf(path: Path | str, *, heading: Heading, session: Session,
                    evidences: list[dict], progress: Progress | None = None) -> int:
    """One page per attempt given (usually each person's result attempt). ``progress``: see
    ``pdf.template.follow_build``."""
    register_fonts()
    story: list = []
    for i, e in enumerate(evidences):
        if i:
            story.append(PageBreak())
        story += slip_story(heading, session, e)
    if not story:
        story = [Paragraph("Chưa có bài làm nào.", styles()["body"])]
    return build_official_pdf(path, story, page_number_from=None, title=TITLE,
                              author=heading.unit_name, subject=session.display_title,
                              progress=progress)
