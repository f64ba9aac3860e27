"""Driving the real program in a process of its own, as a person would: an X server of its own
(Xvfb, 1366×768), the program started with its ordinary command line, clicks and keys sent
through the X server (xdotool), and the program's windows read by a probe loaded into its
process (probe_site/isodesk_probe.py: it reports what is on screen, it never acts).

    with XServer() as x, Program(x, ["demo", "--data-dir", str(folder)], tmp) as app:
        app.wait_for(name="password").type_text("demo1234").key("Return")
        app.click(app.wait_for(name="start_kiosk"))
        assert app.wait_exit() == 0

Every wait has a deadline (the program may be slow on a busy machine, never stuck for ever) and
says what it waited for when it gives up.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE_SITE = Path(__file__).resolve().parent / "probe_site"
SCREEN = "1366x768x24"
START_S = 180          # the first window of a program started on a loaded machine
STEP_S = 60            # anything else that should follow a click or a key
POLL_S = 0.1

INSTALL_HINT = ("The journey tests start the real program under an X server of their own and "
                "need Xvfb and xdotool. Install them (Debian/Ubuntu): "
                "sudo apt-get install -y xvfb xdotool libxcb-cursor0 libxkbcommon-x11-0 "
                "libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
                "libxcb-xinerama0 libxcb-shape0 (the CI script .ci/run does it).")


def require_tools() -> None:
    """Fail, saying how to install them, when the tools are missing: never skip silently."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the journey tests drive an X server: they run on Linux (CI)")
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found. {INSTALL_HINT}", pytrace=False)


def wait_until(condition, what: str, timeout: float, *, alive=None):
    """Poll `condition()` until it returns something true; fail after `timeout` seconds, or at
    once when `alive()` says the program has ended."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        value = condition()
        if value:
            return value
        if alive is not None and not alive():
            raise AssertionError(f"the program ended while waiting for {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")
        pause.wait(POLL_S)


class XServer:
    """Xvfb on a free display (it picks the number itself: -displayfd), stopped at the end."""

    def __init__(self, screen: str = SCREEN):
        require_tools()
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp",
             "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        with os.fdopen(read, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    self.close()
                    raise AssertionError("Xvfb did not start")
                number += chunk
        self.display = f":{int(number)}"

    def env(self) -> dict:
        return {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, **self.env()}, check=True,
                       timeout=STEP_S)

    def screenshot(self, path: Path) -> None:
        """The whole screen as PNG (ImageMagick's import), for looking at a failure."""
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(path)],
                           env={**os.environ, **self.env()}, timeout=STEP_S, check=False)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=STEP_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> XServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass
class Widget:
    """What the probe says about one thing on screen."""
    cls: str
    name: str
    text: str
    x: int
    y: int
    w: int
    h: int
    enabled: bool = True
    window: str = ""
    key: str | None = None
    selected: bool | None = None
    checked: bool | None = None
    focus: bool | None = None

    @classmethod
    def of(cls, data: dict) -> Widget:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2


class Program:
    """The program (`python -m desktop ARGS`) on the X server, with the probe loaded."""

    def __init__(self, x: XServer, args: list[str], workdir: Path, *, env: dict | None = None):
        self.x = x
        self.data_dir = Path(args[args.index("--data-dir") + 1]) if "--data-dir" in args \
            else None
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port_file = self.workdir / "probe-port"
        self.port_file.unlink(missing_ok=True)
        self.output = open(self.workdir / "program-output.txt", "wb")  # noqa: SIM115
        path = os.pathsep.join([str(PROBE_SITE), str(ROOT)])
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", *args], cwd=ROOT,
            env={**os.environ, **x.env(), "PYTHONPATH": path,
                 "ISODESK_TEST_PROBE": str(self.port_file), "PYTHONUTF8": "1", **(env or {})},
            stdout=self.output, stderr=subprocess.STDOUT)
        self._conn = None

    # --- the probe ---------------------------------------------------------------------------

    def alive(self) -> bool:
        return self.proc.poll() is None

    def _connect(self):
        if self._conn is None:
            port = wait_until(lambda: self.port_file.exists() and self.port_file.read_text(),
                              "the program's probe", START_S, alive=self.alive)
            sock = socket.create_connection(("127.0.0.1", int(port)), timeout=STEP_S)
            self._conn = (sock, sock.makefile("rwb"))
        return self._conn[1]

    def ask(self, op: str, **args) -> dict:
        stream = self._connect()
        stream.write(json.dumps({"op": op, **args}).encode() + b"\n")
        stream.flush()
        line = stream.readline()
        if not line:
            try:
                code = self.proc.wait(timeout=STEP_S)
            except subprocess.TimeoutExpired:
                code = None
            raise AssertionError(f"the program stopped answering (exit code {code})")
        return json.loads(line)

    def widgets(self) -> list[Widget]:
        answer = self.ask("widgets")
        return [Widget.of(w) for w in answer["widgets"]] if answer.get("ok") else []

    def windows(self) -> list[dict]:
        answer = self.ask("windows")
        return answer["windows"] if answer.get("ok") else []

    def find(self, *, name: str | None = None, cls: str | None = None, text: str | None = None,
             key: str | None = None, window: str | None = None,
             enabled: bool | None = True) -> Widget | None:
        for w in self.widgets():
            if ((name is None or w.name == name) and (cls is None or w.cls == cls)
                    and (text is None or text in w.text) and (key is None or w.key == key)
                    and (window is None or w.window == window)
                    and (enabled is None or w.enabled == enabled)):
                return w
        return None

    def wait_for(self, timeout: float = STEP_S, **what) -> Widget:
        return wait_until(lambda: self.find(**what), f"a widget {what}", timeout,
                          alive=self.alive)

    def wait_window(self, cls: str, timeout: float = STEP_S, *, gone: bool = False) -> bool:
        def seen():
            shown = any(w["cls"] == cls for w in self.windows())
            return (not shown) if gone else shown
        return wait_until(seen, f"window {cls} {'to close' if gone else 'to show'}", timeout,
                          alive=self.alive)

    # --- hands -------------------------------------------------------------------------------

    def click(self, widget: Widget) -> Program:
        x, y = widget.centre
        self.x.xdotool("mousemove", "--sync", str(x), str(y), "click", "1")
        return self

    def type_text(self, text: str) -> Program:
        self.x.xdotool("type", "--delay", "40", "--", text)
        return self

    def key(self, *keys: str) -> Program:
        self.x.xdotool("key", "--delay", "60", "--clearmodifiers", *keys)
        return self

    # --- the end -----------------------------------------------------------------------------

    def wait_exit(self, timeout: float = STEP_S) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the program did not exit within {timeout:.0f} s") from None

    def text_output(self) -> str:
        self.output.flush()
        return (self.workdir / "program-output.txt").read_text(encoding="utf-8",
                                                                errors="replace")

    def _run_logs(self) -> str:
        """What the program's own crash logs say (a fatal error is written there)."""
        if self.data_dir is None:
            return ""
        texts = []
        for path in sorted((self.data_dir / "logs").glob("*.log")):
            if path.name.startswith(("run-", "crash-")):
                texts.append(f"\n--- {path.name}:\n" + path.read_text(
                    encoding="utf-8", errors="replace")[-3000:])
        return "".join(texts)

    def close(self) -> None:
        if self._conn is not None:
            for part in reversed(self._conn):
                try:
                    part.close()
                except OSError:
                    pass
            self._conn = None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STEP_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.output.close()

    def __enter__(self) -> Program:
        return self

    def __exit__(self, kind, error, tb) -> None:
        if error is not None:   # what the screen showed and what the program said, to look at
            shot = self.workdir / "failure.png"
            self.x.screenshot(shot)
            if isinstance(error, Exception):
                error.add_note(f"screen: {shot}\nprogram output (end):\n"
                               f"{self.text_output()[-3000:]}{self._run_logs()}")
        self.close()
