"""Bordered data tables in the document font: results lists, ISO team lists, reports."""
from __future__ import annotations

import functools
import re
import unicodedata

from reportlab import rl_config
from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .fonts import register_fonts
from .official import PageSetup, plain, styles
from .table_draw import DrawnTable, Line, ascent

CELL_SIZE = 12
PADDING = 3.0
ZEBRA_GREY = Color(0.93, 0.93, 0.93)
MAX_NATURAL = 70 * mm  # a long cell wraps rather than taking the whole width

# 12 | -3 | 1.234 | 1.234,5 | 8,5 | 8.5 | 85% | 1 234 567
_NUMBER = re.compile(
    r"^[+\-\u2212]?(\d{1,3}([.\u00a0 ]\d{3})+|\d+)([.,]\d+)?\s?%?$"
)
_SEQUENCE_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def numeric_columns(rows: list[list[str]], ncols: int) -> list[bool]:
    """A column is numeric when it has a value and every non-empty cell is a number."""
    result = []
    for c in range(ncols):
        cells = {str(r[c]).strip() for r in rows if c < len(r)} - {""}   # each text once
        result.append(bool(cells) and all(is_number(x) for x in cells))
    return result


@functools.lru_cache(maxsize=1 << 18)
def _line_width(text: str, font: str, size: float) -> float:
    """``stringWidth``, once for each text: a long table's cells repeat (a state, a date), and
    the words of its texts more (measured for the columns' widths)."""
    return stringWidth(text, font, size)


def _longest_word(text: str, font: str, size: float) -> float:
    words = text.split() or [""]
    return max([_line_width(w, font, size) for w in words])   # words repeat: measured once


def auto_widths(headers: list[str], rows: list[list[str]], total: float) -> list[float]:
    """Column widths filling ``total``: each column gets room for its content, long texts wrap.

    Header words are not broken where that fits; what is left goes to the columns with the
    most text, in proportion to it.
    """
    f = register_fonts()
    n = len(headers)
    pad = 2 * PADDING + 1
    natural, minimum = [], []
    for c in range(n):
        cells = {str(r[c]) for r in rows if c < len(r)}   # each text measured once
        width = max([stringWidth(headers[c], f.bold, CELL_SIZE)]
                    + [_line_width(x, f.regular, CELL_SIZE) for x in cells])
        word = max([_longest_word(headers[c], f.bold, CELL_SIZE)]
                   + [_longest_word(x, f.regular, CELL_SIZE) for x in cells])
        natural.append(min(width, MAX_NATURAL) + pad)
        minimum.append(min(word, MAX_NATURAL / 2) + pad)
    if sum(natural) <= total:
        scale = total / sum(natural)
        return [w * scale for w in natural]
    if sum(minimum) >= total:
        scale = total / sum(minimum)
        return [w * scale for w in minimum]
    # Every column gets its minimum; the rest is shared by what each still wants.
    spare = total - sum(minimum)
    wants = [max(nat - mn, 0.0) for nat, mn in zip(natural, minimum)]
    want_total = sum(wants) or 1.0
    return [mn + spare * w / want_total for mn, w in zip(minimum, wants)]


TOP_PADDING = 2
BOTTOM_PADDING = 3


class LineCell(Flowable):
    """A table cell whose plain text fits on one line of its column, drawn as a Paragraph of the
    same style draws it (same baseline, same alignment, same height: one leading) without the
    Paragraph's markup parsing and line breaking, which were most of the cost of a long table.

    Made only by `cell` when the text has no line break and fits the width it is given; a wider
    width (never a narrower one) is all a table asks of it afterwards."""

    # Flowable.__init__'s attributes as class defaults: a long table makes tens of thousands
    hAlign, vAlign, wrapped, _traceInfo, _showBoundary, encoding = ("LEFT", "BOTTOM", 0, None,
                                                                      None, None)

    def __init__(self, text: str, style: ParagraphStyle, text_width: float):
        self.width = self.height = 0
        self.text = text
        self.style = style
        self.text_width = text_width

    def wrap(self, availWidth, availHeight):
        if availWidth != getattr(self, "width", None):
            self._lines = None
        self.width = availWidth
        self.height = self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []  # one line: nothing to split

    def lines(self) -> list[Line]:
        """Its one line as a table's page draws it (``table_draw``): where the Paragraph would
        put it, in the Paragraph's font and colour. Worked out once for its width (a cell
        whose text comes again in its column is drawn many times)."""
        lines = getattr(self, "_lines", None)
        if lines is None:
            lines = self._lines = self._make_lines()
        return lines

    def _make_lines(self) -> list[Line]:
        st = self.style
        if st.alignment == TA_RIGHT:
            x = self.width - self.text_width
        elif st.alignment == TA_CENTER:
            x = (self.width - self.text_width) / 2
        else:
            x = 0.0
        y = self.height - (st.fontSize if rl_config.paraFontSizeHeightOffset else
                           ascent(st.fontName, st.fontSize))
        return [(x, y, self.text, st.fontName, st.fontSize, st.leading, st.textColor, 0.0)]

    def draw(self):
        x, y, text, font, size, leading, colour, _spacing = self.lines()[0]
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colour)
        canv.setFont(font, size, leading)
        canv.drawString(x, y, text)
        canv.restoreState()


def cell(text: str, style: ParagraphStyle, width: float) -> Flowable:
    """The flowable of a table cell of `width` points (padding included): a LineCell when the
    text is one line that fits, else a Paragraph (which wraps it)."""
    if not text:    # the parser's paragraph of nothing, without the parser (empty cells abound)
        return Paragraph("", style, frags=[])
    line = _one_line(text)
    if line is None:  # line breaks, tabs, nbsp…
        return Paragraph(plain(text), style)
    line_width = _line_width(line, style.fontName, style.fontSize)
    if line_width > width - 2 * PADDING:
        return _wrapped(line, style)
    return LineCell(line, style, line_width)


_MARKUP = re.compile(r"[&<>]")
_OTHER_SPACE = re.compile(r"[^\S ]")   # what str.isspace() takes for a space, but the space
_FRAGMENTS: dict[tuple, object] = {}


def _wrapped(line: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(plain(line), style)`` for a line of words parted by single spaces, without
    reportlab's markup parser when it has nothing to parse (no ``&``, ``<`` or ``>``): the
    paragraph is made of the one fragment the parser would make, the line in the style's font.
    The long tables' wrapped cells are thousands; parsing them was a tenth of a long report."""
    if _MARKUP.search(line) or getattr(style, "textTransform", None):
        return Paragraph(plain(line), style)
    key = (style.name, style.fontName, style.fontSize, str(style.textColor))
    model = _FRAGMENTS.get(key)
    if model is None:
        model = _FRAGMENTS[key] = Paragraph("x", style).frags[0]
    frag = model.__class__.__new__(model.__class__)   # model.clone(…), without the calls
    frag.__dict__.update(model.__dict__)
    frag.text, frag.link, frag.us_lines = line, [], []
    return Paragraph(line, style, frags=[frag])


def text_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(plain(text), style)`` for one line of plain text, made without reportlab's
    markup parser when the line is words parted by spaces (see ``_wrapped``)."""
    line = _one_line(text)
    return Paragraph(plain(text), style) if line is None else _wrapped(line, style)


def _one_line(text: str) -> str | None:
    """`text` (NFC) as words parted by single spaces; None when it is empty or holds another
    kind of space (a line break, a tab, a no-break space), which the markup parser handles."""
    line = text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    if "  " in line or line[:1] == " " or line[-1:] == " ":   # else no word is empty
        line = " ".join(w for w in line.split(" ") if w)
    return None if not line or _OTHER_SPACE.search(line) else line


def row_heights(data: list[list[list[Flowable]]], widths: list[float]) -> list[float]:
    """Each row's height, from one wrap of each cell at its column's width (less the padding).

    Given to the Table, they spare it measuring the rows again at every page break: without them
    it wraps every remaining cell each time it splits, so that a table of n rows over p pages
    costs n × p wraps (the yearly report grew as the square of its size)."""
    out = []
    for row in data:
        tallest = 0.0
        for flowables, width in zip(row, widths):
            h = sum(f.wrap(width - 2 * PADDING, 1e9)[1] for f in flowables)
            tallest = max(tallest, h)
        out.append(tallest + TOP_PADDING + BOTTOM_PADDING)
    return out


def data_table(headers: list[str], rows: list[list[str]],
               col_widths_mm: list[float] | None = None, repeat_header: bool = True,
               zebra: bool = False, *, width_mm: float | None = None) -> Table:
    """A bordered table: bold header (repeated on every page), wrapped cells, numeric columns
    right-aligned, sequence-number columns ("STT") centred. Long rows may split across pages.

    ``width_mm`` is the total width when ``col_widths_mm`` is not given (default: the text width
    of the standard page)."""
    st = styles()
    n = len(headers)
    rows = [[(v if type(v) is str else "" if v is None else str(v)) for v in r[:n]]
            + [""] * (n - len(r)) for r in rows]
    numeric = numeric_columns(rows, n)
    sequence = [h.strip().lower() in _SEQUENCE_HEADERS for h in headers]

    if col_widths_mm:
        widths = [w * mm for w in col_widths_mm]
    else:
        total = width_mm * mm if width_mm else PageSetup().text_width
        widths = auto_widths(headers, rows, total)

    def cell_style(c: int):
        if sequence[c]:
            return st["table_cell_center"]
        return st["table_cell_right"] if numeric[c] else st["table_cell"]

    # each cell a list of one flowable, as the Table keeps cells it measures itself: with the
    # heights given it would not make the list, and a row split across pages would lose a bare
    # flowable
    data = [[[cell(h, st["table_head"], widths[c])] for c, h in enumerate(headers)]]
    heights = row_heights(data, widths)
    # a text that comes again in its column is the same cell: one flowable, made and measured
    # once (a long register repeats its states, dates and titles); each row's height is that
    # of its tallest cell, as row_heights would find it
    columns = [(cell_style(c), widths[c], widths[c] - 2 * PADDING, {}) for c in range(n)]
    for r in rows:
        row = []
        tallest = 0.0
        for text, (style, width, room, made) in zip(r, columns):
            hit = made.get(text)
            if hit is None:
                flowable = cell(text, style, width)
                hit = made[text] = (flowable, 0.0 + flowable.wrap(room, 1e9)[1])  # a float
            row.append([hit[0]])
            if hit[1] > tallest:
                tallest = hit[1]
        data.append(row)
        heights.append(tallest + TOP_PADDING + BOTTOM_PADDING)
    if not GIVE_HEIGHTS:
        heights = None
    commands = [
        ("FONT", (0, 0), (-1, -1), st["table_cell"].fontName, CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA_GREY]))
    if repeat_header and heights is not None and len(data) > PAGED_ROWS:
        return PagedTable(data[0], data[1:], widths, heights[0], heights[1:], commands)
    return _table(data, widths, heights, TableStyle(commands), repeat_header)


PAGED_ROWS = 40      # more rows than a page holds: split page by page (PagedTable)
GIVE_HEIGHTS = True  # False: the rows measured by reportlab's Table itself (what tests compare)


def _table(data, widths, heights, style: TableStyle, repeat_header: bool = True,
           kit: "_StyleKit | None" = None) -> Table:
    cell_styles = kit.cell_styles(len(data)) if kit is not None else None
    # a long table's rows are data_table's lists of cells, as reportlab's normalising would
    # copy them: its parts take them as they are
    table = DrawnTable(data, colWidths=widths, rowHeights=heights, hAlign="CENTER",
                       repeatRows=1 if repeat_header else 0, splitInRow=1,
                       cellStyles=cell_styles, normalizedData=1 if kit is not None else 0)
    table.setStyle(kit.rest if kit is not None else style)
    return table


_CELL_COMMANDS = {"FONT", "FONTNAME", "FACE", "SIZE", "FONTSIZE", "LEADING", "TEXTCOLOR",
                  "ALIGN", "ALIGNMENT", "VALIGN", "LEFTPADDING", "RIGHTPADDING", "TOPPADDING",
                  "BOTTOMPADDING"}


class _StyleKit:
    """A long table's cell styles, worked out once: the header's and a body row's.

    ``Table.setStyle`` applies each cell command (font, alignment, padding) to every cell of the
    Table it is given — and a long table makes several Tables a page (the page's part and
    reportlab's splits of it). When every cell command addresses the header row and the body
    rows as wholes (``data_table``'s do), every body row's styles are the same: the Tables of
    the parts are given the two rows of styles, shared (reportlab keeps them by reference when
    it splits a Table too, and changes a cell's style only for a vertically centred row that it
    cuts in two, which a body row is not here), and only the grid and backgrounds as commands.
    None when the commands address rows otherwise."""

    def __init__(self, header, row, widths, commands: list[tuple]):
        self.rest = TableStyle([c for c in commands if c[0] not in _CELL_COMMANDS])
        cells = [c for c in commands if c[0] in _CELL_COMMANDS]
        model = Table([header, row], colWidths=widths, rowHeights=[10, 10], cellStyles=None)
        model.setStyle(TableStyle(cells))
        self.header, self.row = model._cellStyles                              # noqa: SLF001

    @classmethod
    def of(cls, header, row, widths, commands: list[tuple]) -> "_StyleKit | None":
        for c in commands:
            if c[0] in _CELL_COMMANDS:
                (_sc, sr), (_ec, er) = c[1], c[2]
                if (sr, er) not in ((0, 0), (0, -1), (1, -1)):
                    return None
            elif c[0] in ("SPAN", "NOSPLIT") or c[1][1] in ("splitfirst", "splitlast",
                                                               "inrowsplitstart",
                                                               "inrowsplitend"):
                return None
        kit = cls(header, row, widths, commands)
        # a vertically centred body row that reportlab cuts has its styles changed in place
        return None if any(cs.valign == "MIDDLE" for cs in kit.row) else kit

    def cell_styles(self, nrows: int) -> list:
        return [self.header] + [self.row] * (nrows - 1)


class PagedTable(Flowable):
    """A long table with its header repeated, split page by page in time proportional to the
    page. Reportlab's Table, at each page break, makes a new Table of all the remaining rows and
    measures them again, so a table of n rows over p pages costs n × p row steps (the yearly
    report of a large district grew as the square of its length). This one keeps the rows'
    heights (measured once) and their running sums: at a page break it finds how many rows fit
    and lets reportlab split a Table of just those rows and the next one, keeping the rest.

    The pages are reportlab's own, line for line: the page's part comes from reportlab's split,
    and a part that continues the table from an earlier page is made the way reportlab makes it
    (the split of a Table that starts with the row before), so its grid is drawn in the same
    pieces and order. A row taller than what is left of a page goes to reportlab's split of all
    the remaining rows, which may cut it."""

    def __init__(self, header, rows, widths, header_height: float, heights: list[float],
                 commands: list[tuple], previous: tuple | None = None, *,
                 start: int = 0, ends: list[float] | None = None, kit=False):
        super().__init__()
        self.hAlign = "CENTER"
        self._header, self._widths = header, widths
        self._header_height = header_height
        self._commands = commands
        self._previous = previous        # (row, height) this part continues from
        # the rows, their heights and the running sums of the heights are the whole table's,
        # shared by its parts (a part is the rows from `start` on): a page break costs the
        # page's rows, not all those left
        self._all_rows, self._all_heights, self._start = rows, heights, start
        if ends is None:
            ends, total = [], 0.0
            for h in heights:
                total += h
                ends.append(total)
        self._all_ends = ends
        if kit is False:   # the whole table: its styles worked out once for all its parts
            kit = _StyleKit.of(header, rows[0], widths, commands) if rows else None
        self._kit = kit
        self._whole: Table | None = None

    @property
    def _count(self) -> int:
        return len(self._all_rows) - self._start

    def _rows_to(self, stop: int) -> tuple[list, list[float]]:
        """The first `stop` rows of this part and their heights."""
        a = self._start
        return self._all_rows[a:a + stop], self._all_heights[a:a + stop]

    def _rest(self, start: int) -> "PagedTable":
        a = self._start + start
        return PagedTable(self._header, self._all_rows, self._widths, self._header_height,
                          self._all_heights, self._commands,
                          previous=(self._all_rows[a - 1], self._all_heights[a - 1]),
                          start=a, ends=self._all_ends, kit=self._kit)

    def _made(self, stop: int) -> Table:
        """A Table of the header and the first `stop` rows, as reportlab would have it here."""
        rows, heights = self._rows_to(stop)
        style = None if self._kit else TableStyle(self._commands)
        if self._previous is None:
            return _table([self._header] + rows, self._widths,
                          [self._header_height] + heights, style, kit=self._kit)
        row, height = self._previous
        table = _table([self._header, row] + rows, self._widths,
                       [self._header_height, height] + heights, style, kit=self._kit)
        parts = table.split(sum(self._widths), self._header_height + height)
        return parts[-1]     # the continuation: the header and the rows after `row`

    def _before(self) -> float:
        """The height of the whole table's rows before this part."""
        return self._all_ends[self._start - 1] if self._start else 0.0

    def wrap(self, availWidth, availHeight):
        self.width = sum(self._widths)
        rows = self._all_ends[-1] - self._before() if self._count else 0.0
        self.height = self._header_height + rows
        return self.width, self.height

    def split(self, availWidth, availHeight):
        import bisect

        room = availHeight - self._header_height
        count = self._count
        # rows whose bottoms are within the room
        fit = bisect.bisect_right(self._all_ends, self._before() + room, self._start) - self._start
        if fit >= count:
            return [self._made(count)]
        if fit == 0:
            # not one whole row: reportlab may cut the first row (that depends on it alone, so
            # a Table of the first two rows tells), else the table goes to the next page
            if not self._made(min(2, count)).split(availWidth, availHeight):
                return []
            return self._made(count).split(availWidth, availHeight)
        parts = self._made(fit + 1).split(availWidth, availHeight)
        if len(parts) != 2 or len(parts[0]._cellvalues) != fit + 1:  # reportlab decided else
            return self._made(count).split(availWidth, availHeight)
        return [parts[0], self._rest(fit)]

    def draw(self):   # the whole table fitted where it stands
        if self._whole is None:
            self._whole = self._made(self._count)
        self._whole.wrapOn(self.canv, self.width, self.height)
        self._whole.drawOn(self.canv, 0, 0)
