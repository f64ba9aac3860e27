"""A long yearly report read back: its appendix tables run over many pages, each page of a table
opens with the table's header, every row's text is there once in Vietnamese, and the pages are
the ones reportlab's own table drawing makes — the same page count, text and pixels."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.platypus import Table

from desktop.output.iso.annual_report import write_pdf_report
from desktop.output.pdf import tables
from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.report_data import build_report
from desktop.models.staff import StaffRepository

STAFF = 260
DOCUMENTS = 90
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ"]
MIDDLE = ["Thị Ánh", "Văn", "Hoàng", "Quốc", "Thị Mỹ", "Đức"]
GIVEN = ["Tuyết", "Hưng", "Yến", "Dung", "Thành", "Hà", "Nhung", "Khôi", "Tâm"]
DEPARTMENTS = ["Tổ Hành chính - Tổng hợp", "Bộ phận Tiếp nhận và trả kết quả thủ tục hành chính",
               "Tổ Quản lý thu"]


@pytest.fixture
def long_report(store, today):
    staff = StaffRepository(store)
    for i in range(STAFF):
        staff.add({"staff_code": f"CB{i:04d}", "full_name": _name(i),
                   "department": DEPARTMENTS[i % 3]})
    docs = DocumentRepository(store)
    for i in range(DOCUMENTS):   # titles of one to three lines in their column
        docs.add({"code": f"QT-{i:03d}", "kind": "internal_procedure",
                  "title": f"Quy trình {i} " + "giải quyết hồ sơ bảo hiểm xã hội " * (i % 4)})
    return build_report(store, 2026, today=today)


def _name(i: int) -> str:   # every one different, for STAFF ≤ 270
    return f"{FAMILY[i % 5]} {MIDDLE[i // 5 % 6]} {GIVEN[i // 30 % 9]}"


def _render(data) -> tuple[int, bytes]:
    buf = io.BytesIO()
    pages = write_pdf_report(buf, data)
    return pages, buf.getvalue()


def _texts(pdf: bytes) -> list[str]:
    return [unicodedata.normalize("NFC", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_page_of_a_long_table_has_its_header_and_every_row_is_there(long_report):
    pages, pdf = _render(long_report)
    texts = _texts(pdf)
    assert len(texts) == pages > 10
    staff_pages = [t for t in texts if "Mã cán bộ" in t]
    doc_pages = [t for t in texts if re.search(r"QT-\d{3}", t)]
    assert len(staff_pages) >= 5 and len(doc_pages) >= 3
    for t in staff_pages:     # the header row heads every page of the staff table
        assert re.search(r"TT\s+Mã cán bộ\s+Họ và tên\s+Phòng/Bộ phận", t), t[:200]
    for t in doc_pages:
        assert re.search(r"TT\s+Mã\s+Tên tài liệu\s+Phiên\s*bản", t), t[:200]
    whole = _words(" ".join(texts))
    for i in range(STAFF):
        assert len(re.findall(rf"\bCB{i:04d} {_name(i)}\b", whole)) == 1, i
    for i in range(DOCUMENTS):   # a wrapped title reads back whole, in its own words
        title = _words(f"Quy trình {i} " + "giải quyết hồ sơ bảo hiểm xã hội " * (i % 4))
        assert f"QT-{i:03d} {title}" in whole, i
    assert "Bộ phận Tiếp nhận và trả kết quả thủ tục hành chính" in whole


def test_the_same_pages_text_and_pixels_as_reportlabs_own_table_drawing(long_report, monkeypatch,
                                                                       qapp):
    from tests.output.test_table_speed import _images

    pages, pdf = _render(long_report)
    with monkeypatch.context() as m:
        m.setattr(tables, "DrawnTable", Table)
        old_pages, old = _render(long_report)
    assert pages == old_pages
    for a, b in zip(_texts(old), _texts(pdf)):
        assert b.split() == a.split()
    new_images, old_images = _images(pdf), _images(old)
    assert len(new_images) == len(old_images) == pages
    assert [i for i, (a, b) in enumerate(zip(old_images, new_images)) if a != b] == []
