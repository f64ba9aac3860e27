"""Item analysis, with the definitions of Moodle's quiz statistics report.

Computed over first attempts (the first submitted attempt of each person in each session); a
question scores 1 when answered correctly, else 0, and an attempt's total is its number of correct
answers.

- facility: the mean item score;
- discrimination index: the correlation of the item score with the rest of the test (the total
  minus the item);
- discriminative efficiency: that covariance over the largest covariance the two lists of scores
  could have (both lists sorted and paired);
- KR-20 (Cronbach's alpha, items scored 0/1) over the slots of the paper, with sample variances
  (n − 1): α = k/(k−1) · (1 − Σ var(slot) / var(total));
- SEM = SD · √(1 − α).

Flags: a negative or low discrimination, a wrong option nobody chose, fewer than 30 attempts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..db import Store
from .common import loads

LOW_DISCRIMINATION = 0.2
FEW_ATTEMPTS = 30
FLAG_VI = {
    "negative_discrimination": "Độ phân biệt âm: người giỏi lại hay sai câu này",
    "low_discrimination": "Độ phân biệt thấp",
    "unchosen_option": "Có phương án sai không ai chọn",
    "few_attempts": "Chưa đủ 30 bài làm để kết luận",
}


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def _cov(xs: list[float], ys: list[float], mx: float, my: float) -> float:
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (len(xs) - 1)


@dataclass
class ItemStats:
    question_id: str
    attempts: int
    facility: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    sd: float | None
    option_counts: dict[str, int]
    flags: list[str]
    unchosen_options: list[int] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)
    key: str = ""
    topic: str = ""
    text: str = ""
    options: list[str] = field(default_factory=list)
    correct: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        def r(v):
            return None if v is None else round(v, 6)
        return {"question_id": self.question_id, "key": self.key, "topic": self.topic,
                "text": self.text, "attempts": self.attempts, "facility": r(self.facility),
                "discrimination_index": r(self.discrimination_index),
                "discriminative_efficiency": r(self.discriminative_efficiency),
                "sd": r(self.sd), "option_counts": self.option_counts, "flags": self.flags,
                "unchosen_options": self.unchosen_options, "slots": self.slots}


@dataclass
class TestStats:
    attempts: int
    questions: int | None
    mean: float | None
    sd: float | None
    kr20: float | None
    sem: float | None
    items: list[ItemStats]
    mean_percent: float | None = None

    def as_dict(self) -> dict:
        def r(v):
            return None if v is None else round(v, 6)
        return {"attempts": self.attempts, "questions": self.questions, "mean": r(self.mean),
                "sd": r(self.sd), "kr20": r(self.kr20), "sem": r(self.sem),
                "mean_percent": r(self.mean_percent),
                "items": [i.as_dict() for i in self.items]}


def first_attempt_ids(store: Store, *, session_id: str | None = None,
                      unit_code: str | None = None) -> list[str]:
    sql = ("SELECT id, session_id, staff_id, number, started_at FROM quiz_attempts "
           "WHERE status = 'submitted' AND deleted = 0")
    params: list = []
    if session_id:
        sql += " AND session_id = ?"
        params.append(session_id)
    else:
        sql += " AND origin_unit = ?"
        params.append(unit_code or store.unit_code)
    first: dict[tuple[str, str], tuple] = {}
    for aid, sid, staff, number, started in store.conn.execute(sql, params):
        key = (sid, staff)
        rank = (number, started, aid)
        if key not in first or rank < first[key][0]:
            first[key] = (rank, aid)
    return [v[1] for v in first.values()]


def compute(rows, attempt_ids: list[str]) -> TestStats:
    """The statistics from answer rows (attempt_id, slot, question_id, correct, selected)."""
    wanted = set(attempt_ids)
    totals: dict[str, int] = dict.fromkeys(wanted, 0)
    slots_of: dict[str, int] = dict.fromkeys(wanted, 0)
    by_slot: dict[int, dict[str, int]] = {}
    by_question: dict[str, list[tuple[str, int]]] = {}
    counts: dict[str, dict[str, int]] = {}
    item_slots: dict[str, set[int]] = {}
    for attempt_id, slot, question_id, correct, selected in rows:
        if attempt_id not in wanted:
            continue
        c = 1 if correct else 0
        totals[attempt_id] += c
        slots_of[attempt_id] += 1
        by_slot.setdefault(slot, {})[attempt_id] = c
        by_question.setdefault(question_id, []).append((attempt_id, c))
        item_slots.setdefault(question_id, set()).add(slot)
        oc = counts.setdefault(question_id, {})
        chosen = loads(selected) if selected else None
        if not chosen:
            oc["none"] = oc.get("none", 0) + 1
        else:
            for i in chosen:
                oc[str(i)] = oc.get(str(i), 0) + 1
    attempt_list = [a for a in wanted if slots_of[a]]
    n = len(attempt_list)
    scores = [totals[a] for a in attempt_list]
    mean = _mean(scores) if n else None
    sd = kr20 = sem = None
    lengths = {slots_of[a] for a in attempt_list}
    k = lengths.pop() if len(lengths) == 1 else None
    if n > 1:
        var_t = _cov(scores, scores, mean, mean)
        sd = math.sqrt(var_t)
        complete = k is not None and k > 1 and all(len(v) == n for v in by_slot.values())
        if complete and var_t > 0:
            sum_var = 0.0
            for per in by_slot.values():
                xs = [per[a] for a in attempt_list]
                mx = _mean(xs)
                sum_var += _cov(xs, xs, mx, mx)
            kr20 = (k / (k - 1)) * (1 - sum_var / var_t)
            sem = sd * math.sqrt(1 - kr20) if kr20 <= 1 else None
    items = []
    for qid, pairs in by_question.items():
        xs = [float(c) for _, c in pairs]
        rest = [float(totals[a] - c) for a, c in pairs]
        m = len(xs)
        facility = _mean(xs)
        disc = eff = item_sd = None
        if m > 1:
            mr = _mean(rest)
            var_x = _cov(xs, xs, facility, facility)
            var_r = _cov(rest, rest, mr, mr)
            cov = _cov(xs, rest, facility, mr)
            item_sd = math.sqrt(var_x)
            if var_x * var_r > 0:
                disc = cov / math.sqrt(var_x * var_r)
            cov_max = _cov(sorted(xs), sorted(rest), facility, mr)
            if cov_max:
                eff = cov / cov_max
        items.append(ItemStats(qid, m, facility, disc, eff, item_sd,
                               dict(sorted(counts.get(qid, {}).items())), [],
                               slots=sorted(item_slots.get(qid, ()))))
    return TestStats(n, k, mean, sd, kr20, sem, items,
                     mean_percent=(100 * mean / k) if (mean is not None and k) else None)


def _flag(item: ItemStats, options: list[str], correct: list[int]) -> None:
    flags = []
    if item.discrimination_index is not None:
        if item.discrimination_index < 0:
            flags.append("negative_discrimination")
        elif item.discrimination_index < LOW_DISCRIMINATION:
            flags.append("low_discrimination")
    item.unchosen_options = [i for i in range(len(options))
                             if i not in correct and not item.option_counts.get(str(i))]
    if item.unchosen_options and item.attempts:
        flags.append("unchosen_option")
    if item.attempts < FEW_ATTEMPTS:
        flags.append("few_attempts")
    item.flags = flags


def item_analysis(store: Store, *, session_id: str | None = None,
                  unit_code: str | None = None) -> TestStats:
    """Statistics of one session, or across every session of the unit."""
    ids = first_attempt_ids(store, session_id=session_id, unit_code=unit_code)
    if session_id:
        sql = ("SELECT x.attempt_id, x.slot, x.question_id, x.correct, x.selected "
               "FROM quiz_answers x JOIN quiz_attempts a ON a.id = x.attempt_id "
               "WHERE a.session_id = ? AND a.status = 'submitted' AND a.deleted = 0 "
               "AND x.deleted = 0")
        params: list = [session_id]
    else:
        sql = ("SELECT x.attempt_id, x.slot, x.question_id, x.correct, x.selected "
               "FROM quiz_answers x JOIN quiz_attempts a ON a.id = x.attempt_id "
               "WHERE a.origin_unit = ? AND a.status = 'submitted' AND a.deleted = 0 "
               "AND x.deleted = 0")
        params = [unit_code or store.unit_code]
    # Across sessions the papers may differ in length: `compute` gives no KR-20 then.
    result = compute(store.conn.execute(sql, params), ids)
    info = {r["id"]: r for r in store.query(
        "SELECT q.id, q.key, q.topic_code, v.text, v.options, v.correct "
        "FROM quiz_questions q JOIN quiz_question_versions v ON v.id = q.current_version_id")}
    for item in result.items:
        q = info.get(item.question_id)
        options = loads(q["options"], []) if q else []
        correct = loads(q["correct"], []) if q else []
        if q:
            item.key, item.topic, item.text = q["key"], q["topic_code"], q["text"]
            item.options, item.correct = options, correct
        _flag(item, options, correct)
    result.items.sort(key=lambda i: (min(i.slots) if i.slots else 0, i.key))
    return result
