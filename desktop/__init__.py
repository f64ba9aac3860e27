"""ISO Desk: the ISO 9001 records of a Vietnam Social Security office, offline."""
from __future__ import annotations


def _version() -> str:
    """The installed distribution's version, read from its METADATA file directly (the
    standard importlib.metadata loads the email package to parse it: a tenth of the GUI's
    start), in the bundle its egg-info's PKG-INFO (the same format); else the pyproject.toml of
    a source checkout (tomllib: ≈ 5–10 ms more)."""
    import sys
    from pathlib import Path

    patterns = ["isodesk-*.dist-info/METADATA"]
    if getattr(sys, "frozen", False):  # the bundle carries the build's egg-info (build.spec)
        patterns.append("isodesk.egg-info/PKG-INFO")
    for entry in sys.path:
        try:
            found = [m for p in patterns for m in sorted(Path(entry or ".").glob(p))]
        except OSError:
            continue
        for meta in found:
            try:
                with open(meta, encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break
            except OSError:
                continue
    try:
        import tomllib

        data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml")
                             .read_text(encoding="utf-8"))
        return data["project"]["version"]
    except Exception:
        return "0.0.0"


def __getattr__(name: str) -> str:
    # `desktop.__version__` is looked up when first asked for.
    if name == "__version__":
        global __version__
        __version__ = _version()
        return __version__
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
