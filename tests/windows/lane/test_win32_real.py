"""The program's Win32 calls on real Windows binaries (under Wine in CI): every prototype binds,
handles keep their 64 bits, the keyboard hook swallows what it must and lets the rest through,
the watchdog notices a removed hook, the power request, DPAPI, the registry."""
from __future__ import annotations

import ctypes
import threading
import winreg

import pytest

from desktop.win32 import api, autostart, dpapi, keyboard, power

pytestmark = pytest.mark.real_windows


def test_every_prototype_binds_to_a_real_export_on_a_private_handle():
    for dll, functions in api.PROTOTYPES.items():
        library = getattr(api, dll)
        for name, (restype, argtypes) in functions.items():
            bound = getattr(library, name)
            assert bound.restype is restype and bound.argtypes == argtypes, name
    shared = ctypes.windll.user32.SetWindowsHookExW
    assert shared.argtypes is None     # the shared windll was left as it was


def test_the_module_handle_keeps_its_64_bits():
    ours = api.kernel32.GetModuleHandleW(None)
    untyped = ctypes.windll.kernel32.GetModuleHandleW(None)   # what the kiosk used to do
    assert ours > 0xFFFFFFFF and ours & 0xFFFFFFFF == untyped & 0xFFFFFFFF


class Observer:
    """A second low-level hook, installed before the kiosk's: Windows calls the newest hook
    first, so this one sees only what the kiosk's hook passes on."""

    def __init__(self):
        self.seen: list[int] = []
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread_id = 0

    def _proc(self, code, wparam, lparam):
        if code == 0 and wparam in (keyboard.WM_KEYDOWN, keyboard.WM_SYSKEYDOWN):
            info = ctypes.cast(lparam, ctypes.POINTER(api.KBDLLHOOKSTRUCT)).contents
            self.seen.append(info.vkCode)
        return api.user32.CallNextHookEx(None, code, wparam, lparam)

    def _run(self):
        msg = api.MSG()
        self.thread_id = api.kernel32.GetCurrentThreadId()
        api.user32.PeekMessageW(ctypes.byref(msg), None, 0, 0, 0)
        self.callback = api.HOOKPROC(self._proc)
        self.hook = api.user32.SetWindowsHookExW(keyboard.WH_KEYBOARD_LL, self.callback,
                                                 api.kernel32.GetModuleHandleW(None), 0)
        self.ready.set()
        while api.user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            api.user32.DispatchMessageW(ctypes.byref(msg))
        api.user32.UnhookWindowsHookEx(self.hook)

    def __enter__(self):
        self.thread.start()
        assert self.ready.wait(5) and self.hook
        return self

    def __exit__(self, *exc):
        api.user32.PostThreadMessageW(self.thread_id, keyboard.WM_QUIT, 0, 0)
        self.thread.join(5)


def press(*vks, alt=False):
    VK_MENU = 0x12
    events = [keyboard.key_input(VK_MENU)] if alt else []
    for vk in vks:
        events += [keyboard.key_input(vk), keyboard.key_input(vk, up=True)]
    if alt:
        events.append(keyboard.key_input(VK_MENU, up=True))
    assert keyboard.send_keys(*events) == len(events)


def wait_for(condition, timeout=5.0):
    done = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        done.wait(0.05)
    return condition()


def test_the_hook_swallows_the_system_keys_and_passes_the_others():
    with Observer() as observer:
        blocker = keyboard.SystemKeyBlocker(check_every=0)
        assert blocker.start() and blocker.active
        handle = blocker._hook
        try:
            press(keyboard.VK_LWIN)
            press(keyboard.VK_TAB, alt=True)
            press(0x41, 0x31)               # A, 1: answers
            assert wait_for(lambda: 0x31 in observer.seen)
            assert keyboard.VK_LWIN not in observer.seen and keyboard.VK_TAB not in observer.seen
            assert 0x41 in observer.seen and blocker.swallowed >= 2
        finally:
            blocker.stop()
        assert not blocker.active
        assert not api.user32.UnhookWindowsHookEx(handle)   # it was removed already
        observer.seen.clear()
        press(keyboard.VK_LWIN)
        assert wait_for(lambda: keyboard.VK_LWIN in observer.seen)   # free again


def test_the_watchdog_notices_a_removed_hook_and_installs_it_again():
    lost = threading.Event()
    blocker = keyboard.SystemKeyBlocker(check_every=0, on_lost=lost.set)
    assert blocker.start()
    try:
        assert blocker.check() is True
        assert api.user32.UnhookWindowsHookEx(blocker._hook)   # as Windows does after a stall
        assert blocker.check(timeout=0.5) is False
        assert blocker.reinstall() and blocker.check() is True
    finally:
        blocker.stop()


def test_the_kiosk_lock_check_passes_on_windows():
    assert keyboard.lock_works()
    assert not keyboard.lock_works(lambda check_every: Refusing())


class Refusing(keyboard.SystemKeyBlocker):
    """The lock as it was: the module handle cut to 32 bits, which Windows refuses."""

    def _install(self):
        self._proc = api.HOOKPROC(self._on_key)
        cut = api.kernel32.GetModuleHandleW(None) & 0xFFFFFFFF
        self._hook = api.user32.SetWindowsHookExW(keyboard.WH_KEYBOARD_LL, self._proc, cut,
                                                  0) or None


def test_keep_awake_and_allow_sleep():
    assert power.keep_awake()
    previous = api.kernel32.SetThreadExecutionState(power.ES_CONTINUOUS)
    assert previous & (power.ES_SYSTEM_REQUIRED | power.ES_DISPLAY_REQUIRED) == \
        power.ES_SYSTEM_REQUIRED | power.ES_DISPLAY_REQUIRED
    assert power.allow_sleep()


def test_dpapi_round_trip_and_wrong_entropy():
    blob = dpapi.protect(b"khoa rieng \x00\x0a\xff", b"label-1")
    assert blob != b"khoa rieng \x00\x0a\xff" and len(blob) > 40
    assert dpapi.unprotect(blob, b"label-1") == b"khoa rieng \x00\x0a\xff"
    with pytest.raises(OSError):
        dpapi.unprotect(blob, b"label-2")


def test_the_units_keys_are_wrapped_with_dpapi(tmp_path):
    from desktop.models.datafile import open_store
    from sync import keys

    store = open_store(tmp_path / "isodesk.sqlite")
    try:
        keys.ensure_unit_keys(store)
        rows = store.query("SELECT protector FROM sync_unit_keys")
        assert {r["protector"] for r in rows} == {"dpapi"}
        assert not (tmp_path / keys.WRAP_FILE).exists()
        assert keys.load_unit_keys(store).fingerprint == keys.own_fingerprint(store)
    finally:
        store.close(clean=False)


def test_the_logon_start_value_in_the_real_registry(tmp_path):
    exe = tmp_path / "isodesk.exe"
    exe.write_bytes(b"MZ")
    command = autostart.autostart_command(tmp_path, executable=str(tmp_path / "isodesk-cli.exe"),
                                          frozen=True)
    assert autostart.set_autostart(True, command)
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, autostart.RUN_KEY) as key:
            assert winreg.QueryValueEx(key, autostart.RUN_VALUE) == (command, winreg.REG_SZ)
        assert str(exe) in command
        assert not autostart.remove_stale(tmp_path, kiosk_running=True)
        assert autostart.remove_stale(tmp_path, kiosk_running=False)
        assert autostart.read_autostart() is None
    finally:
        autostart.set_autostart(False)


def test_the_screen_lock_setting_is_read_from_the_registry():
    path = power.USER_DESKTOP
    with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, path, 0, winreg.KEY_ALL_ACCESS) as key:
        saved = {}
        for name in ("ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut"):
            try:
                saved[name] = winreg.QueryValueEx(key, name)
            except OSError:
                saved[name] = None
        try:
            for name, value in (("ScreenSaveActive", "1"), ("ScreenSaverIsSecure", "1"),
                                ("ScreenSaveTimeOut", "900")):
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)
            assert power.screen_lock_minutes() == 15
        finally:
            for name, old in saved.items():
                if old is None:
                    winreg.DeleteValue(key, name)
                else:
                    winreg.SetValueEx(key, name, 0, old[1], old[0])
