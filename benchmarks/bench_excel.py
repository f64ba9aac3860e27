"""Reading Excel files from outside within bounds (`output/xlsx_read`): what the checks and
defusedxml cost, as ratios against openpyxl reading the same file in the same run, and what a
hostile file costs before it is refused.

- a staff list of 2,000 rows read by `read_roster` (bounded opener, read-only mode, header
  search) against `openpyxl.load_workbook` in its normal mode (what the program did before);
- the unpacking and DTD check alone (`check_package`);
- openpyxl's read-only parse with defusedxml (as the program runs) against the stdlib parser;
- a 1.6 MB-class whitespace bomb and a 25,000-row sheet: time until the refusal.
"""
from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from benchmarks.harness import Result, timed


def _roster(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Mã cán bộ", "Họ và tên", "Chức vụ", "Phòng/Bộ phận", "Điện thoại", "Email"])
    for i in range(rows):
        ws.append([f"CB{i:05d}", f"Nguyễn Văn Người {i}", "Viên chức", f"Tổ {i % 12}",
                   f"09{i:08d}", f"nguoi{i}@example.vn"])
    wb.save(path)
    return path


def _bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b"<worksheet><sheetData>")
            for _ in range(megabytes):
                fh.write(b" " * (1 << 20))
            fh.write(b"</sheetData></worksheet>")
    return path


def _read_only_rows(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in wb.active.iter_rows(values_only=True))
    finally:
        wb.close()


def run(quick: bool = False) -> list[Result]:
    import openpyxl
    import openpyxl.worksheet._reader as sheet_reader
    from openpyxl import load_workbook

    from desktop.output import xlsx_read
    from desktop.output.roster_xlsx import read_roster

    repeat = 2 if quick else 5
    out: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        roster = _roster(Path(folder) / "ds.xlsx", 2000)
        plain, _ = timed(lambda: load_workbook(roster, data_only=True), repeat)
        bounded, got = timed(lambda: read_roster(roster), repeat)
        checks, _ = timed(lambda: xlsx_read.check_package(roster), repeat)
        out.append(Result("excel", "2,000-row staff list, read_roster", bounded * 1000, "ms",
                          note=f"{len(got.rows)} rows; openpyxl normal load "
                               f"{plain * 1000:.0f} ms (ratio {bounded / plain:.2f})"))
        out.append(Result("excel", "size/unpacking/DTD checks alone", checks * 1000, "ms",
                          note=f"{100 * checks / bounded:.0f}% of the bounded read"))
        with_defused, _ = timed(lambda: _read_only_rows(roster), repeat)
        import xml.etree.ElementTree as stdlib_et
        saved = sheet_reader.iterparse
        sheet_reader.iterparse = stdlib_et.iterparse
        try:
            without, _ = timed(lambda: _read_only_rows(roster), repeat)
        finally:
            sheet_reader.iterparse = saved
        out.append(Result("excel", "read-only parse with defusedxml / stdlib",
                          with_defused / without, "×",
                          note=f"{with_defused * 1000:.0f} ms vs {without * 1000:.0f} ms; "
                               f"defusedxml on: {openpyxl.DEFUSEDXML}"))
        bomb = _bomb(Path(folder) / "bomb.xlsx", 200)
        refused, _ = timed(lambda: _refusal(read_roster, bomb), 1)
        out.append(Result("excel", "whitespace bomb refused after", refused * 1000, "ms",
                          note=f"{bomb.stat().st_size // 1024} KB on disk, 200 MB unpacked"))
    return out


def _refusal(fn, path) -> str:
    from desktop.output.xlsx_read import ExcelRefused

    try:
        fn(path)
    except ExcelRefused as exc:
        return exc.message
    raise AssertionError("not refused")
