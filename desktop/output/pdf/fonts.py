"""The serif fonts every PDF of the program is set in.

Nghị định 30/2020/NĐ-CP asks for Times New Roman. It is used when all four styles are installed
and cover every Vietnamese letter; otherwise the bundled Liberation Serif (metric-compatible,
SIL OFL) is used. Both are registered as TrueType fonts, which reportlab embeds as subsets.

Set ``ISODESK_PDF_FONT=liberation`` to always use the bundled font (reproducible output).
"""
from __future__ import annotations

import os
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

ENV_FONT = "ISODESK_PDF_FONT"
TIMES = "Times New Roman"
LIBERATION = "Liberation Serif"

STYLES = ("regular", "bold", "italic", "bold_italic")

# File names of Times New Roman, per style: Windows, Debian's msttcorefonts, macOS.
_TIMES_FILES: dict[str, tuple[str, ...]] = {
    "regular": ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf"),
    "bold": ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf"),
    "italic": ("timesi.ttf", "Times_New_Roman_Italic.ttf", "Times New Roman Italic.ttf"),
    "bold_italic": (
        "timesbi.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
        "Times New Roman Bold Italic.ttf",
    ),
}

_LIBERATION_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}

_BASE_VOWELS = "aăâeêioôơuưy"
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_letters() -> tuple[str, str]:
    """All 67 lowercase and 67 uppercase Vietnamese letters with a diacritic (NFC)."""
    lower = [unicodedata.normalize("NFC", v + t) for v in _BASE_VOWELS for t in _TONES]
    lower += list("ăâêôơưđ")
    return "".join(lower), "".join(ch.upper() for ch in lower)


@dataclass(frozen=True)
class FontSet:
    """The registered names of one serif family, as used in paragraph styles and on a canvas."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    family: str
    source: str  # TIMES or LIBERATION

    def name(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        if italic:
            return self.italic
        return self.regular


def font_dirs() -> list[Path]:
    """Folders where Times New Roman is usually installed, most likely first."""
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "win32" and not windir:
        dirs.append(Path("C:/Windows/Fonts"))
    home = Path.home()
    dirs += [
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/msttcore"),
        Path("/usr/share/fonts/truetype/msttcore"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/share/fonts/truetype"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library" / "Fonts",
    ]
    return dirs


def _find_in(directory: Path, names: tuple[str, ...]) -> Path | None:
    try:
        entries = {p.name.lower(): p for p in directory.iterdir() if p.is_file()}
    except OSError:
        return None
    for name in names:
        hit = entries.get(name.lower())
        if hit is not None:
            return hit
    return None


def find_times_new_roman(dirs: list[Path] | None = None) -> dict[str, Path] | None:
    """The four Times New Roman files from one folder, or None when any is missing."""
    for directory in dirs if dirs is not None else font_dirs():
        if not directory.is_dir():
            continue
        found = {style: _find_in(directory, _TIMES_FILES[style]) for style in STYLES}
        if all(found.values()):
            return found  # type: ignore[return-value]
    return None


def _covers_vietnamese(font: TTFont) -> bool:
    lower, upper = vietnamese_letters()
    cmap = font.face.charToGlyph
    return all(ord(ch) in cmap for ch in lower + upper)


def _load(prefix: str, files: dict[str, Path], source: str, check: bool) -> FontSet | None:
    names = {
        "regular": prefix,
        "bold": f"{prefix}-Bold",
        "italic": f"{prefix}-Italic",
        "bold_italic": f"{prefix}-BoldItalic",
    }
    fonts = []
    for style in STYLES:
        name = names[style]
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        try:
            font = TTFont(name, str(files[style]))
        except Exception:  # a damaged or unsupported file: use another font
            return None
        if check and not _covers_vietnamese(font):
            return None
        fonts.append(font)
    for font in fonts:
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return FontSet(
        regular=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        bold_italic=names["bold_italic"],
        family=names["regular"],
        source=source,
    )


_lock = threading.Lock()
_cache: dict[str, FontSet] = {}


def font_choice() -> str:
    """'liberation' when the bundled font is forced, else 'auto'."""
    value = os.environ.get(ENV_FONT, "").strip().lower()
    return "liberation" if value in {"liberation", "bundled", "liberation serif"} else "auto"


def register_fonts() -> FontSet:
    """Register the serif family (once per choice) and return its names."""
    choice = font_choice()
    with _lock:
        cached = _cache.get(choice)
        if cached is not None:
            return cached
        fontset = None
        if choice == "auto":
            times = find_times_new_roman()
            if times is not None:
                fontset = _load("IsoDesk-TimesNewRoman", times, TIMES, check=True)
        if fontset is None:
            files = {style: resource("fonts", _LIBERATION_FILES[style]) for style in STYLES}
            fontset = _load("IsoDesk-LiberationSerif", files, LIBERATION, check=False)
        if fontset is None:
            raise RuntimeError("The bundled Liberation Serif fonts could not be loaded")
        _cache[choice] = fontset
        return fontset
