"""`isodesk minutes …`: exact JSON and exit codes, on a real data folder."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli_auth import run_cli

from ..conftest import PASSWORD
from .helpers import raw_connection, sample, tamper


@pytest.fixture
def run(data_dir, capsys, monkeypatch):
    def invoke(*args, stdin: str | None = None):
        code = run_cli(["--data-dir", str(data_dir), "minutes", *args], stdin)
        out, err = capsys.readouterr()
        payload = json.loads(out) if out.strip().startswith("{") else None
        return code, payload, err
    return invoke


def write(tmp_path, data, name="m.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_create_sign_verify_pdf_list(run, tmp_path):
    code, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    assert code == 0
    assert out["number"] == "01/BB-BHXHTEST" and set(out) >= {"minutes_id", "number"}
    mid = out["minutes_id"]

    code, out, err = run("sign", mid, "--user", "tuvan", "--meaning", "author",
                         "--password-stdin", "--json", stdin="sai-mat-khau\n")
    assert code == 1 and out is None and "Sai tên đăng nhập hoặc mật khẩu" in err
    code, out, _ = run("sign", mid, "--user", "tuvan", "--meaning", "author",
                       "--password-stdin", "--json", stdin=PASSWORD + "\n")
    assert code == 0 and out["status"] == "signed"
    assert out["signature"]["meaning_text"] == "Người lập biên bản"
    code, out, _ = run("sign", mid, "--user", "iso", "--meaning", "confirm",
                       "--password-stdin", "--json", stdin=PASSWORD + "\n")
    assert code == 0 and out["status"] == "confirmed" and out["pdf_sha256"]

    code, out, _ = run("verify", mid, "--json")
    assert code == 0 and out["valid"] is True
    assert [{k: s[k] for k in ("user", "full_name", "meaning", "valid")}
            for s in out["signatures"]] == [
        {"user": "tuvan", "full_name": "Đỗ Minh Khôi", "meaning": "author", "valid": True},
        {"user": "iso", "full_name": "Lê Thị Thu Hà", "meaning": "confirm", "valid": True}]
    assert all(s["signed_at"] for s in out["signatures"])

    pdf = tmp_path / "bb.pdf"
    code, out, _ = run("pdf", mid, "--out", str(pdf), "--json")
    assert code == 0 and out["copies"] == 3
    assert len(PdfReader(pdf).pages) == out["pages"] == 3 * out["pages_per_copy"]

    code, out, _ = run("list", "--json")
    assert code == 0 and out["count"] == 1
    assert out["minutes"][0]["number"] == "01/BB-BHXHTEST"
    assert out["minutes"][0]["status"] == "confirmed"
    code, out, _ = run("list", "--status", "draft", "--json")
    assert out["minutes"] == []


def test_create_names_each_missing_or_invalid_field(run, tmp_path):
    bad = {"date": "05/01/2026", "start_time": "8 giờ", "participants": [{"side": "unit"}],
           "action_items": [{"description": "Làm", "due": "mai"}]}
    code, out, err = run("create", "--from", str(write(tmp_path, bad)), "--json")
    assert code == 1
    for key in ("subject", "date", "start_time", "end_time", "place", "chair", "secretary",
                "content", "participants[1].name", "action_items[1].due"):
        assert key in out["errors"] and f"{key}:" in err
    code, _, err = run("create", "--from", str(tmp_path / "none.json"))
    assert code == 1 and "Không đọc được" in err
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    code, _, err = run("create", "--from", str(tmp_path / "broken.json"))
    assert code == 1 and "dòng 1" in err
    code, _, err = run("create", "--from", str(write(tmp_path, sample(content="Hay 😀"))))
    assert code == 1 and "content" in err and "U+1F600" in err


def test_update_refused_once_signed_unless_new_revision(run, tmp_path, data_dir):
    _, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    mid = out["minutes_id"]
    change = write(tmp_path, {"subject": "Soát xét (sửa)"}, "u.json")
    code, out, _ = run("update", mid, "--from", str(change), "--json")
    assert code == 0 and out["new_revision"] is False
    run("sign", mid, "--user", "tuvan", "--meaning", "author", "--password-stdin",
        stdin=PASSWORD + "\n")
    code, out, err = run("update", mid, "--from", str(change), "--json")
    assert code == 1 and "--new-revision" in err
    code, out, _ = run("update", mid, "--from", str(change), "--new-revision", "--json")
    assert code == 0 and out["revision"] == 2 and out["status"] == "draft"
    new_id = out["revision_id"]
    code, out, _ = run("sign", new_id, "--user", "tuvan", "--meaning", "author",
                       "--password-stdin", "--json", stdin=PASSWORD + "\n")
    assert code == 0 and out["revision"] == 2
    code, out, _ = run("show", mid, "--json")
    assert [r["status"] for r in out["revisions"]] == ["signed", "signed"]
    assert out["subject"] == "Soát xét (sửa)"


def test_verify_exits_1_when_altered(run, tmp_path, store):
    _, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    mid = out["minutes_id"]
    run("sign", mid, "--user", "tuvan", "--meaning", "author", "--password-stdin",
        stdin=PASSWORD + "\n")
    conn = raw_connection(store)
    with pytest.raises(Exception):
        conn.execute("UPDATE minutes_revisions SET chair = 'X' WHERE minutes_id = ?", (mid,))
    conn.close()
    tamper(store, "UPDATE minutes_revisions SET chair = 'X' WHERE minutes_id = ?", (mid,))
    code, out, err = run("verify", mid, "--json")
    assert code == 1 and out["valid"] is False
    assert out["signatures"][0]["valid"] is False
    assert "Bản này đã bị thay đổi sau khi ký" in err


def test_attachments_templates_and_export(run, tmp_path):
    (tmp_path / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 plan")
    data = sample(attachments=["ke-hoach.pdf"])
    code, out, _ = run("create", "--from", str(write(tmp_path, data)), "--json")
    assert code == 0
    code, shown, _ = run("show", out["minutes_id"], "--json")
    assert shown["attachments"][0]["name"] == "ke-hoach.pdf"
    code, out, err = run("create", "--from", str(write(tmp_path, sample(attachments=["x.pdf"]))))
    assert code == 1 and "x.pdf" in err
    code, out, _ = run("templates", "--json")
    assert "training" in [t["key"] for t in out["templates"]]
    minimal = {k: v for k, v in sample().items() if k not in ("content", "conclusions")}
    code, out, _ = run("create", "--template", "training", "--from",
                       str(write(tmp_path, minimal, "t.json")), "--json")
    assert code == 0
    code, shown, _ = run("show", out["minutes_id"], "--json")
    assert "Phần 1" in shown["content"]
    xlsx = tmp_path / "so.xlsx"
    code, out, _ = run("export", "--out", str(xlsx), "--json")
    assert code == 0 and out["count"] == 2
    ws = load_workbook(xlsx).active
    assert ws["A1"].value == "SỔ THEO DÕI BIÊN BẢN LÀM VIỆC"
    numbers = {ws.cell(row=r, column=2).value for r in range(5, 7)}
    assert numbers == {"01/BB-BHXHTEST", "02/BB-BHXHTEST"}


def test_wrong_usage_exits_2(run):
    code, _, err = run("sign", "x", "--user", "tuvan", "--meaning", "boss", "--password-stdin")
    assert code == 2
    code, _, err = run("verify", "khong-co", "--json")
    assert code == 1 and "Không tìm thấy" in err


@pytest.mark.parametrize("changes, field", [
    ({"copies": "ba"}, "copies"),
    ({"copies": 2.5}, "copies"),
    ({"copies": 0}, "copies"),
    ({"copies": -1}, "copies"),
    ({"copies": True}, "copies"),
    ({"place": 5}, "place"),
    ({"subject": ["a"]}, "subject"),
    ({"number": "abc"}, "number"),
    ({"number": "5/BB-BHXHTEST"}, "number"),
    ({"number": "05/BB-KHAC"}, "number"),
    ({"number": 5}, "number"),
])
def test_create_refuses_wrong_types_and_ranges_naming_the_field(run, tmp_path, changes, field):
    code, out, err = run("create", "--from", str(write(tmp_path, sample(**changes))), "--json")
    assert code == 1 and "Traceback" not in err
    assert field in out["errors"] and f"{field}:" in err
    code, out, _ = run("list", "--json")
    assert out["count"] == 0


def test_update_refuses_wrong_types_naming_the_field(run, tmp_path):
    code, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    mid = out["minutes_id"]
    code, out, err = run("update", mid, "--from",
                         str(write(tmp_path, {"copies": "ba", "place": 5, "number": "1/BB"},
                                   "u.json")), "--json")
    assert code == 1 and "Traceback" not in err
    assert {"copies", "place", "number"} <= set(out["errors"])
    code, out, _ = run("create", "--from", str(write(tmp_path, sample(number="07/BB-BHXHTEST"),
                                                     "ok.json")), "--json")
    assert code == 0 and out["number"] == "07/BB-BHXHTEST"


def test_verify_reports_a_broken_audit_chain(run, tmp_path, store):
    code, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    mid = out["minutes_id"]
    code, out, _ = run("verify", mid, "--json")
    assert code == 0 and out["audit_chain"]["ok"] is True
    conn = raw_connection(store)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq = (SELECT min(seq) + 1 FROM audit_log)")
    conn.close()
    code, out, err = run("verify", mid, "--json")
    assert code == 1 and out["valid"] is False and out["audit_chain"]["ok"] is False
    assert "Nhật ký kiểm toán" in err


def test_update_new_revision_refused_on_altered_content(run, tmp_path, store):
    code, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    mid = out["minutes_id"]
    run("sign", mid, "--user", "tuvan", "--meaning", "author", "--password-stdin",
        stdin=PASSWORD + "\n")
    tamper(store, "UPDATE minutes_revisions SET place = 'Nơi khác' WHERE minutes_id = ?", (mid,))
    code, out, err = run("update", mid, "--new-revision", "--reason", "Bổ sung", "--from",
                         str(write(tmp_path, {"conclusions": "Thêm."}, "u.json")))
    assert code == 1 and "Không tạo được bản sửa đổi mới" in err and "Traceback" not in err
    code, out, _ = run("show", mid, "--json")
    assert len(out["revisions"]) == 1


def test_sign_on_behalf_of_the_province_committee(run, tmp_path, data_dir):
    code, out, _ = run("create", "--from", str(write(tmp_path, sample())), "--json")
    mid = out["minutes_id"]
    run("sign", mid, "--user", "tuvan", "--meaning", "author", "--password-stdin",
        stdin=PASSWORD + "\n")
    code, out, _ = run("sign", mid, "--user", "iso", "--meaning", "confirm", "--on-behalf",
                       "province", "--password-stdin", "--json", stdin=PASSWORD + "\n")
    assert code == 0
    assert out["signature"]["meaning_text"] == ("Xác nhận của đại diện Ban Chỉ đạo ISO Bảo hiểm "
                                                "xã hội tỉnh Thử Thách")
    pdf = tmp_path / "bb.pdf"
    assert run("pdf", mid, "--out", str(pdf), "--single-copy")[0] == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "ĐẠI DIỆN BAN CHỈ ĐẠO ISO BẢO HIỂM XÃ HỘI TỈNH THỬ THÁCH" in text
