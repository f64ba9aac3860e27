"""The figure providers are one declared list: complete and in one order as soon as
`desktop.models.figures` is imported, whatever was imported before it."""
import subprocess
import sys
from pathlib import Path

from desktop.models import figures

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["staff", "records", "minutes", "training"]


def _names_in_a_fresh_process(first: str) -> list[str]:
    code = (f"import {first}\n"
            "import sys, desktop.models.figures as f\n"
            "assert 'desktop.models.registry' not in sys.modules\n"
            "print(','.join(f.PROVIDERS))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return out.stdout.strip().split(",")


def test_every_provider_is_there_on_import_in_one_order():
    assert _names_in_a_fresh_process("json") == NAMES
    # importing a part first (as `isodesk quiz` does) used to put its provider first
    assert _names_in_a_fresh_process("desktop.models.quiz.coverage") == NAMES
    assert _names_in_a_fresh_process("desktop.models.minutes") == NAMES


def test_collect_asks_every_provider(store):
    found = figures.collect(store)
    assert list(found) == NAMES
    assert found["staff"]["total"] == store.scalar("SELECT count(*) FROM staff")
    assert figures.collect(store, only=["training"]).keys() == {"training"}
