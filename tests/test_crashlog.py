"""The run's own log file: armed for faulthandler, gone at a clean exit, kept and reported once
when the run did not end cleanly, pruned to the last ten. (A real crash of a real process:
tests/journeys/test_crash_logging.py.)"""
from __future__ import annotations

import faulthandler
import os

from desktop.crashlog import KEEP_CRASH_LOGS, RunLog


def test_a_clean_run_leaves_nothing(tmp_path):
    run = RunLog(tmp_path)
    assert run.begin() == []
    assert run.path.exists() and run.path.parent == tmp_path / "logs"
    assert faulthandler.is_enabled()
    assert f"process {os.getpid()}" in run.path.read_text(encoding="utf-8")
    run.end()
    assert not run.path.exists()


def test_an_error_that_ends_the_run_is_kept_and_reported_once(tmp_path):
    run = RunLog(tmp_path)
    run.begin()
    try:
        raise RuntimeError("boom in the window")
    except RuntimeError:
        run.record_exception()
    run._file.close()          # the process is gone: its lock with it
    run._file = None
    faulthandler.enable()
    nxt = RunLog(tmp_path)
    [found] = nxt.begin()
    assert found.log_path.name.startswith("crash-") and found.started is not None
    assert "boom in the window" in found.log_path.read_text(encoding="utf-8")
    assert found.fatal_error == ""
    nxt.end()
    again = RunLog(tmp_path)
    assert again.begin() == []
    again.end()


def test_only_the_last_crash_logs_are_kept(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    for n in range(KEEP_CRASH_LOGS + 5):
        path = logs / f"crash-20260101-0000{n:02d}.log"
        path.write_text("x")
        os.utime(path, (1_700_000_000 + n, 1_700_000_000 + n))
    run = RunLog(tmp_path)
    run.begin()
    run.end()
    kept = sorted(p.name for p in logs.glob("crash-*.log"))
    assert len(kept) == KEEP_CRASH_LOGS and kept[0] == "crash-20260101-000005.log"


def test_a_run_ended_by_the_windows_session_is_not_a_crash(tmp_path):
    run = RunLog(tmp_path)
    run.begin()
    run.note_session_end()           # Qt's commitDataRequest: Windows is shutting down
    run._file.close()                # then Windows ends the process
    run._file = None
    faulthandler.enable()
    nxt = RunLog(tmp_path)
    assert nxt.begin() == []
    nxt.end()
    assert list((tmp_path / "logs").glob("*.log")) == []
