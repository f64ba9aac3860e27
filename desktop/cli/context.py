"""What every subcommand shares: the data folder, the open store, JSON output, errors."""
from __future__ import annotations

import contextlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.models.datafile import backup_if_due, open_store
from desktop.models.db import DB_FILENAME, Store
from desktop.models.errors import DatabaseDamaged, IsoDeskError, ValidationError


class CliError(Exception):
    def __init__(self, message: str, code: int = 1, payload: dict | None = None):
        super().__init__(message)
        self.code = code
        self.payload = payload


def add_json_flag(p) -> None:
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def emit(ctx: "CliContext", payload: dict, text: str | None = None) -> None:
    """Print the result: JSON with --json, else the human text (or the JSON, indented)."""
    if ctx.json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
    else:
        sys.stdout.write((text if text is not None else
                          json.dumps(payload, ensure_ascii=False, indent=2, default=str)) + "\n")
    sys.stdout.flush()


def notice(text: str) -> None:
    """A warning that does not stop the command, on stderr (stdout stays the result)."""
    sys.stderr.write(f"isodesk: {text}\n")
    sys.stderr.flush()


def check_out_dir(path: Path) -> Path:
    """Refuse to write into a folder that does not exist (a mistyped path must not create one)."""
    folder = Path(path).expanduser().parent
    if not folder.is_dir():
        raise CliError(f"Thư mục {folder} không tồn tại. Hãy tạo thư mục trước hoặc chọn thư "
                       "mục khác.")
    return Path(path)


def read_password_stdin() -> str:
    data = sys.stdin.readline()
    if not data:
        raise CliError("Không nhận được mật khẩu trên stdin (--password-stdin).", 2)
    return data.rstrip("\r\n")


RESTORE_HINT = (" Để khôi phục bản sao lưu gần nhất: `isodesk db restore --user <tài khoản quản "
                "trị> --password-stdin` (hoặc mở giao diện chính của ISO Desk).")


@dataclass
class CliContext:
    data_dir: Path | None = None
    json: bool = False
    rule: object | None = None      # roles.Rule of the command being run
    user: object | None = None      # users.User who signed in for it
    _store: Store | None = field(default=None, repr=False)

    def resolve_data_dir(self) -> Path:
        from desktop.paths import default_data_dir

        return Path(self.data_dir) if self.data_dir else default_data_dir()

    @property
    def db_path(self) -> Path:
        return self.resolve_data_dir() / DB_FILENAME

    def store(self, *, require_unit: bool = True, actor: str | None = None) -> Store:
        if self._store is None:
            from desktop.models.startcheck import missing_data

            missing = missing_data(self.db_path)
            if missing is not None:
                raise CliError(missing.message + (RESTORE_HINT if missing.backup else ""))
            if require_unit and not self.db_path.exists():
                raise CliError(f"Chưa có dữ liệu ở {self.resolve_data_dir()}. Hãy chạy "
                               "`isodesk init ...` trước (hoặc chọn --data-dir).")
            reading = self.rule is not None and not self.rule.writes and self.rule.kind == "read"
            try:
                self._store = open_store(self.db_path, actor=actor or _os_actor(),
                                         reading=reading)
            except DatabaseDamaged as exc:
                hint = RESTORE_HINT if exc.backup is not None else ""
                raise CliError(exc.message + hint) from exc
            if require_unit and not self._store.unit_code:
                raise CliError("Chưa khai báo đơn vị. Hãy chạy `isodesk init ...` trước.")
            if reading:
                self._store.execute("PRAGMA query_only = 1")  # a reading command never writes
            elif self.rule is not None and self.rule.writes and self._store.unit_code:
                backup_if_due(self._store, "cli")
        elif actor:
            self._store.actor = actor
        return self._store

    @contextlib.contextmanager
    def upkeep(self):
        """The program's own upkeep that any use does, as in the windows (the shipped question
        bank put in or brought up to date on first use): allowed to write, as "system", even
        during a reading command, whose connection is read-only again afterwards."""
        store = self.store()
        actor = store.actor
        store.execute("PRAGMA query_only = 0")
        store.actor = "system"
        try:
            yield store
        finally:
            store.actor = actor
            if self.rule is not None and self.rule.kind == "read":
                store.execute("PRAGMA query_only = 1")

    def close(self) -> None:
        if self._store is not None:
            self._store.close(clean=False)
            self._store = None


def sign_in(ctx: CliContext, args) -> None:
    """A command that changes data: check `--user`'s password (first line of stdin, counted
    toward the lockout) and role, and act as that account."""
    from desktop.models import audit, users

    from .roles import PERMISSION_VI

    rule = ctx.rule
    needed = PERMISSION_VI.get(rule.permission, rule.permission)
    if not getattr(args, "user", None) or not getattr(args, "password_stdin", False):
        raise CliError(f"Lệnh `isodesk {rule.path}` thay đổi dữ liệu nên cần tài khoản (quyền: "
                       f"{needed}): thêm --user TÊN_ĐĂNG_NHẬP --password-stdin và đưa mật khẩu "
                       "vào dòng đầu của đầu vào chuẩn.", 2)
    password = read_password_stdin()
    store = ctx.store()
    try:
        user = users.authenticate(store, args.user, password, purpose="cli_login")
    except users.AuthError as exc:
        raise CliError(exc.message) from exc
    if not user.can(rule.permission):
        audit.append(store, "cli_refused", table="users", record_id=user.id,
                     new={"username": user.username, "command": rule.path,
                          "permission": rule.permission}, actor=user.username)
        raise CliError(f"Tài khoản {user.username} ({user.role_label}) không có quyền làm lệnh "
                       f"`isodesk {rule.path}` (cần vai trò: {needed}).")
    store.actor = user.username
    ctx.user = user


def _os_actor() -> str:
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


def fail_on(exc: IsoDeskError) -> CliError:
    """Turn a domain error into exit 1 with each field's message."""
    if isinstance(exc, ValidationError) and len(exc.errors) > 1:
        lines = [f"{k}: {v}" if k else v for k, v in exc.errors.items()]
        return CliError("Dữ liệu không hợp lệ:\n  " + "\n  ".join(lines))
    return CliError(exc.message)
