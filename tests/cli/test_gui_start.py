"""The windows' start takes no parser: `isodesk`, `isodesk --data-dir DIR` and
`isodesk --data-dir=DIR` go straight to the GUI; every other command line is the parser's."""
import gc
from pathlib import Path

import pytest

from desktop import cli


@pytest.mark.parametrize("argv, expected", [
    ([], (True, None)),
    (["--data-dir", "D:/ISO Desk/dữ liệu"], (True, Path("D:/ISO Desk/dữ liệu"))),
    (["--data-dir=/srv/iso"], (True, Path("/srv/iso"))),
    (["--data-dir", "-x"], (False, None)),           # argparse says what is wrong with it
    (["--data-dir="], (False, None)),
    (["--data-dir"], (False, None)),
    (["--data", "D"], (False, None)),                # an abbreviation: the parser reads it
    (["--data-dir", "D", "demo"], (False, None)),
    (["--data-dir", "D", "--data-dir", "E"], (False, None)),
    (["demo"], (False, None)),
    (["--help"], (False, None)),
    (["--selftest"], (False, None)),
    (["--version"], (False, None)),
])
def test_which_command_lines_start_the_windows_without_a_parser(argv, expected):
    assert cli.gui_start(argv) == expected


def test_the_gui_start_gets_the_folder_the_parser_would_give(monkeypatch, tmp_path):
    started = []
    def run_gui(data_dir, opening=None):
        started.append(data_dir)
        if opening is not None:
            opening.discard()
        return 0

    monkeypatch.setattr("desktop.app.run_gui", run_gui)
    for argv in (["--data-dir", str(tmp_path)], ["--data-dir=" + str(tmp_path)],
                 ["--data", str(tmp_path)]):
        assert cli.main(argv) == 0
    assert started == [tmp_path] * 3


# `python -m desktop` / the bundle's entry, in a fresh interpreter: the cycle collector is off
# while the windows' start imports (the windows' own collector takes over once Qt is up), and on
# again for any command.
GC_PROBE = """
import gc, runpy, sys
import desktop.app
seen = []
def run_gui(data_dir, opening=None):
    seen.append(gc.isenabled())
    return 0
desktop.app.run_gui = run_gui
import desktop.cli.selftest
desktop.cli.selftest.run_selftest = lambda: seen.append(gc.isenabled()) or 0
sys.argv = ["isodesk"] + sys.argv[1:]
try:
    runpy.run_module("desktop", run_name="__main__")
except SystemExit as exc:
    print("exit", exc.code, "collector in the start:", seen, "after:", gc.isenabled())
"""


@pytest.mark.parametrize("argv, during", [
    (["--data-dir", "{tmp}"], False),     # the windows: off until the UI thread's collector
    (["--selftest"], True),               # a command: on, as Python has it
    (["--version"], None),                # (argparse's own exit)
])
def test_the_cycle_collector_is_off_only_while_the_windows_start(argv, during, tmp_path):
    import subprocess
    import sys

    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    result = subprocess.run([sys.executable, "-c", GC_PROBE, *argv], capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    expected_seen = [] if during is None else [during]
    after = True if during is None else during
    assert line == f"exit 0 collector in the start: {expected_seen} after: {after}", line


def test_a_command_in_a_process_with_the_windows_leaves_their_collector_in_charge(qapp):
    """A command run in a process whose windows' collector holds automatic collection off
    (the tests, a window that runs a command) does not turn it back on."""
    from desktop.views.collector import install

    install(qapp)
    assert not gc.isenabled()
    assert cli.main(["--version"]) == 0
    assert not gc.isenabled()
