"""Question files written elsewhere (tests/fixtures/questions, Moodle's own files in
../shared/interop) read as Moodle reads them, or refused with the reason; nothing left out
without a word."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.output.quiz.formats import aiken, gift, moodle_xml, read_questions, xlsx
from desktop.models import blobs
from desktop.models.quiz import bank, bank_io, grading, kinds
from tests.cli_auth import run_cli

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "questions"


def items_by_key(result):
    return {i.key: i for i in result.items}


def refused(result):
    return {r.line: r.message for r in result.rejected}


def test_tilde_before_the_equal_sign_is_the_right_answer():
    gv01 = items_by_key(read_questions(FILES / "giao-vien-vi.gift"))["GV01"]
    assert gv01.options == ["Giám đốc đơn vị", "Từng cán bộ tự đặt", "Đơn vị tư vấn"]
    assert gv01.correct == [0] and gv01.kind == "single"


def test_aiken_blank_lines_inside_questions_are_skipped_as_moodle_does():
    r = read_questions(FILES / "aiken-chep-tu-web.txt", "aiken")
    assert not r.rejected
    assert [(i.text, len(i.options), i.correct) for i in r.items] == [
        ("Tiêu chuẩn nào quy định hệ thống quản lý chất lượng?", 3, [0]),
        ("Ai xác nhận biên bản làm việc?", 2, [0])]
    docs = aiken.parse((FILES / "aiken-moodle-docs-example.txt").read_bytes())
    assert not docs.rejected and [i.correct for i in docs.items] == [[3], [0]]
    assert docs.items[1].options[-1] == "Ilias"


def test_several_full_answers_in_a_single_answer_question_are_one_of_several():
    gv02 = items_by_key(read_questions(FILES / "giao-vien-vi.gift"))["GV02"]
    assert gv02.kind == "any" and gv02.correct == [0, 1] and not gv02.multiple
    md = items_by_key(read_questions(FILES / "moodle-export-pluginfile.xml"))["MD-IMG-01"]
    assert md.kind == "any" and md.correct == [0, 1]
    # one right option alone is fully right, as in Moodle; two chosen are not
    assert grading.is_correct([0], md.correct, "any")
    assert grading.is_correct([1], md.correct, "any")
    assert not grading.is_correct([0, 1], md.correct, "any")
    assert not grading.is_correct([2], md.correct, "any")
    # "tick all that apply" stays what it was
    assert grading.is_correct([0, 1], [0, 1], "multiple")
    assert not grading.is_correct([0], [0, 1], "multiple")


def test_pictures_are_kept_from_every_way_moodle_writes_them(store):
    old = read_questions(FILES / "moodle-sample_questions_with_old_image_tag.xml")
    [mcq] = old.items
    assert [(p.place, p.name, p.media_type) for p in mcq.pictures] == \
        [("question", "moodle.png", "image/png")]
    assert "cloze" in refused(old)[16]
    plugin = items_by_key(read_questions(FILES / "moodle-export-pluginfile.xml"))
    assert [(p.place, p.option) for p in plugin["MD-IMG-01"].pictures] == [("question", None)]
    assert [(p.place, p.option) for p in plugin["MD-IMG-02"].pictures] == [("option", 0)]
    assert plugin["MD-IMG-02"].options[0] == ""            # an option that is only a picture
    data_uri = items_by_key(read_questions(FILES / "giao-vien-vi.gift"))["GV04"]
    assert [p.place for p in data_uri.pictures] == ["question"]
    # all four are the same file, stored once by its hash
    digests = {p.sha256 for q in (mcq, plugin["MD-IMG-01"], plugin["MD-IMG-02"], data_uri)
               for p in q.pictures}
    assert len(digests) == 1
    for path in (FILES / "moodle-export-pluginfile.xml",
                 FILES / "moodle-sample_questions_with_old_image_tag.xml"):
        plan = bank_io.plan_import(store, read_questions(path))
        bank_io.apply_import(store, plan, accept_good=True)
    [digest] = digests
    assert blobs.read_blob(store, digest)[:4] == b"\x89PNG"
    q = bank.question_by_key(store, "MD-IMG-02")
    assert q.kind == "multiple" and [p.sha256 for p in q.pictures] == [digest]


def test_sound_and_video_are_refused_naming_the_item():
    r = read_questions(FILES / "moodle-export-pluginfile.xml")
    message = refused(r)[104]
    assert "Nghe hướng dẫn" in message and "âm thanh hoặc video" in message
    assert "huong-dan.mp3" in message


def test_what_cannot_be_kept_is_listed_against_the_item(store):
    plan = bank_io.plan_import(store, read_questions(FILES / "moodle-export-pluginfile.xml"))
    left = {i.key: i.left_out for i in plan.items}
    assert "phản hồi riêng của từng phương án" in left["MD-IMG-01"]
    assert "phản hồi khi trả lời đúng" in left["MD-IMG-01"]
    assert all("hình" not in x for x in left["MD-IMG-01"])    # the picture itself is kept


def test_short_answer_blank_before_punctuation_and_pre_blocks():
    r = read_questions(FILES / "giao-vien-vi.gift")
    assert "short answer" in refused(r)[32]                  # {=HTQLCL}, not "2 options"
    by_key = items_by_key(r)
    assert by_key["GV03"].text.endswith("là _____.")
    pre = by_key["GV05"].text.split("\n")
    assert pre[1] == "B1\u00a0\u00a0Tiếp\u00a0nhận\u00a0hồ\u00a0sơ"
    assert pre[2] == "B2\u00a0\u00a0\u00a0\u00a0Kiểm\u00a0tra,\u00a0thẩm\u00a0định"


def test_pre_layout_survives_the_bank(store):
    plan = bank_io.plan_import(store, read_questions(FILES / "giao-vien-vi.gift"))
    bank_io.apply_import(store, plan, accept_good=True)
    assert "B2\u00a0\u00a0\u00a0\u00a0Kiểm" in bank.question_by_key(store, "GV05").text


def test_weights_moodle_refuses_are_refused_and_never_written():
    r = read_questions(FILES / "moodle-error_invalid_grades.xml")
    assert not r.items and "33%" in r.rejected[0].message and "33.33333" in r.rejected[0].message
    teacher = read_questions(FILES / "giftplayer-sample.gift")
    assert "Trọng số 7" in refused(teacher)[33]
    q = {"id": "x", "key": "W", "topic": "t", "text": "Câu?", "options": ["a", "b", "c"],
         "correct": [0, 1], "weights": [33, 33, -100], "multiple": True, "kind": "multiple"}
    for data in (gift.write([q], {"t": "T"}), moodle_xml.write([q], {"t": "T"})):
        text = data.decode()
        assert "33%" not in text and '"33"' not in text and "50" in text


@pytest.mark.parametrize("writer", ["gift", "xml"])
def test_slash_in_a_topic_name_and_nested_categories(store, tmp_path, writer):
    nested = read_questions(FILES / "moodle-nested_categories_with_questions.xml")
    assert [i.topic for i in nested.items] == ["Iota", "Iota / Kappa", "Iota / Kappa / Lambda",
                                               "Iota / Mu"]
    gv = read_questions(FILES / "giao-vien-vi.gift")
    assert gv.items[0].topic == "Nhận thức ISO / Điều 7/8 - Hỗ trợ"
    q = {"id": "x", "key": "S1", "topic": "t", "text": "Câu?", "options": ["a", "b"],
         "correct": [0], "kind": "single"}
    name = "Nhận thức ISO / Điều 7/8 - Hỗ trợ"
    data = gift.write([q], {"t": name}) if writer == "gift" else moodle_xml.write([q], {"t": name})
    assert "Điều 7//8" in data.decode()
    again = (gift.parse if writer == "gift" else moodle_xml.parse)(data)
    assert again.items[0].topic == name


def test_moodle_xml_without_its_quiz_root_says_so():
    r = moodle_xml.parse(b"<?xml version='1.0'?>\n<questions><question type='multichoice'/>"
                         b"</questions>")
    assert "thiếu thẻ <quiz>" in r.rejected[0].message
    assert "<questions>" in r.rejected[0].message
    broken = moodle_xml.parse(b"<question type='multichoice'><name>x</name>")
    assert "thiếu thẻ <quiz>" in broken.rejected[0].message
    assert "cột" not in broken.rejected[0].message


def test_dry_run_json_and_text(data_dir, capsys):
    code = run_cli(["--data-dir", str(data_dir), "quiz", "import", str(FILES / "giao-vien-vi.gift"),
                 "--dry-run", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and "imported" not in out and out["would_import"] == 6
    assert {i["key"]: i["kind"] for i in out["items"]}["GV02"] == "any"
    assert [len(i["pictures"]) for i in out["items"] if i["key"] == "GV04"] == [1]
    assert [r["line"] for r in out["rejected"]] == [32, 36]
    code = run_cli(["--data-dir", str(data_dir), "quiz", "import", str(FILES / "giao-vien-vi.gift"),
                 "--dry-run", "--accept-good"])
    text = capsys.readouterr().out
    assert code == 0
    assert "Đoạn quy trình sau giữ nguyên cách trình bày:\\nB1" in text    # escaped, one line
    assert "(Một trong các đáp án đúng)" in text
    code = run_cli(["--data-dir", str(data_dir), "quiz", "import", str(FILES / "giao-vien-vi.gift"),
                 "--accept-good", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["imported"] == 6
    again = run_cli(["--data-dir", str(data_dir), "quiz", "import", str(FILES / "giao-vien-vi.gift"),
                  "--dry-run", "--accept-good", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert again == 1 and out["would_import"] == 0 and len(out["skipped"]) == 6


def test_excel_template_has_kind_and_weight_columns_and_true_false_comes_back(tmp_path):
    path = xlsx.write_template(tmp_path / "mau.xlsx", {"NT": "Nhận thức"})
    from openpyxl import load_workbook
    headers = [c.value for c in load_workbook(path).active[3]]
    assert "Loại câu" in headers and "Trọng số (%)" in headers
    q = {"id": "x", "key": "TF", "topic": "NT", "text": "Đúng không?", "options": ["Đúng", "Sai"],
         "correct": [1], "kind": "truefalse", "multiple": False}
    w = {"id": "y", "key": "W", "topic": "NT", "text": "Chọn?", "options": ["a", "b", "c"],
         "correct": [0, 1], "weights": [50, 50, -100], "kind": "multiple", "multiple": True}
    xlsx.write(tmp_path / "b.xlsx", [q, w], {"NT": "Nhận thức"})
    back = items_by_key(xlsx.parse(tmp_path / "b.xlsx"))
    assert back["TF"].kind == "truefalse" and back["TF"].correct == [1]
    assert back["W"].weights == [50.0, 50.0, -100.0] and back["W"].kind == "multiple"


def test_kinds_module_lists_moodles_fractions():
    assert 33.33333 in kinds.MOODLE_FRACTIONS and -14.28571 in kinds.MOODLE_FRACTIONS
    assert kinds.moodle_fraction(33) is None and kinds.moodle_fraction(33.333) == 33.33333
