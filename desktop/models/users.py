"""Users, roles, passwords with lockout, and each user's signing key."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import audit, passwords, records
from .db import Store, now_iso
from .errors import IsoDeskError, NotFound, PermissionDenied, ValidationError
from .vntext import clean

ROLES = ("admin", "iso_team", "consultant", "proctor")
ROLE_LABELS_VI = {
    "admin": "Quản trị",
    "iso_team": "Tổ triển khai ISO",
    "consultant": "Chuyên gia tư vấn",
    "proctor": "Giám sát kiểm tra",
}
MAX_FAILED = 5
LOCK_MINUTES = 5
MIN_PASSWORD = 8

PERMISSIONS: dict[str, tuple[str, ...]] = {
    "manage_users": ("admin",),
    "settings": ("admin",),
    "edit_staff": ("admin", "iso_team"),
    "edit_records": ("admin", "iso_team"),
    "manage_quiz": ("admin", "iso_team", "consultant"),
    "run_kiosk": ("admin", "iso_team", "consultant", "proctor"),
    "write_minutes": ("admin", "iso_team", "consultant"),
    "sync": ("admin", "iso_team"),
}

_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{3,32}$")


class AuthError(IsoDeskError):
    def __init__(self, message: str, *, locked: bool = False, remaining: int | None = None):
        super().__init__(message)
        self.locked = locked
        self.remaining = remaining


@dataclass(frozen=True)
class User:
    id: str
    username: str
    full_name: str
    position: str
    role: str
    active: bool
    locked_until: str | None = None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS_VI.get(self.role, self.role)

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS.get(permission, ())


def _user(row: dict) -> User:
    return User(row["id"], row["username"], row["full_name"], row["position"], row["role"],
                bool(row["active"]), row["locked_until"])


def require_permission(user: User | None, permission: str) -> None:
    if user is not None and not user.can(permission):
        raise PermissionDenied(
            f"Tài khoản {user.username} ({user.role_label}) không có quyền làm việc này.")


def validate_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError({"password": f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."})
    if password.strip() != password:
        raise ValidationError({"password": "Mật khẩu không được bắt đầu hay kết thúc bằng dấu cách."})


def list_users(store: Store, include_inactive: bool = True) -> list[User]:
    sql = "SELECT * FROM users" + ("" if include_inactive else " WHERE active = 1")
    return [_user(r) for r in store.query(sql + " ORDER BY username")]


def get_user(store: Store, user_id: str) -> User:
    row = store.query_one("SELECT * FROM users WHERE id = ?", (user_id,))
    if row is None:
        raise NotFound("Không tìm thấy tài khoản.")
    return _user(row)


def find_user(store: Store, username: str) -> User | None:
    row = store.query_one("SELECT * FROM users WHERE username = ?", (clean(username) or "",))
    return _user(row) if row else None


def count_users(store: Store) -> int:
    return store.scalar("SELECT count(*) FROM users") or 0


def create_user(store: Store, username: str, full_name: str, role: str, password: str, *,
                position: str = "") -> User:
    errors: dict[str, str] = {}
    username = clean(username) or ""
    if not _USERNAME_RE.fullmatch(username):
        errors["username"] = ("Tên đăng nhập gồm 3–32 ký tự không dấu: chữ, số, dấu chấm, "
                              "gạch dưới hoặc gạch ngang.")
    elif find_user(store, username):
        errors["username"] = f"Tên đăng nhập {username} đã có. Hãy chọn tên khác."
    full_name = clean(full_name) or ""
    if not full_name:
        errors["full_name"] = "Hãy nhập họ và tên đầy đủ."
    if role not in ROLES:
        errors["role"] = "Vai trò phải là một trong: " + ", ".join(ROLES) + "."
    try:
        validate_password(password)
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    now = now_iso()
    uid = records.new_id()
    pw_hash = passwords.hash_password(password)
    with store.atomic() as conn:
        conn.execute(
            "INSERT INTO users (id, username, full_name, position, role, password_hash, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            (uid, username, full_name, clean(position) or "", role, pw_hash, now, now),
        )
        audit.append(store, "user_create", table="users", record_id=uid,
                     new={"username": username, "full_name": full_name, "role": role})
        _new_key(store, uid, username, full_name, password)
    return get_user(store, uid)


def _new_key(store: Store, user_id: str, username: str, full_name: str, password: str) -> str:
    from . import crypto  # the keys' library is loaded when a key is made or used

    key = crypto.new_signing_key()
    pub = crypto.public_key_b64(key)
    with store.atomic() as conn:
        conn.execute("UPDATE user_keys SET retired_at = ? WHERE user_id = ? AND retired_at IS NULL",
                     (now_iso(), user_id))
        row = records.insert(store, "user_keys", {
            "user_id": user_id, "username": username, "full_name": full_name,
            "public_key": pub, "fingerprint": crypto.fingerprint(pub),
        })
        conn.execute("INSERT INTO user_secrets (key_id, user_id, encrypted_private_key) "
                     "VALUES (?,?,?)", (row["id"], user_id, crypto.encrypt_private_key(key, password)))
    return row["id"]


def authenticate(store: Store, username: str, password: str, *, purpose: str = "login") -> User:
    """Check a password; 5 wrong in a row lock the account for 5 minutes. Every refusal is logged.

    Each attempt is counted before its password is checked, in the write transaction (BEGIN
    IMMEDIATE) that also checks the lock: guesses made at the same moment from several processes
    are counted one after another, the fifth sets the lock, and every later one is refused without
    a password check. An attempt whose password turns out right clears the count (and the lock
    its own count set). The slow password hash runs between the two short transactions, so that
    no process holds the database while it computes.

    The three steps are also used one by one (`begin_attempt`, `Attempt.check`,
    `finish_attempt`): the sign-in runs the hash on a thread of its own while the main window is
    made, and shows that window only once `finish_attempt` has returned the user.
    """
    attempt = begin_attempt(store, username, purpose=purpose)
    return finish_attempt(store, attempt, attempt.check(password))


@dataclass(frozen=True)
class Attempt:
    """A sign-in counted (as failed until its password is found right) and not yet finished.

    `user` is the account the attempt is for: for making what is shown once the password is
    found right, never for showing anything before that."""

    user: User
    number: int
    purpose: str
    _password_hash: str = field(repr=False)

    def check(self, password: str, deriver: passwords.Deriver | None = None) -> bool:
        """The slow, memory-hard password check (scrypt). No database access: it may run on
        any thread (hashlib releases Python's lock while it computes). With a `deriver` the
        key is the one it made while the password was typed, if it made that very text's with
        the salt and parameters stored now (read with this attempt, once counted)."""
        return passwords.check_password(password, self._password_hash,
                                        deriver.derive if deriver is not None else None)


def password_recipe(store: Store, username: str) -> passwords.Recipe | None:
    """The salt and parameters of an active account's stored password hash (None for an unknown
    or inactive account), for deriving the key of a password while it is typed. Counts no
    attempt and gives nothing to compare with: the check comes only with `begin_attempt`."""
    row = store.query_one("SELECT password_hash FROM users WHERE username = ? AND active = 1",
                          (clean(username) or "",))
    return passwords.recipe(row["password_hash"]) if row else None


def begin_attempt(store: Store, username: str, *, purpose: str = "login") -> Attempt:
    """The first step of `authenticate`: an unknown, inactive or locked account is refused
    (AuthError, logged); otherwise the attempt is counted, and locks the account at the fifth."""
    generic = "Sai tên đăng nhập hoặc mật khẩu."
    name = clean(username) or ""
    with store.atomic() as conn:
        row = store.query_one("SELECT * FROM users WHERE username = ?", (name,))
        if row is None or not row["active"]:
            audit.append(store, f"{purpose}_failed", table="users", record_id=None,
                         new={"username": username, "reason": "unknown or inactive user"})
            refusal = AuthError(generic + " Hãy kiểm tra lại (chú ý chữ hoa, chữ thường và bộ "
                                          "gõ tiếng Việt).")
        else:
            refusal, number = _count_attempt(store, conn, row, purpose)
    if refusal is not None:
        raise refusal
    return Attempt(_user(row), number, purpose, row["password_hash"])


def finish_attempt(store: Store, attempt: Attempt, right: bool) -> User:
    """The last step of `authenticate`: a right password clears the count and returns the user
    (as stored now); a wrong one is logged and refused (AuthError, saying how many tries are
    left, or that the account is locked)."""
    user_id, username, purpose = attempt.user.id, attempt.user.username, attempt.purpose
    with store.atomic() as conn:
        if right:
            conn.execute("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                         (user_id,))
            audit.append(store, purpose, table="users", record_id=user_id,
                         new={"username": username}, actor=username)
        else:
            audit.append(store, f"{purpose}_failed", table="users", record_id=user_id,
                         new={"username": username, "attempt": attempt.number})
    if right:
        return get_user(store, user_id)
    if attempt.number >= MAX_FAILED:
        raise AuthError(f"Nhập sai mật khẩu {MAX_FAILED} lần: tài khoản {username} bị "
                        f"khóa {LOCK_MINUTES} phút.", locked=True, remaining=0)
    left = MAX_FAILED - attempt.number
    raise AuthError(f"Sai tên đăng nhập hoặc mật khẩu. Còn {left} lần thử trước khi tài khoản "
                    f"bị khóa {LOCK_MINUTES} phút.", remaining=left)


def _count_attempt(store: Store, conn, row: dict, purpose: str) -> tuple[AuthError | None, int]:
    """Inside the transaction of `authenticate`: refuse a locked account, else count this
    attempt as failed (until its password is found right) and lock at the fifth.
    Returns (the refusal to raise after the commit, or None; the attempt's number)."""
    now = _dt.datetime.now().astimezone()
    if row["locked_until"] and _dt.datetime.fromisoformat(row["locked_until"]) > now:
        until = _dt.datetime.fromisoformat(row["locked_until"]).astimezone()
        audit.append(store, f"{purpose}_refused_locked", table="users", record_id=row["id"],
                     new={"username": row["username"]})
        return AuthError(f"Tài khoản {row['username']} đang bị khóa tạm thời đến "
                         f"{until:%H:%M:%S} vì nhập sai mật khẩu {MAX_FAILED} lần. "
                         "Hãy thử lại sau, hoặc nhờ quản trị mở khóa.", locked=True), 0
    attempt = row["failed_attempts"] + 1
    if attempt >= MAX_FAILED:
        until = (now + _dt.timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds")
        conn.execute("UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?",
                     (until, row["id"]))
    else:
        conn.execute("UPDATE users SET failed_attempts = ? WHERE id = ?", (attempt, row["id"]))
    return None, attempt


def change_own_password(store: Store, user_id: str, old_password: str, new_password: str) -> None:
    from . import crypto  # the keys' library is loaded when a key is made or used

    user = get_user(store, user_id)
    authenticate(store, user.username, old_password, purpose="password_check")
    validate_password(new_password)
    with store.atomic() as conn:
        conn.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                     (passwords.hash_password(new_password), now_iso(), user_id))
        for key_id, blob in conn.execute(
            "SELECT s.key_id, s.encrypted_private_key FROM user_secrets s JOIN user_keys k "
            "ON k.id = s.key_id WHERE s.user_id = ? AND k.retired_at IS NULL", (user_id,)
        ).fetchall():
            key = crypto.decrypt_private_key(blob, old_password)
            conn.execute("UPDATE user_secrets SET encrypted_private_key = ? WHERE key_id = ?",
                         (crypto.encrypt_private_key(key, new_password), key_id))
        audit.append(store, "password_change", table="users", record_id=user_id)


def reset_password(store: Store, admin: User | None, user_id: str, new_password: str) -> None:
    """The admin sets a new password. The old private key can't be unlocked without the old
    password, so the user gets a new key; the old public key stays to verify old signatures."""
    require_permission(admin, "manage_users")
    validate_password(new_password)
    user = get_user(store, user_id)
    with store.atomic() as conn:
        conn.execute("UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
                     "updated_at = ? WHERE id = ?",
                     (passwords.hash_password(new_password), now_iso(), user_id))
        audit.append(store, "password_reset", table="users", record_id=user_id,
                     new={"by": admin.username if admin else store.actor})
        _new_key(store, user_id, user.username, user.full_name, new_password)


def unlock(store: Store, admin: User | None, user_id: str) -> None:
    require_permission(admin, "manage_users")
    with store.atomic() as conn:
        conn.execute("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                     (user_id,))
        audit.append(store, "user_unlock", table="users", record_id=user_id)


def set_active(store: Store, admin: User | None, user_id: str, active: bool) -> None:
    require_permission(admin, "manage_users")
    if not active and admin is not None and admin.id == user_id:
        raise ValidationError("Không thể tự khóa tài khoản của chính mình.")
    with store.atomic() as conn:
        if not active:
            admins = store.scalar("SELECT count(*) FROM users WHERE role='admin' AND active=1 "
                                  "AND id != ?", (user_id,))
            if get_user(store, user_id).role == "admin" and not admins:
                raise ValidationError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.")
        conn.execute("UPDATE users SET active = ?, updated_at = ? WHERE id = ?",
                     (int(active), now_iso(), user_id))
        audit.append(store, "user_activate" if active else "user_deactivate", table="users",
                     record_id=user_id)


def current_key(store: Store, user_id: str) -> dict | None:
    return store.query_one("SELECT * FROM user_keys WHERE user_id = ? AND retired_at IS NULL "
                           "AND deleted = 0 ORDER BY created_at DESC LIMIT 1", (user_id,))


def unlock_signing_key(store: Store, user_id: str, password: str):
    """(key record, private key) of the user's current key, decrypted with their password."""
    from . import crypto  # the keys' library is loaded when a key is made or used

    key = current_key(store, user_id)
    if key is None:
        raise IsoDeskError("Tài khoản này chưa có khóa ký. Hãy nhờ quản trị đặt lại mật khẩu.")
    blob = store.scalar("SELECT encrypted_private_key FROM user_secrets WHERE key_id = ?",
                        (key["id"],))
    if blob is None:
        raise IsoDeskError("Khóa ký của tài khoản này không có trên máy này.")
    try:
        return key, crypto.decrypt_private_key(blob, password)
    except ValueError as exc:
        raise AuthError("Không mở được khóa ký bằng mật khẩu này.") from exc


def check_backup_admin(backup: Path, username: str, password: str) -> None:
    """Restoring a backup (the data file may be gone): the account must be an active
    administrator in the backup itself, with this password. The backup is read, never written,
    so the attempt is not counted toward a lockout."""
    import sqlite3

    from .db import read_only_uri

    try:
        conn = sqlite3.connect(read_only_uri(backup), uri=True, timeout=5)
        try:
            row = conn.execute("SELECT password_hash, role, active FROM users WHERE username = ?",
                               (clean(username) or "",)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise IsoDeskError(f"Không đọc được bản sao lưu {backup.name} ({exc}).") from exc
    if row is None or not row[2] or not passwords.check_password(password, row[0]):
        raise AuthError("Sai tên đăng nhập hoặc mật khẩu (tài khoản trong bản sao lưu "
                        f"{backup.name}).")
    if row[1] != "admin":
        raise PermissionDenied(f"Tài khoản {username} không phải quản trị nên không khôi phục "
                               "được dữ liệu.")
