"""A table in an Excel sheet as people lay it out: which sheet, where its header is, which
column holds what, and which rows are not data.

Offices keep lists in many layouts: a title row or two, a header on one row or over two rows with
merged cells (the official forms: "Liên hệ" over "Điện thoại" and "Email", "Ngày sinh" over "Nam"
and "Nữ"), a "(1) (2) (3)…" numbering row, group rows ("I. BAN GIÁM ĐỐC"), and a footer with the
signatures ("Người lập biểu", "Thủ trưởng đơn vị"). `read_table` finds the header (one or two
rows, merged areas read from the sheet), maps the columns by the wordings each field accepts, and
hands back the data rows with the rows it set aside and why, and the columns it did not use.

Only visible sheets are read unless a sheet is named; when several visible sheets have a table,
the first is read and the others are named so that the person can pick.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.models.vntext import fold

from .xlsx_read import BoundedWorkbook, ExcelRefused, Sheet

MAX_SCAN = 15
_NUMBERING = re.compile(r"^\(?\s*(\d{1,2}|[a-zA-Z])\s*\)?$")
_FOOTER = ("nguoi lap", "lap bieu", "thu truong", "ky ten", "ky, ghi ro", "ky ghi ro", "xac nhan",
           "ngay thang nam", "tong cong", "cong:", "tong so", "noi nhan", "(ky", "ghi chu:")
_DATE_LINE = re.compile(r"ngay\s*\S*\s*thang\s*\S*\s*nam", re.IGNORECASE)
_GROUP = re.compile(r"^([IVXLC]+|[A-Z]|\d{1,2})[.)/-]\s*\S")


def label_key(text) -> str:
    """A header label for matching: folded, punctuation made spaces."""
    if text is None:
        return ""
    return " ".join(re.sub(r"[,.:;*()\[\]/\\_\-–]+", " ", fold(str(text))).split())


@dataclass
class Table:
    book: BoundedWorkbook
    sheet: Sheet
    header_rows: tuple[int, ...]
    columns: dict[str, int]               # field -> column (1-based)
    labels: dict[int, str]                # column -> header as shown
    rows: list[tuple[int, dict]]          # (row number, {column: cell}) of the data rows
    set_aside: list[dict] = field(default_factory=list)   # {"row", "reason"}
    other_sheets: list[str] = field(default_factory=list)  # other visible sheets with a table
    hidden_sheets: list[str] = field(default_factory=list)
    groups: dict[int, str] = field(default_factory=dict)   # data row -> group heading above it

    @property
    def unused(self) -> list[str]:
        used = set(self.columns.values())
        return [self.labels[c] for c in sorted(self.labels) if c not in used and self.labels[c]]


class HeaderNotFound(ExcelRefused):
    pass


def _text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    return " ".join(str(value).split())


def _match(key: str, folded: dict[str, set[str]], taken: set[str]) -> str | None:
    for name, words in folded.items():
        if name not in taken and key in words:
            return name
    return None


def _header(grid: dict[int, dict[int, str]], merges, r: int, folded: dict[str, set[str]],
            two_rows: bool) -> tuple[dict[str, int], dict[int, str]]:
    """Fields found with the header on row r (and r + 1 when `two_rows`)."""
    def owner(row: int, col: int):
        for m in merges:
            if m[0] <= row <= m[2] and m[1] <= col <= m[3]:
                return m
        return None

    def value(row: int, col: int) -> str:
        m = owner(row, col)
        if m is not None:
            return grid.get(m[0], {}).get(m[1], "")
        return grid.get(row, {}).get(col, "")

    cols = set(grid.get(r, {})) | (set(grid.get(r + 1, {})) if two_rows else set())
    for m in merges:
        if m[0] <= r <= m[2] or (two_rows and m[0] <= r + 1 <= m[2]):
            cols.update(range(m[1], m[3] + 1))
    found: dict[str, int] = {}
    labels: dict[int, str] = {}
    for c in sorted(cols):
        top = value(r, c)
        bottom = value(r + 1, c) if two_rows else ""
        if two_rows and owner(r, c) is not None and owner(r, c) is owner(r + 1, c):
            bottom = ""
        labels[c] = f"{top} / {bottom}" if top and bottom else (top or bottom)
        taken = set(found)
        for candidate in ([f"{top} {bottom}", bottom, top] if bottom else [top]):
            name = _match(label_key(candidate), folded, taken)
            if name:
                found[name] = c
                break
    return found, labels


def _grid_of(rows: list[tuple[int, tuple]]) -> dict[int, dict[int, str]]:
    grid: dict[int, dict[int, str]] = {}
    for number, cells in rows:
        grid[number] = {c.column: _text(c) for c in cells
                        if getattr(c, "value", None) not in (None, "") and hasattr(c, "column")}
    return grid


def _find_header(book: BoundedWorkbook, sheet: Sheet, head: list, folded, required):
    grid = _grid_of(head)
    merges = [m for m in book.merged_ranges(sheet) if m[0] <= MAX_SCAN + 1]
    best = None
    for r in sorted(grid):
        if r > MAX_SCAN:
            break
        for two in (False, True):
            found, labels = _header(grid, merges, r, folded, two)
            if not has_required(found, required):
                continue
            score = (len(found), not two)
            if best is None or score > best[0]:
                best = (score, r, two, found, labels)
        if best is not None:
            break
    if best is None:
        return None
    _score, r, two, found, labels = best
    return (r, r + 1) if two else (r,), found, labels


def has_required(found, required) -> bool:
    """Every required field found; an entry may be a tuple of alternatives (any one will do)."""
    return all(any(a in found for a in (f if isinstance(f, tuple) else (f,))) for f in required)


def _missing_message(book: BoundedWorkbook, sheet: Sheet, head, aliases, required) -> str:
    grid = _grid_of(head)
    folded = {f: {label_key(a) for a in aliases[f]} for f in aliases}
    best_missing = list(required)
    for r in grid:
        if r > MAX_SCAN:
            break
        for two in (False, True):
            found, _ = _header(grid, [], r, folded, two)
            missing = [f for f in required if not has_required(found, (f,))]
            if len(missing) < len(best_missing) and len(found) > len(missing):
                best_missing = missing
    parts = []
    for f in best_missing:
        alternatives = f if isinstance(f, tuple) else (f,)
        names = [a for alt in alternatives for a in aliases[alt][:6]]
        words = ", ".join(f"\"{a}\"" for a in names)
        parts.append(f"cột {aliases[alternatives[0]][0]} (nhận các tên: {words})")
    return (f"Không tìm thấy dòng tiêu đề trong {MAX_SCAN} dòng đầu của trang \"{sheet.title}\" "
            f"(tệp {book.name}): thiếu " + "; ".join(parts) + ". Hãy đặt tên cột như trên, hoặc "
            "dùng tệp mẫu của chương trình.")


def is_footer(cells: dict) -> bool:
    for cell in cells.values():
        text = label_key(_text(cell)) + " " + fold(_text(cell))
        if any(w in text for w in _FOOTER) or _DATE_LINE.search(fold(_text(cell))):
            return True
    return False


def read_table(book: BoundedWorkbook, aliases: dict[str, tuple[str, ...]],
               required: tuple[str, ...], *, sheet: str | None = None,
               key_field: str | None = None, max_col: int | None = None) -> Table:
    """The table of the first visible sheet that has the header (or of the sheet named)."""
    folded = {f: {label_key(a) for a in names} for f, names in aliases.items()}
    if sheet is not None:
        candidates = [book.sheet(sheet)]
    else:
        candidates = book.visible_sheets()
    hidden = [s.title for s in book.sheets if not s.visible]
    found_tables: list[tuple[Sheet, list, tuple]] = []
    first_failure: tuple[Sheet, list] | None = None
    for s in candidates:
        head, rest = [], book.rows(s, max_col=max_col)
        for number, cells in rest:
            head.append((number, cells))
            if number > MAX_SCAN + 1:
                break
        header = _find_header(book, s, head, folded, required)
        if header is None:
            first_failure = first_failure or (s, head)
            continue
        if found_tables:
            found_tables.append((s, [], header))
            continue
        found_tables.append((s, head + list(rest), header))
    if not found_tables:
        if first_failure is None:
            raise ExcelRefused(f"Tệp {book.name} không có trang tính nào đang hiện để đọc"
                               + (f" (các trang ẩn: {', '.join(hidden)}; chọn trang ẩn bằng tên "
                                  "nếu đúng là trang cần nhập)." if hidden else "."))
        s, head = first_failure
        raise HeaderNotFound(_missing_message(book, s, head, aliases, required))
    s, rows, (header_rows, columns, labels) = found_tables[0]
    table = Table(book, s, header_rows, columns, labels, [],
                  other_sheets=[t[0].title for t in found_tables[1:]], hidden_sheets=hidden)
    first = required[0] if isinstance(required[0], str) else required[0][0]
    _split_rows(table, rows, key_field or first)
    return table


def _split_rows(table: Table, rows: list, key_field: str) -> None:
    """Data rows, and the rows set aside: the numbering row under the header, group headings,
    and the footer (from the first signature or date line on)."""
    last_header = table.header_rows[-1]
    key_col = table.columns.get(key_field)
    footer = False
    first_data = True
    group = ""
    for number, cells in rows:
        if number <= last_header:
            continue
        by_col = {c.column: c for c in cells
                  if getattr(c, "value", None) not in (None, "") and hasattr(c, "column")}
        if not by_col:
            continue
        texts = [_text(c) for c in by_col.values()]
        if first_data and len(texts) >= 2 and all(_NUMBERING.match(t) for t in texts):
            table.set_aside.append({"row": number, "reason": "dòng đánh số cột (1), (2)…"})
            continue
        first_data = False
        has_key = key_col is not None and key_col in by_col
        if footer or (not has_key and is_footer(by_col)):
            footer = True
            table.set_aside.append({"row": number, "reason": "phần chữ ký, ngày tháng cuối bảng"})
            continue
        if not has_key and len(by_col) == 1 and _GROUP.match(texts[0]) and \
                not any(ch.isdigit() for ch in texts[0][2:]):
            group = re.sub(r"^([IVXLC]+|[A-Z]|\d{1,2})[.)/-]\s*", "", texts[0]).strip()
            table.set_aside.append({"row": number, "reason": f"tiêu đề nhóm \"{texts[0]}\""})
            continue
        if group:
            table.groups[number] = group
        table.rows.append((number, by_col))
