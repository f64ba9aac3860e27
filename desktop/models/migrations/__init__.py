"""Numbered, append-only schema migrations.

Each part of the program owns one migration set (its own numbering, `0001_...`), applied in the
order of `MIGRATION_SETS` (the modules' `migrations`); a set may only reference tables of the sets before it. Never edit a
migration that has been released: add the next number.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from . import core, iso, minutes, quiz, sync
from ._common import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# The table sqlite-utils keeps the applied steps in (one row per set and name).
APPLIED_TABLE = "_sqlite_migrations"

# The sets, in the order they apply.
MIGRATION_SETS: list[MigrationSet] = [
    core.migrations,
    minutes.migrations,
    sync.migrations,
    iso.migrations,
    quiz.migrations,
]


def declared_sets() -> list[MigrationSet]:
    return list(MIGRATION_SETS)


def migration_sets() -> list[Migrations]:
    """The sets as sqlite-utils' `Migrations` (importing sqlite-utils), to apply them."""
    from sqlite_utils.migrations import Migrations

    out = []
    for declared in declared_sets():
        m = Migrations(declared.name)
        for name, fn, transactional in declared.steps:
            m(name=name, transactional=transactional)(fn)
        out.append(m)
    return out


def _conn(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def applied_names(db: Database | sqlite3.Connection) -> set[tuple[str, str]]:
    """(set, name) of every step applied to the file, read with plain SQL."""
    conn = _conn(db)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (APPLIED_TABLE,)).fetchone() is None:
        return set()
    return {(s, n) for s, n in conn.execute(f"SELECT migration_set, name FROM {APPLIED_TABLE}")}


def pending_migrations(db: Database | sqlite3.Connection) -> list[tuple[str, str]]:
    done = applied_names(db)
    return [(m.name, name) for m in declared_sets() for name in m.names
            if (m.name, name) not in done]


def apply_migrations(db: Database) -> None:
    for m in migration_sets():
        m.apply(db)


def schema_version() -> int:
    """A single number that grows with every migration added to the program."""
    return sum(len(m.steps) for m in declared_sets())


def applied_version(db: Database | sqlite3.Connection) -> int:
    declared = {(m.name, name) for m in declared_sets() for name in m.names}
    return len(applied_names(db) & declared)
