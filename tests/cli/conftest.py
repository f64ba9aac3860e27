import io
import json

import pytest

from desktop.cli import main


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `isodesk ARGS` in-process: returns (exit code, stdout, stderr)."""

    def run(*args, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main([str(a) for a in args])
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
