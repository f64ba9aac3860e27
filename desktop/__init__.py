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


__version__ = _version()
