"""The windows' start takes no parser: `isodesk`, `isodesk --data-dir DIR` and
`isodesk --data-dir=DIR` go straight to the GUI; every other command line is the parser's."""
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
    monkeypatch.setattr("desktop.app.run_gui", lambda data_dir: started.append(data_dir) or 0)
    for argv in (["--data-dir", str(tmp_path)], ["--data-dir=" + str(tmp_path)],
                 ["--data", str(tmp_path)]):
        assert cli.main(argv) == 0
    assert started == [tmp_path] * 3
