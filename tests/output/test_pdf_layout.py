"""The shared PDF layer: fonts, the Nghị định 30 layout, page template, tables. Real PDFs are
built and read back with pypdf."""
from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # lets the file run on its own from a source checkout
    sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import KeepTogether, Paragraph  # noqa: E402

from desktop.output.pdf import (  # noqa: E402
    PageSetup,
    SignatureBox,
    build_copies,
    build_official_pdf,
    build_with_page_count,
    data_table,
    doc_number,
    format_place_date,
    header_block,
    qr_flowable,
    recipients_block,
    register_fonts,
    selftest_pdf,
    signature_block,
    signature_parts,
    styles,
    title_block,
    vietnamese_letters,
    vn_date,
    vn_datetime,
)
from desktop.output.pdf import fonts as fonts_module  # noqa: E402
from desktop.output.pdf.tables import auto_widths, numeric_columns  # noqa: E402

SETUP = PageSetup()
PAGE_W, PAGE_H = SETUP.pagesize
LOREM = (
    "Đơn vị tư vấn hướng dẫn cán bộ, công chức, viên chức về chính sách chất lượng, mục tiêu "
    "chất lượng và trách nhiệm của từng người trong hệ thống quản lý chất lượng. "
)


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch):
    monkeypatch.setenv("ISODESK_PDF_FONT", "liberation")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def page_texts(data: bytes | Path) -> list[str]:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return [nfc(p.extract_text() or "") for p in reader.pages]


def positioned_text(page) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text run on a page, in page coordinates."""
    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        runs.append((nfc(text.strip()), x, y))

    page.extract_text(visitor_text=visit)
    return runs


def in_top_margin(runs, text):
    top = PAGE_H - SETUP.top
    return [(t, x, y) for t, x, y in runs if t == text and top < y < PAGE_H]


def header():
    return header_block("BHXH tỉnh Thanh Hóa", "BHXH huyện Ngọc Lặc", doc_number(5),
                        "Ngọc Lặc", date(2026, 1, 5))


def long_story(paragraphs: int = 40) -> list:
    st = styles()
    story = header() + title_block("Biên bản", "Làm việc về đào tạo nhận thức ISO 9001:2015")
    story += [Paragraph(f"{i}. {LOREM * 3}", st["body"]) for i in range(paragraphs)]
    return story


def build_bytes(story, **kw) -> tuple[bytes, int]:
    buf = io.BytesIO()
    pages = build_official_pdf(buf, story, **kw)
    return buf.getvalue(), pages


# --- fonts -----------------------------------------------------------------------------------


def test_bundled_font_is_registered_once():
    first = register_fonts()
    assert first.source == "Liberation Serif"
    assert register_fonts() is first
    assert len({first.regular, first.bold, first.italic, first.bold_italic}) == 4
    assert first.family == first.regular


def test_vietnamese_letter_set():
    lower, upper = vietnamese_letters()
    assert len(lower) == len(set(lower)) == 67
    assert len(upper) == len(set(upper)) == 67
    assert "đ" in lower and "Đ" in upper and "ỹ" in lower and "Ự" in upper
    assert nfc(lower) == lower


def test_times_new_roman_is_found_in_a_fonts_folder(tmp_path):
    for name in ("TIMES.TTF", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        (tmp_path / name).write_bytes(b"")
    found = fonts_module.find_times_new_roman([tmp_path / "missing", tmp_path])
    assert found is not None
    assert found["regular"].name == "TIMES.TTF"
    assert found["bold_italic"].name == "timesbi.ttf"
    (tmp_path / "timesbi.ttf").unlink()
    assert fonts_module.find_times_new_roman([tmp_path]) is None


def test_fonts_are_embedded(tmp_path):
    path = tmp_path / "selftest.pdf"
    selftest_pdf(path)
    reader = PdfReader(path)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 3  # regular, bold, italic at least
    for ref in fonts.values():
        font = ref.get_object()
        assert "Liberation" in font["/BaseFont"]
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        assert "/ToUnicode" in font


def test_every_vietnamese_letter_comes_back_from_the_pdf(tmp_path):
    path = tmp_path / "selftest.pdf"
    text = selftest_pdf(path)
    lower, upper = vietnamese_letters()
    assert set(lower + upper) <= set(text)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    extracted = nfc(reader.pages[0].extract_text())
    missing = [ch for ch in lower + upper if ch not in extracted]
    assert missing == []
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in extracted
    assert "Độc lập - Tự do - Hạnh phúc" in extracted


# --- dates and numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 5), "Ngọc Lặc, ngày 05 tháng 01 năm 2026"),
        (date(2026, 11, 15), "Ngọc Lặc, ngày 15 tháng 11 năm 2026"),
        (date(2026, 3, 3), "Ngọc Lặc, ngày 03 tháng 3 năm 2026"),
        (date(2026, 2, 28), "Ngọc Lặc, ngày 28 tháng 02 năm 2026"),
        (date(2025, 10, 9), "Ngọc Lặc, ngày 09 tháng 10 năm 2025"),
    ],
)
def test_place_and_date_line(day, expected):
    assert format_place_date("Ngọc Lặc", day) == expected


def test_date_line_without_place():
    assert format_place_date("  ", date(2026, 1, 5)) == "Ngày 05 tháng 01 năm 2026"


def test_short_dates_and_numbers():
    assert vn_date(date(2026, 1, 5)) == "05/01/2026"
    assert vn_date(datetime(2026, 12, 25, 8, 0)) == "25/12/2026"
    assert vn_datetime(datetime(2026, 1, 5, 16, 32)) == "05/01/2026 16:32"
    assert doc_number(5) == "05/BB-BHXH"
    assert doc_number(123, "BC", "BHXH") == "123/BC-BHXH"


# --- page template ---------------------------------------------------------------------------


def test_header_and_title_text(tmp_path):
    st = styles()
    story = header() + title_block("Biên bản", "Làm việc với Tổ triển khai ISO")
    story.append(Paragraph("Nội dung <b>đậm</b> và <i>nghiêng</i>.", st["body"]))
    data, pages = build_bytes(story, title="Biên bản 05", author="ISO Desk")
    assert pages == 1
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Biên bản 05"
    text = nfc(reader.pages[0].extract_text())
    for part in ("BHXH TỈNH THANH HÓA", "BHXH HUYỆN NGỌC LẶC", "Số: 05/BB-BHXH",
                 "Ngọc Lặc, ngày 05 tháng 01 năm 2026", "BIÊN BẢN",
                 "Làm việc với Tổ triển khai ISO", "đậm", "nghiêng"):
        assert part in text
    # Left column (agency) left of the right column (national name), on the same band.
    runs = positioned_text(reader.pages[0])
    agency = next(r for r in runs if "BHXH HUYỆN" in r[0])
    national = next(r for r in runs if "CỘNG HÒA" in r[0])
    assert agency[1] < national[1]
    assert abs(agency[2] - national[2]) < 25
    assert national[2] > PAGE_H - SETUP.top - 30


def test_long_agency_names_break_into_balanced_lines():
    story = header_block("Bảo hiểm xã hội tỉnh Lam Giang", "Bảo hiểm xã hội huyện Sông Trà",
                         doc_number(1), "Sông Trà", date(2026, 10, 11))
    data, _ = build_bytes(story)
    lines = [line.strip() for line in page_texts(data)[0].splitlines()]
    assert lines[:4] == ["BẢO HIỂM XÃ HỘI", "TỈNH LAM GIANG", "BẢO HIỂM XÃ HỘI",
                         "HUYỆN SÔNG TRÀ"]


def test_page_numbers_from_the_second_page():
    data, pages = build_bytes(long_story(20))
    assert pages >= 3
    reader = PdfReader(io.BytesIO(data))
    first = positioned_text(reader.pages[0])
    top = PAGE_H - SETUP.top
    assert [r for r in first if r[2] > top] == []
    for index in (1, 2):
        runs = positioned_text(reader.pages[index])
        numbers = in_top_margin(runs, str(index + 1))
        assert len(numbers) == 1
        x = numbers[0][1]
        centre = SETUP.left + SETUP.text_width / 2
        assert abs(x - centre) < 10  # drawn centred on the text column


def test_watermark_on_every_page():
    data, pages = build_bytes(long_story(12), watermark="BẢN NHÁP")
    assert pages >= 2
    assert all("BẢN NHÁP" in t for t in page_texts(data))
    plain_data, _ = build_bytes(long_story(12))
    assert not any("BẢN NHÁP" in t for t in page_texts(plain_data))


def test_copy_mark_on_the_first_page_top_right():
    data, pages = build_bytes(long_story(12), copy_mark="Bản số 1/3 — Lưu tại BHXH tỉnh")
    reader = PdfReader(io.BytesIO(data))
    runs = positioned_text(reader.pages[0])
    marks = [r for r in runs if "Bản số 1/3" in r[0]]
    assert len(marks) == 1
    assert marks[0][2] > PAGE_H - SETUP.top and marks[0][1] > PAGE_W / 2
    # the following pages carry the copy's number only, small, top right
    for page, text in zip(reader.pages[1:], page_texts(data)[1:]):
        assert "Lưu tại BHXH tỉnh" not in text
        runs = [r for r in positioned_text(page) if "Bản số 1/3" in r[0]]
        assert len(runs) == 1 and runs[0][2] > PAGE_H - SETUP.top and runs[0][1] > PAGE_W / 2


def minutes(n: int, paragraphs: int = 25) -> list:
    st = styles()
    story = long_story(paragraphs)
    story.append(Paragraph(
        f"Biên bản này gồm {n:02d} trang, được lập thành 03 bản có giá trị như nhau.",
        st["body"]))
    story.append(signature_block(
        SignatureBox("Người lập biên bản", name="Nguyễn Văn A"),
        SignatureBox("Đại diện Tổ triển khai ISO", name="Trần Thị B")))
    return story


def test_build_with_page_count_states_the_real_count(tmp_path):
    path = tmp_path / "bb.pdf"
    seen: list[int] = []

    def make(n):
        seen.append(n)
        return minutes(n)

    pages = build_with_page_count(path, make, watermark="BẢN NHÁP")
    texts = page_texts(path)
    assert pages == len(texts) >= 3
    assert f"Biên bản này gồm {pages:02d} trang" in "".join(texts).replace("\n", " ")
    assert len(seen) <= 3 and seen[-1] == pages


def test_build_with_page_count_into_a_buffer():
    buf = io.BytesIO()
    pages = build_with_page_count(buf, lambda n: minutes(n, paragraphs=2))
    assert pages == 1 == len(PdfReader(io.BytesIO(buf.getvalue())).pages)


def test_three_copies_in_one_file(tmp_path):
    single = build_with_page_count(io.BytesIO(), minutes)
    path = tmp_path / "copies.pdf"
    marks = [f"Bản số {i}/3 — {where}" for i, where in
             enumerate(["Lưu tại BHXH tỉnh", "Lưu tại đơn vị tư vấn", "Gửi BHXH Việt Nam"], 1)]
    total = build_copies(path, minutes, marks)
    reader = PdfReader(path)
    assert total == len(reader.pages) == 3 * single
    texts = [nfc(p.extract_text()) for p in reader.pages]
    for copy in range(3):
        first = copy * single
        assert f"Bản số {copy + 1}/3" in texts[first]
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[first]
        assert sum(f"Bản số {copy + 1}/3" in t for t in texts) == single  # each of its pages
        assert sum(marks[copy] in t.replace("\n", " ") for t in texts) == 1  # the first only
        assert f"Biên bản này gồm {single:02d} trang" in " ".join(
            texts[first:first + single]).replace("\n", " ")
        # Numbering restarts: none on the copy's first page, then 2, 3, ...
        top = PAGE_H - SETUP.top
        first_runs = positioned_text(reader.pages[first])
        assert [r for r in first_runs if r[2] > top and r[0].isdigit()] == []
        for k in range(1, single):
            runs = positioned_text(reader.pages[first + k])
            assert len(in_top_margin(runs, str(k + 1))) == 1


# --- robustness --------------------------------------------------------------------------------


def test_very_long_word_and_forty_pages():
    st = styles()
    word = "Không" + "x" * 3000
    story = header() + [Paragraph(word, st["body"]), Paragraph(word, st["bullet"])]
    story.append(data_table(["STT", "Nội dung"], [["1", word], ["2", "ngắn"]]))
    story += [Paragraph(LOREM * 4, st["body"]) for _ in range(280)]
    data, pages = build_bytes(story)
    assert pages >= 40
    assert len(PdfReader(io.BytesIO(data)).pages) == pages


def test_table_cell_taller_than_a_page_splits():
    rows = [["1", LOREM * 60, "8,5"], ["2", "Lê Văn C", "10"]]
    data, pages = build_bytes([data_table(["STT", "Nội dung", "Điểm"], rows)])
    assert pages >= 2


def test_signature_block_is_not_split():
    st = styles()
    confirmation = ["Đã xác nhận điện tử: Nguyễn Văn A", "Ý nghĩa: Người lập biên bản",
                    f"Lúc: {vn_datetime(datetime(2026, 1, 5, 16, 32))}", "Khóa: 3F2A-91C0-77AB"]
    moved = 0
    # Push the block further down the page each time, past the bottom of page 1.
    for filler in range(3, 12):
        story = long_story(0) + [Paragraph(LOREM * 2, st["body"]) for _ in range(filler)]
        story.append(signature_block(
            SignatureBox("Người lập biên bản", name="Nguyễn Văn A", confirmation=confirmation),
            SignatureBox("Đại diện Tổ triển khai ISO", name="Trần Thị B"),
            recipients=["BHXH tỉnh Thanh Hóa", "Đơn vị tư vấn"]))
        data, _ = build_bytes(story)
        texts = page_texts(data)
        holding = [i for i, t in enumerate(texts) if "NGƯỜI LẬP BIÊN BẢN" in t]
        assert len(holding) == 1
        page = texts[holding[0]]
        for part in ("Nguyễn Văn A", "Trần Thị B", "(Ký, ghi rõ họ tên)",
                     "Lúc: 05/01/2026 16:32", "Khóa: 3F2A-91C0-77AB", "Nơi nhận:",
                     "- Lưu: VT, Hồ sơ."):
            assert part in page
        moved += holding[0] > 0
    assert moved > 0


def test_recipients_and_signature_at_the_bottom():
    story = header() + [signature_block(
        None, SignatureBox("Giám đốc", None, "Lê Văn C"),
        recipients=["BHXH tỉnh (để b/c);", "- Đơn vị tư vấn"])]
    data, _ = build_bytes(story)
    text = page_texts(data)[0]
    assert "Nơi nhận:" in text
    assert "- BHXH tỉnh (để b/c);" in text
    assert "- Đơn vị tư vấn;" in text
    assert "- Lưu: VT, Hồ sơ." in text
    assert "GIÁM ĐỐC" in text and "Lê Văn C" in text


def test_recipients_block_adds_the_archive_line_once():
    def lines(items):
        return [p.text for p in recipients_block(items)]

    assert lines(["BHXH tỉnh"]) == ["Nơi nhận:", "- BHXH tỉnh;", "- Lưu: VT, Hồ sơ."]
    assert lines(["- Lưu: VT, TCCB;", "BHXH tỉnh."]) == [
        "Nơi nhận:", "- BHXH tỉnh;", "- Lưu: VT, TCCB."]
    assert lines([]) == ["Nơi nhận:", "- Lưu: VT, Hồ sơ."]


def test_data_table_repeats_its_header_and_aligns_numbers():
    rows = [[str(i), f"Nguyễn Văn Người {i}", "Chuyên viên", f"{i % 10},5"]
            for i in range(1, 80)]
    table = data_table(["STT", "Họ và tên", "Chức danh", "Điểm"], rows, zebra=True)
    assert numeric_columns(rows, 4) == [True, False, False, True]
    data, pages = build_bytes([table])
    assert pages >= 2
    texts = page_texts(data)
    assert all("Họ và tên" in t for t in texts)
    reader = PdfReader(io.BytesIO(data))
    runs = positioned_text(reader.pages[0])
    name = next(r for r in runs if r[0] == "Nguyễn Văn Người 1")
    score = next(r for r in runs if r[0] == "1,5")
    assert score[1] > name[1]
    # Right-aligned: the score's text ends near the table's right edge.
    right_edge = SETUP.left + SETUP.text_width
    assert right_edge - 25 < score[1] < right_edge


def test_auto_widths_fill_the_text_width():
    rows = [["1", LOREM, "Chuyên viên", "0912 345 678"]]
    widths = auto_widths(["STT", "Nội dung", "Chức danh", "Điện thoại"], rows, 165 * mm)
    assert sum(widths) == pytest.approx(165 * mm)
    assert widths[0] < widths[1] and widths[2] < widths[1]
    given = data_table(["A", "B"], [["x", "y"]], col_widths_mm=[40, 60])
    assert given._colWidths == pytest.approx([40 * mm, 60 * mm])


def test_qr_code_is_drawn():
    drawing = qr_flowable("isodesk:bb:05/BB-BHXH:3F2A91C0", size_mm=22)
    assert drawing.width == pytest.approx(22 * mm)
    data, pages = build_bytes(header() + [drawing])
    assert pages == 1
    reader = PdfReader(io.BytesIO(data))
    names = [f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert all("Liberation" in n for n in names)


def test_no_qt_import():
    code = (
        "import sys; import desktop.output.pdf as p; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_signatures_kept_with_the_closing_lines_share_the_page_when_there_is_room():
    """A KeepTogether nested in another always claims to be too tall and forces a new page:
    `signature_parts` gives the flowables to keep together with more."""
    st = styles()
    box = SignatureBox(title="NGƯỜI LẬP BIÊN BẢN", name="Đỗ Minh Khôi")
    closing = [Paragraph("Biên bản kết thúc vào hồi 11 giờ 30.", st["body"]),
               *signature_parts(box, SignatureBox(title="ĐẠI DIỆN TỔ TRIỂN KHAI ISO",
                                                  name="Lê Thị Thu Hà"))]
    story = header() + [Paragraph("Nội dung ngắn.", st["body"]), KeepTogether(closing)]
    data, pages = build_bytes(story)
    assert pages == 1
    assert "Lê Thị Thu Hà" in nfc(page_texts(data)[0])
