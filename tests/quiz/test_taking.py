"""The Qt-free test-taking flow that the kiosk and the browser share: finding people, the
confirmation, answering (committed before it returns), the clocks, the time limit, resuming,
retakes, and a test ended by the proctor."""
from __future__ import annotations

import pytest

from desktop.models.quiz import attempts, sessions, taking, web
from desktop.models.quiz.common import QuizError

from .conftest import make_session, staff_ids


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_find_people_is_diacritic_blind_and_marks_who_is_not_listed(qstore):
    s = make_session(qstore, attend=False)
    sessions.add_attendee(qstore, s.id, staff_ids(qstore)["CB005"])
    listed, others = taking.people(qstore, s.id)
    assert [p.staff_code for p in listed] == ["CB005"]
    found = taking.find_people(listed, others, "hoang van duc")
    assert [(p.full_name, p.listed) for p in found] == [("Hoàng Văn Đức", True)]
    assert [p.staff_code for p in taking.find_people(listed, others, "cb003")] == ["CB003"]
    assert not taking.find_people(listed, others, "cb003")[0].listed
    assert taking.find_people(listed, others, "d") == [listed[0]]     # one letter: the list only
    assert len(taking.find_people(listed, others, "th", limit=2)) == 2


def test_confirmation_says_who_and_the_rules_or_why_not(qstore):
    s = make_session(qstore, questions=5, time_limit_min=15, pass_mark=60)
    ids = staff_ids(qstore)
    c = taking.confirmation(qstore, s.id, ids["CB002"])
    assert c.ok and c.person.full_name == "Trần Thị Bình" and c.person.department
    assert (c.questions, c.pass_mark, c.time_limit_min) == (5, 60.0, 15)
    attempts.submit(qstore, attempts.start_attempt(qstore, s.id, ids["CB002"]))
    c = taking.confirmation(qstore, s.id, ids["CB002"])
    assert not c.ok and c.code == "used_up" and "người giám sát" in c.reason


def test_answers_are_committed_and_setting_a_choice_twice_is_harmless(qstore):
    s = make_session(qstore, questions=12, shuffle_questions=False)
    clock = Clock()
    t = taking.Taking.start(qstore, s.id, staff_ids(qstore)["CB001"],
                            taking.RunningClock(0, clock))
    t.clock.start()
    one = next(it.position for it in t.attempt.items if not it.multiple)
    v = t.set_choice(one, {1})
    assert v.chosen == {1} and v.answered == 1
    again = t.set_choice(one, {1})
    assert again.chosen == {1} and again.answered == 1
    item = t.attempt.item(one)
    row = qstore.query_one("SELECT selected FROM quiz_answers WHERE id = ?", (item.answer_id,))
    assert row["selected"] == f"[{item.option_order[1]}]"
    with pytest.raises(QuizError):
        t.set_choice(one, {0, 1})                      # one answer only
    with pytest.raises(QuizError):
        t.set_choice(one, {9})
    with pytest.raises(QuizError):
        t.set_choice(99, {0})
    multi = next(it.position for it in t.attempt.items if it.multiple)
    t.go(multi)
    assert t.choose(0).chosen == {0}
    assert t.choose(1).chosen == {0, 1}
    assert t.choose(0).chosen == {1}                   # several answers: a choice toggles
    t.set_choice(multi, set())
    assert not t.attempt.item(multi).answered


def test_the_time_limit_submits_and_a_paused_clock_does_not_count(qstore):
    s = make_session(qstore, questions=3, time_limit_min=10)
    clock = Clock()
    t = taking.Taking.start(qstore, s.id, staff_ids(qstore)["CB003"],
                            taking.RunningClock(0, clock))
    t.clock.start()
    clock.now += 300
    t.clock.stop()                                     # the proctor's PIN
    clock.now += 3600
    t.clock.start()
    assert t.time_left_ms() == 300_000
    assert t.tick() is None
    clock.now += 301
    assert t.tick() == "timeout"
    assert t.submitted and t.result().reason == "timeout"
    assert qstore.scalar("SELECT submit_reason FROM quiz_attempts WHERE id = ?",
                         (t.attempt.id,)) == "timeout"
    with pytest.raises(QuizError):
        t.set_choice(1, {0})


def test_a_silent_device_stops_its_clock_at_the_gap():
    clock = Clock()
    c = taking.ContactClock(10_000, clock, gap_s=30)
    c.touch()
    clock.now += 5
    c.touch()
    assert c.elapsed_ms() == 15_000
    clock.now += 600                                   # closed tab, flat battery
    assert c.elapsed_ms() == 45_000
    c.touch()                                          # back: the clock runs on from there
    clock.now += 2
    assert c.elapsed_ms() == 47_000


def test_resuming_keeps_the_question_the_answers_and_the_time(qstore):
    s = make_session(qstore, questions=6, time_limit_min=20)
    clock = Clock()
    t = taking.Taking.start(qstore, s.id, staff_ids(qstore)["CB006"],
                            taking.RunningClock(0, clock))
    t.clock.start()
    t.set_choice(1, {1})
    t.go(4)
    clock.now += 90
    t.save_progress()
    again = taking.Taking.resume(qstore, t.attempt.id, taking.ContactClock(0, clock))
    assert again.position == 4 and again.attempt.item(1).selected == t.attempt.item(1).selected
    assert again.time_left_ms() == 20 * 60_000 - 90_000
    assert again.go(7) == "review" and again.review().answered == 1


def test_a_retake_is_a_new_attempt(qstore):
    s = make_session(qstore, questions=3)
    sid = staff_ids(qstore)["CB004"]
    first = taking.Taking.start(qstore, s.id, sid, taking.RunningClock())
    first.submit()
    with pytest.raises(QuizError):
        taking.Taking.start(qstore, s.id, sid, taking.RunningClock())
    sessions.grant_retake(qstore, s.id, sid)
    second = taking.Taking.start(qstore, s.id, sid, taking.RunningClock())
    assert second.attempt.number == 2


def test_the_result_shows_the_right_answers_only_when_the_session_says_so(qstore):
    ids = staff_ids(qstore)
    for feedback, shown in (("answers", True), ("score", False)):
        s = make_session(qstore, questions=3, feedback=feedback)
        t = taking.Taking.start(qstore, s.id, ids["CB007"], taking.RunningClock())
        item = t.attempt.item(1)
        t.set_choice(1, {item.shown_index(i) for i in item.correct_options})
        view = t.submit()
        assert view.score == 1 and view.max_score == 3
        assert view.show_answers is shown
        if shown:
            assert view.lines[0].correct and view.lines[1].chosen == ""


def test_ended_by_the_proctor_the_flow_shows_the_result(qstore):
    s = make_session(qstore, questions=3)
    clock = Clock()
    t = taking.Taking.start(qstore, s.id, staff_ids(qstore)["CB008"],
                            taking.RunningClock(0, clock))
    t.clock.start()
    t.set_choice(1, {0})
    web.open_test(qstore, s.id)
    assert web.end_test(qstore, s.id) == 1
    clock.now += taking.PROGRESS_EVERY_S
    assert t.tick() == "gone"
    assert t.submitted and t.screen == "result" and t.result().reason == "proctor"
