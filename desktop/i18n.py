"""Translations: English source strings in the code, Vietnamese shipped (Qt .ts → .qm).

Each part of the GUI has its own pair of files in `resources/i18n/`: `core_vi.ts` for
`desktop/app.py` and the modules directly in `desktop/views/`, and `<name>_vi.ts` for each
subpackage `desktop/views/<name>/`. This module has no Qt import; the tools run
pyside6-lupdate / pyside6-lrelease:

    python -m desktop.i18n update      # refresh every .ts from the sources
    python -m desktop.i18n todo        # list the strings that still need a translation (JSON)
    python -m desktop.i18n fill F.json # {"group": {"English source": "bản dịch", ...}, ...}
    python -m desktop.i18n release     # compile .ts → .qm

A count in a sentence is written `self.tr("%n milestone(s) overdue", "", n)`: Vietnamese has
one form (`<group>_vi.ts`); English, the source language, ships only the singular and plural
forms of these messages (`<group>_en.ts`, filled as "%n milestone overdue | %n milestones
overdue" under the key "en:<group>" of the fill file), so no screen says "1 milestones".
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

from desktop.paths import resource

ROOT = Path(__file__).resolve().parent
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
SOURCE_LANGUAGE = "en"
PLURALS_ONLY = ("en",)   # the source language: only the forms of "%n" messages are translated


def i18n_dir() -> Path:
    return resource("i18n")


def available_languages() -> list[str]:
    found = {p.stem.rsplit("_", 1)[-1] for p in i18n_dir().glob("*.qm")} - {SOURCE_LANGUAGE}
    return [SOURCE_LANGUAGE] + sorted(found)


def translation_files(lang: str) -> list[Path]:
    """The .qm files of a language (for English, the source: its plural forms only)."""
    return sorted(i18n_dir().glob(f"*_{lang}.qm"))


def groups() -> dict[str, list[Path]]:
    views = ROOT / "views"
    found = {"core": [ROOT / "app.py", *sorted(p for p in views.glob("*.py"))]}
    for pkg in sorted(p for p in views.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        found[pkg.name] = sorted(pkg.rglob("*.py"))
    return found


def _tool(name: str) -> str:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"{name} not found (install PySide6-Essentials)")
    return found


def ts_path(group: str, lang: str = "vi") -> Path:
    return i18n_dir() / f"{group}_{lang}.ts"


def update(lang: str = "vi") -> None:
    import subprocess

    for group, files in groups().items():
        target = ts_path(group, lang)
        cmd = [_tool("lupdate"), "-no-obsolete", "-locations", "none", "-target-language", lang,
               *(["-pluralonly"] if lang in PLURALS_ONLY else []),
               *[str(f) for f in files], "-ts", str(target)]
        subprocess.run(cmd, check=True, capture_output=True)
        if lang in PLURALS_ONLY and not read_ts(target):
            target.unlink()   # no "%n" message in this group


def release(lang: str = "vi", out_dir: Path | None = None) -> list[Path]:
    import subprocess

    made = []
    for ts in sorted(i18n_dir().glob(f"*_{lang}.ts")):
        qm = (out_dir or ts.parent) / ts.with_suffix(".qm").name
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                       capture_output=True)
        made.append(qm)
    return made


def read_ts(path: Path) -> list[dict]:
    """Every message of a .ts file: context, source, translation, finished?"""
    import xml.etree.ElementTree as ET

    out = []
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            if numerus and tr is not None:
                text = " | ".join(f.text or "" for f in tr.findall("numerusform"))
            else:
                text = tr.text if tr is not None else None
            out.append({
                "context": name, "source": msg.findtext("source"), "translation": text or "",
                "finished": tr is not None and tr.get("type") not in ("unfinished", "vanished",
                                                                     "obsolete") and bool(text),
            })
    return out


def todo(lang: str = "vi") -> dict[str, list[str]]:
    result = {}
    for ts in sorted(i18n_dir().glob(f"*_{lang}.ts")):
        missing = sorted({m["source"] for m in read_ts(ts) if not m["finished"]})
        if missing:
            result[ts.stem.rsplit("_", 1)[0]] = missing
    return result


def fill(mapping: dict[str, dict[str, str]], lang: str = "vi") -> int:
    """Write translations into the .ts files: {group: {source: translation}}.

    A key "Context::source" applies to that context only (for a word translated differently in
    two places); it wins over the plain source key."""
    import xml.etree.ElementTree as ET

    count = 0
    for group, table in mapping.items():
        group_lang = lang
        if ":" in group:   # "en:core" fills core_en.ts
            group_lang, group = group.split(":", 1)
        path = ts_path(group, group_lang)
        tree = ET.parse(path)
        for ctx in tree.getroot().iter("context"):
            ctx_name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                src = msg.findtext("source")
                text = table.get(f"{ctx_name}::{src}") or table.get(src)
                if not text:
                    continue
                tr = msg.find("translation")
                if tr is None:
                    tr = ET.SubElement(msg, "translation")
                if msg.get("numerus") == "yes":   # "one | other" gives several forms
                    for child in list(tr):
                        tr.remove(child)
                    for form in text.split(" | "):
                        ET.SubElement(tr, "numerusform").text = form
                else:
                    tr.text = text
                tr.attrib.pop("type", None)
                count += 1
        _write_ts(tree, path)
    return count


def _write_ts(tree: ET.ElementTree, path: Path) -> None:
    """Write a .ts the way lupdate does (declaration, DOCTYPE), so `update` doesn't rewrite it."""
    import xml.etree.ElementTree as ET

    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "help"
    if cmd == "update":
        update()
        update(SOURCE_LANGUAGE)
    elif cmd == "release":
        for qm in release() + release(SOURCE_LANGUAGE):
            print(qm)
    elif cmd == "todo":
        wanted = todo()
        wanted.update({f"{SOURCE_LANGUAGE}:{group}": sources
                       for group, sources in todo(SOURCE_LANGUAGE).items()})
        print(json.dumps(wanted, ensure_ascii=False, indent=1))
    elif cmd == "fill":
        data = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        print(f"{fill(data)} translations written")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
