"""The question bank: topics, validation, versions (an edit of a used question makes a new one
and old attempts keep what they showed), retiring, the default bank."""
from __future__ import annotations

import json

import pytest

from desktop.models import audit
from desktop.models.errors import ValidationError
from desktop.models.quiz import attempts, bank, bank_io
from desktop.models.quiz.common import QuizError
from desktop.paths import resource

from .conftest import make_session, staff_ids


def test_validation_names_each_field(qstore):
    with pytest.raises(ValidationError) as e:
        bank.add_question(qstore, {"topic_code": "NOPE", "text": " ", "options": ["Một"],
                                   "correct": [], "difficulty": 5})
    assert set(e.value.errors) == {"topic", "text", "options", "difficulty"}
    with pytest.raises(ValidationError) as e:
        bank.add_question(qstore, {"topic_code": "NT", "text": "Câu?", "options": ["A", "a "],
                                   "correct": [0]})
    assert "giống nhau" in e.value.errors["options"]
    with pytest.raises(ValidationError) as e:
        bank.add_question(qstore, {"topic_code": "NT", "text": "Câu?", "options": ["A", "B"],
                                   "correct": [0, 1]})
    assert "phương án sai" in e.value.errors["correct"]


def test_edit_of_unused_question_changes_it_in_place(qstore):
    q = bank.add_question(qstore, {"topic_code": "NT", "text": "Câu mới?",
                                   "options": ["Có", "Không"], "correct": [0]})
    q2, new_version = bank.update_question(qstore, q.id, {"text": "Câu mới, đã sửa?"})
    assert not new_version and q2.version_no == 1 and q2.version_id == q.version_id
    assert q2.text == "Câu mới, đã sửa?"
    assert len(bank.versions_of(qstore, q.id)) == 1


def test_edit_of_used_question_makes_a_new_version_and_attempts_keep_the_old(qstore):
    s = make_session(qstore, questions=12)
    ids = staff_ids(qstore)
    a = attempts.start_attempt(qstore, s.id, ids["CB001"])
    item = a.items[0]
    old_text, old_options = item.text, item.shown_options
    q = bank.get_question(qstore, item.question_id)
    assert q.used
    q2, new_version = bank.update_question(
        qstore, q.id, {"text": q.text + " (sửa)", "options": [o + "!" for o in q.options]})
    assert new_version and q2.version_no == 2 and q2.version_id != item.version_id
    again = attempts.load_attempt(qstore, a.id)
    assert again.items[0].text == old_text and again.items[0].shown_options == old_options
    assert [v["number"] for v in bank.versions_of(qstore, q.id)] == [1, 2]
    b = attempts.start_attempt(qstore, s.id, ids["CB002"])
    shown = next(it for it in b.items if it.question_id == q.id)
    assert shown.text.endswith("(sửa)") and shown.version_id == q2.version_id
    # the change is in the audit log
    assert any(h["action"] == "insert" for h in audit.history(qstore, "quiz_question_versions",
                                                               q2.version_id))


def test_metadata_edit_of_used_question_keeps_the_version(qstore):
    s = make_session(qstore, questions=12)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    q = bank.get_question(qstore, a.items[0].question_id)
    other = "RR" if q.topic_code != "RR" else "NT"
    q2, new_version = bank.update_question(qstore, q.id, {"topic_code": other})
    assert not new_version and q2.topic_code == other and q2.version_id == q.version_id


def test_retired_questions_are_not_drawn_and_used_ones_cannot_be_deleted(qstore):
    s = make_session(qstore, questions=11)
    questions = bank.list_questions(qstore)
    bank.set_retired(qstore, questions[0].id, True)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    assert questions[0].id not in {it.question_id for it in a.items}
    with pytest.raises(QuizError):
        bank.delete_question(qstore, a.items[0].question_id)
    fresh = bank.add_question(qstore, {"topic_code": "NT", "text": "Xóa được?",
                                       "options": ["Có", "Không"], "correct": [0]})
    bank.delete_question(qstore, fresh.id)
    assert fresh.id not in {q.id for q in bank.list_questions(qstore)}


def test_search_ignores_diacritics(qstore):
    found = bank.list_questions(qstore, query="tu duy dua tren rui ro")
    assert {q.key for q in found} >= {"T09"}
    assert bank.list_questions(qstore, query="PDCA", topic="PDCA")


def test_topics(qstore):
    t = bank.add_topic(qstore, "ktnb", "Đánh giá nội bộ")
    assert t.code == "ktnb" and bank.topic_by_code(qstore, "KTNB").id == t.id
    with pytest.raises(ValidationError):
        bank.add_topic(qstore, "KTNB", "Trùng")     # codes differ only by case: the same
    bank.update_topic(qstore, t.id, name="Đánh giá nội bộ (9.2)", retired=True)
    assert bank.topic_by_code(qstore, "ktnb").retired
    assert "ktnb" not in bank.bank_counts(qstore)


def test_bank_file_loader_skips_what_is_there(qstore):
    from .conftest import SMALL_BANK
    out = bank_io.load_bank_file(qstore, SMALL_BANK)
    assert out == {"topics": 0, "questions": 0, "skipped": 12}


def test_the_shipped_default_bank():
    """resources/questions/default_bank.json: at least 80 valid Vietnamese questions."""
    path = resource("questions", "default_bank.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "isodesk-question-bank" and data["version"] == 1
    codes = {t["code"] for t in data["topics"]}
    assert len(data["questions"]) >= 80
    keys = set()
    for q in data["questions"]:
        assert q["topic"] in codes and q["key"] not in keys
        keys.add(q["key"])
        bank.validate_content(None, q)
        assert 1 <= q["difficulty"] <= 3 and q["explanation"]


def test_default_bank_comes_in_the_first_time(store):
    """Not at setup (a unit that never uses the quiz sends no bank upwards), but the first time
    the quiz is used; and only once."""
    assert not bank.list_questions(store)
    added = bank_io.ensure_default_bank(store)
    assert added["questions"] >= 80 and sum(bank.bank_counts(store).values()) >= 80
    first = bank.list_questions(store)[0]
    bank.delete_question(store, first.id)
    assert bank_io.ensure_default_bank(store) is None
    assert first.id not in {q.id for q in bank.list_questions(store)}


def test_no_default_bank_over_an_imported_one(qstore):
    assert bank_io.ensure_default_bank(qstore) is None
    assert len(bank.list_questions(qstore)) == 12


def test_the_same_wording_twice_is_drawn_once(qstore):
    from desktop.models import records
    from desktop.models.quiz import papers
    from desktop.models.quiz.common import QUESTIONS, VERSIONS

    q = bank.list_questions(qstore, topic="NT")[0]
    # the province's copy of the same question, received by sync
    qid, vid = records.new_id(), records.new_id()
    version = dict(qstore.query_one("SELECT * FROM quiz_question_versions WHERE id = ?",
                                    (q.version_id,)))
    records.insert(qstore, QUESTIONS, {"key": "TINH-01", "topic_code": "NT",
                                       "current_version_id": vid, "source": "province",
                                       "retired": 0, "origin_unit": "BHXHTT"}, record_id=qid)
    records.insert(qstore, "quiz_topics", {"code": "NT", "name": "NT của tỉnh",
                                           "origin_unit": "BHXHTT"})
    version.update(question_id=qid, origin_unit="BHXHTT")
    for k in ("id", "created_at", "updated_at", "version", "deleted"):
        version.pop(k)
    records.insert(qstore, VERSIONS, version, record_id=vid)
    pool = bank.active_pool(qstore)
    assert qid not in {i for i, _ in pool["NT"]} and q.id in {i for i, _ in pool["NT"]}
    assert sum(len(v) for v in pool.values()) == 12
    paper = papers.draw_paper(qstore, {"questions": 12, "blueprint": {},
                                       "shuffle_options": True}, 1)
    assert len({it.question_id for it in paper.items}) == 12
