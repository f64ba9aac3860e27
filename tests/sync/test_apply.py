"""Applying the rows of a table: refused rows anywhere in a batch, quarantine closed by a later
good copy, a database that cannot grow."""
from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.db import now_iso
from sync import importer, status

from .conftest import rows_of
from .forge import forge
from .tables import add_synced_table
from .test_faults import STAFF_COLS, staff_row

ATTEMPT_COLS = ["id", "origin_unit", "created_at", "updated_at", "version", "deleted",
                "staff_id", "score", "note"]


def ordered_id(k: int) -> str:
    """UUIDs that sort in the order of k."""
    return str(uuid.UUID(int=(k << 64) | 0x4000_8000_0000_0000, version=4))


def attempt(unit: str, rid: str, staff_id: str, score=5, note="") -> list:
    now = now_iso()
    return [rid, unit, now, now, 1, 0, staff_id, score, note]


def test_refused_rows_first_middle_and_last_of_a_batch(pair):
    unit = pair.district.unit_code
    person = staff_row(unit)
    ghost = str(uuid.uuid4())                          # a staff record that never came
    rows = [attempt(unit, ordered_id(k), person[0], score=k % 10) for k in range(12)]
    rows[0][6] = ghost                                 # foreign key
    rows[5][7] = 11                                    # CHECK (score <= 10)
    rows[6][8] = None                                  # NOT NULL
    rows[11][7] = 10 ** 30                             # too large for SQLite
    rows.reverse()               # bad rows first, in the middle and last, and not in key order
    f = forge(pair.district, pair.province, pair.tmp / "a.isosync",
              tables={"staff": (STAFF_COLS, [person]), "t_attempts": (ATTEMPT_COLS, rows)})
    [s] = importer.import_file(pair.province, f, trust_new_sender=True)
    assert s.status == "warning"
    assert s.tables["t_attempts"] == {"received": 12, "imported": 8, "updated": 0, "ignored": 0,
                                      "deleted": 0, "quarantined": 4}
    reasons = {q["id"]: q["reason"] for q in s.quarantined}
    assert set(reasons) == {ordered_id(k) for k in (0, 5, 6, 11)}
    assert "trỏ tới một bản ghi không có" in reasons[ordered_id(0)]
    assert "không hợp lệ" in reasons[ordered_id(5)]
    assert "thiếu giá trị" in reasons[ordered_id(6)]
    assert "số quá lớn" in reasons[ordered_id(11)]
    got = rows_of(pair.province, "t_attempts", unit)
    assert set(got) == {ordered_id(k) for k in (1, 2, 3, 4, 7, 8, 9, 10)}
    assert all(got[ordered_id(k)]["score"] == k % 10 for k in (1, 2, 3, 4, 7, 8, 9, 10))
    # the same package again: the good rows are ignored, the bad ones quarantined again
    [again] = importer.import_file(pair.province, f)
    assert again.replay and again.tables["t_attempts"]["ignored"] == 8
    assert len(rows_of(pair.province, "t_attempts", unit)) == 8


def test_quarantine_closed_when_a_good_copy_arrives(pair):
    unit = pair.district.unit_code
    person = staff_row(unit)
    early = attempt(unit, str(uuid.uuid4()), person[0])
    f1 = forge(pair.district, pair.province, pair.tmp / "1.isosync",
               tables={"t_attempts": (ATTEMPT_COLS, [early])})
    [s1] = importer.import_file(pair.province, f1, trust_new_sender=True)
    assert [q["id"] for q in s1.quarantined] == [early[0]]
    assert len(status.quarantine(pair.province)) == 1
    # a package without that record leaves the entry open
    f2 = forge(pair.district, pair.province, pair.tmp / "2.isosync", seq=2, from_seq=2,
               tables={"staff": (STAFF_COLS, [staff_row(unit, code="F002")])})
    importer.import_file(pair.province, f2)
    assert len(status.quarantine(pair.province)) == 1
    # the person and the record come: the record goes in and its entry is closed
    f3 = forge(pair.district, pair.province, pair.tmp / "3.isosync", seq=3, from_seq=3,
               tables={"staff": (STAFF_COLS, [person]), "t_attempts": (ATTEMPT_COLS, [early])})
    [s3] = importer.import_file(pair.province, f3)
    assert s3.status == "ok" and s3.imported == 2
    assert status.quarantine(pair.province) == []
    [closed] = status.quarantine(pair.province, include_resolved=True)
    assert closed["record_id"] == early[0] and closed["resolved_at"]


def test_database_that_cannot_grow_refuses_the_whole_package(pair):
    unit = pair.district.unit_code
    rows = [staff_row(unit, code=f"G{i:04d}", name="Nguyễn Văn " + "Dài" * 200)
            for i in range(400)]
    f = forge(pair.district, pair.province, pair.tmp / "big.isosync",
              tables={"staff": (STAFF_COLS, rows)})
    pages = pair.province.scalar("PRAGMA page_count")
    pair.province.execute(f"PRAGMA max_page_count={pages + 20}")
    [s] = importer.import_file(pair.province, f, trust_new_sender=True)
    assert s.status == "error" and "đã đầy" in s.message and "chưa được nhập" in s.message
    assert not rows_of(pair.province, "staff", unit)
    assert not pair.province.query("SELECT * FROM sync_packages")
    assert not pair.province.query("SELECT * FROM sync_quarantine")
    pair.province.execute("PRAGMA max_page_count=4294967294")
    [s] = importer.import_file(pair.province, f)
    assert s.status == "ok" and s.imported == 400


def _mixed_package(pair, seq: int, table: str, existing: dict[str, list]) -> tuple:
    """Rows of every kind against `existing` (already imported): new, tombstone for a new id,
    newer version, tombstone of a live record, older version, same version same content,
    same version other content, update after delete, older version that breaks NOT NULL, and
    a newer version that breaks the CHECK rule."""
    unit = pair.district.unit_code
    person = existing["person"]
    e = existing

    def bump(row, **kw):
        row = list(row)
        for k, v in kw.items():
            row[ATTEMPT_COLS.index(k)] = v
        return row

    rows = {
        "new": attempt(unit, str(uuid.uuid4()), person[0], score=7),
        "new_tomb": bump(attempt(unit, str(uuid.uuid4()), person[0]), deleted=1),
        "newer": bump(e["a"], version=2, score=9),
        "tomb": bump(e["b"], version=2, deleted=1),
        "older": bump(e["c2"], version=1, score=1),
        "same": list(e["d"]),
        "conflict": bump(e["e"], score=0),
        "after_delete": bump(e["f_tomb"], version=3, deleted=0),
        "older_broken": bump(e["c2"], version=1, note=None),
        "newer_broken": bump(e["g"], version=2, score=42),
    }
    del rows["older_broken"]  # same id as "older": sent in a package of its own below
    f = forge(pair.district, pair.province, pair.tmp / f"m{seq}.isosync", seq=seq, from_seq=seq,
              tables={table: (ATTEMPT_COLS, list(rows.values()))})
    broken = bump(e["c2"], version=1, note=None)
    g = forge(pair.district, pair.province, pair.tmp / f"n{seq}.isosync", seq=seq + 1,
              from_seq=seq + 1, tables={table: (ATTEMPT_COLS, [broken])})
    return rows, f, g


@pytest.mark.parametrize("kind", ["plain", "without_rowid", "trigger"])
def test_every_kind_of_row_in_one_package(pair, kind):
    unit = pair.district.unit_code
    table = "t_attempts"
    if kind == "trigger":  # writes elsewhere once for each row already here: the change
        pair.province.execute("CREATE TABLE t_log (id TEXT)")  # count alone would mislead
        pair.province.execute(
            "CREATE TRIGGER t_attempts_log BEFORE INSERT ON t_attempts WHEN EXISTS (SELECT 1 "
            "FROM t_attempts WHERE id = NEW.id) BEGIN INSERT INTO t_log VALUES (NEW.id); END")
    if kind == "without_rowid":  # a table of another part could be declared WITHOUT ROWID
        table = "t_attempts_wr"
        pair.province.execute(
            "CREATE TABLE t_attempts_wr (id TEXT PRIMARY KEY NOT NULL, origin_unit TEXT NOT "
            "NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL "
            "CHECK (version >= 1), deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)), "
            "staff_id TEXT NOT NULL REFERENCES staff(id), score REAL NOT NULL CHECK (score >= 0 "
            "AND score <= 10), note TEXT NOT NULL DEFAULT '') WITHOUT ROWID")
        add_synced_table(table, after=["staff"])
    person = staff_row(unit)
    base = {k: attempt(unit, str(uuid.uuid4()), person[0], score=3)
            for k in ("a", "b", "d", "e", "g")}
    base["c2"] = attempt(unit, str(uuid.uuid4()), person[0], score=4)
    base["c2"][4] = 2
    base["f_tomb"] = attempt(unit, str(uuid.uuid4()), person[0])
    base["f_tomb"][4], base["f_tomb"][5] = 2, 1
    f0 = forge(pair.district, pair.province, pair.tmp / "m0.isosync",
               tables={"staff": (STAFF_COLS, [person]), table: (ATTEMPT_COLS,
                                                                list(base.values()))})
    [s0] = importer.import_file(pair.province, f0, trust_new_sender=True)
    assert s0.tables[table] == {"received": 7, "imported": 6, "updated": 0, "ignored": 0,
                                "deleted": 1, "quarantined": 0}
    rows, f, g = _mixed_package(pair, 2, table, {**base, "person": person})
    [s] = importer.import_file(pair.province, f)
    assert s.tables[table] == {"received": 9, "imported": 1, "updated": 1, "ignored": 2,
                               "deleted": 2, "quarantined": 3}
    reasons = {q["id"]: q["reason"] for q in s.quarantined}
    assert set(reasons) == {rows[k][0] for k in ("conflict", "after_delete", "newer_broken")}
    assert "xung đột" in reasons[rows["conflict"][0]]
    assert "đã bị xóa" in reasons[rows["after_delete"][0]]
    assert "không hợp lệ" in reasons[rows["newer_broken"][0]]
    got = {r["id"]: r for r in pair.province.query(f"SELECT * FROM {table}")}
    assert got[rows["new"][0]]["score"] == 7
    assert got[rows["new_tomb"][0]]["deleted"] == 1
    assert (got[rows["newer"][0]]["version"], got[rows["newer"][0]]["score"]) == (2, 9)
    assert got[rows["tomb"][0]]["deleted"] == 1
    assert (got[base["c2"][0]]["version"], got[base["c2"][0]]["score"]) == (2, 4)
    assert got[base["e"][0]]["score"] == 3 and got[base["g"][0]]["score"] == 3
    assert got[base["f_tomb"][0]]["deleted"] == 1
    # an older copy that breaks a rule is still only an older copy: ignored, not quarantined
    [s2] = importer.import_file(pair.province, g)
    assert s2.tables[table]["ignored"] == 1 and not s2.quarantined
    # and the mixed package again changes nothing
    before = pair.province.query(f"SELECT * FROM {table} ORDER BY id")
    [again] = importer.import_file(pair.province, f)
    assert again.replay and again.imported == again.updated == again.deleted == 0
    assert pair.province.query(f"SELECT * FROM {table} ORDER BY id") == before


UNIT_CODE = "BHXHTEST"
_values = st.one_of(st.none(), st.booleans(), st.integers(-2, 3), st.integers(2 ** 62, 2 ** 70),
                    st.floats(allow_nan=False), st.text(max_size=3),
                    st.sampled_from(["Nguyễn", "Nguye\u0302\u0303n", UNIT_CODE, "BHXHKHAC",
                                     "4b9cf4a2-3a8e-4c52-9d55-27c1a1d3c0e1",
                                     "4b9cf4a2-3a8e-4c52-9d55-27c1a1d3c0e1\n",
                                     "4B9CF4A2-3A8E-4C52-9D55-27C1A1D3C0E2"]),
                    st.lists(st.integers(), max_size=1), st.just({"x": 1}))


@st.composite
def _row(draw):
    good = [str(uuid.UUID(int=draw(st.integers(0, 7)), version=4)), UNIT_CODE, "t", "t",
            draw(st.integers(1, 3)), draw(st.integers(0, 1)), "s", 5, "n"]
    for _ in range(draw(st.integers(0, 2))):  # spoil a few cells
        good[draw(st.integers(0, 8))] = draw(_values)
    return draw(st.sampled_from([good, good, good, good[:5], "không phải dòng", None]))


@given(st.lists(_row(), max_size=12), st.booleans())
@settings(max_examples=300, deadline=None)
def test_whole_table_checks_agree_with_row_by_row(rows, nfc):
    from sync.permission import CheckedRows, TableResult, _check_each, check_rows

    fast = check_rows("t_attempts", ATTEMPT_COLS, rows, sender=UNIT_CODE, nfc=nfc,
                      have_blob=lambda _d: True, blob_columns=())
    slow = CheckedRows(TableResult("t_attempts", received=len(rows)), ATTEMPT_COLS, {})
    _check_each(slow, rows, [], sender=UNIT_CODE, nfc=nfc, have_blob=lambda _d: True)
    assert fast.good == slow.good
    assert list(fast.good) == list(slow.good)
    assert fast.result.quarantined == slow.result.quarantined
