"""The argument parser of `isodesk`, in Vietnamese: argparse's own words (the usage line, the
section titles, the help option, the usage errors) as well as ours.

argparse writes its words through gettext with no Vietnamese catalogue; rather than change
argparse for the whole process, this parser sets its own titles and help option and rewords
the errors it reports (an error it does not recognise is shown as argparse wrote it).
"""
from __future__ import annotations

import argparse
import re
import sys

USAGE_PREFIX = "Cách dùng: "
HELP_TEXT = "hiện hướng dẫn này rồi thoát"
VERSION_TEXT = "hiện số phiên bản rồi thoát"

# (argparse's message, as a regular expression) → Vietnamese; the groups carry over. Compiled
# when a message is first reworded (every start, the GUI's too, imports this module).
_ERRORS: list[tuple[str, str]] = [
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.*)", r"tham số không nhận ra: \1"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số: \1"),
    (r"ambiguous option: (\S+) could match (.*)",
     r"tùy chọn \1 chưa rõ, có thể là: \2 (hãy gõ đủ tên)"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.*)\)",
     r"tham số \1: giá trị \2 không hợp lệ (chọn một trong: \3)"),
    (r"argument (.+?): invalid int value: (.*)", r"tham số \1: \2 không phải số nguyên"),
    (r"argument (.+?): invalid float value: (.*)", r"tham số \1: \2 không phải số"),
    (r"argument (.+?): invalid (\S+) value: (.*)", r"tham số \1: giá trị \3 không hợp lệ"),
    (r"argument (.+?): expected one argument", r"tham số \1: cần một giá trị"),
    (r"argument (.+?): expected at least one argument", r"tham số \1: cần ít nhất một giá trị"),
    (r"argument (.+?): expected (\d+) arguments?", r"tham số \1: cần \2 giá trị"),
    (r"argument (.+?): not allowed with argument (.*)",
     r"tham số \1 không dùng cùng với \2"),
    (r"argument (.+?): ignored explicit argument (.*)", r"tham số \1 không nhận giá trị \2"),
    (r"argument (.+?): (.*)", r"tham số \1: \2"),
]


def translate_error(message: str) -> str:
    """argparse's error `message` in Vietnamese (unchanged when it is not one it knows)."""
    for text, replacement in _ERRORS:
        pattern = re.compile(text, re.S)   # (re keeps the compiled patterns)
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message, count=1)
    return message


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose every visible word is Vietnamese; sub-commands made by
    `add_subparsers` are of the same class."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=HELP_TEXT)

    def error(self, message: str):  # usage errors: exit 2 with a Vietnamese hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: lỗi cú pháp lệnh: {translate_error(message)}\n"
                         "Gõ `isodesk --help` (hoặc thêm `--help` sau lệnh) để xem cách "
                         "dùng.\n")
        raise SystemExit(2)
