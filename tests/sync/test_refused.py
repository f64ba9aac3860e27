"""Refused packages: reported back as refused (their records are sent again), and a package
meant for another unit changes nothing of this one's trust."""
from __future__ import annotations

import pytest

from desktop.models import records
from desktop.models.staff import StaffRepository
from desktop.models.unit import UnitProfile
from sync import ack, exporter, importer, status
from sync.errors import WrongRecipient
from sync.peers import add_district, enroll, export_province_profile, get_peer

from .conftest import make_unit
from .test_faults import snapshot


def test_refused_copy_after_restore_is_sent_again(pair):
    people = pair.staff(2)
    [p1] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p1.copied_to, trust_new_sender=True)
    ack.import_ack(pair.district, ack.write_acks(pair.province, pair.usb)[0])
    copy = snapshot(pair.district, pair.tmp / "restored")
    # both copies edit and make "package 2"
    StaffRepository(pair.district).update(people[0].id, {"full_name": "Sửa Ở Máy Chính",
                                                         "staff_code": people[0].staff_code})
    StaffRepository(copy).update(people[1].id, {"full_name": "Sửa Ở Bản Sao",
                                                "staff_code": people[1].staff_code})
    [a] = exporter.export_packages(pair.district, pair.usb)
    [b] = exporter.export_packages(copy, pair.tmp / "usb2")
    assert a.seq == b.seq == 2
    assert importer.import_file(pair.province, a.copied_to)[0].status == "ok"
    [refused] = importer.import_file(pair.province, b.copied_to)
    assert refused.error_code == "sequence_reused"
    row = pair.province.query_one("SELECT * FROM sync_packages WHERE package_id = ?",
                                  (b.package_id,))
    assert row["status"] == "refused" and "đã dùng" in row["reason"]

    ack_file = ack.write_acks(pair.province, pair.usb)[0]
    res = ack.import_ack(copy, ack_file)
    assert res.received == 0
    assert [p["seq"] for p in res.refused_packages] == [2] and "gói sau" in res.message
    states = {r["id"]: r["state"] for r in status.record_states(copy, table="staff")}
    assert states[people[1].id] == "not_sent" and states[people[0].id] == "received"
    out = status.packages(copy, "out")
    assert [(p["seq"], p["status"]) for p in out if p["seq"] == 2] == [(2, "refused")]
    assert "đã dùng" in [p for p in out if p["seq"] == 2][0]["reason"]
    [c] = exporter.export_packages(copy, pair.tmp / "usb2")
    assert c.seq == 3 and c.counts == {"staff": 1}
    s = importer.import_file(pair.province, c.copied_to)[0]
    # the copy's audit log forked from the main one's after package 1: the province says so
    assert s.status == "warning" and s.updated == 1
    assert any("viết lại" in m for m in s.messages), s.messages
    assert pair.province.scalar("SELECT full_name FROM staff WHERE id = ?",
                                (people[1].id,)) == "Sửa Ở Bản Sao"
    # the main copy: its package 2 was applied
    res = ack.import_ack(pair.district, ack_file)
    assert res.received == 1 and not res.refused_packages
    copy.close(clean=False)


def test_package_unknown_to_the_province_goes_back_to_not_sent(pair):
    pair.staff(1)
    [p1] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p1.copied_to, trust_new_sender=True)
    copy = snapshot(pair.district, pair.tmp / "restored")
    records.insert(copy, "staff", {"staff_code": "Q1", "full_name": "Chỉ Ở Bản Sao"})
    [lost] = exporter.export_packages(copy)  # never reaches the province
    assert lost.seq == 2
    pair.staff(1, prefix="N")
    [p2] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p2.copied_to)
    res = ack.import_ack(copy, ack.write_acks(pair.province, pair.usb)[0])
    # package 2 of the copy repeated package 1 (not acknowledged then): all of it goes again
    assert res.received == 0
    assert [(p["seq"], p["records"]) for p in res.refused_packages] == [(2, 6)]
    assert status.state_counts(copy)["sent"] == 0
    copy.close(clean=False)


def test_package_of_a_namesake_for_another_province_leaves_trust_alone(pair):
    pair.staff(1)
    [p1] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p1.copied_to, trust_new_sender=True)
    (pair.tmp / "khac").mkdir()
    other = make_unit(pair.tmp / "khac", UnitProfile(code="BHXHKHAC", name="BHXH tỉnh Khác",
                                                     level="province"))
    (pair.tmp / "namesake").mkdir()
    code = pair.district.unit_code
    namesake = make_unit(pair.tmp / "namesake", UnitProfile(
        code=code, name="Huyện trùng mã", level="district", parent_code="BHXHKHAC",
        parent_name="BHXH tỉnh Khác"))
    add_district(other, code, "Huyện trùng mã")
    enroll(namesake, export_province_profile(other, pair.tmp / "khac.isoprofile"))
    records.insert(namesake, "staff", {"staff_code": "K1", "full_name": "Người Tỉnh Khác"})
    [stray] = exporter.export_packages(namesake, pair.tmp / "stray")
    with pytest.raises(WrongRecipient):
        importer.import_package(pair.province, stray.copied_to)
    peer = get_peer(pair.province, code)
    assert peer.pending_fingerprint is None and peer.trusted
    other.close(clean=False)
    namesake.close(clean=False)


def test_sequence_reused_names_sender_and_number_and_fails_the_batch(pair, capsys):
    import json

    from tests.cli_auth import run_cli

    pair.staff(1)
    before = snapshot(pair.district, pair.tmp / "restored")
    [real] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, real.copied_to, trust_new_sender=True)
    records.insert(before, "staff", {"staff_code": "R1", "full_name": "Khôi Phục"})
    [again] = exporter.export_packages(before, pair.tmp / "usb2")
    [s] = importer.import_file(pair.province, again.copied_to)
    assert s.error_code == "sequence_reused"
    assert (s.sender, s.seq) == (pair.district.unit_code, 1)
    assert s.as_json()["package_id"] == again.package_id
    pair.staff(1, prefix="N")
    [good] = exporter.export_packages(pair.district, pair.usb)
    code = run_cli(["--data-dir", str(pair.province.data_dir), "sync", "import",
                 str(again.copied_to), str(good.copied_to), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["status"] == "error"
    assert sorted(p["status"] for p in out["packages"]) == ["error", "ok"]
    before.close(clean=False)
