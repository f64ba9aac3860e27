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

import json
import math
from dataclasses import dataclass, field

from ..db import Store
from . import stat_sums, wording
from .common import loads
from .stat_counts import (  # noqa: F401  (part of this module's interface)
    ItemSums, Sums, sums_from_answers, sums_from_rows,
)

LOW_DISCRIMINATION = 0.2
FEW_ATTEMPTS = 30
FLAG_VI = {
    "negative_discrimination": "Độ phân biệt âm: người giỏi lại hay sai câu này",
    "low_discrimination": "Độ phân biệt thấp",
    "unchosen_option": "Có phương án sai không ai chọn",
    "few_attempts": "Chưa đủ 30 bài làm để kết luận",
}


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
    kind: str = "single"
    versions: list[str] = field(default_factory=list)   # the versions answered (when known)

    def as_dict(self) -> dict:
        def r(v):
            return None if v is None else round(v, 6)
        return {"question_id": self.question_id, "key": self.key, "topic": self.topic,
                "text": self.text, "attempts": self.attempts, "facility": r(self.facility),
                "discrimination_index": r(self.discrimination_index),
                "discriminative_efficiency": r(self.discriminative_efficiency),
                "sd": r(self.sd), "option_counts": self.option_counts, "flags": self.flags,
                "unchosen_options": self.unchosen_options, "slots": self.slots,
                "kind": self.kind, "correct": self.correct}


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


# ---------------------------------------------------------------------------------------------
# Sufficient statistics (`stat_counts`): kept by the database as attempts are written
# (`stat_sums`), or counted from the answers.

def sums_from_db(store: Store, *, session_id: str | None = None,
                 unit_code: str | None = None) -> Sums:
    """First attempts of one session, or of every session of the unit: the sums the database
    keeps as attempts are written (`stat_sums`), or, in a file without them, counted from the
    answers."""
    kept = stat_sums.read(store, session_id=session_id, unit_code=unit_code)
    if kept is not None:
        return kept
    return sums_from_answers(store, session_id=session_id, unit_code=unit_code)


def _top_sum(hist: dict[int, int], count: int) -> float:
    """Sum of the `count` largest values of a histogram {value: how many}."""
    total = 0.0
    for value in sorted(hist, reverse=True):
        take = min(count, hist[value])
        total += value * take
        count -= take
        if not count:
            break
    return total


def _item(qid: str, s: ItemSums) -> ItemStats:
    n = s.n
    facility = s.sx / n if n else None
    disc = eff = sd = None
    if n > 1:
        sr = s.st - s.sx                      # Σ rest (rest = total − item)
        srr = s.stt - 2 * s.sxt + s.sx        # Σ rest², item scores being 0 or 1
        sxr = s.sxt - s.sx                    # Σ item × rest
        var_x = (s.sx - s.sx * s.sx / n) / (n - 1)
        var_r = (srr - sr * sr / n) / (n - 1)
        cov = (sxr - s.sx * sr / n) / (n - 1)
        sd = math.sqrt(max(var_x, 0.0))
        if var_x > 1e-12 and var_r > 1e-12:
            disc = cov / math.sqrt(var_x * var_r)
        # Both lists sorted and paired: the sx ones meet the sx largest rest scores.
        cov_max = (_top_sum(s.rest, s.sx) - s.sx * sr / n) / (n - 1)
        if abs(cov_max) > 1e-12:
            eff = cov / cov_max
    return ItemStats(qid, n, facility, disc, eff, sd, dict(sorted(s.options.items())), [],
                     slots=sorted(s.slots), versions=sorted(s.versions))


def from_sums(s: Sums) -> TestStats:
    n = s.attempts
    k = next(iter(s.lengths)) if len(s.lengths) == 1 else None
    mean = s.st / n if n else None
    sd = kr20 = sem = None
    if n > 1:
        var_t = (s.stt - s.st * s.st / n) / (n - 1)
        sd = math.sqrt(max(var_t, 0.0))
        complete = k is not None and k > 1 and len(s.slots) == k and \
            all(m == n for m, _ in s.slots.values())
        if complete and var_t > 1e-12:
            sum_var = sum((sx - sx * sx / n) / (n - 1) for _m, sx in s.slots.values())
            kr20 = (k / (k - 1)) * (1 - sum_var / var_t)
            sem = sd * math.sqrt(1 - kr20) if kr20 <= 1 else None
    items = [_item(q, it) for q, it in s.items.items()]
    return TestStats(n, k, mean, sd, kr20, sem, items,
                     mean_percent=(100 * mean / k) if (mean is not None and k) else None)


def compute(rows, attempt_ids) -> TestStats:
    """The statistics of answer rows held in memory (same definitions as `item_analysis`)."""
    return from_sums(sums_from_rows(rows, attempt_ids))


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
    """Statistics of one session, or across every session of the unit. Each question is shown
    as it was answered: the wording, options and key of the version its answers went to (the
    latest of them when it was edited between sessions), not of a later edit."""
    result = from_sums(sums_from_db(store, session_id=session_id, unit_code=unit_code))
    info = {r["id"]: r for r in store.query(
        "SELECT q.id, q.key, q.topic_code, v.text, v.options, v.correct, v.kind "
        "FROM quiz_questions q JOIN quiz_question_versions v ON v.id = q.current_version_id")}
    used_ids = sorted({v for i in result.items for v in i.versions})
    answered = {r["id"]: r for r in store.query(
        "SELECT v.id, v.number, q.key, q.topic_code, v.text, v.options, v.correct, v.kind "
        "FROM quiz_question_versions v JOIN quiz_questions q ON q.id = v.question_id "
        "WHERE v.id IN (SELECT value FROM json_each(?))", (json.dumps(used_ids),))} \
        if used_ids else {}
    names = wording.level_names(store)
    for item in result.items:
        used = [answered[v] for v in item.versions if v in answered]
        q = max(used, key=lambda r: r["number"]) if used else info.get(item.question_id)
        options = [wording.fill(o, names) for o in loads(q["options"], [])] if q else []
        correct = loads(q["correct"], []) if q else []
        if q:
            item.key, item.topic = q["key"], q["topic_code"]
            item.text = wording.fill(q["text"], names)
            item.options, item.correct, item.kind = options, correct, q["kind"]
        _flag(item, options, correct)
    result.items.sort(key=lambda i: (min(i.slots) if i.slots else 0, i.key, i.question_id))
    return result


def item_analysis_of_file(db_path, *, session_id: str | None = None,
                          unit_code: str | None = None) -> TestStats:
    """The same on a connection of its own (for a worker thread): no integrity check, no
    migration, nothing written."""
    from ..db import connect

    conn = connect(db_path)
    try:
        store = Store(path=db_path, conn=conn, unit_code=unit_code or "")
        return item_analysis(store, session_id=session_id, unit_code=unit_code)
    finally:
        conn.close()

