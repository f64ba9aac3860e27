"""Every Win32 call goes through `desktop.win32.api`, with its prototype declared."""
from __future__ import annotations

import ast
import ctypes
from pathlib import Path

import pytest

from desktop.win32 import api

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for folder in ("desktop", "sync") for p in sorted((ROOT / folder).rglob("*.py"))]
HANDLE_RESULTS = {"GetModuleHandleW", "SetWindowsHookExW", "LocalFree", "CallNextHookEx",
                  "DispatchMessageW"}


def test_every_function_has_a_result_type_and_argument_types():
    missing = []
    for dll, functions in api.PROTOTYPES.items():
        for name, proto in functions.items():
            if not (isinstance(proto, tuple) and len(proto) == 2):
                missing.append(f"{dll}.{name}: not (restype, argtypes)")
                continue
            restype, argtypes = proto
            if restype is None or not isinstance(argtypes, list):
                missing.append(f"{dll}.{name}")
            elif not all(hasattr(t, "from_param") for t in argtypes):
                missing.append(f"{dll}.{name}: an argument is not a ctypes type")
    assert missing == []


def test_handles_come_back_pointer_sized():
    """Without a restype ctypes takes a result for a C int: a 64-bit module handle
    0x140000000 came back as 0x40000000 and the keyboard hook was refused."""
    for dll, functions in api.PROTOTYPES.items():
        for name in HANDLE_RESULTS & functions.keys():
            assert ctypes.sizeof(functions[name][0]) == ctypes.sizeof(ctypes.c_void_p), name


def _calls_and_dll_uses(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # `ctypes.CDLL.__name__` names the loader class (the self-test checks the bundle's hooks on
    # it); it reaches no library
    named = {id(n.value) for n in ast.walk(tree)
             if isinstance(n, ast.Attribute) and n.attr == "__name__"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            base = node.value
            if isinstance(base, ast.Name) and base.id == "ctypes" and node.attr in (
                    "windll", "oledll", "WinDLL", "OleDLL", "CDLL", "cdll", "PyDLL") \
                    and id(node) not in named:
                yield "dll", node.lineno, node.attr
            if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) \
                    and base.value.id == "api" and base.attr in api.PROTOTYPES:
                yield "call", node.lineno, (base.attr, node.attr)
        elif isinstance(node, ast.ImportFrom) and node.module == "ctypes":
            for alias in node.names:
                if alias.name in ("windll", "oledll", "WinDLL", "CDLL", "cdll"):
                    yield "dll", node.lineno, alias.name


def test_no_module_reaches_a_dll_except_through_the_declared_prototypes():
    shared, undeclared = [], []
    for path in SOURCES:
        rel = path.relative_to(ROOT).as_posix()
        for kind, line, what in _calls_and_dll_uses(path):
            if kind == "dll" and rel != "desktop/win32/api.py":
                shared.append(f"{rel}:{line} ctypes.{what}")
            elif kind == "call" and what[1] not in api.PROTOTYPES[what[0]]:
                undeclared.append(f"{rel}:{line} {what[0]}.{what[1]}")
    assert shared == [] and undeclared == []


def test_an_undeclared_function_is_refused():
    with pytest.raises(AttributeError, match="no prototype"):
        api.user32.FindWindowW  # noqa: B018


@pytest.mark.skipif(api.available(), reason="what happens off Windows")
def test_off_windows_a_call_says_so():
    with pytest.raises(OSError):
        api.kernel32.GetModuleHandleW(None)


def test_the_private_handles_are_not_the_shared_windll():
    source = (ROOT / "desktop" / "win32" / "api.py").read_text(encoding="utf-8")
    assert "ctypes.WinDLL(self.name, use_last_error=True)" in source
    assert "windll." not in source.replace("ctypes.windll`", "")
