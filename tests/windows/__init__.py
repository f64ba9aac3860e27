"""Tests of the Windows paths: run everywhere; `wine/` runs on Windows binaries (the lane)."""
