"""The sync benchmark's district data is made the way the program makes it: a small district is
filled, its minutes verify, and its package goes in at a province."""
import random

from benchmarks import bench_sync, sync_data
from sync.envelope import read_envelope
from sync.exporter import export_packages
from sync.importer import import_file
from sync.peers import add_district, enroll, export_province_profile, trust_sender


def test_a_small_benchmark_district_verifies_and_syncs(tmp_path):
    province = bench_sync._unit(tmp_path / "p", bench_sync.PROVINCE, "province")
    add_district(province, "BHXHD01", "Bảo hiểm xã hội huyện Số 01")
    profile = export_province_profile(province, tmp_path / "p.isoprofile")
    district = bench_sync._unit(tmp_path / "d", "BHXHD01", "district", bench_sync.PROVINCE)
    enroll(district, profile)
    shape = sync_data.Shape(staff=12, sessions=1, questions=5, minutes=4, revised=2,
                            pdf_size=2_000)
    sync_data.fill_district(district, random.Random(1), shape)
    checked, problems = sync_data.verify_all_minutes(district, "BHXHD01")
    assert checked == 4 and problems == []
    [package] = export_packages(district, tmp_path / "usb")
    assert package.counts["quiz_answers"] == 12 * 5
    header = read_envelope(package.copied_to).header
    trust_sender(province, header["sender"], header["sender_sign_key"], header["sender_enc_key"])
    [summary] = import_file(province, package.copied_to)
    assert summary.status == "ok" and summary.imported == sum(package.counts.values())
    assert sync_data.verify_all_minutes(province, "BHXHD01") == (4, [])
    for store in (district, province):
        store.close(clean=False)
