"""The command line: exact JSON and exit codes 0 / 1 / 2."""
from __future__ import annotations

import json

from tests.cli_auth import run_cli

from .conftest import PROVINCE


def run(capsys, *args) -> tuple[int, dict | str, str]:
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err


def test_whole_exchange_on_the_command_line(pair, capsys, tmp_path):
    d, p = str(pair.district.data_dir), str(pair.province.data_dir)
    pair.staff(3)
    code, out, _ = run(capsys, "--data-dir", p, "district", "add", "--code", "BHXHBA",
                       "--name", "BHXH huyện Ba", "--json")
    assert code == 0 and out == {"code": "BHXHBA", "name": "BHXH huyện Ba", "email": ""}
    code, out, _ = run(capsys, "--data-dir", p, "province-profile", "export", "--out",
                       str(tmp_path / "p.isoprofile"), "--email", "iso@tinh.vn", "--json")
    assert code == 0 and out["districts"] == ["BHXHBA", "BHXHTEST"]
    code, out, _ = run(capsys, "--data-dir", d, "enroll", "--profile",
                       str(tmp_path / "p.isoprofile"), "--json")
    assert code == 0 and out["province"] == PROVINCE.code and out["email"] == "iso@tinh.vn"

    code, out, _ = run(capsys, "--data-dir", d, "sync", "export", "--out", str(pair.usb),
                       "--json")
    assert code == 0
    assert {"package", "seq", "counts"} <= set(out) and out["seq"] == 1
    assert out["counts"] == {"user_keys": 4, "staff": 3}
    package = out["package"]

    code, out, err = run(capsys, "--data-dir", p, "sync", "import", package, "--json")
    assert code == 1 and out["status"] == "error" and out["error"] == "new_sender_key"
    assert out["fingerprint"] and out["fingerprint"] in err
    assert "--trust-new-sender" in err  # the command line adds its own hint

    code, out, _ = run(capsys, "--data-dir", p, "sync", "import", package, "--dry-run", "--json",
                       "--trust-new-sender")
    assert code == 0 and out["dry_run"] and out["imported"] == 7

    code, out, _ = run(capsys, "--data-dir", p, "sync", "import", package, "--json",
                       "--trust-new-sender")
    assert code == 0
    for key in ("status", "package", "sender", "seq", "imported", "updated", "ignored",
                "deleted", "quarantined", "gaps"):
        assert key in out
    assert (out["status"], out["sender"], out["seq"], out["imported"]) == ("ok", "BHXHTEST", 1, 7)
    assert out["quarantined"] == [] and out["gaps"] == []

    code, out, _ = run(capsys, "--data-dir", p, "sync", "import", package, "--json")
    assert code == 0 and out["status"] == "warning" and out["ignored"] == 7

    code, out, _ = run(capsys, "--data-dir", p, "sync", "ack", "--out", str(pair.usb), "--json")
    assert code == 0 and len(out["acks"]) == 1
    code, out, _ = run(capsys, "--data-dir", d, "sync", "ack-import", out["acks"][0], "--json")
    assert code == 0 and out["highest_seq"] == 1 and out["received"] == 7

    code, out, _ = run(capsys, "--data-dir", d, "sync", "status", "--json")
    assert code == 0 and out["records"] == {"not_sent": 0, "sent": 0, "received": 7,
                                            "refused": 0}
    code, out, _ = run(capsys, "--data-dir", p, "sync", "status", "--json")
    assert [x["code"] for x in out["districts"]] == ["BHXHBA", "BHXHTEST"]
    code, out, _ = run(capsys, "--data-dir", p, "district", "list", "--json")
    assert {x["code"]: x["key"] for x in out["districts"]} == {"BHXHBA": "waiting",
                                                               "BHXHTEST": "trusted"}


def test_exit_codes(pair, capsys, tmp_path):
    d = str(pair.district.data_dir)
    code, _, err = run(capsys, "--data-dir", d, "sync", "import")
    assert code == 2 and "cú pháp" in err
    code, _, err = run(capsys, "--data-dir", d, "sync", "import", str(tmp_path / "none.isosync"))
    assert code == 1 and "Không đọc được" in err
    junk = tmp_path / "junk.isosync"
    junk.write_bytes(b"hello")
    code, out, err = run(capsys, "--data-dir", d, "sync", "import", str(junk), "--json")
    assert code == 1 and out["status"] == "error" and "không phải gói" in out["message"]
    code, _, err = run(capsys, "--data-dir", d, "district", "add", "--code", "X1", "--name", "x")
    assert code == 1 and "cấp tỉnh" in err
    code, out, err = run(capsys, "--data-dir", d, "sync", "ack-import", str(junk), "--json")
    assert code == 1 and out["status"] == "error"


def test_folder_import_and_eml(pair, capsys):
    d, p = str(pair.district.data_dir), str(pair.province.data_dir)
    pair.staff(2)
    code, out, _ = run(capsys, "--data-dir", d, "sync", "export", "--out", str(pair.usb),
                       "--eml", "--json")
    assert code == 0 and out["eml"][0].endswith(".eml")
    eml = open(out["eml"][0], encoding="utf-8").read()
    assert "To: iso.tinh@example.vn" in eml and "BHXHTEST-00001.isosync" in eml
    code, out, _ = run(capsys, "--data-dir", p, "sync", "import", str(pair.usb), "--json",
                       "--trust-new-sender")
    assert code == 0 and out["status"] == "ok" and out["packages"][0]["imported"] == 6


def test_district_add_with_fingerprint(capsys, pair):
    from sync.keys import public_keys, unit_fingerprint
    from sync.peers import get_peer

    other = "BHXHBA"
    p = str(pair.province.path.parent)
    fp = unit_fingerprint(*public_keys(pair.district))
    code, _out, _ = run(capsys, "--data-dir", p, "district", "add", "--code", other, "--name",
                        "BHXH huyện Ba", "--fingerprint", fp.lower(), "--json")
    assert code == 0 and get_peer(pair.province, other).fingerprint == fp
    code, _out, err = run(capsys, "--data-dir", p, "district", "add", "--code", "BHXHBON",
                          "--name", "BHXH huyện Bốn", "--fingerprint", "12-34")
    assert code == 1 and "24 chữ số" in err
