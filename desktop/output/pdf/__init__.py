"""PDF building blocks shared by every document the program prints (no Qt here).

``fonts`` registers the serif family, ``official`` holds the Nghị định 30/2020/NĐ-CP layout
pieces, ``template`` the page template and the build functions, ``tables`` bordered data tables.
"""
from .fonts import FontSet, register_fonts, vietnamese_letters
from .official import (
    PageSetup,
    Rule,
    SignatureBox,
    blank_number,
    doc_number,
    format_place_date,
    header_block,
    plain,
    qr_flowable,
    recipients_block,
    signature_block,
    signature_parts,
    styles,
    title_block,
    vn_date,
    vn_datetime,
)
from .selftest import selftest_pdf
from .tables import data_table, text_paragraph
from .template import (
    CopyStart,
    OfficialDocTemplate,
    build_copies,
    build_official_pdf,
    build_with_page_count,
)

__all__ = [
    "CopyStart",
    "FontSet",
    "OfficialDocTemplate",
    "PageSetup",
    "Rule",
    "SignatureBox",
    "build_copies",
    "build_official_pdf",
    "build_with_page_count",
    "data_table",
    "text_paragraph",
    "blank_number",
    "doc_number",
    "format_place_date",
    "header_block",
    "plain",
    "qr_flowable",
    "recipients_block",
    "register_fonts",
    "selftest_pdf",
    "signature_block",
    "signature_parts",
    "styles",
    "title_block",
    "vietnamese_letters",
    "vn_date",
    "vn_datetime",
]
