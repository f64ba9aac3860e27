"""The ISO commands of `isodesk`: --json output, exit codes 0/1/2, the same rules as the GUI."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from desktop.output.iso.documents_xlsx import COLUMNS
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.staff import StaffRepository
from tests.cli_auth import run_cli

from .conftest import ROSTER

TODAY = dt.date.today()


def d(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).strftime("%d/%m/%Y")


@pytest.fixture
def run(data_dir, capsys):
    def run(*args, expect: int = 0):
        code = run_cli(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        assert code == expect, (code, out, err)
        return json.loads(out) if "--json" in args and out.strip() else out, err
    return run


@pytest.fixture
def with_roster(data_dir):
    store = open_store(data_dir / DB_FILENAME)
    for p in ROSTER:
        StaffRepository(store).add(p)
    store.close(clean=False)


def test_team_commands(run, with_roster, tmp_path):
    run("team", "add", "--staff-code", "ST001", "--role", "Tổ trưởng", "--json")
    run("team", "add", "--full-name", "Đỗ Minh Khôi", "--role", "member", "--position",
        "Chuyên gia tư vấn", "--phone", "0912345678", "--json")
    _, err = run("team", "add", "--staff-code", "ST002", "--role", "head", expect=1)
    assert "Tổ đã có Tổ trưởng" in err
    _, err = run("team", "add", "--full-name", "X", "--role", "boss", expect=2)
    run("team", "decision", "--number", "112/QĐ-BHXH", "--date", "01/06/2020", "--json")
    out, _ = run("team", "list", "--json")
    assert out["decision"]["number"] == "112/QĐ-BHXH"
    assert [(m["full_name"], m["role"], m["external"]) for m in out["members"]] == [
        ("Phạm Quốc Hùng", "head", False), ("Đỗ Minh Khôi", "member", True)]
    out, _ = run("team", "export", str(tmp_path / "to.pdf"), "--json")
    assert out["pages"] == 1 and "Đỗ Minh Khôi" in PdfReader(tmp_path / "to.pdf").pages[0]\
        .extract_text()
    run("team", "export", str(tmp_path / "to.xlsx"), "--json")
    assert load_workbook(tmp_path / "to.xlsx").active.max_row >= 10
    run("team", "export", str(tmp_path / "to.doc"), expect=2)


def test_team_list_marks_who_left_and_export_warns(run, with_roster, data_dir, tmp_path):
    _, err = run("team", "export", str(tmp_path / "empty.xlsx"), expect=1)
    assert "chưa có thành viên nào" in err and not (tmp_path / "empty.xlsx").exists()
    run("team", "add", "--staff-code", "ST001", "--role", "head")
    run("team", "add", "--staff-code", "ST003", "--role", "deputy")
    store = open_store(data_dir / DB_FILENAME)
    staff = StaffRepository(store)
    staff.set_active(staff.by_code("ST003").id, False)
    store.close(clean=False)
    out, _ = run("team", "list", "--json")
    assert [(m["role"], m["staff_active"]) for m in out["members"]] == [("head", True),
                                                                       ("deputy", False)]
    out, _ = run("team", "list")
    assert "Tổ trưởng" in out and "Tổ phó" in out and "head" not in out
    assert "Nguyễn Văn Thành" in out and "(đã nghỉ việc)" in out
    out, err = run("team", "export", str(tmp_path / "to.xlsx"), "--json")
    assert out["members"] == 2 and out["members_who_left"] == ["Nguyễn Văn Thành"]
    assert "không còn công tác tại đơn vị" in err
    _, err = run("team", "export", str(tmp_path / "nonexist" / "t.xlsx"), expect=1)
    assert f"Thư mục {tmp_path / 'nonexist'} không tồn tại" in err
    assert not (tmp_path / "nonexist").exists()


def _register(tmp_path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH MỤC"])
    ws.append([])
    ws.append([h for _, h, _ in COLUMNS])
    for r in rows:
        ws.append(r)
    wb.save(tmp_path / "dm.xlsx")
    return str(tmp_path / "dm.xlsx")


def test_documents_import_dry_run_errors_and_list(run, tmp_path):
    good = ["QT-01", "Quy trình một", "Quy trình nội bộ", "2015", "01", "Đang hiệu lực", "GĐ",
            d(-30), d(-20)]
    bad = ["QT-02", "Quy trình hai", "Quy trình nội bộ", "2015", "01", "Đang hiệu lực", "GĐ",
           d(-10), d(-20)]
    path = _register(tmp_path, [good, bad])
    out, err = run("documents", "import", path, "--dry-run", "--json", expect=1)
    assert out["errors"] == [{"row": 5, "message": out["errors"][0]["message"]}]
    assert "Dòng 5:" in err and out["imported"] is False
    out, _ = run("documents", "import", path, "--json", expect=1)
    assert (out["imported"], out["added"], out["would_add"]) == (False, 0, 1)
    listing, _ = run("documents", "list", "--json")
    assert listing["documents"] == []
    path = _register(tmp_path, [good])
    out, _ = run("documents", "import", path, "--dry-run", "--json")
    assert (out["added"], out["would_add"], out["dry_run"], out["imported"]) == (0, 1, True,
                                                                                 False)
    assert run("documents", "list", "--json")[0]["documents"] == []
    out, _ = run("documents", "import", path, "--json")
    assert (out["added"], out["would_add"], out["imported"]) == (1, 1, True)
    listing, _ = run("documents", "list", "--json")
    assert [(x["code"], x["state"]) for x in listing["documents"]] == [("QT-01", "in_force")]
    assert listing["counts"]["in_force"] == 1
    out, _ = run("documents", "list")
    assert "Đang hiệu lực" in out and "in_force" not in out
    run("documents", "import", str(tmp_path / "none.xlsx"), expect=1)


def test_documents_life_on_the_command_line(run, tmp_path):
    run("documents", "add", "--code", "QT-05", "--title", "Quy trình năm", "--kind",
        "internal_procedure", "--json")
    _, err = run("documents", "advance", "QT-05", "--to", "in_force", "--date", d(0), expect=1)
    assert "chỉ chuyển được sang" in err
    run("documents", "advance", "QT-05", "--to", "approved", "--approver", "GĐ", "--date", d(-2))
    run("documents", "advance", "QT-05", "--to", "in_force", "--date", d(-1))
    out, _ = run("documents", "new-version", "QT-05", "--json")
    assert out["revision"] == "02"
    _, err = run("documents", "advance", "QT-05", "--revision", "01", "--to", "obsolete",
                 "--date", d(0), expect=1)
    assert "Chỉ phiên bản mới nhất" in err
    (tmp_path / "qt05.pdf").write_bytes(b"%PDF-1.4")
    run("documents", "attach", "QT-05", "--revision", "01", str(tmp_path / "qt05.pdf"))
    out, _ = run("documents", "history", "QT-05", "--revision", "01", "--json")
    assert [e["action"] for e in out["history"]] == ["insert", "update", "update", "insert"]
    run("documents", "export", str(tmp_path / "xuat.xlsx"))
    run("documents", "template", str(tmp_path / "mau.xlsx"))
    for command in ("export", "template"):
        _, err = run("documents", command, str(tmp_path / "khong-co" / "x.xlsx"), expect=1)
        assert f"Thư mục {tmp_path / 'khong-co'} không tồn tại" in err
    assert not (tmp_path / "khong-co").exists()
    run("documents", "history", "KHONG-CO", expect=1)


def test_plan_nc_review_and_report(run, tmp_path):
    out, _ = run("plan", "load", "--json")
    assert len(out["items"]) == 9
    run("plan", "load", expect=1)
    listing, _ = run("plan", "list", "--json")
    assert listing["plan_total"] == 9 and listing["items"][0]["overdue"] is True
    first = listing["items"][0]["id"]
    run("plan", "update", first, "--status", "done", "--completed", d(1), expect=1)
    out, _ = run("plan", "list")
    assert "Chưa thực hiện" in out and "pending" not in out
    _, err = run("plan", "update", first, "--status", "pending", "--completed", "01/11/2020",
                 expect=1)
    assert "--status done" in err
    _, err = run("plan", "update", first, "--completed", "01/11/2020", expect=1)
    assert "Chưa thực hiện" in err
    run("plan", "update", first, "--status", "done", "--completed", "20/10/2020", "--json")
    assert run("plan", "list", "--json")[0]["plan_done"] == 1

    out, _ = run("nc", "add", "--description", "Hồ sơ trả chậm", "--detected", d(-5), "--json")
    code = out["code"]
    _, err = run("nc", "close", code, expect=1)
    assert "chưa có kế hoạch khắc phục" in err
    _, err = run("nc", "start", code, expect=1)
    run("nc", "plan", code, "--cause", "Thiếu người", "--action", "Bố trí thêm", "--owner",
        "Lê Thị Thu Hà", "--due", d(-1))
    run("nc", "start", code)
    out, _ = run("nc", "list")
    assert "Đang khắc phục" in out and "in_progress" not in out
    out, _ = run("nc", "show", code)
    assert "Giai đoạn: Đang khắc phục" in out and "Nguyên nhân: Thiếu người" in out
    assert "stage" not in out and "in_progress" not in out and "corrective_action" not in out
    _, err = run("nc", "close", code, expect=1)
    assert "chưa được kiểm tra hiệu lực" in err
    run("nc", "verify", code, "--result", "Đã hết trả chậm", "--by", "GĐ")
    out, _ = run("nc", "close", code, "--json")
    assert out["stage"] == "closed"
    listing, _ = run("nc", "list", "--json")
    assert (listing["nc_closed"], listing["nc_open"]) == (1, 0)
    run("nc", "advance", code, "--to", "planned", expect=1)
    run("nc", "list", "--stage", "nowhere", expect=2)

    run("review", "add", "--date", d(-3), "--chair", "Phạm Quốc Hùng", "--participant", "A",
        "--input", "objectives", "--input", "audit_results", "--decisions", "Cải tiến")
    out, _ = run("review", "list", "--json")
    assert out["review_due"] is False and out["reviews"][0]["inputs_covered"] == 2
    run("review", "add", "--date", d(5), "--chair", "X", "--participant", "A", expect=1)

    out, _ = run("report", "annual", "--year", str(TODAY.year), "--out",
                 str(tmp_path / "bc.xlsx"), "--json")
    assert out["format"] == "xlsx" and out["figures"]["records"]["plan_total"] == 9
    _, err = run("report", "annual", "--year", str(TODAY.year), "--out",
                 str(tmp_path / "khong-co" / "x.pdf"), expect=1)
    assert f"Thư mục {tmp_path / 'khong-co'} không tồn tại" in err
    assert not (tmp_path / "khong-co").exists()
    assert [s["title"] for s in out["sections"]][-1] == "Kiến nghị, đề xuất"
    out, _ = run("report", "annual", "--year", str(TODAY.year), "--out",
                 str(tmp_path / "bc.pdf"), "--json")
    assert out["pages"] >= 2 and (tmp_path / "bc.pdf").exists()
    run("report", "annual", "--year", "2026", "--out", str(tmp_path / "bc.docx"), expect=2)
    run("report", "annual", "--out", str(tmp_path / "bc.pdf"), expect=2)


def test_plan_load_with_a_start_day(run):
    out, _ = run("plan", "load", "--start", d(0), "--json")
    assert min(i["due_on"] for i in out["items"]) == TODAY.isoformat()
    listing, _ = run("plan", "list", "--json")
    assert listing["plan_overdue"] == 0


def test_audit_commands(run):
    year = (TODAY - dt.timedelta(days=10)).year
    prog, _ = run("audit", "programme", "--year", str(year), "--title", "Chương trình",
                  "--json")
    _, err = run("audit", "add", "--programme", prog["id"], "--start", f"02/02/{year - 1}",
                 "--by", "internal", "--lead", "X", expect=1)
    assert f"phải nằm trong năm {year} của chương trình đánh giá" in err
    aud, _ = run("audit", "add", "--programme", prog["id"], "--start", d(-10), "--end", d(-9),
                 "--by", "consultant", "--lead", "Đỗ Minh Khôi", "--json")
    assert aud["round_no"] == 1
    run("audit", "add", "--programme", prog["id"], "--start", d(-10), "--end", d(-11),
        "--by", "internal", "--lead", "X", expect=1)
    out, _ = run("audit", "finding", aud["id"], "--kind", "minor", "--description",
                 "Thiếu sổ theo dõi", "--open-nc", "--json")
    assert out["nc"]["source"] == "audit" and out["nc_id"] == out["nc"]["id"]
    listing, _ = run("audit", "list", "--json")
    assert listing["programmes"][0]["audits"][0]["findings"][0]["nc_id"] == out["nc"]["id"]


def test_policy_commands(run, tmp_path):
    (tmp_path / "cs.txt").write_text("Chất lượng là sự hài lòng của người dân.", encoding="utf-8")
    run("policy", "add", "--kind", "policy", "--text", f"@{tmp_path / 'cs.txt'}", "--date",
        d(-1), "--issued-by", "Phạm Quốc Hùng, Giám đốc", "--json")
    out, _ = run("policy", "list", "--json")
    assert out["policies"][0]["body"] == "Chất lượng là sự hài lòng của người dân."
    out, _ = run("policy", "list")
    assert "Chính sách chất lượng" in out and "policy" not in out
    run("policy", "add", "--kind", "policy", "--text", "x", "--date", d(3), "--issued-by", "A",
        expect=1)


def test_report_deadline_setting(run):
    out, _ = run("report", "deadline", "--json")
    assert (out["day"], out["month"]) == (15, 11)
    out, _ = run("report", "deadline", "--set", "01/12", "--json")
    assert (out["day"], out["month"]) == (1, 12)
    _, err = run("report", "deadline", "--set", "31/02", expect=1)
    assert "không hợp lệ" in err
    run("report", "deadline", "--set", "mười lăm", expect=2)


def test_plan_publish(run):
    run("plan", "add", "--title", "Rà soát danh mục", "--due", d(30))
    out, _ = run("plan", "publish", "--set", "kh-2026", "--title", "Kế hoạch của tỉnh", "--json")
    assert out == {"set_code": "KH-2026", "set_title": "Kế hoạch của tỉnh", "milestones": 1}
    run("plan", "publish", "--set", "KH-2026", "--title", "", expect=1)
