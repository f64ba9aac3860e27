"""The logon start value: the windowed program, an absolute data folder, removed when stale; and
the tests themselves never write the real registry nor install a real keyboard hook."""
from __future__ import annotations

from desktop.win32 import autostart, power

RUN = ("HKCU", autostart.RUN_KEY, autostart.RUN_VALUE)


def test_the_console_program_starts_the_windowed_one_at_logon():
    command = autostart.autostart_command(r"C:\Du lieu\ISO",
                                          executable=r"C:\App\isodesk-cli.exe", frozen=True)
    assert command == r'C:\App\isodesk.exe --data-dir "C:\Du lieu\ISO"'
    source = autostart.autostart_command(r"D:\iso", executable=r"C:\Py\python.exe",
                                         frozen=False)
    assert source == r"C:\Py\pythonw.exe -m desktop --data-dir D:\iso"


def test_a_relative_data_folder_is_written_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    command = autostart.autostart_command("du-lieu", executable=r"C:\App\isodesk.exe",
                                          frozen=True)
    assert autostart.command_parts(command)[1] == str(tmp_path / "du-lieu")


def test_write_read_and_remove(memory_registry):
    reg = memory_registry
    assert not autostart.set_autostart(True, "x", system="linux", registry=reg)
    assert reg.values == {}
    assert autostart.set_autostart(True, "cmd", system="win32", registry=reg)
    assert reg.values == {RUN: "cmd"}
    assert autostart.read_autostart(system="win32", registry=reg) == "cmd"
    assert autostart.set_autostart(False, system="win32", registry=reg)
    assert reg.values == {} and autostart.read_autostart(system="win32", registry=reg) is None


def test_a_value_left_behind_is_removed_at_a_normal_start(memory_registry, tmp_path):
    exe = tmp_path / "isodesk.exe"
    exe.write_bytes(b"MZ")
    data = tmp_path / "data"
    data.mkdir()
    command = autostart.autostart_command(data, executable=str(exe), frozen=True)

    def start(kiosk_running, folder=data):
        memory_registry.values[RUN] = command
        return autostart.remove_stale(folder, kiosk_running, system="win32",
                                      registry=memory_registry)

    assert not start(kiosk_running=True) and RUN in memory_registry.values   # the kiosk runs
    assert start(kiosk_running=False) and RUN not in memory_registry.values  # left behind
    other = tmp_path / "other"
    other.mkdir()
    assert not start(kiosk_running=False, folder=other)   # another folder's kiosk: its own
    exe.unlink()
    assert start(kiosk_running=True)                      # the program is gone


def test_the_screen_lock_windows_will_apply(memory_registry):
    reg = memory_registry
    desk = ("HKCU", power.USER_DESKTOP)
    policy = ("HKCU", power.POLICY_DESKTOP)
    assert power.screen_lock_minutes(system="linux", registry=reg) is None
    assert power.screen_lock_minutes(system="win32", registry=reg) is None
    reg.values.update({(*desk, "ScreenSaveActive"): "1", (*desk, "ScreenSaverIsSecure"): "1",
                       (*desk, "ScreenSaveTimeOut"): "600"})
    assert power.screen_lock_minutes(system="win32", registry=reg) == 10
    reg.values[(*policy, "ScreenSaverIsSecure")] = "0"       # the policy wins
    assert power.screen_lock_minutes(system="win32", registry=reg) is None
    reg.values[("HKLM", power.POLICY_SYSTEM, "InactivityTimeoutSecs")] = 300
    assert power.screen_lock_minutes(system="win32", registry=reg) == 5
