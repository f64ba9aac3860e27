"""Long tables are drawn fast (one-line cells without a Paragraph, rows measured once) and look
exactly as they did: the same pages, the same text and the same pixels as Paragraph cells that the
Table measures itself at every page break."""
from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate, Table

from desktop.output.pdf import PageSetup, data_table, register_fonts
from desktop.output.pdf import tables
from desktop.output.pdf.official import plain

HEADERS = ["STT", "Mã", "Tên tài liệu, quy trình", "Số lượng", "Ghi chú"]


def _rows(n: int) -> list[list[str]]:
    out = []
    for i in range(n):
        note = ["", "Đã ban hành", "Thay thế bởi phiên bản 02, kèm theo quyết định số 12/QĐ-BHXH "
                "ngày 05/01/2026 của Giám đốc", "dòng một\ndòng hai", "có\u00a0khoảng trắng liền",
                unicodedata.normalize("NFD", "Kiểm soát hồ sơ"), "  khoảng   trắng  thừa  ",
                "Từ-rất-dài-không-có-khoảng-trắng-nào-để-xuống-dòng-được-cả-đâu"][i % 8]
        out.append([str(i + 1), f"QT-{i:04d}", f"Quy trình giải quyết hồ sơ số {i}",
                    f"{i * 1000:,}".replace(",", "."), note])
    return out


def _pdf(monkeypatch=None, *, old: bool = False) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    if old:  # Paragraph in every cell, heights left to the Table (as before)
        from reportlab.platypus import Paragraph

        monkeypatch.setattr(tables, "cell", lambda text, style, width: Paragraph(plain(text),
                                                                                 style))
        monkeypatch.setattr(tables, "GIVE_HEIGHTS", False)
        monkeypatch.setattr(tables, "DrawnTable", Table)   # reportlab draws every cell
    setup = PageSetup()
    doc = SimpleDocTemplate(buf, pagesize=setup.pagesize, leftMargin=setup.left,
                            rightMargin=setup.right, topMargin=setup.top,
                            bottomMargin=setup.bottom)
    doc.build([data_table(HEADERS, _rows(240), zebra=True)])
    return buf.getvalue()


def _images(data: bytes) -> list[bytes]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    raw = QByteArray(data)
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    out = []
    for page in range(doc.pageCount()):
        size = doc.pagePointSize(page)
        image = doc.render(page, QSize(int(size.width() * 1.5), int(size.height() * 1.5)))
        out.append(bytes(image.constBits()))
    doc.close()
    return out


@pytest.fixture
def both(monkeypatch):
    new = _pdf()
    with monkeypatch.context() as m:
        old = _pdf(m, old=True)
    return old, new


def test_same_pages_and_text(both):
    old, new = (PdfReader(io.BytesIO(x)) for x in both)
    assert len(new.pages) == len(old.pages) > 3
    for a, b in zip(old.pages, new.pages):  # pypdf guesses the spaces between text objects
        assert b.extract_text().split() == a.extract_text().split()


def test_same_pixels(both, qapp):
    old, new = (_images(x) for x in both)
    assert len(old) == len(new)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == []


def test_one_line_cells_skip_the_paragraph():
    st = tables.styles()["table_cell"]
    assert isinstance(tables.cell("Đã ban hành", st, 200), tables.LineCell)
    for text in ("dòng một\ndòng hai", "có\u00a0khoảng", "", "một câu rất dài " * 20):
        assert not isinstance(tables.cell(text, st, 200), tables.LineCell)


def test_a_long_table_is_split_in_time_proportional_to_its_length(monkeypatch):
    """Every Table made while a long table is laid out (the page's parts and reportlab's own
    splits of them) together hold a few times the table's rows (each row is in about five),
    not rows × pages (for 1,600 rows over 90 pages, some 70,000)."""
    made = []
    real = tables.DrawnTable

    class Counting(real):
        def __init__(self, data, *a, **k):
            made.append(len(data))
            super().__init__(data, *a, **k)

    monkeypatch.setattr(tables, "DrawnTable", Counting)
    register_fonts()
    setup = PageSetup()
    for n in (400, 1600):
        made.clear()
        doc = SimpleDocTemplate(io.BytesIO(), pagesize=setup.pagesize)
        table = data_table(HEADERS, _rows(n))
        assert isinstance(table, tables.PagedTable)
        doc.build([table])
        assert sum(made) < 6 * n, (n, sum(made), len(made))


def test_a_wrapped_or_empty_cell_is_the_paragraph_the_markup_parser_makes():
    from reportlab.platypus import Paragraph

    for name in ("table_cell", "table_cell_right", "table_head"):
        st = tables.styles()[name]
        for text in ("", "Quy trình giải quyết hồ sơ bảo hiểm xã hội " * 3,
                     "A & B <không> phải thẻ " * 4, unicodedata.normalize("NFD", "Thay thế bởi phiên bản 02 ") * 4):
            made = tables.cell(text, st, 60)
            parsed = Paragraph(plain(text), st)
            assert [f.__dict__ for f in made.frags] == [f.__dict__ for f in parsed.frags]
            assert made.wrap(54, 1e9) == parsed.wrap(54, 1e9)
            assert made.text == parsed.text
            assert _lines(made) == _lines(parsed) and (len(_lines(made)) > 1 or not text)


def _lines(p) -> list[tuple]:
    return [line if isinstance(line, tuple) else (line.extraSpace, [w.text for w in line.words])
            for line in p.blPara.lines]


def _invariant_pdf(rows: int) -> bytes:
    """The table's PDF with reportlab's invariant output (no dates, no random ids): the same
    drawing gives the same bytes."""
    register_fonts()
    buf = io.BytesIO()
    setup = PageSetup()
    doc = SimpleDocTemplate(buf, pagesize=setup.pagesize, leftMargin=setup.left,
                            rightMargin=setup.right, topMargin=setup.top,
                            bottomMargin=setup.bottom, invariant=1)
    doc.build([data_table(HEADERS, _rows(rows), zebra=True)])
    return buf.getvalue()


def test_the_styles_worked_out_once_draw_what_styles_applied_cell_by_cell_draw(monkeypatch):
    """A long table's pages share the header's and a body row's cell styles; with every page's
    Table styled cell by cell by reportlab (no shared styles) the file is the same, byte for
    byte."""
    assert tables.data_table(HEADERS, _rows(60))._kit is not None
    shared = _invariant_pdf(240)
    monkeypatch.setattr(tables._StyleKit, "of", classmethod(lambda cls, *a: None))
    assert tables.data_table(HEADERS, _rows(60))._kit is None
    by_cell = _invariant_pdf(240)
    assert len(PdfReader(io.BytesIO(shared)).pages) > 3
    assert shared == by_cell


def test_a_text_repeated_in_a_column_is_one_flowable_measured_once(monkeypatch):
    made = []
    real = tables.cell

    def counting(text, style, width):
        made.append(text)
        return real(text, style, width)

    monkeypatch.setattr(tables, "cell", counting)
    table = data_table(HEADERS, _rows(240))
    notes = [row[4][0] for row in table._all_rows]
    assert notes[1] is notes[9] is notes[17] and notes[1] is not notes[2]
    rows = _rows(240)
    assert len(made) == len(HEADERS) + sum(len({r[c] for r in rows}) for c in range(len(HEADERS)))
    # the heights are those of each row's own cells
    assert table._all_heights == tables.row_heights(table._all_rows, table._widths)
