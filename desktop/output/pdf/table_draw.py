"""A table's page drawn straight onto the canvas: every cell's text as lines in one text object.

Reportlab's ``Table`` draws each cell through the cell's flowable: the canvas state saved,
moved and restored for every cell, and a text object of its own for every cell's text — more
than half the time of a long report. ``DrawnTable`` is a ``Table`` (reportlab lays it out and
splits it across pages, so the pages break where they did) whose page is drawn at once: the
cell backgrounds and the grid by reportlab's own routines (a rectangle a background, a line a
rule), and the text of all the cells as lines measured when the cells were wrapped, in one text
object. A line is where the cell's flowable would have put it (the same alignment, padding,
baseline and word spacing), so the page reads and looks the same.

What it cannot draw as lines — a paragraph with inline markup, a bullet, a border, an
underline or a link, a cell holding anything but text — is drawn by its own flowable as before.
"""
from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable, Paragraph, Table

# (x, y, text, font, size, leading, colour, word spacing) of one line, relative to its flowable
Line = tuple[float, float, str, str, float, float, object, float]


def ascent(font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    return getAscentDescent(font, size)[0]


def _first_baseline(height: float, font: str, size: float) -> float:
    """Where a paragraph's first baseline is, below its top (reportlab's rule)."""
    return height - (size if rl_config.paraFontSizeHeightOffset else ascent(font, size))


def _nbsp_count(text: str) -> int:
    return text.count("\xa0")


def paragraph_lines(p: Paragraph) -> list[Line] | None:
    """The lines a wrapped plain Paragraph draws (one font, no markup), or None for any other.

    Follows ``Paragraph.drawPara`` for a paragraph of one fragment kind: line i starts at the
    paragraph's left indent plus its offset, one leading below the line before; a centred or
    right-aligned line is moved by half or all of the room it leaves, and a line too long for
    the width has its word spacing narrowed instead (when it has spaces)."""
    bl = getattr(p, "blPara", None)
    st = p.style
    if (bl is None or bl.kind != 0 or p.bulletText or st.backColor
            or (st.borderWidth and st.borderColor) or getattr(bl, "us_lines", None)
            or getattr(bl, "link", None) or st.alignment not in (TA_LEFT, TA_CENTER, TA_RIGHT)
            or st.wordWrap == "RTL" or getattr(p, "autoLeading", getattr(st, "autoLeading", ""))
            or "preformatted" in type(p).__name__.lower()):
        return None
    lines = bl.lines
    if not lines:
        return []
    offsets = list(getattr(p, "_offsets", [0]))
    offsets += (len(lines) - len(offsets)) * [offsets[-1]]
    leading = st.leading
    y = _first_baseline(p.height, bl.fontName, bl.fontSize)
    out: list[Line] = []
    for i, (extra, words) in enumerate(lines):
        offset = (st.firstLineIndent + offsets[0]) if i == 0 else offsets[i]
        text = " ".join(words)
        spacing = 0.0
        simple = extra > -1e-8
        if not simple:
            spaces = len(words) + _nbsp_count(text) - 1
            simple = spaces <= 0
            if not simple:
                spacing = extra / float(spaces)
        if simple and st.alignment == TA_CENTER:
            offset += 0.5 * extra
        elif simple and st.alignment == TA_RIGHT:
            offset += extra
        out.append((st.leftIndent + offset, y - i * leading, text, bl.fontName, bl.fontSize,
                    leading, bl.textColor, spacing))
    return out


def flowable_lines(v: Flowable) -> list[Line] | None:
    """The lines of a cell's flowable, if it is text that can be drawn as lines."""
    lines = getattr(v, "lines", None)
    if callable(lines):          # LineCell and the like say their own lines
        return lines()
    if type(v) is Paragraph:
        # worked out once for the lines it was wrapped into and its height (a paragraph shared
        # by the cells of the same text is drawn many times)
        kept = v.__dict__.get("_table_lines")
        bl = getattr(v, "blPara", None)
        if kept is not None and kept[0] is bl and kept[1] == v.height:
            return kept[2]
        lines = paragraph_lines(v)
        v._table_lines = (bl, v.height, lines)                                   # noqa: SLF001
        return lines
    return None


class DrawnTable(Table):
    """A Table whose cells' text is drawn as lines in one text object (see the module).

    Reportlab makes the parts of a split with the class of the table split, so every page of a
    long table is a DrawnTable. Spans and render callbacks (not used by the program's tables)
    go to reportlab's own drawing."""

    def draw(self):
        if self._spanCmds or getattr(self, "_renderCB", None):
            return super().draw()
        c = self.canv
        c.saveState()
        self._curweight = self._curcolor = self._curcellstyle = None
        self._makeShadow()
        self._makeRoundedCornersClip()
        self._drawBkgrnd()
        self._draw_cells()
        self._drawLines()
        c.restoreState()
        if self._roundingRectDef:
            self._restoreRoundingObscuredLines()

    def _draw_cells(self) -> None:
        """Every cell's text, in the cells' order (as a reader's tools take it), as lines of
        one text object; a cell that is not plain text is drawn by its flowable in its turn,
        between two text objects."""
        c = self.canv
        state = _TextState(c)
        add, origin = state.add, state.origin
        for row, row_styles, row_pos, row_height in zip(
                self._cellvalues, self._cellStyles, self._rowpositions[1:], self._rowHeights):
            for value, cs, col_pos, col_width in zip(
                    row, row_styles, self._colpositions[:-1], self._colWidths):
                if type(value) is list and len(value) == 1:     # a table's usual cell
                    v = value[0]
                    aw = col_width - cs.leftPadding - cs.rightPadding
                    kept = v.__dict__.get("_table_cell")
                    if kept is None or kept[0] != aw or v.__dict__.get("width") != aw:
                        kept = self._cell_geometry(v, aw, row_height - cs.topPadding
                                                   - cs.bottomPadding)
                    _aw, w, h, sb, lines, total = kept
                    # where _placed puts it (the same sums in the same order)
                    valign = cs.valign
                    if valign == "TOP":
                        y = row_pos + row_height - cs.topPadding
                    elif valign == "BOTTOM":
                        y = row_pos + cs.bottomPadding + total
                    else:
                        y = row_pos + (row_height + cs.bottomPadding - cs.topPadding
                                       + total) / 2.0
                    y += sb
                    align = cs.alignment
                    if align == "LEFT":
                        x = col_pos + cs.leftPadding
                    elif align == "RIGHT":
                        x = col_pos + col_width - cs.rightPadding - w
                    elif align in ("CENTRE", "CENTER"):
                        x = col_pos + (col_width + cs.leftPadding - cs.rightPadding - w) / 2.0
                    else:
                        raise ValueError(f"Invalid justification {align!a}")
                    y -= sb
                    y -= h
                    if lines is None:
                        state.flush()
                        # wrapped again: the flowable may be another cell's too, and a failed
                        # split there (reportlab's cutting of a tall row) forgets its lines
                        v.wrapOn(c, aw, row_height - cs.topPadding - cs.bottomPadding)
                        v.drawOn(c, x, y)
                    elif len(lines) == 1 and lines[0][3:] == state.same:
                        # one line in the font state of the line before (most cells): its
                        # own text object, its origin and its text
                        dx, dy, s = lines[0][:3]
                        code = state.code
                        code.append("ET BT")
                        code.append(origin % fp_str(x + dx, y + dy))
                        code.append(state.encode(s))
                    else:
                        add(x, y, lines)
                    continue
                if isinstance(value, Flowable):
                    value = (value,)
                if not isinstance(value, (list, tuple)):       # a bare string cell
                    state.flush()
                    self._drawCell(value, cs, (col_pos, row_pos), (col_width, row_height))
                    continue
                for v, x, y in self._placed(value, cs, col_pos, row_pos, col_width,
                                            row_height):
                    lines = flowable_lines(v)
                    if lines is None:
                        state.flush()
                        v.drawOn(c, x, y)
                    else:
                        add(x, y, lines)
        state.flush()

    def _cell_geometry(self, v, aw: float, ah: float) -> tuple:
        """(aw, width, height, space before, lines, total) of a cell's one flowable wrapped at
        `aw`, as _placed measures it, kept on the flowable: the cells of the same text share
        it, and its lines and sizes are the same at the same width."""
        width = getattr(v, "width", None)
        if width is None or abs(width - aw) > 1e-6 or getattr(v, "height", None) is None:
            v.wrapOn(self.canv, aw, ah)       # not yet wrapped at this width
        w = aw if isinstance(v, Paragraph) else v.width
        h, sb, sa = v.height, v.getSpaceBefore(), v.getSpaceAfter()
        kept = (aw, w, h, sb, flowable_lines(v), h + sa + sb - sb - sa)
        if v.__dict__.get("width") == aw:
            v._table_cell = kept                                                  # noqa: SLF001
        return kept

    def _placed(self, values, cs, col_pos, row_pos, col_width, row_height):
        """Each flowable of a cell with where Table._drawCell would draw it (its lower left)."""
        aw = col_width - cs.leftPadding - cs.rightPadding
        ah = row_height - cs.topPadding - cs.bottomPadding
        sizes = []
        for v in values:
            width = getattr(v, "width", None)
            if width is None or abs(width - aw) > 1e-6 or getattr(v, "height", None) is None:
                v.wrapOn(self.canv, aw, ah)       # not yet wrapped at this width
            w = aw if isinstance(v, Paragraph) else v.width
            sizes.append((w, v.height, v.getSpaceBefore(), v.getSpaceAfter()))
        if not values:
            return
        total = sum(h + sa + sb for _w, h, sb, sa in sizes) - sizes[0][2] - sizes[-1][3]
        if cs.valign == "TOP":
            y = row_pos + row_height - cs.topPadding
        elif cs.valign == "BOTTOM":
            y = row_pos + cs.bottomPadding + total
        else:
            y = row_pos + (row_height + cs.bottomPadding - cs.topPadding + total) / 2.0
        y += sizes[0][2]
        for v, (w, h, sb, sa) in zip(values, sizes):
            if cs.alignment == "LEFT":
                x = col_pos + cs.leftPadding
            elif cs.alignment == "RIGHT":
                x = col_pos + col_width - cs.rightPadding - w
            elif cs.alignment in ("CENTRE", "CENTER"):
                x = col_pos + (col_width + cs.leftPadding - cs.rightPadding - w) / 2.0
            else:
                raise ValueError(f"Invalid justification {cs.alignment!a}")
            y -= sb
            y -= h
            yield v, x, y
            y -= sa


class _TextState:
    """The text of the cells as PDF text objects, one a cell (as when each cell drew its own,
    so that a reader's tools take each cell's text as a run of its own), written through one
    reportlab text object: the font, colour and word spacing — kept from one PDF text object to
    the next by the graphics state — are set only when a line changes them.

    A line's PDF operators are kept for the document (on its canvas) and used again when the
    same text comes in the same font and font state: reportlab encodes a TrueType string
    character by character into the font's subsets, and most of a long table's cells repeat
    (a department, a state, a date)."""

    def __init__(self, canv):
        self.canv = canv
        self.text = None
        self.encoded = canv.__dict__.setdefault("_isodesk_encoded_lines", {})
        self.origin = "1 0 0 1 %s Tm" if canv.bottomup else "1 0 0 -1 %s Tm"
        self.same = None   # no text object yet: the next line sets the font state

    def add(self, x: float, y: float, lines: list[Line]) -> None:
        if self.text is None:
            self.text = self.canv.beginText()
            self.font = self.colour = self.font_key = None
            self.spacing = 0.0
            self.code = self.text._code                                           # noqa: SLF001
        else:
            self.code.append("ET BT")   # the next cell's own text object
        text, code = self.text, self.code
        for dx, dy, s, font, size, leading, colour, spacing in lines:
            if self.font != (font, size, leading):
                self.font = (font, size, leading)
                text.setFont(font, size, leading)
                self.font_key = (text._fontname, text._fontsize, text._leading)    # noqa: SLF001
            if colour is not self.colour and colour != self.colour:
                self.colour = colour
                text.setFillColor(colour)
            if spacing != self.spacing:
                self.spacing = spacing
                text.setWordSpace(spacing)
            # setTextOrigin's operator (the cursor it also keeps is not used: each line is
            # placed)
            code.append(self.origin % fp_str(x + dx, y + dy))
            code.append(self.encode(s))
        # the font state a following line needs to be written as it is
        self.same = self.font + (self.colour, self.spacing)

    def encode(self, s: str) -> str:
        """``_textOut`` of a line (no cursor to keep: each line is placed), its operators from
        the document's store when it has them: they depend on the text, the font and which of
        its subsets is current; the subset after them is kept with them."""
        text = self.text
        if type(s) is not str:
            return text._formatText(s)                                            # noqa: SLF001
        key = (self.font_key, text._curSubset, s)                                 # noqa: SLF001
        hit = self.encoded.get(key)
        if hit is None:
            out = text._formatText(s)                                             # noqa: SLF001
            self.encoded[key] = (out, text._curSubset)                            # noqa: SLF001
            return out
        out, text._curSubset = hit                                                # noqa: SLF001
        return out

    def flush(self) -> None:
        if self.text is not None:
            if self.spacing:
                self.text.setWordSpace(0)
            self.canv.drawText(self.text)
            self.text = self.same = None
