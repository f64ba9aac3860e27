"""Start-up: time from launching the process to the main window shown, against a bare PySide6
window started the same way in the same run; and the size of the bundle when it is built."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Result, median

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "startup_child.py"


def _launch(mode: str, data_dir: Path | None) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    args = [sys.executable, str(CHILD), mode] + ([str(data_dir)] if data_dir else [])
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            cwd=ROOT, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"{mode} did not start")
    return elapsed


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run(quick: bool = False) -> list[Result]:
    from desktop.demo import create_demo

    rounds = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="isodesk-bench-") as tmp:
        data = Path(tmp) / "demo"
        create_demo(data)
        _launch("isodesk", data)  # warm the file cache once
        _launch("bare", None)
        bare, app = [], []
        for _ in range(rounds):  # interleaved, so both see the same machine load
            bare.append(_launch("bare", None))
            app.append(_launch("isodesk", data))
    b, a = median(bare), median(app)
    results = [
        Result("startup", "bare PySide6 window shown (baseline)", b * 1000, "ms"),
        Result("startup", "ISO Desk main window shown (demo data)", a * 1000, "ms",
               note=f"median of {rounds}, process launch to window"),
        Result("startup", "ratio ISO Desk / bare window", a / b, "×"),
    ]
    dist = ROOT / "dist" / "isodesk"
    if dist.is_dir():
        results.append(Result("bundle", "one-folder bundle size", _folder_size(dist) / 2**20, "MiB",
                              note=str(dist.relative_to(ROOT))))
    return results
