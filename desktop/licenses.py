"""What ISO Desk is built from, and under which licences: for the About window.

The Python libraries are read from their installed metadata (the dependencies of `isodesk`,
followed recursively): name, version, licence expression and the licence files their wheels
carry. The frozen build keeps that metadata (`build.spec` copies it). What is not a Python
library — Qt itself, Python, SQLite, the Liberation fonts of the PDFs — is described here, with
the licence texts shipped in `resources/licenses/` and `resources/fonts/`.

No Qt here: the command line can list the same.
"""
from __future__ import annotations

import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.paths import resource

LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
LEFT_OUT = {"isodesk", "pip", "setuptools", "wheel"}   # not part of what runs
LINKS = {   # a home for each licence named by an SPDX identifier
    "LGPL-3.0": "https://www.gnu.org/licenses/lgpl-3.0.html",
    "GPL-3.0": "https://www.gnu.org/licenses/gpl-3.0.html",
    "GPL-2.0": "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html",
    "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "MIT": "https://opensource.org/license/mit",
    "MIT-0": "https://opensource.org/license/mit-0",
    "MIT-CMU": "https://spdx.org/licenses/MIT-CMU.html",
    "BSD-3-Clause": "https://opensource.org/license/bsd-3-clause",
    "PSF-2.0": "https://docs.python.org/3/license.html",
    "OFL-1.1": "https://openfontlicense.org",
}


@dataclass
class Component:
    name: str
    version: str
    licence: str                 # an SPDX expression where known
    url: str = ""                # the project's home
    texts: list[Path] = field(default_factory=list)   # licence files found
    text: str = ""               # a licence text given here (public domain, …)

    def licence_text(self) -> str:
        parts = [self.text] if self.text else []
        for path in self.texts:
            try:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
        return "\n\n".join(p.strip() for p in parts if p.strip())

    @property
    def licence_url(self) -> str:
        for spdx in sorted(LINKS, key=len, reverse=True):   # "MIT-0" before "MIT"
            if re.search(rf"(^|[\s(]){re.escape(spdx)}($|[\s)-])", self.licence):
                return LINKS[spdx]
        return self.url


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str | None:
    if "extra ==" in requirement:
        return None
    return re.split(r"[\s;<>=!~\[(]", requirement.strip(), maxsplit=1)[0] or None


def _licence_of(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    text = (meta.get("License") or "").strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if text and len(text) < 60 and "\n" not in text:
        return text
    return ", ".join(classifiers) or text.split("\n", 1)[0][:60] or "?"


def _home(meta) -> str:
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "documentation"):
            return url.strip()
    return (meta.get("Home-page") or "").strip()


def python_libraries(root: str = "isodesk") -> list[Component]:
    """The installed libraries ISO Desk needs, read from their metadata."""
    from importlib.metadata import PackageNotFoundError, distribution

    found: dict[str, Component] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if _key(name) in found:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        meta = dist.metadata
        files = [Path(dist.locate_file(f)) for f in dist.files or []
                 if LICENCE_FILE.search(str(f)) and ".dist-info" in str(f)]
        found[_key(name)] = Component(meta["Name"] or name, dist.version, _licence_of(meta),
                                      _home(meta), files)
        todo += [n for n in map(_requirement_name, dist.requires or []) if n]
    return sorted((c for k, c in found.items() if k not in LEFT_OUT),
                  key=lambda c: c.name.lower())


def components(qt_version: str = "") -> list[Component]:
    """Everything the program is made of that has a licence of its own (`qt_version`: the Qt
    the caller runs on)."""
    licences = resource("licenses")
    qt_texts = [licences / "LGPL-3.0.txt", licences / "GPL-3.0.txt"]
    own = [
        Component("Qt", qt_version or "6", "LGPL-3.0-only", "https://www.qt.io/licensing/",
                  qt_texts),
        Component("Python", sys.version.split()[0], "PSF-2.0", "https://www.python.org",
                  [licences / "Python-PSF.txt"]),
        Component("SQLite", sqlite3.sqlite_version, "blessing (public domain)",
                  "https://sqlite.org/copyright.html",
                  text="The author disclaims copyright to this source code. In place of a legal "
                       "notice, here is a blessing: May you do good and not evil. May you find "
                       "forgiveness for yourself and forgive others. May you share freely, "
                       "never taking more than you give."),
        Component("Liberation Fonts (Liberation Serif)", "2.1", "OFL-1.1",
                  "https://github.com/liberationfonts/liberation-fonts",
                  [resource("fonts", "LICENSE-LiberationFonts-OFL.txt")]),
    ]
    libraries = python_libraries()
    for lib in libraries:   # PySide6's wheels carry no licence file: Qt's texts apply
        if lib.name.lower().startswith(("pyside6", "shiboken6")) and not lib.texts:
            lib.texts = qt_texts
    return own + libraries
