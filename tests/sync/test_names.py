"""Package file names: one file per package, never one package overwriting another."""
from __future__ import annotations

from desktop.models import records
from sync import exporter, importer

from .conftest import second_district


def test_down_packages_to_two_districts_in_one_folder(pair):
    other = second_district(pair)
    pair.staff(1)
    records.insert(other, "staff", {"staff_code": "H1", "full_name": "Hồ Thị Hai"})
    for d in (pair.district, other):
        [up] = exporter.export_packages(d, pair.usb)
        importer.import_file(pair.province, up.copied_to, trust_new_sender=True)
    records.insert(pair.province, "t_bank", {"question": "Câu hỏi chung?", "answer": "A"})
    down = pair.tmp / "down"
    results = exporter.export_packages(pair.province, down)
    prov = pair.province.unit_code
    assert sorted(r.copied_to.name for r in results) == sorted(
        f"{prov}-{r.recipient}-00001.isosync" for r in results)
    assert len({r.copied_to for r in results}) == 2 and len({r.path for r in results}) == 2
    assert all(r.copied_to.is_file() and r.path.is_file() for r in results)
    by_code = {r.recipient: r for r in results}
    for d in (pair.district, other):
        [s] = importer.import_file(d, by_code[d.unit_code].copied_to)
        assert s.status == "ok" and s.imported == 1, s.messages
    other.close(clean=False)


def test_a_different_package_of_the_same_name_is_kept(pair):
    pair.staff(1)
    [p] = exporter.export_packages(pair.district, pair.usb)
    stranger = pair.tmp / "other"
    stranger.mkdir()
    (stranger / p.copied_to.name).write_bytes(b"another package")
    again = exporter.deliver_to_folder(pair.district, p.package_id, stranger)
    assert again.name != p.copied_to.name
    assert (stranger / p.copied_to.name).read_bytes() == b"another package"
    # the same package copied again keeps its name
    assert exporter.deliver_to_folder(pair.district, p.package_id, pair.usb) == p.copied_to
    # a local file left from another package (e.g. before a restore) is not overwritten
    pair.district.execute("UPDATE sync_peers SET out_seq = 0")
    pair.staff(1, prefix="N")
    [q] = exporter.export_packages(pair.district)
    assert q.seq == 1 and q.path != p.path and p.path.is_file()


def test_records_not_sent_while_no_copy_was_written(pair):
    import errno

    import pytest

    from sync import status
    from sync.errors import DiskError

    pair.staff(2)

    def full_disk(path, mode):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DiskError) as err:
        exporter.export_packages(pair.district, pair.usb, opener=full_disk)
    assert "đầy" in err.value.message
    counts = status.state_counts(pair.district)
    assert counts["sent"] == 0 and counts["not_sent"] == 6
    [made] = status.packages(pair.district, "out")
    dest = exporter.deliver_to_folder(pair.district, made["package_id"], pair.usb)
    assert dest.is_file()
    counts = status.state_counts(pair.district)
    assert counts["sent"] == 6 and counts["not_sent"] == 0
