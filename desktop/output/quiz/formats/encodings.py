"""Reading question files whatever their encoding: UTF-8 with or without BOM, UTF-16 (with a BOM,
or without one when the zero bytes give it away), and Windows-1258 (the Vietnamese ANSI code
page of old Windows PCs). Text comes back in NFC with Windows and old Mac line endings made "\\n".
"""
from __future__ import annotations

import codecs
import unicodedata

UTF8_BOM = codecs.BOM_UTF8


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the zero bytes sit where ASCII text in UTF-16 puts them."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2]
    odd = data[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def detect(data: bytes) -> str:
    """The encoding of `data`: utf-8-sig, utf-16 (BOM), utf-16-le/be, utf-8 or cp1258."""
    if data.startswith(UTF8_BOM):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    guess = _utf16_without_bom(data)
    if guess:
        return guess
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1258"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). The text is NFC, with "\\n" line ends and no BOM."""
    enc = encoding or detect(data)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        enc = "cp1258"
        text = data.decode(enc, errors="replace")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), enc


ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (có BOM)", "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "cp1258": "Windows-1258",
}
