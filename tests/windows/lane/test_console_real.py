"""The console on Windows: output to a pipe in UTF-8 whatever the ANSI code page, and the
windowed interpreter (pythonw.exe: no streams at all) writing to the console log."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.real_windows
ROOT = Path(__file__).resolve().parents[3]
PYTHONW = str(Path(sys.executable).with_name("pythonw.exe"))


def test_vietnamese_output_to_a_pipe(tmp_path):
    import locale

    assert locale.getpreferredencoding(False).lower() not in ("utf-8", "utf8")  # the ANSI page
    out = subprocess.run([sys.executable, "-m", "desktop", "--help"], cwd=ROOT,
                         capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    assert "hồ sơ ISO 9001 của đơn vị BHXH" in out.stdout.decode("utf-8")
    bad = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path),
                          "staff", "list"], cwd=ROOT, capture_output=True, timeout=120)
    assert bad.returncode == 1 and "Chưa có dữ liệu" in bad.stderr.decode("utf-8")


def run_windowed(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Start pythonw.exe as Explorer starts a program from a shortcut: no standard handles."""
    script = tmp_path / "start.py"
    script.write_text(code, encoding="utf-8")
    startup = subprocess.STARTUPINFO()
    startup.dwFlags = subprocess.STARTF_USESTDHANDLES
    startup.hStdInput = startup.hStdOutput = startup.hStdError = None
    return subprocess.run([PYTHONW, str(script)], cwd=ROOT, timeout=180, startupinfo=startup,
                          creationflags=subprocess.DETACHED_PROCESS, close_fds=True)


def test_the_windowed_interpreter_has_no_streams_and_the_program_copes(tmp_path):
    data = tmp_path / "data"
    result = tmp_path / "result.txt"
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "streams = (sys.stdout, sys.stderr)\n"
        "from desktop.cli import entry\n"
        "notices = []\n"
        f"rc = entry(['--data-dir', {str(data)!r}, '--no-such-option'],\n"
        "           notify=lambda *a: notices.append(a[1]))\n"
        f"open({str(result)!r}, 'w').write(repr((streams, rc, notices)))\n"
    )
    assert run_windowed(code, tmp_path).returncode == 0
    assert result.read_text() == "((None, None), 2, [2])"
    log = (data / "logs" / "console.log").read_text(encoding="utf-8")
    assert "--no-such-option" in log


def test_the_windowed_demo_writes_to_the_log(tmp_path):
    data = tmp_path / "demo"
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from desktop.cli import entry\n"
        f"raise SystemExit(entry(['demo', '--no-gui', '--data-dir', {str(data)!r}]))\n"
    )
    assert run_windowed(code, tmp_path).returncode == 0
    assert "Dữ liệu mẫu ở" in (data / "logs" / "console.log").read_text(encoding="utf-8")
