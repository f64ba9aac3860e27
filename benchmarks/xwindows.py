"""Timing windows from outside the program, on a real X server: a private Xvfb, and a small Xlib
client (ctypes, no extra package) that subscribes to the root window's SubstructureNotify events
and is woken by the MapNotify of the window it waits for — no polling of the window list.

Linux only (the benchmarks run where Xvfb is); every foreign call declares its argument and
result types.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

MAP_NOTIFY = 19
CLIENT_MESSAGE = 33
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
NO_EVENT_MASK = 0
ANY_PROPERTY_TYPE = 0


class XAnyEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong)]


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong),
                ("window", ctypes.c_ulong), ("override_redirect", ctypes.c_int)]


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xany", XAnyEvent), ("xmap", XMapEvent),
                ("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


def _xlib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11")
    if not name:
        raise RuntimeError("libX11 is not installed")
    x = ctypes.CDLL(name)
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x.XCloseDisplay.restype = ctypes.c_int
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x.XSelectInput.restype = ctypes.c_int
    x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XSync.restype = ctypes.c_int
    x.XFlush.argtypes = [ctypes.c_void_p]
    x.XFlush.restype = ctypes.c_int
    x.XPending.argtypes = [ctypes.c_void_p]
    x.XPending.restype = ctypes.c_int
    x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    x.XNextEvent.restype = ctypes.c_int
    x.XConnectionNumber.argtypes = [ctypes.c_void_p]
    x.XConnectionNumber.restype = ctypes.c_int
    x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x.XInternAtom.restype = ctypes.c_ulong
    x.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
    x.XGetWindowProperty.restype = ctypes.c_int
    x.XFree.argtypes = [ctypes.c_void_p]
    x.XFree.restype = ctypes.c_int
    x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                             ctypes.POINTER(XEvent)]
    x.XSendEvent.restype = ctypes.c_int
    return x


class Watcher:
    """A connection to the X server that sees every top-level window being mapped."""

    def __init__(self, display: str):
        self.x = _xlib()
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open the X display {display}")
        self.root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, self.root, SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XSync(self.dpy, 0)
        self.fd = self.x.XConnectionNumber(self.dpy)
        self._net_wm_name = self.x.XInternAtom(self.dpy, b"_NET_WM_NAME", 0)
        self._wm_name = self.x.XInternAtom(self.dpy, b"WM_NAME", 0)
        self._net_wm_pid = self.x.XInternAtom(self.dpy, b"_NET_WM_PID", 0)

    def close(self) -> None:
        if self.dpy:
            self.x.XCloseDisplay(self.dpy)
            self.dpy = None

    def drain(self) -> None:
        """Forget the events that arrived so far (windows of an earlier launch)."""
        self.x.XSync(self.dpy, 0)
        ev = XEvent()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(ev))

    def title(self, window: int) -> str:
        for atom in (self._net_wm_name, self._wm_name):
            actual, fmt = ctypes.c_ulong(), ctypes.c_int()
            n, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
            status = self.x.XGetWindowProperty(
                self.dpy, window, atom, 0, 1024, 0, ANY_PROPERTY_TYPE, ctypes.byref(actual),
                ctypes.byref(fmt), ctypes.byref(n), ctypes.byref(after), ctypes.byref(data))
            if status == 0 and data.value:
                try:
                    raw = ctypes.string_at(data.value, n.value) if fmt.value == 8 else b""
                finally:
                    self.x.XFree(data)
                if raw:
                    return raw.decode("utf-8", "replace")
        return ""

    def pid(self, window: int) -> int | None:
        """The process that made the window (_NET_WM_PID, which Qt sets), or None."""
        actual, fmt = ctypes.c_ulong(), ctypes.c_int()
        n, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self.x.XGetWindowProperty(
            self.dpy, window, self._net_wm_pid, 0, 1, 0, ANY_PROPERTY_TYPE, ctypes.byref(actual),
            ctypes.byref(fmt), ctypes.byref(n), ctypes.byref(after), ctypes.byref(data))
        if status != 0 or not data.value:
            return None
        try:
            # format 32 properties come as C longs, whatever their width
            return ctypes.cast(data.value, ctypes.POINTER(ctypes.c_long))[0] \
                if fmt.value == 32 and n.value else None
        finally:
            self.x.XFree(data)

    def wait_mapped(self, wanted, timeout: float, alive=lambda: True) -> tuple[float, int]:
        """Block until a top-level window for which `wanted(title, window)` is true is mapped;
        (perf_counter() when its MapNotify arrived, the window id). RuntimeError on timeout or
        when `alive()` turns false; `wanted` may raise to give up early (an unexpected window)."""
        deadline = time.perf_counter() + timeout
        ev = XEvent()
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(ev))
                if ev.type == MAP_NOTIFY:
                    at = time.perf_counter()
                    window = ev.xmap.window
                    if wanted(self.title(window), window):
                        return at, window
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RuntimeError("the window was not mapped in time")
            if not alive():
                raise RuntimeError("the program ended before its window was mapped")
            select.select([self.fd], [], [], min(left, 0.5))

    def ask_to_close(self, window: int) -> None:
        """What a window manager's close button does: WM_DELETE_WINDOW."""
        ev = XEvent()
        ev.xclient.type = CLIENT_MESSAGE
        ev.xclient.window = window
        ev.xclient.message_type = self.x.XInternAtom(self.dpy, b"WM_PROTOCOLS", 0)
        ev.xclient.format = 32
        ev.xclient.data[0] = self.x.XInternAtom(self.dpy, b"WM_DELETE_WINDOW", 0)
        ev.xclient.data[1] = 0
        self.x.XSendEvent(self.dpy, window, 0, NO_EVENT_MASK, ctypes.byref(ev))
        self.x.XFlush(self.dpy)


def _xtst() -> ctypes.CDLL:
    name = ctypes.util.find_library("Xtst")
    if not name:
        raise RuntimeError("libXtst is not installed")
    t = ctypes.CDLL(name)
    t.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    t.XTestFakeKeyEvent.restype = ctypes.c_int
    return t


class Keyboard:
    """Keys pressed through the XTEST extension, as a person's keyboard would (to the window
    under the pointer: Xvfb has no window manager, so the focus follows the pointer)."""

    def __init__(self, watcher: Watcher):
        self.w = watcher
        self.t = _xtst()
        x = watcher.x
        x.XStringToKeysym.argtypes = [ctypes.c_char_p]
        x.XStringToKeysym.restype = ctypes.c_ulong
        x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x.XKeysymToKeycode.restype = ctypes.c_ubyte

    def press(self, keysym: str) -> None:
        x, dpy = self.w.x, self.w.dpy
        code = x.XKeysymToKeycode(dpy, x.XStringToKeysym(keysym.encode()))
        if not code:
            raise ValueError(f"no key for {keysym!r}")
        self.t.XTestFakeKeyEvent(dpy, code, 1, 0)
        self.t.XTestFakeKeyEvent(dpy, code, 0, 0)
        x.XFlush(dpy)

    def type(self, text: str, interval: float = 0.0) -> None:
        """Lowercase letters and digits only (no shift needed); `interval` seconds after each
        key, as a person types."""
        for ch in text:
            self.press(ch)
            if interval:
                time.sleep(interval)


class Xvfb:
    """A private X server for the benchmark's own windows (display number from
    ISODESK_BENCH_DISPLAY, else the first free one from :70)."""

    def __init__(self):
        if not shutil.which("Xvfb"):
            raise RuntimeError("Xvfb is not installed")
        wanted = os.environ.get("ISODESK_BENCH_DISPLAY")
        numbers = [int(wanted.lstrip(":"))] if wanted else range(70, 100)
        for n in numbers:
            if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
                break
        else:
            raise RuntimeError("no free X display number")
        self.display = f":{n}"
        self.proc = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1366x768x24",
                                      "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.perf_counter() + 20
        while not Path(f"/tmp/.X11-unix/X{n}").exists():  # the server's own start, once
            if self.proc.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
