"""The quiz statistics' kept sums (quiz migration 0007): after every kind of write to the attempts
and answers they equal a full count of the answers, the statistics read from them are the ones
counted from the answers, the migration fills them from a file's existing attempts, and `db check`
fills them anew when they were tampered with."""
from __future__ import annotations

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.migrations import APPLIED_TABLE, quiz_sums
from desktop.models.quiz import attempts, bank, kiosk_files, paper_entry, papers, stat_sums, stats
from tests.cli_auth import run_cli

from .conftest import make_session, staff_ids
from .test_documents_files import take

NOW = "2025-10-14T08:00:00.000+07:00"


def same_statistics(store, **scope) -> None:
    """The statistics read from the kept sums are those counted from the answers."""
    kept = stat_sums.read(store, **scope)
    assert kept is not None
    counted = stats.sums_from_answers(store, **scope)
    assert stat_sums._plain(kept) == stat_sums._plain(counted)
    a, b = stats.from_sums(kept).as_dict(), stats.from_sums(counted).as_dict()
    for d in (a, b):   # in the order of the questions (item_analysis sorts them by slot)
        d["items"].sort(key=lambda i: i["question_id"])
    assert a == b


def test_every_program_path_keeps_the_sums(qstore, kiosk_pc, tmp_path):
    s = make_session(qstore, questions=4)
    ids = staff_ids(qstore)
    take(qstore, s.id, "CB001")                       # the kiosk on this PC
    take(qstore, s.id, "CB002", good=False)
    assert stat_sums.differences(qstore) == []
    running = attempts.start_attempt(qstore, s.id, ids["CB003"])   # not counted until submitted
    attempts.answer(qstore, running, 1, running.items[0].correct_options)
    same_statistics(qstore, session_id=s.id)
    attempts.answer(qstore, running, 2, running.items[1].correct_options)
    attempts.submit(qstore, running)
    same_statistics(qstore, session_id=s.id)
    assert stats.item_analysis(qstore, session_id=s.id).attempts == 3

    # a retake: the first attempt stays the one counted
    from desktop.models.quiz import sessions
    sessions.grant_retake(qstore, s.id, ids["CB002"])
    take(qstore, s.id, "CB002")
    assert stats.item_analysis(qstore, session_id=s.id).attempts == 3
    same_statistics(qstore, session_id=s.id)

    # paper answers keyed in
    [variant] = papers.ensure_variants(qstore, s.id, 1)
    versions = bank.get_versions(qstore, [it.version_id for it in variant["items"]])
    letters = "".join(chr(65 + it.option_order.index(versions[it.version_id]["correct"][0]))
                      for it in variant["items"])
    plan = paper_entry.plan_entries(qstore, s.id, [
        paper_entry.EntryRow(1, "CB004", "A", letters),
        paper_entry.EntryRow(2, "CB005", "A", "-" * 4)])
    assert paper_entry.apply_entries(qstore, s.id, plan)["entered"] == 2
    same_statistics(qstore, session_id=s.id)

    # results brought from a second kiosk PC (then again, when a running attempt there ended)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "may2.isokiosk", label="Máy 2")
    kiosk_files.import_setup(kiosk_pc, tmp_path / "may2.isokiosk")
    take(kiosk_pc, s.id, "CB006")
    other = attempts.start_attempt(kiosk_pc, s.id, staff_ids(kiosk_pc)["CB007"])
    attempts.answer(kiosk_pc, other, 1, other.items[0].correct_options)
    assert stat_sums.differences(kiosk_pc) == []
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r1.isoresults")
    kiosk_files.import_results(qstore, tmp_path / "r1.isoresults")
    same_statistics(qstore, session_id=s.id)
    attempts.submit(kiosk_pc, other)
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r2.isoresults")
    kiosk_files.import_results(qstore, tmp_path / "r2.isoresults")
    same_statistics(qstore, session_id=s.id)
    same_statistics(qstore, unit_code=qstore.unit_code)
    assert stats.item_analysis(qstore, session_id=s.id).attempts == 7
    assert stat_sums.differences(qstore) == [] and stat_sums.differences(kiosk_pc) == []


# --- every kind of row change, in random sequences -------------------------------------------

OTHER_UNIT = "BHXHKHAC"
SELECTED = ["[0]", "[1]", "[0,2]", "[]", None, "", "7", "không phải JSON"]

_attempt = st.tuples(st.just("attempt"), st.integers(0, 1), st.integers(0, 2), st.integers(0, 1),
                     st.sampled_from(["submitted", "submitted", "in_progress"]),
                     st.integers(1, 3), st.integers(0, 2), st.integers(0, 4), st.integers(3, 4),
                     st.lists(st.tuples(st.integers(0, 1), st.integers(0, len(SELECTED) - 1)),
                              min_size=0, max_size=4))
_change = st.tuples(st.just("update_attempt"), st.integers(0, 50), st.sampled_from(
    ["status", "deleted", "score", "number", "staff_id", "session_id", "origin_unit", "started_at",
     "max_score", "elapsed_s"]), st.integers(0, 3))
_answer = st.tuples(st.just("update_answer"), st.integers(0, 200), st.sampled_from(
    ["correct", "selected", "deleted", "question", "flagged"]), st.integers(0, 7))
_gone = st.tuples(st.sampled_from(["delete_answer", "delete_attempt", "sync_upsert"]),
                  st.integers(0, 200), st.integers(0, 3))
OPERATIONS = st.lists(st.one_of(_attempt, _change, _answer, _gone), min_size=1, max_size=25)


class Rows:
    """Rows written straight into the tables, as a sync package or a bulk load writes them."""

    def __init__(self, store, sessions, people, pool):
        self.store, self.sessions, self.people, self.pool = store, sessions, people, pool
        self.units = [store.unit_code, OTHER_UNIT]

    def apply(self, op) -> None:
        conn = self.store.conn
        kind = op[0]
        attempt_ids = [r[0] for r in conn.execute("SELECT id FROM quiz_attempts ORDER BY rowid")]
        answer_ids = [r[0] for r in conn.execute("SELECT id FROM quiz_answers ORDER BY rowid")]
        if kind == "attempt":
            _, s, p, u, status, number, started, score, length, answers = op
            aid = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO quiz_attempts (id, origin_unit, created_at, updated_at, session_id, "
                "staff_id, number, seed, question_order, status, started_at, score, max_score) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 1, '[]', ?, ?, ?, ?)",
                (aid, self.units[u], NOW, NOW, self.sessions[s], self.people[p], number, status,
                 f"2025-10-14T08:0{started}:00", score if status == "submitted" else None,
                 length))
            for k, (right, sel) in enumerate(answers):
                q, v = self.pool[(k * 3 + score) % len(self.pool)]
                conn.execute(
                    "INSERT INTO quiz_answers (id, origin_unit, created_at, updated_at, attempt_id, "
                    "position, slot, question_id, version_id, option_order, selected, correct) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[0,1,2,3]', ?, ?)",
                    (str(uuid.uuid4()), self.units[u], NOW, NOW, aid, k + 1, k + 1, q, v,
                     SELECTED[sel], right))
        elif kind == "update_attempt" and attempt_ids:
            _, i, field, value = op
            aid = attempt_ids[i % len(attempt_ids)]
            new = {"status": ["submitted", "in_progress"][value % 2], "deleted": value % 2,
                   "score": value, "number": value + 1,
                   "staff_id": self.people[value % len(self.people)],
                   "session_id": self.sessions[value % 2], "origin_unit": self.units[value % 2],
                   "started_at": f"2025-10-14T08:0{value}:00", "max_score": 3 + value % 2,
                   "elapsed_s": value}[field]
            conn.execute(f"UPDATE quiz_attempts SET {field} = ? WHERE id = ?", (new, aid))
        elif kind == "update_answer" and answer_ids:
            _, i, field, value = op
            xid = answer_ids[i % len(answer_ids)]
            if field == "question":
                q, v = self.pool[value % len(self.pool)]
                conn.execute("UPDATE quiz_answers SET question_id = ?, version_id = ? WHERE id = ?",
                             (q, v, xid))
            elif field == "deleted":   # a tombstone, or one taken back
                conn.execute("UPDATE quiz_answers SET deleted = ? WHERE id = ? AND NOT EXISTS ("
                             "SELECT 1 FROM quiz_answers o, quiz_answers x WHERE x.id = ? AND "
                             "o.attempt_id = x.attempt_id AND o.position = x.position AND "
                             "o.deleted = 0 AND o.id <> x.id)", (value % 2, xid, xid))
            else:
                new = {"correct": value % 2, "selected": SELECTED[value], "flagged": value % 2}
                conn.execute(f"UPDATE quiz_answers SET {field} = ? WHERE id = ?",
                             (new[field], xid))
        elif kind == "delete_answer" and answer_ids:
            conn.execute("DELETE FROM quiz_answers WHERE id = ?", (answer_ids[op[1] % len(
                answer_ids)],))
        elif kind == "delete_attempt" and attempt_ids:
            aid = attempt_ids[op[1] % len(attempt_ids)]
            conn.execute("DELETE FROM quiz_answers WHERE attempt_id = ?", (aid,))
            conn.execute("DELETE FROM quiz_attempts WHERE id = ?", (aid,))
        elif kind == "sync_upsert" and attempt_ids:
            # as `sync.apply` writes a newer copy of a record: an upsert by id
            aid = attempt_ids[op[1] % len(attempt_ids)]
            row = dict(self.store.query_one("SELECT * FROM quiz_attempts WHERE id = ?", (aid,)))
            row.update(version=row["version"] + 1, score=op[2], deleted=int(op[2] == 3))
            cols = list(row)
            updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
            conn.execute(f"INSERT INTO quiz_attempts ({', '.join(cols)}) VALUES "
                         f"({', '.join('?' * len(cols))}) ON CONFLICT(id) DO UPDATE SET {updates} "
                         "WHERE excluded.version > quiz_attempts.version", [row[c] for c in cols])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(operations=OPERATIONS, paused=st.tuples(st.integers(0, 25), st.integers(0, 25)))
def test_random_changes_keep_the_sums_exactly_right(qstore, operations, paused):
    """Each change kept row by row, or, for the operations in `paused` (a window of the
    sequence), as a sync package writes them: noted, then counted anew at the end."""
    if not qstore.query("SELECT id FROM quiz_sessions"):
        make_session(qstore, questions=4)
        make_session(qstore, questions=4)
    sessions = [r["id"] for r in qstore.query("SELECT id FROM quiz_sessions ORDER BY id")]
    people = list(staff_ids(qstore).values())[:3]
    pool = [(r["question_id"], r["id"]) for r in qstore.query(
        "SELECT id, question_id FROM quiz_question_versions WHERE deleted = 0 ORDER BY id "
        "LIMIT 5")]
    rows = Rows(qstore, sessions, people, pool)
    first, length = paused
    qstore.conn.execute("BEGIN")
    try:
        for k, op in enumerate(operations):
            if first <= k < first + length:
                if k == first or k == 0:
                    bulk = stat_sums.paused(qstore)
                    bulk.__enter__()
                rows.apply(op)
                if k + 1 < first + length and k + 1 < len(operations):
                    continue
                bulk.__exit__(None, None, None)
                assert qstore.query("SELECT * FROM quiz_stat_paused") == []
            else:
                rows.apply(op)
            assert stat_sums.differences(qstore) == [], op
        for unit in rows.units:
            if stat_sums.read(qstore, unit_code=unit) is not None:
                same_statistics(qstore, unit_code=unit)
    finally:
        qstore.conn.execute("ROLLBACK")


# --- the migration, and a repair --------------------------------------------------------------

def test_the_migration_fills_the_sums_from_the_attempts_already_there(qdata_dir):
    store = open_store(qdata_dir / DB_FILENAME, actor="admin")
    s = make_session(store, questions=4)
    for code, good in (("CB001", True), ("CB002", False), ("CB003", True)):
        take(store, s.id, code, good)
    before = stats.item_analysis(store, session_id=s.id).as_dict()
    with store.atomic() as conn:       # the file as it was before the migration
        for name in quiz_sums.TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        for table in quiz_sums.TABLES:
            conn.execute(f"DROP TABLE {table}")
        conn.execute(f"DELETE FROM {APPLIED_TABLE} WHERE migration_set = 'quiz' AND name = "
                     "'0007_stat_sums'")
    assert stat_sums.read(store, session_id=s.id) is None      # counted from the answers
    assert stats.item_analysis(store, session_id=s.id).as_dict() == before
    store.close(clean=False)
    store = open_store(qdata_dir / DB_FILENAME, actor="admin")
    try:
        assert stat_sums.read(store, session_id=s.id).attempts == 3
        assert stat_sums.differences(store) == []
        assert stats.item_analysis(store, session_id=s.id).as_dict() == before
    finally:
        store.close(clean=False)


def test_db_check_fills_tampered_sums_anew(qdata_dir, capsys):
    store = open_store(qdata_dir / DB_FILENAME, actor="admin")
    s = make_session(store, questions=4)
    take(store, s.id, "CB001")
    take(store, s.id, "CB002", good=False)
    before = stats.item_analysis(store, session_id=s.id).as_dict()
    with store.atomic() as conn:
        conn.execute("UPDATE quiz_stat_cells SET sx = sx + 1")
        conn.execute("DROP TRIGGER quiz_stat_answer_update")
    assert stat_sums.differences(store) == ["(missing)"]
    store.close(clean=False)
    capsys.readouterr()
    assert run_cli(["--data-dir", qdata_dir, "db", "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["quiz_stat_sums"] == {"ok": False, "differed": ["(missing)"], "rebuilt": True}
    store = open_store(qdata_dir / DB_FILENAME, actor="admin")
    try:
        assert stat_sums.differences(store) == []
        assert stats.item_analysis(store, session_id=s.id).as_dict() == before
        entry = store.query_one("SELECT actor, action FROM audit_log ORDER BY seq DESC LIMIT 1")
        assert entry == {"actor": "system", "action": stat_sums.AUDIT_ACTION}
    finally:
        store.close(clean=False)
    assert run_cli(["--data-dir", qdata_dir, "db", "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["quiz_stat_sums"]["rebuilt"] is False
