"""Keeping the PC awake during a test, and what Windows may still do about it.

`SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)` keeps the
PC from sleeping and the display from turning off for as long as the calling thread lives or
until it asks again. It does NOT stop a screen saver, nor the screen lock an office's policy sets
("password protect the screen saver", "machine inactivity limit"): those are read here so that the
proctor can be told before the test starts (`screen_lock_minutes`).
"""
from __future__ import annotations

import sys

from . import api

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002

USER_DESKTOP = r"Control Panel\Desktop"
POLICY_DESKTOP = r"Software\Policies\Microsoft\Windows\Control Panel\Desktop"
POLICY_SYSTEM = r"Software\Microsoft\Windows\CurrentVersion\Policies\System"


def set_execution_state(flags: int) -> bool:
    """True when Windows took the request (it returns the previous state, 0 on failure)."""
    if not api.available():
        return False
    try:
        return api.kernel32.SetThreadExecutionState(flags) != 0
    except OSError:
        return False


def keep_awake() -> bool:
    """Ask Windows not to sleep or turn the display off. True when the request was made."""
    return set_execution_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)


def allow_sleep() -> bool:
    return set_execution_state(ES_CONTINUOUS)


def _registry(registry):
    if registry is None:
        import winreg as registry
    return registry


def _read(registry, root, path: str, name: str):
    try:
        with registry.OpenKey(root, path) as key:
            return registry.QueryValueEx(key, name)[0]
    except OSError:
        return None


def _minutes(value) -> int | None:
    try:
        seconds = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return max(1, seconds // 60) if seconds > 0 else None


def screen_lock_minutes(*, registry=None, system: str | None = None) -> int | None:
    """After how many idle minutes Windows will lock the screen (a password-protected screen
    saver, or the "machine inactivity limit" policy), or None when it won't. The kiosk can't
    prevent that lock; the proctor is told."""
    if (system or sys.platform) != "win32":
        return None
    registry = _registry(registry)
    hkcu, hklm = registry.HKEY_CURRENT_USER, registry.HKEY_LOCAL_MACHINE
    found = []
    inactivity = _minutes(_read(registry, hklm, POLICY_SYSTEM, "InactivityTimeoutSecs"))
    if inactivity:
        found.append(inactivity)

    def pick(name):  # a policy value wins over the user's own setting
        policy = _read(registry, hkcu, POLICY_DESKTOP, name)
        return policy if policy is not None else _read(registry, hkcu, USER_DESKTOP, name)

    active = str(pick("ScreenSaveActive") or "0").strip() == "1"
    secure = str(pick("ScreenSaverIsSecure") or "0").strip() == "1"
    timeout = _minutes(pick("ScreenSaveTimeOut"))
    if active and secure and timeout:
        found.append(timeout)
    return min(found) if found else None
