"""Applying the rows of a table: refused rows anywhere in a batch, quarantine closed by a later
good copy, a database that cannot grow."""
from __future__ import annotations

import uuid

from desktop.models.db import now_iso
from sync import importer, status

from .conftest import rows_of
from .forge import forge
from .test_faults import STAFF_COLS, staff_row

ATTEMPT_COLS = ["id", "origin_unit", "created_at", "updated_at", "version", "deleted",
                "staff_id", "score", "note"]


def ordered_id(k: int) -> str:
    """UUIDs that sort in the order of k (the import writes in key order)."""
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
    rows.reverse()                                     # the package order is not the key order
    f = forge(pair.district, pair.province, pair.tmp / "a.isosync",
              tables={"staff": (STAFF_COLS, [person]), "t_attempts": (ATTEMPT_COLS, rows)})
    [s] = importer.import_file(pair.province, f, trust_new_sender=True)
    assert s.status == "warning"
    assert s.tables["t_attempts"] == {"received": 12, "imported": 8, "updated": 0, "ignored": 0,
                                      "deleted": 0, "quarantined": 4}
    reasons = {q["id"]: q["reason"] for q in s.quarantined}
    assert set(reasons) == {ordered_id(k) for k in (0, 5, 6, 11)}
    assert "khóa ngoại" in reasons[ordered_id(0)]
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
