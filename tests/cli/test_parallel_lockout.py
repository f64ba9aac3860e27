"""Guessing a password from many processes at once still locks the account after five tries.

Forty real `isodesk minutes sign --password-stdin` processes with wrong passwords run at the same
time against one data folder: the failures are counted in the transaction that checks them, so
exactly five are checked and counted, the account ends locked, and the other guesses are refused
without a password check.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from desktop.models import minutes as M
from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from tests.conftest import ROOT
from tests.minutes.helpers import sample

GUESSES = 40


def _spawn(data_dir, minutes_id: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUTF8": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "minutes", "sign",
         minutes_id, "--user", "tuvan", "--meaning", "author", "--password-stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)


def test_forty_parallel_wrong_passwords_lock_the_account(data_dir):
    store = open_store(data_dir / DB_FILENAME, actor="tuvan")
    minutes_id = M.create(store, sample(), complete=True).minutes_id
    store.close(clean=False)

    procs = [_spawn(data_dir, minutes_id) for _ in range(GUESSES)]
    # Every process waits for its password on stdin: they are all given one at the same moment.
    for i, proc in enumerate(procs):
        proc.stdin.write(f"sai-mat-khau-{i:02d}\n".encode())
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        results.append((proc.returncode, err.decode("utf-8", "replace")))

    assert all(code == 1 for code, _ in results), results
    store = open_store(data_dir / DB_FILENAME)
    try:
        user = users.find_user(store, "tuvan")
        assert user.locked_until is not None
        assert dt.datetime.fromisoformat(user.locked_until) > dt.datetime.now().astimezone()
        failed = store.scalar("SELECT count(*) FROM audit_log WHERE action = "
                              "'minutes_sign_failed'")
        refused = store.scalar("SELECT count(*) FROM audit_log WHERE action = "
                               "'minutes_sign_refused_locked'")
        assert failed == users.MAX_FAILED
        assert refused == GUESSES - users.MAX_FAILED
        assert sum("đang bị khóa tạm thời" in err for _, err in results) == refused
        assert sum("Còn " in err for _, err in results) == users.MAX_FAILED - 1
        assert M.latest_revision(store, minutes_id).status == "draft"
    finally:
        store.close(clean=False)
