"""Results of a training session in Excel: the list, a summary, and every attempt's answers."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop.models.quiz.coverage import STATE_VI
from desktop.models.quiz.results import PersonResult, session_summary
from desktop.models.quiz.sessions import Session

from ..xlsx_cells import put, put_row
from ..xlsx_common import TITLE_FONT, save_atomically, style_body, style_header_row
from .pdf.common import Heading, session_line, test_line
from .pdf.results import note, result_cells

HEADERS = ["STT", "Mã cán bộ", "Họ và tên", "Bộ phận", "Chức vụ", "Trạng thái", "Số lần làm",
           "Số câu đúng", "Tổng số câu", "Tỷ lệ (%)", "Kết quả", "Nộp bài lúc", "Ghi chú"]
WIDTHS = [6, 11, 26, 26, 18, 14, 10, 11, 11, 10, 13, 20, 24]
STATUS_VI = {"not_started": "Chưa làm bài", "in_progress": "Đang làm bài",
             "submitted": "Đã nộp bài"}


def _widths(ws, widths) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def write_results(path: Path, *, heading: Heading, session: Session,
                  results: list[PersonResult], evidences: list[dict] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    put(ws, 1, 1, "DANH SÁCH KẾT QUẢ KIỂM TRA NHẬN THỨC HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG")
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, f"{heading.unit_name}. {session_line(session)} {test_line(session)}")
    for c, h in enumerate(HEADERS, start=1):
        put(ws, 3, c, h)
    style_header_row(ws, 3, len(HEADERS))
    for i, r in enumerate(results, start=1):
        _score, _percent, label = result_cells(r)
        values = [i, r.staff_code, r.full_name, r.department, r.position,
                  STATUS_VI.get(r.status, r.status), r.attempts, r.score, r.max_score,
                  None if r.percent is None else round(r.percent, 2), label,
                  (r.submitted_at or "")[:16].replace("T", " "), note(r)]
        for c, v in enumerate(values, start=1):
            put(ws, 3 + i, c, v)
    style_body(ws, 4, 3 + max(len(results), 1), len(HEADERS))
    _widths(ws, WIDTHS)
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(HEADERS))}{3 + max(len(results), 1)}"

    s = session_summary(results)
    sm = wb.create_sheet("Tổng hợp")
    rows = [("Số người trong danh sách", s["listed"]), ("Có mặt", s["present"]),
            ("Đã kiểm tra", s["submitted"]), ("Đạt", s["passed"]), ("Chưa đạt", s["failed"]),
            ("Chưa kiểm tra", s["listed"] - s["submitted"]),
            ("Tỷ lệ đúng trung bình (%)",
             None if s["mean_percent"] is None else round(s["mean_percent"], 2)),
            ("Chuyên gia tư vấn", session.consultant),
            (f"Đại diện {heading.team_name}", session.iso_representative)]
    put_row(sm, 1, ["Chỉ tiêu", "Giá trị"])
    for r, row in enumerate(rows, start=2):
        put_row(sm, r, row)
    style_header_row(sm, 1, 2)
    style_body(sm, 2, 1 + len(rows), 2)
    _widths(sm, [34, 30])

    if evidences:
        ev = wb.create_sheet("Bài làm")
        head = ["Mã cán bộ", "Họ và tên", "Lần", "Câu", "Nội dung câu hỏi", "Đã chọn", "Đáp án",
                "Đúng/Sai", "Đánh dấu xem lại"]
        put_row(ev, 1, head)
        n = 0
        for e in evidences:
            for it in e["items"]:
                n += 1
                put_row(ev, 1 + n, [e["staff_code"], e["full_name"], e["number"],
                                    it["position"], it["text"], it["chosen"], it["right"],
                                    "Đúng" if it["correct"] else "Sai",
                                    "Có" if it["flagged"] else ""])
        style_header_row(ev, 1, len(head))
        style_body(ev, 2, 1 + max(n, 1), len(head))
        _widths(ev, [11, 24, 6, 6, 60, 10, 10, 10, 10])
        ev.freeze_panes = "A2"
    return save_atomically(wb, Path(path))


COVERAGE_HEADERS = ["STT", "Mã cán bộ", "Họ và tên", "Bộ phận", "Chức vụ", "Số buổi đã dự",
                    "Số lần kiểm tra", "Tỷ lệ cao nhất (%)", "Tình trạng", "Buổi gần nhất"]


def write_coverage(path: Path, rows: list, unit_name: str = "") -> Path:
    """The roster's training and test coverage (rows: `coverage.CoverageRow`)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Bao phu"
    put(ws, 1, 1, "TÌNH HÌNH TẬP HUẤN VÀ KIỂM TRA NHẬN THỨC ISO CỦA CÁN BỘ")
    ws["A1"].font = TITLE_FONT
    put(ws, 2, 1, unit_name)
    for c, h in enumerate(COVERAGE_HEADERS, start=1):
        put(ws, 3, c, h)
    style_header_row(ws, 3, len(COVERAGE_HEADERS))
    for i, r in enumerate(rows, start=1):
        last = "/".join(reversed(r.last_date.split("-"))) if r.last_date else ""
        values = [i, r.staff_code, r.full_name, r.department, r.position, r.sessions_attended,
                  r.attempts, None if r.best_percent is None else round(r.best_percent, 2),
                  STATE_VI.get(r.state, r.state)
                  + (f" ({r.exempt_reason})" if r.state == "exempt" and r.exempt_reason else ""),
                  last]
        for c, v in enumerate(values, start=1):
            put(ws, 3 + i, c, v)
    style_body(ws, 4, 3 + max(len(rows), 1), len(COVERAGE_HEADERS))
    _widths(ws, [6, 11, 26, 26, 18, 10, 10, 12, 20, 13])
    ws.freeze_panes = "A4"
    return save_atomically(wb, Path(path))
