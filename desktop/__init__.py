"""ISO Desk: the ISO 9001 records of a Vietnam Social Security office, offline."""
from __future__ import annotations


def _version() -> str:
    """The installed distribution's version, read from its METADATA file directly (the
    standard importlib.metadata loads the email package to parse it: a tenth of the GUI's
    start); else the pyproject.toml of a source checkout."""
    import sys
    from pathlib import Path

    for entry in sys.path:
        try:
            found = sorted(Path(entry or ".").glob("isodesk-*.dist-info/METADATA"))
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
