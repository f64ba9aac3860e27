"""Imports point one way (DESIGN.md): the core packages never import Qt; models and output
never import sync, the command line or the views; views and sync run no SQL; no import cycle
anywhere in the program (desktop and sync, the command line and the demo included;
function-level imports included)."""
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ["desktop/models", "desktop/output", "desktop/web", "sync"]
# Every module of the program is in the import graph: a cycle is one wherever it is.
GRAPHED = ["desktop", "sync"]


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
        "import desktop.models.iso, desktop.models.minutes, desktop.models.quiz\n"
        "import desktop.cli, desktop.output.roster_xlsx, desktop.output.pdf\n"
        "for pkg in ('desktop.models', 'desktop.output', 'desktop.web', 'sync'):\n"
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


# --- the module graph -------------------------------------------------------------------------

def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def _modules(folders: list[str]) -> dict[str, tuple[Path, bool]]:
    found = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name, is_package = _module_name(path)
            found[name] = (path, is_package)
    return found


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Imports under `if TYPE_CHECKING:` run only for the type checker."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skip.update(id(n) for n in ast.walk(child))
    return skip


def _imported(module: str, is_package: bool, tree: ast.AST,
              known: dict) -> list[tuple[int, str, bool]]:
    """(line, module imported, at function level) for every import in `tree`, relative ones
    resolved; `from package import name` counts as importing the submodule when there is one."""
    skip = _type_checking_nodes(tree)
    lazy = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lazy.update(id(n) for n in ast.walk(node) if n is not node)
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[:None if is_package else -1]
                base = base[:len(base) - (node.level - 1)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                     for a in node.names]
        else:
            continue
        out += [(node.lineno, name, id(node) in lazy) for name in names]
    return out


def _import_graph() -> dict[str, dict[str, int]]:
    """module → {module it imports: line}, within GRAPHED."""
    known = _modules(GRAPHED)
    graph: dict[str, dict[str, int]] = {}
    for name, (path, is_package) in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = graph.setdefault(name, {})
        for line, target, lazy in _imported(name, is_package, tree, known):
            if target in known and target != name:
                edges.setdefault(target, line)
    return graph


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each as a path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_in_the_program():
    """No two modules of desktop or sync import each other, directly or round a loop, even
    through an import inside a function: what both sides share lives in a module below both."""
    graph = _import_graph()
    described = []
    for component in _cycles(graph):
        inside = set(component)
        described.append("; ".join(
            f"{v} → {w} (line {line})" for v in component
            for w, line in sorted(graph[v].items()) if w in inside))
    assert described == []


def test_the_import_graph_holds_every_package_of_the_program():
    graph = _import_graph()
    packages = {name.rsplit(".", 1)[0] for name in graph if "." in name}
    for package in ("desktop", "desktop.cli", "desktop.demo", "desktop.models", "desktop.views",
                    "desktop.output", "desktop.web", "sync"):
        assert package in packages or package in graph
    assert "desktop.cli.training" in graph["desktop.cli.quiz"]  # (edges are resolved)
    assert "desktop.app" in graph and "desktop.cli" in graph


def test_the_cycle_check_sees_function_level_imports():
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}, "d": {"a": 4}}
    assert _cycles(graph) == [["a", "b", "c"]]
    tree = ast.parse("def f():\n    from . import audit\n")
    known = {"desktop.models.audit": None}
    assert _imported("desktop.models.unit", False, tree, known) == [
        (2, "desktop.models.audit", True)]


def test_models_and_output_never_import_sync_the_command_line_or_views():
    known = _modules(["desktop/models", "desktop/output"])
    offenders = []
    for name, (path, is_package) in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, target, _lazy in _imported(name, is_package, tree, known):
            if target == "sync" or target.startswith(
                    ("sync.", "desktop.cli", "desktop.views", "desktop.app")):
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert offenders == []


MODULE_STRING = re.compile(r"(sync(\.\w+)+|desktop\.(cli|views|app)(\.\w+)*)(:\w+)?")


def _module_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants that name a module of sync, the command line or the views (as a
    "module:function" registry would, to be imported by name)."""
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and MODULE_STRING.fullmatch(node.value)]


def test_models_and_output_do_not_name_sync_the_command_line_or_views_in_strings():
    """A dependency named in a string (resolved with importlib) is one all the same, and one
    "go to definition" can't follow: the program's start hands such a function in instead."""
    offenders = []
    for folder in ("desktop/models", "desktop/output"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line, text in _module_strings(ast.parse(path.read_text(encoding="utf-8"))):
                offenders.append(f"{path.relative_to(ROOT)}:{line} names {text!r}")
    assert offenders == []


def test_the_module_string_check_finds_names():
    tree = ast.parse('HOOKS = ["sync.keys:ensure_unit_keys", "desktop.views.x"]\n'
                     'SETS = ["core", "sync"]  # a word, not a module\n'
                     'NOTE = "the sync. package signs (sync.anchor)"\n')
    assert _module_strings(tree) == [(1, "sync.keys:ensure_unit_keys"), (1, "desktop.views.x")]


def _gives_back_import(path: Path, node: ast.Attribute) -> bool:
    """`builtins.__import__` read and set (never called) where the GUI's start puts Python's
    import statement back in place of PySide6's hook: the one module that may name it."""
    return (path.relative_to(ROOT).as_posix() == "desktop/views/qt_import.py"
            and isinstance(node.value, ast.Name) and node.value.id == "builtins")


def test_the_program_is_assembled_with_plain_imports():
    """No module imported by a name held in a string (importlib): "go to definition" follows
    every import. Where a module is imported late, a loader function holds a plain import."""
    offenders = []
    for folder in ("desktop", "sync"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr in ("import_module",
                                                                     "__import__"):
                    if _gives_back_import(path, node):
                        continue
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                elif isinstance(node, ast.Name) and node.id in ("__import__", "import_module"):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_tr_is_defined_once():
    """The free `tr()` of the interface (`desktop.views.translate.tr`) has one definition."""
    found = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [path.relative_to(ROOT).as_posix() for node in tree.body
                  if isinstance(node, ast.FunctionDef) and node.name == "tr"]
    assert found == ["desktop/views/translate.py"]


# --- no SQL in views or sync -----------------------------------------------------------------

SQL_TEXT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH|"
                      r"BEGIN|COMMIT|ROLLBACK|SAVEPOINT|VACUUM)\s")
DB_CALLS = {"execute", "executemany", "executescript", "query", "query_one", "scalar"}
DB_ATTRIBUTES = {"conn", "db"}


def _sql_in(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
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


def test_sync_runs_no_sql_of_its_own():
    """sync/ holds the package logic (sender → permission → write) and calls desktop/models for
    every query: the record of packages, the peers, the unit's keys, what was sent, the
    quarantine, the synced rows and their bulk write (`models/sync_*.py`, `synced_rows.py`,
    `checkpoints.py`, `bulk_writes.py`). Importing sqlite3 for its error classes runs none."""
    offenders = []
    for path in sorted((ROOT / "sync").rglob("*.py")):
        for line, what in _sql_in(ast.parse(path.read_text(encoding="utf-8"))):
            if what != "imports sqlite3":
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


OUTBOX_SQL = re.compile(r"\b(FROM|INTO|UPDATE|JOIN)\s+sync_outbox\b", re.IGNORECASE)


def test_the_e_mail_outbox_is_queried_in_one_place():
    """Every query of the table sync_outbox is in desktop/models/sync_outbox.py (the mail
    sender, the sync status and the views call it)."""
    home = ROOT / "desktop/models/sync_outbox.py"
    offenders = []
    for path in sorted([*(ROOT / "desktop").rglob("*.py"), *(ROOT / "sync").rglob("*.py")]):
        if path == home or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and OUTBOX_SQL.search(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
    assert OUTBOX_SQL.search(home.read_text(encoding="utf-8"))  # (the check sees a query)
