"""Accounts: scrypt passwords, lockout after 5 wrong passwords, resets and signing keys."""
import datetime as dt

import pytest

from desktop.models import crypto, users
from desktop.models.errors import PermissionDenied, ValidationError
from tests.conftest import PASSWORD


def test_password_is_stored_as_scrypt_hash_never_in_clear(store):
    stored = store.scalar("SELECT password_hash FROM users WHERE username='admin'")
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    n = int(stored.split("$")[1])
    assert n >= 2**14  # memory-hard: at least 16 MiB


def test_sign_in_and_wrong_password_counts(store):
    assert users.authenticate(store, "ADMIN", PASSWORD).username == "admin"  # case-insensitive
    with pytest.raises(users.AuthError) as info:
        users.authenticate(store, "admin", "wrong")
    assert info.value.remaining == 4
    assert "Còn 4 lần thử" in info.value.message
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action='login_failed'") == 1


def test_five_wrong_passwords_lock_for_five_minutes(store):
    for _ in range(4):
        with pytest.raises(users.AuthError):
            users.authenticate(store, "iso", "wrong")
    with pytest.raises(users.AuthError) as info:
        users.authenticate(store, "iso", "wrong")
    assert info.value.locked
    # Even the right password is refused while locked.
    with pytest.raises(users.AuthError) as info:
        users.authenticate(store, "iso", PASSWORD)
    assert info.value.locked and "khóa" in info.value.message
    until = dt.datetime.fromisoformat(store.scalar(
        "SELECT locked_until FROM users WHERE username='iso'"))
    left = until - dt.datetime.now().astimezone()
    assert dt.timedelta(minutes=4) < left <= dt.timedelta(minutes=5)
    # Once the lock time has passed, the right password works again.
    past = (dt.datetime.now().astimezone() - dt.timedelta(seconds=1)).isoformat()
    store.execute("UPDATE users SET locked_until = ? WHERE username='iso'", (past,))
    assert users.authenticate(store, "iso", PASSWORD).role == "iso_team"


def test_admin_unlocks_and_resets(store, admin):
    iso = users.find_user(store, "iso")
    for _ in range(5):
        with pytest.raises(users.AuthError):
            users.authenticate(store, "iso", "wrong")
    users.unlock(store, admin, iso.id)
    assert users.authenticate(store, "iso", PASSWORD)
    old_key = users.current_key(store, iso.id)
    users.reset_password(store, admin, iso.id, "mat-khau-moi-1")
    assert users.authenticate(store, "iso", "mat-khau-moi-1")
    new_key = users.current_key(store, iso.id)
    assert new_key["id"] != old_key["id"]
    retired = store.query_one("SELECT retired_at FROM user_keys WHERE id=?", (old_key["id"],))
    assert retired["retired_at"] is not None  # kept to verify old signatures
    key_row, private = users.unlock_signing_key(store, iso.id, "mat-khau-moi-1")
    sig = crypto.sign(private, b"bien ban")
    assert crypto.verify(key_row["public_key"], sig, b"bien ban")


def test_only_admin_manages_accounts(store):
    iso = users.find_user(store, "iso")
    with pytest.raises(PermissionDenied):
        users.reset_password(store, iso, iso.id, "abcdefgh1")


def test_changing_own_password_keeps_the_signing_key(store):
    u = users.find_user(store, "tuvan")
    key_before = users.current_key(store, u.id)
    users.change_own_password(store, u.id, PASSWORD, "mat-khau-khac-2")
    key_row, private = users.unlock_signing_key(store, u.id, "mat-khau-khac-2")
    assert key_row["id"] == key_before["id"]
    with pytest.raises(users.AuthError):
        users.unlock_signing_key(store, u.id, PASSWORD)


def test_new_user_validation(store):
    with pytest.raises(ValidationError) as info:
        users.create_user(store, "a", "", "boss", "short")
    assert set(info.value.errors) == {"username", "full_name", "role", "password"}
    with pytest.raises(ValidationError) as info:
        users.create_user(store, "admin", "Ai Đó", "proctor", "abcdefgh1")
    assert "đã có" in info.value.errors["username"]


def test_last_admin_cannot_be_disabled(store, admin):
    with pytest.raises(ValidationError):
        users.set_active(store, admin, admin.id, False)


def test_public_key_fingerprint_is_readable(store):
    key = users.current_key(store, users.find_user(store, "admin").id)
    assert len(key["fingerprint"]) == 19 and key["fingerprint"].count("-") == 3
    assert key["fingerprint"] == crypto.fingerprint(key["public_key"])
