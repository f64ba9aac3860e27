"""May this unit write this row? One rule for every synced table, by the row and its parents.

A synced row belongs to the unit in its `origin_unit`, and so does everything hanging under it:
a participant, action item, attachment or signature belongs to the unit of its revision, a
revision to the unit of its minutes, an answer to the unit of its attempt, and so on. So a unit
may write a row only when the row is its own AND every row it points to (its parents) is its
own too — whatever the row's own `origin_unit` says. A few references may also name a row the
unit's province sent down (a question of the province's bank, a plan template): those are
*shared*. An identity a unit introduces (the user id its keys name) is *claimed*: rows of other
units may not name it.

Every synced table declares its references in the declared list of synced tables
(`desktop.models.synced_tables.TABLES`: `parents`, `shared`, `claims`, `free`); a test
fails when a synced table has no declaration, or has a column that looks like a reference (its
name ends in `_id`, or the schema gives it a foreign key) that the declaration does not name.

The same rule serves the sync import (a batch of rows of one table, `foreign_rows`) and every
local write through `desktop.models.records` (`check_row`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable, Iterable, Mapping

from .db import Store
from .errors import ReadOnlyRecord
from .ids import is_record_id
from .synced_tables import TABLES

LOOKUP_BATCH = 5000


@dataclass(frozen=True)
class Ref:
    """A column whose value names rows of other tables (`tables`, by their column `by`)."""
    column: str
    tables: tuple[str, ...]
    by: str = "id"
    kind: str = "parent"      # parent | shared | claim

    @property
    def required(self) -> bool:
        """A value that names no row is refused at import (a claim may be new)."""
        return self.kind != "claim"


@dataclass(frozen=True)
class Rule:
    table: str
    refs: tuple[Ref, ...] = ()
    free: tuple[str, ...] = ()      # columns named like references that are not


RULES: dict[str, Rule] = {}


def _ref(column: str, target: str | tuple[str, ...], kind: str) -> Ref:
    targets = (target,) if isinstance(target, str) else tuple(target)
    tables, by = [], "id"
    for t in targets:
        name, _, column_of = t.partition(".")
        tables.append(name)
        by = column_of or "id"
    return Ref(column, tuple(tables), by, kind)


def declare(table: str, *, parents: Mapping[str, str | tuple[str, ...]] | None = None,
            shared: Mapping[str, str] | None = None, claims: Iterable[str] = (),
            free: Iterable[str] = ()) -> None:
    """The references of a synced table.

    parents: {column: table} — the row named must belong to the same unit ("table.column" to
    name rows by another column than `id`; a tuple of tables for a column that may name a row
    of any of them). shared: {column: table} — the same unit's row or its province's.
    claims: columns of this table whose value, once a unit uses it, is that unit's.
    free: columns named like references that name no synced row (a machine id…)."""
    refs = [_ref(c, t, "parent") for c, t in (parents or {}).items()]
    refs += [_ref(c, t, "shared") for c, t in (shared or {}).items()]
    refs += [_ref(c, f"{table}.{c}", "claim") for c in claims]
    RULES[table] = Rule(table, tuple(refs), tuple(free))


for _table in TABLES:
    declare(_table.name, parents=_table.parents, shared=_table.shared, claims=_table.claims,
            free=_table.free)


def rule(table: str) -> Rule | None:
    return RULES.get(table)


def _owners(store: Store, ref: Ref, values: list[str]) -> dict[str, set[str]]:
    """The units whose rows of `ref.tables` have these values in `ref.by`."""
    found: dict[str, set[str]] = {}
    for table in ref.tables:
        for start in range(0, len(values), LOOKUP_BATCH):
            part = json.dumps(values[start:start + LOOKUP_BATCH])
            for value, unit in store.conn.execute(
                    f"SELECT {ref.by}, origin_unit FROM {table} "
                    f"WHERE {ref.by} IN (SELECT value FROM json_each(?))", (part,)):
                found.setdefault(value, set()).add(unit)
    return found


def _reason(ref: Ref, owners: set[str], unit: str, label: Callable[[str], str]) -> str:
    what = " / ".join(dict.fromkeys(label(t) for t in ref.tables))
    others = ", ".join(sorted(owners - {unit}))
    if ref.kind == "claim":
        return (f"ghi tên một người dùng ({ref.column}) đã thuộc đơn vị {others}; mỗi người dùng "
                "chỉ thuộc một đơn vị")
    return (f"thuộc về {what} của đơn vị {others}, không phải của đơn vị {unit}; một đơn vị "
            "chỉ được ghi vào hồ sơ của chính mình")


def foreign_rows(store: Store, table: str, columns: list[str], rows: Mapping[str, list], *,
                 unit: str, province: str | None,
                 in_package: Callable[[str, str], set] | None = None,
                 missing_allowed: bool = False,
                 label: Callable[[str], str] = lambda table: table) -> dict[str, str]:
    """The rows (by id) that `unit` may not write, each with its reason.

    `rows` are lists in the order of `columns`, all of `unit` (the caller checked their own
    `origin_unit`). A reference is looked up in the database; one found nowhere may name a row
    of the same batch of rows (`in_package(table, column)` gives the values the batch holds,
    which are `unit`'s own). `missing_allowed`: a reference that names nothing is fine (local
    writes: the models check their own references), else it is refused. `label` names a
    table for people (the reasons are shown and sent back to the sender)."""
    spec = RULES.get(table)
    if spec is None or not rows:
        return {}
    refused: dict[str, str] = {}
    for ref in spec.refs:
        if ref.column not in columns:
            continue
        i = columns.index(ref.column)
        try:
            wanted = set(map(itemgetter(i), rows.values()))
            plain = True
        except TypeError:  # a list or an object where an id belongs
            wanted = {v for v in map(itemgetter(i), rows.values()) if _hashable(v)}
            plain = False
        wanted -= {None, ""}
        values = sorted(v for v in wanted if type(v) is str)
        owners = _owners(store, ref, values) if values else {}
        local: set = set()
        if in_package is not None and len(owners) < len(values):  # some are not here yet
            for t in ref.tables:
                local |= in_package(t, ref.by)
        allowed = {unit} | ({province} if ref.kind == "shared" and province else set())
        bad = {}
        for v in wanted:
            who = owners.get(v)
            if type(v) is not str:
                bad[v] = f"“{ref.column}” không phải mã bản ghi"
            elif who and not who <= allowed:
                bad[v] = _reason(ref, who, unit, label)
            elif not who and ref.kind == "shared" and ref.by == "id" and not is_record_id(v):
                continue  # names no row: something built into the program (a plan template)
            elif not who and v not in local and not missing_allowed and ref.required:
                what = " / ".join(dict.fromkeys(label(t) for t in ref.tables))
                bad[v] = (f"trỏ tới một bản ghi không có ở đây ({what}: chưa gửi, đã bị "
                          "cách ly hoặc đã bị xóa)")
        if not bad and plain:
            continue  # the usual case: every reference is fine
        for rid, row in rows.items():
            v = row[i]
            if rid in refused or v is None or v == "":
                continue
            if not _hashable(v):
                refused[rid] = f"“{ref.column}” không phải mã bản ghi"
            elif v in bad:
                refused[rid] = bad[v]
    return refused


def _hashable(value) -> bool:
    return type(value) not in (list, dict)


def province_of(store: Store) -> str | None:
    """The code of this unit's province: itself at a province, its parent at a district."""
    row = store.query_one("SELECT code, level, parent_code FROM unit_profile WHERE id = 1")
    if row is None:
        return None
    return row["code"] if row["level"] == "province" else row["parent_code"]


def check_row(store: Store, table: str, row: Mapping) -> None:
    """A local write of `row` (as it will be stored): refused when a row it points to belongs
    to another unit than the row's own (a province's shared rows excepted)."""
    if table not in RULES or not store.unit_code:
        return
    columns = list(row)
    refused = foreign_rows(store, table, columns, {row["id"]: [row[c] for c in columns]},
                           unit=row["origin_unit"], province=province_of(store),
                           missing_allowed=True, label=lambda t: "một hồ sơ")
    if refused:
        raise ReadOnlyRecord(f"Không ghi được bản ghi này: nó {refused[row['id']]}.")


@dataclass
class Coverage:
    """What the declarations leave out (for the test that every synced table has its rule)."""
    undeclared: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)


def coverage(store: Store, tables: Iterable[str]) -> Coverage:
    """Synced tables without a rule, and reference-like columns (`*_id`, or a foreign key in the
    schema) that their rule does not name."""
    out = Coverage()
    for table in tables:
        spec = RULES.get(table)
        if spec is None:
            out.undeclared.append(table)
            continue
        named = {r.column for r in spec.refs} | set(spec.free)
        info = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
        fks = {r[3]: r[2] for r in store.conn.execute(f"PRAGMA foreign_key_list({table})")}
        for col in (r[1] for r in info):
            if col == "id":
                continue
            if (col.endswith("_id") or col in fks) and col not in named:
                out.unnamed.append(f"{table}.{col}")
        for col, target in fks.items():
            ref = next((r for r in spec.refs if r.column == col), None)
            if ref is not None and target not in ref.tables:
                out.unnamed.append(f"{table}.{col} → {target}")
    return out
