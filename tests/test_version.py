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


def test_the_bundle_reads_the_egg_info_it_carries_without_tomllib(tmp_path):
    """The frozen build carries isodesk.egg-info (build.spec copies the metadata), no dist-info:
    its PKG-INFO gives the version, and pyproject.toml is not parsed (tomllib is not imported)."""
    egg = tmp_path / "isodesk.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: isodesk\nVersion: 9.8.7\n\n",
                                  encoding="utf-8")
    code = ("import sys; sys.frozen = True; sys.path[:] = [sys.argv[1]] + sys.path; "
            "import desktop; print(desktop.__version__, 'tomllib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["9.8.7", "False"]
    # not frozen: a stray egg-info on the path is not taken for the installed version
    code = code.replace("sys.frozen = True; ", "")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == version("isodesk")
