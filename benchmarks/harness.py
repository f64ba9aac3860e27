"""Shared pieces of the benchmarks: timing helpers and the printed table of figures.

Each `benchmarks/bench_<area>.py` has `run(quick: bool = False) -> list[Result]`;
`python -m benchmarks` runs them all (or the ones named) and prints one table.
"""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass
class Result:
    area: str
    name: str
    value: float
    unit: str
    target: str = ""            # e.g. "< 30 ms", "≤ 3× baseline"
    ok: bool | None = None      # None: no target
    note: str = ""

    def row(self) -> list[str]:
        status = "" if self.ok is None else ("ok" if self.ok else "MISSED")
        v = abs(self.value)
        value = (f"{self.value:,.0f}" if v >= 100 else f"{self.value:,.1f}" if v >= 1
                 else f"{self.value:,.3f}")
        return [self.area, self.name, f"{value} {self.unit}", self.target, status, self.note]


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Best wall-clock seconds over `repeat` runs, and the last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def percentile(samples: list[float], pct: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1)))))
    return ordered[k]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def print_table(results: list[Result]) -> str:
    headers = ["area", "measure", "value", "target", "", "note"]
    rows = [headers] + [r.row() for r in results]
    widths = [max(len(r[i]) for r in rows) for i in range(len(headers))]
    lines = []
    for i, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    text = "\n".join(lines)
    print(text)
    return text


def interleaved(subjects: dict[str, Callable[[], float]], rounds: int,
                warmup: int = 1) -> dict[str, list[float]]:
    """Run each subject in turn, round after round (baseline, subject, baseline, subject, …), so
    that a busy spell of the machine hits all of them alike; `warmup` rounds are not kept. Each
    callable returns the seconds it measured."""
    samples: dict[str, list[float]] = {name: [] for name in subjects}
    for r in range(warmup + rounds):
        for name, fn in subjects.items():
            t = fn()
            if r >= warmup:
                samples[name].append(t)
    return samples


def spread(samples: list[float], scale: float = 1000.0, unit: str = "ms") -> str:
    """min / median / max of the samples, to show how noisy the run was."""
    fmt = (lambda v: f"{v * scale:,.0f}") if max(samples) * scale >= 100 else \
        (lambda v: f"{v * scale:,.1f}")
    return (f"min {fmt(min(samples))} / median {fmt(median(samples))} / max "
            f"{fmt(max(samples))} {unit} over {len(samples)}")


def ratio_rows(area: str, what: str, base_name: str, base: list[float], subj: list[float], *,
               target: float | None, scale: float = 1000.0, unit: str = "ms",
               note: str = "") -> list[Result]:
    """Three rows: the baseline (with its spread), the subject (with its spread), and the ratio
    of their medians against the target (≤ target×)."""
    r = median(subj) / median(base)
    return [
        Result(area, f"  baseline: {base_name}", median(base) * scale, unit,
               note="spread " + spread(base, scale, unit)),
        Result(area, what, median(subj) * scale, unit, note="spread " + spread(subj, scale, unit)
               + (f"; {note}" if note else "")),
        Result(area, f"  ratio {what.split(',')[0]} / baseline", r, "×",
               f"≤ {target}×" if target is not None else "",
               None if target is None else r <= target, "medians, interleaved runs"),
    ]
