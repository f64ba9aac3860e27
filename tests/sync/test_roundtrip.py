"""District → province → acknowledgement → district, on real files and databases."""
from __future__ import annotations

import json

import pytest

from desktop.models import blobs, records
from desktop.models.staff import StaffRepository
from sync import ack, exporter, importer, status
from sync.errors import NewSenderKey, NotEnrolled
from sync.peers import get_peer

from .conftest import rows_of, second_district


def first_import(pair, path):
    return importer.import_file(pair.province, path, trust_new_sender=True)[0]


def test_round_trip_with_files_fk_and_ack(pair):
    people = pair.staff(5)
    pdf = b"%PDF-1.4 test minutes " + b"x" * 5000
    digest = blobs.put_blob(pair.district, pdf, name="bb.pdf", media_type="application/pdf")
    m = records.insert(pair.district, "t_minutes", {"title": "Biên bản làm việc số 01",
                                                    "status": "confirmed",
                                                    "pdf_sha256": digest})
    for p in people[:3]:
        records.insert(pair.district, "t_attempts", {"staff_id": p.id, "score": 8.5})

    [result] = exporter.export_packages(pair.district, pair.usb)
    assert result.copied_to.name == f"{pair.district.unit_code}-00001.isosync"
    assert result.counts == {"user_keys": 4, "staff": 5, "t_attempts": 3, "t_minutes": 1}
    assert result.blobs == 1
    # personal data travels encrypted: no name in the clear anywhere in the file
    raw = result.copied_to.read_bytes()
    assert "Nguyễn".encode() not in raw and "Biên".encode() not in raw and b"%PDF" not in raw

    summary = first_import(pair, result.copied_to)
    assert summary.status == "ok", summary.messages
    assert (summary.imported, summary.updated, summary.ignored, summary.deleted) == (13, 0, 0, 0)
    got = rows_of(pair.province, "t_minutes", pair.district.unit_code)
    assert got[m["id"]]["title"] == "Biên bản làm việc số 01"
    assert blobs.read_blob(pair.province, digest) == pdf
    assert summary.reconciliation["staff"] == {"expected": 5, "have": 5}

    # the province's copies are read-only
    with pytest.raises(Exception) as err:
        records.update(pair.province, "staff", people[0].id, {"full_name": "Khác"})
    assert "chỉ được xem" in str(err.value)

    [ack_file] = ack.write_acks(pair.province, pair.usb)
    res = ack.import_ack(pair.district, ack_file)
    assert res.highest_seq == 1 and res.received == 14  # 13 records + 1 file
    counts = status.state_counts(pair.district)
    assert counts == {"not_sent": 0, "sent": 0, "received": 13, "refused": 0}

    # incremental: only what changed since the acknowledgement, and the PDF is not sent again
    StaffRepository(pair.district).update(people[1].id, {"full_name": "Trần Văn Bình Mới",
                                                         "staff_code": people[1].staff_code})
    records.delete(pair.district, "t_attempts",
                   rows_of(pair.district, "t_attempts", pair.district.unit_code).popitem()[0])
    records.update(pair.district, "t_minutes", m["id"], {"status": "archived"})
    assert status.state_counts(pair.district)["not_sent"] == 3
    [second] = exporter.export_packages(pair.district, pair.usb)
    assert second.seq == 2 and second.from_seq == 2
    assert second.counts == {"staff": 1, "t_attempts": 1, "t_minutes": 1} and second.blobs == 0
    s2 = importer.import_file(pair.province, second.copied_to)[0]
    assert (s2.imported, s2.updated, s2.deleted, s2.ignored) == (0, 2, 1, 0)
    assert s2.status == "ok"
    assert pair.province.scalar("SELECT full_name FROM staff WHERE id = ?",
                                (people[1].id,)) == "Trần Văn Bình Mới"


def test_nothing_lost_when_a_stick_is_lost(pair):
    """Packages repeat everything not yet acknowledged: losing package 1 costs nothing."""
    pair.staff(3)
    [lost] = exporter.export_packages(pair.district, pair.usb)
    lost.copied_to.unlink()
    pair.staff(2, prefix="N")
    [second] = exporter.export_packages(pair.district, pair.usb)
    assert second.from_seq == 1 and second.counts["staff"] == 5
    s = first_import(pair, second.copied_to)
    assert s.status == "ok" and s.imported == 9 and not s.gaps


def test_full_resend(pair):
    pair.staff(4)
    [p1] = exporter.export_packages(pair.district, pair.usb)
    first_import(pair, p1.copied_to)
    ack.import_ack(pair.district, ack.write_acks(pair.province, pair.usb)[0])
    [empty] = exporter.export_packages(pair.district, pair.usb)
    assert empty.counts == {}
    [full] = exporter.export_packages(pair.district, pair.usb, full=True)
    assert full.counts["staff"] == 4 and full.from_seq == 1 and full.full
    s = importer.import_file(pair.province, full.copied_to)[0]
    assert s.ignored == 8 and s.imported == 0 and s.status == "ok"


def test_province_sends_question_bank_down(pair):
    pair.staff(1)
    [up] = exporter.export_packages(pair.district, pair.usb)
    first_import(pair, up.copied_to)
    q = records.insert(pair.province, "t_bank", {"question": "Chính sách chất lượng là gì?",
                                                 "answer": "A"})
    results = exporter.export_packages(pair.province, pair.usb)
    assert [r.recipient for r in results] == [pair.district.unit_code]
    assert results[0].counts == {"t_bank": 1}  # the province has no accounts here
    s = importer.import_file(pair.district, results[0].copied_to)[0]
    assert s.status == "ok" and s.imported == 1
    assert records.get(pair.district, "t_bank", q["id"])["question"] == \
        "Chính sách chất lượng là gì?"


def test_province_needs_a_district_key_before_sending_down(pair):
    with pytest.raises(NotEnrolled):
        exporter.export_packages(pair.province, pair.usb)


def test_folder_import_of_many_districts(pair):
    other = second_district(pair)
    pair.staff(3)
    StaffRepository(other).add({"staff_code": "H1", "full_name": "Hồ Thị Hai"})
    exporter.export_packages(pair.district, pair.usb)
    exporter.export_packages(other, pair.usb)
    summaries = importer.import_many(pair.province, [pair.usb], trust_new_sender=True)
    assert sorted((s.sender, s.status) for s in summaries) == [
        ("BHXHHAI", "ok"), (pair.district.unit_code, "ok")]
    st = status.sync_status(pair.province)
    assert {d["code"]: d["applied_through"] for d in st["districts"]} == {
        "BHXHHAI": 1, pair.district.unit_code: 1}
    other.close(clean=False)


def test_dry_run_writes_nothing(pair):
    pair.staff(3)
    [p] = exporter.export_packages(pair.district, pair.usb)
    with pytest.raises(NewSenderKey):
        importer.import_package(pair.province, p.copied_to, dry_run=True)
    s = importer.import_package(pair.province, p.copied_to, dry_run=True, trust_new_sender=True)
    assert s.dry_run and s.imported == 7 and s.status == "ok"
    assert s.message.startswith("Xem trước") and s.as_json()["message"] == s.message
    assert not list((pair.province.data_dir / "sync").glob("received/**/*.isosync"))
    assert pair.province.scalar("SELECT count(*) FROM staff WHERE origin_unit = ?",
                                (pair.district.unit_code,)) == 0
    assert get_peer(pair.province, pair.district.unit_code).sign_key is None
    assert not pair.province.query("SELECT * FROM sync_packages")


def test_quarantined_record_reported_back_as_refused(pair):
    people = pair.staff(2)
    # a row that breaks a rule at the province: the score check is stricter there
    a = records.insert(pair.district, "t_attempts", {"staff_id": people[0].id, "score": 7})
    pair.province.execute("DROP TABLE t_attempts")
    pair.province.execute(
        "CREATE TABLE t_attempts (id TEXT PRIMARY KEY NOT NULL, origin_unit TEXT NOT NULL, "
        "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL, "
        "deleted INTEGER NOT NULL DEFAULT 0, staff_id TEXT NOT NULL REFERENCES staff(id), "
        "score REAL NOT NULL CHECK (score <= 5), note TEXT NOT NULL DEFAULT '')")
    [p] = exporter.export_packages(pair.district, pair.usb)
    s = first_import(pair, p.copied_to)
    assert s.status == "warning"
    assert [(q["table"], q["id"]) for q in s.quarantined] == [("t_attempts", a["id"])]
    assert "không hợp lệ" in s.quarantined[0]["reason"]
    assert s.imported == 6  # the rest of the package went in
    held = status.quarantine(pair.province)
    assert held[0]["record_id"] == a["id"] and held[0]["data"]["score"] == 7
    ack.import_ack(pair.district, ack.write_acks(pair.province, pair.usb)[0])
    refused = status.record_states(pair.district, state="refused")
    assert [r["id"] for r in refused] == [a["id"]] and refused[0]["reason"]
    # fixed at the district → sent again → accepted → quarantine entry resolved
    records.update(pair.district, "t_attempts", a["id"], {"score": 4})
    [p2] = exporter.export_packages(pair.district, pair.usb)
    assert p2.counts == {"t_attempts": 1}
    s2 = importer.import_file(pair.province, p2.copied_to)[0]
    assert s2.status == "ok" and s2.updated == 0 and s2.imported == 1
    assert status.quarantine(pair.province) == []


def test_status_json_shapes(pair):
    pair.staff(2)
    st = status.sync_status(pair.district)
    assert st["level"] == "district" and st["records"]["not_sent"] == 6
    assert st["province"]["code"] == pair.province.unit_code
    [p] = exporter.export_packages(pair.district, pair.usb)
    st = status.sync_status(pair.district)
    assert st["records"]["sent"] == 6 and st["packages"][0]["status"] == "sent"
    assert json.dumps(st)
