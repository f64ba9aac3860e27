"""Item analysis checked against the definitions computed independently (the statistics module),
and the training figures that other parts of the program read."""
from __future__ import annotations

import math
import random
import statistics as st

import pytest

from desktop.models import records
from desktop.models.figures import collect
from desktop.models.quiz import attempts, coverage, sessions, stats
from desktop.models.quiz.coverage import training_coverage
from desktop.models.quiz.common import dumps
from desktop.models.vntext import person_sort_key

from .conftest import make_session, staff_ids


def reference(rows, attempt_ids):
    """Straight from the issue's definitions, with the standard library."""
    by_attempt: dict[str, dict[int, tuple[str, int]]] = {a: {} for a in attempt_ids}
    for a, slot, q, c, _sel in rows:
        if a in by_attempt:
            by_attempt[a][slot] = (q, c)
    attempts_ = [a for a in attempt_ids if by_attempt[a]]
    totals = {a: sum(c for _, c in by_attempt[a].values()) for a in attempts_}
    t = [totals[a] for a in attempts_]
    k = len(next(iter(by_attempt.values())))
    slot_var = sum(st.variance([by_attempt[a][s][1] for a in attempts_])
                   for s in by_attempt[attempts_[0]])
    alpha = k / (k - 1) * (1 - slot_var / st.variance(t))
    items = {}
    questions = {q for a in attempts_ for q, _ in by_attempt[a].values()}
    for q in questions:
        xs, rest = [], []
        for a in attempts_:
            for qq, c in by_attempt[a].values():
                if qq == q:
                    xs.append(c)
                    rest.append(totals[a] - c)
        if len(xs) < 2:
            items[q] = (st.mean(xs), None, None)
            continue
        disc = st.correlation(xs, rest) if st.pvariance(xs) and st.pvariance(rest) else None
        cmax = st.covariance(sorted(xs), sorted(rest))
        items[q] = (st.mean(xs), disc, st.covariance(xs, rest) / cmax if cmax else None)
    return len(attempts_), st.mean(t), st.stdev(t), alpha, st.stdev(t) * math.sqrt(1 - alpha), \
        items


def synthetic(n_attempts=60, k=10, seed=3, random_papers=False):
    rng = random.Random(seed)
    bank_ = [f"q{i}" for i in range(k * 2 if random_papers else k)]
    rows = []
    for a in range(n_attempts):
        ability = rng.random()
        chosen = rng.sample(bank_, k) if random_papers else bank_
        for slot, q in enumerate(chosen, start=1):
            hard = int(q[1:]) / len(bank_)
            c = int(rng.random() < 0.2 + 0.8 * ability * (1 - hard / 2))
            rows.append((f"a{a}", slot, q, c, dumps([0 if c else 1])))
    return rows, [f"a{a}" for a in range(n_attempts)]


@pytest.mark.parametrize("random_papers", [False, True])
def test_statistics_match_the_definitions(random_papers):
    rows, ids = synthetic(random_papers=random_papers)
    got = stats.compute(rows, ids)
    n, mean, sd, alpha, sem, items = reference(rows, ids)
    assert got.attempts == n and got.questions == 10
    assert got.mean == pytest.approx(mean) and got.sd == pytest.approx(sd)
    assert got.kr20 == pytest.approx(alpha) and got.sem == pytest.approx(sem)
    for item in got.items:
        facility, disc, eff = items[item.question_id]
        assert item.facility == pytest.approx(facility)
        assert item.discrimination_index == pytest.approx(disc)
        assert item.discriminative_efficiency == pytest.approx(eff)


def test_a_small_case_by_hand():
    # three people, two questions: totals 2, 1, 0
    rows = [("a", 1, "x", 1, "[0]"), ("a", 2, "y", 1, "[0]"),
            ("b", 1, "x", 1, "[0]"), ("b", 2, "y", 0, "[2]"),
            ("c", 1, "x", 0, "[1]"), ("c", 2, "y", 0, None)]
    t = stats.compute(rows, ["a", "b", "c"])
    assert t.mean == 1 and t.sd == 1
    # var(x)=var(y)=1/3, var(total)=1 → α = 2·(1 − 2/3) = 2/3
    assert t.kr20 == pytest.approx(2 / 3) and t.sem == pytest.approx(math.sqrt(1 / 3))
    x = next(i for i in t.items if i.question_id == "x")
    assert x.facility == pytest.approx(2 / 3)
    assert x.discrimination_index == pytest.approx(0.5)   # x vs rest (1, 0, 0)
    assert x.option_counts == {"0": 2, "1": 1}
    y = next(i for i in t.items if i.question_id == "y")
    assert y.option_counts == {"0": 1, "2": 1, "none": 1}


def test_first_attempts_only_and_flags(qstore):
    s = make_session(qstore, questions=12, shuffle_questions=False, shuffle_options=False)
    ids = staff_ids(qstore)
    for n, code in enumerate(("CB001", "CB002", "CB003", "CB004")):
        a = attempts.start_attempt(qstore, s.id, ids[code])
        for it in a.items:
            good = it.position <= 12 - 3 * n
            attempts.answer(qstore, a, it.position, it.correct_options if good else
                            [i for i in range(len(it.options)) if i not in it.correct_options][:1])
        attempts.submit(qstore, a)
    sessions.grant_retake(qstore, s.id, ids["CB004"])
    retake = attempts.start_attempt(qstore, s.id, ids["CB004"])
    for it in retake.items:
        attempts.answer(qstore, retake, it.position, it.correct_options)
    attempts.submit(qstore, retake)
    t = stats.item_analysis(qstore, session_id=s.id)
    assert t.attempts == 4 and t.mean == pytest.approx((12 + 9 + 6 + 3) / 4)
    assert all("few_attempts" in i.flags for i in t.items)
    first = next(i for i in t.items if i.slots == [1])
    assert first.facility == 1 and first.discrimination_index is None
    assert "unchosen_option" in first.flags and first.unchosen_options
    across = stats.item_analysis(qstore)
    assert across.attempts == 4
    # the grouped SQL gives what the definitions give on the rows themselves
    firsts = [r["id"] for r in qstore.query(
        "SELECT id FROM quiz_attempts WHERE session_id = ? AND number = 1", (s.id,))]
    rows = [tuple(r.values()) for r in qstore.query(
        "SELECT attempt_id, slot, question_id, correct, selected FROM quiz_answers")]
    n, mean, sd, alpha, sem, items = reference(rows, firsts)
    assert (t.mean, t.sd, t.kr20, t.sem) == pytest.approx((mean, sd, alpha, sem))
    for item in t.items:
        assert (item.facility, item.discrimination_index, item.discriminative_efficiency) == \
            pytest.approx(items[item.question_id], nan_ok=True)


def test_statistics_flag_negative_discrimination():
    rows = []
    for a in range(40):
        strong = a < 20
        for slot in range(1, 6):
            c = int(strong) if slot < 5 else int(not strong)   # the last question is "wrong"
            rows.append((f"a{a}", slot, f"q{slot}", c, dumps([0 if c else 1])))
    t = stats.compute(rows, [f"a{a}" for a in range(40)])
    stats._flag(next(i for i in t.items if i.question_id == "q5"), ["x", "y", "z"], [0])
    q5 = next(i for i in t.items if i.question_id == "q5")
    assert q5.discrimination_index < 0
    assert q5.flags == ["negative_discrimination", "unchosen_option"]


# --- the figures provider ------------------------------------------------------------------------

def test_training_figures_contract(qstore):
    ids = staff_ids(qstore)
    s = make_session(qstore, questions=4, pass_mark=75)
    for code, good in (("CB001", True), ("CB002", False), ("CB005", True)):
        a = attempts.start_attempt(qstore, s.id, ids[code])
        for it in a.items:
            attempts.answer(qstore, a, it.position, it.correct_options if good else
                            [i for i in range(len(it.options)) if i not in it.correct_options][:1])
        attempts.submit(qstore, a)
    sessions.set_present(qstore, s.id, ids["CB008"], False)
    # a session of another year, and rows of another unit, do not count
    old = make_session(qstore, questions=4)
    sessions.update_session(qstore, old.id, {"date": "2024-05-02"})
    records.insert(qstore, "quiz_sessions", {"date": "2025-01-01", "place": "X", "settings": "{}",
                                             "origin_unit": "OTHER"})
    f = training_coverage(qstore, unit_code=qstore.unit_code, year=2025)
    assert set(f) == {"active_staff", "exempt", "subject_staff", "exempt_list", "trained",
                      "tested", "passed", "not_passed", "sessions", "attempts", "pass_rate"}
    assert f["active_staff"] == 8 and f["trained"] == 7 and f["tested"] == 3
    assert f["subject_staff"] == 8 and f["exempt"] == 0 and f["exempt_list"] == []
    assert f["passed"] == 2 and f["sessions"] == 1 and f["attempts"] == 3
    assert f["pass_rate"] == pytest.approx(2 / 3)
    names = [p["full_name"] for p in f["not_passed"]]
    assert len(names) == 6 and names == sorted(names, key=person_sort_key)
    assert set(f["not_passed"][0]) == {"staff_id", "staff_code", "full_name", "department"}
    assert training_coverage(qstore, unit_code=qstore.unit_code, year=2024)["sessions"] == 1
    assert training_coverage(qstore, unit_code="OTHER")["active_staff"] == 0
    assert collect(qstore, only=["training"])["training"]["passed"] == 2
    empty = training_coverage(qstore, unit_code=qstore.unit_code, year=2023)
    assert empty["pass_rate"] is None and empty["tested"] == 0


def test_roster_coverage_states(qstore):
    ids = staff_ids(qstore)
    s = make_session(qstore, questions=4, attend=False)
    sessions.add_attendee(qstore, s.id, ids["CB002"])
    a = attempts.start_attempt(qstore, s.id, ids["CB001"], require_attendance=False)
    for it in a.items:
        attempts.answer(qstore, a, it.position, it.correct_options)
    attempts.submit(qstore, a)
    rows = {r.staff_code: r for r in coverage.roster_coverage(qstore)}
    assert rows["CB001"].state == "passed" and rows["CB001"].best_percent == 100
    assert rows["CB002"].state == "not_tested" and rows["CB003"].state == "not_trained"


def test_database_statistics_on_random_papers(qstore):
    s = make_session(qstore, questions=6)
    rng = random.Random(5)
    for code in staff_ids(qstore):
        a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)[code],
                                   seed=rng.getrandbits(40))
        for it in a.items:
            if rng.random() < 0.8:
                attempts.answer(qstore, a, it.position, [rng.randrange(len(it.options))])
        attempts.submit(qstore, a)
    t = stats.item_analysis(qstore, session_id=s.id)
    rows = [tuple(r.values()) for r in qstore.query(
        "SELECT attempt_id, slot, question_id, correct, selected FROM quiz_answers")]
    ids = [r["id"] for r in qstore.query("SELECT id FROM quiz_attempts")]
    n, mean, sd, alpha, sem, items = reference(rows, ids)
    assert t.attempts == n == 8 and t.questions == 6
    assert (t.mean, t.sd, t.kr20, t.sem) == pytest.approx((mean, sd, alpha, sem))
    assert {i.question_id for i in t.items} == set(items)
    for item in t.items:
        assert (item.facility, item.discrimination_index, item.discriminative_efficiency) == \
            pytest.approx(items[item.question_id])
        blank = qstore.scalar("SELECT count(*) FROM quiz_answers WHERE question_id = ? AND "
                              "selected IS NULL", (item.question_id,))
        assert item.option_counts.get("none", 0) == blank
        assert sum(item.option_counts.values()) == item.attempts


def test_staff_not_subject_to_the_test_are_left_out_of_coverage(qstore):
    """A contract guard stays on the roster, with the reason, but coverage counts the rest:
    the figures (overview, report, province), the roster coverage list and the audit log."""
    from desktop.models.staff import StaffRepository
    from desktop.models.errors import ValidationError

    ids = staff_ids(qstore)
    repo = StaffRepository(qstore)
    with pytest.raises(ValidationError) as err:
        repo.set_exempt(ids["CB007"], True, "  ")
    assert "lý do" in err.value.errors["exempt_reason"]
    repo.set_exempt(ids["CB007"], True, "Bảo vệ hợp đồng")
    guard = repo.get(ids["CB007"])
    assert guard.exempt and guard.exempt_reason == "Bảo vệ hợp đồng"
    s = make_session(qstore, questions=4, pass_mark=0)
    for code in ids:
        if code != "CB007":
            attempts.submit(qstore, attempts.start_attempt(qstore, s.id, ids[code]))
    f = training_coverage(qstore, unit_code=qstore.unit_code)
    assert f["active_staff"] == 8 and f["exempt"] == 1 and f["subject_staff"] == 7
    assert f["tested"] == f["passed"] == 7 and f["not_passed"] == []
    assert f["exempt_list"][0]["reason"] == "Bảo vệ hợp đồng"
    assert coverage.subject_count(f) == 7 and coverage.subject_count({"active_staff": 5}) == 5
    rows = {r.staff_code: r for r in coverage.roster_coverage(qstore)}
    assert rows["CB007"].state == "exempt"
    # an edit of other fields keeps the mark; clearing it brings the person back
    repo.update(ids["CB007"], {"phone": "0912345678"})
    assert repo.get(ids["CB007"]).exempt
    repo.set_exempt(ids["CB007"], False)
    assert repo.get(ids["CB007"]).exempt_reason == ""
    assert training_coverage(qstore, unit_code=qstore.unit_code)["not_passed"][0]["staff_code"] \
        == "CB007"
    log = qstore.query("SELECT old, new FROM audit_log WHERE table_name = 'staff' AND "
                       "record_id = ? ORDER BY seq", (ids["CB007"],))
    assert any("Bảo vệ hợp đồng" in (e["new"] or "") for e in log)
    assert any("Bảo vệ hợp đồng" in (e["old"] or "") for e in log)


def test_item_analysis_shows_the_version_the_answers_went_to(qstore):
    """A question edited after a session (a new version, options in another order) is shown in
    that session's analysis as it was answered: the counts stay with the options they went to."""
    from desktop.models.quiz import attempts, bank, stats

    from .conftest import make_session, staff_ids

    s = make_session(qstore, questions=2, shuffle_options=False)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    first = a.items[0]
    attempts.answer(qstore, a, 1, first.correct_options)
    attempts.submit(qstore, a)
    before = next(i for i in stats.item_analysis(qstore, session_id=s.id).items
                  if i.question_id == first.question_id)
    chosen_text = [before.options[int(k)] for k in before.option_counts if k != "none"]
    q = bank.get_question(qstore, first.question_id)
    bank.update_question(qstore, q.id, {"options": ["Một phương án mới", *reversed(q.options)],
                                        "correct": [len(q.options) - q.correct[0]]})
    after = next(i for i in stats.item_analysis(qstore, session_id=s.id).items
                 if i.question_id == first.question_id)
    assert after.options == before.options and after.correct == before.correct
    assert [after.options[int(k)] for k in after.option_counts if k != "none"] == chosen_text
    assert "Một phương án mới" not in after.options
