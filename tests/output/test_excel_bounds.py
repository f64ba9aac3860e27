"""Hostile Excel files are bounded: a whitespace bomb, too many rows, a DTD with entities, an
over-long cell, a part that lies about its size. Each is refused with a Vietnamese reason before
it can take the memory or time it was built to take, by the one opener every reader uses."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.output import xlsx_read
from desktop.output.iso.documents_xlsx import read_documents
from desktop.output.quiz.formats import read_questions
from desktop.output.roster_xlsx import read_roster
from desktop.output.xlsx_read import ExcelRefused, open_bounded
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<sheetData>')
SHEET_TAIL = '</sheetData></worksheet>'


def _row(r: int, *values: str) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


def xlsx(path: Path, sheet_chunks, *, extra: dict | None = None) -> Path:
    """A minimal workbook written part by part (the sheet streamed from `sheet_chunks`)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for chunk in sheet_chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def good_rows():
    yield SHEET_HEAD + _row(1, "Mã cán bộ", "Họ và tên") + _row(2, "CB1", "Trần Văn An")
    yield SHEET_TAIL


READERS = [read_roster, read_documents, read_questions]


def test_a_small_well_formed_file_reads(tmp_path):
    path = xlsx(tmp_path / "ok.xlsx", good_rows())
    roster = read_roster(path)
    assert [r.values["full_name"] for r in roster.rows] == ["Trần Văn An"]


def test_whitespace_bomb_is_refused_while_unpacking(tmp_path):
    def bomb():
        yield SHEET_HEAD + _row(1, "Mã cán bộ", "Họ và tên")
        for _ in range(110):                       # 110 MB of spaces, ~110 KB on disk
            yield b" " * (1 << 20)
        yield SHEET_TAIL
    path = xlsx(tmp_path / "bomb.xlsx", bomb())
    assert path.stat().st_size < 2 * 1024 * 1024
    for reader in READERS:
        with pytest.raises(ExcelRefused, match="sheet1.xml lớn hơn 16 MB khi giải nén"):
            reader(path)


def test_padding_in_any_part_counts_towards_the_whole(tmp_path):
    padding = b" " * (8 << 20)
    extra = {f"docProps/pad{i}.xml": padding for i in range(13)}     # 104 MB in 13 parts
    path = xlsx(tmp_path / "pad.xlsx", good_rows(), extra=extra)
    with pytest.raises(ExcelRefused, match="giải nén, tệp lớn hơn 100 MB"):
        read_roster(path)


def test_a_million_rows_are_refused_before_any_parsing(tmp_path):
    def million():
        yield SHEET_HEAD + _row(1, "Mã cán bộ", "Họ và tên")
        for start in range(2, 1_000_002, 10_000):
            yield "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                          for r in range(start, start + 10_000))
        yield SHEET_TAIL
    path = xlsx(tmp_path / "million.xlsx", million())
    with pytest.raises(ExcelRefused, match="lớn hơn 16 MB"):
        read_roster(path)


def test_too_many_rows_stop_the_reading(tmp_path):
    def many():
        yield SHEET_HEAD + _row(1, "Mã cán bộ", "Họ và tên")
        for r in range(2, xlsx_read.MAX_ROWS + 10):
            yield _row(r, f"CB{r}", "Nguyễn Văn An")
        yield SHEET_TAIL
    path = xlsx(tmp_path / "many.xlsx", many())
    with pytest.raises(ExcelRefused, match=f"hơn {xlsx_read.MAX_ROWS} dòng"):
        read_roster(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_dtd_with_entities_is_refused_in_words(tmp_path, encoding):
    evil = ('<?xml version="1.0" encoding="%s"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' % encoding.upper()
            + SHEET_HEAD.split("?>", 1)[1] + _row(1, "Mã cán bộ", "Họ và tên")
            + _row(2, "CB1", "&b;") + SHEET_TAIL)
    path = xlsx(tmp_path / "dtd.xlsx", [evil.encode(encoding)])
    for reader in READERS:
        with pytest.raises(ExcelRefused, match="DTD/ENTITY"):
            reader(path)


def test_defusedxml_refuses_a_dtd_that_slips_past_the_byte_check(tmp_path, monkeypatch):
    """The second layer: with the byte scan off, openpyxl's parser (defusedxml) refuses too."""
    monkeypatch.setattr(xlsx_read, "_DTD_MARKERS", ())
    evil = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY a "x">]>'
            + SHEET_HEAD.split("?>", 1)[1] + _row(1, "Mã cán bộ", "Họ và tên")
            + _row(2, "CB1", "&a;") + SHEET_TAIL)
    path = xlsx(tmp_path / "dtd2.xlsx", [evil])
    with pytest.raises(ExcelRefused, match="DTD/ENTITY"):
        read_roster(path)


def test_an_over_long_cell_is_refused_with_its_address(tmp_path):
    rows = [SHEET_HEAD + _row(1, "Mã cán bộ", "Họ và tên") + _row(2, "CB1", "x" * 40000)
            + SHEET_TAIL]
    path = xlsx(tmp_path / "long.xlsx", rows)
    with pytest.raises(ExcelRefused, match=r"ô Danh sách!B2 dài 40000 ký tự"):
        read_roster(path)


def test_a_part_that_lies_about_its_size_is_counted_as_unpacked(tmp_path):
    path = xlsx(tmp_path / "ok.xlsx", good_rows())
    data = bytearray(path.read_bytes())
    # Make the sheet's headers claim 10 bytes: the count is of what really comes out.
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > 10
    assert xlsx_read.check_package(path, max_unpacked=info.file_size + 4096) >= info.file_size
    with pytest.raises(ExcelRefused):
        xlsx_read.check_package(path, max_unpacked=info.file_size // 2)
    assert data


def test_too_big_on_disk_and_not_a_zip(tmp_path):
    big = tmp_path / "big.xlsx"
    with open(big, "wb") as fh:
        fh.truncate(xlsx_read.MAX_FILE_BYTES + 1)
    with pytest.raises(ExcelRefused, match="quá giới hạn 20 MB"):
        read_roster(big)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ExcelRefused, match="không phải Excel"):
        open_bounded(junk)


def test_command_line_refuses_a_bomb_without_a_traceback(tmp_path, data_dir):
    def bomb():
        yield SHEET_HEAD + _row(1, "Mã cán bộ", "Họ và tên")
        for _ in range(110):
            yield b" " * (1 << 20)
        yield SHEET_TAIL
    path = xlsx(tmp_path / "bomb.xlsx", bomb())
    out = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "staff",
                          "import", str(path), "--user", "admin", "--password-stdin"],
                         input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "lớn hơn 16 MB" in out.stderr


def test_only_the_bounded_opener_loads_workbooks():
    """Every Excel reader of the program goes through `xlsx_read` (writers may build their
    own workbooks)."""
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "load_workbook(" in text and path.name != "xlsx_read.py":
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
