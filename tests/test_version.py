"""The version the program states is the installed distribution's."""
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_the_installed_one_read_without_importlib_metadata():
    code = ("import sys, desktop; v = desktop.__version__; "
            "print(v, 'importlib.metadata' in sys.modules, 'email' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == [version("isodesk"), "False", "False"]
