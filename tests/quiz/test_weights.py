"""Per-option weights: kept from import through every export and back, the same defaults in GIFT
and Moodle XML when a question has none, and dropped when an edit changes the right answers."""
from __future__ import annotations

import json
import re

import pytest

from desktop.output.quiz.formats import gift, moodle_xml, read_questions, write_questions
from desktop.models.quiz import bank, bank_io
from tests.cli_auth import run_cli

from .conftest import MOODLE

WEIGHTED = "::W1::[plain]Những việc nào thuộc bước Kiểm tra? {\n~%60%Đo lường\n~%40%Đánh giá " \
           "nội bộ\n~%-50%Ban hành quy trình\n~%0%Ký hợp đồng\n}\n"


def _import(store, path):
    plan = bank_io.plan_import(store, read_questions(path))
    assert not plan.rejected, [r.message for r in plan.rejected]
    bank_io.apply_import(store, plan)


@pytest.mark.parametrize("suffix", [".gift", ".xml", ".json"])
def test_weights_survive_export_and_import(qstore, store, tmp_path, suffix):
    src = tmp_path / "in.gift"
    src.write_text(WEIGHTED, encoding="utf-8")
    _import(qstore, src)
    q = bank.question_by_key(qstore, "W1")
    assert q.weights == [60.0, 40.0, -50.0, 0.0] and q.correct == [0, 1] and q.multiple
    out = tmp_path / f"bank{suffix}"
    write_questions(out, [q.as_public()], {t.code: t.name for t in bank.list_topics(qstore)})
    _import(store, out)
    back = bank.question_by_key(store, "W1")
    assert back.weights == [60.0, 40.0, -50.0, 0.0]
    assert back.correct == [0, 1] and back.multiple


def test_moodle_weights_come_back_from_our_export(store, tmp_path):
    parsed = gift.parse((MOODLE / "questions.gift.txt").read_bytes())
    colours = next(i for i in parsed.items if i.key == "colours")
    q = {"key": "colours", "topic": "NT", "text": colours.text, "options": colours.options,
         "correct": colours.correct, "weights": colours.weights, "multiple": True}
    again = gift.parse(gift.write([q], {}))
    assert again.items[0].weights == [50.0, -100.0, 50.0, -100.0]
    again = moodle_xml.parse(moodle_xml.write([q], {}))
    assert again.items[0].weights == [50.0, -100.0, 50.0, -100.0]


def test_cli_export_writes_stored_weights(qdata_dir, tmp_path, capsys):
    src = tmp_path / "in.gift"
    src.write_text(WEIGHTED, encoding="utf-8")
    assert run_cli(["--data-dir", str(qdata_dir), "quiz", "import", str(src), "--json"]) == 0
    capsys.readouterr()
    for name in ("b.gift", "b.xml", "b.json"):
        assert run_cli(["--data-dir", str(qdata_dir), "quiz", "export", str(tmp_path / name),
                     "--json"]) == 0
    capsys.readouterr()
    text = (tmp_path / "b.gift").read_text(encoding="utf-8")
    assert "~%60%[plain]Đo lường" in text and "~%-50%[plain]Ban hành quy trình" in text
    xml = (tmp_path / "b.xml").read_text(encoding="utf-8")
    w1 = xml[xml.index("<idnumber>W1</idnumber>"):]
    assert re.findall(r'fraction="([^"]+)"', w1)[:4] == ["60", "40", "-50", "0"]
    doc = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert next(q for q in doc["questions"] if q["key"] == "W1")["weights"] == [60, 40, -50, 0]


@pytest.mark.parametrize("multiple", [False, True])
def test_gift_and_xml_agree_without_stored_weights(multiple):
    q = {"key": "K", "topic": "NT", "text": "Câu?", "options": ["a", "b", "c"],
         "correct": [0, 2] if multiple else [1], "weights": None, "multiple": multiple}
    from_gift = gift.parse(gift.write([q], {})).items[0]
    from_xml = moodle_xml.parse(moodle_xml.write([q], {})).items[0]
    assert from_gift.weights == from_xml.weights
    assert from_gift.correct == from_xml.correct == q["correct"]
    assert from_gift.multiple == from_xml.multiple == multiple


def test_edit_of_right_answer_drops_contradicting_weights(qstore, tmp_path):
    src = tmp_path / "in.gift"
    src.write_text(WEIGHTED, encoding="utf-8")
    _import(qstore, src)
    q = bank.question_by_key(qstore, "W1")
    same, _ = bank.update_question(qstore, q.id, {"text": "Việc nào thuộc bước Kiểm tra?"})
    assert same.weights == [60.0, 40.0, -50.0, 0.0]     # wording only: weights still fit
    edited, _ = bank.update_question(qstore, q.id, {"correct": [2]})
    assert edited.correct == [2] and edited.weights is None
    given, _ = bank.update_question(qstore, q.id, {"correct": [0, 3],
                                                   "weights": [50, 0, -100, 50]})
    assert given.weights == [50.0, 0.0, -100.0, 50.0]
    single, _ = bank.update_question(qstore, q.id, {"correct": [0], "multiple": False})
    assert single.weights is None and not single.multiple
