"""The question-file parsers under fuzzing: whatever the input, they return questions and
line-numbered refusals (never crash), and what this program writes it reads back unchanged."""
from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.output.quiz.formats import aiken, bank_json, gift, moodle_xml, xlsx
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import bank_io, kinds
from desktop.models.quiz.bank import clean_block

SPECIAL = "{}=~#:\\\n/$%->[]() ABCD.)ANSWER:<>&;\"'\t"
gift_like = st.text(alphabet=st.sampled_from(list(SPECIAL) + list("aăâđêôơưáàảãạ01")),
                    max_size=400)
anything = st.text(max_size=300)
raw_bytes = st.binary(max_size=400)
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(result, text: str) -> None:
    # the readers take \r\n and a lone \r as line ends too (as the decoding does)
    n_lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for item in result.items:
        assert 1 <= item.line <= n_lines + 1
        assert isinstance(item.text, str) and all(isinstance(o, str) for o in item.options)
        assert all(isinstance(i, int) for i in item.correct)
    for r in result.rejected:
        assert 1 <= r.line <= n_lines + 1 and r.message


@FUZZ
@given(gift_like)
def test_gift_never_crashes(text):
    check(gift.parse(text.encode("utf-8")), text)


@FUZZ
@given(gift_like)
def test_aiken_never_crashes(text):
    check(aiken.parse(text.encode("utf-8")), text)


@FUZZ
@given(anything)
def test_text_parsers_on_any_unicode(text):
    for parser in (gift.parse, aiken.parse, moodle_xml.parse, bank_json.parse):
        check(parser(text.encode("utf-8")), text)


@FUZZ
@given(raw_bytes)
def test_parsers_on_any_bytes(data):
    for parser in (gift.parse, aiken.parse, moodle_xml.parse, bank_json.parse):
        result = parser(data)
        assert result.encoding


XML = ("<?xml version='1.0' encoding='UTF-8'?>\n<quiz>\n<question type='category'><category>"
       "<text>$course$/top/Chủ đề</text></category></question>\n<question type='multichoice'>"
       "<name><text>A</text></name><questiontext format='html'><text><![CDATA[<p>Câu "
       "<b>hỏi</b></p>]]></text></questiontext><single>false</single>"
       "<answer fraction='50'><text>Một</text></answer><answer fraction='50'><text>Hai</text>"
       "</answer><answer fraction='-100'><text>Ba</text></answer></question>\n</quiz>\n")


@FUZZ
@given(st.integers(0, len(XML)), st.integers(0, len(XML)), st.text(alphabet="<>/&;'\"=x ",
                                                                    max_size=5))
def test_moodle_xml_mutations(cut, at, insert):
    text = XML[:cut] + insert + XML[cut:at] if at > cut else XML[:at] + insert
    check(moodle_xml.parse(text.encode("utf-8")), text)


@FUZZ
@given(raw_bytes)
def test_excel_garbage_is_a_clear_error(data):
    try:
        xlsx.parse(data)
    except IsoDeskError as exc:
        assert exc.message
    else:
        raise AssertionError("garbage read as Excel")


@FUZZ
@given(gift_like)
def test_plans_from_fuzz_never_crash(qstore, text):
    parsed = gift.parse(text.encode("utf-8"))
    plan = bank_io.plan_import(qstore, parsed)
    assert len(plan.items) + len(plan.rejected) + len(plan.skipped) == \
        len(parsed.items) + len(parsed.rejected)


# --- round trips of generated questions ------------------------------------------------------

word = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠ0123456789")
                                        + list("{}=~#:\\%<>&/-")), min_size=1, max_size=12)
phrase = st.lists(word, min_size=1, max_size=6).map(" ".join)


@st.composite
def question(draw):
    n = draw(st.integers(2, 6))
    options = draw(st.lists(phrase, min_size=n, max_size=n,
                            unique_by=lambda s: clean_block(s).casefold()))
    k = draw(st.integers(1, n - 1))
    correct = sorted(draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True)))
    lines = draw(st.lists(phrase, min_size=1, max_size=3))
    kind = draw(st.sampled_from(["single", "multiple", "any", "truefalse"]))
    if kind == "single" or (kind == "any" and len(correct) < 2):
        kind, correct = "single", correct[:1]
    if kind == "truefalse":
        options, correct = list(kinds.TRUE_FALSE_OPTIONS), correct[:1] if correct[0] < 2 else [1]
    return {"key": draw(st.from_regex(r"[A-Z]{1,3}[0-9]{1,3}", fullmatch=True)),
            "topic": "NT", "text": "\n".join(lines), "options": options, "correct": correct,
            "multiple": kind == "multiple", "kind": kind, "explanation": draw(phrase),
            "clause": "7.3", "difficulty": draw(st.integers(1, 3))}


def same(parsed, q) -> None:
    assert [clean_block(o) for o in parsed.options] == [clean_block(o) for o in q["options"]]
    assert clean_block(parsed.text) == clean_block(q["text"])
    assert parsed.correct == q["correct"]
    assert kinds.normalise(kinds.infer_kind(parsed.kind, parsed.multiple, parsed.correct),
                           parsed.correct) == q["kind"]
    assert parsed.key == q["key"]
    assert clean_block(parsed.explanation) == clean_block(q["explanation"])
    assert parsed.difficulty == q["difficulty"]


@settings(max_examples=80, deadline=None)
@given(st.lists(question(), min_size=1, max_size=4, unique_by=lambda q: q["key"]))
def test_gift_round_trip(questions):
    parsed = gift.parse(gift.write(questions, {"NT": "Nhận thức"}))
    assert not parsed.rejected
    for p, q in zip(parsed.items, questions):
        same(p, q)


@settings(max_examples=80, deadline=None)
@given(st.lists(question(), min_size=1, max_size=4, unique_by=lambda q: q["key"]))
def test_moodle_xml_round_trip(questions):
    parsed = moodle_xml.parse(moodle_xml.write(questions, {"NT": "Nhận thức"}))
    assert not parsed.rejected
    for p, q in zip(parsed.items, questions):
        same(p, q)


@settings(max_examples=30, deadline=None)
@given(st.lists(question(), min_size=1, max_size=3, unique_by=lambda q: q["key"]))
def test_excel_round_trip(questions):
    from openpyxl import Workbook

    wb = Workbook()
    xlsx._sheet(wb, questions, {"NT": "Nhận thức"}, title="x")
    buf = io.BytesIO()
    wb.save(buf)
    parsed = xlsx.parse(buf.getvalue())
    assert not parsed.rejected
    for p, q in zip(parsed.items, questions):
        same(p, q)


level = st.text(alphabet=st.sampled_from(list("aăđêơư /-.0123456789")), min_size=1, max_size=10)


@FUZZ
@given(st.lists(level, min_size=1, max_size=4))
def test_topic_paths_survive_moodles_escaping(levels):
    """A topic name made of levels joined by " / " (a "/" inside a level allowed) comes back
    the same from the category path GIFT and Moodle XML write."""
    parts = [" ".join(p.split()).strip(" /") for p in levels]
    parts = [p for p in parts if p and " / " not in f" {p} "]
    if not parts:
        return
    name = " / ".join(parts)
    assert gift.category_path("$course$/top/" + gift.topic_path(name)) == name


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcimgsrcprea&;#:@PLUGINFILE")),
               max_size=200))
def test_html_reading_never_crashes(text):
    from desktop.output.quiz.formats.text import read_html

    rich = read_html(text)
    assert isinstance(rich.text, str) and all(isinstance(i["src"], str) for i in rich.images)

