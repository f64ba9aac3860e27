"""Code tables of the two pre-Unicode Vietnamese font encodings still found in old office files.

TCVN3 (also called ABC; TCVN 5712:1993, the VN3 table): fonts ".VnTime", ".VnArial", ...
One byte per letter. The normal fonts hold every lowercase letter and the capitals
Ă Â Ê Ô Ơ Ư Đ; capitals carrying a tone mark have no code of their own. For those the
capital fonts (".VnTimeH", ".VnArialH", ...) exist: they draw every lowercase code as the
matching capital, so a heading in such a font is stored with the lowercase codes.

VNI-Windows: fonts "VNI-Times", "VNI-Helve", ... A base letter followed by one modifier
byte that draws the tone and/or the vowel shape; đ, ơ, ư and the i/ỵ forms are single bytes.

A cell typed in these fonts holds the raw bytes; openpyxl hands them over as the code
points of the same value (Latin-1). Every Vietnamese code below lies in 0xA1..0xFE, where
Latin-1 and Windows-1252 agree, so the tables work for either reading.

Each row: (Unicode letter, TCVN3 byte, VNI-Windows byte sequence), lowercase only. The
capital rows of VNI are the upper-case forms of the lowercase ones (Windows-1252 upper
case of each byte), e.g. "a\\xf8" (à) -> "A\\xd8" (À).

Checked against the TCVN3 and VNI-WIN tables of UniKey's VnConv library (data.cpp), the
TCVN3/VNI tables of xvnkb (tcvn.h, vni.h), and the conversion tables of several
independent converters.
"""

from __future__ import annotations

# Tone order inside each group: none, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot).
LOWER_ROWS: tuple[tuple[str, int | None, str], ...] = (
    # a
    ("a", None, "a"),
    ("\u00e0", 0xB5, "a\xf8"),  # à
    ("\u1ea3", 0xB6, "a\xfb"),  # ả
    ("\u00e3", 0xB7, "a\xf5"),  # ã
    ("\u00e1", 0xB8, "a\xf9"),  # á
    ("\u1ea1", 0xB9, "a\xef"),  # ạ
    # ă
    ("\u0103", 0xA8, "a\xea"),  # ă
    ("\u1eb1", 0xBB, "a\xe8"),  # ằ
    ("\u1eb3", 0xBC, "a\xfa"),  # ẳ
    ("\u1eb5", 0xBD, "a\xfc"),  # ẵ
    ("\u1eaf", 0xBE, "a\xe9"),  # ắ
    ("\u1eb7", 0xC6, "a\xeb"),  # ặ
    # â
    ("\u00e2", 0xA9, "a\xe2"),  # â
    ("\u1ea7", 0xC7, "a\xe0"),  # ầ
    ("\u1ea9", 0xC8, "a\xe5"),  # ẩ
    ("\u1eab", 0xC9, "a\xe3"),  # ẫ
    ("\u1ea5", 0xCA, "a\xe1"),  # ấ
    ("\u1ead", 0xCB, "a\xe4"),  # ậ
    # đ
    ("\u0111", 0xAE, "\xf1"),  # đ
    # e
    ("e", None, "e"),
    ("\u00e8", 0xCC, "e\xf8"),  # è
    ("\u1ebb", 0xCE, "e\xfb"),  # ẻ
    ("\u1ebd", 0xCF, "e\xf5"),  # ẽ
    ("\u00e9", 0xD0, "e\xf9"),  # é
    ("\u1eb9", 0xD1, "e\xef"),  # ẹ
    # ê
    ("\u00ea", 0xAA, "e\xe2"),  # ê
    ("\u1ec1", 0xD2, "e\xe0"),  # ề
    ("\u1ec3", 0xD3, "e\xe5"),  # ể
    ("\u1ec5", 0xD4, "e\xe3"),  # ễ
    ("\u1ebf", 0xD5, "e\xe1"),  # ế
    ("\u1ec7", 0xD6, "e\xe4"),  # ệ
    # i
    ("i", None, "i"),
    ("\u00ec", 0xD7, "\xec"),  # ì
    ("\u1ec9", 0xD8, "\xe6"),  # ỉ
    ("\u0129", 0xDC, "\xf3"),  # ĩ
    ("\u00ed", 0xDD, "\xed"),  # í
    ("\u1ecb", 0xDE, "\xf2"),  # ị
    # o
    ("o", None, "o"),
    ("\u00f2", 0xDF, "o\xf8"),  # ò
    ("\u1ecf", 0xE1, "o\xfb"),  # ỏ
    ("\u00f5", 0xE2, "o\xf5"),  # õ
    ("\u00f3", 0xE3, "o\xf9"),  # ó
    ("\u1ecd", 0xE4, "o\xef"),  # ọ
    # ô
    ("\u00f4", 0xAB, "o\xe2"),  # ô
    ("\u1ed3", 0xE5, "o\xe0"),  # ồ
    ("\u1ed5", 0xE6, "o\xe5"),  # ổ
    ("\u1ed7", 0xE7, "o\xe3"),  # ỗ
    ("\u1ed1", 0xE8, "o\xe1"),  # ố
    ("\u1ed9", 0xE9, "o\xe4"),  # ộ
    # ơ
    ("\u01a1", 0xAC, "\xf4"),  # ơ
    ("\u1edd", 0xEA, "\xf4\xf8"),  # ờ
    ("\u1edf", 0xEB, "\xf4\xfb"),  # ở
    ("\u1ee1", 0xEC, "\xf4\xf5"),  # ỡ
    ("\u1edb", 0xED, "\xf4\xf9"),  # ớ
    ("\u1ee3", 0xEE, "\xf4\xef"),  # ợ
    # u
    ("u", None, "u"),
    ("\u00f9", 0xEF, "u\xf8"),  # ù
    ("\u1ee7", 0xF1, "u\xfb"),  # ủ
    ("\u0169", 0xF2, "u\xf5"),  # ũ
    ("\u00fa", 0xF3, "u\xf9"),  # ú
    ("\u1ee5", 0xF4, "u\xef"),  # ụ
    # ư
    ("\u01b0", 0xAD, "\xf6"),  # ư
    ("\u1eeb", 0xF5, "\xf6\xf8"),  # ừ
    ("\u1eed", 0xF6, "\xf6\xfb"),  # ử
    ("\u1eef", 0xF7, "\xf6\xf5"),  # ữ
    ("\u1ee9", 0xF8, "\xf6\xf9"),  # ứ
    ("\u1ef1", 0xF9, "\xf6\xef"),  # ự
    # y
    ("y", None, "y"),
    ("\u1ef3", 0xFA, "y\xf8"),  # ỳ
    ("\u1ef7", 0xFB, "y\xfb"),  # ỷ
    ("\u1ef9", 0xFC, "y\xf5"),  # ỹ
    ("\u00fd", 0xFD, "y\xf9"),  # ý
    ("\u1ef5", 0xFE, "\xee"),  # ỵ
)

# The capitals that the normal TCVN3 fonts do have.
TCVN3_CAPITALS: dict[str, int] = {
    "\u0102": 0xA1,  # Ă
    "\u00c2": 0xA2,  # Â
    "\u00ca": 0xA3,  # Ê
    "\u00d4": 0xA4,  # Ô
    "\u01a0": 0xA5,  # Ơ
    "\u01af": 0xA6,  # Ư
    "\u0110": 0xA7,  # Đ
}

# The 67 lowercase letters that are not plain ASCII (60 toned vowels, ă â ê ô ơ ư, đ),
# and their capitals: the 134 letters of the legacy tables.
VIET_LOWER: str = "".join(u for u, t, v in LOWER_ROWS if t is not None)
VIET_UPPER: str = VIET_LOWER.upper()


def _build():
    uni_to_tcvn3: dict[str, str] = {}
    tcvn3_to_uni: dict[str, str] = {}
    for uni, code, _vni in LOWER_ROWS:
        if code is None:
            continue
        ch = chr(code)
        uni_to_tcvn3[uni] = ch
        tcvn3_to_uni[ch] = uni
        # A capital with a tone has no code in the normal fonts; it is written with the
        # lowercase code (what UniKey and the ABC keyboard drivers produce).
        uni_to_tcvn3.setdefault(uni.upper(), ch)
    for uni, code in TCVN3_CAPITALS.items():
        uni_to_tcvn3[uni] = chr(code)
        tcvn3_to_uni[chr(code)] = uni

    uni_to_vni: dict[str, str] = {}
    vni_to_uni: dict[str, str] = {}
    for uni, _code, seq in LOWER_ROWS:
        if seq == uni:
            continue
        for u, s in ((uni, seq), (uni.upper(), seq.upper())):
            uni_to_vni[u] = s
            vni_to_uni[s] = u
    return uni_to_tcvn3, tcvn3_to_uni, uni_to_vni, vni_to_uni


UNI_TO_TCVN3, TCVN3_TO_UNI, UNI_TO_VNI, VNI_TO_UNI = _build()

# VNI modifier bytes (the second byte of a two-byte letter), both cases.
VNI_MODIFIERS: frozenset[str] = frozenset(
    ch for seq in VNI_TO_UNI if len(seq) == 2 for ch in (seq[1], seq[1].lower(), seq[1].upper())
)
