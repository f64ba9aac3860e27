"""The ISO parts ship their Vietnamese translations, and their models, files and commands do not
pull in Qt."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("group", ["iso", "overview"])
def test_every_string_is_translated_and_compiled(group):
    ts = i18n.ts_path(group)
    messages = i18n.read_ts(ts)
    assert len(messages) > 50
    missing = [m["source"] for m in messages if not m["finished"]]
    assert missing == []
    assert ts.with_suffix(".qm").stat().st_size > 1000


@pytest.mark.parametrize("group", ["iso", "overview"])
def test_translation_files_cover_the_sources(group, tmp_path, monkeypatch):
    """lupdate over today's sources finds no string the shipped .ts lacks."""
    shipped = {(m["context"], m["source"]) for m in i18n.read_ts(i18n.ts_path(group))}
    target = tmp_path / f"{group}_vi.ts"
    shutil.copyfile(i18n.ts_path(group), target)
    files = i18n.groups()[group]
    subprocess.run([i18n._tool("lupdate"), "-no-obsolete", "-locations", "none",
                    *[str(f) for f in files], "-ts", str(target)], check=True,
                   capture_output=True)
    current = {(m["context"], m["source"]) for m in i18n.read_ts(target)}
    assert current - shipped == set()


def test_models_documents_and_commands_do_not_import_qt():
    code = ("import sys; import desktop.models.iso, desktop.models.iso.report_data, "
            "desktop.output.iso.annual_report, desktop.output.iso.team_list, "
            "desktop.output.iso.documents_xlsx, desktop.cli.iso, desktop.demo.iso; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
