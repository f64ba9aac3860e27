"""The page template of an official document, and building PDFs from a story.

Page numbers are centred in the top margin from the second page of each copy on (Nghị định
30/2020/NĐ-CP); an optional light diagonal watermark goes under the text of every page; an
optional copy mark ("Bản số 1/3 — …") is printed small at the top right of a copy's first page,
and its number alone ("Bản số 1/3") on the copy's following pages; an optional banner (a
revision replaced by a later one: "Đã được thay thế bởi bản sửa đổi 2") is boxed in the bottom
margin of every page.
Several copies can be built into one file, each starting on a new page with its own numbering.
"""
from __future__ import annotations

import contextlib
import gc
import io
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Union

from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.tables import CellStyle

from desktop.models.progress import Progress

from .fonts import register_fonts
from .official import PageSetup

Target = Union[str, os.PathLike, BinaryIO]
StoryMaker = Callable[[int], list]

CREATOR = "ISO Desk"
MAX_PASSES = 3
PAGE_NUMBER_SIZE = 13
COPY_MARK_SIZE = 10
COPY_MARK_SMALL_SIZE = 9
WATERMARK_SIZE = 72
WATERMARK_GREY = Color(0.82, 0.82, 0.82)
BANNER_SIZE = 12


def watermark_size(text: str, font: str, width: float, height: float) -> float:
    """The font size of a watermark drawn along the page's diagonal: at most WATERMARK_SIZE,
    and small enough that the text stays inside the page (a fifth of the diagonal is left
    free, half at each end, for the corners the text's height takes)."""
    diagonal = math.hypot(width, height)
    per_point = stringWidth(text, font, 1) or 1
    return min(WATERMARK_SIZE, 0.8 * diagonal / (per_point + 1))


def short_copy_mark(mark: str) -> str:
    """"Bản số 1/3 — Lưu tại …" → "Bản số 1/3" (the mark of a copy's following pages)."""
    return mark.split(" — ", 1)[0]


class CopyStart(Flowable):
    """Invisible marker: a new copy starts on this page (its page numbering restarts)."""

    def __init__(self, mark: str | None):
        super().__init__()
        self.mark = mark

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self):
        pass


class OfficialDocTemplate(BaseDocTemplate):
    """One frame inside the Nghị định 30 margins, with page decorations per copy.

    After ``build``, ``copy_page_counts`` holds the number of pages of each copy (a story with no
    ``CopyStart`` counts as one copy).
    """

    def __init__(self, target: Target, *, setup: PageSetup = PageSetup(),
                 page_number_from: int | None = 2, watermark: str | None = None,
                 copy_mark: str | None = None, title: str = "", author: str = "",
                 subject: str = "", creator: str = CREATOR, banner: str | None = None, **kw):
        if isinstance(target, os.PathLike):
            target = os.fspath(target)
        self.setup = setup
        self.fonts = register_fonts()
        # Table cells default to the document font: reportlab's default (Helvetica) would be
        # named in the file, not embedded, even when every cell holds a paragraph.
        CellStyle.fontname = self.fonts.regular
        self.page_number_from = page_number_from
        self.watermark = watermark
        self.banner = banner
        self.copy_page_counts: list[int] = []
        self._initial_mark = copy_mark
        super().__init__(
            target,
            pagesize=setup.pagesize,
            leftMargin=setup.left,
            rightMargin=setup.right,
            topMargin=setup.top,
            bottomMargin=setup.bottom,
            title=title,
            author=author,
            subject=subject,
            creator=creator,
            lang="vi-VN",
            initialFontName=self.fonts.regular,
            **kw,
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(
            id="official", frames=[frame], onPage=self._under_page, onPageEnd=self._over_page,
        )])

    # -- per-copy bookkeeping ------------------------------------------------------------
    def build(self, flowables, *args, **kw):
        self.copy_page_counts = []
        self._copy_first_page = 1
        self._copy_mark = self._initial_mark
        return super().build(flowables, *args, **kw)

    def afterFlowable(self, flowable):  # noqa: N802
        if isinstance(flowable, CopyStart):
            self._copy_first_page = self.canv.getPageNumber()
            self._copy_mark = flowable.mark

    def page_in_copy(self) -> int:
        return self.canv.getPageNumber() - self._copy_first_page + 1

    # -- decorations ------------------------------------------------------------------------
    def _under_page(self, canv, doc):
        if self.watermark:
            width, height = self.setup.pagesize
            size = watermark_size(self.watermark, self.fonts.bold, width, height)
            canv.saveState()
            canv.setFillColor(WATERMARK_GREY)
            canv.setFont(self.fonts.bold, size)
            canv.translate(width / 2, height / 2)
            canv.rotate(math.degrees(math.atan2(height, width)))
            canv.drawCentredString(0, -size / 3, self.watermark)
            canv.restoreState()

    def _over_page(self, canv, doc):
        width, height = self.setup.pagesize
        page = self.page_in_copy()
        if page == 1:  # first page of the document or of a new copy
            self.copy_page_counts.append(0)
        self.copy_page_counts[-1] = page
        canv.saveState()
        canv.setFillColor(black)
        if page == 1 and self._copy_mark:
            canv.setFont(self.fonts.italic, COPY_MARK_SIZE)
            canv.drawRightString(width - self.setup.right, height - self.setup.top / 2,
                                 self._copy_mark)
        elif self._copy_mark:  # the following pages: the copy's number only, smaller
            canv.setFont(self.fonts.italic, COPY_MARK_SMALL_SIZE)
            canv.drawRightString(width - self.setup.right, height - self.setup.top / 2,
                                 short_copy_mark(self._copy_mark))
        if self.page_number_from and page >= self.page_number_from:
            canv.setFont(self.fonts.regular, PAGE_NUMBER_SIZE)
            x = self.setup.left + (width - self.setup.left - self.setup.right) / 2
            canv.drawCentredString(x, height - self.setup.top / 2 - PAGE_NUMBER_SIZE / 3,
                                   str(page))
        if self.banner:
            self._draw_banner(canv, width)
        canv.restoreState()

    def _draw_banner(self, canv, width: float) -> None:
        text_width = stringWidth(self.banner, self.fonts.bold, BANNER_SIZE)
        x = self.setup.left + (width - self.setup.left - self.setup.right) / 2
        y = self.setup.bottom / 2 - BANNER_SIZE / 3
        canv.setFont(self.fonts.bold, BANNER_SIZE)
        canv.drawCentredString(x, y, self.banner)
        canv.setLineWidth(1)
        pad = 4
        canv.rect(x - text_width / 2 - pad, y - pad, text_width + 2 * pad,
                  BANNER_SIZE + pad, stroke=1, fill=0)


def follow_build(doc: BaseDocTemplate, progress: Progress | None) -> None:
    """Tell ``progress(done, total)`` of the flowables laid out while ``doc`` builds. What it
    raises (``Cancelled``) stops the build before the file is written."""
    if progress is None:
        return
    total = [0]

    def hook(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = value
        elif kind == "PROGRESS" and total[0]:
            progress(value, total[0])

    doc.setProgressCallBack(hook)


@contextlib.contextmanager
def collection_held() -> Iterator[None]:
    """Python's automatic cycle collection held while a long document is laid out, and
    turned back on after (only if it was on: the windows run it from the UI thread themselves,
    desktop/views/collector.py, and keep it off).

    A long report makes millions of objects that live until its file is written (a cell's
    flowable, a row's list, each page's tables); the collector walked all of them again and
    again as they piled up — a third of the CPU time of a 1,000-page report. Reference
    counting still frees what is not in a cycle; the few cycles of a build are collected by the
    next collection after it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def build_official_pdf(path_or_buffer: Target, story: list, *, setup: PageSetup = PageSetup(),
                       page_number_from: int | None = 2, watermark: str | None = None,
                       copy_mark: str | None = None, title: str = "", author: str = "",
                       subject: str = "", banner: str | None = None,
                       progress: Progress | None = None) -> int:
    """Build ``story`` into a PDF; return its page count. ``progress``: see ``follow_build``."""
    doc = OfficialDocTemplate(path_or_buffer, setup=setup, page_number_from=page_number_from,
                              watermark=watermark, copy_mark=copy_mark, title=title,
                              author=author, subject=subject, banner=banner)
    follow_build(doc, progress)
    doc.build(list(story))
    return doc.page


def _write(target: Target, data: bytes) -> None:
    if isinstance(target, (str, os.PathLike)):
        Path(target).write_bytes(data)
    else:
        target.write(data)


def _converge(build: Callable[[int], tuple[bytes, int, int]], target: Target,
              guess: int = 1) -> int:
    """Build with a guessed page count until the story states the real one (at most
    MAX_PASSES builds), write the last build to ``target`` and return its total page count.

    ``build(n)`` returns (pdf bytes, pages the story should state, total pages)."""
    for _ in range(MAX_PASSES):
        data, pages, total = build(guess)
        if pages == guess:
            break
        guess = pages
    _write(target, data)
    return total


def build_with_page_count(path_or_buffer: Target, make_story: StoryMaker, *,
                          guess: int | None = None, **kw) -> int:
    """Build ``make_story(n)`` where n is the document's own page count ("Biên bản này gồm n
    trang"); return the page count. ``guess``: the count if known from an earlier build (a
    wrong one costs a build more). Other keyword arguments as for ``build_official_pdf``."""

    def build(guess: int) -> tuple[bytes, int, int]:
        buf = io.BytesIO()
        pages = build_official_pdf(buf, make_story(guess), **kw)
        return buf.getvalue(), pages, pages

    return _converge(build, path_or_buffer, guess=guess or 1)


def build_copies(path_or_buffer: Target, make_story: StoryMaker, copies: list[str], *,
                 setup: PageSetup = PageSetup(), page_number_from: int | None = 2,
                 watermark: str | None = None, title: str = "", author: str = "",
                 subject: str = "", banner: str | None = None,
                 pages_guess: int | None = None) -> int:
    """Build one copy per entry of ``copies`` (its copy mark) into one PDF, each copy starting
    on a new page with its own page numbering. ``make_story(n)`` is called once per copy, with
    n the page count of one copy. Returns the total page count of the file.

    ``pages_guess``: the page count of one copy when it is known from an earlier build of the
    same story (it saves the build that finds it). A wrong guess costs a build more, never a
    wrong count: the copies are built again with the count they came out with."""
    common = dict(setup=setup, page_number_from=page_number_from, watermark=watermark,
                  title=title, author=author, subject=subject, banner=banner)
    if not copies:
        return build_with_page_count(path_or_buffer, make_story, guess=pages_guess, **common)

    def build(guess: int, marks: list[str] = copies,
              save: bool = True) -> tuple[bytes, int, int]:
        story: list = []
        for i, mark in enumerate(marks):
            if i:
                story.append(PageBreak())
            story.append(CopyStart(mark))
            story.extend(make_story(guess))
        buf = io.BytesIO()
        doc = OfficialDocTemplate(buf, **common)
        doc._doSave = save   # reportlab's own switch: lay out and draw, write no file
        doc.build(story)
        return buf.getvalue(), max(doc.copy_page_counts), doc.page

    if pages_guess is None:
        # The page count comes from one copy laid out (a third of the work of all of them,
        # and no file written); the copies are then built once with it, and again only if a
        # copy came out longer than the first.
        _data, pages_guess, _total = build(1, copies[:1], save=False)
    return _converge(build, path_or_buffer, guess=pages_guess)
