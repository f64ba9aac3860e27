"""Fixtures of the command-line tests: `cli` runs `isodesk` in-process (signed in when the
command changes data), `cli_json` reads its JSON answer."""

import json

import pytest

from tests.cli_auth import run_cli


@pytest.fixture
def cli(capsys):
    """Run `isodesk ARGS` in-process: returns (exit code, stdout, stderr). A command that changes
    data runs signed in as `admin` (tests.cli_auth) unless it names its own --user."""

    def run(*args, stdin: str | None = None):
        code = run_cli(args, stdin)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def cli_json(cli):
    def run(*args, stdin=None, expect=0):
        code, out, err = cli(*args, "--json", stdin=stdin)
        assert code == expect, err
        return json.loads(out) if out.strip() else None

    return run
