"""The CPU time a start spends up to the sign-in mapped, for the installed package and the bundle
against the bare QMainWindow: `python -m benchmarks.bundle_start_cpu [ROUNDS] [NAME=EXE ...]`
(Linux; another bundle, e.g. an older build, as NAME=path/to/isodesk).

The wall clock of `benchmarks startup` is what the target is about, but on a shared machine it
follows the load; the CPU time of the process (all its threads, from /proc/PID/stat, read at the
MapNotify of the window) is disturbed far less, and tells what the bundle costs more than the
installed package. Same Xvfb, window matching and interleaved rounds as `benchmarks startup`.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .bench_startup import BARE, BUNDLE_EXE, ROOT, _is_sign_in
from .harness import interleaved, median, spread

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu(pid: int) -> float:
    """User + system CPU seconds of the process so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def main(argv: list[str]) -> int:
    from desktop.demo import create_demo

    from .xwindows import Watcher, Xvfb

    rounds = int(argv[0]) if argv and argv[0].isdigit() else 15
    programs = {"installed": [sys.executable, "-m", "desktop"]}
    if BUNDLE_EXE.exists():
        programs["bundle"] = [str(BUNDLE_EXE)]
    programs.update((a.split("=", 1)[0], [a.split("=", 1)[1]]) for a in argv if "=" in a)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "desktop", "sync"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    cpu: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="isodesk-bench-") as tmp, Xvfb() as xvfb:
        data = Path(tmp) / "demo"
        create_demo(data)
        watcher = Watcher(xvfb.display)
        env = {**os.environ, "DISPLAY": xvfb.display, "QT_QPA_PLATFORM": "xcb",
               "ISODESK_PDF_FONT": "liberation"}

        def start(name: str, argv: list[str], bare: bool) -> float:
            watcher.drain()
            t0 = time.perf_counter()
            proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            try:
                def wanted(title: str, window: int) -> bool:
                    if bare:
                        return title.startswith("bare-baseline")
                    return _is_sign_in(title) and watcher.pid(window) == proc.pid

                at, window = watcher.wait_mapped(wanted, 120, lambda: proc.poll() is None)
                cpu.setdefault(name, []).append(_cpu(proc.pid))
                watcher.ask_to_close(window)
            finally:
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            return at - t0

        subjects = {"bare": lambda: start("bare", [sys.executable, str(BARE)], True)}
        for name, argv_ in programs.items():
            subjects[name] = (lambda n=name, a=argv_:
                              start(n, a + ["--data-dir", str(data)], False))
        try:
            wall = interleaved(subjects, rounds)
        finally:
            watcher.close()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    base_cpu = median(cpu["bare"][-rounds:])
    base_wall = median(wall["bare"])
    print(f"{rounds} interleaved rounds after a warm-up; load {load:.1f}")
    for name in subjects:
        c = cpu[name][-rounds:]
        print(f"{name:10s} CPU to the window mapped: {spread(c)} = "
              f"{median(c) / base_cpu:.2f}× the bare window; wall {spread(wall[name])} = "
              f"{median(wall[name]) / base_wall:.2f}×")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
