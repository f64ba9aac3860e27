"""The key of a password derived while it is typed (`passwords.Deriver`): one worker, only the
latest text, the key used by the check only for exactly that text and salt, nothing compared
ahead, nothing kept once closed."""
from __future__ import annotations

import hmac
import threading

import pytest

from desktop.models import passwords
from desktop.models.passwords import Deriver, Recipe
from tests.derivations import hold_derivations

SMALL = Recipe(b"sel-de-test-0001", 2**10, 8, 1, 32)   # quick; the Deriver takes any recipe


@pytest.fixture
def derivations(monkeypatch):
    """Every derivation made (text, recipe, thread name), through the module's one seam."""
    made: list[tuple[str, Recipe, str]] = []
    real = passwords.derive

    def derive(secret, how):
        made.append((secret, how, threading.current_thread().name))
        return real(secret, how)

    monkeypatch.setattr(passwords, "derive", derive)
    return made


@pytest.fixture
def gate(monkeypatch):
    """Holds each worker derivation until released; `started` is set when one begins."""
    return hold_derivations(monkeypatch)


def test_the_key_made_ahead_is_the_check_s_key(derivations):
    stored = passwords.hash_password("mat-khau-dung")
    how = passwords.recipe(stored)
    assert how is not None and how.n == passwords.SCRYPT_N   # the stored parameters, unchanged
    derivations.clear()
    deriver = Deriver()
    deriver.want("mat-khau-dung", how)
    assert deriver.join(60)
    assert [(t, thread) for t, _h, thread in derivations] == [("mat-khau-dung", "isodesk-derive")]
    assert passwords.check_password("mat-khau-dung", stored, deriver.derive)
    assert len(derivations) == 1                  # the check derived nothing more
    # the key made ahead is used once: the same text again is derived at the check
    assert passwords.check_password("mat-khau-dung", stored, deriver.derive)
    assert len(derivations) == 2 and derivations[1][2] == threading.current_thread().name


def test_a_key_made_for_another_text_or_salt_is_never_used(derivations):
    stored = passwords.hash_password("mat-khau-dung")
    how = passwords.recipe(stored)
    deriver = Deriver()
    deriver.want("mat-khau-dung", how)
    assert deriver.join(60)
    # another text: derived now, and wrong
    assert not passwords.check_password("mat-khau-sai", stored, deriver.derive)
    # the password changed meanwhile (a new salt): the key made with the old one is not used
    deriver.want("mat-khau-dung", how)
    assert deriver.join(60)
    changed = passwords.hash_password("mat-khau-dung")
    before = len(derivations)
    assert passwords.check_password("mat-khau-dung", changed, deriver.derive)
    assert derivations[before:] == [("mat-khau-dung", passwords.recipe(changed),
                                     threading.current_thread().name)]


def test_typing_fast_derives_the_first_and_the_latest_text_only(gate, derivations):
    started, release = gate
    deriver = Deriver()
    deriver.want("m", SMALL)
    assert started.wait(60)
    for text in ("ma", "mat", "matk", "matkh"):   # typed while "m" is derived
        deriver.want(text, SMALL)
    assert threading.active_count() and sum(
        t.name == Deriver.THREAD_NAME for t in threading.enumerate()) == 1   # one worker
    release.set()
    assert deriver.join(60)
    assert [t for t, _h, _th in derivations] == ["m", "matkh"]
    before = len(derivations)
    assert deriver.derive("matkh", SMALL) == passwords.derive("matkh", SMALL)
    assert len(derivations) == before + 1   # only the comparison's reference, made here


def test_the_check_waits_for_the_same_text_under_way(gate, derivations, monkeypatch):
    started, release = gate
    waiting = threading.Event()
    real_result = passwords._Job.result

    def result(job):
        waiting.set()
        return real_result(job)

    monkeypatch.setattr(passwords._Job, "result", result)
    deriver = Deriver()
    deriver.want("matkhau", SMALL)
    assert started.wait(60)
    got: list[bytes] = []
    checking = threading.Thread(target=lambda: got.append(deriver.derive("matkhau", SMALL)))
    checking.start()
    assert waiting.wait(60) and not got         # waiting for the worker's derivation
    release.set()
    checking.join(60)
    assert got == [passwords._scrypt("matkhau", *SMALL.__dict__.values())]
    assert [t for t, _h, _th in derivations] == ["matkhau"]


def test_a_stale_text_under_way_does_not_hold_up_the_check(gate, derivations):
    started, release = gate
    deriver = Deriver()
    deriver.want("matkha", SMALL)
    assert started.wait(60)
    deriver.want("matkhau", SMALL)             # queued behind the stale one
    key = deriver.derive("matkhau", SMALL)     # made here, while the stale one still runs
    assert key == passwords._scrypt("matkhau", *SMALL.__dict__.values())
    release.set()
    assert deriver.join(60)
    assert [(t, th == Deriver.THREAD_NAME) for t, _h, th in derivations] == \
        [("matkha", True), ("matkhau", False)]  # the queued one was not derived again


def test_nothing_is_compared_ahead(monkeypatch):
    compared = []
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append(1) or a == b)
    deriver = Deriver()
    stored = passwords.hash_password("mat-khau-dung")
    for text in ("m", "mat-khau-sai", "mat-khau-dung"):
        deriver.want(text, passwords.recipe(stored))
    assert deriver.join(60) and compared == []


def test_closed_mid_derivation_drops_the_key_and_the_worker_ends(gate, derivations):
    started, release = gate
    deriver = Deriver()
    deriver.want("matkhau", SMALL)
    assert started.wait(60)
    deriver.want("matkhau-2", SMALL)
    deriver.close()
    assert deriver.busy                         # scrypt runs to its end...
    release.set()
    assert deriver.join(60) and not deriver.busy   # ...and the worker ends with it
    assert not any(t.name == Deriver.THREAD_NAME for t in threading.enumerate())
    assert [t for t, _h, _th in derivations] == ["matkhau"]   # the queued one never ran
    assert deriver._done is None
    deriver.want("matkhau", SMALL)              # closed: nothing more is derived
    assert not deriver.busy


def test_no_account_or_no_text_derives_nothing(derivations):
    deriver = Deriver()
    deriver.want("matkhau", None)
    deriver.want("", SMALL)
    assert not deriver.busy and derivations == []
    assert passwords.recipe("bcrypt$xx") is None and passwords.recipe("scrypt$1$2") is None


def test_texts_shorter_than_any_password_are_left_to_the_check(derivations):
    deriver = Deriver(shortest=8)
    for n in range(1, 9):
        deriver.want("matkhau1"[:n], SMALL)
    assert deriver.join(60)
    assert [t for t, _h, _th in derivations] == ["matkhau1"]
    before = len(derivations)
    assert deriver.derive("matkhau1", SMALL) and len(derivations) == before
    assert deriver.derive("mat", SMALL) and derivations[-1][0] == "mat"   # checked all the same
