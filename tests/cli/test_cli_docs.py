from pathlib import Path

from desktop.cli.docs import render


def test_cli_page_is_current():
    page = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
    assert page.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `python -m desktop.cli.docs > docs/cli.md`")
