"""The sign-in derives the password's key while it is typed (real dialog, real key events): the
check at the Enter key uses it, counts the attempt exactly as before, and refuses a locked account
without comparing anything; closing the dialog mid-derivation leaves no thread behind."""
from __future__ import annotations

import hmac
import threading

import pytest
from PySide6.QtCore import Qt

from desktop.models import passwords, users
from desktop.models.passwords import Deriver
from desktop.views.login import LoginDialog
from tests.conftest import PASSWORD
from tests.derivations import hold_derivations
from tests.gui_helpers import retype


@pytest.fixture
def derivations(monkeypatch):
    """Each derivation: (text, the salt it used, the thread's name)."""
    made: list[tuple[str, bytes, str]] = []
    real = passwords.derive

    def derive(secret, how):
        made.append((secret, how.salt, threading.current_thread().name))
        return real(secret, how)

    monkeypatch.setattr(passwords, "derive", derive)
    return made


def _salt(store, username: str) -> bytes:
    return passwords.recipe(store.scalar("SELECT password_hash FROM users WHERE username = ?",
                                         (username,))).salt


def _dialog(qtbot, store) -> LoginDialog:
    dlg = LoginDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _typed(qtbot, dlg, username: str, password: str) -> None:
    """Typed key by key, then the derivation of the last text waited for."""
    retype(dlg.username, username)
    retype(dlg.password, password)
    qtbot.waitUntil(lambda: not dlg._deriver.busy, timeout=60_000)


def _enter(qtbot, dlg) -> None:
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)


def _no_worker() -> bool:
    return not any(t.name == Deriver.THREAD_NAME for t in threading.enumerate())


def test_the_right_password_signs_in_with_the_key_made_while_typing(qtbot, store, derivations):
    dlg = _dialog(qtbot, store)
    _typed(qtbot, dlg, "iso", PASSWORD)
    assert (PASSWORD, _salt(store, "iso"), Deriver.THREAD_NAME) in derivations
    ahead = len(derivations)
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'login%'") == 0
    _enter(qtbot, dlg)
    assert dlg.result() == LoginDialog.DialogCode.Accepted and dlg.user.username == "iso"
    assert len(derivations) == ahead            # the check derived nothing more
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'login'") == 1
    qtbot.waitUntil(_no_worker)


def test_a_wrong_password_is_refused_and_counted_once(qtbot, store, derivations):
    dlg = _dialog(qtbot, store)
    _typed(qtbot, dlg, "iso", "sai-mat-khau")
    ahead = len(derivations)
    _enter(qtbot, dlg)
    assert dlg.user is None and "Còn 4 lần thử" in dlg.error.text()
    assert len(derivations) == ahead
    assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'iso'") == 1
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'login_failed'") == 1
    assert dlg._deriver._done is None            # the field cleared: nothing kept


@pytest.mark.parametrize("first, last, signed_in", [
    ("sai-mat-khau", PASSWORD, True), (PASSWORD, PASSWORD + "x", False)])
def test_the_final_text_is_checked(qtbot, store, derivations, first, last, signed_in):
    dlg = _dialog(qtbot, store)
    _typed(qtbot, dlg, "iso", first)             # derived...
    retype(dlg.password, last)                   # ...then changed: the last text is checked
    _enter(qtbot, dlg)
    assert (dlg.user is not None) is signed_in
    assert derivations[-1][0] == last
    assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'iso'") == \
        (0 if signed_in else 1)


def test_the_account_typed_gives_the_salt(qtbot, store, derivations):
    dlg = _dialog(qtbot, store)
    _typed(qtbot, dlg, "iso", PASSWORD)
    retype(dlg.username, "tuvan")                # another account: derived again, its salt
    qtbot.waitUntil(lambda: not dlg._deriver.busy, timeout=60_000)
    assert derivations[-1][:2] == (PASSWORD, _salt(store, "tuvan"))
    ahead = len(derivations)
    _enter(qtbot, dlg)
    assert dlg.user.username == "tuvan" and len(derivations) == ahead
    other = _dialog(qtbot, store)
    before = len(derivations)
    _typed(qtbot, other, "khong-co-ai", PASSWORD)   # unknown: nothing derived
    assert len(derivations) == before


def test_a_locked_account_is_refused_without_a_comparison(qtbot, store, monkeypatch):
    for _ in range(users.MAX_FAILED):
        with pytest.raises(users.AuthError):
            users.authenticate(store, "iso", "sai-mat-khau")
    compared = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append(1) or real(a, b))
    dlg = _dialog(qtbot, store)
    _typed(qtbot, dlg, "iso", PASSWORD)
    _enter(qtbot, dlg)
    assert dlg.user is None and "đang bị khóa" in dlg.error.text() and compared == []
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'login_refused_locked'") \
        == 1


def test_closing_during_a_derivation_leaves_no_thread(qtbot, store, monkeypatch):
    started, release = hold_derivations(monkeypatch, worker_only=False)
    dlg = _dialog(qtbot, store)
    retype(dlg.username, "iso")
    retype(dlg.password, PASSWORD)
    assert started.wait(60)
    dlg.reject()                                  # Quit while the key is being derived
    assert dlg.result() == LoginDialog.DialogCode.Rejected and dlg._deriver.busy
    release.set()
    qtbot.waitUntil(_no_worker, timeout=60_000)
    assert dlg._deriver._done is None and not dlg._deriver.busy


def test_enter_during_the_derivation_waits_for_it(qtbot, store, derivations, monkeypatch):
    started, release = hold_derivations(monkeypatch)   # over the counting one
    dlg = _dialog(qtbot, store)
    retype(dlg.username, "iso")
    dlg.password.setText(PASSWORD)                # pasted: one text, one derivation
    assert started.wait(60)
    dlg.prepare = lambda _user: release.set()     # runs while the check waits
    _enter(qtbot, dlg)
    assert dlg.user.username == "iso"
    assert [(t, th) for t, _s, th in derivations] == [(PASSWORD, Deriver.THREAD_NAME)]
