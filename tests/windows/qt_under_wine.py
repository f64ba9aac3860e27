"""The Qt part of the Windows lane (see run_wine_lane.py): PySide6's Windows wheels under Wine,
with the stand-in `icuuc.dll` (wine_shims/README.md).

1. `python -m desktop --selftest` (database, a PDF read back through QtPdf, translations).
2. `tests/windows/lane_qt/` under pytest: the kiosk window on Qt's Windows platform plugin,
   opened, driven by key events, and left with the PIN.
3. With `--bundle`: the one-folder bundle built from build.spec by PyInstaller under Wine, its
   version resource read back, and `isodesk.exe --selftest` (the windowed program, its report in
   the console log) and `isodesk-cli.exe --selftest` run. The console program's own Python
   archive holds the two modules of the shared archive only, its first run-time hook is that of
   desktop/shared_archive.py, its `--version` and `--selftest` read the program from
   `isodesk.exe`'s archive, also once `isodesk.exe` is signed (Authenticode, a throw-away
   certificate), and with `isodesk.exe` missing, cut short or of another build it exits 1 with
   the message, without a traceback.
The stand-in ICU notes every call; the lane fails when the program made one.
"""
from __future__ import annotations

import os
from pathlib import Path

from run_wine_lane import (  # noqa: E402 (beside this file)
    CACHE, QT_PACKAGES, LANE_PACKAGES, LaneError, site_packages, step, wine_python, write_pth,
)


BUILD_PACKAGES = ["pyinstaller", "pyinstaller-hooks-contrib", "pefile", "pywin32-ctypes",
                  "altgraph", "setuptools", "packaging"]


def run_qt_part(python: Path, lane_site: Path, timings: dict, *, bundle: bool = False) -> None:
    import time

    t = time.monotonic()
    qt_site = site_packages(LANE_PACKAGES + QT_PACKAGES, "site-packages-qt")
    write_pth(python, [qt_site])
    timings["qt wheels"] = time.monotonic() - t
    icu_log = CACHE / "icu-calls.txt"
    icu_log.unlink(missing_ok=True)
    os.environ["ISODESK_ICU_STUB_LOG"] = "Z:" + str(icu_log).replace("/", "\\")
    try:
        t = step("--selftest under Wine")
        code = wine_python(python, ["-m", "desktop", "--selftest"], timeout=600)
        timings["qt selftest"] = time.monotonic() - t
        if code != 0:
            raise LaneError(f"isodesk --selftest under Wine exited {code}")
        t = step("tests/windows/lane_qt under Wine (the kiosk window)")
        # Qt's own Windows platform plugin (Wine hands no QT_* variable to a Windows program
        # unless it is spelled WINEQT_*)
        os.environ["WINEQT_QPA_PLATFORM"] = "windows"
        code = wine_python(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-o",
                                    "addopts=-ra", "-W", "ignore::pytest.PytestConfigWarning",
                                    "tests/windows/lane_qt"], timeout=900)
        timings["qt kiosk"] = time.monotonic() - t
        if code != 0:
            raise LaneError(f"the Qt tests under Wine failed (pytest exit {code})")
        if bundle:
            build_and_check_bundle(python, timings)
    finally:
        write_pth(python, [lane_site])
        os.environ.pop("ISODESK_ICU_STUB_LOG", None)
        os.environ.pop("WINEQT_QPA_PLATFORM", None)
    if icu_log.exists() and icu_log.read_text().strip():
        calls = sorted(set(icu_log.read_text().split()))
        raise LaneError("the program called ICU, which the lane only stands in for: "
                        + ", ".join(calls))


def build_and_check_bundle(python: Path, timings: dict) -> None:
    import shutil
    import subprocess
    import time

    from run_wine_lane import WINE, wine_env, windows_path

    t = step("PyInstaller under Wine (build.spec)")
    write_pth(python, [site_packages(LANE_PACKAGES + QT_PACKAGES + BUILD_PACKAGES,
                                     "site-packages-build")])
    dist, work = CACHE / "dist", CACHE / "build"
    shutil.rmtree(dist, ignore_errors=True)
    code = wine_python(python, ["-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
                                "WARN", "--distpath", windows_path(dist), "--workpath",
                                windows_path(work), "build.spec"], timeout=2400)
    timings["bundle build"] = time.monotonic() - t
    if code != 0:
        raise LaneError(f"PyInstaller under Wine exited {code}")
    folder = dist / "isodesk"
    code = wine_python(python, ["-c", (
        "from PyInstaller.utils.win32.versioninfo import read_version_info_from_executable as r\n"
        f"info = str(r({windows_path(folder / 'isodesk.exe')!r}))\n"
        "assert 'ISO Desk' in info and 'isodesk.exe' in info, info\n"
        "print('version resource ok')\n")], timeout=300)
    if code != 0:
        raise LaneError("the bundle's isodesk.exe has no version resource")
    t = step("the bundle's --selftest under Wine")
    data = CACHE / "bundle-data"
    shutil.rmtree(data, ignore_errors=True)
    env = {**wine_env(), "ISODESK_DATA_DIR": windows_path(data)}
    for exe in ("isodesk.exe", "isodesk-cli.exe"):
        result = subprocess.run([WINE, str(folder / exe), "--selftest"], env=env, timeout=600,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        out = result.stdout.decode("utf-8", "replace")
        log = data / "logs" / "console.log"     # the windowed program's report, when it had
        if log.exists():                         # no streams (Wine may hand it the shell's)
            out += log.read_text(encoding="utf-8")
            log.unlink()
        print(out, end="", flush=True)
        if result.returncode != 0 or "selftest passed" not in out:
            raise LaneError(f"{exe} --selftest failed (exit {result.returncode})")
        if "the program's modules from isodesk.exe" not in out:
            raise LaneError(f"{exe} --selftest: the program's modules not from isodesk.exe")
    timings["bundle selftest"] = time.monotonic() - t
    t = step("isodesk-cli.exe on isodesk.exe's Python archive")
    check_shared_archive(folder, env)
    timings["shared archive"] = time.monotonic() - t


CLI_ARCHIVE_MAX = 16 * 1024   # the console program's own PYZ: two small modules


def _pyz_toc(path: Path, offset: int) -> dict:
    import marshal
    import struct

    with open(path, "rb") as fp:
        fp.seek(offset + 8)
        (toc_at,) = struct.unpack("!i", fp.read(4))
        fp.seek(offset + toc_at)
        return dict(marshal.load(fp))


def _pyz_code(path: Path, offset: int, toc: dict, name: str):
    import marshal
    import zlib

    _kind, at, length = toc[name]
    with open(path, "rb") as fp:
        fp.seek(offset + at)
        return marshal.loads(zlib.decompress(fp.read(length)))


def _script_code(path: Path, entry: tuple):
    import marshal
    import zlib

    _name, at, length, compressed, _kind = entry
    with open(path, "rb") as fp:
        fp.seek(at)
        data = fp.read(length)
    return marshal.loads(zlib.decompress(data) if compressed else data)


def _signed_copy(source: Path, target: Path) -> None:
    """`source` signed with a throw-away self-signed certificate into `target` (osslsigncode)."""
    import datetime
    import subprocess

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    from run_wine_lane import apt_install

    apt_install("osslsigncode")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ISO Desk lane test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    folder = CACHE / "signing"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    target.unlink(missing_ok=True)
    result = subprocess.run(["osslsigncode", "sign", "-certs", str(folder / "cert.pem"),
                             "-key", str(folder / "key.pem"), "-h", "sha256", "-in", str(source),
                             "-out", str(target)], capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or target.stat().st_size <= source.stat().st_size:
        raise LaneError(f"osslsigncode could not sign isodesk.exe: {result.stdout}{result.stderr}")


def check_shared_archive(folder: Path, env: dict) -> None:
    """The console program carries no copy of the program's archive and reads isodesk.exe's;
    without a usable isodesk.exe it says so and exits 1."""
    import subprocess
    import sys

    from run_wine_lane import ROOT, WINE

    sys.path.insert(0, str(ROOT))
    from desktop import shared_archive

    gui, cli = folder / "isodesk.exe", folder / "isodesk-cli.exe"
    packages = {exe: shared_archive.read_package(str(exe))[2] for exe in (gui, cli)}
    pyz = {exe: shared_archive.pyz_location(str(exe)) for exe in (gui, cli)}
    tocs = {exe: _pyz_toc(exe, pyz[exe]) for exe in (gui, cli)}
    cli_pyz = next(entry for entry in packages[cli] if entry[4] == "z")
    gui_pyz = next(entry for entry in packages[gui] if entry[4] == "z")
    print(f"    isodesk.exe's PYZ {gui_pyz[2] / 2**20:.2f} MiB ({len(tocs[gui])} modules), "
          f"isodesk-cli.exe's {cli_pyz[2] / 1024:.1f} KiB ({', '.join(sorted(tocs[cli]))}); "
          f"executables {gui.stat().st_size / 2**20:.2f} and {cli.stat().st_size / 2**20:.2f} MiB",
          flush=True)
    if cli_pyz[2] > CLI_ARCHIVE_MAX or set(tocs[cli]) != {shared_archive.MODULE_NAME}:
        raise LaneError(f"isodesk-cli.exe carries its own Python archive ({cli_pyz[2]} bytes)")
    if "desktop.cli" not in tocs[gui] or shared_archive.STAMP_MODULE not in tocs[gui]:
        raise LaneError("isodesk.exe's Python archive lacks the program or the build stamp")
    scripts = [entry for entry in packages[cli] if entry[4] == "s"]
    if [entry[0] for entry in scripts[:2]] != ["pyiboot01_bootstrap",
                                               "pyi_rth_isodesk_shared_archive"]:
        raise LaneError(f"the shared archive's hook does not run first: {scripts}")
    stamp = _pyz_code(gui, pyz[gui], tocs[gui], shared_archive.STAMP_MODULE)
    if not set(_script_code(cli, scripts[1]).co_consts) & set(stamp.co_consts) - {None}:
        raise LaneError("the console program's hook does not carry isodesk.exe's build stamp")

    def cli_run(*args: str) -> tuple[int, str, str]:
        result = subprocess.run([WINE, str(cli), *args], env=env, timeout=300,
                                stdin=subprocess.DEVNULL, capture_output=True)
        return (result.returncode, result.stdout.decode("utf-8", "replace"),
                result.stderr.decode("utf-8", "replace"))

    code, out, err = cli_run("--version")
    print(f"    isodesk-cli.exe --version: {out.strip()}", flush=True)
    if code != 0 or not out.startswith("isodesk "):
        raise LaneError(f"isodesk-cli.exe --version exited {code}: {out}{err}")
    aside = folder / "isodesk.exe.aside"
    gui.replace(aside)
    try:
        # signed after the build (Authenticode appends its certificate table after the package)
        _signed_copy(aside, gui)
        code, out, err = cli_run("--version")
        print(f"    isodesk.exe signed after the build: isodesk-cli.exe --version exit {code}",
              flush=True)
        if code != 0 or shared_archive.pyz_location(str(gui)) != pyz[gui]:
            raise LaneError(f"isodesk-cli.exe with isodesk.exe signed: exit {code}, {out}{err}")
        gui.unlink()
        for damage, words in (("missing", "không tìm thấy"), ("cut short", "bị hỏng"),
                              ("of another build", "bản dựng khác")):
            if damage == "cut short":
                with open(aside, "rb") as source:
                    gui.write_bytes(source.read(aside.stat().st_size // 2))
            elif damage == "of another build":   # its archive without the build's stamp
                stamp = shared_archive.STAMP_MODULE.encode()
                data = aside.read_bytes()
                if data.count(stamp) != 1:
                    raise LaneError(f"isodesk.exe names its stamp {data.count(stamp)} times")
                gui.write_bytes(data.replace(stamp, stamp[:-1] + b"X"))
            code, out, err = cli_run("--version")
            print(f"    isodesk.exe {damage}: exit {code}; " + err.strip().replace("\n", " | "),
                  flush=True)
            if code != 1 or "Traceback" in err or words not in err \
                    or not 0 <= err.find("Hãy cài lại ISO Desk") < err.find("Reinstall ISO Desk"):
                raise LaneError(f"isodesk-cli.exe with isodesk.exe {damage}: exit {code}, "
                                f"{out}{err}")
    finally:
        aside.replace(gui)
