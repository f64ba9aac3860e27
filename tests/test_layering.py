"""The core packages never import Qt (DESIGN.md: imports point one way)."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ["desktop/models", "desktop/documents", "desktop/web", "sync"]


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return found


def test_core_packages_do_not_import_qt_in_source():
    offenders = []
    for folder in QT_FREE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line, name in _imports(path):
                if name.startswith(("PySide6", "shiboken6", "desktop.views", "desktop.app")):
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert offenders == []


def test_importing_the_core_and_the_cli_loads_no_qt():
    code = (
        "import sys, importlib, pkgutil\n"
        "import desktop.models.registry as r; r.load_all()\n"
        "import desktop.cli, desktop.documents.roster_xlsx, desktop.documents.pdf\n"
        "for pkg in ('desktop.models', 'desktop.documents', 'desktop.web', 'sync'):\n"
        "    try:\n"
        "        m = importlib.import_module(pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "desktop.cli.build_parser()\n"
        "print(sorted(k for k in sys.modules if k.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
