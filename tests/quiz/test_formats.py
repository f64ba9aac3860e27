"""GIFT, Aiken, Moodle XML and Excel: Moodle's own test files, encodings, line numbers, round
trips, and imports that are all-or-nothing unless the good items are chosen."""
from __future__ import annotations

import codecs
import unicodedata
from xml.parsers import expat as xml_errors

import pytest
from openpyxl import Workbook, load_workbook

from desktop.output.quiz.formats import (aiken, bank_json, gift, moodle_xml, read_questions,
                                            write_questions, xlsx)
from desktop.output.quiz.formats.encodings import decode, detect
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import bank, bank_io

from .conftest import MOODLE, SMALL_BANK

VI = "Chính sách chất lượng do ai ban hành?"


def to_cp1258(text: str) -> bytes:
    """Text as an old Windows PC saves it in Windows-1258: letters with their shape (â ơ ư …)
    precomposed, tone marks as separate combining characters."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in decomposed[1:] if m in "\u0302\u0306\u031b")
        tone = "".join(m for m in decomposed[1:] if m not in shape)
        out.append((unicodedata.normalize("NFC", decomposed[0] + shape) + tone).encode("cp1258"))
    return b"".join(out)


def texts(result):
    return [(i.line, i.text) for i in result.items]


def lines(result):
    return sorted(r.line for r in result.rejected)


# --- Moodle's files (read from the shared folder, as its README asks) --------------------------

def test_moodle_gift_questions():
    r = gift.parse((MOODLE / "questions.gift.txt").read_bytes())
    by_key = {i.key: i for i in r.items}
    q2 = by_key["Q2"]
    assert q2.options == ["yellow", "red", "blue"] and q2.correct == [0] and not q2.multiple
    colours = by_key["colours"]
    assert colours.multiple and [colours.options[i] for i in colours.correct] == \
        ["yellow", "off-beige"]
    assert colours.weights == [50.0, -100.0, 50.0, -100.0]
    # true/false items come in as two-option questions
    q1 = by_key["Q1"]
    assert q1.options == ["Đúng", "Sai"] and q1.correct == [1]
    assert "Hitchiker" in q1.explanation
    # essay, matching, numerical and short answer: named as unsupported, with their lines
    messages = {r.line: r.message for r in r.rejected}
    assert set(messages) == {2, 5, 31, 34}
    assert "essay" in messages[2] and "matching" in messages[5]
    assert "numerical" in messages[31] and "short answer" in messages[34]


def test_moodle_gift_category_escapes_html_and_one_option():
    r = gift.parse((MOODLE / "questions_in_category.gift.txt").read_bytes())
    acronym = next(i for i in r.items if i.key == "Moodle acronym")
    assert acronym.topic == "Default for New Features"
    assert acronym.text.startswith("Moodle is an acronym for Modular Object-Oriented")
    assert "<" not in acronym.text and "\\" not in acronym.text
    assert acronym.options == ["Đúng", "Sai"] and acronym.correct == [0]
    assert acronym.kind == "truefalse"
    assert acronym.left_out == ["định dạng chữ (đậm, nghiêng, gạch chân, màu)"]
    refused = {x.line: x.message for x in r.rejected}
    # "Greeting" needs its sound file: refused, naming it (not imported without its sound).
    assert "âm thanh" in refused[14] and "bonjour.mp3" in refused[14] and "Greeting" in refused[14]
    # "Moodle user": a single =answer is a short answer for Moodle, not a one-option question.
    assert "short answer" in refused[22]
    assert "matching" in refused[5]


def test_moodle_aiken_files():
    r = aiken.parse((MOODLE / "questions.aiken.txt").read_bytes())
    assert [i.correct for i in r.items] == [[1], [0]]
    assert r.items[0].options[1] == "Martin Dougiamas"
    assert r.items[1].text == ("Moodle's abilities include handling user input that includes "
                               "<html class=\"cool\"> & images:")   # literal, not HTML
    assert not r.rejected


def test_moodle_aiken_errors_file(store):
    r = aiken.parse((MOODLE / "aiken_errors.txt").read_bytes())
    plan = bank_io.plan_import(store, r)
    assert [i.content["text"] for i in plan.items] == ["A good question",
                                                        "A second good question"]
    assert plan.items[1].content["correct"] == [1]
    assert sorted(x.line for x in plan.rejected) == [1, 5, 7, 14]
    # as Moodle: one message per line that is out of place
    assert "không thuộc câu hỏi nào" in {x.line: x.message for x in plan.rejected}[7]


# --- encodings -------------------------------------------------------------------------------

GIFT_VI = f"::K1:: {VI} {{\n=Giám đốc\n~Văn thư\n~Người dân\n}}\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b""),
    ("cp1258", b""),
])
def test_encodings_read_the_same_text(encoding, prefix):
    data = prefix + (to_cp1258(GIFT_VI) if encoding == "cp1258" else GIFT_VI.encode(encoding))
    r = gift.parse(data)
    assert [i.text for i in r.items] == [VI]
    assert r.items[0].options == ["Giám đốc", "Văn thư", "Người dân"]
    for text in [r.items[0].text, *r.items[0].options]:
        assert unicodedata.is_normalized("NFC", text)


def test_windows_1258_uses_combining_marks_and_comes_back_nfc():
    data = to_cp1258(GIFT_VI)
    assert detect(data) == "cp1258" and b"\xec" in data    # a separate acute accent
    text, _ = decode(data)
    assert VI in text


def test_nfd_input_is_stored_nfc(store):
    nfd = unicodedata.normalize("NFD", GIFT_VI).encode("utf-8")
    plan = bank_io.plan_import(store, gift.parse(nfd))
    bank_io.apply_import(store, plan)
    q = bank.question_by_key(store, "K1")
    assert q.text == VI and unicodedata.is_normalized("NFC", q.text)


def test_moodle_xml_in_utf16_with_declaration():
    xml = ('<?xml version="1.0" encoding="UTF-16"?>\n<quiz>\n'
           '<question type="multichoice"><name><text>X</text></name>'
           f'<questiontext format="html"><text><![CDATA[<p>{VI}</p>]]></text></questiontext>'
           '<single>true</single>'
           '<answer fraction="100"><text>Giám đốc</text></answer>'
           '<answer fraction="0"><text>Văn thư</text></answer></question>\n</quiz>\n')
    r = moodle_xml.parse(codecs.BOM_UTF16_LE + xml.encode("utf-16-le"))
    assert [i.text for i in r.items] == [VI]
    assert r.items[0].correct == [0]


# --- line numbers and refusals ------------------------------------------------------------

def test_gift_errors_have_line_numbers():
    data = ("// đầu tệp\n\n::A:: Câu một {=Đúng ~Sai}\n\n::B:: Câu hai không có đáp án\n\n"
            "::C:: Câu ba {=Có ~Không\n\n::D:: {~x ~y}\n").encode()
    r = gift.parse(data)
    assert [i.key for i in r.items] == ["A", "D"]
    assert lines(r) == [5, 7]


def test_moodle_xml_broken_file_gives_line_and_imports_nothing(store):
    data = b"<?xml version='1.0'?>\n<quiz>\n<question type='multichoice'>\n<oops>\n</quiz>\n"
    r = moodle_xml.parse(data)
    assert not r.items and r.rejected[0].line == 5
    assert "XML" in r.rejected[0].message


def test_moodle_xml_refuses_doctype():
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n'
            b"<quiz><question type='multichoice'><questiontext><text>&a;</text></questiontext>"
            b"</question></quiz>")
    r = moodle_xml.parse(data)
    assert not r.items and "DOCTYPE" in r.rejected[0].message


def test_moodle_xml_other_types_refused_with_line():
    data = ("<?xml version='1.0'?>\n<quiz>\n<question type='category'><category><text>"
            "$course$/top/Chủ đề A</text></category></question>\n"
            "<question type='essay'><questiontext><text>Viết</text></questiontext></question>\n"
            "<question type='truefalse'><questiontext format='plain_text'><text>Đúng không?"
            "</text></questiontext><answer fraction='0'><text>true</text></answer>"
            "<answer fraction='100'><text>false</text></answer></question>\n</quiz>").encode()
    r = moodle_xml.parse(data)
    assert lines(r) == [4]
    assert r.items[0].topic == "Chủ đề A"
    assert r.items[0].options == ["Đúng", "Sai"] and r.items[0].correct == [1]


def test_excel_rows_and_errors(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Ngân hàng"])
    ws.append([])
    ws.append(xlsx.HEADERS)
    ws.append(["X1", "NT", "7.3", 1, None, VI, "Giám đốc", "Văn thư", None, None, None, None, "A",
               None, ""])
    ws.append(["X2", "NT", "7.3", 2, None, "Câu sai đáp án", "Một", "Hai", None, None, None, None,
               "E", None, ""])
    ws.append([None] * 15)
    ws.append(["X3", "NT", "7.3", 7, None, "Độ khó sai", "Một", "Hai", None, None, None, None, "B",
               None, ""])
    ws.append(["X4", "NT", "", 2, None, "Nhiều đáp án", "Một", "Hai", "Ba", None, None, None,
               "A, C", None, "Giải thích"])
    path = tmp_path / "q.xlsx"
    wb.save(path)
    r = xlsx.parse(path)
    assert [i.line for i in r.items] == [4, 7, 8]
    assert lines(r) == [5]
    assert r.items[2].correct == [0, 2] and r.items[2].multiple


def test_excel_tcvn3_cells_are_converted(tmp_path):
    from openpyxl.styles import Font

    from desktop.models.vntext import unicode_to_tcvn3

    wb = Workbook()
    ws = wb.active
    ws.append(xlsx.HEADERS)
    ws.append(["L1", "NT", "", 1, None, unicode_to_tcvn3(VI), unicode_to_tcvn3("Giám đốc"),
               "Khác", None, None, None, None, "A", None, ""])
    for cell in ws[2]:
        cell.font = Font(name=".VnTime")
    path = tmp_path / "old.xlsx"
    wb.save(path)
    r = xlsx.parse(path)
    assert r.items[0].text == VI and r.items[0].options[0] == "Giám đốc"


def test_not_an_excel_file(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(IsoDeskError):
        read_questions(bad)


def test_json_bank_lines():
    r = bank_json.parse(SMALL_BANK.read_bytes())
    assert len(r.items) == 12 and not r.rejected
    text = SMALL_BANK.read_text(encoding="utf-8").split("\n")
    for item in r.items:
        assert f'"key": "{item.key}"' in text[item.line - 1]


# --- import plans ------------------------------------------------------------------------------

def test_file_with_errors_imports_nothing_unless_good_items_chosen(store):
    before = len(bank.list_questions(store))
    r = gift.parse((MOODLE / "questions.gift.txt").read_bytes())
    plan = bank_io.plan_import(store, r)
    out = bank_io.apply_import(store, plan)
    assert out["imported"] == 0 and out["refused"]
    assert len(bank.list_questions(store)) == before
    out = bank_io.apply_import(store, bank_io.plan_import(store, r), accept_good=True)
    assert out["imported"] == 4            # Q2, colours, Q1, TSL (its twin is a duplicate)
    assert len(bank.list_questions(store)) == before + 4
    again = bank_io.plan_import(store, r)
    assert not again.items and len(again.skipped) == 5


def test_dry_run_writes_nothing(qstore):
    before = qstore.scalar("SELECT count(*) FROM quiz_questions")
    audit_before = qstore.scalar("SELECT count(*) FROM audit_log")
    plan = bank_io.plan_import(qstore, aiken.parse(b"Q?\nA) x\nB) y\nANSWER: B\n"))
    assert len(plan.items) == 1 and plan.new_topics == {"khac": "Chủ đề khác"}
    assert qstore.scalar("SELECT count(*) FROM quiz_questions") == before
    assert qstore.scalar("SELECT count(*) FROM audit_log") == audit_before


# --- round trips -------------------------------------------------------------------------------

FIELDS = ("key", "topic", "text", "options", "correct", "explanation", "clause", "difficulty",
          "multiple")


@pytest.mark.parametrize("suffix", [".gift", ".xml", ".xlsx", ".json"])
def test_round_trip_keeps_everything(qstore, store, tmp_path, suffix):
    bank.add_question(qstore, {"topic_code": "NT", "text": "Dòng một\nDòng hai: {a} ~ # = \\",
                               "options": ["<b>không phải HTML</b>", "x: y", "100%"],
                               "correct": [0, 2], "explanation": "Vì {lý do}."},
                      key="ĐẶC-BIỆT")
    questions = [q.as_public() for q in bank.list_questions(qstore)]
    topics = {t.code: t.name for t in bank.list_topics(qstore)}
    path = tmp_path / f"bank{suffix}"
    write_questions(path, questions, topics)
    for old in bank.list_questions(store):   # an empty bank on the other side
        bank.set_retired(store, old.id, True)
    plan = bank_io.plan_import(store, read_questions(path))
    assert not plan.rejected
    bank_io.apply_import(store, plan)
    got = {q.key: {k: q.as_public()[k] for k in FIELDS} for q in bank.list_questions(store)
           if not q.retired}
    want = {q["key"]: {k: q[k] for k in FIELDS} for q in questions}
    assert got == want
    names = {t.code: t.name for t in bank.list_topics(store)}
    assert all(names[c] == n for c, n in topics.items())


def test_aiken_export_round_trip_of_text(qstore, tmp_path):
    questions = [q.as_public() for q in bank.list_questions(qstore)]
    out = write_questions(tmp_path / "b.aiken", questions, {})
    r = aiken.parse((tmp_path / "b.aiken").read_bytes())
    assert out["written"] == len(r.items) == len(questions)
    assert sorted((i.text, tuple(i.options), tuple(i.correct)) for i in r.items) == sorted(
        (q["text"], tuple(q["options"]), tuple(q["correct"])) for q in questions)


def test_excel_template_can_be_read_back(tmp_path):
    path = xlsx.write_template(tmp_path / "t.xlsx", {"NT": "Nhận thức"})
    wb = load_workbook(path)
    assert "Chủ đề" in wb.sheetnames
    r = xlsx.parse(path)
    assert len(r.items) == 1 and r.items[0].topic == "Nhận thức"


@pytest.mark.parametrize("single,multiple", [(None, False), ("", False), ("true", False),
                                             ("false", True), ("0", True)])
def test_moodle_xml_single_defaults_to_one_answer(single, multiple):
    tag = "" if single is None else f"<single>{single}</single>"
    data = ("<?xml version='1.0'?>\n<quiz><question type='multichoice'><name><text>S</text></name>"
            "<questiontext format='plain_text'><text>Câu?</text></questiontext>" + tag +
            "<answer fraction='100'><text>Có</text></answer>"
            "<answer fraction='0'><text>Không</text></answer></question></quiz>").encode()
    item = moodle_xml.parse(data).items[0]
    assert item.multiple is multiple and item.correct == [0]


def test_aiken_export_joins_text_lines_and_skips_option_like_text():
    def q(key, text):
        return {"key": key, "topic": "NT", "text": text, "options": ["Có", "Không"],
                "correct": [1], "multiple": False}
    data, skipped = aiken.write([q("K1", "Đoạn đầu.\n\nCâu hỏi: đúng hay sai?"),
                                 q("K2", "Xét hai ý:\nA) lập kế hoạch\nB. thực hiện"),
                                 q("K3", "A) Câu bắt đầu như phương án"),
                                 q("K4", "B. Cũng vậy\nphần sau")])
    assert [s["key"] for s in skipped] == ["K3", "K4"] and "phương án" in skipped[0]["message"]
    r = aiken.parse(data)
    assert not r.rejected
    assert [i.text for i in r.items] == ["Đoạn đầu. Câu hỏi: đúng hay sai?",
                                         "Xét hai ý: A) lập kế hoạch B. thực hiện"]
    assert all(i.correct == [1] and i.options == ["Có", "Không"] for i in r.items)


def test_aiken_errors_name_their_line_once():
    r = aiken.parse("Câu một?\nA) x\nB) y\nANSWER: D\n\nCâu hai?\nA) x\nC) y\nANSWER: A\n"
                    .encode())
    assert [(x.line, x.message) for x in r.rejected] == [
        (4, "Đáp án \"D\" không phải chữ cái của một phương án; câu hỏi bắt đầu ở dòng 1."),
        (8, "Phương án \"C)\" không đúng thứ tự (cần \"B)\"); câu hỏi bắt đầu ở dòng 6.")]
    assert all("Dòng" not in x.message for x in r.rejected)


@pytest.mark.parametrize("data,words", [
    (b"<?xml version='1.0'?>\n<quiz>\n<question>\n<oops>\n</quiz>\n", "không khớp"),
    (b"<quiz><a>&x;</a></quiz>", "&amp;"),
    (b"<quiz a='1' a='2'></quiz>", "hai lần"),
    (b"<quiz>", "thiếu thẻ đóng"),
])
def test_moodle_xml_errors_are_in_vietnamese(data, words):
    message = moodle_xml.parse(data).rejected[0].message
    assert message.startswith("Tệp XML hỏng ở dòng") and words in message
    assert "Hãy sửa" in message
    english = {xml_errors.ErrorString(c) for c in range(1, 44)} - {None}
    assert not any(e in message for e in english)


def test_unknown_expat_error_gets_a_vietnamese_phrase():
    assert moodle_xml.expat_message(9999) == "cấu trúc XML không hợp lệ"
