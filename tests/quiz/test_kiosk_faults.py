"""kill -9 at random moments of a kiosk test: no committed answer is ever lost.

A real kiosk process (`kiosk_child`) takes the test for everyone on the list with key presses and
prints each answer once its transaction has committed; it is killed (SIGKILL, or TerminateProcess
on Windows) after a random number of answers plus a random few milliseconds, so that kills land
between, inside and right after commits. After every kill the data file must pass the start-up
checks (header, write-ahead log, quick_check) and the audit chain, and hold every answer and
submission the process reported; the next process resumes the attempt left running with the
proctor's PIN. Seeded: `ISODESK_FAULT_SEED` picks the seed, `ISODESK_FAULT_RUNS` the number of
kills (CI runs many more than the default) and `ISODESK_FAULT_SECONDS` a time budget for them.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time

from desktop.models.anchor_check import check_chain
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, quick_check
from desktop.models.startcheck import startup_check
from tests.conftest import ROOT

from .conftest import make_session

RUNS = int(os.environ.get("ISODESK_FAULT_RUNS", "6"))
SECONDS = float(os.environ.get("ISODESK_FAULT_SECONDS", "0")) or None  # a budget for long runs
PIN = "2468"
SEED = int(os.environ.get("ISODESK_FAULT_SEED", "20260105"))


def _start(data_dir, session_id: str, seed: int) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "PYTHONUTF8": "1"}
    return subprocess.Popen([sys.executable, "-m", "tests.quiz.kiosk_child", str(data_dir),
                             session_id, str(seed)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _run_and_kill(data_dir, session_id: str, rng: random.Random) -> tuple[list[str], bool]:
    """Run one kiosk process; kill it after a random number of committed answers. Returns the
    lines it printed and whether it finished on its own."""
    proc = _start(data_dir, session_id, rng.randrange(1 << 30))
    kill_after = rng.randint(1, 6)
    delay = rng.random() * 0.05
    lines: list[str] = []
    done = threading.Event()

    def reader():
        for line in proc.stdout:
            lines.append(line.strip())
            if len([x for x in lines if x[:1] in "AS"]) >= kill_after:
                done.set()
        done.set()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    done.wait(timeout=300)
    finished = "DONE" in lines
    if not finished:
        try:   # a random moment after the n-th commit: between or inside the next
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
    proc.wait(timeout=60)
    t.join(timeout=60)
    return lines, finished or "DONE" in lines


def _check(data_dir, reported: dict[str, list | None], submitted: set[str]) -> None:
    path = data_dir / DB_FILENAME
    startup_check(path)                      # header, write-ahead log: nothing committed dropped
    assert quick_check(path) is None
    store = open_store(path, actor="check")
    try:
        for answer_id, selected in reported.items():
            row = store.query_one("SELECT selected FROM quiz_answers WHERE id = ?", (answer_id,))
            assert row is not None and json.loads(row["selected"] or "null") == selected, \
                (answer_id, selected, row)
        for attempt_id in submitted:
            assert store.scalar("SELECT status FROM quiz_attempts WHERE id = ?",
                                (attempt_id,)) == "submitted"
        assert check_chain(store, backups=False).ok
    finally:
        store.close(clean=False)


def test_kill_9_during_kiosk_tests_loses_no_committed_answer(qstore, qdata_dir):
    print(f"kiosk fault injection: ISODESK_FAULT_SEED={SEED} ISODESK_FAULT_RUNS={RUNS}")
    rng = random.Random(SEED)
    reported: dict[str, list | None] = {}
    submitted: set[str] = set()
    kills = 0
    sessions_done = []
    session = make_session(qstore, questions=6, pin=PIN)
    qstore.close(clean=False)
    started = time.monotonic()
    while kills < RUNS and (SECONDS is None or time.monotonic() - started < SECONDS):
        lines, finished = _run_and_kill(qdata_dir, session.id, rng)
        _collect(lines, reported, submitted)
        _check(qdata_dir, reported, submitted)
        if finished:  # everyone has taken this test: the next round is a new session
            sessions_done.append(session.id)
            store = open_store(qdata_dir / DB_FILENAME, actor="admin")
            session = make_session(store, questions=6, pin=PIN)
            store.close(clean=False)
        else:
            kills += 1
    # then let the kiosk finish: every person tested, every answer there
    proc = _start(qdata_dir, session.id, 1)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    _collect(out.splitlines(), reported, submitted)
    _check(qdata_dir, reported, submitted)
    store = open_store(qdata_dir / DB_FILENAME)
    try:
        for sid in [*sessions_done, session.id]:
            listed = store.scalar("SELECT count(*) FROM quiz_attendance WHERE session_id = ?",
                                  (sid,))
            tested = store.scalar("SELECT count(*) FROM quiz_attempts WHERE session_id = ? AND "
                                  "status = 'submitted'", (sid,))
            assert listed and tested == listed
        assert kills >= min(RUNS, 1) and len(reported) >= kills
        print(f"kills: {kills}, answers checked: {len(reported)}, submissions: "
              f"{len(submitted)}, sessions: {len(sessions_done) + 1}")
    finally:
        store.close(clean=False)


def _collect(lines, reported: dict, submitted: set) -> None:
    for line in lines:
        kind, _, rest = line.strip().partition(" ")
        if kind == "A":
            answer_id, _, selected = rest.partition(" ")
            reported[answer_id] = json.loads(selected)
        elif kind == "S":
            submitted.add(rest)
