"""The store the quiz and training commands work on: the shipped question bank is put in the
first time either is used (a training session is made from the bank, as a test is)."""
from __future__ import annotations

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import bank_io

from .context import CliContext, fail_on


def bank_store(ctx: CliContext):
    """The store, with the shipped question bank put in the first time the quiz is used."""
    try:
        with ctx.upkeep() as store:
            bank_io.ensure_default_bank(store)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    return store
