"""The quiz statistics' running sums (quiz migration 0007): tables, the triggers that keep them in
step with every write to the attempts and their answers, and the statements that fill them anew.

The item analysis (`desktop.models.quiz.stats`) counts the first submitted attempt of each person
in each session. `quiz_stat_counted` names that attempt for each (session, person), with the
score and length it was counted with; the other tables hold the sums of the counted attempts:

- `quiz_stat_tests`: per session, unit and paper length — attempts, Σ total, Σ total²;
- `quiz_stat_cells`: per session, unit, question, version and slot — answers, Σ item score,
  Σ total, Σ total², Σ item score × total;
- `quiz_stat_rest`: per session, unit and question — how many answers had each rest score
  (the total less the item);
- `quiz_stat_options`: per session, unit and question — how often each option was chosen
  ("none" for an answer left empty).

The triggers are on the tables, so every path that writes attempts or answers (the kiosk, the
browser test, paper entry, re-grading, deletion, kiosk files, sync packages, bulk loads) keeps
the sums right in its own transaction. A change to an attempt takes its person's counted
attempt out of the sums (with the values it was counted with) and puts the person's first
attempt back in; a change to an answer of a counted attempt takes the old row out and puts the
new one in. Rows whose counts fall to zero stay (readers skip them; a rebuild drops them).

A bulk write (a sync package: thousands of answers at once) may pause the row-by-row upkeep
inside its own transaction (`quiz_stat_paused` holds a row): the triggers then only note the
attempts touched (`quiz_stat_touched`), and the sums of their sessions are counted anew, grouped,
before the transaction ends (`rebuild_sessions`), which costs far less than keeping them row by
row.

Local to this PC: never synced (each installation keeps its own from its own rows).
This module is part of the migration and stays as released: a later change is a new migration.
"""
from __future__ import annotations

SUMS = ("quiz_stat_counted", "quiz_stat_tests", "quiz_stat_cells", "quiz_stat_rest",
        "quiz_stat_options")
TABLES = (*SUMS, "quiz_stat_paused", "quiz_stat_touched")

SCHEMA = [
    """CREATE TABLE quiz_stat_counted (
        attempt_id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        score INTEGER NOT NULL,
        max_score INTEGER NOT NULL
    )""",
    "CREATE INDEX idx_quiz_stat_counted_person ON quiz_stat_counted(session_id, staff_id)",
    """CREATE TABLE quiz_stat_tests (
        session_id TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        max_score INTEGER NOT NULL,
        n INTEGER NOT NULL, st INTEGER NOT NULL, stt INTEGER NOT NULL,
        PRIMARY KEY (session_id, origin_unit, max_score)
    ) WITHOUT ROWID""",
    """CREATE TABLE quiz_stat_cells (
        session_id TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        question_id TEXT NOT NULL,
        version_id TEXT NOT NULL,
        slot INTEGER NOT NULL,
        n INTEGER NOT NULL, sx INTEGER NOT NULL, st INTEGER NOT NULL, stt INTEGER NOT NULL,
        sxt INTEGER NOT NULL,
        PRIMARY KEY (session_id, origin_unit, question_id, version_id, slot)
    ) WITHOUT ROWID""",
    """CREATE TABLE quiz_stat_rest (
        session_id TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        question_id TEXT NOT NULL,
        rest INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (session_id, origin_unit, question_id, rest)
    ) WITHOUT ROWID""",
    """CREATE TABLE quiz_stat_options (
        session_id TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        question_id TEXT NOT NULL,
        option TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (session_id, origin_unit, question_id, option)
    ) WITHOUT ROWID""",
    "CREATE TABLE quiz_stat_paused (id INTEGER PRIMARY KEY CHECK (id = 1))",
    "CREATE TABLE quiz_stat_touched (attempt_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID",
]

# The options an answer chose, as a JSON array to walk: its own when it is a non-empty array,
# else ["none"] (empty, null, or not JSON at all: a bad row never stops a write).
_CHOSEN = ("CASE WHEN json_valid({a}.selected) AND json_type({a}.selected) = 'array' AND "
           "json_array_length({a}.selected) > 0 THEN {a}.selected ELSE '[\"none\"]' END")


def _answers(sign: str, a: str, source: str, where: str) -> list[str]:
    """Add (sign 1) or take out (sign -1) the answers `a` of counted attempts `c`."""
    return [
        f"""INSERT INTO quiz_stat_cells (session_id, origin_unit, question_id, version_id, slot,
                                         n, sx, st, stt, sxt)
            SELECT c.session_id, c.origin_unit, {a}.question_id, {a}.version_id, {a}.slot,
                   {sign}, {sign} * {a}.correct, {sign} * c.score, {sign} * c.score * c.score,
                   {sign} * {a}.correct * c.score
            FROM {source} WHERE {where}
            ON CONFLICT (session_id, origin_unit, question_id, version_id, slot) DO UPDATE SET
                n = n + excluded.n, sx = sx + excluded.sx, st = st + excluded.st,
                stt = stt + excluded.stt, sxt = sxt + excluded.sxt""",
        f"""INSERT INTO quiz_stat_rest (session_id, origin_unit, question_id, rest, n)
            SELECT c.session_id, c.origin_unit, {a}.question_id, c.score - {a}.correct, {sign}
            FROM {source} WHERE {where}
            ON CONFLICT (session_id, origin_unit, question_id, rest) DO UPDATE SET
                n = n + excluded.n""",
        f"""INSERT INTO quiz_stat_options (session_id, origin_unit, question_id, option, n)
            SELECT c.session_id, c.origin_unit, {a}.question_id, CAST(j.value AS TEXT), {sign}
            FROM {source}, json_each({_CHOSEN.format(a=a)}) j WHERE {where}
            ON CONFLICT (session_id, origin_unit, question_id, option) DO UPDATE SET
                n = n + excluded.n""",
    ]


def _test(sign: str, where: str) -> str:
    return f"""INSERT INTO quiz_stat_tests (session_id, origin_unit, max_score, n, st, stt)
        SELECT c.session_id, c.origin_unit, c.max_score, {sign}, {sign} * c.score,
               {sign} * c.score * c.score
        FROM quiz_stat_counted c WHERE {where}
        ON CONFLICT (session_id, origin_unit, max_score) DO UPDATE SET
            n = n + excluded.n, st = st + excluded.st, stt = stt + excluded.stt"""


_JOINED = ("quiz_stat_counted c JOIN quiz_answers a ON a.attempt_id = c.attempt_id "
           "AND a.deleted = 0")


def _person(p: str, extra: str = "1") -> list[str]:
    """Take the counted attempt of the person of row `p` out, then count their first one."""
    of = f"c.session_id = {p}.session_id AND c.staff_id = {p}.staff_id AND {extra}"
    return [
        *_answers("-1", "a", _JOINED, of),
        _test("-1", of),
        f"DELETE FROM quiz_stat_counted WHERE session_id = {p}.session_id "
        f"AND staff_id = {p}.staff_id AND {extra}",
        f"""INSERT INTO quiz_stat_counted (attempt_id, session_id, staff_id, origin_unit, score,
                                           max_score)
            SELECT id, session_id, staff_id, origin_unit, coalesce(score, 0), max_score
            FROM quiz_attempts
            WHERE session_id = {p}.session_id AND staff_id = {p}.staff_id
              AND status = 'submitted' AND deleted = 0 AND {extra}
            ORDER BY number, started_at, id LIMIT 1""",
        *_answers("1", "a", _JOINED, of),
        _test("1", of),
    ]


def _answer_row(sign: str, r: str) -> list[str]:
    return _answers(sign, r, "quiz_stat_counted c", f"c.attempt_id = {r}.attempt_id AND "
                                                    f"{r}.deleted = 0")


def _counted(r: str) -> str:
    return f"EXISTS (SELECT 1 FROM quiz_stat_counted WHERE attempt_id = {r}.attempt_id)"


_MOVED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in (
    "id", "session_id", "staff_id", "origin_unit", "status", "deleted", "score", "max_score",
    "number", "started_at"))
_SAME_PERSON = "(OLD.session_id = NEW.session_id AND OLD.staff_id = NEW.staff_id)"


def _trigger(name: str, event: str, table: str, when: str, body: list[str]) -> str:
    statements = ";\n".join(body)
    return (f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {when}\n"
            f"BEGIN\n{statements};\nEND")


_KEPT = "NOT EXISTS (SELECT 1 FROM quiz_stat_paused)"
_PAUSED = "EXISTS (SELECT 1 FROM quiz_stat_paused)"


def _touch(*ids: str) -> list[str]:
    # (not INSERT OR IGNORE: an upsert's own conflict handling overrides its triggers' OR clause)
    return [f"INSERT INTO quiz_stat_touched (attempt_id) SELECT {i} WHERE NOT EXISTS "
            f"(SELECT 1 FROM quiz_stat_touched WHERE attempt_id = {i})" for i in ids]


TRIGGERS = {
    "quiz_stat_attempt_insert": _trigger(
        "quiz_stat_attempt_insert", "INSERT", "quiz_attempts",
        f"{_KEPT} AND NEW.status = 'submitted' AND NEW.deleted = 0", _person("NEW")),
    "quiz_stat_attempt_update": _trigger(
        "quiz_stat_attempt_update", "UPDATE", "quiz_attempts", f"{_KEPT} AND ({_MOVED})",
        _person("OLD") + _person("NEW", f"NOT {_SAME_PERSON}")),
    "quiz_stat_attempt_delete": _trigger(
        "quiz_stat_attempt_delete", "DELETE", "quiz_attempts",
        f"{_KEPT} AND EXISTS (SELECT 1 FROM quiz_stat_counted WHERE attempt_id = OLD.id)",
        _person("OLD")),
    "quiz_stat_answer_insert": _trigger(
        "quiz_stat_answer_insert", "INSERT", "quiz_answers",
        f"{_KEPT} AND NEW.deleted = 0 AND {_counted('NEW')}", _answer_row("1", "NEW")),
    "quiz_stat_answer_update": _trigger(
        "quiz_stat_answer_update", "UPDATE", "quiz_answers",
        f"{_KEPT} AND ({_counted('OLD')} OR {_counted('NEW')})",
        _answer_row("-1", "OLD") + _answer_row("1", "NEW")),
    "quiz_stat_answer_delete": _trigger(
        "quiz_stat_answer_delete", "DELETE", "quiz_answers",
        f"{_KEPT} AND OLD.deleted = 0 AND {_counted('OLD')}", _answer_row("-1", "OLD")),
    # paused: only which attempts were touched
    "quiz_stat_touch_attempt_insert": _trigger(
        "quiz_stat_touch_attempt_insert", "INSERT", "quiz_attempts", _PAUSED, _touch("NEW.id")),
    "quiz_stat_touch_attempt_update": _trigger(
        "quiz_stat_touch_attempt_update", "UPDATE", "quiz_attempts", f"{_PAUSED} AND ({_MOVED})",
        _touch("OLD.id", "NEW.id")),
    "quiz_stat_touch_attempt_delete": _trigger(
        "quiz_stat_touch_attempt_delete", "DELETE", "quiz_attempts", _PAUSED, _touch("OLD.id")),
    "quiz_stat_touch_answer_insert": _trigger(
        "quiz_stat_touch_answer_insert", "INSERT", "quiz_answers", _PAUSED,
        _touch("NEW.attempt_id")),
    "quiz_stat_touch_answer_update": _trigger(
        "quiz_stat_touch_answer_update", "UPDATE", "quiz_answers", _PAUSED,
        _touch("OLD.attempt_id", "NEW.attempt_id")),
    "quiz_stat_touch_answer_delete": _trigger(
        "quiz_stat_touch_answer_delete", "DELETE", "quiz_answers", _PAUSED,
        _touch("OLD.attempt_id")),
}


def _filled(scope: str, c_scope: str) -> list[str]:
    """The sums counted from the attempts and answers, grouped, for the sessions in `scope`."""
    return [
        f"""INSERT INTO quiz_stat_counted (attempt_id, session_id, staff_id, origin_unit, score,
                                          max_score)
           SELECT id, session_id, staff_id, origin_unit, coalesce(score, 0), max_score FROM (
               SELECT *, row_number() OVER (PARTITION BY session_id, staff_id
                                            ORDER BY number, started_at, id) AS rank
               FROM quiz_attempts WHERE status = 'submitted' AND deleted = 0 AND {scope})
           WHERE rank = 1""",
        f"""INSERT INTO quiz_stat_tests (session_id, origin_unit, max_score, n, st, stt)
           SELECT session_id, origin_unit, max_score, count(*), sum(score), sum(score * score)
           FROM quiz_stat_counted c WHERE {c_scope} GROUP BY session_id, origin_unit, max_score""",
        f"""INSERT INTO quiz_stat_cells (session_id, origin_unit, question_id, version_id, slot,
                                         n, sx, st, stt, sxt)
            SELECT c.session_id, c.origin_unit, a.question_id, a.version_id, a.slot, count(*),
                   sum(a.correct), sum(c.score), sum(c.score * c.score), sum(a.correct * c.score)
            FROM {_JOINED} WHERE {c_scope} GROUP BY 1, 2, 3, 4, 5""",
        f"""INSERT INTO quiz_stat_rest (session_id, origin_unit, question_id, rest, n)
            SELECT c.session_id, c.origin_unit, a.question_id, c.score - a.correct, count(*)
            FROM {_JOINED} WHERE {c_scope} GROUP BY 1, 2, 3, 4""",
        f"""INSERT INTO quiz_stat_options (session_id, origin_unit, question_id, option, n)
            SELECT c.session_id, c.origin_unit, a.question_id, CAST(j.value AS TEXT), count(*)
            FROM {_JOINED}, json_each({_CHOSEN.format(a='a')}) j WHERE {c_scope}
            GROUP BY 1, 2, 3, 4""",
    ]


# Everything filled anew from the attempts and answers (the migration, and a repair).
REBUILD = [*(f"DELETE FROM {t}" for t in TABLES), *_filled("1", "1")]

# The sums of the sessions of the attempts touched while paused, counted anew; then the upkeep
# row by row again (the last statements of a paused bulk write, in its transaction).
_TOUCHED_SESSIONS = ("(SELECT session_id FROM quiz_attempts WHERE id IN (SELECT attempt_id FROM "
                     "quiz_stat_touched) UNION SELECT session_id FROM quiz_stat_counted WHERE "
                     "attempt_id IN (SELECT attempt_id FROM quiz_stat_touched))")
REBUILD_TOUCHED = [
    "CREATE TEMP TABLE IF NOT EXISTS quiz_stat_sessions (session_id TEXT PRIMARY KEY)",
    "DELETE FROM temp.quiz_stat_sessions",
    f"INSERT INTO temp.quiz_stat_sessions SELECT * FROM {_TOUCHED_SESSIONS}",
    *(f"DELETE FROM {t} WHERE session_id IN (SELECT session_id FROM temp.quiz_stat_sessions)"
      for t in SUMS),
    *_filled("session_id IN (SELECT session_id FROM temp.quiz_stat_sessions)",
             "c.session_id IN (SELECT session_id FROM temp.quiz_stat_sessions)"),
    "DELETE FROM quiz_stat_touched",
    "DELETE FROM quiz_stat_paused",
    "DELETE FROM temp.quiz_stat_sessions",
]


def create(execute) -> None:
    """Tables, triggers and their first filling, through `execute(sql)`."""
    for sql in SCHEMA:
        execute(sql)
    for sql in TRIGGERS.values():
        execute(sql)
    for sql in REBUILD:
        execute(sql)
