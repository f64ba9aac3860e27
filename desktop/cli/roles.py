"""Who may run which command: the command line asks for an account as the program's windows do.

Every leaf command has one rule here:
- a permission of `users.PERMISSIONS` (the one the GUI asks for the same work): the command takes
  `--user NAME --password-stdin`, the password is the first line of stdin, it is checked with
  the lockout (`users.authenticate`), the role must hold the permission, and the account is
  written to the audit log as the one who acted;
- READ: reads only; it runs without an account and its connection is opened read-only
  (`PRAGMA query_only`), so that a command thought to be read-only can never write (but for
  the program's own upkeep that the windows do on first use too, `CliContext.upkeep`: the
  shipped question bank);
- SETUP: `init` on a folder with no unit yet (it creates the first administrator), and `demo`
  (its own demo folder);
- SELF: the command checks its own account (`minutes sign`: the signer's password and role;
  `db restore`: an administrator of the backup restored);
- PREVIEW: a dry run (`--dry-run`): no account; it may write inside a transaction that it always
  rolls back, to show what an import would do;
- LOCAL: `db backup`: no account (whoever can read the folder can copy the file); it writes only
  this installation's bookkeeping (the backup and a checkpoint of the audit chain).

A command that writes data also gets a backup first (at most one an hour, `datafile.backup_if_due`).
A test fails when a command has no rule.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Callable

READ, SETUP, SELF, PREVIEW, LOCAL = "read", "setup", "self", "preview", "local"


def _dry_run(args: argparse.Namespace) -> str | None:
    return PREVIEW if getattr(args, "dry_run", False) else None


# path → rule, or (permission, f(arguments) → the rule instead of the permission, or None)
RULES: dict[str, str | tuple[str, Callable[[argparse.Namespace], str | None]]] = {
    "init": SETUP,
    "user add": "manage_users",
    "user list": READ,
    "db check": READ,
    "db backup": LOCAL,
    "db restore": SELF,
    "demo": SETUP,
    "staff import": ("edit_staff", _dry_run),
    "staff exempt": "edit_staff",
    "staff list": READ, "staff export": READ, "staff template": READ,
    "minutes create": "write_minutes",
    "minutes update": "write_minutes",
    "minutes sign": SELF,
    "minutes verify": READ, "minutes pdf": READ, "minutes list": READ, "minutes show": READ,
    "minutes export": READ, "minutes templates": READ,
    "district add": "sync",
    "district list": READ,
    "district accept-key": "settings",
    "province-profile export": "sync",
    "enroll": "settings",
    "sync export": "sync",
    "sync import": ("sync", _dry_run),
    "sync accept-gap": "sync",
    "sync ack": "sync",
    "sync ack-import": "sync",
    "sync status": READ, "sync outbox": READ,
    "team list": READ, "team export": READ,
    "team add": "edit_records", "team remove": "edit_records", "team decision": "edit_records",
    "documents list": READ, "documents export": READ, "documents template": READ,
    "documents history": READ,
    "documents import": ("edit_records", _dry_run),
    "documents add": "edit_records", "documents advance": "edit_records",
    "documents new-version": "edit_records", "documents attach": "edit_records",
    "policy list": READ, "policy add": "edit_records",
    "plan list": READ,
    "plan load": "edit_records", "plan publish": "edit_records", "plan add": "edit_records",
    "plan update": "edit_records", "plan link": "edit_records",
    "audit list": READ,
    "audit programme": "edit_records", "audit add": "edit_records",
    "audit finding": "edit_records",
    "nc list": READ, "nc show": READ,
    "nc add": "edit_records", "nc plan": "edit_records", "nc start": "edit_records",
    "nc verify": "edit_records", "nc close": "edit_records", "nc advance": "edit_records",
    "review list": READ, "review add": "edit_records",
    "report annual": READ, "report figures": READ,
    "report deadline": ("settings", lambda a: None if a.set else READ),
    "training list": READ, "training show": READ,
    "training create": "manage_quiz", "training attend": "manage_quiz",
    "training set-pin": "manage_quiz", "training retake": "manage_quiz",
    "training close": "manage_quiz", "training reopen": "manage_quiz",
    "quiz import": ("manage_quiz", _dry_run),
    "quiz export": READ, "quiz template": READ, "quiz bank": READ,
    "quiz load-default": "manage_quiz",
    "quiz paper": "manage_quiz",
    "quiz enter-answers": ("manage_quiz", _dry_run),
    "quiz stats": READ, "quiz results": READ, "quiz coverage": READ,
    "quiz kiosk-setup": "manage_quiz",
    "quiz kiosk-open": "run_kiosk",
    "quiz results-export": "run_kiosk",
    "quiz results-import": "manage_quiz",
    "quiz serve": "run_kiosk",
}

USER_HELP = ("tài khoản làm lệnh này (cần quyền: {permission}); mật khẩu đọc từ dòng đầu của "
             "đầu vào chuẩn (--password-stdin)")
PASSWORD_HELP = "đọc mật khẩu của --user từ dòng đầu của đầu vào chuẩn (stdin); bắt buộc"
PERMISSION_VI = {
    "manage_users": "quản trị", "settings": "quản trị", "edit_staff": "quản trị, Tổ ISO",
    "edit_records": "quản trị, Tổ ISO", "manage_quiz": "quản trị, Tổ ISO, chuyên gia tư vấn",
    "run_kiosk": "mọi vai trò", "write_minutes": "quản trị, Tổ ISO, chuyên gia tư vấn",
    "sync": "quản trị, Tổ ISO",
}


@dataclass(frozen=True)
class Rule:
    path: str
    kind: str                     # READ, SETUP, SELF, PREVIEW, LOCAL, or "account"
    permission: str | None = None

    @property
    def writes(self) -> bool:
        """Whether the command changes data (and gets a backup first)."""
        return self.kind not in (READ, PREVIEW, LOCAL)


def rule_for(path: str, args: argparse.Namespace | None = None) -> Rule:
    """The rule of command `path` ("minutes create") for these arguments."""
    rule = RULES[path]
    if isinstance(rule, tuple):
        permission, instead = rule
        other = instead(args) if args is not None else None
        if other is not None:
            return Rule(path, other)
        rule = permission
    if rule in (READ, SETUP, SELF, PREVIEW, LOCAL):
        return Rule(path, rule)
    return Rule(path, "account", rule)


def leaves(parser: argparse.ArgumentParser, prefix: str = ""):
    """(path, parser) of every command that does work."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in dict(action.choices).items():
                path = f"{prefix} {name}".strip()
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    yield from leaves(sub, path)
                else:
                    yield path, sub


def add_account_options(parser: argparse.ArgumentParser) -> None:
    """Give every command its path, and `--user` / `--password-stdin` where an account is
    needed (a command that already reads a password keeps its own `--password-stdin`)."""
    for path, sub in leaves(parser):
        sub.set_defaults(command_path=path)
        rule = RULES.get(path)
        if rule is None:
            continue
        permission = rule[0] if isinstance(rule, tuple) else rule
        if permission in (READ, SETUP, SELF, PREVIEW, LOCAL):
            continue
        options = {o for a in sub._actions for o in a.option_strings}
        text = USER_HELP.replace("{permission}", PERMISSION_VI.get(permission, permission))
        if isinstance(rule, tuple):
            text += ("; không cần khi chỉ xem" if path == "report deadline" else
                     "; không cần với --dry-run")
        sub.add_argument("--user", metavar="NAME", help=text)
        if "--password-stdin" not in options:
            sub.add_argument("--password-stdin", action="store_true", help=PASSWORD_HELP)
