"""Small holes: ids matched whole, a stranger's key never noted as a unit's new key, a question
file without questions refused."""
from __future__ import annotations

import uuid

import pytest

from desktop.models import records
from desktop.models.quiz.bulk import upsert_rows
from desktop.models.errors import IsoDeskError
from desktop.models.unit import UnitProfile
from sync import exporter, importer
from sync.envelope import read_envelope
from sync.errors import DamagedPackage, SenderKeyChanged
from sync.peers import enroll, export_province_profile, get_peer
from tests.cli_auth import run_cli

from .conftest import make_unit
from .forge import forge
from .test_faults import STAFF_COLS, count, staff_row


def test_an_id_holding_a_newline_is_refused(pair):
    pair.staff(1)
    [first] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, first.copied_to, trust_new_sender=True)
    code = pair.district.unit_code
    two = f"{uuid.uuid4()}\n{uuid.uuid4()}"
    good = staff_row(code, code="F002")
    pkg = forge(pair.district, pair.province, pair.tmp / "nl.isosync", seq=2,
                tables={"staff": (STAFF_COLS, [staff_row(code, rid=two), good])})
    [s] = importer.import_file(pair.province, pkg)
    assert [q["reason"] for q in s.quarantined] == ["mã bản ghi (UUID) không hợp lệ"]
    assert s.imported == 1
    assert pair.province.scalar("SELECT count(*) FROM staff WHERE id LIKE '%' || char(10) || '%'"
                                ) == 0
    assert count(pair.province, code) == 2


def test_kiosk_rows_with_an_id_holding_a_newline_are_refused(store):
    row = {"id": f"{uuid.uuid4()}\n{uuid.uuid4()}", "origin_unit": store.unit_code}
    with pytest.raises(IsoDeskError, match="mã bản ghi"):
        with store.atomic():
            upsert_rows(store, "staff", [row])


def test_a_package_id_that_is_not_a_uuid_is_refused(pair):
    pkg = forge(pair.district, pair.province, pair.tmp / "id.isosync",
                package_id="../../../held/x")
    with pytest.raises(DamagedPackage, match="mã gói không hợp lệ"):
        read_envelope(pkg)


@pytest.fixture
def namesake(pair):
    """Someone else's installation calling itself by the district's code, with its own keys
    (it holds the province's public profile, as every district does)."""
    pair.staff(1)
    [first] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, first.copied_to, trust_new_sender=True)
    folder = pair.tmp / "namesake"
    folder.mkdir()
    code = pair.district.unit_code
    other = make_unit(folder, UnitProfile(code=code, name="Huyện giả", level="district",
                                          parent_code=pair.province.unit_code,
                                          parent_name="Tỉnh"))
    enroll(other, export_province_profile(pair.province, pair.tmp / "p2.isoprofile"))
    records.insert(other, "staff", {"staff_code": "GIA", "full_name": "Người Giả"})
    yield other
    other.close(clean=False)


def test_a_damaged_file_signed_with_another_key_does_not_note_a_pending_key(pair, namesake):
    [p] = exporter.export_packages(namesake, pair.tmp / "out")
    data = bytearray(p.copied_to.read_bytes())
    data[-40] ^= 0x01  # the signed header is intact; the body is not
    p.copied_to.write_bytes(bytes(data))
    with pytest.raises(DamagedPackage, match="khóa lạ không được ghi nhận"):
        importer.import_package(pair.province, p.copied_to)
    peer = get_peer(pair.province, pair.district.unit_code)
    assert peer.pending_fingerprint is None and peer.trusted


def test_a_sound_package_with_a_changed_key_is_noted_for_the_administrator(pair, namesake):
    [p] = exporter.export_packages(namesake, pair.tmp / "out")
    with pytest.raises(SenderKeyChanged):
        importer.import_package(pair.province, p.copied_to)
    peer = get_peer(pair.province, pair.district.unit_code)
    assert peer.pending_fingerprint == read_envelope(p.copied_to).sender_fingerprint
    assert count(pair.province, pair.district.unit_code) == 1  # nothing of it went in


@pytest.mark.parametrize("text", ["", "\n\n   \n", "// chỉ có chú thích\n"])
def test_a_question_file_without_questions_exits_1_with_a_message(data_dir, tmp_path, capsys,
                                                                  text):
    path = tmp_path / "trong.gift"
    path.write_text(text, encoding="utf-8")
    code = run_cli(["--data-dir", str(data_dir), "quiz", "import", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "không có câu hỏi nào" in err
