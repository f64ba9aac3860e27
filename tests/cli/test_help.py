"""Every argument of every `isodesk` command explains itself in `--help`."""
import argparse

from desktop.cli import build_parser
from desktop.cli.docs import _subparsers


def _arguments(parser, prefix):
    """(command, action) of every argument of `parser` and of every command under it."""
    for action in parser._actions:
        if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            yield prefix, action
    for name, sub, _ in _subparsers(parser):
        yield from _arguments(sub, f"{prefix} {name}")


def _name(action) -> str:
    return "/".join(action.option_strings) or action.dest


def test_every_argument_has_a_help_text():
    missing = [f"{command}: {_name(a)}" for command, a in _arguments(build_parser(), "isodesk")
               if not (a.help or "").strip()]
    assert not missing, "arguments without help=:\n  " + "\n  ".join(missing)


def test_help_texts_follow_the_house_style():
    """A short line in lowercase, without a final period (like argparse's own)."""
    wrong = [f"{command}: {_name(a)}: {a.help!r}"
             for command, a in _arguments(build_parser(), "isodesk")
             if a.help and a.help is not argparse.SUPPRESS
             and (a.help.rstrip().endswith(".") or a.help[:1].isupper())]
    assert not wrong, "help texts to fix:\n  " + "\n  ".join(wrong)


def test_each_subcommand_is_found_in_the_module_that_adds_it():
    """`COMMANDS` (which module to import for a subcommand) says what `register` does."""
    from desktop.cli import COMMAND_MODULES, COMMANDS

    found = {}
    for module in COMMAND_MODULES:
        for action in build_parser([module])._actions:
            if isinstance(action, argparse._SubParsersAction):
                found.update({name: module for name in action.choices})
    assert found == COMMANDS


def test_the_subcommand_is_found_after_the_global_options():
    from desktop.cli import command_named

    assert command_named([]) is None
    assert command_named(["--data-dir", "quiz"]) is None          # a folder named quiz
    assert command_named(["--data-dir", "D", "quiz", "stats"]) == "quiz"
    assert command_named(["--data", "D", "staff"]) == "staff"     # argparse's abbreviation
    assert command_named(["--data-dir=D", "sync", "export"]) == "sync"
    assert command_named(["--selftest"]) is None
