"""Numbered, append-only schema migrations.

Each part of the program owns one migration set (its own numbering, `0001_...`), applied in the
order of `MIGRATION_SETS`; a set may only reference tables of the sets before it. Never edit a
migration that has been released: add the next number.
"""
from __future__ import annotations

import importlib

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# Module names under desktop.models.migrations, in the order they apply.
MIGRATION_SETS: list[str] = [
    "core",
    "minutes",
    "sync",
    "iso",
    "quiz",
]


def migration_sets() -> list[Migrations]:
    return [importlib.import_module(f"{__name__}.{name}").migrations for name in MIGRATION_SETS]


def pending_migrations(db: Database) -> list[tuple[str, str]]:
    return [(m.name, p.name) for m in migration_sets() for p in m.pending(db)]


def apply_migrations(db: Database) -> None:
    for m in migration_sets():
        m.apply(db)


def schema_version() -> int:
    """A single number that grows with every migration added to the program."""
    return sum(len(m._migrations) for m in migration_sets())


def applied_version(db: Database) -> int:
    return sum(len(m.applied(db)) for m in migration_sets())
