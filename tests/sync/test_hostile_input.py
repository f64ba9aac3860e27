"""Hostile bytes from outside: every reader refuses them in Vietnamese (no traceback), and one bad
package never stops the others — it is refused with its reason and recorded, so the
acknowledgement tells its sender."""
from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models.bounded import InputRefused, load_json
from desktop.models.staff import StaffRepository
from desktop.models.quiz import kiosk_files
from desktop.models.quiz.common import QuizError
from sync import ack, exporter, importer
from sync.envelope import MAGIC
from sync.errors import DamagedPackage, SyncError
from sync.peers import enroll
from sync.parts import PART_MAGIC
from tests.cli_auth import ensure_admin, run_cli
from tests.conftest import PASSWORD

from ..conftest import ROOT
from .conftest import rows_of, second_district
from .forge import forge
from .test_faults import STAFF_COLS, count, staff_row

DEEP = 60_000  # "[" characters: far beyond any parser's recursion


def _nested_file(path: Path, magic: bytes = b"") -> Path:
    """60,000 "[": a whole file, or the header of a package (with room for its signature) or
    of an e-mail part."""
    body = b"[" * DEEP
    tail = b"\0" * 64 if magic == MAGIC else b""
    path.write_bytes(magic + struct.pack(">I", len(body)) + body + tail if magic else body)
    return path


def test_the_bounded_reader_refuses_depth_size_and_bad_text():
    assert load_json(b'{"a": [[1]]}', what="x", limit=100) == {"a": [[1]]}
    with pytest.raises(InputRefused, match="lồng nhau quá 32 tầng"):
        load_json(b"[" * DEEP, what="tệp x", limit=10 ** 6)
    with pytest.raises(InputRefused, match="lồng nhau quá 3 tầng"):
        load_json(b"[[[[1]]]]", what="tệp x", limit=100, max_depth=3)  # parsed, then measured
    with pytest.raises(InputRefused, match="lớn hơn giới hạn"):
        load_json(b"[1, 2, 3]", what="tệp x", limit=5)
    with pytest.raises(InputRefused, match="UTF-8"):
        load_json(b"\xff\xfe", what="tệp x", limit=5)
    with pytest.raises(InputRefused, match="dòng 2"):
        load_json(b"{\n,}", what="tệp x", limit=5)
    with pytest.raises(InputRefused):
        load_json(b'{"a": 1, "a": 2}', what="tệp x", limit=50, strict=True)


def _cli(capsys, *args) -> tuple[int, str]:
    capsys.readouterr()
    code = run_cli(args)
    out = capsys.readouterr()
    return code, out.err + out.out


def test_every_reader_of_outside_files_refuses_nesting_without_a_traceback(pair, capsys,
                                                                           tmp_path):
    d, p = pair.district.data_dir, pair.province.data_dir
    package = _nested_file(tmp_path / "long.isosync", MAGIC)
    part = _nested_file(tmp_path / "long.isosync.01-of-02.isopart", PART_MAGIC)
    plain = _nested_file(tmp_path / "long.json")
    profile = _nested_file(tmp_path / "long.isoprofile")
    cases = [
        (p, "sync", "import", package), (p, "sync", "import", part),
        (d, "sync", "ack-import", package), (d, "enroll", "--profile", profile),
        (d, "quiz", "import", plain), (d, "minutes", "create", "--from", plain),
    ]
    for data_dir, *args in cases:
        code, text = _cli(capsys, "--data-dir", data_dir, *args)
        assert code == 1, (args, text)
        assert "Traceback" not in text and ("lồng nhau" in text or "hỏng" in text), (args, text)
    with pytest.raises(QuizError, match="lồng nhau"):
        kiosk_files.import_results(pair.district, plain)


def test_nested_values_inside_a_signed_package(pair):
    pair.staff(1)
    [first] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, first.copied_to, trust_new_sender=True)
    code = pair.district.unit_code
    # a member whose rows nest beyond the parser: the package is refused, with its reason
    deep = forge(pair.district, pair.province, pair.tmp / "deep.isosync", seq=2, tables={
        "staff": (STAFF_COLS, [b"[" * DEEP + b"]" * DEEP])})
    [s] = importer.import_file(pair.province, deep)
    assert s.status == "error" and "lồng nhau" in s.message
    # a row holding a (moderately) nested value: that row alone is quarantined
    nested = staff_row(code, code="N1")
    nested[7] = [[["x"]]] * 3
    fine = staff_row(code, code="N2")
    pkg = forge(pair.district, pair.province, pair.tmp / "nested.isosync", seq=3, from_seq=2,
                tables={"staff": (STAFF_COLS, [nested, fine])})
    [s] = importer.import_file(pair.province, pkg)
    assert s.imported == 1 and [q["id"] for q in s.quarantined] == [nested[0]]
    assert "không phải chữ hoặc số" in s.quarantined[0]["reason"]
    stored = json.loads(pair.province.scalar("SELECT data FROM sync_quarantine WHERE record_id "
                                             "= ?", (nested[0],)))
    assert stored["full_name"].startswith("<giá trị lồng nhau")


def test_a_lone_surrogate_quarantines_its_row_and_the_rest_goes_in(pair):
    pair.staff(1)
    [first] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, first.copied_to, trust_new_sender=True)
    code = pair.district.unit_code
    bad = staff_row(code, name="Nguyễn \ud800 Văn", code="S1")
    fine = staff_row(code, code="S2")
    pkg = forge(pair.district, pair.province, pair.tmp / "sur.isosync", seq=2,
                tables={"staff": (STAFF_COLS, [bad, fine])})
    for _ in range(2):  # and again: a re-import changes nothing and does not fail
        [s] = importer.import_file(pair.province, pkg)
        assert s.status == "warning", s.messages
        assert [q["id"] for q in s.quarantined] == [bad[0]]
        assert "nửa cặp" in s.quarantined[0]["reason"]
    assert "\\ud800" in pair.province.scalar(
        "SELECT data FROM sync_quarantine WHERE record_id = ?", (bad[0],))
    assert count(pair.province, code) == 2
    # the acknowledgement carries the reason back to the district
    [a] = ack.write_acks(pair.province, pair.usb)
    result = ack.import_ack(pair.district, a)
    assert result.packages >= 1


def test_an_unexpected_error_refuses_that_package_alone_and_is_recorded(pair, monkeypatch):
    other = second_district(pair)
    pair.staff(2)
    for i in range(2):
        StaffRepository(other).add({"staff_code": f"H{i}", "full_name": ["Lê Văn Hai", "Mai Thị Ba"][i]})
    folder = pair.tmp / "folder"
    [mine] = exporter.export_packages(pair.district, folder)
    [theirs] = exporter.export_packages(other, folder)
    import sync.permission as permission

    real = permission.check_rows
    victim = mine.package_id

    def flaky(table, columns, rows, **kw):
        if any(isinstance(r, list) and r and r[1] == pair.district.unit_code for r in rows):
            raise KeyError("không lường trước")
        return real(table, columns, rows, **kw)

    monkeypatch.setattr(permission, "check_rows", flaky)
    summaries = importer.import_many(pair.province, [folder], trust_new_sender=True)
    by_id = {s.package_id: s for s in summaries}
    assert by_id[victim].status == "error" and by_id[victim].error_code == "unexpected"
    assert "KeyError" in by_id[victim].message
    assert by_id[theirs.package_id].status == "ok"
    assert count(pair.province, other.unit_code) == 2 and count(pair.province,
                                                                pair.district.unit_code) == 0
    row = pair.province.query_one("SELECT status, reason FROM sync_packages WHERE package_id = ?",
                                  (victim,))
    assert row["status"] == "refused" and "không lường trước" in row["reason"]
    monkeypatch.setattr(permission, "check_rows", real)
    [again] = importer.import_file(pair.province, mine.copied_to)
    assert again.status == "ok" and count(pair.province, pair.district.unit_code) == 2
    other.close(clean=False)


def test_a_folder_import_in_a_real_process_goes_past_hostile_files(pair, tmp_path):
    """The command line, as a process: garbage, deep nesting and a damaged package first in
    the folder; the genuine package after them goes in; no traceback."""
    pair.staff(3)
    folder = tmp_path / "stick"
    folder.mkdir()
    [good] = exporter.export_packages(pair.district, folder)
    _nested_file(folder / "AAA-00001.isosync", MAGIC)
    _nested_file(folder / "AAA-00002.isosync.01-of-02.isopart", PART_MAGIC)
    (folder / "AAA-00003.isosync").write_bytes(b"ISOSYNC1" + b"\xff" * 100)
    damaged = bytearray(good.copied_to.read_bytes())
    damaged[-10] ^= 1
    (folder / "AAA-00004.isosync").write_bytes(bytes(damaged))
    ensure_admin(pair.province.data_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(pair.province.data_dir), "sync",
         "import", str(folder), "--trust-new-sender", "--json", "--user", "admin",
         "--password-stdin"], input=PASSWORD + "\n",
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    statuses = {p["package"]: p["status"] for p in out["packages"]}
    assert statuses[good.copied_to.name] == "ok"
    assert sum(1 for v in statuses.values() if v == "error") == 4
    assert len(rows_of(pair.province, "staff", pair.district.unit_code)) == 3


def test_a_refused_profile_leaves_the_enrolment_as_it_was(pair, tmp_path):
    before = pair.district.query("SELECT code, sign_key FROM sync_peers")
    profile = tmp_path / "x.isoprofile"
    profile.write_text('{"format": "isodesk-province-profile", "version": 1, "districts": ' +
                       "[" * 50 + "]" * 50 + "}", encoding="utf-8")
    with pytest.raises(SyncError, match="lồng nhau"):
        enroll(pair.district, profile)
    assert pair.district.query("SELECT code, sign_key FROM sync_peers") == before
    with pytest.raises(DamagedPackage):
        ack.import_ack(pair.district, _nested_file(tmp_path / "a.isosync", MAGIC))
