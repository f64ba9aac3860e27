"""Loaded by Python at start-up in the program processes that the journey tests start (their
PYTHONPATH has this folder); does nothing unless ISODESK_TEST_PROBE names a file."""
import os

if os.environ.get("ISODESK_TEST_PROBE"):
    import isodesk_probe

    isodesk_probe.install(os.environ["ISODESK_TEST_PROBE"])
