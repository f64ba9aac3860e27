"""Grading, the same for the kiosk and for answers keyed in from paper.

A question scores 1 when the chosen options are a right answer of its kind (`kinds.grade`):
exactly the right ones (every right option chosen and no other), or, for a question with "one of
several right answers", one option that is among the right ones; else 0. The attempt's percent is its score over the number of questions;
it passes when the percent reaches the session's pass mark.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from . import kinds

EPSILON = 1e-9


def is_correct(selected: Iterable[int] | None, correct: Iterable[int],
               kind: str = "single") -> bool:
    return kinds.grade(selected, list(correct), kind)


@dataclass(frozen=True)
class Grade:
    score: int
    max_score: int
    percent: float
    passed: bool

    def as_dict(self) -> dict:
        return {"score": self.score, "max_score": self.max_score,
                "percent": round(self.percent, 2), "passed": self.passed}


def grade(item_scores: Iterable[int], max_score: int, pass_mark: float) -> Grade:
    score = int(sum(1 for s in item_scores if s))
    percent = (100.0 * score / max_score) if max_score else 0.0
    return Grade(score, max_score, percent, percent + EPSILON >= float(pass_mark))


def result_label(passed: bool | None) -> str:
    if passed is None:
        return "Chưa làm bài"
    return "Đạt" if passed else "Chưa đạt"
