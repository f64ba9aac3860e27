"""`lane/` and `lane_qt/` call Windows for real: they run only on Windows (under Wine in the
Windows lane, `tests/windows/run_wine_lane.py`, or on a Windows PC), where they are collected
like any test."""
import sys

collect_ignore = [] if sys.platform == "win32" else ["lane", "lane_qt"]
