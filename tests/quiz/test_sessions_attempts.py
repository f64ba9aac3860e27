"""Sessions, papers, attempts: settings and warnings, reproducible papers from the blueprint,
answers committed one by one, one attempt per person, retakes, grading, the PIN guard."""
from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from desktop.models import audit
from desktop.models.errors import ValidationError
from desktop.models.quiz import attempts, grading, kiosk, papers, results, sessions
from desktop.models.quiz.common import QuizError

from .conftest import make_session, staff_ids


def test_session_validation_and_half_day_warning(qstore):
    with pytest.raises(ValidationError) as e:
        sessions.create_session(qstore, {"date": "31/02/2025", "place": "",
                                         "start_time": "10:00", "end_time": "09:00",
                                         "settings": {"questions": 0, "pass_mark": 120}})
    assert {"date", "place", "end_time", "questions", "pass_mark"} <= set(e.value.errors)
    s = sessions.create_session(qstore, {"date": "15/09/2025", "place": "Hội trường",
                                         "start_time": "7h30", "end_time": "10:00"})
    assert s.date == "2025-09-15" and s.start_time == "07:30"
    assert any("nửa ngày" in w for w in sessions.warnings(qstore, s))
    ok = make_session(qstore)
    assert not any("nửa ngày" in w for w in sessions.warnings(qstore, ok))


def test_blueprint_is_checked_against_the_bank(qstore):
    with pytest.raises(ValidationError) as e:
        make_session(qstore, questions=4, blueprint={"NT": 3, "PDCA": 3})
    assert "blueprint" in e.value.errors
    s = make_session(qstore, questions=6, blueprint={"NT": 4, "XYZ": 0})
    assert s.settings["blueprint"] == {"NT": 4}


def test_paper_follows_blueprint_and_is_reproducible(qstore):
    s = make_session(qstore, questions=8, blueprint={"NT": 4, "RR": 1})
    paper = papers.draw_paper(qstore, s.settings, 12345)
    again = papers.draw_paper(qstore, s.settings, 12345)
    assert paper == again
    topics = Counter(q["topic_code"] for q in qstore.query(
        "SELECT topic_code FROM quiz_questions WHERE id IN (%s)" % ",".join("?" * 8),
        [it.question_id for it in paper.items]))
    assert topics["NT"] == 4 and topics["RR"] >= 1 and topics["PDCA"] >= 1
    assert sum(topics.values()) == 8
    assert sorted(it.slot for it in paper.items) == list(range(1, 9))
    other = papers.draw_paper(qstore, s.settings, 999)
    assert other != paper


def test_attempt_stores_its_seed_and_order(qstore):
    s = make_session(qstore, questions=6)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"], seed=777)
    row = qstore.query_one("SELECT seed, question_order FROM quiz_attempts WHERE id = ?", (a.id,))
    assert row["seed"] == 777
    redrawn = papers.draw_paper(qstore, s.settings, 777)
    assert [it.question_id for it in redrawn.items] == [it.question_id for it in a.items]
    assert [tuple(it.option_order) for it in a.items] == [it.option_order for it in redrawn.items]


def test_every_answer_is_committed_at_once(qstore, qdata_dir):
    s = make_session(qstore, questions=6, time_limit_min=20)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    item = a.items[2]
    attempts.answer(qstore, a, 3, [item.option_order[1]], elapsed_ms=42_000)
    other = sqlite3.connect(qstore.path)   # another process's view of the file
    try:
        selected = other.execute("SELECT selected FROM quiz_answers WHERE id = ?",
                                 (item.answer_id,)).fetchone()[0]
        progress = other.execute("SELECT position, elapsed_ms FROM quiz_attempt_progress "
                                 "WHERE attempt_id = ?", (a.id,)).fetchone()
    finally:
        other.close()
    assert selected == f"[{item.option_order[1]}]" and progress == (3, 42_000)
    again = attempts.load_attempt(qstore, a.id)
    assert again.position == 3 and again.elapsed_ms == 42_000 and again.remaining_ms() == \
        20 * 60_000 - 42_000


def test_one_attempt_per_person_unless_retake(qstore):
    s = make_session(qstore, questions=4)
    ids = staff_ids(qstore)
    a = attempts.start_attempt(qstore, s.id, ids["CB001"])
    check = attempts.check_start(qstore, s, ids["CB001"])
    assert not check.ok and check.code == "in_progress" and check.in_progress_id == a.id
    attempts.submit(qstore, a)
    check = attempts.check_start(qstore, s, ids["CB001"])
    assert not check.ok and check.code == "used_up"
    with pytest.raises(QuizError):
        attempts.start_attempt(qstore, s.id, ids["CB001"])
    sessions.grant_retake(qstore, s.id, ids["CB001"])
    b = attempts.start_attempt(qstore, s.id, ids["CB001"])
    assert b.number == 2


def test_person_not_on_the_list_is_refused_until_added(qstore):
    ids = staff_ids(qstore)
    s = make_session(qstore, questions=4, attend=False)
    check = attempts.check_start(qstore, s, ids["CB003"])
    assert check.code == "not_listed"
    sessions.add_attendee(qstore, s.id, ids["CB003"], at_kiosk=True)
    assert attempts.check_start(qstore, s, ids["CB003"]).ok
    row = sessions.attendance_row(qstore, s.id, ids["CB003"])
    assert row["added_at_kiosk"] == 1


def test_grading_is_all_or_nothing_per_question(qstore):
    s = make_session(qstore, questions=12, pass_mark=50)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    expected = 0
    for n, it in enumerate(a.items):
        if n % 3 == 0:
            choice = it.correct_options          # right
            expected += 1
        elif n % 3 == 1 and len(it.correct_options) > 1:
            choice = it.correct_options[:1]      # incomplete: wrong
        else:
            choice = [i for i in range(len(it.options)) if i not in it.correct_options][:1]
        attempts.answer(qstore, a, it.position, choice)
    done = attempts.submit(qstore, a)
    assert done.score == expected and done.max_score == 12
    assert done.passed == (100 * expected / 12 >= 50)
    with pytest.raises(QuizError):
        attempts.answer(qstore, done, 1, [0])


def test_grade_function():
    g = grading.grade([1, 1, 0, 1], 4, 75)
    assert (g.score, g.percent, g.passed) == (3, 75.0, True)
    assert not grading.grade([1, 0, 0], 3, 50).passed
    assert grading.is_correct([2, 0], [0, 2]) and not grading.is_correct([0], [0, 2])


def test_settings_are_locked_once_used(qstore):
    s = make_session(qstore, questions=4)
    attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    with pytest.raises(QuizError):
        sessions.update_session(qstore, s.id, {"settings": {"questions": 5}})
    s2 = sessions.update_session(qstore, s.id, {"place": "Phòng họp tầng 2"})
    assert s2.place == "Phòng họp tầng 2"


def test_live_results_and_best_attempt(qstore):
    s = make_session(qstore, questions=4, pass_mark=50)
    ids = staff_ids(qstore)
    a = attempts.start_attempt(qstore, s.id, ids["CB001"])
    attempts.answer(qstore, a, 1, a.items[0].correct_options)
    rows = {r.staff_code: r for r in results.session_results(qstore, s.id)}
    assert rows["CB001"].status == "in_progress" and rows["CB001"].answered == 1
    assert rows["CB002"].status == "not_started"
    attempts.submit(qstore, a)
    sessions.grant_retake(qstore, s.id, ids["CB001"])
    b = attempts.start_attempt(qstore, s.id, ids["CB001"])
    for it in b.items:
        attempts.answer(qstore, b, it.position, it.correct_options)
    attempts.submit(qstore, b)
    r = {r.staff_code: r for r in results.session_results(qstore, s.id)}["CB001"]
    assert r.attempts == 2 and r.score == 4 and r.passed
    evidence = results.attempt_evidence(qstore, b.id)
    assert len(evidence["items"]) == 4 and all(i["correct"] for i in evidence["items"])


def test_pin_guard_logs_and_locks(qstore):
    s = make_session(qstore, pin="2468")
    now = [1000.0]
    guard = kiosk.PinGuard(qstore, s.id, clock=lambda: now[0])
    for n in range(4):
        r = guard.check("0000")
        assert not r.ok and not r.locked and r.remaining_tries == 4 - n
    r = guard.check("1111")
    assert r.locked and r.locked_for == 60
    assert not guard.check("2468").ok          # even the right PIN is refused while locked
    now[0] += 61
    assert guard.check("2468").ok
    actions = [e["action"] for e in audit.history(qstore, "quiz_sessions", s.id)]
    assert actions.count("kiosk_pin_failed") == 5
    assert "kiosk_exit_locked" in actions and "kiosk_pin_refused_locked" in actions
    assert audit.verify_chain(qstore).ok


def test_running_marker(qstore):
    s = make_session(qstore)
    assert kiosk.running_state(qstore) is None
    kiosk.mark_running(qstore, s.id)
    assert kiosk.running_state(qstore)["session_id"] == s.id
    kiosk.clear_running(qstore)
    assert kiosk.running_state(qstore) is None
