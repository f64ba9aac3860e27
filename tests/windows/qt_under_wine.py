"""The Qt part of the Windows lane (see run_wine_lane.py): PySide6's Windows wheels under Wine,
with the stand-in `icuuc.dll` (wine_shims/README.md).

1. `python -m desktop --selftest` (database, a PDF read back through QtPdf, translations).
2. `tests/windows/lane_qt/` under pytest: the kiosk window on Qt's Windows platform plugin,
   opened, driven by key events, and left with the PIN.
3. With `--bundle`: the one-folder bundle built from build.spec by PyInstaller under Wine, its
   version resource read back, and `isodesk.exe --selftest` (the windowed program, its report in
   the console log) and `isodesk-cli.exe --selftest` run.
The stand-in ICU notes every call; the lane fails when the program made one.
"""
from __future__ import annotations

import os
from pathlib import Path

from run_wine_lane import (  # noqa: E402 (beside this file)
    CACHE, QT_PACKAGES, LANE_PACKAGES, LaneError, site_packages, step, wine_python, write_pth,
)


BUILD_PACKAGES = ["pyinstaller", "pyinstaller-hooks-contrib", "pefile", "pywin32-ctypes",
                  "altgraph", "setuptools", "packaging"]


def run_qt_part(python: Path, lane_site: Path, timings: dict, *, bundle: bool = False) -> None:
    import time

    t = time.monotonic()
    qt_site = site_packages(LANE_PACKAGES + QT_PACKAGES, "site-packages-qt")
    write_pth(python, [qt_site])
    timings["qt wheels"] = time.monotonic() - t
    icu_log = CACHE / "icu-calls.txt"
    icu_log.unlink(missing_ok=True)
    os.environ["ISODESK_ICU_STUB_LOG"] = "Z:" + str(icu_log).replace("/", "\\")
    try:
        t = step("--selftest under Wine")
        code = wine_python(python, ["-m", "desktop", "--selftest"], timeout=600)
        timings["qt selftest"] = time.monotonic() - t
        if code != 0:
            raise LaneError(f"isodesk --selftest under Wine exited {code}")
        t = step("tests/windows/lane_qt under Wine (the kiosk window)")
        # Qt's own Windows platform plugin (Wine hands no QT_* variable to a Windows program
        # unless it is spelled WINEQT_*)
        os.environ["WINEQT_QPA_PLATFORM"] = "windows"
        code = wine_python(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-o",
                                    "addopts=-ra", "-W", "ignore::pytest.PytestConfigWarning",
                                    "tests/windows/lane_qt"], timeout=900)
        timings["qt kiosk"] = time.monotonic() - t
        if code != 0:
            raise LaneError(f"the Qt tests under Wine failed (pytest exit {code})")
        if bundle:
            build_and_check_bundle(python, timings)
    finally:
        write_pth(python, [lane_site])
        os.environ.pop("ISODESK_ICU_STUB_LOG", None)
        os.environ.pop("WINEQT_QPA_PLATFORM", None)
    if icu_log.exists() and icu_log.read_text().strip():
        calls = sorted(set(icu_log.read_text().split()))
        raise LaneError("the program called ICU, which the lane only stands in for: "
                        + ", ".join(calls))


def build_and_check_bundle(python: Path, timings: dict) -> None:
    import shutil
    import subprocess
    import time

    from run_wine_lane import WINE, wine_env, windows_path

    t = step("PyInstaller under Wine (build.spec)")
    write_pth(python, [site_packages(LANE_PACKAGES + QT_PACKAGES + BUILD_PACKAGES,
                                     "site-packages-build")])
    dist, work = CACHE / "dist", CACHE / "build"
    shutil.rmtree(dist, ignore_errors=True)
    code = wine_python(python, ["-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
                                "WARN", "--distpath", windows_path(dist), "--workpath",
                                windows_path(work), "build.spec"], timeout=2400)
    timings["bundle build"] = time.monotonic() - t
    if code != 0:
        raise LaneError(f"PyInstaller under Wine exited {code}")
    folder = dist / "isodesk"
    code = wine_python(python, ["-c", (
        "from PyInstaller.utils.win32.versioninfo import read_version_info_from_executable as r\n"
        f"info = str(r({windows_path(folder / 'isodesk.exe')!r}))\n"
        "assert 'ISO Desk' in info and 'isodesk.exe' in info, info\n"
        "print('version resource ok')\n")], timeout=300)
    if code != 0:
        raise LaneError("the bundle's isodesk.exe has no version resource")
    t = step("the bundle's --selftest under Wine")
    data = CACHE / "bundle-data"
    shutil.rmtree(data, ignore_errors=True)
    env = {**wine_env(), "ISODESK_DATA_DIR": windows_path(data)}
    for exe in ("isodesk.exe", "isodesk-cli.exe"):
        result = subprocess.run([WINE, str(folder / exe), "--selftest"], env=env, timeout=600,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        out = result.stdout.decode("utf-8", "replace")
        log = data / "logs" / "console.log"     # the windowed program's report, when it had
        if log.exists():                         # no streams (Wine may hand it the shell's)
            out += log.read_text(encoding="utf-8")
            log.unlink()
        print(out, end="", flush=True)
        if result.returncode != 0 or "selftest passed" not in out:
            raise LaneError(f"{exe} --selftest failed (exit {result.returncode})")
    timings["bundle selftest"] = time.monotonic() - t
