"""What users read is Vietnamese: table names, states, system errors (codes stay in --json)."""
from __future__ import annotations

import errno

from sync import importer
from sync.errors import SyncError
from sync.labels import os_reason, table_label
from sync.reconcile import _report
from sync.summary import ImportSummary
from tests.cli_auth import run_cli


def text_of(capsys, *args) -> tuple[int, str]:
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, out + err


def test_command_line_texts_in_vietnamese(pair, capsys):
    d, p = str(pair.district.data_dir), str(pair.province.data_dir)
    pair.staff(2)
    code, out = text_of(capsys, "--data-dir", d, "sync", "export", "--out", str(pair.usb))
    assert code == 0 and "cán bộ 2" in out and "staff" not in out and "user_keys" not in out
    package = next(pair.usb.glob("*.isosync"))
    code, out = text_of(capsys, "--data-dir", p, "sync", "import", str(package),
                        "--trust-new-sender")
    assert code == 0 and "đã nhập" in out and "OK —" not in out
    code, out = text_of(capsys, "--data-dir", p, "sync", "import", str(package))
    assert "có cảnh báo" in out and "WARNING" not in out
    code, out = text_of(capsys, "--data-dir", p, "sync", "status")
    assert "đã tin cậy" in out and "trusted" not in out and "[]" not in out
    code, out = text_of(capsys, "--data-dir", p, "district", "list")
    assert "đã tin cậy" in out and "trusted" not in out


def test_system_errors_and_tables_named_in_vietnamese(pair, tmp_path):
    try:
        importer.import_package(pair.province, tmp_path / "khong-co.isosync")
    except SyncError as exc:
        assert "No such file" not in exc.message and "không có tệp" in exc.message
    else:
        raise AssertionError("a missing file must be refused")
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"
    s = ImportSummary("ok", "x.isosync")
    _report(s, {"iso_nonconformities": (3, 2)})
    assert "sự không phù hợp: đơn vị có 3, tỉnh có 2" in s.message
    assert "iso_" not in s.message
    assert table_label("staff") == "cán bộ"


def test_the_district_team_is_named_as_a_district_names_it():
    """The ISO team tables come from districts: their team is the "Tổ triển khai ISO"
    (DOMAIN.md), not a "Ban ISO" (the province's is the "Ban Chỉ đạo ISO")."""
    from desktop.models.synced_tables import DIRECTIONS
    from sync.labels import TABLE_LABELS, kinds_text

    assert DIRECTIONS["iso_team_members"] == DIRECTIONS["iso_team_decisions"] == "up"
    assert table_label("iso_team_members") == "thành viên Tổ triển khai ISO"
    assert table_label("iso_team_decisions") == "quyết định thành lập Tổ triển khai ISO"
    assert kinds_text({"iso_team_members": {"received": 3}}) == "Thành viên Tổ triển khai ISO 3"
    assert not [label for label in TABLE_LABELS.values() if "Ban ISO" in label]


def test_damaged_header_says_what_in_words(pair, tmp_path):
    import json
    import struct

    from sync.envelope import MAGIC

    header = json.dumps({"format": 1, "kind": "package"}).encode()
    f = tmp_path / "hong.isosync"
    f.write_bytes(MAGIC + struct.pack(">I", len(header)) + header + b"\0" * 64)
    try:
        importer.import_package(pair.province, f)
    except SyncError as exc:
        assert "package_id" not in exc.message and "mã gói" in exc.message
    else:
        raise AssertionError("a damaged header must be refused")
