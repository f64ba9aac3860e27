"""The sufficient statistics of the item analysis (`desktop.models.quiz.stats`): everything its
definitions need, counted from answer rows in memory or from the answers stored in the database.

The database also keeps these sums as attempts are written (`stat_sums`); counting the answers
here is the reference they are checked against and what a file without them is read with.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..db import Store
from .common import loads


@dataclass
class ItemSums:
    n: int = 0                    # attempts that had the question
    sx: int = 0                   # Σ item score
    st: float = 0.0               # Σ total of those attempts
    stt: float = 0.0              # Σ total²
    sxt: float = 0.0              # Σ item score × total
    rest: dict[int, int] = field(default_factory=dict)      # rest score → how many
    options: dict[str, int] = field(default_factory=dict)   # option index (or "none") → count
    slots: set[int] = field(default_factory=set)
    versions: set[str] = field(default_factory=set)         # the versions answered


@dataclass
class Sums:
    attempts: int = 0
    lengths: set[int] = field(default_factory=set)          # questions per attempt
    st: float = 0.0
    stt: float = 0.0
    slots: dict[int, tuple[int, int]] = field(default_factory=dict)   # slot → (n, Σ score)
    items: dict[str, ItemSums] = field(default_factory=dict)


def _chosen(selected: str | None) -> list[str]:
    """The options an answer chose; none for an empty answer or a value that is not a JSON list
    (a damaged row is counted as left empty, as the kept sums count it, never a crash)."""
    try:
        value = loads(selected) if selected else None
    except ValueError:
        return []
    return [str(i) for i in value] if isinstance(value, list) else []


def _option_counts(target: dict[str, int], selected: str | None, count: int,
                   cache: dict) -> None:
    if selected not in cache:
        cache[selected] = _chosen(selected)
    for key in cache[selected] or ["none"]:
        target[key] = target.get(key, 0) + count


def sums_from_rows(rows, attempt_ids) -> Sums:
    """From answer rows (attempt_id, slot, question_id, correct, selected) of the attempts
    named."""
    wanted = set(attempt_ids)
    rows = [r for r in rows if r[0] in wanted]
    totals: dict[str, int] = {}
    lengths: dict[str, int] = {}
    for a, _slot, _q, c, _sel in rows:
        totals[a] = totals.get(a, 0) + (1 if c else 0)
        lengths[a] = lengths.get(a, 0) + 1
    out = Sums(len(totals), set(lengths.values()), float(sum(totals.values())),
               float(sum(t * t for t in totals.values())))
    cache: dict = {}
    for a, slot, q, c, sel in rows:
        x, t = (1 if c else 0), totals[a]
        n, sx = out.slots.get(slot, (0, 0))
        out.slots[slot] = (n + 1, sx + x)
        it = out.items.setdefault(q, ItemSums())
        it.n += 1
        it.sx += x
        it.st += t
        it.stt += t * t
        it.sxt += x * t
        it.rest[t - x] = it.rest.get(t - x, 0) + 1
        it.slots.add(slot)
        _option_counts(it.options, sel, 1, cache)
    return out


# (a submitted attempt without a score, which only a damaged or hostile row can be, counts 0)
_FIRSTS = """SELECT id, score, max_score FROM (
    SELECT id, coalesce(score, 0) AS score, max_score, row_number() OVER (PARTITION BY session_id, staff_id
                                                    ORDER BY number, started_at, id) AS rank
    FROM quiz_attempts WHERE status = 'submitted' AND deleted = 0 AND {scope})
WHERE rank = 1"""


def sums_from_answers(store: Store, *, session_id: str | None = None,
                      unit_code: str | None = None) -> Sums:
    """First attempts of one session, or of every session of the unit, counted from the answers.

    An attempt's total is its score (the number of right answers, set when it was submitted).
    The answers are read in one pass, attempt by attempt through the (attempt, position) index,
    and counted by (question, slot, right, total, options chosen): all the definitions need."""
    if session_id:
        firsts, params = _FIRSTS.format(scope="session_id = ?"), [session_id]
    else:
        firsts, params = _FIRSTS.format(scope="origin_unit = ?"), [unit_code or store.unit_code]
    out = Sums()
    for _id, t, k in store.conn.execute(firsts, params):
        out.attempts += 1
        out.lengths.add(k)
        out.st += t
        out.stt += t * t
    counts = Counter(store.conn.execute(
        f"SELECT a.question_id, a.version_id, a.slot, a.correct, f.score, a.selected FROM "
        f"({firsts}) f CROSS JOIN quiz_answers a ON a.attempt_id = f.id WHERE a.deleted = 0",
        params))
    slots: dict[int, list[int]] = {}
    cache: dict = {}
    for (q, version, slot, x, t, selected), n in counts.items():
        it = out.items.get(q)
        if it is None:
            it = out.items[q] = ItemSums()
        it.versions.add(version)
        it.n += n
        it.st += t * n
        it.stt += t * t * n
        if x:
            it.sx += n
            it.sxt += t * n
        it.rest[t - x] = it.rest.get(t - x, 0) + n
        it.slots.add(slot)
        _option_counts(it.options, selected, n, cache)
        per = slots.get(slot)
        if per is None:
            per = slots[slot] = [0, 0]
        per[0] += n
        per[1] += x * n
    out.slots = {slot: (n, sx) for slot, (n, sx) in slots.items()}
    return out
