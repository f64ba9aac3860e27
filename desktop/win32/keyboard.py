"""The kiosk's keyboard lock: a low-level keyboard hook that swallows the system shortcuts.

Alt+Tab, Alt+Esc, Ctrl+Esc and the Windows keys are handled by Windows before any window sees
them. Like Safe Exam Browser, the kiosk installs a `WH_KEYBOARD_LL` hook while a test runs and
swallows them (Ctrl+Alt+Del can't be blocked by any program, by design).

Windows calls a low-level hook on the thread that installed it, through that thread's message
loop, and silently removes a hook that does not answer within `LowLevelHooksTimeout`. So the hook
lives on a thread of its own that does nothing but pump its messages (never the UI thread, which
may be busy saving or drawing), and a watchdog checks every few seconds that it is still there:
it injects a probe key (an unassigned virtual key, marked in `dwExtraInfo`) with `SendInput`,
which the hook recognises and swallows. A probe that does not come through means the hook is
gone; it is installed again, and if that fails too `on_lost` is called.
"""
from __future__ import annotations

import ctypes
import logging
import threading
from typing import Callable

from . import api

log = logging.getLogger("isodesk.keyboard")

WH_KEYBOARD_LL = 13
HC_ACTION = 0
WM_QUIT, WM_KEYDOWN, WM_KEYUP, WM_SYSKEYDOWN, WM_SYSKEYUP = 0x0012, 0x0100, 0x0101, 0x0104, 0x0105
WM_APP = 0x8000
WM_REINSTALL = WM_APP + 1
PM_NOREMOVE = 0
INPUT_KEYBOARD = 1
KEYEVENTF_KEYUP = 0x0002
VK_TAB, VK_CONTROL, VK_MENU, VK_ESCAPE, VK_F4 = 0x09, 0x11, 0x12, 0x1B, 0x73
VK_LWIN, VK_RWIN, VK_APPS = 0x5B, 0x5C, 0x5D
LLKHF_ALTDOWN = 0x20
PROBE_VK = 0x9F                # "unassigned" in the virtual-key table
PROBE_MARK = 0x15D0_C0DE       # dwExtraInfo of our own probe keys


def blocked_system_key(vk: int, alt_down: bool, ctrl_down: bool) -> bool:
    """Whether a key press must not reach Windows while the kiosk runs."""
    if vk in (VK_LWIN, VK_RWIN, VK_APPS):
        return True
    if alt_down and vk in (VK_TAB, VK_ESCAPE, VK_F4):
        return True
    return ctrl_down and vk == VK_ESCAPE


def key_input(vk: int, *, up: bool = False, extra: int = 0) -> api.INPUT:
    """One synthetic key event for `SendInput`."""
    event = api.INPUT(type=INPUT_KEYBOARD)
    event.ki = api.KEYBDINPUT(wVk=vk, wScan=0, dwFlags=KEYEVENTF_KEYUP if up else 0, time=0,
                              dwExtraInfo=extra)
    return event


def send_keys(*events: api.INPUT) -> int:
    """Inject key events; returns how many Windows took (0: refused, e.g. on the secure
    desktop or when the target runs with higher rights)."""
    array = (api.INPUT * len(events))(*events)
    return api.user32.SendInput(len(events), array, ctypes.sizeof(api.INPUT))


class SystemKeyBlocker:
    """Installs the hook on `start()` (Windows only; elsewhere a no-op returning False) and
    removes it on `stop()`. `check()` tells whether the hook still receives keys."""

    def __init__(self, *, check_every: float = 5.0,
                 on_lost: Callable[[], None] | None = None):
        self.check_every = check_every
        self.on_lost = on_lost
        self.lost = False
        self.swallowed = 0        # system keys kept from Windows (for the log and the tests)
        self.passed = 0
        self._hook = None
        self._proc = None         # the ctypes callback, alive while installed
        self._thread: threading.Thread | None = None
        self._thread_id = 0
        self._ready = threading.Event()
        self._probe_seen = threading.Event()
        self._reinstalled = threading.Event()
        self._stopping = threading.Event()
        self._watchdog: threading.Thread | None = None

    @property
    def active(self) -> bool:
        return self._hook is not None

    # --- the hook thread ------------------------------------------------------------------

    def start(self) -> bool:
        if not api.available():
            return False
        if self._thread is not None:
            return self.active
        self._stopping.clear()
        self._ready.clear()
        self._thread = threading.Thread(target=self._loop, name="isodesk-keyboard-lock",
                                        daemon=True)
        self._thread.start()
        if not self._ready.wait(5.0) or not self.active:
            self.stop()
            return False
        if self.check_every:
            self._watchdog = threading.Thread(target=self._watch, name="isodesk-keyboard-watch",
                                              daemon=True)
            self._watchdog.start()
        return True

    def stop(self) -> None:
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            if self._thread_id:
                api.user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
            thread.join(5.0)
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None and watchdog is not threading.current_thread():
            watchdog.join(5.0)
        self._hook = None
        self._proc = None
        self._thread_id = 0

    def _loop(self) -> None:
        msg = api.MSG()
        try:
            self._thread_id = api.kernel32.GetCurrentThreadId()
            # The thread gets its message queue before anyone posts to it.
            api.user32.PeekMessageW(ctypes.byref(msg), None, 0, 0, PM_NOREMOVE)
            self._install()
        except OSError as exc:
            log.error("the keyboard lock could not start: %s", exc)
        finally:
            self._ready.set()
        if self._hook is None:
            return
        try:
            while True:
                got = api.user32.GetMessageW(ctypes.byref(msg), None, 0, 0)
                if got == 0 or got == -1:
                    break
                if msg.message == WM_REINSTALL and msg.hwnd is None:
                    self._uninstall()
                    self._install()
                    self._reinstalled.set()
                    continue
                api.user32.TranslateMessage(ctypes.byref(msg))
                api.user32.DispatchMessageW(ctypes.byref(msg))
        finally:
            self._uninstall()

    def _install(self) -> None:
        self._proc = api.HOOKPROC(self._on_key)
        module = api.kernel32.GetModuleHandleW(None)
        self._hook = api.user32.SetWindowsHookExW(WH_KEYBOARD_LL, self._proc, module, 0) or None
        if self._hook is None:
            log.error("SetWindowsHookExW failed (Windows error %s)", api.last_error())
            self._proc = None
        else:
            log.info("keyboard lock on (hook %#x)", self._hook)

    def _uninstall(self) -> None:
        hook, self._hook = self._hook, None
        if hook is not None:
            api.user32.UnhookWindowsHookEx(hook)
            log.info("keyboard lock off")

    def _on_key(self, code: int, wparam: int, lparam: int) -> int:
        try:
            if code == HC_ACTION and wparam in (WM_KEYDOWN, WM_SYSKEYDOWN, WM_KEYUP, WM_SYSKEYUP):
                info = ctypes.cast(lparam, ctypes.POINTER(api.KBDLLHOOKSTRUCT)).contents
                if info.vkCode == PROBE_VK and info.dwExtraInfo == PROBE_MARK:
                    self._probe_seen.set()
                    return 1
                ctrl = bool(api.user32.GetAsyncKeyState(VK_CONTROL) & 0x8000)
                # LLKHF_ALTDOWN, or Alt held as the key state says (some input paths, such as
                # injected keys on some systems, leave the flag out)
                alt = bool(info.flags & LLKHF_ALTDOWN) or \
                    bool(api.user32.GetAsyncKeyState(VK_MENU) & 0x8000)
                if blocked_system_key(info.vkCode, alt, ctrl):
                    self.swallowed += 1
                    return 1
                self.passed += 1
        except Exception:  # noqa: BLE001  never let an error in the hook swallow the keyboard
            pass
        return api.user32.CallNextHookEx(None, code, wparam, lparam)

    # --- is it still there? ---------------------------------------------------------------

    def check(self, timeout: float = 1.0) -> bool | None:
        """True when a probe key went through the hook, False when it did not (the hook is
        gone), None when Windows refused to inject the probe (nothing can be told)."""
        if not self.active:
            return False
        self._probe_seen.clear()
        if send_keys(key_input(PROBE_VK, extra=PROBE_MARK),
                     key_input(PROBE_VK, up=True, extra=PROBE_MARK)) == 0:
            return None
        return self._probe_seen.wait(timeout)

    def reinstall(self, timeout: float = 2.0) -> bool:
        """Install the hook again on its thread (Windows may have removed it)."""
        if self._thread is None or not self._thread_id:
            return False
        self._reinstalled.clear()
        api.user32.PostThreadMessageW(self._thread_id, WM_REINSTALL, 0, 0)
        return self._reinstalled.wait(timeout) and self.active

    def _watch(self) -> None:
        while not self._stopping.wait(self.check_every):
            if self.check() is not False:
                continue
            log.warning("the keyboard hook stopped receiving keys; installing it again")
            if self.reinstall() and self.check() is not False:
                continue
            self.lost = True
            log.error("the keyboard lock is lost")
            if self.on_lost is not None:
                self.on_lost()
            return


def lock_works(blocker_factory=SystemKeyBlocker) -> bool:
    """Install the lock once and check that keys go through it; True when they do (or when
    Windows refused the probe, so nothing can be told). The kiosk opens only then."""
    blocker = blocker_factory(check_every=0)
    try:
        if not blocker.start():
            log.error("the keyboard hook could not be installed")
            return False
        if blocker.check() is False:
            log.error("the keyboard hook is installed but receives no keys")
            return False
        return True
    finally:
        blocker.stop()
