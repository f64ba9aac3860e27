"""Tests of desktop.models.vntext: normalisation, search keys, Vietnamese collation and the
TCVN3 / VNI-Windows legacy font encodings."""

from __future__ import annotations

import random
import string
import unicodedata

import pytest
from hypothesis import given, strategies as st

from desktop.models import vnlegacy
from desktop.models.vntext import (
    clean, collation_key, convert_legacy, fold, is_capital_font, legacy_encoding_for_font,
    looks_like_legacy, matches, nfc, person_sort_key, tcvn3_to_unicode, unicode_to_tcvn3,
    unicode_to_vni, vni_to_unicode,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# The 67 lowercase Vietnamese letters outside ASCII, typed out independently of the tables,
# grouped by vowel; each tone group in the order sắc, huyền, hỏi, ngã, nặng.
LOWER = (
    "áàảãạ" "ăắằẳẵặ" "âấầẩẫậ" "đ"
    "éèẻẽẹ" "êếềểễệ" "íìỉĩị"
    "óòỏõọ" "ôốồổỗộ" "ơớờởỡợ"
    "úùủũụ" "ưứừửữự" "ýỳỷỹỵ"
)
UPPER = LOWER.upper()
BASE_CAPITALS = "ĂÂĐÊÔƠƯ"

# The same letters in TCVN3 (ABC) codes, one byte each, in the same order.
TCVN3_LOWER = (
    "\xb8\xb5\xb6\xb7\xb9" "\xa8\xbe\xbb\xbc\xbd\xc6" "\xa9\xca\xc7\xc8\xc9\xcb" "\xae"
    "\xd0\xcc\xce\xcf\xd1" "\xaa\xd5\xd2\xd3\xd4\xd6" "\xdd\xd7\xd8\xdc\xde"
    "\xe3\xdf\xe1\xe2\xe4" "\xab\xe8\xe5\xe6\xe7\xe9" "\xac\xed\xea\xeb\xec\xee"
    "\xf3\xef\xf1\xf2\xf4" "\xad\xf8\xf5\xf6\xf7\xf9" "\xfd\xfa\xfb\xfc\xfe"
)
TCVN3_BASE_CAPITALS = "\xa1\xa2\xa7\xa3\xa4\xa5\xa6"  # Ă Â Đ Ê Ô Ơ Ư

# The same letters in VNI-Windows, one sequence per letter, in the same order.
VNI_LOWER = [
    "aù", "aø", "aû", "aõ", "aï",
    "aê", "aé", "aè", "aú", "aü", "aë",
    "aâ", "aá", "aà", "aå", "aã", "aä",
    "ñ",
    "eù", "eø", "eû", "eõ", "eï",
    "eâ", "eá", "eà", "eå", "eã", "eä",
    "í", "ì", "æ", "ó", "ò",
    "où", "oø", "oû", "oõ", "oï",
    "oâ", "oá", "oà", "oå", "oã", "oä",
    "ô", "ôù", "ôø", "ôû", "ôõ", "ôï",
    "uù", "uø", "uû", "uõ", "uï",
    "ö", "öù", "öø", "öû", "öõ", "öï",
    "yù", "yø", "yû", "yõ", "î",
]
VNI_UPPER = [
    "AÙ", "AØ", "AÛ", "AÕ", "AÏ",
    "AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË",
    "AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ",
    "Ñ",
    "EÙ", "EØ", "EÛ", "EÕ", "EÏ",
    "EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ",
    "Í", "Ì", "Æ", "Ó", "Ò",
    "OÙ", "OØ", "OÛ", "OÕ", "OÏ",
    "OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ",
    "Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ",
    "UÙ", "UØ", "UÛ", "UÕ", "UÏ",
    "Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ",
    "YÙ", "YØ", "YÛ", "YÕ", "Î",
]

PUNCT = " .,;:!?()-/'\"%"
ASCII_TEXT = string.ascii_letters + string.digits + PUNCT


# ------------------------------------------------------------------------------------------
# nfc / clean

def test_nfc_none_and_composition():
    assert nfc(None) is None
    assert nfc("") == ""
    assert nfc(nfd("Nguyễn Thị Đào")) == "Nguyễn Thị Đào"
    assert nfc("a\u0301") == "á"


def test_nfc_strips_bom_and_zero_width_but_keeps_whitespace():
    assert nfc("\ufeffHà Nội") == "Hà Nội"
    assert nfc("Hà\u200b Nội\u200c\u200d") == "Hà Nội"
    assert nfc("  Hà\tNội \n") == "  Hà\tNội \n"
    # a zero-width space between a letter and its mark must not stop composition
    assert nfc("a\u200b\u0301") == "á"


def test_nfc_rejects_non_text():
    with pytest.raises(TypeError):
        nfc(12)  # type: ignore[arg-type]


def test_clean():
    assert clean(None) is None
    assert clean("") == ""
    assert clean("   ") == ""
    assert clean("  Nguyễn \t  Văn\n\nAn  ") == "Nguyễn Văn An"
    assert clean("\ufeff" + nfd("Bảo  hiểm")) == "Bảo hiểm"
    assert clean("Lê\u00a0Lợi") == "Lê Lợi"


@given(st.text())
def test_nfc_is_idempotent(s):
    once = nfc(s)
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not set(once) & {"\u200b", "\u200c", "\u200d", "\ufeff"}


@given(st.text())
def test_clean_is_idempotent_and_trimmed(s):
    once = clean(s)
    assert clean(once) == once
    assert once == once.strip()
    assert "  " not in once


# ------------------------------------------------------------------------------------------
# fold / matches

def test_fold_examples():
    assert fold("Nguyễn Thị Đào") == "nguyen thi dao"
    assert fold(nfd("Nguyễn Thị Đào")) == "nguyen thi dao"
    assert fold("  ĐẶNG   VĂN\tLÂM ") == "dang van lam"
    assert fold("Ủy ban nhân dân tỉnh Quảng Ngãi") == "uy ban nhan dan tinh quang ngai"
    assert fold("\ufeffPhường") == "phuong"
    assert fold("") == ""
    assert fold(None) == ""


def test_fold_of_every_letter_is_ascii():
    for ch in LOWER + UPPER:
        folded = fold(ch)
        assert len(folded) == 1 and folded.isascii() and folded.islower(), ch
    assert fold("đĐ") == "dd"


@given(st.text())
def test_fold_ignores_normalisation_form(s):
    assert fold(nfd(s)) == fold(unicodedata.normalize("NFC", s))
    assert not any(unicodedata.combining(ch) for ch in fold(s))


def reference_fold(s):
    """fold() as its definition says, character by character (the program takes a shorter
    road for text whose marks are all Latin diacritics)."""
    if not s:
        return ""
    s = s.translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff")))
    bare = "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
    bare = bare.replace("\u0111", "d").replace("\u0110", "D").casefold()
    bare = "".join(ch for ch in unicodedata.normalize("NFD", bare)
                   if not unicodedata.combining(ch))
    return " ".join(bare.split())


def test_fold_is_its_definition_for_every_character_of_the_bmp():
    wrong = [hex(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000
             for s in ("Đa" + chr(c) + "\u0301 b",)
             if fold(s) != reference_fold(s)]
    assert wrong == []


@given(st.text(alphabet=st.sampled_from(
    LOWER + UPPER + "đĐ \t\u0301\u0300\u0309\u0303\u0323\u0306\u0302\u031b\u200b\ufeff"
    "çüñßİﬁ\u0345Ωǅ\u1ab0\u20d0\ufe20\u034f\u0591"), max_size=30))
def test_fold_is_its_definition_for_mixed_text(s):
    assert fold(s) == reference_fold(s)
    assert fold(s) == reference_fold(nfd(s))


@given(st.text())
def test_nfc_of_ascii_and_other_text(s):
    expected = unicodedata.normalize("NFC", s.translate(dict.fromkeys(
        map(ord, "\u200b\u200c\u200d\ufeff"))))
    assert nfc(s) == expected


def test_matches():
    texts = ("Nguyễn Thị Hương", "NV0012", "Phòng Tổ chức - Hành chính")
    assert matches("huong", *texts)
    assert matches("HƯƠNG", *texts)
    assert matches(nfd("hương tổ chức"), *texts)
    assert matches("nguyen huong", *[nfd(t) for t in texts])
    assert matches("hươ nv00", *texts)  # tokens may match different texts
    assert not matches("huong ke toan", *texts)
    assert not matches("dao", *texts)
    assert matches("", *texts)
    assert matches("   ", *texts)
    assert matches("", )
    assert not matches("an")
    assert matches("dao", None, "Đào tạo")


# ------------------------------------------------------------------------------------------
# collation

def shuffled(items, seed=7):
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


@pytest.mark.parametrize("expected", [
    ["An", "Ăn", "Ân", "Bình"],
    ["Dũng", "Đức"],
    ["ma", "mà", "mả", "mã", "má", "mạ"],
    ["Oanh", "Ông", "Ơn", "Phúc"],
    ["Uyên", "Ưng"],
    ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
     "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"],
    ["0", "1", "9", "a", "A", "Ă"],
])
def test_collation_orders(expected):
    for seed in range(5):
        assert sorted(shuffled(expected, seed), key=collation_key) == expected
    assert sorted([nfd(x) for x in shuffled(expected)], key=collation_key) == [nfd(x) for x in expected]
    for a, b in zip(expected, expected[1:]):
        assert collation_key(a) < collation_key(b), (a, b)


def test_plain_sort_is_wrong_for_vietnamese():
    words = ["Đức", "Dũng", "Ân", "Bình", "An"]
    assert sorted(words) != sorted(words, key=collation_key)
    assert sorted(words, key=collation_key) == ["An", "Ân", "Bình", "Dũng", "Đức"]


def test_tone_is_secondary():
    # a tone difference only counts when the letters of the whole string are equal
    assert collation_key("mạ") < collation_key("mac")
    assert collation_key("mạ") < collation_key("mb")
    assert collation_key("Hà") < collation_key("Hai") < collation_key("Hạnh") < collation_key("Hằng")
    assert collation_key("ca") < collation_key("cà") < collation_key("cá")
    assert collation_key("Lan Anh") < collation_key("Lan Ánh") < collation_key("Lân")


def test_case_is_tertiary():
    assert collation_key("an") < collation_key("An")
    assert collation_key("An") < collation_key("àn")  # tone (secondary) outranks case
    assert collation_key("AN") < collation_key("ăn")  # letters (primary) outrank case
    assert collation_key("đào") < collation_key("Đào")


def test_words_and_digits():
    assert collation_key("An Bình") < collation_key("Anh")
    assert collation_key("Tổ 2") < collation_key("Tổ A")
    assert collation_key("2020") < collation_key("An")


def test_collation_key_ignores_form_and_spacing():
    assert collation_key(nfd("Nguyễn Thị Ánh")) == collation_key("Nguyễn Thị Ánh")
    assert collation_key("  Nguyễn  Thị Ánh ") == collation_key("Nguyễn Thị Ánh")
    assert collation_key(None) == collation_key("")


@given(st.text())
def test_collation_key_same_for_nfc_and_nfd(s):
    assert collation_key(nfd(s)) == collation_key(unicodedata.normalize("NFC", s))


@given(st.lists(st.text(alphabet=LOWER + UPPER + "abcdeghiklmnopqrstuvxy ", max_size=8), max_size=12))
def test_collation_is_a_total_order(words):
    keys = [collation_key(w) for w in words]
    ordered = sorted(words, key=collation_key)
    assert sorted(reversed(words), key=collation_key) == ordered or len(set(keys)) < len(keys)
    for a, b in zip(words, words[1:]):
        assert (collation_key(a) == collation_key(b)) == (clean(a) == clean(b))


def test_person_sort_key_example():
    names = ["Nguyễn Thị Chi", "Nguyễn Văn Bình", "Lê Thị Bình", "Trần Văn An"]
    assert sorted(names, key=person_sort_key) == [
        "Trần Văn An", "Lê Thị Bình", "Nguyễn Văn Bình", "Nguyễn Thị Chi"]


# In the order a Vietnamese staff list uses: given name, then family name, then middle name.
THIRTY_NAMES = [
    "Lê Thị An",
    "Trần Văn An",
    "Nguyễn Ngọc Anh",
    "Phạm Thị Ánh",
    "Đỗ Thị Ân",
    "Lê Thị Bình",
    "Nguyễn Thị Bình",
    "Nguyễn Văn Bình",
    "Nguyễn Thị Chi",
    "Hoàng Văn Cường",
    "Vũ Thị Dung",
    "Bùi Văn Dũng",
    "Trịnh Văn Đạt",
    "Đặng Minh Đức",
    "Ngô Thị Hà",
    "Kiều Văn Hải",
    "Đinh Thị Hạnh",
    "Lý Thị Hằng",
    "Dương Văn Hùng",
    "Đào Văn Hùng",
    "Trương Thị Hương",
    "Lan",
    "Đào Thị Lan",
    "Lâm Thị Oanh",
    "Võ Văn Phúc",
    "Đoàn Thị Thảo",
    "Tạ Văn Thắng",
    "Châu Thị Uyên",
    "Nguyễn Thị Xuân",
    "Hà Thị Yến",
]


def test_thirty_names_sort_by_given_family_middle():
    assert len(THIRTY_NAMES) == 30 and len(set(THIRTY_NAMES)) == 30
    for seed in range(10):
        assert sorted(shuffled(THIRTY_NAMES, seed), key=person_sort_key) == THIRTY_NAMES
    decomposed = [nfd(n) for n in shuffled(THIRTY_NAMES, 99)]
    assert [nfc(n) for n in sorted(decomposed, key=person_sort_key)] == THIRTY_NAMES
    assert sorted(THIRTY_NAMES) != THIRTY_NAMES


def test_person_sort_key_edge_cases():
    assert person_sort_key(None) == person_sort_key("")
    assert person_sort_key("  Nguyễn   Văn  An ") == person_sort_key("Nguyễn Văn An")
    assert person_sort_key("An") < person_sort_key("Lê An") < person_sort_key("Bình")
    assert sorted(["", "An"], key=person_sort_key) == ["", "An"]


# ------------------------------------------------------------------------------------------
# legacy font encodings: tables

def test_letter_lists_are_complete():
    assert len(LOWER) == len(set(LOWER)) == 67
    assert len(UPPER) == len(set(UPPER)) == 67
    assert set(LOWER) == set(vnlegacy.VIET_LOWER)
    assert set(UPPER) == set(vnlegacy.VIET_UPPER)
    assert len(TCVN3_LOWER) == len(VNI_LOWER) == len(VNI_UPPER) == 67


def test_tcvn3_table_letter_by_letter():
    for uni, code in zip(LOWER, TCVN3_LOWER):
        assert unicode_to_tcvn3(uni) == code, uni
        assert tcvn3_to_unicode(code) == uni, hex(ord(code))
        assert tcvn3_to_unicode(code, capitals=True) == uni.upper()
        assert unicode_to_tcvn3(uni.upper(), capitals=True) == code
    for uni, code in zip(BASE_CAPITALS, TCVN3_BASE_CAPITALS):
        assert unicode_to_tcvn3(uni) == code
        assert tcvn3_to_unicode(code) == uni
    assert len(set(TCVN3_LOWER + TCVN3_BASE_CAPITALS)) == 74
    assert all(0xA1 <= ord(c) <= 0xFE for c in TCVN3_LOWER + TCVN3_BASE_CAPITALS)


def test_vni_table_letter_by_letter():
    for uni, seq in zip(LOWER + UPPER, VNI_LOWER + VNI_UPPER):
        assert unicode_to_vni(uni) == seq, uni
        assert vni_to_unicode(seq) == uni, seq
    assert len(set(VNI_LOWER + VNI_UPPER)) == 134
    assert all(0xC0 <= ord(c) <= 0xFF for seq in VNI_LOWER + VNI_UPPER for c in seq if not c.isascii())


def test_all_134_letters_round_trip():
    for ch in LOWER + UPPER:
        assert vni_to_unicode(unicode_to_vni(ch)) == ch
        assert tcvn3_to_unicode(unicode_to_tcvn3(ch, capitals=True), capitals=True) == ch.upper()
    for ch in LOWER + BASE_CAPITALS:
        assert tcvn3_to_unicode(unicode_to_tcvn3(ch)) == ch
    word = LOWER + " " + UPPER
    assert vni_to_unicode(unicode_to_vni(word)) == word
    assert vni_to_unicode(unicode_to_vni(nfd(word))) == word


def test_tcvn3_toned_capital_in_normal_font_is_lowercase():
    # the normal fonts have no code for "Ủ": it is written (and shown) as "ủ"
    assert unicode_to_tcvn3("Ủy") == "\xf1y"
    assert tcvn3_to_unicode(unicode_to_tcvn3("Ủy ban")) == "ủy ban"


# ------------------------------------------------------------------------------------------
# legacy font encodings: real text

SAMPLES = [
    # (Unicode, TCVN3 as read from the file, VNI as read from the file)
    ("Bảo hiểm xã hội Việt Nam", "B¶o hiÓm x· héi ViÖt Nam", "Baûo hieåm xaõ hoäi Vieät Nam"),
    ("Đào tạo", "§µo t¹o", "Ñaøo taïo"),
    ("Nguyễn Thị Hương", "NguyÔn ThÞ H\xad¬ng", "Nguyeãn Thò Höông"),
    ("Xin chào", "Xin chµo", "Xin chaøo"),
    ("Ninh Bình", "Ninh B×nh", "Ninh Bình"),
    ("Bát Xát, Mường Khương", "B¸t X¸t, M\xadêng Kh\xad¬ng", "Baùt Xaùt, Möôøng Khöông"),
    ("Phiếu đánh giá năm 2024: đạt", "PhiÕu ®¸nh gi¸ n¨m 2024: ®¹t", "Phieáu ñaùnh giaù naêm 2024: ñaït"),
]


@pytest.mark.parametrize("uni,tcvn3,vni", SAMPLES)
def test_sample_phrases(uni, tcvn3, vni):
    assert tcvn3_to_unicode(tcvn3) == uni
    assert vni_to_unicode(vni) == uni
    assert unicode_to_tcvn3(uni) == tcvn3
    assert unicode_to_vni(uni) == vni
    assert convert_legacy(tcvn3, ".VnTime") == (uni, "tcvn3")
    assert convert_legacy(vni, "VNI-Times") == (uni, "vni")


def test_uy_ban_nhan_dan():
    uni = "Ủy ban nhân dân tỉnh Quảng Ngãi"
    # VNI has every capital
    assert vni_to_unicode("UÛy ban nhaân daân tænh Quaûng Ngaõi") == uni
    assert unicode_to_vni(uni) == "UÛy ban nhaân daân tænh Quaûng Ngaõi"
    # TCVN3: a heading in a capital font is stored with lowercase codes
    heading = "ñy ban nh©n d©n tØnh qu¶ng ng·i"
    assert tcvn3_to_unicode(heading, capitals=True) == uni.upper()
    assert convert_legacy(heading, ".VnTimeH") == ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "tcvn3")
    assert unicode_to_tcvn3(uni, capitals=True) == heading
    # ... and in a normal font the same codes read lowercase
    assert tcvn3_to_unicode("ñy ban nh©n d©n tØnh Qu¶ng Ng·i") == "ủy ban nhân dân tỉnh Quảng Ngãi"


def test_vni_capital_words():
    assert vni_to_unicode("BAÛO HIEÅM XAÕ HOÄI") == "BẢO HIỂM XÃ HỘI"
    assert vni_to_unicode("ÑAÏI HOÄI ÑOÀNG") == "ĐẠI HỘI ĐỒNG"
    assert vni_to_unicode("ÖÙNG") == "ỨNG"
    # base letter and modifier typed in different cases: the base letter decides
    assert vni_to_unicode("Aù") == "Á"
    assert vni_to_unicode("aÙ") == "á"


def test_legacy_output_is_nfc():
    out = vni_to_unicode("Nguyeãn Thò Höông")
    assert unicodedata.is_normalized("NFC", out)
    assert tcvn3_to_unicode("") == ""
    assert vni_to_unicode("") == ""
    assert unicode_to_tcvn3("") == ""
    assert unicode_to_vni("") == ""
    # ASCII passes through unchanged
    assert tcvn3_to_unicode("BHXH-2024 (v1)") == "BHXH-2024 (v1)"
    assert vni_to_unicode("BHXH-2024 (v1)") == "BHXH-2024 (v1)"


VIET_ALPHABET = LOWER + UPPER + ASCII_TEXT
TCVN3_NORMAL_ALPHABET = LOWER + BASE_CAPITALS + ASCII_TEXT


@given(st.text(alphabet=VIET_ALPHABET))
def test_vni_round_trip(s):
    encoded = unicode_to_vni(s)
    assert vni_to_unicode(encoded) == s
    assert all(ord(c) < 0x100 for c in encoded)


@given(st.text(alphabet=TCVN3_NORMAL_ALPHABET))
def test_tcvn3_round_trip(s):
    encoded = unicode_to_tcvn3(s)
    assert len(encoded) == len(s)
    assert all(ord(c) < 0x100 for c in encoded)
    assert tcvn3_to_unicode(encoded) == s


@given(st.text(alphabet=VIET_ALPHABET))
def test_tcvn3_capital_font_round_trip(s):
    assert tcvn3_to_unicode(unicode_to_tcvn3(s, capitals=True), capitals=True) == s.upper()


@given(st.text(alphabet=VIET_ALPHABET))
def test_round_trip_from_decomposed_input(s):
    assert vni_to_unicode(unicode_to_vni(nfd(s))) == s


# ------------------------------------------------------------------------------------------
# fonts, detection, convert_legacy

@pytest.mark.parametrize("font,expected", [
    (".VnTime", "tcvn3"), (".VnTimeH", "tcvn3"), (".VnArial", "tcvn3"), (".VnArialH", "tcvn3"),
    (".VnArial NarrowH", "tcvn3"), (".vntime", "tcvn3"), (" .VnCourier New", "tcvn3"),
    ("VNI-Times", "vni"), ("VNI-Helve", "vni"), ("vni-times", "vni"), ("VNI Times", "vni"),
    ("VNI-Helve-Condense", "vni"),
    ("Times New Roman", None), ("Arial", None), ("Calibri", None), ("VNIxxx", None),
    ("VnTime", None), ("", None), (None, None),
])
def test_legacy_encoding_for_font(font, expected):
    assert legacy_encoding_for_font(font) == expected


@pytest.mark.parametrize("font,expected", [
    (".VnTimeH", True), (".VnArialH", True), (".VnArial NarrowH ", True),
    (".VnTime", False), (".VnArial", False), ("VNI-Times", False), ("ArialH", False), (None, False),
])
def test_is_capital_font(font, expected):
    assert is_capital_font(font) is expected


@pytest.mark.parametrize("uni,tcvn3,vni", SAMPLES[:4] + SAMPLES[5:])
def test_looks_like_legacy_finds_encoding(uni, tcvn3, vni):
    assert looks_like_legacy(tcvn3) == "tcvn3"
    assert looks_like_legacy(vni) == "vni"
    assert looks_like_legacy(uni) is None


@pytest.mark.parametrize("text", [
    None, "", "Hello world", "BHXH 2024", "Nguyễn Thị Hương", nfd("Nguyễn Thị Hương"),
    "Bảo hiểm xã hội Việt Nam", "Cà Mau", "hoà bình", "Tý, Tỵ, Tí", "Lò Văn Tú",
    "Müller, Señor, Noël, café", "3 × 4 = 12 ± 1; © 2024 §5", "“Báo cáo” – tháng 6",
])
def test_looks_like_legacy_is_conservative(text):
    assert looks_like_legacy(text) is None


@given(st.text(alphabet=LOWER + UPPER + ASCII_TEXT).filter(lambda s: any(ord(c) > 0xFF for c in s)))
def test_looks_like_legacy_never_flags_unicode_vietnamese(s):
    assert looks_like_legacy(s) is None


def test_convert_legacy():
    assert convert_legacy("Xin chaøo", "VNI-Times") == ("Xin chào", "vni")
    assert convert_legacy("Xin chµo", ".VnTime") == ("Xin chào", "tcvn3")
    assert convert_legacy("xin chµo", ".VnTimeH") == ("XIN CHÀO", "tcvn3")
    assert convert_legacy(nfd("Xin chào"), "Arial") == ("Xin chào", None)
    assert convert_legacy("Xin chaøo", None) == ("Xin chaøo", None)
    assert convert_legacy(None, ".VnTime") == (None, None)
    # text that is already Unicode is left alone even under a legacy font name
    assert convert_legacy("Nguyễn Thị Hương", ".VnTime") == ("Nguyễn Thị Hương", None)
    assert convert_legacy("Nguyễn Thị Hương", "VNI-Times") == ("Nguyễn Thị Hương", None)


def _weights_key(s):
    """The key as tuples of the characters' weights (what collation_key compares, written
    out): the order collation_key's strings must give."""
    from desktop.models.vntext import _char_weights

    text = clean(s) or ""
    weights = [_char_weights(ch) for ch in text]
    return (tuple(w[0] for w in weights), tuple(w[1] for w in weights),
            tuple(w[2] for w in weights), text)


def test_the_flat_key_orders_exactly_as_the_weights_do():
    import random

    pieces = (list("aăâbcdđeêghiklmnopqrstuưvxyAĂÂĐÊÔƠƯ0123456789 -.,/()áàảãạếềểễệớờởỡợüçñßæ")
              + ["\u0301", "\u0300", "\u0323", "\u0303", "\u0309", "\u0306", "\u0302",
                 "\u031b", "\u0308", "\u0327", "😀", "中", "\u00a0"])
    rnd = random.Random(20261207)
    words = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
             for _ in range(4000)]
    by_weights = sorted(words, key=_weights_key)
    assert [_weights_key(w) for w in sorted(words, key=collation_key)] == \
        [_weights_key(w) for w in by_weights]
    for _ in range(4000):
        a, b = rnd.choice(words), rnd.choice(words)
        assert (collation_key(a) < collation_key(b)) == (_weights_key(a) < _weights_key(b)), (a, b)
        assert (collation_key(a) == collation_key(b)) == (_weights_key(a) == _weights_key(b))
    # the marks a letter carries more of sort after the same letter with fewer (a shorter tuple)
    assert collation_key("u\u0308") > collation_key("u") and collation_key("ç") > collation_key("c")
    assert all(isinstance(part, str) for part in collation_key("Nguyễn Thị Ánh"))
