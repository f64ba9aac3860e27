"""`isodesk`: the command line. No subcommand starts the GUI.

Headless subcommands print one JSON object with `--json` and exit 0 (done), 1 (refused or failed,
the reason on stderr) or 2 (wrong usage). Qt is imported only to start the GUI.
"""
from __future__ import annotations

import argparse
import gc
import logging
import os
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable

from desktop.models import anchors
from desktop.models.errors import IsoDeskError

# (what only a command needs — its context, the parser's words, the account rules — is imported
# by `main` past the windows' start, which takes no parser: see `gui_start`)


# The modules under desktop.cli that add subcommands, each with `register(subparsers)`: a
# zero-argument loader per module imports it when its subcommand is run.
def _core() -> ModuleType:
    from . import core
    return core


def _staff() -> ModuleType:
    from . import staff
    return staff


def _minutes() -> ModuleType:
    from . import minutes
    return minutes


def _sync() -> ModuleType:
    from . import sync
    return sync


def _iso() -> ModuleType:
    from . import iso
    return iso


def _quiz() -> ModuleType:
    from . import quiz
    return quiz


COMMAND_MODULES: dict[str, Callable[[], ModuleType]] = {
    "core": _core, "staff": _staff, "minutes": _minutes, "sync": _sync, "iso": _iso,
    "quiz": _quiz,
}

# The subcommands each module adds (a test keeps this in step with `register`): a command line
# imports the one module of its subcommand, and the GUI (no subcommand) none of them, so that
# neither waits for the PDF, Excel and crypto libraries of commands it does not run.
COMMANDS: dict[str, str] = {
    "init": "core", "user": "core", "db": "core", "demo": "core",
    "staff": "staff",
    "minutes": "minutes",
    "district": "sync", "province-profile": "sync", "enroll": "sync", "sync": "sync",
    "team": "iso", "documents": "iso", "policy": "iso", "plan": "iso", "audit": "iso",
    "nc": "iso", "review": "iso", "report": "iso",
    "training": "quiz", "quiz": "quiz",
}


DATA_DIR_HELP = "thư mục dữ liệu (mặc định: ISODESK_DATA_DIR hoặc thư mục người dùng)"


class VersionAction(argparse.Action):
    """`--version`: the version is read (from the installed metadata) only when asked for."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from desktop import __version__

        sys.stdout.write(f"isodesk {__version__}\n")
        sys.stdout.flush()
        parser.exit()


def build_parser(modules: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or of those of `modules` only (names of
    COMMAND_MODULES)."""
    from .parser import VERSION_TEXT, Parser
    from .roles import add_account_options

    parser = Parser(prog="isodesk", description="ISO Desk — hồ sơ ISO 9001 của đơn vị BHXH.")
    parser.add_argument("--data-dir", type=Path, default=None, metavar="DIR", help=DATA_DIR_HELP)
    parser.add_argument("--version", action=VersionAction, help=VERSION_TEXT)
    parser.add_argument("--selftest", action="store_true",
                        help="kiểm tra nhanh cơ sở dữ liệu và PDF rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=Parser)
    for name, load in COMMAND_MODULES.items():
        if modules is None or name in modules:
            load().register(sub)
    _data_dir_after_commands(parser)
    add_account_options(parser)
    return parser


def _data_dir_after_commands(parser: argparse.ArgumentParser) -> None:
    """`--data-dir` is also taken after the subcommand (`isodesk demo --data-dir X`), as people
    type it; given in both places, the later one counts."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    _data_dir_after_commands(sub)
                else:
                    sub.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                                     metavar="DIR", help=DATA_DIR_HELP)


def command_named(argv: list[str]) -> str | None:
    """The subcommand on the command line: the first word that is neither an option before it
    nor the value of `--data-dir` (also as an abbreviation argparse accepts, `--data D`)."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word.startswith("--") and "=" not in word and len(word) > 2 \
                and "--data-dir".startswith(word):
            next(words, None)
        elif not word.startswith("-") or word == "-":
            return word
    return None


def parser_for(argv: list[str]) -> argparse.ArgumentParser:
    """A parser that knows the subcommand named in `argv` (all of them for `--help`, for a
    word that is no subcommand, and for the GUI's wrong options, so that the messages list the
    choices)."""
    command = command_named(argv)
    if command in COMMANDS:
        return build_parser([COMMANDS[command]])
    if command is None and not any(w == "-h" or len(w) > 2 and "--help".startswith(w)
                                   for w in argv):
        return build_parser([])
    return build_parser()


def sign_checkpoint(store, payload: bytes):
    """The audit checkpoints of this process are signed with the unit's key (`sync.anchor`),
    imported at the first signature: a command that signs nothing never loads the crypto
    library, and the GUI's start loads it after the sign-in."""
    from sync.anchor import sign_checkpoint

    return sign_checkpoint(store, payload)


def gui_start(argv: list[str]) -> tuple[bool, Path | None]:
    """(True, the `--data-dir` given or None) when `argv` starts the windows and says nothing
    else — no word, or `--data-dir DIR` / `--data-dir=DIR` alone, as the shortcuts and the
    installer start it —, so that the start builds no parser; (False, None) for anything else,
    which the parser reads (its errors and help included)."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir":
        value = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--data-dir="):
        value = argv[0][len("--data-dir="):]
    else:
        return False, None
    if not value or value.startswith("-"):   # (argparse says what is wrong with it)
        return False, None
    return True, Path(value)


def _collection_back_on() -> None:
    """Automatic cycle collection on again for a command, when the program's start turned it
    off (desktop/__main__.py) — and only then: a process whose windows' collector turned it off
    (desktop/views/collector.py) keeps it off."""
    import desktop

    if getattr(desktop, "collection_held", False):
        desktop.collection_held = False
        gc.enable()


def _open_early(folder: Path):
    """The data file's opening begun on its own thread before the windows load Qt
    (`datafile.Opening`), when there is a file to open (a new office's start shows its splash
    and makes the file instead). Logging is set up first: the opening writes to the log."""
    from desktop.models.db import DB_FILENAME

    path = Path(folder) / DB_FILENAME
    if not path.is_file():
        return None
    from desktop.logs import setup_logging
    from desktop.models.datafile import Opening

    try:
        setup_logging(folder)
    except OSError:   # (the windows' start says what is wrong with the folder)
        return None
    return Opening(path)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    anchors.use_signer(sign_checkpoint)
    gui, data_dir = gui_start(argv)
    if gui:
        from desktop.paths import default_data_dir

        folder = data_dir if data_dir is not None else default_data_dir()
        opening = _open_early(folder)
        from desktop.app import run_gui

        return run_gui(folder, opening=opening)
    _collection_back_on()
    from .context import CliContext, CliError, emit, sign_in
    from .roles import rule_for

    parser = parser_for(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    ctx = CliContext(data_dir=args.data_dir, json=getattr(args, "json", False))
    if args.selftest:
        from .selftest import run_selftest

        return run_selftest()
    if not args.command:
        from desktop.app import run_gui

        return run_gui(ctx.resolve_data_dir())
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.parse_args([args.command, "--help"])
        return 2
    try:
        ctx.rule = rule_for(args.command_path, args)
        if ctx.rule.kind == "account":
            sign_in(ctx, args)
        return int(handler(args, ctx) or 0)
    except CliError as exc:
        sys.stderr.write(f"isodesk: {exc}\n")
        if exc.payload is not None and ctx.json:
            emit(ctx, exc.payload)
        return exc.code
    except IsoDeskError as exc:
        sys.stderr.write(f"isodesk: {exc.message}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("isodesk: đã dừng theo yêu cầu.\n")
        return 1
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            return _unexpected(args, exc)
        sys.stderr.write("isodesk: tệp dữ liệu đang bận (một chương trình ISO Desk khác đang ghi "
                         "vào đó) nên lệnh không làm được; không có thay đổi nào dở dang được "
                         "lưu. Hãy chạy lại lệnh sau ít phút.\n")
        return 1
    except sqlite3.DatabaseError as exc:   # a damaged page met while reading
        if "malformed" not in str(exc) and "not a database" not in str(exc):
            return _unexpected(args, exc)
        from .context import RESTORE_HINT
        sys.stderr.write(f"isodesk: tệp dữ liệu bị hỏng ({exc}) nên lệnh không làm được. Hãy "
                         f"chạy `isodesk db check` để xem chỗ hỏng.{RESTORE_HINT}\n")
        return 1
    except Exception as exc:  # never a bare traceback for the user; details in the log
        return _unexpected(args, exc)
    finally:
        ctx.close()


def _unexpected(args, exc: Exception) -> int:
    logging.getLogger("isodesk.cli").exception("unexpected error in %s", args.command)
    sys.stderr.write(f"isodesk: lỗi ngoài dự kiến ({exc.__class__.__name__}: {exc}). "
                     "Không có thay đổi nào dở dang được lưu. Hãy gửi thông báo này cho người "
                     "quản trị.\n")
    if os.environ.get("ISODESK_DEBUG"):
        raise exc
    return 1


def _data_dir_argument(argv: list[str]) -> Path | None:
    """`--data-dir` as typed, read before parsing (the console log goes in its logs/)."""
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            return Path(argv[i + 1]) / "logs"
        if arg.startswith("--data-dir="):
            return Path(arg.split("=", 1)[1]) / "logs"
    return None


def entry(argv: list[str] | None = None, *, notify=None) -> int:
    """The program's start (`isodesk`, `isodesk.exe`, `python -m desktop`): the standard
    streams made safe first (UTF-8; a log file in the windowed program, which has none), then
    `main`. When the windowed program refuses its arguments (a mistyped shortcut, a file dropped
    on it), a message box says so instead of nothing at all."""
    from desktop.console import prepare_streams, windowed_output

    argv = list(sys.argv[1:] if argv is None else argv)
    log = prepare_streams(_data_dir_argument(argv))
    code = main(argv)
    # (a failure the GUI already showed, such as a damaged data file, wrote nothing there)
    said = code == 2 or (code != 0 and windowed_output() > 0)
    if log is not None and said and "--selftest" not in argv:
        (notify or _windowed_notice)(argv, code, log)
    return code


def _windowed_notice(argv: list[str], code: int, log: Path) -> None:
    from desktop.win32 import messagebox

    first = argv[0] if argv else ""
    if first and not first.startswith("-") and Path(first).exists():
        text = (f"ISO Desk không mở tệp được thả vào biểu tượng chương trình ({Path(first).name})."
                " Hãy mở ISO Desk rồi chọn tệp trong chương trình (nút Nhập… hoặc Mở…).")
    elif code == 2:
        text = ("ISO Desk không hiểu lệnh khởi động: " + " ".join(argv) + ". Hãy mở ISO Desk "
                "bằng biểu tượng trên màn hình, hoặc dùng isodesk-cli.exe cho dòng lệnh.")
    else:
        text = "ISO Desk dừng lại vì có lỗi."
    messagebox.show("ISO Desk", f"{text}\n\nChi tiết: {log}")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(entry())
