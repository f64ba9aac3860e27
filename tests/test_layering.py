"""Imports point one way (DESIGN.md): the core packages never import Qt; views run no SQL."""
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ["desktop/models", "desktop/documents", "desktop/web", "sync"]
# The one query left in a view: the outbox timer's count of e-mails waiting (a start-up hook).
SQL_EXEMPT_FUNCTIONS = {"start_outbox_timer"}


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


# --- no SQL in views --------------------------------------------------------------------------

SQL_TEXT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH|"
                      r"BEGIN|COMMIT|ROLLBACK|SAVEPOINT|VACUUM)\s")
DB_CALLS = {"execute", "executemany", "executescript", "query", "query_one", "scalar"}
DB_ATTRIBUTES = {"conn", "db"}


def _sql_in(tree: ast.AST) -> list[tuple[int, str]]:
    exempt = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in SQL_EXEMPT_FUNCTIONS:
            exempt.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and SQL_TEXT.match(node.value):
            found.append((node.lineno, f"SQL text {node.value[:40]!r}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in DB_CALLS:
            found.append((node.lineno, f"calls {ast.unparse(node.func)}()"))
        elif isinstance(node, ast.Attribute) and node.attr in DB_ATTRIBUTES:
            found.append((node.lineno, f"uses {ast.unparse(node)}"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""]
            found += [(node.lineno, f"imports {n}") for n in names
                      if n.split(".")[0] in ("sqlite3", "sqlite_utils")]
    return found


def test_views_run_no_sql():
    """SQL lives in desktop/models: a view calls a repository function."""
    offenders = []
    for path in sorted((ROOT / "desktop/views").rglob("*.py")):
        for line, what in _sql_in(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(ROOT)}:{line} {what}")
    assert offenders == []


def test_the_sql_check_finds_queries():
    tree = ast.parse(
        "def page(ctx):\n"
        "    ctx.store.query('SELECT * FROM staff')\n"
        "    rows = ctx.store.conn.cursor()\n"
        "    text = '  UPDATE staff SET x = 1'\n"
        "    import sqlite3\n"
        "    return ctx.tr('Select a file')\n")
    assert sorted(line for line, _ in _sql_in(tree)) == [2, 2, 3, 4, 5]  # not the words of line 6
