"""The Qt part of the Windows lane (see run_wine_lane.py): PySide6's Windows wheels under Wine,
with the stand-in `icuuc.dll` (wine_shims/README.md).

1. `python -m desktop --selftest` (database, a PDF read back through QtPdf, translations), run by
   the Windows Python as the windowed interpreter `pythonw.exe` would be, and as a console one.
2. `tests/windows/lane_qt/` under pytest: the kiosk window on Qt's Windows platform plugin,
   opened, driven by key events, and left with the PIN.
The stand-in ICU notes every call; the lane fails when the program made one.
"""
from __future__ import annotations

import os
from pathlib import Path

from run_wine_lane import (  # noqa: E402 (beside this file)
    CACHE, QT_PACKAGES, LANE_PACKAGES, LaneError, site_packages, step, wine_python, write_pth,
)


def run_qt_part(python: Path, lane_site: Path, timings: dict) -> None:
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
    finally:
        write_pth(python, [lane_site])
        os.environ.pop("ISODESK_ICU_STUB_LOG", None)
        os.environ.pop("WINEQT_QPA_PLATFORM", None)
    if icu_log.exists() and icu_log.read_text().strip():
        calls = sorted(set(icu_log.read_text().split()))
        raise LaneError("the program called ICU, which the lane only stands in for: "
                        + ", ".join(calls))
