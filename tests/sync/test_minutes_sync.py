"""Signed working minutes travel to the province through the locks of a signed revision."""
from __future__ import annotations

from desktop.models import minutes as M
from sync import exporter, importer

from ..conftest import PASSWORD
from ..minutes.helpers import sample


def _send(pair, first=False):
    [result] = exporter.export_packages(pair.district, pair.usb)
    summary = importer.import_file(pair.province, result.copied_to, trust_new_sender=first)[0]
    assert summary.status == "ok", summary.messages
    assert not summary.quarantined, summary.quarantined
    return summary


def test_signed_minutes_with_children_reach_the_province_and_verify(pair):
    district = pair.district
    rev = M.create(district, sample(), complete=True)
    M.add_attachment(district, rev.id, b"%PDF-1.4 ke hoach", "Kế hoạch.pdf")
    M.sign(district, rev.minutes_id, "tuvan", PASSWORD, "author")
    rev = M.sign(district, rev.minutes_id, "iso", PASSWORD, "confirm")
    draft = M.create(district, sample(subject="Còn nháp"))
    _send(pair, first=True)
    result = M.verify_minutes(pair.province, rev.minutes_id)
    assert result["valid"], result["problems"]
    assert len(M.resolve(pair.province, rev.minutes_id).participants) == 2

    # later: a new revision signed at the district, the draft discarded
    new = M.new_revision(district, rev.minutes_id, {"conclusions": "Bổ sung."}, reason="Bổ sung")
    M.add_attachment(district, new.id, b"phu luc", "Phụ lục.txt")
    M.sign(district, new.id, "tuvan", PASSWORD, "author")
    M.discard_draft(district, draft.id)
    _send(pair)
    result = M.verify_minutes(pair.province, rev.minutes_id)
    assert result["valid"] and result["revision"] == 2, result["problems"]
    assert len(M.resolve(pair.province, rev.minutes_id).attachments) == 2
    assert not pair.province.scalar("SELECT count(*) FROM minutes WHERE id = ? AND deleted = 0",
                                    (draft.minutes_id,))
