"""ISO Desk: the ISO 9001 records of a Vietnam Social Security office, offline."""
from __future__ import annotations


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("isodesk")
    except Exception:
        try:
            import tomllib
            from pathlib import Path

            data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml")
                                 .read_text(encoding="utf-8"))
            return data["project"]["version"]
        except Exception:
            return "0.0.0"


def __getattr__(name: str) -> str:
    # `desktop.__version__` is looked up when asked for: reading the installed metadata loads
    # importlib.metadata and the email package, which a start of the GUI need not wait for.
    if name == "__version__":
        global __version__
        __version__ = _version()
        return __version__
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
