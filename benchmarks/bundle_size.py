"""The size of the one-folder bundle on disk, measured without following links (a symlink
counts as the link itself), and its largest items: `python -m benchmarks.bundle_size [DIR]`."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def sizes(root: Path) -> dict[str, int]:
    """Bytes under each top-level item (and each item of `_internal`), links not followed."""
    out: dict[str, int] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in filenames + [d for d in dirnames if Path(dirpath, d).is_symlink()]:
            path = Path(dirpath, name)
            rel = path.relative_to(root).parts
            key = "/".join(rel[:2] if rel[0] == "_internal" and len(rel) > 1 else rel[:1])
            if rel[:2] == ("_internal", "PySide6") and len(rel) > 3:
                key = "/".join(rel[:4])
            out[key] = out.get(key, 0) + path.lstat().st_size
    return out


def total(root: Path) -> int:
    return sum(sizes(root).values())


def table(root: Path, top: int = 20) -> str:
    items = sorted(sizes(root).items(), key=lambda kv: -kv[1])
    lines = [f"{root}: {total(root) / 2**20:.1f} MiB on disk (links not followed)"]
    lines += [f"{size / 2**20:8.1f} MiB  {name}" for name, size in items[:top]]
    return "\n".join(lines)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    print(table(Path(sys.argv[1]) if len(sys.argv) > 1 else here / "dist" / "isodesk"))
