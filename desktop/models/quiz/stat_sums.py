"""The item analysis' sums as kept by the database (quiz migration 0007, `quiz_sums`): read, checked
against a full count of the answers, and filled anew when they differ.

Triggers keep the sums in the transaction of every write to the attempts and answers, so reading
them costs a few thousand rows whatever the number of answers. Reading them gives exactly the
`Sums` that counting the first attempts' answers gives (`stat_counts.sums_from_answers`); `differences`
compares the two and `rebuild` (from `db check`) fills the sums anew. A bulk write (a sync
package) runs inside `paused`: the sums of the sessions it touched are counted anew, grouped, at
its end, in its transaction.
"""
from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from ..db import Store

AUDIT_ACTION = "quiz_stat_sums_rebuilt"


def available(store: Store) -> bool:
    """Whether the file has the kept sums and every trigger that keeps them."""
    from ..migrations import quiz_sums

    names = {r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE "
        "'quiz_stat_%'")}
    return set(quiz_sums.TABLES) <= names and set(quiz_sums.TRIGGERS) <= names


def _mixed_units(store: Store) -> bool:
    """Whether a person's submitted attempts in one session come from more than one unit: then
    the first attempt among one unit's may not be the one counted, and the unit's statistics
    are counted from the answers."""
    return store.conn.execute(
        "SELECT 1 FROM quiz_attempts a JOIN quiz_stat_counted c ON c.session_id = a.session_id "
        "AND c.staff_id = a.staff_id WHERE a.status = 'submitted' AND a.deleted = 0 AND "
        "a.origin_unit <> c.origin_unit LIMIT 1").fetchone() is not None


def read(store: Store, *, session_id: str | None = None, unit_code: str | None = None):
    """The kept sums of one session, or of every session of the unit; None when the file has
    none to read (then the answers are counted)."""
    from .stat_counts import ItemSums, Sums

    if not available(store):
        return None
    if session_id:
        scope, param = "session_id = ?", session_id
    else:
        if _mixed_units(store):
            return None
        scope, param = "origin_unit = ?", unit_code or store.unit_code
    conn = store.conn
    out = Sums()
    for k, n, st, stt in conn.execute(
            f"SELECT max_score, sum(n), sum(st), sum(stt) FROM quiz_stat_tests WHERE {scope} "
            f"GROUP BY max_score HAVING sum(n) > 0", (param,)):
        out.attempts += n
        out.lengths.add(k)
        out.st += st
        out.stt += stt
    slots: dict[int, list[int]] = {}
    items = out.items
    for q, version, slot, n, sx, st, stt, sxt in conn.execute(
            f"SELECT question_id, version_id, slot, n, sx, st, stt, sxt FROM quiz_stat_cells "
            f"WHERE {scope} AND n <> 0", (param,)):
        it = items.get(q)
        if it is None:
            it = items[q] = ItemSums()
        it.versions.add(version)
        it.slots.add(slot)
        it.n += n
        it.sx += sx
        it.st += st
        it.stt += stt
        it.sxt += sxt
        per = slots.get(slot)
        if per is None:
            per = slots[slot] = [0, 0]
        per[0] += n
        per[1] += sx
    out.slots = {slot: (n, sx) for slot, (n, sx) in slots.items()}
    for q, rest, n in conn.execute(
            f"SELECT question_id, rest, n FROM quiz_stat_rest WHERE {scope} AND n <> 0", (param,)):
        if q in items:
            hist = items[q].rest
            hist[rest] = hist.get(rest, 0) + n
    for q, option, n in conn.execute(
            f"SELECT question_id, option, n FROM quiz_stat_options WHERE {scope} AND n <> 0",
            (param,)):
        if q in items:
            counts = items[q].options
            counts[option] = counts.get(option, 0) + n
    return out


def _sessions(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT session_id FROM quiz_attempts UNION "
        "SELECT DISTINCT session_id FROM quiz_stat_tests UNION "
        "SELECT DISTINCT session_id FROM quiz_stat_counted")]


def _plain(sums) -> tuple:
    """A Sums as plain values, for comparing two of them."""
    items = {q: (it.n, it.sx, it.st, it.stt, it.sxt, sorted(it.rest.items()),
                 sorted(it.options.items()), sorted(it.slots), sorted(it.versions))
             for q, it in sums.items.items()}
    return (sums.attempts, sorted(sums.lengths), sums.st, sums.stt, sorted(sums.slots.items()),
            sorted(items.items()))


def differences(store: Store) -> list[str]:
    """The sessions whose kept sums differ from a full count of their answers (every session of
    the file; the cost of reading every answer once). Missing sums or triggers count as one."""
    from .stat_counts import sums_from_answers

    if not available(store):
        return ["(missing)"]
    return [sid for sid in _sessions(store)
            if _plain(read(store, session_id=sid)) !=
            _plain(sums_from_answers(store, session_id=sid))]


def rebuild(store: Store, reason: str = "") -> None:
    """Fill the sums anew from the attempts and answers (and put back a missing trigger), in one
    transaction with its audit entry."""
    from .. import audit
    from ..migrations import quiz_sums

    with store.atomic() as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        for sql in quiz_sums.SCHEMA:
            table = sql.split()[2] if sql.startswith("CREATE TABLE") else None
            if table and table not in names:
                conn.execute(sql)
        if "idx_quiz_stat_counted_person" not in names:
            conn.execute(quiz_sums.SCHEMA[1])
        for name, sql in quiz_sums.TRIGGERS.items():
            if name not in names:
                conn.execute(sql)
        for sql in quiz_sums.REBUILD:
            conn.execute(sql)
        audit.append(store, AUDIT_ACTION, table="quiz_stat_counted",
                     new={"reason": reason or "filled anew from the attempts and answers",
                          "attempts_counted": conn.execute(
                              "SELECT count(*) FROM quiz_stat_counted").fetchone()[0]})


@contextlib.contextmanager
def paused(store: Store) -> Iterator[None]:
    """Inside a transaction: the writes to attempts and answers only note which attempts they
    touch, and at the end the sums of those attempts' sessions are counted anew, grouped (for a
    bulk write, far cheaper than keeping them row by row). Nested uses count once, at the end of
    the outermost; outside a transaction, or in a file without the sums, nothing changes."""
    from ..migrations import quiz_sums

    conn = store.conn
    if not conn.in_transaction or not available(store):
        yield
        return
    outer = conn.execute("INSERT OR IGNORE INTO quiz_stat_paused (id) VALUES (1)").rowcount == 1
    try:
        yield
    except BaseException:
        # the transaction is normally rolled back; if the caller commits anyway, the sums
        # are still right and the upkeep row by row back on
        if outer and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                for sql in quiz_sums.REBUILD_TOUCHED:
                    conn.execute(sql)
        raise
    if outer:
        for sql in quiz_sums.REBUILD_TOUCHED:
            conn.execute(sql)
