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


def test_the_province_checks_a_districts_printed_copy_against_its_imported_copy(pair, tmp_path,
                                                                               capsys):
    """`isodesk minutes verify CODE|HASH|QR-TEXT` at the province, on the copy that came in a
    real sync package; a revision signed later at the district makes the old paper superseded
    there too."""
    import json

    from desktop.cli import main
    from desktop.output import minutes_pdf

    from ..minutes.helpers import pdf_pages
    from ..minutes.test_printed import decode_qr, printed_code

    district = pair.district
    rev = M.create(district, sample(), complete=True)
    M.sign(district, rev.minutes_id, "tuvan", PASSWORD, "author")
    rev = M.sign(district, rev.minutes_id, "iso", PASSWORD, "confirm")
    paper = tmp_path / "ban-giay.pdf"
    minutes_pdf.render(rev, paper, check=M.verify_revision(district, rev), copies=False)
    qr, code = decode_qr(paper, tmp_path), printed_code(paper)
    digest = M.revision_hash(rev)
    _send(pair, first=True)
    province_dir = str(pair.province.path.parent)

    def verify(text):
        rc = main(["--data-dir", province_dir, "minutes", "verify", text, "--json"])
        out, err = capsys.readouterr()
        return rc, json.loads(out) if out.strip() else None, err

    for given in (code, digest, qr):
        rc, out, err = verify(given)
        assert rc == 0, err
        [m] = out["matches"]
        assert (m["minutes_id"], m["revision"], m["origin_unit"], m["current"], m["valid"]) == \
            (rev.minutes_id, 1, district.unit_code, True, True)
        assert m["unit_name"] == "Bảo hiểm xã hội huyện Thử Nghiệm"
    assert M.register(pair.province, unit_code="*", query=code)[0].minutes_id == rev.minutes_id

    new = M.new_revision(district, rev.minutes_id, {"conclusions": "Bổ sung."}, reason="Bổ sung")
    M.sign(district, new.id, "tuvan", PASSWORD, "author")
    _send(pair)
    rc, out, err = verify(code)
    [m] = out["matches"]
    assert rc == 0 and not m["current"] and m["superseded_by"]["revision"] == 2
    rc, out, err = verify("0000-1111-2222-3333")
    assert rc == 1 and "Không có biên bản nào ở đây" in err
    # the province reprints the old revision from its copy: marked on every page
    old = M.load_revision(pair.province, rev.id)
    reprint = tmp_path / "in-lai.pdf"
    minutes_pdf.render(old, reprint, check=M.verify_revision(pair.province, old))
    assert all("Đã được thay thế bởi bản sửa đổi 2" in p for p in pdf_pages(reprint))
