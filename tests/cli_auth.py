"""Running `isodesk` in-process as a signed-in user, as the command line now requires for
commands that change data (`desktop.cli.roles`).

`run_cli(argv)` adds `--user admin --password-stdin` and the password (first line of stdin) to a
command that needs an account and was not given one, creating that administrator first in a data
folder that has none (the test province of the sync tests is made without users).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from desktop.cli import build_parser, main
from desktop.cli.roles import rule_for
from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from tests.conftest import PASSWORD

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        _PARSER = build_parser()
    return _PARSER


def needs_account(argv: list[str]) -> bool:
    try:
        args = _parser().parse_args(argv)
    except SystemExit:
        return False
    path = getattr(args, "command_path", None)
    return bool(path) and rule_for(path, args).kind == "account" and not args.user


def with_account(argv, stdin: str | None = None, *, user: str = "admin",
                 password: str = PASSWORD) -> tuple[list[str], str | None]:
    """(argv, stdin) signed in as `user` when the command needs an account."""
    argv = [str(a) for a in argv]
    if not needs_account(argv):
        return argv, stdin
    data_dir = _data_dir(argv)
    if data_dir is not None and user == "admin":
        ensure_admin(data_dir, password)
    if "--password-stdin" not in argv:
        argv.append("--password-stdin")
    return [*argv, "--user", user], f"{password}\n{stdin or ''}"


def _data_dir(argv: list[str]) -> Path | None:
    for i, a in enumerate(argv[:-1]):
        if a == "--data-dir":
            return Path(argv[i + 1])
    return None


def ensure_admin(data_dir: Path, password: str = PASSWORD) -> None:
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file() or not path.stat().st_size:
        return
    store = open_store(path, actor="setup")
    try:
        if users.find_user(store, "admin") is None:
            users.create_user(store, "admin", "Quản trị viên", "admin", password)
    finally:
        store.close(clean=False)


def run_cli(argv, stdin: str | None = None, **account) -> int:
    """`isodesk ARGV` in-process, signed in when needed; stdin replaced while it runs."""
    argv, stdin = with_account(argv, stdin, **account)
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        return main(argv)
    finally:
        sys.stdin = old
