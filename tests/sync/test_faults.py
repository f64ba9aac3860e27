"""Bad input and faults (the issue's list): each ends in a clear message and no lost or doubled
record."""
from __future__ import annotations

import datetime as _dt
import shutil
import sqlite3
import stat
import uuid

import pytest

from desktop.models import records
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, now_iso
from desktop.models.errors import ValidationError
from desktop.models.staff import StaffRepository
from sync import ack, envelope, exporter, importer, status
from sync.errors import (
    DamagedPackage, LimitExceeded, NewerFormat, SenderKeyChanged,
    SyncError, UnknownSender, WrongRecipient,
)
from sync.keys import renew_unit_keys
from sync.mail import build_messages
from sync.peers import accept_changed_key, add_district, enroll, export_province_profile, get_peer
from sync.parts import split_package

from .conftest import PROVINCE, make_unit, rows_of, second_district
from .forge import forge

STAFF_COLS = ["id", "origin_unit", "created_at", "updated_at", "version", "deleted",
              "staff_code", "full_name", "position", "department", "phone", "email", "active"]


def staff_row(unit: str, *, rid: str | None = None, version: int = 1, deleted: int = 0,
              name: str = "Lý Thị Mẫu", code: str = "F001") -> list:
    now = now_iso()
    return [rid or str(uuid.uuid4()), unit, now, now, version, deleted, code, name, "", "", "",
            "", 1]


def snapshot(store, folder):
    """A copy of an installation (database and key file), as another computer would have it."""
    folder.mkdir()
    dst = sqlite3.connect(folder / DB_FILENAME)
    store.conn.backup(dst)
    dst.close()
    shutil.copytree(store.data_dir / "keys", folder / "keys")
    return open_store(folder / DB_FILENAME, actor="admin")


def count(store, unit, table="staff"):
    return store.scalar(f"SELECT count(*) FROM {table} WHERE origin_unit = ?", (unit,))


def acked_chain(pair, n):
    """Packages 1..n, each acknowledged before the next: package k starts at sequence k."""
    made = []
    for k in range(n):
        pair.staff(2, prefix=f"K{k}")
        [p] = exporter.export_packages(pair.district, pair.usb)
        importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
        ack.import_ack(pair.district, ack.write_acks(pair.province, pair.usb)[0])
        made.append(p)
    return made


@pytest.fixture
def fresh(pair):
    """A province copy that has seen nothing yet (taken before any import)."""
    return snapshot(pair.province, pair.tmp / "copy")


def test_same_package_twice(pair):
    pair.staff(4)
    [p] = exporter.export_packages(pair.district, pair.usb)
    first = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)[0]
    again = importer.import_file(pair.province, p.copied_to)[0]
    assert first.imported == 8 and again.replay and again.ignored == 8
    assert (again.imported, again.updated, again.deleted) == (0, 0, 0)
    assert again.status == "warning" and "đã được nhập" in again.message
    assert count(pair.province, pair.district.unit_code) == 4
    assert pair.province.scalar("SELECT count(*) FROM sync_packages") == 1


def test_packages_out_of_order_and_gap_filled(pair, fresh):
    p1, p2, p3 = acked_chain(pair, 3)
    unit = pair.district.unit_code
    assert (p2.from_seq, p3.from_seq) == (2, 3)
    s1 = importer.import_file(fresh, p1.copied_to, trust_new_sender=True)[0]
    assert s1.status == "ok"
    held = importer.import_file(fresh, p3.copied_to)
    assert len(held) == 1 and held[0].held and held[0].status == "warning"
    assert held[0].gaps == [{"sender": unit, "from": 2, "to": 2}]
    assert "số 2" in held[0].message
    assert count(fresh, unit) == 2
    assert [h["seq"] for h in status.held_packages(fresh)] == [3]
    # the missing package arrives: it is applied, then the held one follows by itself
    done = importer.import_file(fresh, p2.copied_to)
    assert [(s.seq, s.status) for s in done] == [(2, "ok"), (3, "ok")]
    assert count(fresh, unit) == 6 and not status.held_packages(fresh)
    assert rows_of(fresh, "staff", unit).keys() == rows_of(pair.province, "staff", unit).keys()
    assert get_peer(fresh, unit).applied_through == 3
    fresh.close(clean=False)


def test_gap_accepted_by_the_user(pair, fresh):
    p1, _p2, p3 = acked_chain(pair, 3)
    importer.import_file(fresh, p1.copied_to, trust_new_sender=True)
    importer.import_file(fresh, p3.copied_to)
    [s] = importer.release_held(fresh, pair.district.unit_code, accept_gap=True)
    assert s.status == "warning" and s.imported == 2 and "khoảng trống" in s.message
    assert get_peer(fresh, pair.district.unit_code).applied_through == 3
    fresh.close(clean=False)


def test_reused_sequence_number_after_restore(pair):
    pair.staff(2)
    before = snapshot(pair.district, pair.tmp / "restored")
    [real] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, real.copied_to, trust_new_sender=True)
    # the district's computer goes back to the backup and makes "package 1" again
    StaffRepository(before).add({"staff_code": "R1", "full_name": "Khôi Phục Sau"})
    other_usb = pair.tmp / "usb2"
    [again] = exporter.export_packages(before, other_usb)
    assert again.seq == real.seq and again.package_id != real.package_id
    [s] = importer.import_file(pair.province, again.copied_to)
    assert s.status == "error" and s.error_code == "sequence_reused"
    assert "--full" in s.message
    assert count(pair.province, pair.district.unit_code) == 2
    # the acknowledgement brings the restored district's counter forward: no reuse any more
    ack.import_ack(before, ack.write_acks(pair.province, pair.usb)[0])
    [next_one] = exporter.export_packages(before, other_usb, full=True)
    assert next_one.seq == 2
    s2 = importer.import_file(pair.province, next_one.copied_to)[0]
    assert s2.status == "ok" and s2.imported == 1 and s2.ignored == 6
    before.close(clean=False)


def test_package_for_another_province(pair):
    pair.staff(1)
    [p1] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p1.copied_to, trust_new_sender=True)
    folder = pair.tmp / "other-province"
    folder.mkdir()
    other = make_unit(folder, PROVINCE.__class__(code="BHXHKHAC", name="BHXH tỉnh Khác",
                                                 level="province"))
    add_district(other, pair.district.unit_code, "x")
    pair.district.execute("UPDATE unit_profile SET parent_code = NULL")
    enroll(pair.district, export_province_profile(other, pair.tmp / "khac.isoprofile"),
           accept_changed_key=True)
    pair.staff(1, prefix="Z")
    [p2] = exporter.export_packages(pair.district, pair.usb)
    with pytest.raises(WrongRecipient) as err:
        importer.import_package(pair.province, p2.copied_to)
    assert "BHXHKHAC" in err.value.message
    assert count(pair.province, pair.district.unit_code) == 1
    other.close(clean=False)


def test_unknown_sender(pair):
    other = second_district(pair)
    StaffRepository(other).add({"staff_code": "X1", "full_name": "Người Lạ"})
    [p] = exporter.export_packages(other, pair.usb)
    pair.province.execute("DELETE FROM sync_peers WHERE code = 'BHXHHAI'")
    with pytest.raises(UnknownSender) as err:
        importer.import_package(pair.province, p.copied_to, trust_new_sender=True)
    assert "BHXHHAI" in err.value.message and "thêm đơn vị" in err.value.message
    assert count(pair.province, "BHXHHAI") == 0
    other.close(clean=False)


def test_changed_sender_key_refused_until_admin_accepts(pair):
    pair.staff(1)
    [p1] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p1.copied_to, trust_new_sender=True)
    new_fp = renew_unit_keys(pair.district)
    pair.staff(1, prefix="Q")
    [p2] = exporter.export_packages(pair.district, pair.usb)
    for _ in range(2):  # --trust-new-sender does not override a changed key
        with pytest.raises(SenderKeyChanged) as err:
            importer.import_package(pair.province, p2.copied_to, trust_new_sender=True)
    assert new_fp in err.value.message
    assert get_peer(pair.province, pair.district.unit_code).pending_fingerprint == new_fp
    with pytest.raises(ValidationError):
        accept_changed_key(pair.province, pair.district.unit_code, "0000-0000")
    accept_changed_key(pair.province, pair.district.unit_code, new_fp.lower().replace("-", " "))
    s = importer.import_file(pair.province, p2.copied_to)[0]
    assert s.status == "ok" and s.imported == 1
    assert count(pair.province, pair.district.unit_code) == 2


def test_flipped_byte_anywhere(pair):
    pair.staff(2)
    [p] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p.copied_to, trust_new_sender=True)  # trust the key
    before = count(pair.province, pair.district.unit_code)
    pair.province.execute("DELETE FROM sync_packages")
    pair.province.execute("DELETE FROM staff WHERE origin_unit = ?", (pair.district.unit_code,))
    pair.province.execute("UPDATE sync_peers SET applied_through = 0")
    data = p.copied_to.read_bytes()
    env = envelope.read_envelope(p.copied_to)
    regions = list(range(0, env.body_offset))                    # magic, length, header, signature
    regions += list(range(env.body_offset, len(data), 97)) + [len(data) - 1]   # the chunks
    target = pair.tmp / "flipped.isosync"
    refused = 0
    for pos in regions:
        bad = bytearray(data)
        bad[pos] ^= 0x01
        target.write_bytes(bytes(bad))
        with pytest.raises(SyncError) as err:
            importer.import_package(pair.province, target)
        assert err.value.message
        refused += 1
    assert refused == len(regions) > 600
    assert count(pair.province, pair.district.unit_code) == 0
    # a damaged body under a verified header is kept as refused (the acknowledgement says so)
    assert {r["status"] for r in pair.province.query("SELECT * FROM sync_packages")} <= \
        {"refused"}
    assert get_peer(pair.province, pair.district.unit_code).applied_through == 0
    assert before == 2


def test_manifest_not_the_signed_one(pair):
    p = forge(pair.district, pair.province, pair.tmp / "m.isosync",
              tables={"staff": (STAFF_COLS, [staff_row(pair.district.unit_code)])},
              tamper_manifest=True)
    with pytest.raises(DamagedPackage) as err:
        importer.import_package(pair.province, p, trust_new_sender=True)
    assert "bản kê" in err.value.message


def test_member_not_matching_its_hash(pair):
    unit = pair.district.unit_code
    from .forge import rows_member

    row = staff_row(unit)
    size = len(rows_member(STAFF_COLS, [row]))
    for listed_size in (size, 10):
        listed = {"records/staff.jsonl": {"sha256": "0" * 64, "size": listed_size}}
        p = forge(pair.district, pair.province, pair.tmp / "h.isosync",
                  tables={"staff": (STAFF_COLS, [row])}, listed=listed)
        with pytest.raises(DamagedPackage) as err:
            importer.import_package(pair.province, p, trust_new_sender=True)
        assert "mã băm" in err.value.message or "lớn hơn khai báo" in err.value.message
    assert count(pair.province, unit) == 0


@pytest.mark.parametrize("length", [0, 5, 11, 200, -64, -17, -1])
def test_truncated_file(pair, length):
    pair.staff(3)
    [p] = exporter.export_packages(pair.district, pair.usb)
    data = p.copied_to.read_bytes()
    cut = pair.tmp / "cut.isosync"
    cut.write_bytes(data[:length])
    with pytest.raises(DamagedPackage) as err:
        importer.import_package(pair.province, cut, trust_new_sender=True)
    # An empty file or the start of the magic is what a USB stick pulled out while copying
    # leaves: the right file, cut short — not "choose another file".
    assert "cắt cụt" in err.value.message
    assert "không phải gói" not in err.value.message
    assert count(pair.province, pair.district.unit_code) == 0


def test_email_parts_missing_doubled_any_order(pair):
    pair.staff(30)
    [p] = exporter.export_packages(pair.district)
    # parts of a quarter of the package (its compressed size varies from run to run)
    parts = split_package(p.path, pair.tmp / "parts", part_size=p.path.stat().st_size // 4)
    assert len(parts) >= 4
    order = list(reversed(parts))
    missing, rest = order[1], [x for x in order if x != order[1]]
    summaries = importer.import_many(pair.province, rest + [rest[0]], trust_new_sender=True)
    assert all(s.status == "warning" for s in summaries)
    assert any("đã nhận trước đó" in s.message for s in summaries)     # the doubled part
    assert f"còn thiếu phần {len(parts) - 1}" in summaries[-1].message
    assert count(pair.province, pair.district.unit_code) == 0
    [done] = importer.import_many(pair.province, [missing], trust_new_sender=True)
    assert done.status == "ok" and done.imported == 34
    # a damaged part is refused on its own
    bad = bytearray(parts[0].read_bytes())
    bad[-1] ^= 0xFF
    parts[0].write_bytes(bytes(bad))
    [s] = importer.import_many(pair.province, [parts[0]])
    assert s.status == "error" and "hỏng" in s.message


def test_eml_parts_for_large_packages(pair):
    pair.staff(30)
    [p] = exporter.export_packages(pair.district)
    msgs = build_messages(pair.district, p.package_id, part_size=p.path.stat().st_size // 4)
    assert len(msgs) >= 4
    assert msgs[0][1]["To"] == "iso.tinh@example.vn"
    assert f"(phần 1/{len(msgs)})" in msgs[0][1]["Subject"]


@pytest.mark.parametrize("name", ["../evil.jsonl", "/etc/passwd", "C:/Windows/x.jsonl",
                                  "C:\\Windows\\x", "records/../../x.jsonl", "blobs/ABC",
                                  "records/staff.jsonl/..", "records\\staff.jsonl"])
def test_bad_member_names(pair, name):
    p = forge(pair.district, pair.province, pair.tmp / "n.isosync",
              members=[(name, b"data")])
    with pytest.raises(DamagedPackage) as err:
        importer.import_package(pair.province, p, trust_new_sender=True)
    assert "tên thành phần không hợp lệ" in err.value.message
    assert not (pair.tmp / "evil.jsonl").exists() and not (pair.tmp.parent / "x.jsonl").exists()


def test_duplicate_members_and_links(pair):
    unit = pair.district.unit_code
    row = staff_row(unit)
    dup = forge(pair.district, pair.province, pair.tmp / "d.isosync",
                tables={"staff": (STAFF_COLS, [row])},
                members=[("records/staff.jsonl", b'{"columns":[]}\n')])
    with pytest.raises(DamagedPackage) as err:
        importer.import_package(pair.province, dup, trust_new_sender=True)
    assert "bị lặp" in err.value.message
    link = forge(pair.district, pair.province, pair.tmp / "l.isosync",
                 members=[("blobs/" + "a" * 64, b"/etc/passwd", stat.S_IFLNK | 0o777)])
    with pytest.raises(DamagedPackage) as err:
        importer.import_package(pair.province, link, trust_new_sender=True)
    assert "liên kết" in err.value.message
    extra = forge(pair.district, pair.province, pair.tmp / "x.isosync",
                  tables={"staff": (STAFF_COLS, [row])},
                  members=[("blobs/" + "b" * 64, b"x")], listed={})
    with pytest.raises(DamagedPackage):
        importer.import_package(pair.province, extra, trust_new_sender=True)
    assert count(pair.province, unit) == 0


def test_zip_bomb(pair):
    bomb = b" " * (20 * 1024 * 1024)
    p = forge(pair.district, pair.province, pair.tmp / "bomb.isosync",
              members=[("blobs/" + "c" * 64, bomb)])
    assert p.stat().st_size < 200_000
    with pytest.raises(LimitExceeded) as err:
        importer.import_package(pair.province, p, trust_new_sender=True)
    assert "bom nén" in err.value.message


def test_hundred_thousand_members(pair):
    members = [(f"blobs/{i:064x}", b"") for i in range(100_000)]
    p = forge(pair.district, pair.province, pair.tmp / "many.isosync", members=members,
              listed={}, compress=0)
    with pytest.raises(LimitExceeded) as err:
        importer.import_package(pair.province, p, trust_new_sender=True)
    assert "100.001 thành phần" in err.value.message


def test_newer_schema_version(pair):
    unit = pair.district.unit_code
    cols = STAFF_COLS + ["added_later"]
    p = forge(pair.district, pair.province, pair.tmp / "new.isosync",
              tables={"staff": (cols, [staff_row(unit) + ["x"]])},
              manifest_extra={"schema_version": 999})
    with pytest.raises(NewerFormat) as err:
        importer.import_package(pair.province, p, trust_new_sender=True)
    assert "cập nhật ISO Desk" in err.value.message and "mới hơn" in err.value.message
    p = forge(pair.district, pair.province, pair.tmp / "new2.isosync",
              tables={"t_future": (STAFF_COLS, [])}, manifest_extra={"schema_version": 999})
    with pytest.raises(NewerFormat):
        importer.import_package(pair.province, p, trust_new_sender=True)


def test_newer_envelope_format(pair, monkeypatch):
    monkeypatch.setattr(envelope, "FORMAT_VERSION", 2)
    p = forge(pair.district, pair.province, pair.tmp / "f2.isosync")
    monkeypatch.setattr(envelope, "FORMAT_VERSION", 1)
    with pytest.raises(NewerFormat) as err:
        importer.import_package(pair.province, p, trust_new_sender=True)
    assert "định dạng 2" in err.value.message


def test_same_uuid_different_content(pair):
    unit = pair.district.unit_code
    [person] = pair.staff(1)
    [p] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    row = staff_row(unit, rid=person.id, version=1, name="Tên Khác Hẳn", code=person.staff_code)
    f = forge(pair.district, pair.province, pair.tmp / "c.isosync", seq=2, from_seq=2,
              tables={"staff": (STAFF_COLS, [row])})
    s = importer.import_file(pair.province, f)[0]
    assert s.status == "warning" and len(s.quarantined) == 1
    assert "nội dung khác" in s.quarantined[0]["reason"]
    assert pair.province.scalar("SELECT full_name FROM staff WHERE id = ?",
                                (person.id,)) == person.full_name
    # and the same UUID claimed by another district
    other = second_district(pair)
    f2 = forge(other, pair.province, pair.tmp / "o.isosync",
               tables={"staff": (STAFF_COLS, [staff_row("BHXHHAI", rid=person.id, version=5)])})
    s2 = importer.import_file(pair.province, f2, trust_new_sender=True)[0]
    assert "đơn vị " + unit in s2.quarantined[0]["reason"]
    assert pair.province.scalar("SELECT origin_unit FROM staff WHERE id = ?", (person.id,)) == unit
    other.close(clean=False)


def test_update_after_delete(pair):
    unit = pair.district.unit_code
    [person] = pair.staff(1)
    records.delete(pair.district, "staff", person.id)
    [p] = exporter.export_packages(pair.district, pair.usb)
    s = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)[0]
    assert s.deleted == 1
    tomb = pair.province.query_one("SELECT version, deleted FROM staff WHERE id = ?", (person.id,))
    assert tomb == {"version": 2, "deleted": 1}
    late = staff_row(unit, rid=person.id, version=3, code=person.staff_code)
    old = staff_row(unit, rid=person.id, version=1, code=person.staff_code)
    f = forge(pair.district, pair.province, pair.tmp / "u.isosync", seq=2, from_seq=2,
              tables={"staff": (STAFF_COLS, [late])})
    s = importer.import_file(pair.province, f)[0]
    assert "đã bị xóa" in s.quarantined[0]["reason"]
    f = forge(pair.district, pair.province, pair.tmp / "v.isosync", seq=3, from_seq=3,
              tables={"staff": (STAFF_COLS, [old])})
    s = importer.import_file(pair.province, f)[0]
    assert s.ignored == 1 and not s.quarantined
    assert pair.province.query_one("SELECT version, deleted FROM staff WHERE id = ?",
                                   (person.id,)) == {"version": 2, "deleted": 1}


def test_sender_clock_far_in_the_future(pair):
    unit = pair.district.unit_code
    future = (_dt.datetime.now().astimezone() + _dt.timedelta(days=400)).isoformat()
    row = staff_row(unit)
    row[2] = row[3] = future
    f = forge(pair.district, pair.province, pair.tmp / "t.isosync", created_at=future,
              tables={"staff": (STAFF_COLS, [row])})
    s = importer.import_file(pair.province, f, trust_new_sender=True)[0]
    assert s.status == "warning" and s.imported == 1 and "Đồng hồ" in s.message
    received = get_peer(pair.province, unit).last_received_at
    assert received[:10] == _dt.date.today().isoformat()  # lateness uses the province's clock


def test_malformed_rows_quarantined_not_crashing(pair):
    unit = pair.district.unit_code
    rows = [staff_row(unit)[:5],                                  # wrong number of columns
            ["not-a-uuid"] + staff_row(unit)[1:],
            staff_row(unit, version=0),
            staff_row("BHXHKHAC"),
            staff_row(unit, code="DUP") + [],
            staff_row(unit)[:7] + [None] + staff_row(unit)[8:],         # NOT NULL broken
            staff_row(unit)[:12] + [{"x": 1}]]
    rows.append(list(rows[4]))                                    # the same UUID twice
    f = forge(pair.district, pair.province, pair.tmp / "bad.isosync",
              tables={"staff": (STAFF_COLS, rows)})
    s = importer.import_file(pair.province, f, trust_new_sender=True)[0]
    assert s.imported == 1 and len(s.quarantined) == 7
    reasons = " | ".join(q["reason"] for q in s.quarantined)
    for text in ("số cột", "UUID", "phiên bản", "BHXHKHAC", "thiếu giá trị", "hai lần",
                 "không phải chữ"):
        assert text in reasons
    assert len(status.quarantine(pair.province)) == 7
