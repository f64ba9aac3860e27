"""Reading Excel files from outside, within bounds: the one opener every Excel reader uses.

An .xlsx file is a zip of XML parts, and a hostile one can be small on disk and huge once
unpacked (a sheet of gigabytes of spaces, a million rows), or carry a DTD with entities. Before
openpyxl sees the file it is checked here:

- its size on disk, the number of its parts, and the bytes every part really unpacks to (counted
  while unpacking, not taken from the zip's own headers, which can lie), all under limits, and
  each sheet (and the shared strings, which openpyxl holds whole) under a limit of its own, so
  that a sheet of a million rows is refused before anything parses it;
- no XML part declares a DTD or an entity (refused in the bytes here, and again at parse level by
  defusedxml, which openpyxl uses when it is installed);
- the workbook is then read in openpyxl's read-only mode, row by row: rows and cells have limits,
  and a reader stops as soon as one is passed.

Read-only mode knows neither merged cells nor pictures: `merged_ranges` and `pictures` read those
from the sheet's own XML parts (small parts, parsed with defusedxml). Every refusal is an
`IsoDeskError` saying, in Vietnamese, what is wrong and what to do.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from desktop.models.errors import IsoDeskError

MAX_FILE_BYTES = 20 * 1024 * 1024          # on disk
MAX_PARTS = 2000                           # members of the zip
MAX_UNPACKED_BYTES = 100 * 1024 * 1024     # all parts together, as really unpacked
MAX_PART_XML_BYTES = 4 * 1024 * 1024       # a drawing or relationship part read here
MAX_SHEET_BYTES = 16 * 1024 * 1024         # one sheet, or the shared strings, unpacked
MAX_ROWS = 20000                           # rows holding a value, per sheet
MAX_COLUMNS = 200                          # columns read per row
MAX_CELL_CHARS = 32767                     # Excel's own limit for one cell
_CHUNK = 1 << 20
_DTD_MARKERS = tuple(m for word in (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
                     for m in (word, word.decode().encode("utf-16-le"),
                               word.decode().encode("utf-16-be")))
_OVERLAP = max(len(m) for m in _DTD_MARKERS)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


class ExcelRefused(IsoDeskError):
    """The Excel file is refused before or while it is read (the message says why)."""


def _refuse(name: str, why: str) -> ExcelRefused:
    return ExcelRefused(f"Không đọc tệp {name}: {why}")


def _damaged(name: str) -> ExcelRefused:
    return _refuse(name, "tệp không phải Excel .xlsx hợp lệ hoặc bị hỏng. Hãy mở bằng Excel, lưu "
                         "lại dạng .xlsx (File → Save As → Excel Workbook) rồi thử lại.")


def check_package(path: Path, *, max_unpacked: int = MAX_UNPACKED_BYTES) -> int:
    """Size, parts and DTD checks of an .xlsx file; returns the bytes it unpacks to."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ExcelRefused(f"Không tìm thấy tệp {path}.")
    if path.suffix.lower() == ".xls":
        raise ExcelRefused(f"Tệp {name} là định dạng Excel 97-2003 (.xls). Hãy mở bằng Excel và "
                           "lưu lại dạng .xlsx (File → Save As → Excel Workbook) rồi nhập lại.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refuse(name, f"tệp nặng {size / 1048576:.1f} MB, quá giới hạn "
                            f"{MAX_FILE_BYTES // 1048576} MB cho một tệp Excel nhập vào. Hãy chỉ "
                            "giữ trang tính cần nhập (xóa các trang, hình, dòng thừa) rồi lưu lại.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _damaged(name) from exc
    total = 0
    with archive:
        members = archive.infolist()
        if len(members) > MAX_PARTS:
            raise _refuse(name, f"tệp gồm {len(members)} phần, nhiều bất thường (tối đa "
                                f"{MAX_PARTS}). Hãy mở bằng Excel và lưu lại thành tệp mới.")
        for info in members:
            total = _check_member(archive, info, name, total, max_unpacked)
    return total


_QUICK = re.compile(rb"<\x00?!")                 # "<!" in UTF-8, UTF-16 LE and BE
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", re.IGNORECASE)


def _dtd_in(window: bytes) -> bool:
    return bool(_QUICK.search(window)) and any(m in window for m in _DTD_MARKERS)


def _check_start(first: bytes, part: str, name: str) -> None:
    """An XML part must be UTF-8 or UTF-16 (all Excel writes): another encoding could hide a
    DTD from the byte check."""
    head = first.lstrip(b"\xef\xbb\xbf")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:2] in (b"<\x00", b"\x00<"):
        return
    m = _DECLARED.match(head)
    if m and m.group(1).decode("ascii").lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise _refuse(name, f"phần {part} khai báo bảng mã {m.group(1).decode('ascii')}, thứ "
                            "Excel không ghi. Hãy mở bằng Excel và lưu lại thành tệp mới.")
    if head.strip() and not head.lstrip().startswith(b"<"):
        raise _damaged(name)


_BIG_PARTS = re.compile(r"^xl/(worksheets/[^/]+|sharedStrings)\.xml$", re.IGNORECASE)


def _check_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, total: int,
                  max_unpacked: int) -> int:
    xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
    # A sheet or the shared strings is parsed whole by openpyxl: a bound of its own, so that a
    # sheet of a million rows (even empty ones) is refused before any parsing.
    part_limit = MAX_SHEET_BYTES if _BIG_PARTS.match(info.filename) else None
    part = 0
    tail = b""
    first = True
    try:
        with archive.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                part += len(chunk)
                if part_limit is not None and part > part_limit:
                    raise _refuse(name, f"phần {info.filename} lớn hơn "
                                        f"{part_limit // 1048576} MB khi giải nén (trang tính có "
                                        "hàng trăm nghìn dòng, kể cả dòng trống đã định dạng). "
                                        "Hãy chép phần cần nhập sang một tệp mới rồi nhập tệp "
                                        "đó.")
                if total > max_unpacked:
                    raise _refuse(name, f"khi giải nén, tệp lớn hơn {max_unpacked // 1048576} MB "
                                        "(một tệp danh sách hay câu hỏi không lớn như vậy: có thể "
                                        "tệp chứa hàng triệu dòng hoặc dữ liệu độn). Hãy chỉ giữ "
                                        "phần cần nhập rồi lưu lại.")
                if xml:
                    if first:
                        _check_start(chunk[:256], info.filename, name)
                        first = False
                    if _dtd_in(tail + chunk[:_OVERLAP]) or _dtd_in(chunk):
                        raise _refuse(name, f"phần {info.filename} có khai báo DTD/ENTITY "
                                            "(<!DOCTYPE …>), thứ Excel không bao giờ ghi: tệp có "
                                            "thể đã bị sửa để tấn công. Hãy mở bằng Excel và lưu "
                                            "lại, hoặc dùng tệp gốc.")
                    tail = chunk[-_OVERLAP:]
    except ExcelRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - zlib and zip errors: a damaged part
        raise _damaged(name) from exc
    return total


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=[\"']([A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7})[\"']")


@dataclass
class Sheet:
    title: str
    state: str          # visible, hidden, veryHidden
    part: str           # the sheet's XML part in the zip, e.g. xl/worksheets/sheet1.xml

    @property
    def visible(self) -> bool:
        return self.state == "visible"


@dataclass
class Picture:
    row: int            # 1-based, the cell its top-left corner is in
    column: int
    data: bytes
    name: str
    order: tuple = field(default=(0, 0))   # (row offset, column offset) inside the cell


class BoundedWorkbook:
    """An .xlsx file opened for reading within the limits above (use as a context manager)."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS):
        from openpyxl import load_workbook

        self.path = Path(path)
        self.name = self.path.name
        self.max_rows = max_rows
        self.max_columns = max_columns
        self.unpacked = check_package(self.path)
        try:
            self.wb = load_workbook(self.path, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
            raise _parse_error(self.name, exc) from exc
        self.archive = zipfile.ZipFile(self.path)
        self.sheets = self._sheets()

    def close(self) -> None:
        try:
            self.wb.close()
        finally:
            self.archive.close()

    def __enter__(self) -> "BoundedWorkbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- the sheets ---------------------------------------------------------------------------

    def _sheets(self) -> list[Sheet]:
        parts = {}
        for ws in self.wb.worksheets:
            parts[ws.title] = getattr(ws, "_worksheet_path", None) or ""
        out = []
        for ws in self.wb.worksheets:
            out.append(Sheet(ws.title, getattr(ws, "sheet_state", "visible") or "visible",
                             parts[ws.title].lstrip("/")))
        return out

    def visible_sheets(self) -> list[Sheet]:
        return [s for s in self.sheets if s.visible]

    def sheet(self, title: str) -> Sheet:
        for s in self.sheets:
            if s.title == title:
                return s
        for s in self.sheets:       # as typed on a command line: case and spacing aside
            if s.title.strip().casefold() == title.strip().casefold():
                return s
        names = ", ".join(f"\"{s.title}\"" for s in self.sheets)
        raise ExcelRefused(f"Tệp {self.name} không có trang tính \"{title}\". Các trang có: "
                           f"{names}.")

    # --- rows ---------------------------------------------------------------------------------

    def rows(self, sheet: Sheet | str, *, max_col: int | None = None
             ) -> Iterator[tuple[int, tuple]]:
        """(row number as Excel shows it, cells) for each row that holds a value, read in
        order; a cell too long or more rows than allowed stop the reading with a refusal."""
        title = sheet.title if isinstance(sheet, Sheet) else sheet
        ws = self.wb[title]
        width = min(max_col or self.max_columns, self.max_columns)
        counted = 0
        try:
            for row in ws.iter_rows(max_col=width):
                values = [c for c in row if getattr(c, "value", None) not in (None, "")]
                if not values:
                    continue
                number = getattr(values[0], "row", None) or 0
                counted += 1
                if counted > self.max_rows:
                    raise _refuse(self.name, f"trang \"{title}\" có hơn {self.max_rows} dòng dữ "
                                             "liệu, quá giới hạn cho một tệp nhập. Hãy tách tệp "
                                             "hoặc xóa các dòng thừa.")
                for c in values:
                    if isinstance(c.value, str) and len(c.value) > MAX_CELL_CHARS:
                        raise _refuse(self.name, f"ô {title}!{c.coordinate} dài {len(c.value)} ký "
                                                 f"tự, quá giới hạn {MAX_CELL_CHARS} của Excel.")
                yield number, row
        except ExcelRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged sheet part
            raise _parse_error(self.name, exc) from exc

    # --- what read-only mode leaves out: merges and pictures ----------------------------------

    def _xml(self, part: str):
        """A small XML part of the file, parsed with defusedxml (None when it is absent)."""
        from defusedxml import ElementTree as SafeET

        try:
            info = self.archive.getinfo(part)
        except KeyError:
            return None
        if info.file_size > MAX_PART_XML_BYTES:
            raise _refuse(self.name, f"phần {part} quá lớn ({info.file_size // 1024} KB).")
        data = self.archive.read(info)[:MAX_PART_XML_BYTES + 1]
        if len(data) > MAX_PART_XML_BYTES:
            raise _refuse(self.name, f"phần {part} quá lớn.")
        try:
            return SafeET.fromstring(data)
        except Exception as exc:  # noqa: BLE001 - DTD, entities or broken XML
            raise _parse_error(self.name, exc) from exc

    def _relations(self, part: str) -> dict[str, tuple[str, str]]:
        """{relation id: (type, target part)} of a part."""
        folder, base = posixpath.split(part)
        root = self._xml(posixpath.join(folder, "_rels", base + ".rels"))
        out = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{NS_PKG_REL}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            full = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", full)
        return out

    def merged_ranges(self, sheet: Sheet) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column) of each merged area of the sheet,
        found by a byte scan of the sheet's part (the merged areas come after the rows, and a
        second XML parse of the whole sheet would double the time of the read)."""
        from openpyxl.utils.cell import range_boundaries

        out = []
        tail = b""
        try:
            with self.archive.open(sheet.part) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    window = tail + chunk
                    for m in _MERGE.finditer(window):
                        if m.end() > len(tail):
                            c1, r1, c2, r2 = range_boundaries(m.group(1).decode("ascii"))
                            out.append((r1, c1, r2, c2))
                    tail = window[-64:]
        except KeyError:
            return []
        except Exception as exc:  # noqa: BLE001
            raise _parse_error(self.name, exc) from exc
        return sorted(set(out))

    def pictures(self, sheet: Sheet) -> list[Picture]:
        """The pictures placed over the sheet's cells (the drawing part), each with the cell its
        top-left corner is in, in reading order."""
        out: list[Picture] = []
        for kind, drawing in self._relations(sheet.part).values():
            if not kind.endswith("/drawing"):
                continue
            root = self._xml(drawing)
            if root is None:
                continue
            media = self._relations(drawing)
            for anchor in list(root):
                start = anchor.find(f"{{{NS_XDR}}}from")
                blip = anchor.find(f".//{{{NS_A}}}blip")
                if start is None or blip is None:
                    continue
                rid = blip.get(f"{{{NS_REL}}}embed") or ""
                target = media.get(rid, ("", ""))[1]
                try:
                    info = self.archive.getinfo(target)
                except KeyError:
                    continue

                def num(tag: str) -> int:
                    node = start.find(f"{{{NS_XDR}}}{tag}")
                    try:
                        return int((node.text or "0").strip()) if node is not None else 0
                    except ValueError:
                        return 0
                out.append(Picture(num("row") + 1, num("col") + 1, self.archive.read(info),
                                   posixpath.basename(target),
                                   (num("rowOff"), num("colOff"))))
        out.sort(key=lambda p: (p.row, p.column, p.order))
        return out


def _parse_error(name: str, exc: BaseException) -> ExcelRefused:
    chain, seen = [], exc
    while seen is not None and len(chain) < 10:       # openpyxl wraps the parser's error
        chain.append(type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    if any(kind in ("DTDForbidden", "EntitiesForbidden", "ExternalReferenceForbidden",
                    "NotSupportedError") for kind in chain):
        return _refuse(name, "tệp có khai báo DTD/ENTITY, thứ Excel không bao giờ ghi: tệp có "
                             "thể đã bị sửa để tấn công. Hãy mở bằng Excel và lưu lại, hoặc dùng "
                             "tệp gốc.")
    if isinstance(exc, MemoryError):
        return _refuse(name, "tệp quá lớn để đọc.")
    return _damaged(name)




def open_bounded(path: Path, **limits) -> BoundedWorkbook:
    """`BoundedWorkbook(path)`: the one way this program opens an Excel file it did not write."""
    return BoundedWorkbook(path, **limits)
