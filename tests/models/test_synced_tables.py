"""The synced tables are one declared list (`desktop.models.synced_tables`): complete on import
whatever else was imported, true to the schema, every table after the tables it depends on."""
import subprocess
import sys
from pathlib import Path

from desktop.models import ownership, synced_tables
from desktop.models.records import META_COLUMNS

ROOT = Path(__file__).resolve().parents[2]


def _in_a_fresh_process(first: str) -> list[str]:
    code = (f"import {first}\n"
            "import sys\n"
            "from desktop.models import ownership, synced_tables as s\n"
            "assert 'desktop.models.quiz' not in sys.modules or "
            f"{first!r}.startswith('desktop.models.quiz')\n"
            "assert set(ownership.RULES) == set(s.SYNCED_TABLES)\n"
            "print(','.join(s.SYNCED_TABLES))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return out.stdout.strip().split(",")


def test_the_list_is_complete_on_import_whatever_was_imported_first():
    names = [t.name for t in synced_tables.TABLES]
    assert len(names) == len(set(names)) >= 30
    assert _in_a_fresh_process("json") == names
    # importing a part first used to put its tables first (a table went where its import put it)
    assert _in_a_fresh_process("desktop.models.quiz.bank") == names
    assert _in_a_fresh_process("desktop.models.minutes") == names


def _late(tables) -> list[str]:
    position = {t.name: i for i, t in enumerate(tables)}
    return [f"{table.name} after {dep}" for i, table in enumerate(tables) for dep in table.after
            if dep not in position or position[dep] >= i]


def test_dependencies_come_before_their_dependants():
    assert _late(synced_tables.TABLES) == []
    names = synced_tables.SYNCED_TABLES
    assert names.index("minutes") < names.index("minutes_revisions") \
        < names.index("minutes_signatures")
    assert names.index("user_keys") < names.index("minutes_signatures")
    # (the check sees a table before one it depends on, and one that depends on nothing known)
    T = synced_tables.SyncedTable
    assert _late([T("b", after=("a",)), T("a")]) == ["b after a"]
    assert _late([T("c", after=("x",))]) == ["c after x"]


def test_every_synced_table_is_in_the_schema_with_the_record_columns(store):
    columns = {}
    for table in synced_tables.SYNCED_TABLES:
        columns[table] = {r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")}
    missing = [t for t, cols in columns.items() if not cols]
    assert missing == []
    lacking = [f"{t}.{c}" for t, cols in columns.items() for c in META_COLUMNS if c not in cols]
    assert lacking == []
    # the columns the declarations name: files, references (and what they point to), free ones
    named = []
    for table in synced_tables.TABLES:
        named += [(table.name, c) for c in (*table.blob_columns, *table.parents, *table.shared,
                                           *table.claims, *table.free)]
        for target in (*table.parents.values(), *table.shared.values(), *table.after):
            for t in (target,) if isinstance(target, str) else target:
                name, _, column = t.partition(".")
                named.append((name, column or "id"))
    unknown = [f"{t}.{c}" for t, c in named if c not in columns.get(t, ())]
    assert unknown == []


def test_the_lists_the_sync_reads_follow_the_declarations():
    assert synced_tables.DIRECTIONS["iso_plan_templates"] == "down"
    assert synced_tables.DIRECTIONS["quiz_questions"] == "both"
    assert synced_tables.DIRECTIONS["staff"] == "up"
    assert synced_tables.BLOB_COLUMNS["minutes_revisions"] == ("pdf_sha256",)
    assert synced_tables.BLOB_COLUMNS["staff"] == ()
    assert {t.direction for t in synced_tables.TABLES} == {"up", "down", "both"}
    rule = ownership.rule("quiz_answers")
    assert {(r.column, r.kind) for r in rule.refs} == {
        ("attempt_id", "parent"), ("question_id", "shared"), ("version_id", "shared")}
    assert ownership.rule("quiz_attempts").free == ("kiosk_id",)
    assert [r.by for r in ownership.rule("user_keys").refs] == ["user_id"]
