"""What the kiosk asks of the operating system, kept small and separate.

- Keeping the PC awake during a test: on Windows, SetThreadExecutionState through ctypes
  (ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED), released when the kiosk closes.
  Elsewhere nothing is done (the offices run Windows; the tests run anywhere).
- Covering every screen: the kiosk takes the screen it is on; each other screen gets a plain
  cover window on top.
- Swallowing the system shortcuts (Alt+Tab, the Windows key…) with a low-level keyboard hook on
  Windows while the kiosk runs.
- Starting again at Windows logon while the kiosk runs (after a power cut the program reopens in
  the kiosk): a value under the user's own `HKCU\\…\\Run` key, written when the kiosk starts and
  removed when the proctor leaves it. Nothing is written elsewhere.
"""
from __future__ import annotations

import sys

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


def _set_execution_state(flags: int) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        previous = ctypes.windll.kernel32.SetThreadExecutionState(ctypes.c_uint(flags))
    except (AttributeError, OSError):
        return False
    return previous != 0


def keep_awake() -> bool:
    """Ask Windows not to sleep or turn the display off. True when the request was made."""
    return _set_execution_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)


def allow_sleep() -> bool:
    return _set_execution_state(ES_CONTINUOUS)


RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "ISO Desk - kiem tra"


def autostart_command(data_dir, *, executable: str | None = None,
                      frozen: bool | None = None) -> str:
    """The command that starts the program again on the same data folder."""
    import subprocess

    executable = executable or sys.executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        args = [executable]
    else:  # from a source checkout: the windowless interpreter when there is one
        pythonw = executable[:-len("python.exe")] + "pythonw.exe" \
            if executable.lower().endswith("python.exe") else executable
        args = [pythonw, "-m", "desktop"]
    return subprocess.list2cmdline(args + ["--data-dir", str(data_dir)])


def set_autostart(on: bool, command: str = "", *, system: str | None = None,
                  registry=None) -> bool:
    """Write (on) or remove (off) the logon start value; Windows only. True when done."""
    if (system or sys.platform) != "win32":
        return False
    if registry is None:
        import winreg as registry
    try:
        with registry.CreateKeyEx(registry.HKEY_CURRENT_USER, RUN_KEY, 0,
                                  registry.KEY_SET_VALUE) as key:
            if on:
                registry.SetValueEx(key, RUN_VALUE, 0, registry.REG_SZ, command)
            else:
                try:
                    registry.DeleteValue(key, RUN_VALUE)
                except FileNotFoundError:
                    pass
    except OSError:
        return False
    return True


def lock_in(data_dir) -> None:
    """While the kiosk runs: no sleep, and back in the kiosk at the next logon."""
    keep_awake()
    set_autostart(True, autostart_command(data_dir))


def release() -> None:
    """The kiosk was left with the PIN: sleep allowed, no start at logon."""
    allow_sleep()
    set_autostart(False)


def other_screens(window) -> list:
    """The screens other than the one the window is on (QScreen objects)."""
    from PySide6.QtGui import QGuiApplication

    mine = window.screen() if window is not None else QGuiApplication.primaryScreen()
    return [s for s in QGuiApplication.screens() if s is not mine]


# --- Windows: the system shortcuts a window can't refuse -----------------------------------
# Alt+Tab, Alt+Esc, Ctrl+Esc and the Windows keys are handled by Windows before any window sees
# them. Like Safe Exam Browser, the kiosk installs a low-level keyboard hook while a test runs
# and swallows them. (Ctrl+Alt+Del can't be blocked by any program, by design.)
WH_KEYBOARD_LL = 13
WM_KEYDOWN, WM_KEYUP, WM_SYSKEYDOWN, WM_SYSKEYUP = 0x0100, 0x0101, 0x0104, 0x0105
VK_TAB, VK_ESCAPE, VK_F4, VK_LWIN, VK_RWIN, VK_APPS = 0x09, 0x1B, 0x73, 0x5B, 0x5C, 0x5D
LLKHF_ALTDOWN = 0x20


def blocked_system_key(vk: int, alt_down: bool, ctrl_down: bool) -> bool:
    """Whether a key press must not reach Windows while the kiosk runs."""
    if vk in (VK_LWIN, VK_RWIN, VK_APPS):
        return True
    if alt_down and vk in (VK_TAB, VK_ESCAPE, VK_F4):
        return True
    return ctrl_down and vk == VK_ESCAPE


class SystemKeyBlocker:
    """Installs the hook on `start()` (Windows only; elsewhere a no-op) and removes it on
    `stop()`. The hook runs on the GUI thread, whose Qt event loop pumps the messages."""

    def __init__(self):
        self._hook = None
        self._proc = None  # keeps the ctypes callback alive while installed

    @property
    def active(self) -> bool:
        return self._hook is not None

    def start(self) -> bool:
        if sys.platform != "win32" or self._hook is not None:
            return self._hook is not None
        import ctypes
        from ctypes import wintypes

        user32 = ctypes.windll.user32
        kernel32 = ctypes.windll.kernel32

        class KBDLLHOOKSTRUCT(ctypes.Structure):
            _fields_ = [("vkCode", wintypes.DWORD), ("scanCode", wintypes.DWORD),
                        ("flags", wintypes.DWORD), ("time", wintypes.DWORD),
                        ("dwExtraInfo", ctypes.c_void_p)]

        LRESULT = ctypes.c_ssize_t
        HOOKPROC = ctypes.WINFUNCTYPE(LRESULT, ctypes.c_int, wintypes.WPARAM, wintypes.LPARAM)
        user32.CallNextHookEx.restype = LRESULT
        user32.CallNextHookEx.argtypes = [ctypes.c_void_p, ctypes.c_int, wintypes.WPARAM,
                                          wintypes.LPARAM]
        user32.SetWindowsHookExW.restype = ctypes.c_void_p
        user32.SetWindowsHookExW.argtypes = [ctypes.c_int, HOOKPROC, ctypes.c_void_p,
                                             wintypes.DWORD]
        user32.GetAsyncKeyState.restype = ctypes.c_short

        def proc(code, wparam, lparam):
            try:
                if code == 0 and wparam in (WM_KEYDOWN, WM_SYSKEYDOWN, WM_KEYUP, WM_SYSKEYUP):
                    info = ctypes.cast(lparam, ctypes.POINTER(KBDLLHOOKSTRUCT)).contents
                    ctrl = bool(user32.GetAsyncKeyState(0x11) & 0x8000)
                    if blocked_system_key(info.vkCode, bool(info.flags & LLKHF_ALTDOWN), ctrl):
                        return 1
            except Exception:  # never let an error in the hook swallow the keyboard
                pass
            return user32.CallNextHookEx(None, code, wparam, lparam)

        self._proc = HOOKPROC(proc)
        try:
            module = kernel32.GetModuleHandleW(None)
            self._hook = user32.SetWindowsHookExW(WH_KEYBOARD_LL, self._proc, module, 0) or None
        except (AttributeError, OSError):
            self._hook = None
        if self._hook is None:
            self._proc = None
        return self._hook is not None

    def stop(self) -> None:
        if self._hook is not None and sys.platform == "win32":
            import ctypes

            try:
                ctypes.windll.user32.UnhookWindowsHookEx(ctypes.c_void_p(self._hook))
            except (AttributeError, OSError):
                pass
        self._hook = None
        self._proc = None
