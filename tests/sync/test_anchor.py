"""The audit chain's head travels in every package and comes back in the province's
acknowledgement: a district log shortened or rewritten after a package was sent is seen at the
province (import) and at the district (acknowledgement, db check)."""
from __future__ import annotations

import sqlite3

from desktop.models import anchors, audit
from desktop.models.anchor_check import check_chain
from sync import ack, exporter, importer
from sync.archive import ArchiveReader
from sync.envelope import open_payload, read_envelope
from sync.keys import load_unit_keys


def _manifest(province, path) -> dict:
    import tempfile

    env = read_envelope(path)
    with tempfile.TemporaryFile() as spool:
        open_payload(env, load_unit_keys(province).enc, spool)
        spool.seek(0)
        return ArchiveReader(spool, env.header["manifest_sha256"], path.name).manifest


def _cut_log(store, keep: int) -> None:
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DROP TRIGGER audit_anchors_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
    conn.execute("DELETE FROM audit_anchors")
    conn.close()
    (store.data_dir / "audit-checkpoints.jsonl").unlink(missing_ok=True)


def test_the_head_is_in_the_signed_manifest_and_the_acknowledgement(pair):
    pair.staff(2)
    head = anchors.chain_head(pair.district)
    [p] = exporter.export_packages(pair.district, pair.usb)
    stated = _manifest(pair.province, p.copied_to)["audit"]
    assert (stated["seq"], stated["hash"]) == (head.seq, head.hash)
    assert stated["previous"] is None
    [s] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert s.status == "ok", s.messages
    [ack_file] = ack.write_acks(pair.province, pair.usb)
    res = ack.import_ack(pair.district, ack_file)
    assert res.audit_problems == [] and res.as_json()["status"] == "ok"
    kept = pair.district.query("SELECT kind, seq, hash FROM audit_anchors WHERE kind IN "
                               "('package_sent', 'ack_received') ORDER BY id")
    assert [(k["kind"], k["seq"]) for k in kept] == [("package_sent", head.seq),
                                                     ("ack_received", head.seq)]
    # the next package states the previous head with the hash the log has now
    pair.staff(1, prefix="T")
    [p2] = exporter.export_packages(pair.district, pair.usb)
    assert _manifest(pair.province, p2.copied_to)["audit"]["previous"] == head.as_dict()
    [s2] = importer.import_file(pair.province, p2.copied_to)
    assert s2.status == "ok", s2.messages


def test_a_shortened_district_log_is_seen_at_the_province_and_back_home(pair):
    pair.staff(3)
    for i in range(5):
        audit.append(pair.district, "work", new={"i": i})
    [p] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    sent = anchors.chain_head(pair.district).seq
    ack_one = ack.write_acks(pair.province, pair.usb)[0]

    _cut_log(pair.district, sent - 8)              # the district's tail removed, anchors too
    assert audit.verify_chain(pair.district).ok
    # the province's acknowledgement still holds the head: the district sees the cut
    res = ack.import_ack(pair.district, ack_one)
    assert res.as_json()["status"] == "warning"
    assert any("cắt ngắn" in m for m in res.audit_problems) and "cắt ngắn" in res.message
    assert not check_chain(pair.district).ok        # and db check keeps saying it

    pair.staff(1, prefix="X")
    [p2] = exporter.export_packages(pair.district, pair.usb)
    [s] = importer.import_file(pair.province, p2.copied_to)
    assert s.status == "warning" and s.imported == 1          # taken, but said
    assert any("ngắn hơn lần gửi trước" in m for m in s.messages), s.messages
    row = pair.province.query_one("SELECT summary FROM sync_packages WHERE package_id = ?",
                                  (p2.package_id,))
    assert "ngắn hơn lần gửi trước" in row["summary"]         # and goes into the next ack


def test_a_rewritten_district_log_is_seen_at_the_province(pair):
    pair.staff(2)
    [p] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    stated = pair.district.scalar("SELECT seq FROM audit_anchors WHERE kind = 'package_sent'")
    conn = sqlite3.connect(pair.district.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", ("0" * 64, stated))
    conn.close()
    pair.staff(1, prefix="Y")
    [p2] = exporter.export_packages(pair.district, pair.usb)
    [s] = importer.import_file(pair.province, p2.copied_to)
    assert any("viết lại" in m for m in s.messages), s.messages


def test_packages_in_any_order_are_not_taken_for_a_shortened_log(pair):
    """USB sticks bring packages in any order: an older package (a gap filled later, a package
    imported twice) states an older head, which is no sign of a shortened log."""
    made = []
    for i in range(3):
        pair.staff(1, prefix=f"O{i}")
        made += exporter.export_packages(pair.district, pair.usb)
    first, second, third = (p.copied_to for p in made)
    [s1] = importer.import_file(pair.province, first, trust_new_sender=True)
    [s3] = importer.import_file(pair.province, third, accept_gap=True)
    assert s1.status == "ok" and s3.imported >= 1, s3.messages
    [s2] = importer.import_file(pair.province, second)
    [again] = importer.import_file(pair.province, first)
    for summary in (s2, again):
        assert not any("ngắn hơn" in m or "viết lại" in m for m in summary.messages), \
            summary.messages
