"""The one-folder bundle on disk (`python dev.py bundle` builds it): its size measured without
following links, against the ≤ 150 MB target, with the share that only a Linux build carries
(ICU, which Qt on Windows takes from the system's icu.dll, and the system libraries PyInstaller
still collects on Linux: those Python's own modules link, libffi, liblzma, bzip2, zlib, uuid; X11,
GLib, fontconfig, D-Bus, Kerberos, CUPS and the C++ runtime are left to the host, as an installed
PySide6 leaves them: desktop/bundle.py). The Windows bundle built under Wine by the Windows lane
(`.cache/wine-lane/dist/isodesk`) is measured too when present."""
from __future__ import annotations

import os
from pathlib import Path

from .bundle_size import sizes, table
from .harness import Result

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 150.0
WINE_DIST = Path(os.environ.get("ISODESK_WINE_CACHE", ROOT / ".cache" / "wine-lane")) / "dist"


def linux_only(folder: Path) -> int:
    """Bytes of ICU and of the system libraries at the top of `_internal` (Linux builds)."""
    out = 0
    for path in folder.rglob("lib*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        system = (path.parent == folder / "_internal"
                  and not path.name.startswith(("libpython", "libcrypto", "libssl", "libsqlite3")))
        if path.name.startswith("libicu") or system:
            out += path.lstat().st_size
    return out


def run(quick: bool = False) -> list[Result]:
    results = []
    for label, folder in (("one-folder bundle, this system", ROOT / "dist" / "isodesk"),
                          ("one-folder bundle, Windows (built under Wine)",
                           WINE_DIST / "isodesk")):
        if not folder.is_dir():
            results.append(Result("bundle", label, 0, "", note=f"not built ({folder})"))
            continue
        items = sizes(folder)
        total = sum(items.values())
        mb = total / 1e6
        note = f"{total / 2**20:.1f} MiB; links not followed; largest: " + ", ".join(
            f"{n.removeprefix('_internal/')} {s / 1e6:.1f}" for n, s in
            sorted(items.items(), key=lambda kv: -kv[1])[:4])
        results.append(Result("bundle", f"{label}: size on disk", mb, "MB",
                               f"≤ {TARGET_MB:.0f} MB", mb <= TARGET_MB, note))
        extra = linux_only(folder)
        if extra:
            results.append(Result(
                "bundle", "  of which ICU and Linux system libraries", extra / 1e6, "MB",
                note=f"a Windows build carries neither; without them {(total - extra) / 1e6:.0f} MB"))
        if not quick:
            print(table(folder))
    return results


if __name__ == "__main__":  # pragma: no cover
    from .harness import print_table

    print_table(run())
