#!/usr/bin/env python3
"""One command for each everyday job, on Windows, macOS or Linux, with only Python 3.11+:

    python dev.py demo          set up (first time) and start ISO Desk on the demo district
    python dev.py test          set up (first time) and run the tests
    python dev.py bundle        build the one-folder bundle (PyInstaller) and self-test it
    python dev.py bench [AREA]  print the table of performance figures
    python dev.py screenshots   save a picture of each screen into docs/screenshots/
    python dev.py run [ARGS]    run `isodesk ARGS` from the project's environment

The environment is a virtualenv in `.venv/`, made afresh whenever pyproject.toml changes.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".isodesk-installed"
EXTRAS = "test,build"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_env() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"ISO Desk needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    py = venv_python()
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + EXTRAS.encode()).hexdigest()
    current = STAMP.exists() and STAMP.read_text().strip() == wanted
    if not py.exists() or not current:
        # made afresh: pip leaves behind a package the project no longer wants
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not current:
        print("Installing ISO Desk and its dependencies (first time: a few minutes) …", flush=True)
        subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "--upgrade", "pip"], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-e", f".[{EXTRAS}]"], cwd=ROOT, check=True)
        STAMP.write_text(wanted)
    return py


def run(args: list[str], env: dict | None = None) -> int:
    return subprocess.run(args, cwd=ROOT, env={**os.environ, **(env or {})}).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0 if argv else 2
    cmd, rest = argv[0], argv[1:]
    py = str(ensure_env())
    offscreen = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if cmd == "demo":
        return run([py, "-m", "desktop", "demo", *rest])
    if cmd == "test":
        return run([py, "-m", "pytest", *rest], env=offscreen)
    if cmd == "bench":
        return run([py, "-m", "benchmarks", *rest], env=offscreen)
    if cmd == "screenshots":
        code = run([py, "docs/make_screenshots.py", *rest], env=offscreen)
        return code or run([py, "-m", "pytest", "-q", "tests/quiz/test_web_browser.py"],
                           env={**offscreen, "ISODESK_SCREENSHOTS": "1"})
    if cmd == "run":
        return run([py, "-m", "desktop", *rest])
    if cmd == "bundle":
        code = run([py, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"])
        if code:
            return code
        exe = ROOT / "dist" / "isodesk" / ("isodesk.exe" if os.name == "nt" else "isodesk")
        print(f"Self-testing {exe} …", flush=True)
        import tempfile

        with tempfile.TemporaryDirectory(prefix="isodesk-bundle-") as tmp:
            # the windowed isodesk.exe has no console: its report goes to logs/console.log
            code = run([str(exe), "--selftest"], env={**offscreen, "ISODESK_DATA_DIR": tmp})
            log = Path(tmp) / "logs" / "console.log"
            if log.exists():
                print(log.read_text(encoding="utf-8"), end="", flush=True)
        # the console program (on Linux and macOS a link to the same executable)
        cli = exe.with_name("isodesk-cli.exe" if os.name == "nt" else "isodesk-cli")
        if not code and cli.exists():
            print(f"Self-testing {cli} …", flush=True)
            with tempfile.TemporaryDirectory(prefix="isodesk-bundle-") as tmp:
                code = run([str(cli), "--selftest"], env={**offscreen, "ISODESK_DATA_DIR": tmp})
        return code
    print(f"unknown command: {cmd}\n{__doc__}")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
