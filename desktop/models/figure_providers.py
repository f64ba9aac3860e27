"""What the figure providers share (`desktop.models.figures` lists them): the signature of a
provider and `staff_subject_to_test`, the one rule shared by those who read the figures.

A provider takes `(store, *, unit_code, year, today)` and returns a JSON-ready dict. It computes
over the rows whose `origin_unit` is `unit_code` (the province calls it once per district on its
read-only copies). This module imports nothing of the parts, so that any of them may read it.
"""
from __future__ import annotations

from typing import Callable

Provider = Callable[..., dict]


def staff_subject_to_test(training: dict | None, fallback: int = 0) -> int:
    """The staff the training coverage is counted over, from the "training" figures: those
    subject to the test ("không thuộc diện kiểm tra" left out). Figures made before exemptions
    existed (a kept report, an older district's package) have only `active_staff`."""
    training = training or {}
    for key in ("subject_staff", "active_staff"):
        if training.get(key) is not None:
            return int(training[key])
    return int(fallback or 0)
