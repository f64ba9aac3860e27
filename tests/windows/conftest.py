"""`lane/` calls Windows for real: it runs only on Windows (under Wine in the Windows lane,
`tests/windows/run_wine_lane.py`, or on a Windows PC), where it is collected like any test."""
import sys

collect_ignore = [] if sys.platform == "win32" else ["lane"]
