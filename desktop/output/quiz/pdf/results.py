"""The results list of a training session, in the official layout (Nghị định 30/2020), with the
places where the ISO team's representative and the consultant sign."""
from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Paragraph

from desktop.models.quiz.results import PersonResult, session_summary
from desktop.models.quiz.sessions import Session

from ...pdf import (SignatureBox, build_with_page_count, data_table, header_block, plain,
                   signature_block, styles, title_block)
from .common import Heading, session_line, test_line, vn_number

TITLE = "DANH SÁCH"
SUBJECT = ("Kết quả kiểm tra nhận thức về hệ thống quản lý chất lượng theo tiêu chuẩn "
           "TCVN ISO 9001:2015")
HEADERS = ["STT", "Họ và tên", "Mã CB", "Bộ phận", "Số câu đúng", "Tỷ lệ (%)", "Kết quả",
           "Ghi chú"]
WIDTHS_MM = [12, 40, 15, 30, 16, 14, 19, 19]


def result_cells(r: PersonResult) -> tuple[str, str, str]:
    if r.passed is None:
        label = "Vắng" if not r.present else "Chưa kiểm tra"
        return "", "", label
    return (f"{r.score}/{r.max_score}", vn_number(r.percent),
            "Đạt" if r.passed else "Chưa đạt")


def note(r: PersonResult) -> str:
    parts = []
    if r.mode == "paper":
        parts.append("Làm trên giấy")
    if r.attempts > 1:
        parts.append(f"Làm {r.attempts} lần")
    if r.added_at_kiosk:
        parts.append("Bổ sung tại phòng thi")
    if r.status == "in_progress":
        parts.append("Đang làm bài")
    return "; ".join(parts)


def build_results_pdf(path: Path | str, *, heading: Heading, session: Session,
                      results: list[PersonResult], number: str | None = None) -> int:
    """Write the results list; returns its page count."""
    st = styles()
    summary = session_summary(results)
    rows = []
    for i, r in enumerate(results, start=1):
        score, percent, label = result_cells(r)
        rows.append([str(i), r.full_name, r.staff_code, r.department, score, percent, label,
                     note(r)])

    def story(pages: int) -> list:
        out = header_block(heading.parent_name, heading.unit_name, number, heading.place,
                           session.day)
        out += title_block(TITLE, SUBJECT)
        out.append(Paragraph(plain(session_line(session)), st["body"]))
        if session.consultant:
            who = session.consultant + (f" ({session.consultant_org})"
                                        if session.consultant_org else "")
            out.append(Paragraph(plain(f"Chuyên gia tư vấn hướng dẫn và phối hợp kiểm tra: {who}."),
                                 st["body"]))
        out.append(Paragraph(plain(test_line(session)), st["body"]))
        out.append(data_table(HEADERS, rows, col_widths_mm=WIDTHS_MM, zebra=False))
        total = (f"Tổng số: {summary['listed']} người; đã kiểm tra: {summary['submitted']}; "
                 f"đạt: {summary['passed']}; chưa đạt: {summary['failed']}; chưa kiểm tra: "
                 f"{summary['listed'] - summary['submitted']}.")
        out.append(Paragraph("", st["body"]))
        out.append(Paragraph(plain(total), st["body"]))
        out.append(Paragraph(plain(f"Danh sách này gồm {pages} trang."), st["body"]))
        out.append(signature_block(
            SignatureBox(f"ĐẠI DIỆN {heading.team_name.upper()}",
                         name=session.iso_representative),
            SignatureBox("CHUYÊN GIA TƯ VẤN", name=session.consultant)))
        return out

    return build_with_page_count(path, story, title=f"{TITLE} — {SUBJECT}",
                                 author=heading.unit_name, subject=session.display_title)
