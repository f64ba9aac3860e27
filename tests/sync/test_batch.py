"""Importing a folder of packages at once: the same figures as one by one (reconciliation taken
at the end of the batch), checkpoints on their own thread, the connection's settings restored."""
from __future__ import annotations

from desktop.models.staff import StaffRepository
from sync import exporter, importer

from .conftest import second_district
from .forge import forge
from .test_faults import STAFF_COLS, acked_chain, snapshot, staff_row


def test_batch_reconciles_each_package_as_one_by_one(pair):
    other = second_district(pair)
    single = snapshot(pair.province, pair.tmp / "single")   # copies that have seen nothing
    fresh = snapshot(pair.province, pair.tmp / "fresh")
    chain = acked_chain(pair, 3)                              # 2 new staff in each package
    StaffRepository(other).add({"staff_code": "H1", "full_name": "Hồ Thị Hai"})
    [theirs] = exporter.export_packages(other, pair.usb)
    files = [p.copied_to for p in chain] + [theirs.copied_to]
    one_by_one = {}
    for f in files:
        one_by_one.update({s.package_id: s.reconciliation
                           for s in importer.import_file(single, f, trust_new_sender=True)})
    batch = importer.import_many(fresh, files, trust_new_sender=True)
    assert all(s.status == "ok" for s in batch), [s.message for s in batch]
    assert {s.package_id: s.reconciliation for s in batch} == one_by_one
    assert [s.reconciliation["staff"] for s in batch if s.sender == pair.district.unit_code] \
        == [{"expected": n, "have": n} for n in (2, 4, 6)]
    # the importing connection checkpoints by itself again, and the log was checkpointed
    assert fresh.scalar("PRAGMA wal_autocheckpoint") == 1000
    busy, log, done = fresh.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log == done
    for s in (other, single, fresh):
        s.close(clean=False)


def test_batch_reports_a_count_that_does_not_match(pair):
    unit = pair.district.unit_code
    other = second_district(pair)
    good = [staff_row(unit, code=f"A{i}") for i in range(2)]
    short = [staff_row("BHXHHAI", code=f"B{i}") for i in range(2)]
    f1 = forge(pair.district, pair.province, pair.tmp / "in" / "a.isosync",
               tables={"staff": (STAFF_COLS, good)}, manifest_extra={"totals": {"staff": 2}})
    forge(other, pair.province, pair.tmp / "in" / "b.isosync",
          tables={"staff": (STAFF_COLS, short)}, manifest_extra={"totals": {"staff": 3}})
    summaries = importer.import_many(pair.province, [f1.parent], trust_new_sender=True)
    by_sender = {s.sender: s for s in summaries}
    assert by_sender[unit].status == "ok"
    assert by_sender[unit].reconciliation == {"staff": {"expected": 2, "have": 2}}
    s = by_sender["BHXHHAI"]
    assert s.status == "warning" and "không khớp" in s.message
    assert s.reconciliation == {"staff": {"expected": 3, "have": 2}}
    assert s.as_json()["reconciliation"] == {"staff": {"expected": 3, "have": 2}}
    other.close(clean=False)


def test_held_package_in_a_batch_is_not_compared(pair):
    fresh = snapshot(pair.province, pair.tmp / "fresh")
    p1, _p2, p3 = acked_chain(pair, 3)
    first, held = importer.import_many(fresh, [p1.copied_to, p3.copied_to],
                                       trust_new_sender=True)
    assert held.held and held.reconciliation == {}
    # the first package was compared before the next one of its sender came in
    assert first.reconciliation["staff"] == {"expected": 2, "have": 2}
    fresh.close(clean=False)
