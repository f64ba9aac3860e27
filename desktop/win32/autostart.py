"""Starting the program again at Windows logon while the kiosk runs (after a power cut the
program reopens in the kiosk): one value under the user's own
`HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run` key, written when the kiosk starts and
removed when the proctor leaves it. Nothing is written elsewhere.

The value starts the windowed program (`isodesk.exe`, or `pythonw.exe -m desktop` from a source
checkout) even when the kiosk was started from the console program, on the data folder by its
absolute path (the logon starts programs in another working folder). A value left behind (the
program was moved, or the folder is gone, or the kiosk is not running any more) is removed at the
next normal start.
"""
from __future__ import annotations

import shlex
import sys
from pathlib import Path, PureWindowsPath

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "ISO Desk - kiem tra"
CONSOLE_SUFFIX = "-cli.exe"


def windowed_executable(executable: str, *, frozen: bool) -> list[str]:
    """The program to start at logon, as a list of arguments before ours."""
    cut = max(executable.rfind("/"), executable.rfind("\\")) + 1
    folder, name = executable[:cut], executable[cut:]
    if frozen:
        if name.lower().endswith(CONSOLE_SUFFIX):  # isodesk-cli.exe -> isodesk.exe beside it
            name = name[:-len(CONSOLE_SUFFIX)] + ".exe"
        return [folder + name]
    if name.lower() == "python.exe":      # from a source checkout: no console window
        name = "pythonw.exe"
    return [folder + name, "-m", "desktop"]


def autostart_command(data_dir, *, executable: str | None = None,
                      frozen: bool | None = None) -> str:
    """The command that starts the program again on the same data folder."""
    import subprocess   # (only here: the start's check for a value left behind needs none)

    executable = executable or sys.executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    folder = str(data_dir)
    if not PureWindowsPath(folder).is_absolute():
        folder = str(Path(folder).absolute())
    return subprocess.list2cmdline(windowed_executable(executable, frozen=frozen)
                                   + ["--data-dir", folder])


def _registry(registry):
    if registry is None:
        import winreg as registry
    return registry


def set_autostart(on: bool, command: str = "", *, system: str | None = None,
                  registry=None) -> bool:
    """Write (on) or remove (off) the logon start value; Windows only. True when done."""
    if (system or sys.platform) != "win32":
        return False
    registry = _registry(registry)
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


def read_autostart(*, system: str | None = None, registry=None) -> str | None:
    """The command of the logon start value, or None."""
    if (system or sys.platform) != "win32":
        return None
    registry = _registry(registry)
    try:
        with registry.OpenKey(registry.HKEY_CURRENT_USER, RUN_KEY, 0,
                              registry.KEY_QUERY_VALUE) as key:
            return str(registry.QueryValueEx(key, RUN_VALUE)[0])
    except OSError:
        return None


def command_parts(command: str) -> tuple[str, str | None]:
    """(program, data folder) of a start command written by `autostart_command`."""
    try:
        args = shlex.split(command, posix=False)
    except ValueError:
        return "", None
    args = [a[1:-1] if len(a) >= 2 and a[0] == a[-1] == '"' else a for a in args]
    folder = args[args.index("--data-dir") + 1] if "--data-dir" in args[:-1] else None
    return (args[0] if args else ""), folder


def is_stale(command: str, data_dir, kiosk_running: bool, *, exists=None) -> bool:
    """Whether a start value found at a normal start must go: it names this data folder and the
    kiosk is not running there, or its program or data folder does not exist any more."""
    exists = exists or (lambda p: Path(p).exists())
    program, folder = command_parts(command)
    if not program or not exists(program) or folder is None or not exists(folder):
        return True
    same = PureWindowsPath(folder) == PureWindowsPath(str(Path(data_dir).absolute())) \
        if sys.platform == "win32" else Path(folder) == Path(data_dir).absolute()
    return same and not kiosk_running


def remove_stale(data_dir, kiosk_running: bool, *, system: str | None = None,
                 registry=None) -> bool:
    """Remove a start value left behind; True when one was removed."""
    command = read_autostart(system=system, registry=registry)
    if command is None or not is_stale(command, data_dir, kiosk_running):
        return False
    return set_autostart(False, system=system, registry=registry)
