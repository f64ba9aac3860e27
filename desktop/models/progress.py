"""How long work says how far it is, and how it is told to stop, without knowing who asks.

A long function (a PDF of every slip, the acknowledgements of every district) takes an optional
`progress(done, total)` callable and calls it as it goes. The caller decides what it means: the
interface moves a progress bar, the command line passes nothing. To stop, the callable raises
`Cancelled`; the function lets it pass, having changed nothing it had not finished (each step
that writes is whole, or nothing is written before the last step).
"""
from __future__ import annotations

from typing import Callable

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The person stopped the work; not an error to show."""


def no_progress(_done: int, _total: int) -> None:
    """The progress of work nobody watches (the command line, tests)."""


def stage(progress: Progress, index: int, stages: int) -> Progress:
    """The progress of stage `index` (from 0) of `stages` equal stages of one work, told to
    `progress` as thousandths of the whole (gathering the slips, then laying them out)."""

    def report(done: int, total: int) -> None:
        share = min(done / total, 1.0) if total > 0 else 0.0
        progress(int((index + share) * 1000 / stages), 1000)

    return report
