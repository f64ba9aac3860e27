"""Every Win32 function the program calls, with its prototype.

The functions are reached through private `ctypes.WinDLL(name, use_last_error=True)` handles, not
the shared `ctypes.windll`, so that no other module (or library) can change their types, and
`ctypes.get_last_error()` gives the error of the call that just failed. A function is only served
when its prototype is declared below: without `restype` ctypes takes every result for a C `int`,
which cuts 64-bit handles to 32 bits (a module handle 0x140000000 becomes 0x40000000 and
`SetWindowsHookExW` refuses it), and without `argtypes` pointers and handles are passed as ints.

Off Windows the declarations still load (the tests walk them) but calling raises `OSError`.
"""
from __future__ import annotations

import ctypes
import sys
from ctypes import wintypes

# ctypes on Linux has no WINFUNCTYPE; the declarations must still load there.
WINFUNCTYPE = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)

LRESULT = ctypes.c_ssize_t
WPARAM = ctypes.c_size_t
LPARAM = ctypes.c_ssize_t
ULONG_PTR = ctypes.c_size_t
HANDLE = ctypes.c_void_p
EXECUTION_STATE = wintypes.DWORD


class DATA_BLOB(ctypes.Structure):  # noqa: N801  (Win32 names)
    _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]


class KBDLLHOOKSTRUCT(ctypes.Structure):  # noqa: N801
    _fields_ = [("vkCode", wintypes.DWORD), ("scanCode", wintypes.DWORD),
                ("flags", wintypes.DWORD), ("time", wintypes.DWORD),
                ("dwExtraInfo", ULONG_PTR)]


class POINT(ctypes.Structure):
    _fields_ = [("x", wintypes.LONG), ("y", wintypes.LONG)]


class MSG(ctypes.Structure):
    _fields_ = [("hwnd", wintypes.HWND), ("message", wintypes.UINT), ("wParam", WPARAM),
                ("lParam", LPARAM), ("time", wintypes.DWORD), ("pt", POINT),
                ("lPrivate", wintypes.DWORD)]


class KEYBDINPUT(ctypes.Structure):
    _fields_ = [("wVk", wintypes.WORD), ("wScan", wintypes.WORD), ("dwFlags", wintypes.DWORD),
                ("time", wintypes.DWORD), ("dwExtraInfo", ULONG_PTR)]


class MOUSEINPUT(ctypes.Structure):  # only there to give INPUT its real size
    _fields_ = [("dx", wintypes.LONG), ("dy", wintypes.LONG), ("mouseData", wintypes.DWORD),
                ("dwFlags", wintypes.DWORD), ("time", wintypes.DWORD),
                ("dwExtraInfo", ULONG_PTR)]


class _INPUTUNION(ctypes.Union):  # noqa: N801
    _fields_ = [("ki", KEYBDINPUT), ("mi", MOUSEINPUT)]


class INPUT(ctypes.Structure):
    _anonymous_ = ("u",)
    _fields_ = [("type", wintypes.DWORD), ("u", _INPUTUNION)]


HOOKPROC = WINFUNCTYPE(LRESULT, ctypes.c_int, WPARAM, LPARAM)

# name -> {function: (restype, [argtypes])}. `None` as restype means "returns nothing" and is
# written out on purpose; every function has both.
PROTOTYPES: dict[str, dict[str, tuple]] = {
    "kernel32": {
        "GetModuleHandleW": (wintypes.HMODULE, [wintypes.LPCWSTR]),
        "GetCurrentThreadId": (wintypes.DWORD, []),
        "SetThreadExecutionState": (EXECUTION_STATE, [EXECUTION_STATE]),
        "LocalFree": (wintypes.HLOCAL, [wintypes.HLOCAL]),
    },
    "user32": {
        "SetWindowsHookExW": (wintypes.HHOOK, [ctypes.c_int, HOOKPROC, wintypes.HINSTANCE,
                                               wintypes.DWORD]),
        "UnhookWindowsHookEx": (wintypes.BOOL, [wintypes.HHOOK]),
        "CallNextHookEx": (LRESULT, [wintypes.HHOOK, ctypes.c_int, WPARAM, LPARAM]),
        "GetAsyncKeyState": (wintypes.SHORT, [ctypes.c_int]),
        "GetMessageW": (wintypes.BOOL, [ctypes.POINTER(MSG), wintypes.HWND, wintypes.UINT,
                                        wintypes.UINT]),
        "PeekMessageW": (wintypes.BOOL, [ctypes.POINTER(MSG), wintypes.HWND, wintypes.UINT,
                                         wintypes.UINT, wintypes.UINT]),
        "TranslateMessage": (wintypes.BOOL, [ctypes.POINTER(MSG)]),
        "DispatchMessageW": (LRESULT, [ctypes.POINTER(MSG)]),
        "PostThreadMessageW": (wintypes.BOOL, [wintypes.DWORD, wintypes.UINT, WPARAM, LPARAM]),
        "SendInput": (wintypes.UINT, [wintypes.UINT, ctypes.POINTER(INPUT), ctypes.c_int]),
        "MessageBoxW": (ctypes.c_int, [wintypes.HWND, wintypes.LPCWSTR, wintypes.LPCWSTR,
                                       wintypes.UINT]),
    },
    "crypt32": {
        "CryptProtectData": (wintypes.BOOL, [
            ctypes.POINTER(DATA_BLOB), wintypes.LPCWSTR, ctypes.POINTER(DATA_BLOB),
            ctypes.c_void_p, ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(DATA_BLOB)]),
        "CryptUnprotectData": (wintypes.BOOL, [
            ctypes.POINTER(DATA_BLOB), ctypes.POINTER(wintypes.LPWSTR),
            ctypes.POINTER(DATA_BLOB), ctypes.c_void_p, ctypes.c_void_p, wintypes.DWORD,
            ctypes.POINTER(DATA_BLOB)]),
    },
}


class Library:
    """One DLL, opened privately on first use; serves only the declared functions."""

    def __init__(self, name: str):
        self.name = name
        self.prototypes = PROTOTYPES[name]
        self._dll = None
        self._bound: dict[str, object] = {}

    def __getattr__(self, function: str):
        if function.startswith("_") or function not in self.prototypes:
            raise AttributeError(f"{self.name}.{function}: no prototype declared in "
                                 "desktop/win32/api.py")
        bound = self._bound.get(function)
        if bound is None:
            if self._dll is None:
                if sys.platform != "win32":
                    raise OSError(f"{self.name}.dll exists only on Windows")
                self._dll = ctypes.WinDLL(self.name, use_last_error=True)
            bound = getattr(self._dll, function)
            bound.restype, bound.argtypes = self.prototypes[function]
            self._bound[function] = bound
        return bound


kernel32 = Library("kernel32")
user32 = Library("user32")
crypt32 = Library("crypt32")


def last_error() -> int:
    """The Win32 error of the last failed call on this thread (0 elsewhere)."""
    return ctypes.get_last_error() if sys.platform == "win32" else 0


def available() -> bool:
    return sys.platform == "win32"
