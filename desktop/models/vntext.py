"""Vietnamese text: normalisation, diacritic-blind search, Vietnamese collation and the old
TCVN3 (ABC) / VNI-Windows font encodings.

Standard library only; no Qt.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

from .vnlegacy import TCVN3_TO_UNI, UNI_TO_TCVN3, UNI_TO_VNI, VNI_MODIFIERS, VNI_TO_UNI

__all__ = [
    "nfc", "clean", "fold", "matches", "collation_key", "person_sort_key",
    "legacy_encoding_for_font", "is_capital_font", "tcvn3_to_unicode", "vni_to_unicode",
    "unicode_to_tcvn3", "unicode_to_vni", "looks_like_legacy", "convert_legacy",
]

# ---------------------------------------------------------------------------------------------
# Normalisation

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))


def nfc(s: str | None) -> str | None:
    """Unicode NFC, without BOMs and zero-width characters (U+200B..U+200D, U+FEFF).

    None stays None. Ordinary whitespace is kept as it is.
    """
    if s is None:
        return None
    if not isinstance(s, str):
        raise TypeError(f"nfc() expects str or None, not {type(s).__name__}")
    if s.isascii():   # codes, dates, numbers: nothing to remove, already NFC
        return s
    return unicodedata.normalize("NFC", s.translate(_INVISIBLE))


def clean(s: str | None) -> str | None:
    """nfc(), every run of whitespace made one space, and stripped. None stays None."""
    s = nfc(s)
    if s is None:
        return None
    return " ".join(s.split())


# ---------------------------------------------------------------------------------------------
# Search

_DSTROKE = str.maketrans({"\u0111": "d", "\u0110": "D"})
_INVISIBLE_OR_DSTROKE = _INVISIBLE | _DSTROKE
# The blocks of combining diacritical marks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF,
# U+20D0–20FF, U+FE20–FE2F): those of their characters that are combining marks.
_MARK_BLOCKS = ((0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100),
                (0xFE20, 0xFE30))


@lru_cache(maxsize=1)
def _latin_marks() -> re.Pattern:
    marks = "".join(chr(c) for lo, hi in _MARK_BLOCKS for c in range(lo, hi)
                    if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


def fold(s: str | None) -> str:
    """Search key: no diacritics, đ -> d, case-folded, whitespace collapsed.

    fold("Nguyễn Thị Đào") == "nguyen thi dao"; NFC and NFD input give the same key.
    """
    if not s:
        return ""
    decomposed = unicodedata.normalize("NFD", s.translate(_INVISIBLE_OR_DSTROKE))
    bare = _latin_marks().sub("", decomposed)
    if bare.isascii():
        # Vietnamese text ends here: its marks are all in the blocks removed above and đ is
        # already d, so casefold() is lower() and there is nothing left to decompose.
        return " ".join(bare.lower().split())
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch)).casefold()
    # casefold() may produce new composable sequences only for non-Vietnamese letters;
    # drop any marks it introduced so the key stays mark-free.
    bare = "".join(ch for ch in unicodedata.normalize("NFD", bare) if not unicodedata.combining(ch))
    return " ".join(bare.split())


def matches(query: str | None, *texts: str | None) -> bool:
    """True when every word of the query (diacritics and case ignored) occurs inside at least
    one of the texts. An empty query matches everything."""
    tokens = fold(query).split()
    if not tokens:
        return True
    folded = [fold(t) for t in texts if t]
    return all(any(tok in f for f in folded) for tok in tokens)


# ---------------------------------------------------------------------------------------------
# Collation

# Vietnamese alphabet, with the other Latin letters where they fall in the Latin alphabet.
_ALPHABET = "a\u0103\u00e2bcd\u0111e\u00eafghijklmno\u00f4\u01a1pqrstu\u01b0vwxyz"
_LETTER_WEIGHT = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks, in Vietnamese order: none < huyền < hỏi < ngã < sắc < nặng.
_TONE_WEIGHT = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different letter (ă â ê ô ơ ư): breve, circumflex, horn.
_SHAPE_MARKS = frozenset("\u0306\u0302\u031b")

# Character classes at the primary level: space < punctuation/symbols < digits < letters < rest.
_SPACE, _PUNCT, _DIGIT, _LETTER, _OTHER = range(5)


@lru_cache(maxsize=4096)
def _char_weights(ch: str) -> tuple[tuple[int, int], tuple[int, tuple[int, ...]], int]:
    """(primary, secondary, tertiary) weights of one NFC character."""
    if ch.isspace():
        return (_SPACE, 0), (0, ()), 0
    if ch.isdecimal():
        return (_DIGIT, unicodedata.decimal(ch)), (0, ()), 0
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    tertiary = 1 if base != base.lower() else 0
    shape = "".join(sorted(m for m in marks if m in _SHAPE_MARKS))
    tone = 0
    others: list[int] = []
    for m in marks:
        if m in _TONE_WEIGHT and not tone:
            tone = _TONE_WEIGHT[m]
        elif m not in _SHAPE_MARKS:
            others.append(ord(m))
    letter = unicodedata.normalize("NFC", base.lower() + shape)
    if letter in _LETTER_WEIGHT:
        primary = (_LETTER, _LETTER_WEIGHT[letter])
    elif base.lower() in _LETTER_WEIGHT:
        # A Latin letter with a mark Vietnamese does not use (ç, ü, ñ, ...): same letter,
        # the extra mark is a secondary difference.
        primary = (_LETTER, _LETTER_WEIGHT[base.lower()])
        others = [ord(m) for m in marks if m not in _TONE_WEIGHT]
    elif base.isalpha():
        primary = (_OTHER, ord(base.lower()))
    else:
        primary = (_PUNCT, ord(ch))
    return primary, (tone, tuple(others)), tertiary


def collation_key(s: str | None):
    """Sort key in Vietnamese order.

    Primary: letters in the order a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư
    v (w) x y (z), digits before letters, case ignored. Secondary (only when the primary keys
    of the whole strings are equal): tone marks, none < huyền < hỏi < ngã < sắc < nặng.
    Tertiary: lowercase before uppercase. NFC and NFD input give the same key.
    """
    text = clean(s) or ""
    codes = [_char_codes(ch) for ch in text]
    return (
        "".join([c[0] for c in codes]),
        "".join([c[1] for c in codes]),
        "".join([c[2] for c in codes]),
        text,
    )


@lru_cache(maxsize=4096)
def _char_codes(ch: str) -> tuple[str, str, str]:
    """`_char_weights(ch)` written as three short strings that compare, joined character after
    character, exactly as the weights' tuples do: the primary (class, value) as two characters;
    the secondary tone and other marks each one up, ended by a NUL (so that fewer marks sort
    first, as a shorter tuple does); the tertiary as one character. A key of three flat strings
    is compared by C's string comparison and takes a few hundred bytes, where tuples of tuples
    took pointer chasing and a kilobyte or more per key (the long lists sort thousands)."""
    (klass, value), (tone, others), case = _char_weights(ch)
    return (chr(klass) + chr(value),
            chr(tone + 1) + "".join(chr(o + 1) for o in others) + "\0",
            chr(case))


def person_sort_key(full_name: str | None):
    """Sort key for a Vietnamese full name: given name (last word), then family name (first
    word), then the middle names; a one-word name is a given name only."""
    words = (clean(full_name) or "").split()
    if not words:
        return (collation_key(""), collation_key(""), collation_key(""), collation_key(""))
    given = words[-1]
    family = words[0] if len(words) > 1 else ""
    middle = " ".join(words[1:-1])
    return (collation_key(given), collation_key(family), collation_key(middle),
            collation_key(" ".join(words)))


# ---------------------------------------------------------------------------------------------
# Legacy font encodings

def legacy_encoding_for_font(font_name: str | None) -> str | None:
    """"tcvn3" for ".Vn..." fonts (ABC), "vni" for "VNI-..." / "VNI ..." fonts, else None."""
    if not font_name:
        return None
    name = font_name.strip().casefold()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith(("vni-", "vni ")):
        return "vni"
    return None


def is_capital_font(font_name: str | None) -> bool:
    """True for the TCVN3 capital fonts (".VnTimeH", ".VnArialH", ...), which draw every
    lowercase code as a capital."""
    if legacy_encoding_for_font(font_name) != "tcvn3":
        return False
    return font_name.strip().endswith("H")


def tcvn3_to_unicode(s: str, capitals: bool = False) -> str:
    """Text typed in a TCVN3 (ABC) font, as read from the file, to NFC Unicode.

    With capitals=True (the ".VnTimeH"-style capital fonts) the result is upper-cased, as
    those fonts show it.
    """
    if not s:
        return s
    out = "".join(TCVN3_TO_UNI.get(ch, ch) for ch in s)
    if capitals:
        out = out.upper()
    return nfc(out)


def unicode_to_tcvn3(s: str, capitals: bool = False) -> str:
    """Unicode text to TCVN3 codes (for building legacy fixture text).

    The normal fonts have no capitals with tone marks: such a capital is written with the
    lowercase code (as the ABC/UniKey tools do), so it comes back lowercase. With
    capitals=True the text is written for a capital font (all lowercase codes), and
    tcvn3_to_unicode(..., capitals=True) gives it back upper-cased.
    """
    if not s:
        return s
    s = nfc(s)
    if capitals:
        s = s.lower()
    return "".join(UNI_TO_TCVN3.get(ch, ch) for ch in s)


def vni_to_unicode(s: str) -> str:
    """Text typed in a VNI-Windows font, as read from the file, to NFC Unicode."""
    if not s:
        return s
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if i + 1 < n and s[i + 1] in VNI_MODIFIERS:
            pair = ch + s[i + 1]
            letter = VNI_TO_UNI.get(pair)
            if letter is None:
                # Base letter and modifier typed in different cases ("Aù"): the base decides.
                low = VNI_TO_UNI.get(pair.lower())
                if low is not None:
                    letter = low.upper() if ch.isupper() else low
            if letter is not None:
                out.append(letter)
                i += 2
                continue
        out.append(VNI_TO_UNI.get(ch, ch))
        i += 1
    return nfc("".join(out))


def unicode_to_vni(s: str) -> str:
    """Unicode text to VNI-Windows codes (for building legacy fixture text)."""
    if not s:
        return s
    return "".join(UNI_TO_VNI.get(ch, ch) for ch in nfc(s))


# Characters that legacy text read from a file can contain: Latin-1, plus what Windows-1252
# shows for 0x80..0x9F. Anything else means the text is already Unicode.
_CP1252_EXTRA = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def _could_be_legacy(s: str) -> bool:
    return all(ord(ch) < 0x100 or ch in _CP1252_EXTRA for ch in s)


_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_NUCLEI = sorted(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ
    uê ui uô uơ uy ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu""".split(),
    key=len, reverse=True)
_CODA = r"(?:ch|ng|nh|c|m|n|p|t)?"


@lru_cache(maxsize=1)
def _syllable():
    """The shape of a Vietnamese syllable, compiled when legacy text is first looked at (its
    alternation of 60 nuclei takes Python's regex compiler a few milliseconds, which every start
    paid for a check that only imports make)."""
    return re.compile(_ONSET + "(?:" + "|".join(_NUCLEI) + ")" + _CODA)


def _is_syllable(word: str) -> bool:
    """Whether a word has the shape of one Vietnamese syllable (at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONE_WEIGHT) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_WEIGHT))
    return _syllable().fullmatch(bare) is not None


def _legacy_score(words: list[str], convert) -> int:
    """Words the conversion turns from non-Vietnamese into Vietnamese syllables, minus the
    words it changes into something that is not a syllable."""
    score = 0
    for word in words:
        converted = convert(word)
        if converted == word:
            continue
        if not _is_syllable(converted):
            score -= 1
        elif not _is_syllable(word):
            score += 1
    return score


def looks_like_legacy(s: str | None) -> str | None:
    """Guess "tcvn3" or "vni" for text with no font information; None when unsure.

    Conservative: Unicode Vietnamese, plain ASCII and other Latin-1 text give None. Text is
    only called legacy when decoding it turns its words into Vietnamese syllables.
    """
    if not s or s.isascii() or not _could_be_legacy(s):
        return None
    words = [w.strip(string.punctuation) for w in s.split()]
    words = [w for w in words if w and not w.isascii()]
    if not words:
        return None
    scores = {"tcvn3": _legacy_score(words, tcvn3_to_unicode),
              "vni": _legacy_score(words, vni_to_unicode)}
    best = max(scores, key=scores.get)
    other = min(scores, key=scores.get)
    # At least half of the non-ASCII words must become Vietnamese, and clearly better than
    # with the other encoding.
    if best == other or scores[best] <= scores[other] or scores[best] * 2 < len(words):
        return None
    return best


def convert_legacy(s: str | None, font_name: str | None) -> tuple[str | None, str | None]:
    """Convert cell text by its font: (text, "tcvn3"/"vni") for a legacy font, else (nfc(s), None).

    A ".Vn...H" capital font gives upper-case text. Text that holds characters no legacy
    font file can contain (it is already Unicode) is only normalised, with encoding None.
    """
    encoding = legacy_encoding_for_font(font_name)
    if s is None or encoding is None or not _could_be_legacy(s):
        return nfc(s), None
    if encoding == "tcvn3":
        return tcvn3_to_unicode(s, capitals=is_capital_font(font_name)), encoding
    return vni_to_unicode(s), encoding
