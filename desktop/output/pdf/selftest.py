"""A one-page PDF that shows the fonts carry every Vietnamese letter (for ``--selftest``)."""
from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph

from .fonts import register_fonts, vietnamese_letters
from .official import doc_number, header_block, plain, styles, title_block
from .template import Target, build_official_pdf


def selftest_text() -> str:
    lower, upper = vietnamese_letters()
    return f"{lower} {upper}"


def selftest_pdf(path: Target) -> str:
    """Render the heading, a title and a paragraph with all 134 Vietnamese letters that carry a
    diacritic (67 lowercase, 67 uppercase); return that paragraph's text."""
    fonts = register_fonts()
    st = styles(fonts)
    text = selftest_text()
    story = header_block(
        "Bảo hiểm xã hội Việt Nam", "ISO Desk", doc_number(1, "KT", "ISO"), "Hà Nội",
        date.today(),
    )
    story += title_block("Kiểm tra phông chữ", f"Phông chữ: {fonts.source}")
    story.append(Paragraph(plain(text), st["body_noindent"]))
    build_official_pdf(path, story, title="ISO Desk self-test", subject="Vietnamese fonts")
    return text
